//! Instruction health: the notes on one training, each with a stable code, a severity, one
//! sentence saying what is wrong, one saying how to fix it, and where in the text when it points
//! at text. [`health`] runs every rule; each rule lives in its own file beside this one.

use std::ops::Range;

use chrono::{DateTime, Utc};
use opencx::{Channel, Training, TrainingType};
use serde::Serialize;
use ts_rs::TS;

use super::always_on::AlwaysOnTotals;
use super::{
    always_on, asked_title, content_length, links, placeholders, voice_formatting, window,
};
use crate::draft::TrainingDraft;
use crate::vocabulary::Field;

/// What a note is about, as a stable code the UI and tests switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HealthCode {
    /// TBD, TODO, lorem ipsum, "[link]", "<insert …>" left in the text.
    Placeholder,
    /// No instructions at all.
    EmptyContent,
    /// Fewer than [`super::SHORT_CONTENT_WORDS`] words.
    ShortContent,
    /// Headings, tables, links or images in a training used only on voice or SMS.
    FormattingOnVoiceOrSms,
    /// A "When asked" title that reads neither as a question nor as a situation.
    TitleNotAsked,
    /// The always-on trainings of a channel add up to more than [`super::ALWAYS_ON_BUDGET_CHARS`].
    AlwaysOnTooLong,
    /// The window ended, but the AI agent still uses the training.
    WindowEnded,
    /// A link with no address, a script address, an address that goes nowhere, or `[text](`
    /// left open.
    BrokenLink,
}

/// How much a note matters, worst first (the order sorts on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// Customers will see something wrong, or the AI gets nothing to act on.
    Problem,
    /// Likely to make the AI answer worse.
    Warning,
    /// Would make the training easier for the AI to use.
    Suggestion,
}

/// A byte range of the title or the content (`start..end`, UTF-8 bytes, on character
/// boundaries; a JavaScript string counts UTF-16 units, so the UI converts before it highlights).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TextSpan {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

impl TextSpan {
    pub(super) fn content(range: Range<usize>) -> Self {
        TextSpan {
            field: Field::Content,
            start: range.start,
            end: range.end,
        }
    }

    pub(super) fn title(range: Range<usize>) -> Self {
        TextSpan {
            field: Field::Title,
            start: range.start,
            end: range.end,
        }
    }
}

/// One thing the radar noticed about a training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HealthNote {
    pub code: HealthCode,
    pub severity: Severity,
    /// One sentence: what is wrong and why it matters.
    pub explanation: String,
    /// One sentence: what to do about it.
    pub fix: String,
    /// Where in the text, when the note is about a piece of it.
    pub span: Option<TextSpan>,
}

/// What the rules read of one training: the text being written and its settings, its window's
/// end and whether the AI agent uses it (from the saved training, when there is one).
#[derive(Debug, Clone, Copy)]
pub struct Examined<'a> {
    /// The saved training's id, so the workspace's copy of it is not counted twice.
    pub id: Option<&'a str>,
    pub title: &'a str,
    pub content: &'a str,
    pub training_type: TrainingType,
    /// No channel means every channel.
    pub channels: &'a [Channel],
    pub end_time: Option<DateTime<Utc>>,
    /// Whether the AI agent uses it now ([`Training::is_live`]).
    pub in_use: bool,
}

impl<'a> Examined<'a> {
    /// A saved training as it shows in the editor (its draft text if it has one).
    pub fn training(training: &'a Training) -> Self {
        Examined {
            id: Some(&training.id),
            title: training.shown_title(),
            content: training.shown_content(),
            training_type: training.training_type,
            channels: &training.restricted_to_channels,
            end_time: training.end_time,
            in_use: training.is_live(),
        }
    }

    /// The editor's form, with the saved training it edits (none for a new one).
    pub fn draft(draft: &'a TrainingDraft, saved: Option<&'a Training>) -> Self {
        Examined {
            id: saved.map(|t| t.id.as_str()),
            title: &draft.title,
            content: &draft.content,
            training_type: draft.training_type,
            channels: &draft.restricted_to_channels,
            end_time: saved.and_then(|t| t.end_time),
            in_use: saved.is_some_and(Training::is_live),
        }
    }
}

