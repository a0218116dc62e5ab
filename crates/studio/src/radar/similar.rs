//! Similar trainings (issue 12, item 1): for two trainings, or the editor's unsaved form and a
//! training, whether they say nearly the same thing ([`Likeness::NearDuplicate`]) or are about
//! the same thing ([`Likeness::SameTopic`]), why in words an editor reads at a glance ("Same
//! question", "Shares 80% of its wording", "Both about “refund”"), whether the same customers can
//! be given both ([`SharedReach`]: channels and segments, none ticked meaning all; schedules; both
//! in use), and the sentences that may disagree ([`super::contradictions`]).
//!
//! The measures, each symmetric, so [`similarity`] of (a, b) and of (b, a) says the same (the
//! contradictions' quotes swapped), and a training is never its own duplicate:
//! - *wording*: the share of three-word runs the two contents have in common (Dice's measure
//!   over their sets), so a copy with a few words changed still shares most of its wording;
//! - *same question*: the titles' telling words are the same ("How do I get a refund?" and
//!   "Can I get a refund?");
//! - *topic*: the telling words the titles share, and how many of the telling words of the whole
//!   texts the two have in common (Jaccard's measure), words stemmed (`words.rs`).
//!
//! A caller comparing one training with many reads it once ([`Profile`]); the candidates come
//! from the workspace's index (`search_index.rs`), never from every pair.

use std::cell::OnceCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::Serialize;
use ts_rs::TS;

use super::contradictions::{contradictions_read, Contradiction, Reading};
use super::words::{is_content_word, stem, words, Word};
use crate::draft::TrainingDraft;
use crate::vocabulary::{channel_label, segments_label, ALL_CHANNELS, ALL_SEGMENTS};

/// From this share of common wording on, two trainings say nearly the same thing.
const NEAR_DUPLICATE_WORDING: f64 = 0.5;
/// From this share of common wording on, two trainings with the same question or title say
/// nearly the same thing.
const NEAR_DUPLICATE_WORDING_SAME_TITLE: f64 = 0.4;
/// From this share of common wording on, two trainings are about the same thing.
const SAME_TOPIC_WORDING: f64 = 0.2;
/// From this share of common telling words on, two trainings whose titles share one are about
/// the same thing.
const SAME_TOPIC_WORDS_WITH_TITLE: f64 = 0.1;
/// From this share of common telling words on, two trainings are about the same thing.
const SAME_TOPIC_WORDS: f64 = 0.3;
/// How many shared words a "Both mention …" reason names.
const NAMED_WORDS: usize = 3;
/// How many words make one run of the wording measure.
const RUN: usize = 3;

/// Words every support training uses, whatever it is about: they say nothing of its topic.
const SUPPORT_WORDS: [&str; 24] = [
    "customer", "client", "user", "agent", "support", "help", "ask", "question", "answer", "reply",
    "respond", "tell", "say", "let", "know", "make", "sure", "need", "want", "get", "thank",
    "sorry", "like", "training",
];

/// How alike two trainings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Likeness {
    /// They say nearly the same thing: one of them is likely not needed.
    NearDuplicate,
    /// They are about the same thing, in words of their own.
    SameTopic,
}

/// Whether the same customers can be given both trainings, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SharedReach {
    /// On a shared channel, for a shared segment (none ticked meaning all), at a shared time,
    /// both in use.
    pub overlaps: bool,
    /// "Both on WhatsApp for VIP", or the first reason they never meet: "Never on the same
    /// channel: one is on Email, the other on WhatsApp."
    pub sentence: String,
}

/// What two trainings have in common (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Similarity {
    pub likeness: Likeness,
    /// Why, most telling first: "Same question", "Shares 80% of its wording", "Both about
    /// “refund”". Never empty.
    pub reasons: Vec<String>,
    /// The share of their wording in common, 0 to 100.
    pub wording_percent: u8,
    pub reach: SharedReach,
    /// The sentences that may disagree: `first` from the first training given, `second` from
    /// the other.
    pub contradictions: Vec<Contradiction>,
}

