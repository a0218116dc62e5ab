//! The reach engine: for one customer message, on one channel, from a contact in some segments,
//! at one moment, which trainings open.cx's AI would be given ([`reach`]), for "What will the AI
//! see?". The answer ([`Reach`]) sorts every training of the workspace into exactly one of three
//! lists, each counted whole and named up to [`LISTED`] trainings (the screen shows a few, and
//! 10,000 names would cost more to send than to find):
//!
//! 1. the "Always on" trainings that apply, with their combined length (what the AI is given in
//!    every conversation costs room in every conversation) and a warning past the budget
//!    ([`radar::ALWAYS_ON_BUDGET_CHARS`]), named by title;
//! 2. the "When asked" trainings that apply, ranked by how well their live text matches the
//!    message's words (tantivy's BM25 over the workspace's one index, `search_index.rs`), each
//!    with its score and the message's words it contains; the best are named, those sharing no
//!    word with the message only counted. That is a likely order, not open.cx's: the answer says
//!    so in [`LIKELY_MATCHES_LABEL`];
//! 3. every training left out, with exactly one reason ([`LeftOutReason`]), grouped by the kind
//!    of reason ([`LeftOutGroup`]), the first that is true in this order of precedence:
//!    1. not in use (a draft: never published, or taken out of use) — whether a training is in
//!       use is [`PublicationState::of`], the state the list and the editor show, which follows
//!       the workspace's draft rules through open.cx's own answer;
//!    2. not on the message's channel (no channel ticked means every channel);
//!    3. not for any of the contact's segments (no segment ticked means every customer);
//!    4. not started yet, or ended: a training is active from `start_time` (included) until
//!       `end_time` (excluded); a missing bound is open.
//!
//! With an unsaved edit ([`ReachEdit`], "Include my unsaved changes"), the edited training is
//! read as it would be once published: the edit's text, type, channels, segments and schedule,
//! in use; its text replaces what the index holds for it in this question only.
//!
//! Every word comes from the app's vocabulary (`vocabulary.rs`): channel and segment names, the
//! "Draft" state; the sentences here only put them in place.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::cmp::Ordering;

use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::radar;
use crate::search_index::{Replacement, Text, TrainingIndex};
use crate::vocabulary::{channel_label, segments_label, type_label, PublicationState, SCHEDULE};

/// How the "when asked" ranking is labelled wherever it is shown.
pub const LIKELY_MATCHES_LABEL: &str = "Likely matches, by the words used — open.cx's AI decides";

/// How many trainings each list of an answer names (per kind of reason, for those left out);
/// the others are counted.
pub const LISTED: usize = 20;

/// One question: a customer's message, where it comes from, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReachQuestion {
    pub message: String,
    pub channel: Channel,
    /// The ids of the segments the contact is in.
    pub segment_ids: Vec<String>,
    /// The moment the message is asked about.
    pub at: DateTime<Utc>,
    /// The editor's clock, in minutes east of UTC, for the dates of "Starts …" and "Ended …".
    pub utc_offset_minutes: i32,
    /// One training's unsaved edit, read as published for this question only.
    pub edit: Option<ReachEdit>,
}

/// The editor's unsaved form of training `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReachEdit {
    pub id: String,
    pub draft: TrainingDraft,
}

/// What the AI would likely be given for one [`ReachQuestion`] (see the module documentation).
/// The counts add up to the trainings of the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reach {
    /// [`LIKELY_MATCHES_LABEL`], the heading of `when_asked`.
    pub ranking_label: String,
    /// The first [`LISTED`] "Always on" trainings that apply, by title.
    pub always_on: Vec<AlwaysOn>,
    /// How many "Always on" trainings apply, named or not.
    pub always_on_count: u32,
    /// The characters of every "Always on" training that applies, together.
    pub always_on_chars: u32,
    /// The most always-on text one conversation should carry ([`radar::ALWAYS_ON_BUDGET_CHARS`]).
    pub always_on_budget_chars: u32,
    /// Said when `always_on_chars` is over the budget.
    pub always_on_warning: Option<String>,
    /// The [`LISTED`] "When asked" trainings that apply and match the message best, best first
    /// (on equal scores, by title); each shares a word with the message.
    pub when_asked: Vec<LikelyMatch>,
    /// How many "When asked" trainings apply, named or not.
    pub when_asked_count: u32,
    /// Of those, how many share no word with the message (never named).
    pub when_asked_unmatched: u32,
    /// The trainings left out, one group per kind of reason that has any, in the order of
    /// precedence.
    pub left_out: Vec<LeftOutGroup>,
}

