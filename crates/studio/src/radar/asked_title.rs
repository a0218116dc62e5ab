//! A "When asked" title should read like what a customer asks, because the AI agent matches the
//! customer's message against it. The rule, as an editor reads it: the title is a question (it
//! ends with "?" or starts with a question word such as How, What, Can or Is), is the customer
//! speaking (starts with I, I'm, My, We), or names the situation (starts with When, If, Customer,
//! Caller, User…). A bare topic ("Refund policy", "Shipping EU v2") does none of these.

use opencx::TrainingType;

use super::health::{HealthCode, HealthNote, Severity};
use crate::vocabulary::type_label;

/// First words of a question.
const QUESTION_WORDS: [&str; 24] = [
    "how", "what", "what's", "whats", "where", "where's", "why", "who", "which", "whose", "can",
    "could", "do", "does", "did", "is", "are", "was", "will", "would", "should", "may", "am",
    "has",
];

/// First words of the customer speaking.
const CUSTOMER_SPEAKING: [&str; 8] = ["i", "i'm", "im", "i've", "i'd", "my", "we", "our"];

/// First words of a situation ("When the order is late", "Customer wants to cancel").
const SITUATION_WORDS: [&str; 15] = [
    "when",
    "if",
    "whenever",
    "after",
    "before",
    "customer",
    "customers",
    "caller",
    "callers",
    "user",
    "users",
    "client",
    "clients",
    "someone",
    "visitor",
];

/// Words skipped before the first one that tells ("A customer…", "The caller…").
const ARTICLES: [&str; 3] = ["a", "an", "the"];

pub(super) fn notes(title: &str, training_type: TrainingType) -> Option<HealthNote> {
    if training_type != TrainingType::ScenarioSpecific || title.trim().is_empty() {
        return None;
    }
    (!reads_as_asked(title)).then(|| HealthNote {
        code: HealthCode::TitleNotAsked,
        severity: Severity::Suggestion,
        explanation: format!(
            "\"{}\" trainings are matched against what customers ask, and \"{}\" reads like a topic, not a question or a situation.",
            type_label(training_type),
            title.trim()
        ),
        fix: "Write the title as the customer would ask it (\"Can I get a refund after 30 days?\") or as the situation (\"When an order arrives damaged\").".into(),
        span: None,
    })
}

/// Whether `title` is a question, the customer speaking, or a situation.
fn reads_as_asked(title: &str) -> bool {
    if title.contains('?') {
        return true;
    }
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let first = words
        .iter()
        .find(|w| !ARTICLES.contains(&w.as_str()))
        .map(String::as_str);
    first.is_some_and(|w| {
        QUESTION_WORDS.contains(&w)
            || CUSTOMER_SPEAKING.contains(&w)
            || SITUATION_WORDS.contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_situations_read_as_asked() {
        for title in [
            "Can I get a refund after 30 days?",
            "How long does shipping take",
            "Where's my order",
            "Do you ship to Canada?",
            "Is there a student discount",
            "Refund after 30 days?",
            "I want to cancel my subscription",
            "I’m locked out of my account",
            "My package arrived damaged",
            "Customer asks about a refund",
            "A customer wants to change their address",
            "When an order is late",
            "If the customer is angry",
            "Caller asks for a manager",
        ] {
            assert!(
                notes(title, TrainingType::ScenarioSpecific).is_none(),
                "{title}"
            );
        }
    }

    #[test]
    fn bare_topics_do_not() {
        for title in [
            "Refund policy",
            "Shipping EU v2",
            "VIP discounts",
            "Password reset",
            "Tone of voice",
            "Order tracking (new)",
        ] {
            let note = notes(title, TrainingType::ScenarioSpecific);
            assert_eq!(
                note.map(|n| n.code),
                Some(HealthCode::TitleNotAsked),
                "{title}"
            );
        }
        let note = notes("Refund policy", TrainingType::ScenarioSpecific).unwrap();
        assert_eq!(
            note.explanation,
            "\"When asked\" trainings are matched against what customers ask, and \"Refund policy\" reads like a topic, not a question or a situation."
        );
    }

    #[test]
    fn always_on_titles_are_free() {
        assert!(notes("Tone of voice", TrainingType::Behavioral).is_none());
    }
}
