//! How the simulator's "AI" answers a customer's message: the simulator's own reading, not
//! open.cx's (whose AI is a language model). It is deterministic, so tests can say what comes
//! back:
//!
//! 1. The trainings it may use are those in use (`is_draft` false), on the session's channel
//!    (no channel = every channel), and active now (`start_time ≤ now < end_time`).
//! 2. It scans every "Always on" (`BEHAVIORAL`) one of them, in creation order, and the
//!    "When asked" (`SCENARIO_SPECIFIC`) ones that share a word with the message (lower-cased
//!    words of three letters or more, a few common words left out, a final `s` dropped), best
//!    first, at most [`MOST_MATCHES`]: a shared word scores 2 in the title and 1 in the
//!    content; ties go to the training whose title has fewer words (the more specific one),
//!    then to the older one.
//! 3. The answer is the first paragraph of the best "When asked" match, its markdown marks
//!    removed. With no match it hands the conversation to a person and says so.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use crate::model::{is_active_at, Training, TrainingType};

/// How many "When asked" trainings are scanned at most.
pub const MOST_MATCHES: usize = 3;

/// What the simulator says when nothing matches, as it hands the conversation over.
pub const HANDOFF_TEXT: &str =
    "I am not sure about that one, so I am passing you to a colleague who can help.";

/// The longest answer, in characters, before it is cut at a word.
const LONGEST_ANSWER: usize = 280;

/// Words too common to match on.
const COMMON: [&str; 24] = [
    "the", "and", "you", "your", "for", "with", "are", "was", "what", "where", "when", "how",
    "can", "does", "this", "that", "have", "from", "not", "but", "our", "has", "will", "its",
];

/// The simulator's answer to one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub text: String,
    pub handed_off: bool,
    /// Every word of the message is in the best match.
    pub fully_covered: bool,
    /// What it scanned, in the order above.
    pub scanned: Vec<Training>,
}

/// The words a text is matched on.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 => stem.to_string(),
            _ => w,
        })
        .collect()
}

/// Whether the AI may use `training` on `channel` at `now`.
fn usable(training: &Training, channel: &str, now: DateTime<Utc>) -> bool {
    !training.is_draft
        && (training.restricted_to_channels.is_empty()
            || training.restricted_to_channels.iter().any(|c| c == channel))
        && is_active_at(
            training.start_time.as_deref(),
            training.end_time.as_deref(),
            now,
        )
}

/// The first paragraph of markdown that is not a heading, without its marks, cut to
/// [`LONGEST_ANSWER`] characters at a word.
fn first_paragraph(markdown: &str) -> String {
    let paragraph = markdown
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or_default();
    let plain: String = paragraph
        .lines()
        .map(|line| line.trim_start_matches(['-', '*', ' ']).trim())
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .collect();
    if plain.chars().count() <= LONGEST_ANSWER {
        return plain;
    }
    let cut: String = plain.chars().take(LONGEST_ANSWER).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word}…")
}

