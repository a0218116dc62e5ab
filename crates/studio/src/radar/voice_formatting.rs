//! Formatting on channels that cannot show it: a training restricted to voice or SMS channels
//! only should be plain sentences. On Phone and Web voice the answer is spoken, so a heading, a
//! table or a link is read out as symbols or lost; SMS shows plain text, so the same markup
//! arrives as raw characters. One note per kind of formatting, pointing at its first use.

use std::ops::Range;

use opencx::Channel;
use pulldown_cmark::{Event, Tag};

use super::health::{HealthCode, HealthNote, Severity, TextSpan};
use super::markdown::events;
use crate::vocabulary::channels_label;

/// The channels that show no formatting: the two spoken ones (the answer is read aloud) and SMS
/// (plain text). Their labels are the vocabulary's.
pub const VOICE_OR_SMS: [Channel; 3] = [Channel::PhoneVoice, Channel::WebVoice, Channel::Sms];

/// The formatting that cannot come across, in the order notes are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Formatting {
    Heading,
    Table,
    Link,
    Image,
}

impl Formatting {
    const ALL: [Formatting; 4] = [
        Formatting::Heading,
        Formatting::Table,
        Formatting::Link,
        Formatting::Image,
    ];

    fn of(tag: &Tag) -> Option<Self> {
        match tag {
            Tag::Heading { .. } => Some(Formatting::Heading),
            Tag::Table(_) => Some(Formatting::Table),
            Tag::Link { .. } => Some(Formatting::Link),
            Tag::Image { .. } => Some(Formatting::Image),
            _ => None,
        }
    }

    fn noun(self, count: usize) -> &'static str {
        match (self, count == 1) {
            (Formatting::Heading, true) => "a heading",
            (Formatting::Heading, false) => "headings",
            (Formatting::Table, true) => "a table",
            (Formatting::Table, false) => "tables",
            (Formatting::Link, true) => "a link",
            (Formatting::Link, false) => "links",
            (Formatting::Image, true) => "an image",
            (Formatting::Image, false) => "images",
        }
    }

    fn fix(self) -> &'static str {
        match self {
            Formatting::Heading => "Turn the heading into an ordinary sentence.",
            Formatting::Table => "Say what the table says in sentences, one row at a time.",
            Formatting::Link => {
                "Say the address in words (\"example.com slash refunds\") or leave it out."
            }
            Formatting::Image => "Describe in words what the image shows, or leave it out.",
        }
    }
}

/// Whether every channel the training is restricted to shows no formatting (no channel ticked
/// means every channel, which is not voice or SMS only).
fn voice_or_sms_only(channels: &[Channel]) -> bool {
    !channels.is_empty() && channels.iter().all(|c| VOICE_OR_SMS.contains(c))
}

pub(super) fn notes(content: &str, channels: &[Channel]) -> Vec<HealthNote> {
    if !voice_or_sms_only(channels) {
        return Vec::new();
    }
    let mut seen: Vec<(Formatting, Range<usize>, usize)> = Vec::new();
    for (event, range) in events(content) {
        let Event::Start(tag) = event else { continue };
        let Some(kind) = Formatting::of(&tag) else {
            continue;
        };
        match seen.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, _, count)) => *count += 1,
            None => seen.push((kind, range, 1)),
        }
    }
    let where_used = channels_label(channels);
    Formatting::ALL
        .iter()
        .filter_map(|kind| seen.iter().find(|(k, _, _)| k == kind))
        .map(|(kind, first, count)| HealthNote {
            code: HealthCode::FormattingOnVoiceOrSms,
            severity: Severity::Warning,
            explanation: format!(
                "This training is used only on {where_used}, where {} cannot be shown, so {} read out or sent as raw symbols.",
                kind.noun(*count),
                if *count == 1 { "it is" } else { "they are" },
            ),
            fix: kind.fix().into(),
            span: Some(TextSpan::content(first.clone())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMATTED: &str = "## Refunds\n\nSee [the policy](https://example.com/refunds) \
                             and [terms](https://example.com/terms).\n\n\
                             | Plan | Days |\n|---|---|\n| Free | 30 |\n\n![Logo](data:image/png;base64,AA==)\n";

    #[test]
    fn formatting_on_voice_or_sms_only_is_noted_once_per_kind() {
        let notes = notes(FORMATTED, &[Channel::PhoneVoice, Channel::Sms]);
        let said: Vec<(&str, &str)> = notes
            .iter()
            .map(|n| {
                let span = n.span.as_ref().unwrap();
                (n.explanation.as_str(), &FORMATTED[span.start..span.end])
            })
            .collect();
        assert_eq!(said.len(), 4);
        assert_eq!(
            said[0],
            (
                "This training is used only on Phone, SMS, where a heading cannot be shown, so it is read out or sent as raw symbols.",
                "## Refunds\n"
            )
        );
        assert_eq!(
            said[2],
            (
                "This training is used only on Phone, SMS, where links cannot be shown, so they are read out or sent as raw symbols.",
                "[the policy](https://example.com/refunds)"
            )
        );
        assert!(said[1].1.starts_with("| Plan"));
        assert!(said[3].1.starts_with("![Logo]"));
    }

    #[test]
    fn channels_that_show_formatting_or_plain_text_get_no_note() {
        assert!(notes(FORMATTED, &[]).is_empty(), "all channels");
        assert!(notes(FORMATTED, &[Channel::Sms, Channel::Web]).is_empty());
        assert!(notes(FORMATTED, &[Channel::Whatsapp]).is_empty());
        let plain = "Tell the caller refunds take 30 days. Spell out the address: example dot com.";
        assert!(notes(plain, &[Channel::WebVoice]).is_empty());
    }
}