/// One side of a comparison: the text and the settings that decide who is given it.
#[derive(Debug, Clone, Copy)]
pub struct Compared<'a> {
    /// The saved training's id (none for text not saved as a training).
    pub id: Option<&'a str>,
    pub title: &'a str,
    pub content: &'a str,
    pub training_type: TrainingType,
    /// No channel means every channel.
    pub channels: &'a [Channel],
    /// Segment ids; none means every customer.
    pub segments: &'a [String],
    pub start_time: Option<DateTime<Utc>>,
    pub end_time: Option<DateTime<Utc>>,
    /// Whether the AI agent uses it.
    pub in_use: bool,
}

impl<'a> Compared<'a> {
    /// A saved training as it shows in the editor (its draft text if it has one), in use when
    /// the AI agent uses it now ([`Training::is_live`]).
    pub fn training(training: &'a Training) -> Self {
        Compared {
            id: Some(&training.id),
            title: training.shown_title(),
            content: training.shown_content(),
            training_type: training.training_type,
            channels: &training.restricted_to_channels,
            segments: &training.restricted_to_segments,
            start_time: training.start_time,
            end_time: training.end_time,
            in_use: training.is_live(),
        }
    }

    /// The editor's form, read as it would be once published (the editor is about to put it in
    /// front of customers), with the saved training's id and schedule (the form does not edit
    /// it; none for text not saved yet).
    pub fn draft(draft: &'a TrainingDraft, saved: Option<&'a Training>) -> Self {
        Compared {
            id: saved.map(|t| t.id.as_str()),
            title: &draft.title,
            content: &draft.content,
            training_type: draft.training_type,
            channels: &draft.restricted_to_channels,
            segments: &draft.restricted_to_segments,
            start_time: saved.and_then(|t| t.start_time),
            end_time: saved.and_then(|t| t.end_time),
            in_use: true,
        }
    }
}

/// One side read once for many comparisons.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    compared: Compared<'a>,
    /// The telling stems of the title.
    title_stems: BTreeSet<String>,
    /// The telling stems of title and content, with how often each is used and its spellings.
    stems: BTreeMap<String, Usage>,
    /// The content's runs of [`RUN`] words, hashed.
    runs: HashSet<u64>,
    /// The content as the contradiction rules read it, once it is compared with a training
    /// like it (most are never).
    reading: OnceCell<Reading>,
}

/// How one stem is used in a training.
#[derive(Debug, Clone, Default)]
struct Usage {
    count: usize,
    /// The spellings it is written with.
    spellings: BTreeSet<String>,
}

impl<'a> Profile<'a> {
    pub fn new(compared: Compared<'a>) -> Self {
        let title_words = words(compared.title);
        let content_words = words(compared.content);
        let title_stems = telling(compared.title, &title_words)
            .map(|(s, _)| s)
            .collect();
        let mut stems: BTreeMap<String, Usage> = BTreeMap::new();
        let all =
            telling(compared.title, &title_words).chain(telling(compared.content, &content_words));
        for (stem, spelling) in all {
            let usage = stems.entry(stem).or_default();
            usage.count += 1;
            usage.spellings.insert(spelling);
        }
        Profile {
            compared,
            title_stems,
            stems,
            runs: runs(&content_words),
            reading: OnceCell::new(),
        }
    }

    pub fn compared(&self) -> &Compared<'a> {
        &self.compared
    }

    fn reading(&self) -> &Reading {
        self.reading
            .get_or_init(|| Reading::of(self.compared.content))
    }
}

/// The telling words of `text`: content words that are not [`SUPPORT_WORDS`], as (stem,
/// spelling as written).
fn telling<'t>(text: &'t str, words: &'t [Word]) -> impl Iterator<Item = (String, String)> + 't {
    words
        .iter()
        .filter(|w| is_content_word(&w.lower))
        .map(|w| (stem(&w.lower), text[w.range.clone()].to_owned()))
        .filter(|(s, _)| !SUPPORT_STEMS.contains(s))
}

