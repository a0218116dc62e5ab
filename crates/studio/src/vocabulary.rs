//! The words editors see for the parts of a training, in one place: the name of each field, the
//! label of each channel (the ten open.cx documents, in the dashboard's order, and the one wording
//! for a channel this app does not know), each training type with its one-line explanation, each
//! publication state, and the words for "every channel", "every customer", "no directory" and an
//! id the workspace does not list.
//!
//! The review, the conflict view, the sentences about open.cx's refusals and the differences from
//! what a review promised take their words from here. The UI takes the same words from
//! `ui/src/lib/bindings/vocabulary.ts`, which `cargo test` writes from this module (see
//! `vocabulary/typescript.rs`) beside the ts-rs bindings: it is committed, and CI fails when the
//! committed file differs from what this module says, so no label is typed twice.
//!
//! Where two wordings used to disagree, this is the one kept:
//! - A channel this app does not know reads "Other channel (fax)", not "fax": the code alone reads
//!   like a name the app chose, and the channel picker's checkbox already said it this way, so a
//!   refusal naming the channel names the checkbox to untick.
//! - The state a conflict's "Yours" would give the training is the state the review promises for
//!   the same save (it follows the workspace's draft rules), not a guess of its own.
//! - No segment ticked reads "All customers": segments are groups of customers, and the picker
//!   says "None ticked means all customers".
//! - An id the workspace does not list shows its first eight characters ("Unknown segment
//!   (9a8b7c6d…)"): never hidden, never dropped, short enough to read.

#[cfg(test)]
mod typescript;

use chrono::{DateTime, TimeZone, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::workspace::DirectoryEntry;

/// A part of a training that editors see named: the form's fields, and its publication state.
/// The review's and the conflict view's rows say which one they are about with this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Title,
    Content,
    Type,
    Directory,
    Channels,
    Segments,
    /// When the training is active (`start_time`, `end_time`), in [`window_label`]'s words.
    Window,
    /// Whether the AI agent uses the training ([`PublicationState`]).
    State,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Content,
        Field::Type,
        Field::Directory,
        Field::Channels,
        Field::Segments,
        Field::Window,
        Field::State,
    ];

    /// The field's name on the form, in the review and in the conflict view.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Content => "Content",
            Field::Type => "Type",
            Field::Directory => "Directory",
            Field::Channels => "Channels",
            Field::Segments => "Segments",
            Field::Window => "Schedule",
            Field::State => "State",
        }
    }
}

/// Whether and how the AI agent uses a training: the editor's status line, the list's badge and
/// filter, and the state row of the review and the conflict view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PublicationState {
    /// In use, with no text waiting beside the live version.
    Live,
    /// In use, with saved text waiting beside the live version until it is published.
    LiveWithUnpublishedChanges,
    /// Not used by the AI agent: never published, or taken out of use.
    Draft,
    /// What a save promises for a live training it takes out of use.
    OutOfUseUntilPublished,
    /// What a save promises when the workspace's draft rules are not known.
    LiveOrOutOfUse,
}

impl PublicationState {
    pub const ALL: [PublicationState; 5] = [
        PublicationState::Live,
        PublicationState::LiveWithUnpublishedChanges,
        PublicationState::Draft,
        PublicationState::OutOfUseUntilPublished,
        PublicationState::LiveOrOutOfUse,
    ];

    /// The state of `training` as open.cx holds it (never one of the promised-only states).
    pub fn of(training: &Training) -> Self {
        if !training.is_live() {
            PublicationState::Draft
        } else if training.has_unpublished_changes() {
            PublicationState::LiveWithUnpublishedChanges
        } else {
            PublicationState::Live
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PublicationState::Live => "Live",
            PublicationState::LiveWithUnpublishedChanges => "Live, with unpublished changes",
            PublicationState::Draft => "Draft",
            PublicationState::OutOfUseUntilPublished => "Draft, out of use until published",
            PublicationState::LiveOrOutOfUse => "Live, or out of use until published",
        }
    }
}

/// A training type's label and the line that explains it on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeWords {
    pub label: &'static str,
    pub explanation: &'static str,
}

/// The two training types in the form's order: "When asked" first (it is open.cx's default).
pub const TRAINING_TYPES: [TrainingType; 2] =
    [TrainingType::ScenarioSpecific, TrainingType::Behavioral];

pub fn type_words(training_type: TrainingType) -> TypeWords {
    match training_type {
        TrainingType::ScenarioSpecific => TypeWords {
            label: "When asked",
            explanation: "Used when a customer's question matches this scenario.",
        },
        TrainingType::Behavioral => TypeWords {
            label: "Always on",
            explanation: "Applies to every conversation: tone, guardrails.",
        },
    }
}

/// "When asked" for scenario trainings, "Always on" for behavioural ones.
pub fn type_label(training_type: TrainingType) -> &'static str {
    type_words(training_type).label
}