/// An "Always on" training that applies.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AlwaysOn {
    pub id: String,
    pub title: String,
    /// The characters of its title and content as the AI is given them.
    pub chars: u32,
}

/// A "When asked" training that applies, and how well it matches the message.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LikelyMatch {
    pub id: String,
    pub title: String,
    /// BM25 relevance; 0 when the training shares no word with the message.
    pub score: f32,
    /// The message's words (as written) found in the training's title or content.
    pub matched_words: Vec<String>,
}

/// The trainings left out for one kind of reason.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LeftOutGroup {
    pub kind: LeftOutKind,
    /// The kind in plain words, for this question: "Not on WhatsApp".
    pub heading: String,
    /// How many trainings are left out for it, named or not.
    pub count: u32,
    /// The first [`LISTED`], by title.
    pub trainings: Vec<LeftOut>,
}

/// The kinds of [`LeftOutReason`], in the order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LeftOutKind {
    Draft,
    NotOnChannel,
    NotForSegments,
    NotStarted,
    Ended,
}

impl LeftOutKind {
    const ALL: [LeftOutKind; 5] = [
        LeftOutKind::Draft,
        LeftOutKind::NotOnChannel,
        LeftOutKind::NotForSegments,
        LeftOutKind::NotStarted,
        LeftOutKind::Ended,
    ];

    /// The group's heading for a message on `channel`.
    fn heading(self, channel: &Channel) -> String {
        match self {
            LeftOutKind::Draft => not_in_use(),
            LeftOutKind::NotOnChannel => not_on(channel),
            LeftOutKind::NotForSegments => "Only for other segments".to_owned(),
            LeftOutKind::NotStarted => "Not started yet".to_owned(),
            LeftOutKind::Ended => SCHEDULE.ended.to_owned(),
        }
    }
}

/// "Draft: not used by the AI until published", a draft's heading and sentence alike.
fn not_in_use() -> String {
    format!(
        "{}: not used by the AI until published",
        PublicationState::Draft.label()
    )
}

/// "Not on WhatsApp": one channel per question, so a heading and a sentence alike.
fn not_on(channel: &Channel) -> String {
    format!("Not on {}", channel_label(channel))
}

/// A training the AI would not be given, and the one reason why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LeftOut {
    pub id: String,
    pub title: String,
    pub reason: LeftOutReason,
    /// The reason in plain words: "Not on WhatsApp".
    pub sentence: String,
}

/// Why a training is left out, in the order of precedence (the first true one is given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum LeftOutReason {
    /// Not in use: never published, or taken out of use.
    Draft,
    /// Restricted to channels that do not include the message's.
    NotOnChannel {
        channel: Channel,
    },
    /// Restricted to segments the contact is in none of (their ids).
    NotForSegments {
        segment_ids: Vec<String>,
    },
    NotStarted {
        starts: DateTime<Utc>,
    },
    Ended {
        ended: DateTime<Utc>,
    },
}

impl LeftOutReason {
    pub fn kind(&self) -> LeftOutKind {
        match self {
            LeftOutReason::Draft => LeftOutKind::Draft,
            LeftOutReason::NotOnChannel { .. } => LeftOutKind::NotOnChannel,
            LeftOutReason::NotForSegments { .. } => LeftOutKind::NotForSegments,
            LeftOutReason::NotStarted { .. } => LeftOutKind::NotStarted,
            LeftOutReason::Ended { .. } => LeftOutKind::Ended,
        }
    }

    /// The reason in plain words, segments named from `segments`, dates on the editor's clock.
    fn sentence(&self, segments: &[Segment], clock: FixedOffset) -> String {
        let day = |at: &DateTime<Utc>| at.with_timezone(&clock).format("%-d %b %Y").to_string();
        match self {
            LeftOutReason::Draft => not_in_use(),
            LeftOutReason::NotOnChannel { channel } => not_on(channel),
            LeftOutReason::NotForSegments { segment_ids } => {
                format!("Only for {}", segments_label(segment_ids, segments))
            }
            LeftOutReason::NotStarted { starts } => format!("{} {}", SCHEDULE.starts, day(starts)),
            LeftOutReason::Ended { ended } => format!("{} {}", SCHEDULE.ended, day(ended)),
        }
    }
}

