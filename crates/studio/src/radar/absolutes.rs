//! Absolute instructions in a sentence — always/never, must/must not, do/do not (don't),
//! can/cannot (can't), allowed/not allowed — each with the action it is about: the verb after it
//! (as a stem) and the content words after the verb. Two of opposite sense disagree only when
//! they share the action: the same verb and at least one content word after it. When the verb is
//! a function word ("be", "have") the next content word is part of the action, so "always be
//! polite" and "never be rude" are two different actions.
//!
//! A plain imperative ("Offer a discount.") is not read as "do": without a dictionary a verb
//! cannot be told from a noun at the start of a sentence ("Refunds take 5 days.").

use std::collections::BTreeSet;

use super::words::{content_stems, is_content_word, is_stop_word, stem, Word};

/// Whether an absolute says to do the action or not to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sense {
    Do,
    DoNot,
}

/// One absolute instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Absolute {
    pub sense: Sense,
    /// How it reads: "always offer", "must not share", "not allowed".
    pub said: String,
    /// The verb's stem, and the next content word's when the verb is a function word.
    pub action: Vec<String>,
    /// The stems of the content words after the action.
    pub objects: BTreeSet<String>,
}

/// Words between an absolute and its verb that change nothing ("always also offer").
const SKIPPED: [&str; 8] = [
    "also", "just", "only", "please", "politely", "kindly", "first", "still",
];

/// Words after "can" or "do" that make a question ("Can I…", "Do you…"), not an instruction.
const PRONOUNS: [&str; 8] = ["i", "you", "we", "they", "he", "she", "it", "customers"];

/// Words before "allowed" that deny it.
const DENIALS: [&str; 6] = ["not", "never", "isn't", "aren't", "wasn't", "weren't"];

/// The absolutes of a sentence, in order.
pub(super) fn absolutes(words: &[Word]) -> Vec<Absolute> {
    let lower = |k: usize| words.get(k).map_or("", |w| w.lower.as_str());
    let mut found = Vec::new();
    for k in 0..words.len() {
        let next = lower(k + 1);
        let (sense, marker, verb_at) = match (lower(k), next) {
            ("must" | "can" | "do" | "does", "never" | "always") => continue,
            ("always", _) => (Sense::Do, "always", k + 1),
            ("never", _) => (Sense::DoNot, "never", k + 1),
            ("must", "not") => (Sense::DoNot, "must not", k + 2),
            ("mustn't", _) => (Sense::DoNot, "must not", k + 1),
            ("must", _) => (Sense::Do, "must", k + 1),
            ("can", "not") | ("cannot" | "can't", _) => {
                (Sense::DoNot, "cannot", k + 1 + usize::from(next == "not"))
            }
            ("can", _) if !PRONOUNS.contains(&next) => (Sense::Do, "can", k + 1),
            ("do" | "does", "not") => (Sense::DoNot, "do not", k + 2),
            ("don't" | "doesn't", _) => (Sense::DoNot, "do not", k + 1),
            ("do", _) if k == 0 && !PRONOUNS.contains(&next) => (Sense::Do, "do", k + 1),
            ("allowed", _) => {
                found.extend(allowed(words, k));
                continue;
            }
            _ => continue,
        };
        found.extend(with_action(words, sense, marker, verb_at));
    }
    found
}

/// The absolute whose verb is at or after `verb_at`.
fn with_action(words: &[Word], sense: Sense, marker: &str, verb_at: usize) -> Option<Absolute> {
    let verb_at = verb_at
        + words[verb_at.min(words.len())..]
            .iter()
            .take_while(|w| SKIPPED.contains(&w.lower.as_str()))
            .count();
    let verb = words.get(verb_at)?;
    if PRONOUNS.contains(&verb.lower.as_str()) || DENIALS.contains(&verb.lower.as_str()) {
        return None;
    }
    let mut action = vec![stem(&verb.lower)];
    let mut said = format!("{marker} {}", verb.lower);
    let mut after = verb_at + 1;
    if is_stop_word(&verb.lower) {
        let at = after
            + words[after..]
                .iter()
                .position(|w| is_content_word(&w.lower))?;
        action.push(stem(&words[at].lower));
        said = format!("{said} {}", words[at].lower);
        after = at + 1;
    }
    Some(Absolute {
        sense,
        said,
        action,
        objects: content_stems(&words[after..]),
    })
}