/// How a value the app has no name for is shown: `before`, the value (cut to its first
/// `shown_chars` characters when set), then `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unnamed {
    pub before: &'static str,
    pub shown_chars: Option<usize>,
    pub after: &'static str,
}

impl Unnamed {
    pub fn name(&self, value: &str) -> String {
        let shown: String = match self.shown_chars {
            Some(n) => value.chars().take(n).collect(),
            None => value.to_owned(),
        };
        format!("{}{shown}{}", self.before, self.after)
    }
}

/// A channel code this app does not know (a newer open.cx may send one): "Other channel (fax)".
pub const UNKNOWN_CHANNEL: Unnamed = Unnamed {
    before: "Other channel (",
    shown_chars: None,
    after: ")",
};

/// A segment id the workspace does not list: "Unknown segment (9a8b7c6d…)".
pub const UNKNOWN_SEGMENT: Unnamed = Unnamed {
    before: "Unknown segment (",
    shown_chars: Some(8),
    after: "…)",
};

/// A directory id the workspace does not list: "Unknown directory (01234567…)".
pub const UNKNOWN_DIRECTORY: Unnamed = Unnamed {
    before: "Unknown directory (",
    shown_chars: Some(8),
    after: "…)",
};

/// No channel ticked: the training applies on every channel.
pub const ALL_CHANNELS: &str = "All channels";
/// No segment ticked: the training applies to every customer.
pub const ALL_SEGMENTS: &str = "All customers";
/// A training in no directory, and the list's place for such trainings.
pub const NO_DIRECTORY: &str = "No directory";

/// The words of a training's schedule (its `start_time`/`end_time` window), in the form, the
/// review, the list's badges and the reach view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleWords {
    /// Before the start: "Active from 24 Dec 2026, 09:00"; the form's first input.
    pub from: &'static str,
    /// Between the bounds: "… until 27 Dec 2026, 00:00"; the form's second input.
    pub until: &'static str,
    /// Only an end: "Active until 27 Dec 2026, 00:00".
    pub only_until: &'static str,
    /// After a start with no end: "Active from 24 Dec 2026, 09:00, no end".
    pub no_end: &'static str,
    /// Neither bound: active whenever it is in use.
    pub none: &'static str,
    /// The form's empty start input.
    pub empty_start: &'static str,
    /// The form's empty end input.
    pub empty_end: &'static str,
    /// Not started yet: "Starts 24 Dec".
    pub starts: &'static str,
    /// Its end has passed: "Ended".
    pub ended: &'static str,
}

pub const SCHEDULE: ScheduleWords = ScheduleWords {
    from: "Active from",
    until: "until",
    only_until: "Active until",
    no_end: "no end",
    none: "No start or end",
    empty_start: "No start",
    empty_end: "No end",
    starts: "Starts",
    ended: "Ended",
};

/// How a bound of the schedule reads: "24 Dec 2026, 09:00".
const MOMENT_FORMAT: &str = "%-d %b %Y, %H:%M";

/// A training's schedule in words on `clock`: "Active from 24 Dec 2026, 09:00 until 27 Dec
/// 2026, 00:00", "Active from 24 Dec 2026, 09:00, no end", "Active until 27 Dec 2026, 00:00",
/// or "No start or end".
pub fn window_label<Tz: TimeZone>(
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    clock: &Tz,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let moment = |at: DateTime<Utc>| at.with_timezone(clock).format(MOMENT_FORMAT).to_string();
    let words = SCHEDULE;
    match (start, end) {
        (Some(start), Some(end)) => format!(
            "{} {} {} {}",
            words.from,
            moment(start),
            words.until,
            moment(end)
        ),
        (Some(start), None) => format!("{} {}, {}", words.from, moment(start), words.no_end),
        (None, Some(end)) => format!("{} {}", words.only_until, moment(end)),
        (None, None) => words.none.to_owned(),
    }
}

/// Between the names of several ticked channels or segments.
const LIST_SEPARATOR: &str = ", ";

/// The label the open.cx dashboard shows for a channel, e.g. "Phone"; [`UNKNOWN_CHANNEL`] for
/// a code this app does not know.
pub fn channel_label(channel: &Channel) -> String {
    let known = match channel {
        Channel::Web => "Web chat",
        Channel::Email => "Email",
        Channel::PhoneVoice => "Phone",
        Channel::Slack => "Slack",
        Channel::Sms => "SMS",
        Channel::Whatsapp => "WhatsApp",
        Channel::Instagram => "Instagram",
        Channel::Messenger => "Messenger",
        Channel::Api => "API",
        Channel::WebVoice => "Web voice",
        Channel::Other(code) => return UNKNOWN_CHANNEL.name(code),
    };
    known.to_owned()
}