/// What the rules need of the rest of the workspace and of the moment, worked out once for many
/// trainings (the check-up reads thousands).
#[derive(Debug, Clone)]
pub struct Surroundings {
    pub now: DateTime<Utc>,
    pub(super) always_on: AlwaysOnTotals,
}

impl Surroundings {
    pub fn new<'a>(workspace: impl IntoIterator<Item = &'a Training>, now: DateTime<Utc>) -> Self {
        Surroundings {
            now,
            always_on: AlwaysOnTotals::of(workspace),
        }
    }
}

/// Every note on `training`, worst first, then in the order of the text.
pub fn health(training: &Examined, around: &Surroundings) -> Vec<HealthNote> {
    let mut notes = Vec::new();
    notes.extend(content_length::notes(training.content));
    notes.extend(placeholders::notes(training.title, training.content));
    notes.extend(links::notes(training.content));
    notes.extend(voice_formatting::notes(training.content, training.channels));
    notes.extend(asked_title::notes(training.title, training.training_type));
    notes.extend(always_on::notes(training, &around.always_on));
    notes.extend(window::notes(training, around.now));
    notes.sort_by_key(|note| {
        (
            note.severity,
            note.span
                .as_ref()
                .map(|s| (s.field != Field::Title, s.start)),
        )
    });
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    #[test]
    fn a_weak_training_gets_every_note_worst_first() {
        let mut t = training("t1");
        t.title = "Refund policy TBD".into();
        t.content = "## Refunds\n\nSee [policy]().".into();
        t.restricted_to_channels = vec![Channel::Sms];
        t.end_time = Some("2026-01-01T00:00:00Z".parse().unwrap());
        let around = Surroundings::new(&[], "2026-12-05T00:00:00Z".parse().unwrap());
        let notes = health(&Examined::training(&t), &around);
        let codes: Vec<(HealthCode, Severity)> =
            notes.iter().map(|n| (n.code, n.severity)).collect();
        assert_eq!(
            codes,
            [
                (HealthCode::WindowEnded, Severity::Problem),
                (HealthCode::Placeholder, Severity::Problem),
                (HealthCode::BrokenLink, Severity::Problem),
                (HealthCode::ShortContent, Severity::Warning),
                (HealthCode::FormattingOnVoiceOrSms, Severity::Warning),
                (HealthCode::FormattingOnVoiceOrSms, Severity::Warning),
                (HealthCode::TitleNotAsked, Severity::Suggestion),
            ]
        );
        assert_eq!(notes[1].span, Some(TextSpan::title(14..17)));
    }

    #[test]
    fn a_healthy_training_gets_no_note() {
        let mut t = training("t1");
        t.title = "Can I get a refund after 30 days?".into();
        t.content = "Refunds are possible **within 30 days** of delivery. After that, offer \
                     store credit and link the [refund policy](https://help.example.com/refunds)."
            .into();
        let around = Surroundings::new(
            std::slice::from_ref(&t),
            "2026-12-05T00:00:00Z".parse().unwrap(),
        );
        assert_eq!(health(&Examined::training(&t), &around), []);
    }

    #[test]
    fn the_editor_form_is_read_with_the_saved_training_s_window_and_state() {
        let mut saved = training("t1");
        saved.end_time = Some("2026-01-01T00:00:00Z".parse().unwrap());
        let draft = TrainingDraft::from_training(&saved);
        let around = Surroundings::new(&[], "2026-12-05T00:00:00Z".parse().unwrap());
        let codes = |e: Examined| -> Vec<HealthCode> {
            health(&e, &around).into_iter().map(|n| n.code).collect()
        };
        assert!(codes(Examined::draft(&draft, Some(&saved))).contains(&HealthCode::WindowEnded));
        assert!(!codes(Examined::draft(&draft, None)).contains(&HealthCode::WindowEnded));
    }
}