/// A training as a question reads it: as the workspace holds it, or as its edit would publish
/// it. The coverage map (`coverage.rs`) reads trainings the same way.
pub(crate) struct Candidate<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) training_type: TrainingType,
    in_use: bool,
    channels: &'a [Channel],
    segment_ids: &'a [String],
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    /// What the AI is given while it is in use.
    text: Text<'a>,
}

impl<'a> Candidate<'a> {
    pub(crate) fn of(training: &'a Training) -> Self {
        Candidate {
            id: &training.id,
            title: training.shown_title(),
            training_type: training.training_type,
            in_use: PublicationState::of(training) != PublicationState::Draft,
            channels: &training.restricted_to_channels,
            segment_ids: &training.restricted_to_segments,
            start: training.start_time,
            end: training.end_time,
            text: Text::live(training),
        }
    }

    /// `edit` as published.
    fn edited(edit: &'a ReachEdit) -> Self {
        let draft = &edit.draft;
        Candidate {
            id: &edit.id,
            title: &draft.title,
            training_type: draft.training_type,
            in_use: true,
            channels: &draft.restricted_to_channels,
            segment_ids: &draft.restricted_to_segments,
            start: draft.start_time,
            end: draft.end_time,
            text: Text {
                title: &draft.title,
                content: &draft.content,
            },
        }
    }

    /// The first reason, in the order of precedence, to leave it out of a message on `channel`
    /// from a contact in `segment_ids` at `at`.
    pub(crate) fn left_out_reason(
        &self,
        channel: &Channel,
        segment_ids: &[String],
        at: DateTime<Utc>,
    ) -> Option<LeftOutReason> {
        if !self.in_use {
            return Some(LeftOutReason::Draft);
        }
        if !self.channels.is_empty() && !self.channels.contains(channel) {
            return Some(LeftOutReason::NotOnChannel {
                channel: channel.clone(),
            });
        }
        if !self.segment_ids.is_empty()
            && !self.segment_ids.iter().any(|id| segment_ids.contains(id))
        {
            return Some(LeftOutReason::NotForSegments {
                segment_ids: self.segment_ids.to_vec(),
            });
        }
        match (self.start, self.end) {
            (Some(starts), _) if at < starts => Some(LeftOutReason::NotStarted { starts }),
            (_, Some(ended)) if at >= ended => Some(LeftOutReason::Ended { ended }),
            _ => None,
        }
    }

    /// The characters of its title and content, as the AI is given them.
    pub(crate) fn chars(&self) -> u32 {
        let count = self.text.title.chars().count() + self.text.content.chars().count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }
}

/// What the AI would likely be given for `question`, over `trainings` (the workspace's, which
/// `index` holds), naming segments from `segments`; each list names up to [`LISTED`].
pub fn reach<'a>(
    question: &ReachQuestion,
    trainings: impl IntoIterator<Item = &'a Training>,
    index: &TrainingIndex,
    segments: &[Segment],
) -> Result<Reach> {
    reach_naming(question, trainings, index, segments, LISTED)
}

