//! Broken markdown links: a link or image with no address, a `javascript:` (or `vbscript:`)
//! address the preview drops and no customer can open, an address with no scheme (a relative
//! link: in a chat there is no page it could be relative to, so it goes nowhere), and a link
//! left open (`[text](` with no closing parenthesis), which shows as raw markdown.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

use super::health::{HealthCode, HealthNote, Severity, TextSpan};
use super::markdown::{events, prose_runs};

/// Address schemes that run code instead of opening a page.
const SCRIPT_SCHEMES: [&str; 2] = ["javascript", "vbscript"];

pub(super) fn notes(content: &str) -> Vec<HealthNote> {
    let mut notes: Vec<HealthNote> = events(content)
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                ..
            }) => {
                broken(link_type, &dest_url).map(|(explanation, fix)| note(explanation, fix, range))
            }
            _ => None,
        })
        .collect();
    notes.extend(left_open(content).into_iter().map(|range| {
        note(
            "This link is not closed, so it shows as raw markdown instead of a link.",
            "Close it as [text](https://address).",
            range,
        )
    }));
    notes.sort_by_key(|n| n.span.as_ref().map(|s| s.start));
    notes
}

fn note(explanation: &str, fix: &str, range: Range<usize>) -> HealthNote {
    HealthNote {
        code: HealthCode::BrokenLink,
        severity: Severity::Problem,
        explanation: explanation.into(),
        fix: fix.into(),
        span: Some(TextSpan::content(range)),
    }
}

/// What is wrong with a link to `address`, and its fix, if anything.
fn broken(link_type: LinkType, address: &str) -> Option<(&'static str, &'static str)> {
    let address = address.trim();
    if matches!(link_type, LinkType::Email | LinkType::Autolink) {
        return None; // `<support@example.com>` and `<https://…>` are whole by construction
    }
    if address.is_empty() {
        return Some((
            "This link has no address, so it leads nowhere.",
            "Put the full address in the parentheses, starting with https://.",
        ));
    }
    match scheme(address) {
        Some(scheme) if SCRIPT_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s)) => Some((
            "This link runs a script instead of opening a page, so it is removed before customers see it.",
            "Link to a web page starting with https:// instead.",
        )),
        Some(_) => None,
        None => Some((
            "This address does not start with https:// (or mailto:), so in a conversation it leads nowhere.",
            "Write the full address, starting with https:// (or mailto: for an email address).",
        )),
    }
}

/// The scheme of an address (`https` of `https://…`), if it starts with one.
fn scheme(address: &str) -> Option<&str> {
    let (scheme, _) = address.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// `[text](` that markdown did not take as a link (it shows in the prose): from its `[` (or the
/// `](` when the `[` is elsewhere) to the end of the line.
fn left_open(content: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for run in prose_runs(content) {
        let text = &content[run.clone()];
        let mut from = 0;
        while let Some(at) = text[from..].find("](").map(|i| from + i) {
            let start = text[..at].rfind('[').unwrap_or(at);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            found.push(run.start + start..run.start + end);
            from = end.max(at + 2);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken_parts(content: &str) -> Vec<&str> {
        notes(content)
            .into_iter()
            .map(|n| {
                let span = n.span.unwrap();
                &content[span.start..span.end]
            })
            .collect()
    }

    #[test]
    fn broken_links_are_found() {
        let content = "See [our policy]() first.\n\n\
                       [Click here](javascript:alert(1)) or [Refunds](/help/refunds) or \
                       [Shop](www.example.com).\n\n![Logo]( )\n\n\
                       Read [the terms](https://example.com/terms before you answer.";
        assert_eq!(
            broken_parts(content),
            [
                "[our policy]()",
                "[Click here](javascript:alert(1))",
                "[Refunds](/help/refunds)",
                "[Shop](www.example.com)",
                "![Logo]( )",
                "[the terms](https://example.com/terms before you answer."
            ]
        );
    }

    #[test]
    fn each_kind_says_what_is_wrong() {
        let explanations: Vec<String> =
            ["[a]()", "[a](JavaScript:x)", "[a](refunds.html)", "[a](b"]
                .iter()
                .map(|c| notes(c)[0].explanation.clone())
                .collect();
        assert_eq!(
            explanations,
            [
                "This link has no address, so it leads nowhere.",
                "This link runs a script instead of opening a page, so it is removed before customers see it.",
                "This address does not start with https:// (or mailto:), so in a conversation it leads nowhere.",
                "This link is not closed, so it shows as raw markdown instead of a link."
            ]
        );
    }

    #[test]
    fn whole_links_are_fine() {
        let content = "[Refunds](https://help.example.com/refunds), \
                       [write to us](mailto:help@example.com), [call](tel:+15550100), \
                       <support@example.com>, <https://example.com>, \
                       [terms][1] and a [bracket] (aside).\n\n[1]: https://example.com/terms";
        assert!(
            broken_parts(content).is_empty(),
            "{:?}",
            broken_parts(content)
        );
    }
}
