//! Too much always-on text for a channel. Every "Always on" training that the AI agent uses goes
//! (title and content, as the reach view counts them) into every conversation on its channels,
//! so they add up: past [`ALWAYS_ON_BUDGET_CHARS`] characters on one channel, single
//! instructions start to get lost among the others. The note goes on an always-on training whose
//! channels are over the budget with it counted (as written now, in place of its saved text).

use std::collections::HashMap;

use opencx::{Channel, Training, TrainingType};

use super::health::{Examined, HealthCode, HealthNote, Severity};
use crate::vocabulary::{channel_label, type_label};

/// The most always-on text, in characters, that one channel should carry: about 1,300 words or
/// three printed pages (roughly 2,000 tokens of the AI agent's instructions), which every
/// conversation on the channel carries before the customer says a word.
pub const ALWAYS_ON_BUDGET_CHARS: usize = 8_000;

/// The characters of the always-on trainings in use, per channel, worked out once for a
/// workspace.
#[derive(Debug, Clone, Default)]
pub(super) struct AlwaysOnTotals {
    /// Trainings on every channel (none ticked).
    everywhere: usize,
    /// Trainings restricted to some channels, per channel.
    per_channel: HashMap<Channel, usize>,
    /// Each counted training: its characters and channels, so its own share can be taken out
    /// when it is the one being written.
    counted: HashMap<String, (usize, Vec<Channel>)>,
}

impl AlwaysOnTotals {
    pub(super) fn of<'a>(workspace: impl IntoIterator<Item = &'a Training>) -> Self {
        let mut totals = AlwaysOnTotals::default();
        for training in workspace {
            if training.training_type != TrainingType::Behavioral || !training.is_live() {
                continue;
            }
            let chars =
                training.shown_title().chars().count() + training.shown_content().chars().count();
            let channels = &training.restricted_to_channels;
            if channels.is_empty() {
                totals.everywhere += chars;
            }
            for channel in channels {
                *totals.per_channel.entry(channel.clone()).or_default() += chars;
            }
            totals
                .counted
                .insert(training.id.clone(), (chars, channels.clone()));
        }
        totals
    }

    /// The channel's total with `training` counted as written now.
    fn with(&self, training: &Examined, chars: usize, channel: &Channel) -> usize {
        let saved = training
            .id
            .and_then(|id| self.counted.get(id))
            .filter(|(_, channels)| channels.is_empty() || channels.contains(channel))
            .map_or(0, |(chars, _)| *chars);
        let others = self.everywhere + self.per_channel.get(channel).copied().unwrap_or(0);
        others - saved + chars
    }
}

pub(super) fn notes(training: &Examined, totals: &AlwaysOnTotals) -> Option<HealthNote> {
    if training.training_type != TrainingType::Behavioral {
        return None;
    }
    let chars = training.title.chars().count() + training.content.chars().count();
    let channels: Vec<Channel> = if training.channels.is_empty() {
        let mut all: Vec<Channel> = Channel::KNOWN.to_vec();
        all.extend(
            totals
                .per_channel
                .keys()
                .filter(|c| !Channel::KNOWN.contains(c))
                .cloned(),
        );
        all.sort();
        all
    } else {
        training.channels.to_vec()
    };
    let mut over: Vec<(usize, &Channel)> = channels
        .iter()
        .map(|c| (totals.with(training, chars, c), c))
        .filter(|(total, _)| over_budget(*total))
        .collect();
    // The fullest channel first; on a tie, the vocabulary's order.
    over.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let (total, fullest) = over.first()?;
    let others = match over.len() - 1 {
        0 => String::new(),
        1 => " (and 1 other channel)".into(),
        n => format!(" (and {n} other channels)"),
    };
    let label = type_label(TrainingType::Behavioral);
    Some(HealthNote {
        code: HealthCode::AlwaysOnTooLong,
        severity: Severity::Warning,
        explanation: over_budget_sentence(
            &format!(
                "On {}{others}, the \"{label}\" trainings",
                channel_label(fullest)
            ),
            *total,
        ),
        fix: format!(
            "Shorten this training, restrict it to fewer channels, or make it \"{}\" so it is used only when it applies.",
            type_label(TrainingType::ScenarioSpecific)
        ),
        span: None,
    })
}

/// Whether `chars` characters of always-on text are more than one conversation should carry.
pub fn over_budget(chars: usize) -> bool {
    chars > ALWAYS_ON_BUDGET_CHARS
}

/// "`subject` add up to 9,200 characters, more than the 8,000 every conversation can carry
/// before single instructions get lost." (`total`: the characters they add up to.)
pub fn over_budget_sentence(subject: &str, total: usize) -> String {
    format!(
        "{subject} add up to {} characters, more than the {} every conversation can carry before single instructions get lost.",
        thousands(total),
        thousands(ALWAYS_ON_BUDGET_CHARS),
    )
}

/// 12345 → "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    fn always_on(id: &str, chars: usize, channels: &[Channel]) -> Training {
        let mut t = training(id);
        t.training_type = TrainingType::Behavioral;
        t.title = String::new();
        t.content = "a".repeat(chars);
        t.restricted_to_channels = channels.to_vec();
        t
    }

    fn note_on(subject: &Training, workspace: &[Training]) -> Option<String> {
        notes(&Examined::training(subject), &AlwaysOnTotals::of(workspace)).map(|n| n.explanation)
    }

    #[test]
    fn always_on_text_over_the_budget_for_a_channel_is_noted() {
        let everywhere = always_on("t1", 5_000, &[]);
        let whatsapp = always_on("t2", 2_000, &[Channel::Whatsapp]);
        let subject = always_on("t3", 1_500, &[Channel::Whatsapp, Channel::Sms]);
        let workspace = [everywhere, whatsapp, subject.clone()];
        assert_eq!(
            note_on(&subject, &workspace).as_deref(),
            Some("On WhatsApp, the \"Always on\" trainings add up to 8,500 characters, more than the 8,000 every conversation can carry before single instructions get lost.")
        );
        // On every channel it lands on WhatsApp, and one other channel is over too.
        let wide = always_on("t4", 3_100, &[]);
        let said = note_on(&wide, &workspace[..2]).unwrap();
        assert!(said.starts_with("On WhatsApp (and 9 other channels), the \"Always on\" trainings add up to 10,100 characters"), "{said}");
    }

    #[test]
    fn within_the_budget_or_not_in_use_or_when_asked_is_no_note() {
        let everywhere = always_on("t1", 5_000, &[]);
        let mut draft = always_on("t2", 6_000, &[Channel::Sms]);
        draft.is_draft = true;
        let subject = always_on("t3", 2_000, &[Channel::Sms]);
        assert_eq!(note_on(&subject, &[everywhere.clone(), draft]), None);
        // The subject's saved text is replaced by what is written now, not counted twice.
        assert_eq!(
            note_on(&subject, &[everywhere.clone(), subject.clone()]),
            None
        );
        let mut asked = always_on("t4", 9_000, &[]);
        asked.training_type = TrainingType::ScenarioSpecific;
        assert_eq!(note_on(&asked, &[everywhere]), None);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(8_000), "8,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