/// The stems of [`SUPPORT_WORDS`], worked out once.
static SUPPORT_STEMS: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| SUPPORT_WORDS.iter().map(|w| stem(w)).collect());

/// The text's runs of [`RUN`] consecutive words (the whole text as one run when shorter).
fn runs(words: &[Word]) -> HashSet<u64> {
    let hash = |run: &[Word]| {
        let mut hasher = DefaultHasher::new();
        for word in run {
            word.lower.hash(&mut hasher);
        }
        hasher.finish()
    };
    if words.is_empty() {
        return HashSet::new();
    }
    if words.len() < RUN {
        return HashSet::from([hash(words)]);
    }
    words.windows(RUN).map(hash).collect()
}

/// How alike `a` and `b` are, or `None` when they are not alike enough to mention (or are one
/// training). `segments` names the workspace's segments.
pub fn similarity(a: &Profile, b: &Profile, segments: &[Segment]) -> Option<Similarity> {
    if a.compared.id.is_some() && a.compared.id == b.compared.id {
        return None;
    }
    let wording = dice(&a.runs, &b.runs);
    let same_title = !a.title_stems.is_empty() && a.title_stems == b.title_stems;
    let title_words: Vec<&String> = a.title_stems.intersection(&b.title_stems).collect();
    let shared_words = jaccard(&a.stems, &b.stems);
    let near_duplicate = wording >= NEAR_DUPLICATE_WORDING
        || (same_title && wording >= NEAR_DUPLICATE_WORDING_SAME_TITLE);
    let same_topic = same_title
        || wording >= SAME_TOPIC_WORDING
        || (!title_words.is_empty() && shared_words >= SAME_TOPIC_WORDS_WITH_TITLE)
        || shared_words >= SAME_TOPIC_WORDS;
    if !near_duplicate && !same_topic {
        return None;
    }
    let wording_percent = percent(wording);
    let mut reasons = Vec::new();
    if same_title {
        let both_asked = [a, b]
            .iter()
            .all(|p| p.compared.training_type == TrainingType::ScenarioSpecific);
        reasons.push(
            if both_asked {
                "Same question"
            } else {
                "Same title"
            }
            .to_owned(),
        );
    }
    if wording >= SAME_TOPIC_WORDING {
        reasons.push(format!("Shares {wording_percent}% of its wording"));
    }
    if !same_title && !title_words.is_empty() {
        let named: Vec<String> = title_words
            .iter()
            .take(NAMED_WORDS)
            .map(|s| format!("“{}”", spelling(a, b, s)))
            .collect();
        reasons.push(format!("Both about {}", in_words(&named)));
    } else if reasons.is_empty() {
        reasons.push(format!(
            "Both mention {}",
            in_words(&most_used_shared(a, b))
        ));
    }
    Some(Similarity {
        likeness: if near_duplicate {
            Likeness::NearDuplicate
        } else {
            Likeness::SameTopic
        },
        reasons,
        wording_percent,
        reach: shared_reach(&a.compared, &b.compared, segments),
        contradictions: contradictions_read(a.reading(), b.reading()),
    })
}

/// [`similarity`] of two sides read for this one comparison.
pub fn assess(a: Compared, b: Compared, segments: &[Segment]) -> Option<Similarity> {
    similarity(&Profile::new(a), &Profile::new(b), segments)
}

/// Dice's measure of two sets: twice what they share over their sizes together.
fn dice(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    (2 * shared) as f64 / (a.len() + b.len()) as f64
}