/// The ticked channels by label, or [`ALL_CHANNELS`] when none is ticked.
pub fn channels_label(channels: &[Channel]) -> String {
    if channels.is_empty() {
        return ALL_CHANNELS.into();
    }
    let labels: Vec<String> = channels.iter().map(channel_label).collect();
    labels.join(LIST_SEPARATOR)
}

/// The ticked segments by name, or [`ALL_SEGMENTS`] when none is ticked.
pub fn segments_label(ids: &[String], segments: &[Segment]) -> String {
    if ids.is_empty() {
        return ALL_SEGMENTS.into();
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| match segments.iter().find(|s| &s.id == id) {
            Some(segment) => segment.name.clone(),
            None => UNKNOWN_SEGMENT.name(id),
        })
        .collect();
    names.join(LIST_SEPARATOR)
}

/// The directory's name, or [`NO_DIRECTORY`].
pub fn directory_label(id: Option<&str>, directories: &[DirectoryEntry]) -> String {
    let Some(id) = id else {
        return NO_DIRECTORY.into();
    };
    match directories.iter().find(|d| d.id == id) {
        Some(directory) => directory.name.clone(),
        None => UNKNOWN_DIRECTORY.name(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{segment, training};

    /// The labels as editors see them; changing one is a decision, made here on purpose.
    #[test]
    fn the_words_editors_see() {
        let fields: Vec<_> = Field::ALL.iter().map(|f| f.label()).collect();
        assert_eq!(
            fields,
            [
                "Title",
                "Content",
                "Type",
                "Directory",
                "Channels",
                "Segments",
                "Schedule",
                "State"
            ]
        );
        let channels: Vec<_> = Channel::KNOWN.iter().map(channel_label).collect();
        assert_eq!(
            channels,
            [
                "Web chat",
                "Email",
                "Phone",
                "Slack",
                "SMS",
                "WhatsApp",
                "Instagram",
                "Messenger",
                "API",
                "Web voice"
            ]
        );
        let types: Vec<_> = TRAINING_TYPES.iter().map(|&t| type_words(t)).collect();
        assert_eq!(
            types,
            [
                TypeWords {
                    label: "When asked",
                    explanation: "Used when a customer's question matches this scenario."
                },
                TypeWords {
                    label: "Always on",
                    explanation: "Applies to every conversation: tone, guardrails."
                }
            ]
        );
        let states: Vec<_> = PublicationState::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            states,
            [
                "Live",
                "Live, with unpublished changes",
                "Draft",
                "Draft, out of use until published",
                "Live, or out of use until published"
            ]
        );
        assert_eq!(
            (ALL_CHANNELS, ALL_SEGMENTS, NO_DIRECTORY),
            ("All channels", "All customers", "No directory")
        );
    }

    #[test]
    fn a_schedule_reads_in_the_clocks_time() {
        let at = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
        let berlin = chrono::FixedOffset::east_opt(3600).unwrap();
        let (start, end) = (at("2026-12-24T08:00:00Z"), at("2026-12-26T23:00:00Z"));
        assert_eq!(
            window_label(start, end, &berlin),
            "Active from 24 Dec 2026, 09:00 until 27 Dec 2026, 00:00"
        );
        assert_eq!(
            window_label(start, None, &berlin),
            "Active from 24 Dec 2026, 09:00, no end"
        );
        assert_eq!(
            window_label(None, end, &Utc),
            "Active until 26 Dec 2026, 23:00"
        );
        assert_eq!(window_label(None, None, &berlin), "No start or end");
    }

    #[test]
    fn a_channel_this_app_does_not_know_says_so_with_its_code() {
        assert_eq!(channel_label(&Channel::from("fax")), "Other channel (fax)");
        assert_eq!(
            channels_label(&[Channel::Web, Channel::from("fax")]),
            "Web chat, Other channel (fax)"
        );
    }

    #[test]
    fn ids_the_workspace_does_not_list_show_their_first_eight_characters() {
        let segments = [segment("s1", "VIP customers")];
        assert_eq!(
            segments_label(
                &["s1".into(), "9a8b7c6d-1111-2222-3333-444455556666".into()],
                &segments
            ),
            "VIP customers, Unknown segment (9a8b7c6d…)"
        );
        assert_eq!(
            directory_label(Some("0123456789abcdef"), &[]),
            "Unknown directory (01234567…)"
        );
        assert_eq!(directory_label(None, &[]), "No directory");
        assert_eq!(channels_label(&[]), "All channels");
        assert_eq!(segments_label(&[], &segments), "All customers");
    }

    #[test]
    fn the_state_of_a_training_as_open_cx_holds_it() {
        let mut t = training("t1");
        assert_eq!(PublicationState::of(&t), PublicationState::Live);
        t.draft_title = Some("New title".into());
        assert_eq!(
            PublicationState::of(&t),
            PublicationState::LiveWithUnpublishedChanges
        );
        t.is_draft = true;
        assert_eq!(PublicationState::of(&t), PublicationState::Draft);
    }
}
