//! Placeholders left in the text: TBD, TBC, TODO, FIXME and XXX as capitalised words, "lorem
//! ipsum", bracketed stand-ins like "[link]", "[URL]" or "[insert price]", and "<insert …>". The
//! AI agent would repeat them to customers as they are. Code is not read (a `TODO` in a code
//! sample is the sample's), nor are link addresses.

use std::ops::Range;

use super::health::{HealthCode, HealthNote, Severity, TextSpan};
use super::markdown::prose_runs;

/// Capitalised words that mark unfinished text (matched as whole words, in capitals only: "todo"
/// in a sentence is left alone).
const MARKER_WORDS: [&str; 5] = ["TBD", "TBC", "TODO", "FIXME", "XXX"];

/// Words that open a bracketed stand-in: "[link]", "[URL here]", "[insert price]".
const BRACKETED_STARTS: [&str; 6] = ["link", "url", "insert", "placeholder", "add ", "tbd"];

/// A bracketed stand-in is short; a longer bracket is prose.
const MAX_BRACKETED_CHARS: usize = 40;

pub(super) fn notes(title: &str, content: &str) -> Vec<HealthNote> {
    let in_title = placeholders(title).into_iter().map(|(range, what)| {
        note(
            format!("The title still has the placeholder \"{what}\"."),
            TextSpan::title(range),
        )
    });
    let in_content = prose_runs(content).into_iter().flat_map(|run| {
        placeholders(&content[run.clone()])
            .into_iter()
            .map(move |(range, what)| {
                let at = run.start + range.start..run.start + range.end;
                note(
                    format!("The text still has the placeholder \"{what}\", which the AI agent could repeat to customers."),
                    TextSpan::content(at),
                )
            })
    });
    in_title.chain(in_content).collect()
}

fn note(explanation: String, span: TextSpan) -> HealthNote {
    HealthNote {
        code: HealthCode::Placeholder,
        severity: Severity::Problem,
        explanation,
        fix: "Replace the placeholder with the real words, or remove it.".into(),
        span: Some(span),
    }
}

/// Every placeholder in `text`: its byte range and the placeholder as written.
fn placeholders(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut found: Vec<Range<usize>> = Vec::new();
    found.extend(marker_words(text));
    found.extend(lorem_ipsum(text));
    found.extend(enclosed(text, '[', ']', &BRACKETED_STARTS));
    found.extend(enclosed(text, '<', '>', &["insert"]));
    found.sort_by_key(|r| r.start);
    found.into_iter().map(|r| (r.clone(), &text[r])).collect()
}

fn marker_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    words(text).filter(|r| MARKER_WORDS.contains(&&text[r.clone()]))
}

/// Whole words (runs of letters and digits) with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (c.is_alphanumeric(), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some(s..i)
            }
            _ => None,
        })
}

fn lorem_ipsum(text: &str) -> Option<Range<usize>> {
    const LOREM: &str = "lorem ipsum";
    // ASCII lowercasing keeps every byte where it was, so the range is the text's.
    let at = text.to_ascii_lowercase().find(LOREM)?;
    Some(at..at + LOREM.len())
}

/// `open … close` pairs whose inside starts with one of `starts` (any case).
fn enclosed(text: &str, open: char, close: char, starts: &[&str]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(open).map(|i| from + i) {
        from = at + open.len_utf8();
        let Some(end) = text[from..].find(close).map(|i| from + i) else {
            break;
        };
        let inside = text[from..end].trim_start().to_lowercase();
        let short = text[from..end].chars().count() <= MAX_BRACKETED_CHARS;
        if short && starts.iter().any(|s| inside.starts_with(s)) {
            found.push(at..end + close.len_utf8());
            from = end + close.len_utf8();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(title: &str, content: &str) -> Vec<String> {
        notes(title, content)
            .into_iter()
            .map(|n| {
                let span = n.span.unwrap();
                let text = if span.field == crate::vocabulary::Field::Title {
                    title
                } else {
                    content
                };
                text[span.start..span.end].to_owned()
            })
            .collect()
    }

    #[test]
    fn placeholders_are_found_where_they_are() {
        let content = "Refunds take TBD days. See [link] or [Insert price here].\n\n\
                       Lorem ipsum dolor sit amet.\n\nCall <insert phone number> — TODO: check.";
        assert_eq!(
            quoted("TODO refunds", content),
            [
                "TODO",
                "TBD",
                "[link]",
                "[Insert price here]",
                "Lorem ipsum",
                "<insert phone number>",
                "TODO"
            ]
        );
    }

    #[test]
    fn placeholders_in_a_title_say_so() {
        let note = &notes("Refund policy (TBC)", "Fine text.")[0];
        assert_eq!(
            note.explanation,
            "The title still has the placeholder \"TBC\"."
        );
        assert_eq!(note.severity, Severity::Problem);
    }

    #[test]
    fn finished_text_has_no_placeholder() {
        let content = "Add the item to your [todo list](https://example.com/todo). \
                       Offer an xxx-large size [when it is in stock]. `TODO` in code is fine.\n\n\
                       ```\nTBD\n```\n\nA [real link](https://help.example.com/links).";
        assert_eq!(
            quoted("How do I get a refund?", content),
            Vec::<String>::new()
        );
    }

    #[test]
    fn placeholders_next_to_non_ascii_text_keep_their_place() {
        let content = "Préférez « TBD » — ça coûte [lien] [link].";
        assert_eq!(quoted("Café", content), ["TBD", "[link]"]);
    }
}