/// Jaccard's measure of two sets of stems: what they share over all they hold.
fn jaccard(a: &BTreeMap<String, Usage>, b: &BTreeMap<String, Usage>) -> f64 {
    let shared = a.keys().filter(|k| b.contains_key(*k)).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

fn percent(share: f64) -> u8 {
    (share * 100.0).round().clamp(0.0, 100.0) as u8
}

/// The spelling of a shared stem the reasons show: of both sides' spellings, one in lower case
/// where there is one ("refund" rather than a title's "Refund", but "VIP"), then the first in
/// alphabetical order, so the reason reads the same whichever side comes first.
fn spelling(a: &Profile, b: &Profile, stem: &str) -> String {
    [a, b]
        .iter()
        .filter_map(|p| p.stems.get(stem))
        .flat_map(|usage| &usage.spellings)
        .min_by_key(|s| (**s != s.to_lowercase(), *s))
        .cloned()
        .unwrap_or_else(|| stem.to_owned())
}

/// The [`NAMED_WORDS`] shared stems the two use most together (ties alphabetically), spelt.
fn most_used_shared(a: &Profile, b: &Profile) -> Vec<String> {
    let mut shared: Vec<(usize, &String)> = a
        .stems
        .iter()
        .filter_map(|(s, usage)| Some((usage.count + b.stems.get(s)?.count, s)))
        .collect();
    shared.sort_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1)));
    shared
        .into_iter()
        .take(NAMED_WORDS)
        .map(|(_, s)| spelling(a, b, s))
        .collect()
}

/// "a", "a and b", "a, b and c".
fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether the same customers can be given both (see [`SharedReach`]).
fn shared_reach(a: &Compared, b: &Compared, segments: &[Segment]) -> SharedReach {
    let never = |sentence: String| SharedReach {
        overlaps: false,
        sentence,
    };
    let Some(channels) = shared(a.channels, b.channels) else {
        return never(format!(
            "Never on the same channel: one is {}.",
            one_and_other(
                "on",
                &a.channels.iter().map(channel_label).collect::<Vec<_>>(),
                &b.channels.iter().map(channel_label).collect::<Vec<_>>(),
            )
        ));
    };
    let Some(segment_ids) = shared(a.segments, b.segments) else {
        return never(format!(
            "Never for the same customers: one is {}.",
            one_and_other(
                "for",
                &[segments_label(a.segments, segments)],
                &[segments_label(b.segments, segments)],
            )
        ));
    };
    if !windows_meet(a, b) {
        return never("Never at the same time: their schedules do not meet.".into());
    }
    match (a.in_use, b.in_use) {
        (false, false) => return never("Neither is in use: both are drafts.".into()),
        (true, false) | (false, true) => {
            return never("Not both in use: one of them is a draft.".into())
        }
        (true, true) => {}
    }
    let channels_said = if channels.is_empty() {
        lower_first(ALL_CHANNELS)
    } else {
        let labels: Vec<String> = channels.iter().map(channel_label).collect();
        in_words(&labels)
    };
    let segments_said = if segment_ids.is_empty() {
        lower_first(ALL_SEGMENTS)
    } else {
        let names: Vec<String> = segment_ids
            .chunks(1)
            .map(|id| segments_label(id, segments))
            .collect();
        in_words(&names)
    };
    SharedReach {
        overlaps: true,
        sentence: format!("Both on {channels_said} for {segments_said}"),
    }
}

/// What two restrictions (none meaning all) have in common: `Some(empty)` when both are open,
/// `None` when they have nothing in common. In the first one's order, which is the order of
/// the second one's for the values both tick (both are sorted when they disagree).
fn shared<T: Clone + Ord>(a: &[T], b: &[T]) -> Option<Vec<T>> {
    let mut common: Vec<T> = match (a.is_empty(), b.is_empty()) {
        (true, true) => return Some(Vec::new()),
        (true, false) => b.to_vec(),
        (false, true) => a.to_vec(),
        (false, false) => a.iter().filter(|x| b.contains(x)).cloned().collect(),
    };
    if common.is_empty() {
        return None;
    }
    common.sort();
    common.dedup();
    Some(common)
}

/// "on Email, the other on WhatsApp": the two sides' names, in alphabetical order so the
/// sentence is the same whichever side comes first.
fn one_and_other(preposition: &str, a: &[String], b: &[String]) -> String {
    let (x, y) = (in_words(a), in_words(b));
    let (first, second) = if x <= y { (x, y) } else { (y, x) };
    format!("{preposition} {first}, the other {preposition} {second}")
}