/// "allowed to <verb> …" is about the verb; "<something> is allowed" is about allowing it, with
/// the sentence's content words as what is allowed.
fn allowed(words: &[Word], k: usize) -> Option<Absolute> {
    let denied = words[k.saturating_sub(2)..k]
        .iter()
        .any(|w| DENIALS.contains(&w.lower.as_str()));
    let (sense, marker) = if denied {
        (Sense::DoNot, "not allowed to")
    } else {
        (Sense::Do, "allowed to")
    };
    if words.get(k + 1).is_some_and(|w| w.lower == "to") {
        return with_action(words, sense, marker, k + 2);
    }
    Some(Absolute {
        sense,
        said: marker.trim_end_matches(" to").to_owned(),
        action: vec![stem("allow")],
        objects: content_stems(words),
    })
}

/// The first pair of absolutes of opposite sense on the same action, as one sentence.
pub(super) fn disagreement(first: &[Absolute], second: &[Absolute]) -> Option<String> {
    first.iter().find_map(|a| {
        second
            .iter()
            .find(|b| {
                a.sense != b.sense && a.action == b.action && !a.objects.is_disjoint(&b.objects)
            })
            .map(|b| format!("One says {}, the other {}.", a.said, b.said))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::words::words;

    fn said(a: &str, b: &str) -> Option<String> {
        disagreement(&absolutes(&words(a)), &absolutes(&words(b)))
    }

    #[test]
    fn opposite_absolutes_on_the_same_action_disagree() {
        assert_eq!(
            said(
                "Always offer a discount to VIP customers.",
                "Never offer discounts."
            )
            .as_deref(),
            Some("One says always offer, the other never offer.")
        );
        assert_eq!(
            said(
                "You must not share the tracking link.",
                "Agents can share tracking links with the customer."
            )
            .as_deref(),
            Some("One says must not share, the other can share.")
        );
        assert_eq!(
            said(
                "Don't promise a delivery date.",
                "Always promise a delivery date when asked."
            )
            .as_deref(),
            Some("One says do not promise, the other always promise.")
        );
        assert_eq!(
            said(
                "You cannot cancel an order after it ships.",
                "Customers can always cancel an order."
            )
            .as_deref(),
            Some("One says cannot cancel, the other always cancel."),
            "\"can always\" is read as \"always\""
        );
        assert_eq!(
            said(
                "Customers can't cancel orders after shipping.",
                "Always cancel the order if asked."
            )
            .as_deref(),
            Some("One says cannot cancel, the other always cancel.")
        );
        assert_eq!(
            said(
                "Agents are not allowed to give refunds in cash.",
                "You are allowed to give a cash refund."
            )
            .as_deref(),
            Some("One says not allowed to give, the other allowed to give.")
        );
        assert_eq!(
            said(
                "Discounts are not allowed.",
                "Discounts are allowed for VIP customers."
            )
            .as_deref(),
            Some("One says not allowed, the other allowed.")
        );
    }

    #[test]
    fn different_actions_or_the_same_sense_do_not() {
        assert_eq!(
            said(
                "Never share passwords.",
                "Always verify the customer's identity."
            ),
            None
        );
        assert_eq!(
            said(
                "Always be polite to customers.",
                "Never be rude to customers."
            ),
            None
        );
        assert_eq!(
            said(
                "Never offer discounts.",
                "Never offer a discount to new customers."
            ),
            None
        );
        assert_eq!(
            said(
                "Always offer a discount to VIP customers.",
                "Never offer free shipping."
            ),
            None,
            "same verb, nothing after it in common"
        );
        assert_eq!(said("Can I get a refund?", "Never refund shipping."), None);
    }

    #[test]
    fn an_action_on_a_function_word_reads_with_its_complement() {
        assert_eq!(
            said(
                "Refunds can be requested within 30 days.",
                "Refunds cannot be requested after 30 days."
            )
            .as_deref(),
            Some("One says can be requested, the other cannot be requested.")
        );
    }

    #[test]
    fn the_action_is_read_past_filler_words() {
        let found = absolutes(&words("Always politely offer store credit."));
        assert_eq!(found[0].said, "always offer");
        assert_eq!(found[0].action, ["offer"]);
        assert_eq!(
            found[0].objects,
            BTreeSet::from(["store".into(), "credit".into()])
        );
    }
}