/// Answers `message` on `channel` at `now` from `trainings` (in creation order).
pub fn answer<'a>(
    trainings: impl IntoIterator<Item = &'a Training>,
    channel: &str,
    message: &str,
    now: DateTime<Utc>,
) -> Reply {
    let asked = words(message);
    let mut always_on = Vec::new();
    // (score, title words, creation order, words of the message it holds, training)
    let mut matches: Vec<(usize, usize, usize, usize, &Training)> = Vec::new();
    for (order, training) in trainings.into_iter().enumerate() {
        if !usable(training, channel, now) {
            continue;
        }
        match training.training_type {
            TrainingType::Behavioral => always_on.push(training.clone()),
            TrainingType::ScenarioSpecific => {
                let in_title = words(&training.title);
                let in_content = words(&training.content);
                let score = 2 * in_title.intersection(&asked).count()
                    + in_content.intersection(&asked).count();
                let held = asked
                    .iter()
                    .filter(|w| in_title.contains(*w) || in_content.contains(*w))
                    .count();
                if score > 0 {
                    matches.push((score, in_title.len(), order, held, training));
                }
            }
        }
    }
    matches.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    matches.truncate(MOST_MATCHES);
    let best = matches.first().map(|(_, _, _, held, t)| (*held, *t));
    let mut scanned = always_on;
    scanned.extend(matches.iter().map(|(_, _, _, _, t)| (*t).clone()));
    match best {
        Some((held, training)) => Reply {
            text: first_paragraph(&training.content),
            handed_off: false,
            fully_covered: held == asked.len(),
            scanned,
        },
        None => Reply {
            text: HANDOFF_TEXT.to_string(),
            handed_off: true,
            fully_covered: false,
            scanned,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn training(id: &str, title: &str, content: &str) -> Training {
        Training {
            id: id.into(),
            title: title.into(),
            content: content.into(),
            draft_title: None,
            draft_content: None,
            training_type: TrainingType::ScenarioSpecific,
            is_draft: false,
            directory_id: None,
            restricted_to_channels: Vec::new(),
            restricted_to_segments: Vec::new(),
            current_version: Some(1),
            metadata: Map::new(),
            published_at: None,
            start_time: None,
            end_time: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn ids(reply: &Reply) -> Vec<&str> {
        reply.scanned.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn the_best_word_match_answers_with_its_first_paragraph() {
        let parcels = training(
            "p",
            "Where is my parcel?",
            "## Tracking\n\nSend the **tracking link** from the order page.\n\nMore.",
        );
        let refunds = training("r", "Refunds", "Refunds take 5 days for a parcel.");
        let reply = answer(
            [&refunds, &parcels],
            "web",
            "Where is my parcel? Tracking",
            now(),
        );
        assert_eq!(reply.text, "Send the tracking link from the order page.");
        assert!(!reply.handed_off);
        assert!(reply.fully_covered);
        assert_eq!(ids(&reply), ["p", "r"], "best first");
        let by_title = answer([&refunds, &parcels], "web", "parcel", now());
        assert_eq!(
            ids(&by_title),
            ["p", "r"],
            "a word in the title counts more"
        );
        assert!(!answer([&refunds], "web", "parcel tracking", now()).fully_covered);
    }

    #[test]
    fn always_on_trainings_are_scanned_first_and_drafts_other_channels_and_ended_ones_never() {
        let mut tone = training("tone", "Tone", "Be kind.");
        tone.training_type = TrainingType::Behavioral;
        let mut draft = training("draft", "Parcel draft", "parcel");
        draft.is_draft = true;
        let mut email_only = training("email", "Parcel by email", "parcel");
        email_only.restricted_to_channels = vec!["email".into()];
        let mut ended = training("ended", "Parcel ended", "parcel");
        ended.end_time = Some("2000-01-01T00:00:00.000Z".into());
        let live = training("live", "Parcel", "Parcels arrive in two days.");
        let all = [&tone, &draft, &email_only, &ended, &live];
        let reply = answer(all, "whatsapp", "my parcel", now());
        assert_eq!(ids(&reply), ["tone", "live"]);
        let by_email = answer(all, "email", "my parcel", now());
        assert_eq!(
            ids(&by_email),
            ["tone", "live", "email"],
            "ties: the shorter title first"
        );
        let twin = training("twin", "Parcel", "Parcels arrive soon.");
        let tie = answer([&live, &twin], "web", "my parcel", now());
        assert_eq!(ids(&tie), ["live", "twin"], "then the older");
    }

    #[test]
    fn no_match_hands_the_conversation_over() {
        let t = training("t", "Refunds", "Refunds take five days.");
        let reply = answer([&t], "api", "Hello there", now());
        assert!(reply.handed_off);
        assert_eq!(reply.text, HANDOFF_TEXT);
        assert!(reply.scanned.is_empty());
    }

    #[test]
    fn long_paragraphs_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let text = first_paragraph(&long);
        assert!(text.ends_with("word…"), "{text}");
        assert!(text.chars().count() <= LONGEST_ANSWER + 1);
    }

    fn now() -> DateTime<Utc> {
        Utc::now()
    }
}