/// Whether the two schedules share a moment: each runs from its start (included) to its end
/// (excluded), a missing bound open.
fn windows_meet(a: &Compared, b: &Compared) -> bool {
    let start = a.start_time.max(b.start_time);
    let end = match (a.end_time, b.end_time) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (start, end) {
        (Some(s), Some(e)) => s < e,
        _ => true,
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;
    use crate::radar::ContradictionKind;
    use crate::test_support::{segment, training};

    fn support(id: &str, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.title = title.into();
        t.content = content.into();
        t
    }

    fn segments() -> Vec<Segment> {
        vec![segment("vip", "VIP"), segment("trial", "Trial")]
    }

    fn assessed(a: &Training, b: &Training) -> Option<Similarity> {
        assess(Compared::training(a), Compared::training(b), &segments())
    }

    const RETURNS: &str = "Customers can return unused items within 30 days of delivery. Ask \
                           for the order number, then send the return label by email. Refunds go \
                           back to the original payment method within 5 business days.";

    #[test]
    fn a_copy_with_a_few_words_changed_is_a_near_duplicate() {
        let a = support("a", "How do I return an item?", RETURNS);
        let b = support(
            "b",
            "Returning an item",
            "Customers can return unused items within 30 days of delivery. Ask for the order \
             number, then send the prepaid return label by email. Refunds go back to the \
             original payment method within 5 business days.",
        );
        let found = assessed(&a, &b).unwrap();
        assert_eq!(found.likeness, Likeness::NearDuplicate);
        assert_eq!(found.wording_percent, 92);
        assert_eq!(
            found.reasons,
            ["Same question", "Shares 92% of its wording"]
        );
        assert_eq!(
            found.reach,
            SharedReach {
                overlaps: true,
                sentence: "Both on all channels for all customers".into()
            }
        );
        assert_eq!(found.contradictions, []);
    }

    #[test]
    fn the_same_question_answered_differently_is_the_same_topic_with_its_contradiction() {
        let mut a = support(
            "a",
            "Can I get a refund?",
            "Refunds are possible within 30 days of delivery. Offer store credit after that.",
        );
        a.restricted_to_channels = vec![Channel::Whatsapp, Channel::Email];
        a.restricted_to_segments = vec!["vip".into()];
        let mut b = support(
            "b",
            "How do I get a refund?",
            "Check the order first. Refunds are possible within 14 days of delivery.",
        );
        b.restricted_to_channels = vec![Channel::Whatsapp];
        let found = assessed(&a, &b).unwrap();
        assert_eq!(found.likeness, Likeness::SameTopic);
        assert_eq!(found.reasons[0], "Same question");
        assert_eq!(found.reach.sentence, "Both on WhatsApp for VIP");
        assert!(found.reach.overlaps);
        let [c] = found.contradictions.as_slice() else {
            panic!("one contradiction: {:?}", found.contradictions);
        };
        assert_eq!(c.kind, ContradictionKind::DifferentNumbers);
        assert_eq!(
            c.first.sentence,
            "Refunds are possible within 30 days of delivery."
        );
        assert_eq!(
            c.second.sentence,
            "Refunds are possible within 14 days of delivery."
        );
    }

    #[test]
    fn trainings_about_one_thing_in_their_own_words_are_the_same_topic() {
        let a = support(
            "a",
            "Refund policy",
            "Refunds are possible within 30 days. The refund goes to the card used for the order.",
        );
        let b = support(
            "b",
            "How long does a refund take?",
            "A refund reaches the card in 5 to 10 working days.",
        );
        let found = assessed(&a, &b).unwrap();
        assert_eq!(found.likeness, Likeness::SameTopic);
        assert_eq!(found.reasons, ["Both about “refund”"]);
    }

    #[test]
    fn trainings_sharing_many_telling_words_say_which() {
        let a = support(
            "a",
            "VIP handling",
            "Offer VIP customers free express shipping and a personal contact.",
        );
        let b = support(
            "b",
            "Priority service",
            "VIP customers get free express shipping.",
        );
        let found = assessed(&a, &b).unwrap();
        assert_eq!(found.likeness, Likeness::SameTopic);
        assert_eq!(found.reasons, ["Both mention VIP, express and free"]);
    }

    #[test]
    fn trainings_about_other_things_are_not_similar() {
        let password = support(
            "a",
            "How do I reset my password?",
            "Send the customer the reset link from the login page. Never ask for their password.",
        );
        let parcel = support(
            "b",
            "Where is my parcel?",
            "Look up the tracking number in the order and share the carrier's link.",
        );
        let tone = support(
            "c",
            "Tone of voice",
            "Be warm and brief. Use the customer's first name.",
        );
        assert_eq!(assessed(&password, &parcel), None);
        assert_eq!(assessed(&parcel, &tone), None);
        assert_eq!(assessed(&password, &tone), None);
    }

    #[test]
    fn a_training_is_never_its_own_duplicate_but_a_copy_is() {
        let a = support("a", "How do I return an item?", RETURNS);
        assert_eq!(assessed(&a, &a), None);
        let draft = TrainingDraft::from_training(&a);
        let own_form = assess(
            Compared::draft(&draft, Some(&a)),
            Compared::training(&a),
            &[],
        );
        assert_eq!(own_form, None);
        let copy = support("copy", "How do I return an item?", RETURNS);
        let found = assessed(&a, &copy).unwrap();
        assert_eq!(found.likeness, Likeness::NearDuplicate);
        assert_eq!(
            found.reasons,
            ["Same question", "Shares 100% of its wording"]
        );
    }

    #[test]
    fn reach_that_never_meets_says_why() {
        let at = |d: u32| Some(Utc.with_ymd_and_hms(2026, 12, d, 0, 0, 0).unwrap());
        let base = support("a", "How do I return an item?", RETURNS);
        let reach = |change: &dyn Fn(&mut Training, &mut Training)| {
            let (mut a, mut b) = (base.clone(), base.clone());
            b.id = "b".into();
            change(&mut a, &mut b);
            assessed(&a, &b).unwrap().reach
        };
        let never = |sentence: &str| SharedReach {
            overlaps: false,
            sentence: sentence.into(),
        };
        assert_eq!(
            reach(&|a, b| {
                a.restricted_to_channels = vec![Channel::Whatsapp];
                b.restricted_to_channels = vec![Channel::Email, Channel::Sms];
            }),
            never("Never on the same channel: one is on Email and SMS, the other on WhatsApp.")
        );
        assert_eq!(
            reach(&|a, b| {
                a.restricted_to_segments = vec!["vip".into()];
                b.restricted_to_segments = vec!["trial".into()];
            }),
            never("Never for the same customers: one is for Trial, the other for VIP.")
        );
        assert_eq!(
            reach(&|a, b| {
                a.start_time = at(1);
                a.end_time = at(10);
                b.start_time = at(10);
            }),
            never("Never at the same time: their schedules do not meet.")
        );
        assert_eq!(
            reach(&|_, b| b.is_draft = true),
            never("Not both in use: one of them is a draft.")
        );
        assert_eq!(
            reach(&|a, b| {
                a.restricted_to_channels = vec![Channel::Email, Channel::Whatsapp];
                b.restricted_to_segments = vec!["trial".into(), "vip".into()];
                a.start_time = at(1);
                b.end_time = at(2);
            }),
            SharedReach {
                overlaps: true,
                sentence: "Both on Email and WhatsApp for Trial and VIP".into()
            }
        );
    }

    #[test]
    fn the_editor_form_is_read_as_published() {
        let mut saved = support("a", "How do I return an item?", RETURNS);
        saved.is_draft = true;
        let other = support("b", "Returns", RETURNS);
        let draft = TrainingDraft::from_training(&saved);
        let found = assess(
            Compared::draft(&draft, Some(&saved)),
            Compared::training(&other),
            &[],
        )
        .unwrap();
        assert!(found.reach.overlaps, "{:?}", found.reach);
        assert!(!assessed(&saved, &other).unwrap().reach.overlaps);
    }

    /// Sentences of support text, some of which agree, overlap or disagree.
    const SENTENCES: [&str; 10] = [
        "Refunds are possible within 30 days of delivery.",
        "Refunds are possible within 14 days of delivery.",
        "Always offer a discount to VIP customers.",
        "Never offer discounts.",
        "Email support@acme.com for billing questions.",
        "For billing, email help@acme.com.",
        "Ask for the order number first.",
        "Be warm and brief.",
        "Share the tracking link from the order.",
        "Café orders ship in 2 days 🎉.",
    ];
    const TITLES: [&str; 5] = [
        "Can I get a refund?",
        "How do I get a refund?",
        "Discounts",
        "Where is my order?",
        "Tone",
    ];

    fn any_training() -> impl Strategy<Value = Training> {
        let channels =
            prop::sample::subsequence(vec![Channel::Email, Channel::Whatsapp, Channel::Web], 0..=3);
        let segment_ids = prop::sample::subsequence(vec!["vip".to_owned(), "trial".into()], 0..=2);
        let day = prop::option::of(1u32..28);
        (
            prop::sample::select(TITLES.to_vec()),
            prop::collection::vec(prop::sample::select(SENTENCES.to_vec()), 0..6),
            channels,
            segment_ids,
            (day.clone(), day, any::<bool>(), any::<bool>()),
        )
            .prop_map(
                |(title, sentences, channels, segment_ids, (start, end, draft, asked))| {
                    let mut t = support("t", title, &sentences.join(" "));
                    t.restricted_to_channels = channels;
                    t.restricted_to_segments = segment_ids;
                    let at = |d: u32| Utc.with_ymd_and_hms(2026, 12, d, 0, 0, 0).unwrap();
                    t.start_time = start.map(at);
                    t.end_time = end.map(at);
                    t.is_draft = draft;
                    if !asked {
                        t.training_type = TrainingType::Behavioral;
                    }
                    t
                },
            )
    }

    /// The contradictions of (b, a) turned round to read as those of (a, b), in one order.
    fn turned(found: &[Contradiction]) -> Vec<(ContradictionKind, String, String)> {
        let mut pairs: Vec<_> = found
            .iter()
            .map(|c| (c.kind, c.second.sentence.clone(), c.first.sentence.clone()))
            .collect();
        pairs.sort();
        pairs
    }

    fn in_order(found: &[Contradiction]) -> Vec<(ContradictionKind, String, String)> {
        let mut pairs: Vec<_> = found
            .iter()
            .map(|c| (c.kind, c.first.sentence.clone(), c.second.sentence.clone()))
            .collect();
        pairs.sort();
        pairs
    }

    proptest! {
        /// A training compared with itself, or with its own unsaved form, is never similar.
        #[test]
        fn a_training_is_never_its_own_duplicate(t in any_training()) {
            prop_assert_eq!(assessed(&t, &t), None);
            let draft = TrainingDraft::from_training(&t);
            let own = assess(Compared::draft(&draft, Some(&t)), Compared::training(&t), &[]);
            prop_assert_eq!(own, None);
        }

        /// Whichever comes first, the pair gets the same likeness, reasons, wording and reach,
        /// and the same contradictions with their quotes swapped.
        #[test]
        fn the_pair_relation_is_symmetric(mut a in any_training(), mut b in any_training()) {
            a.id = "a".into();
            b.id = "b".into();
            let (ab, ba) = (assessed(&a, &b), assessed(&b, &a));
            prop_assert_eq!(ab.is_some(), ba.is_some());
            if let (Some(ab), Some(ba)) = (ab, ba) {
                prop_assert_eq!(ab.likeness, ba.likeness);
                prop_assert_eq!(&ab.reasons, &ba.reasons);
                prop_assert_eq!(ab.wording_percent, ba.wording_percent);
                prop_assert_eq!(&ab.reach, &ba.reach);
                prop_assert_eq!(in_order(&ab.contradictions), turned(&ba.contradictions));
                prop_assert!(!ab.reasons.is_empty());
            }
        }
    }
}
