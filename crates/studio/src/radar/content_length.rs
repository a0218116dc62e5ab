//! Empty or very short content: the AI needs to be told what to do, when, and what to say, and a
//! few words rarely manage that. Words are counted in what a reader sees (markup left out).

use super::health::{HealthCode, HealthNote, Severity};
use super::markdown::prose_runs;

/// Content with fewer words than this is "very short". Five words is about the shortest
/// instruction that says what to do and when ("Offer store credit for late orders.").
pub const SHORT_CONTENT_WORDS: usize = 5;

pub(super) fn notes(content: &str) -> Option<HealthNote> {
    let words: usize = prose_runs(content)
        .into_iter()
        .map(|run| {
            content[run]
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    if words == 0 {
        return Some(HealthNote {
            code: HealthCode::EmptyContent,
            severity: Severity::Problem,
            explanation: "This training has no instructions, so the AI agent gets nothing from it."
                .into(),
            fix: "Write what the AI agent should do and say, or delete the training.".into(),
            span: None,
        });
    }
    (words < SHORT_CONTENT_WORDS).then(|| HealthNote {
        code: HealthCode::ShortContent,
        severity: Severity::Warning,
        explanation: format!(
            "The instructions are only {words} word{}, which rarely says enough for the AI agent to act on.",
            if words == 1 { "" } else { "s" }
        ),
        fix: "Say what to do, when to do it and what to tell the customer.".into(),
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(content: &str) -> Option<HealthCode> {
        notes(content).map(|n| n.code)
    }

    #[test]
    fn empty_or_markup_only_content_is_empty() {
        assert_eq!(code(""), Some(HealthCode::EmptyContent));
        assert_eq!(code("  \n\n "), Some(HealthCode::EmptyContent));
        assert_eq!(code("## \n\n---\n\n- \n"), Some(HealthCode::EmptyContent));
    }

    #[test]
    fn a_few_words_are_very_short() {
        let note = notes("Be **polite**.").unwrap();
        assert_eq!(note.code, HealthCode::ShortContent);
        assert_eq!(
            note.explanation,
            "The instructions are only 2 words, which rarely says enough for the AI agent to act on."
        );
        assert_eq!(code("TBD"), Some(HealthCode::ShortContent));
    }

    #[test]
    fn a_real_instruction_is_not_short() {
        assert_eq!(code("Offer store credit for late orders."), None);
        assert_eq!(
            code("## Refunds\n\n- Ask for the order number.\n- Check the delivery date."),
            None
        );
    }
}