/// [`reach`], with each list naming up to `listed` trainings.
pub fn reach_naming<'a>(
    question: &ReachQuestion,
    trainings: impl IntoIterator<Item = &'a Training>,
    index: &TrainingIndex,
    segments: &[Segment],
    listed: usize,
) -> Result<Reach> {
    let edit = question.edit.as_ref();
    let mut edited = None;
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for training in trainings {
        match edit {
            Some(edit) if edit.id == training.id => edited = Some(training),
            _ => candidates.push(Candidate::of(training)),
        }
    }
    let replacement = edit.map(|edit| Replacement {
        id: &edit.id,
        old: edited.map(Text::live),
        new: Text {
            title: &edit.draft.title,
            content: &edit.draft.content,
        },
    });
    if let Some(edit) = edit {
        candidates.push(Candidate::edited(edit));
    }
    let ranked = index.rank(&question.message, replacement)?;

    // Sorted first by reference (nothing copied), then only the named ones are written out.
    let mut always_on = Vec::new();
    let mut always_on_chars = 0u32;
    let mut matched = Vec::new();
    let mut when_asked_count = 0u32;
    let mut left_out: [Vec<(Candidate<'_>, LeftOutReason)>; 5] = Default::default();
    for candidate in candidates {
        let reason =
            candidate.left_out_reason(&question.channel, &question.segment_ids, question.at);
        if let Some(reason) = reason {
            left_out[reason.kind() as usize].push((candidate, reason));
            continue;
        }
        match candidate.training_type {
            TrainingType::Behavioral => {
                always_on_chars = always_on_chars.saturating_add(candidate.chars());
                always_on.push(candidate);
            }
            TrainingType::ScenarioSpecific => {
                when_asked_count += 1;
                if let Some(score) = ranked.score(candidate.id) {
                    matched.push((candidate, score));
                }
            }
        }
    }
    let always_on_count = count(&always_on);
    let when_asked_unmatched = when_asked_count - count(&matched);
    let by_title = |a: &Candidate<'_>, b: &Candidate<'_>| (a.title, a.id).cmp(&(b.title, b.id));
    let always_on = first(always_on, listed, by_title)
        .into_iter()
        .map(|c| AlwaysOn {
            chars: c.chars(),
            id: c.id.to_owned(),
            title: c.title.to_owned(),
        })
        .collect();
    let best_first = |a: &(Candidate<'_>, f32), b: &(Candidate<'_>, f32)| {
        b.1.total_cmp(&a.1).then_with(|| by_title(&a.0, &b.0))
    };
    let when_asked = first(matched, listed, best_first)
        .into_iter()
        .map(|(c, score)| LikelyMatch {
            id: c.id.to_owned(),
            title: c.title.to_owned(),
            score,
            matched_words: ranked
                .get(c.id)
                .map(|scored| scored.matched_words)
                .unwrap_or_default(),
        })
        .collect();
    let clock = FixedOffset::east_opt(question.utc_offset_minutes.saturating_mul(60))
        .unwrap_or_else(|| Utc.fix());
    let left_out = LeftOutKind::ALL
        .into_iter()
        .zip(left_out)
        .filter(|(_, trainings)| !trainings.is_empty())
        .map(|(kind, trainings)| LeftOutGroup {
            kind,
            heading: kind.heading(&question.channel),
            count: count(&trainings),
            trainings: first(trainings, listed, |a, b| by_title(&a.0, &b.0))
                .into_iter()
                .map(|(c, reason)| LeftOut {
                    id: c.id.to_owned(),
                    title: c.title.to_owned(),
                    sentence: reason.sentence(segments, clock),
                    reason,
                })
                .collect(),
        })
        .collect();
    Ok(Reach {
        ranking_label: LIKELY_MATCHES_LABEL.to_owned(),
        always_on,
        always_on_count,
        always_on_chars,
        always_on_budget_chars: count_of(radar::ALWAYS_ON_BUDGET_CHARS),
        always_on_warning: radar::over_budget(always_on_chars as usize).then(|| {
            radar::over_budget_sentence(
                &format!(
                    "The \"{}\" trainings that apply",
                    type_label(TrainingType::Behavioral)
                ),
                always_on_chars as usize,
            )
        }),
        when_asked,
        when_asked_count,
        when_asked_unmatched,
        left_out,
    })
}

/// The first `n` of `items` in `order`, in that order (the rest are only counted).
fn first<T>(mut items: Vec<T>, n: usize, mut order: impl FnMut(&T, &T) -> Ordering) -> Vec<T> {
    if n == 0 {
        items.clear();
    } else if n < items.len() {
        items.select_nth_unstable_by(n - 1, &mut order);
        items.truncate(n);
    }
    items.sort_by(order);
    items
}

fn count<T>(items: &[T]) -> u32 {
    count_of(items.len())
}

fn count_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::test_support::{segment, training};

    /// Noon on 5 Dec 2026, UTC: the moment asked about.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()
    }

    fn support(id: &str, kind: TrainingType, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.training_type = kind;
        t.title = title.into();
        t.content = content.into();
        t.start_time = None;
        t
    }

    fn segments() -> Vec<Segment> {
        vec![segment("vip", "VIP"), segment("trial", "Trial")]
    }

    /// A support team's workspace: always-on rules for every channel, for WhatsApp only, for
    /// email only and for VIP customers only; a draft; one that ended, one that starts
    /// tomorrow; and several "when asked" answers.
    fn workspace() -> Vec<Training> {
        use TrainingType::{Behavioral as Always, ScenarioSpecific as Asked};
        let mut whatsapp = support(
            "whatsapp",
            Always,
            "Short messages",
            "Keep answers under three sentences.",
        );
        whatsapp.restricted_to_channels = vec![Channel::Whatsapp];
        let mut email = support(
            "signature",
            Always,
            "Email signature",
            "Sign every email with the team's name.",
        );
        email.restricted_to_channels = vec![Channel::Email];
        let mut vip = support(
            "vip",
            Always,
            "VIP care",
            "Offer a call back from a senior agent.",
        );
        vip.restricted_to_segments = vec!["vip".into()];
        let mut draft = support(
            "returns-draft",
            Asked,
            "Holiday returns",
            "Parcels bought in December can be returned until 31 January.",
        );
        draft.is_draft = true;
        draft.current_version = None;
        let mut ended = support(
            "black-friday",
            Asked,
            "Black Friday delivery",
            "Parcels ordered on Black Friday arrive within 10 days.",
        );
        ended.end_time = Some(Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap());
        let mut tomorrow = support(
            "christmas",
            Asked,
            "Christmas delivery",
            "Order by 20 December for your parcel to arrive before Christmas.",
        );
        tomorrow.start_time = Some(Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap());
        vec![
            support(
                "tone",
                Always,
                "Tone of voice",
                "Be warm and brief. Use the customer's name.",
            ),
            whatsapp,
            email,
            vip,
            draft,
            ended,
            tomorrow,
            support(
                "parcel",
                Asked,
                "Where is my parcel?",
                "Ask for the order number, open the tracking link and say where the parcel is.",
            ),
            support(
                "refund",
                Asked,
                "Refunds",
                "Refunds go back to the card that paid within 5 days; a refunded order shows \
                 in the account.",
            ),
            support(
                "address",
                Asked,
                "Change the delivery address",
                "Before the order ships, the address can be changed from the account page.",
            ),
        ]
    }

    fn question(message: &str, channel: Channel, segment_ids: &[&str]) -> ReachQuestion {
        ReachQuestion {
            message: message.into(),
            channel,
            segment_ids: segment_ids.iter().map(|s| (*s).to_owned()).collect(),
            at: now(),
            utc_offset_minutes: 0,
            edit: None,
        }
    }

    fn ask(trainings: &[Training], question: &ReachQuestion) -> Reach {
        let index = TrainingIndex::build(trainings).unwrap();
        reach(question, trainings, &index, &segments()).unwrap()
    }

    fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
        list.iter().map(id).collect()
    }

    /// Every training named as left out, group by group.
    fn left_out(reach: &Reach) -> impl Iterator<Item = &LeftOut> {
        reach.left_out.iter().flat_map(|g| &g.trainings)
    }

    fn sentences(reach: &Reach) -> Vec<(&str, &str)> {
        left_out(reach)
            .map(|l| (l.id.as_str(), l.sentence.as_str()))
            .collect()
    }

    #[test]
    fn on_whatsapp_for_a_customer_in_no_segment() {
        let reach = ask(
            &workspace(),
            &question("Where is my parcel?", Channel::Whatsapp, &[]),
        );
        assert_eq!(reach.ranking_label, LIKELY_MATCHES_LABEL);
        assert_eq!(
            ids(&reach.always_on, |t| &t.id),
            ["whatsapp", "tone"],
            "by title: Short messages, Tone of voice"
        );
        let expected_chars = "Short messagesKeep answers under three sentences.Tone of voice\
                              Be warm and brief. Use the customer's name."
            .chars()
            .count();
        assert_eq!(reach.always_on_chars as usize, expected_chars);
        assert_eq!(reach.always_on_count, 2);
        assert_eq!(reach.always_on_warning, None);
        assert_eq!(reach.always_on[1].chars, 56);
        assert_eq!(reach.when_asked[0].id, "parcel");
        assert_eq!(reach.when_asked[0].matched_words, ["parcel"]);
        assert!(reach.when_asked[0].score > 0.0);
        let rest: Vec<_> = reach.when_asked[1..].iter().map(|m| m.score).collect();
        assert!(rest.iter().all(|s| *s < reach.when_asked[0].score));
        assert_eq!(
            (reach.when_asked.len(), reach.when_asked_count),
            (1, 3),
            "two answers apply but share no word with the message"
        );
        assert_eq!(reach.when_asked_unmatched, 2);
        let headings: Vec<_> = reach.left_out.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Draft: not used by the AI until published",
                "Not on WhatsApp",
                "Only for other segments",
                "Not started yet",
                "Ended"
            ]
        );
        assert!(reach.left_out.iter().all(|g| g.count == 1));
        assert_eq!(
            sentences(&reach),
            [
                ("returns-draft", "Draft: not used by the AI until published"),
                ("signature", "Not on WhatsApp"),
                ("vip", "Only for VIP"),
                ("christmas", "Starts 6 Dec 2026"),
                ("black-friday", "Ended 1 Dec 2026"),
            ]
        );
    }

    #[test]
    fn the_right_answer_ranks_first_whatever_the_form_of_the_word() {
        let trainings = workspace();
        for message in [
            "How do I get a refund?",
            "I still have not been refunded",
            "Refunds??",
        ] {
            let reach = ask(&trainings, &question(message, Channel::Web, &["vip"]));
            assert_eq!(reach.when_asked[0].id, "refund", "{message}");
            assert!(reach.when_asked[0].score > 0.0);
        }
        let reach = ask(
            &trainings,
            &question("Where is my parcel?", Channel::Web, &["vip"]),
        );
        assert_eq!(ids(&reach.when_asked, |m| &m.id), ["parcel"]);
        // Unmatched answers still apply: they are counted, not named.
        assert_eq!(reach.when_asked_count, 3);
        assert_eq!(reach.when_asked_unmatched, 2);
        assert_eq!(
            ids(&reach.always_on, |t| &t.id),
            ["tone", "vip"],
            "VIP care applies to a VIP customer on the web"
        );
    }

    #[test]
    fn a_draft_says_draft_whatever_else_is_true_of_it() {
        let mut trainings = workspace();
        let draft = &mut trainings[4];
        draft.restricted_to_channels = vec![Channel::Sms];
        draft.restricted_to_segments = vec!["trial".into()];
        draft.end_time = Some(now());
        let reach = ask(&trainings, &question("returns", Channel::Web, &[]));
        let left = left_out(&reach).find(|l| l.id == "returns-draft").unwrap();
        assert_eq!(left.reason, LeftOutReason::Draft);
        // A training taken out of use is a draft too, and the window's end is excluded.
        let mut trainings = workspace();
        trainings[7].is_draft = true;
        trainings[8].end_time = Some(now());
        trainings[9].start_time = Some(now());
        let reach = ask(&trainings, &question("parcel address", Channel::Web, &[]));
        let reasons: Vec<_> = left_out(&reach)
            .map(|l| (l.id.as_str(), l.reason.clone()))
            .collect();
        assert!(reasons.contains(&("parcel", LeftOutReason::Draft)));
        assert!(reasons.contains(&("refund", LeftOutReason::Ended { ended: now() })));
        assert_eq!(ids(&reach.when_asked, |m| &m.id), ["address"]);
    }

    #[test]
    fn dates_are_said_on_the_editors_clock() {
        let mut trainings = workspace();
        trainings[5].end_time = Some(Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap());
        let mut asked = question("parcel", Channel::Web, &[]);
        asked.utc_offset_minutes = 60;
        let reach = ask(&trainings, &asked);
        assert!(sentences(&reach).contains(&("black-friday", "Ended 2 Dec 2026")));
        asked.utc_offset_minutes = -60;
        let reach = ask(&trainings, &asked);
        assert!(sentences(&reach).contains(&("black-friday", "Ended 1 Dec 2026")));
    }

    #[test]
    fn an_unsaved_edit_is_read_as_published_for_this_question_only() {
        let trainings = workspace();
        let index = TrainingIndex::build(&trainings).unwrap();
        let mut draft = TrainingDraft::from_training(&trainings[4]);
        draft.title = "Parcel not arrived".into();
        draft.content = "A parcel that has not arrived after 10 days is sent again.".into();
        draft.restricted_to_channels = vec![Channel::Whatsapp];
        let mut asked = question("My parcel has not arrived", Channel::Whatsapp, &[]);
        asked.edit = Some(ReachEdit {
            id: "returns-draft".into(),
            draft,
        });
        let reach = reach(&asked, &trainings, &index, &segments()).unwrap();
        assert_eq!(reach.when_asked[0].id, "returns-draft");
        assert_eq!(reach.when_asked[0].title, "Parcel not arrived");
        assert_eq!(reach.when_asked[0].matched_words, ["parcel", "arrived"]);
        assert!(!left_out(&reach).any(|l| l.id == "returns-draft"));

        // The same edit made always-on and for e-mail only: left out on WhatsApp.
        let edit = asked.edit.as_mut().unwrap();
        edit.draft.training_type = TrainingType::Behavioral;
        edit.draft.restricted_to_channels = vec![Channel::Email];
        let again = super::reach(&asked, &trainings, &index, &segments()).unwrap();
        assert!(sentences(&again).contains(&("returns-draft", "Not on WhatsApp")));

        // The edit's schedule is the one read: moved to start tomorrow, it is left out today,
        // and its window cleared, it applies again.
        let edit = asked.edit.as_mut().unwrap();
        edit.draft.restricted_to_channels = vec![];
        edit.draft.start_time = Some(now() + chrono::Duration::days(1));
        let later = super::reach(&asked, &trainings, &index, &segments()).unwrap();
        assert_eq!(
            left_out(&later)
                .find(|l| l.id == "returns-draft")
                .map(|l| &l.reason),
            Some(&LeftOutReason::NotStarted {
                starts: now() + chrono::Duration::days(1)
            })
        );
        let edit = asked.edit.as_mut().unwrap();
        edit.draft.start_time = None;
        let now_on = super::reach(&asked, &trainings, &index, &segments()).unwrap();
        assert!(now_on.always_on.iter().any(|t| t.id == "returns-draft"));

        // Without the edit, the index still holds the saved draft.
        asked.edit = None;
        let saved = super::reach(&asked, &trainings, &index, &segments()).unwrap();
        assert!(
            left_out(&saved).any(|l| l.id == "returns-draft" && l.reason == LeftOutReason::Draft)
        );
        assert_eq!(saved.when_asked[0].id, "parcel");
    }

    #[test]
    fn the_answer_crosses_ipc_with_a_tagged_reason() {
        let reach = ask(&workspace(), &question("parcel", Channel::Web, &[]));
        let json = serde_json::to_value(&reach).unwrap();
        let channel = &json["left_out"][1];
        assert_eq!(channel["kind"], "not_on_channel");
        assert_eq!(channel["heading"], "Not on Web chat");
        assert_eq!(channel["count"], 2);
        let signature = &channel["trainings"][0];
        assert_eq!(signature["id"], "signature");
        assert_eq!(
            signature["reason"],
            serde_json::json!({"kind": "not_on_channel", "channel": "web"})
        );
        assert_eq!(signature["sentence"], "Not on Web chat");
        let asked: ReachQuestion = serde_json::from_value(serde_json::json!({
            "message": "hi", "channel": "whatsapp", "segment_ids": ["vip"],
            "at": "2026-12-05T12:00:00Z", "utc_offset_minutes": 60, "edit": null
        }))
        .unwrap();
        assert_eq!(asked.channel, Channel::Whatsapp);
    }

    /// The reasons true of `training` for `question`, as their places in the order of
    /// precedence ([`LeftOutKind`]), from first principles: the reference the engine's one
    /// reason is checked against.
    fn true_reasons(training: &Training, question: &ReachQuestion) -> Vec<u8> {
        let mut reasons = Vec::new();
        if training.is_draft || training.current_version.is_none() {
            reasons.push(0);
        }
        let channels = &training.restricted_to_channels;
        if !channels.is_empty() && !channels.contains(&question.channel) {
            reasons.push(1);
        }
        let segments = &training.restricted_to_segments;
        if !segments.is_empty() && segments.iter().all(|s| !question.segment_ids.contains(s)) {
            reasons.push(2);
        }
        if training.start_time.is_some_and(|s| question.at < s) {
            reasons.push(3);
        }
        if training.end_time.is_some_and(|e| question.at >= e) {
            reasons.push(4);
        }
        reasons
    }

    const WORDS: [&str; 8] = [
        "parcel", "refund", "address", "delivery", "card", "order", "late", "hello",
    ];
    const CHANNELS: [Channel; 3] = [Channel::Web, Channel::Whatsapp, Channel::Email];
    const SEGMENTS: [&str; 3] = ["vip", "trial", "b2b"];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS.to_vec()), 0..6).prop_map(|w| w.join(" "))
    }

    /// A moment within a few days of [`now`], or none.
    fn bound() -> impl Strategy<Value = Option<DateTime<Utc>>> {
        prop::option::of((-3i64..=3).prop_map(|days| now() + chrono::Duration::days(days)))
    }

    fn any_training() -> impl Strategy<Value = Training> {
        (
            (text(), text(), any::<bool>(), any::<bool>(), any::<bool>()),
            (
                prop::sample::subsequence(CHANNELS.to_vec(), 0..=3),
                prop::sample::subsequence(SEGMENTS.to_vec(), 0..=3),
                bound(),
                bound(),
            ),
        )
            .prop_map(
                |((title, content, always, is_draft, published), (channels, segments, s, e))| {
                    let mut t = training("x");
                    t.title = title;
                    t.content = content;
                    t.training_type = if always {
                        TrainingType::Behavioral
                    } else {
                        TrainingType::ScenarioSpecific
                    };
                    t.is_draft = is_draft;
                    t.current_version = published.then_some(1);
                    t.restricted_to_channels = channels;
                    t.restricted_to_segments = segments.into_iter().map(String::from).collect();
                    t.start_time = s;
                    t.end_time = e;
                    t
                },
            )
    }

    fn any_question() -> impl Strategy<Value = ReachQuestion> {
        (
            text(),
            prop::sample::select(CHANNELS.to_vec()),
            prop::sample::subsequence(SEGMENTS.to_vec(), 0..=3),
        )
            .prop_map(|(message, channel, segment_ids)| ReachQuestion {
                message,
                channel,
                segment_ids: segment_ids.into_iter().map(String::from).collect(),
                at: now(),
                utc_offset_minutes: 0,
                edit: None,
            })
    }

    proptest! {
        /// Every training is counted in exactly one list, where first principles put it: a
        /// left-out one under the first true reason in the order of precedence, one that
        /// applies under its type. Each list names its first `listed` trainings in its order:
        /// always-on and left-out ones by title, when-asked ones best match first, and only
        /// those that share a word with the message.
        #[test]
        fn every_training_is_counted_once_and_the_first_are_named(
            mut trainings in prop::collection::vec(any_training(), 0..24),
            question in any_question(),
            listed in prop::sample::select(vec![0usize, 1, 2, 5, 100]),
        ) {
            for (n, t) in trainings.iter_mut().enumerate() {
                t.id = format!("t{n}");
            }
            let index = TrainingIndex::build(&trainings).unwrap();
            let reach = reach_naming(&question, &trainings, &index, &segments(), listed).unwrap();
            let by_title = |a: &&Training, b: &&Training| {
                (a.shown_title(), &a.id).cmp(&(b.shown_title(), &b.id))
            };
            let named = |list: &[&Training]| -> Vec<String> {
                list.iter().take(listed).map(|t| t.id.clone()).collect()
            };
            let applying = |kind: TrainingType| {
                let mut list: Vec<&Training> = trainings
                    .iter()
                    .filter(|t| true_reasons(t, &question).is_empty() && t.training_type == kind)
                    .collect();
                list.sort_by(by_title);
                list
            };

            let always = applying(TrainingType::Behavioral);
            prop_assert_eq!(reach.always_on_count as usize, always.len());
            prop_assert_eq!(ids(&reach.always_on, |t| &t.id), named(&always));
            let chars: usize = always.iter().map(|t| t.title.chars().count() + t.content.chars().count()).sum();
            prop_assert_eq!(reach.always_on_chars as usize, chars);
            prop_assert_eq!(reach.always_on_warning.is_some(), chars > radar::ALWAYS_ON_BUDGET_CHARS);

            let asked = applying(TrainingType::ScenarioSpecific);
            let ranked = index.rank(&question.message, None).unwrap();
            let mut matched: Vec<&Training> =
                asked.iter().copied().filter(|t| ranked.contains_key(&t.id)).collect();
            matched.sort_by(|a, b| {
                let score = |t: &Training| ranked.score(&t.id).unwrap();
                score(b).total_cmp(&score(a)).then_with(|| by_title(a, b))
            });
            prop_assert_eq!(reach.when_asked_count as usize, asked.len());
            prop_assert_eq!(reach.when_asked_unmatched as usize, asked.len() - matched.len());
            prop_assert_eq!(ids(&reach.when_asked, |m| &m.id), named(&matched));
            for m in &reach.when_asked {
                prop_assert!(m.score > 0.0 && !m.matched_words.is_empty());
            }

            let mut counted = always.len() + asked.len();
            for kind in LeftOutKind::ALL {
                let mut left: Vec<&Training> = trainings
                    .iter()
                    .filter(|t| true_reasons(t, &question).first() == Some(&(kind as u8)))
                    .collect();
                left.sort_by(by_title);
                counted += left.len();
                match reach.left_out.iter().find(|g| g.kind == kind) {
                    None => prop_assert!(left.is_empty()),
                    Some(group) => {
                        prop_assert_eq!(group.count as usize, left.len());
                        prop_assert_eq!(ids(&group.trainings, |l| &l.id), named(&left));
                        prop_assert!(group.trainings.iter().all(|l| l.reason.kind() == kind));
                    }
                }
            }
            prop_assert_eq!(counted, trainings.len());
            let kinds: Vec<_> = reach.left_out.iter().map(|g| g.kind).collect();
            prop_assert!(kinds.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
