//! The review's rendered text ("How it will read") in parts, so opening the review of a long
//! text renders and sends only its beginning. The markdown is cut between top-level blocks into
//! parts of about [`PART_BYTES`]; the first part comes rendered with the review, the others as
//! markdown, which the dialog has rendered (by the same sanitizing preview) as the reader scrolls
//! near them. Each block is whole in one part, so a part reads as it does in the whole text; a
//! text that defines link references (`[name]: address`, usable from anywhere in it) stays one
//! part, so each of its links resolves as in the editor's preview.

use pulldown_cmark::{Event, Parser};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::preview::{self, MARKDOWN_OPTIONS};

/// About how much markdown one part holds (a part ends with the block that reaches it).
pub const PART_BYTES: usize = 8 * 1024;

/// A text rendered for reading, its first part at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenderedParts {
    /// The sanitized HTML of the first part.
    pub first_html: String,
    /// The markdown of each later part, in order, to render when the reader nears it.
    pub more_markdown: Vec<String>,
}

impl RenderedParts {
    /// `markdown` cut into parts, the first rendered.
    pub fn of(markdown: &str) -> Self {
        let mut parts = parts(markdown, PART_BYTES).into_iter();
        RenderedParts {
            first_html: parts.next().map(preview::render).unwrap_or_default(),
            more_markdown: parts.map(str::to_owned).collect(),
        }
    }
}

/// `markdown` cut between top-level blocks into parts of at least `size` bytes (the last may be
/// shorter); one part when it is no longer than `size` or defines link references.
fn parts(markdown: &str, size: usize) -> Vec<&str> {
    if markdown.len() <= size {
        return vec![markdown];
    }
    let mut events = Parser::new_ext(markdown, MARKDOWN_OPTIONS).into_offset_iter();
    let mut cuts = Vec::new();
    let (mut depth, mut part_start) = (0usize, 0usize);
    for (event, range) in events.by_ref() {
        match event {
            Event::Start(_) => {
                if depth == 0 && range.start - part_start >= size {
                    cuts.push(range.start);
                    part_start = range.start;
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if events.reference_definitions().iter().next().is_some() {
        return vec![markdown];
    }
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        parts.push(&markdown[from..cut]);
        from = cut;
    }
    parts.push(&markdown[from..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECTION: &str = "## Refunds\n\nWithin **30 days**.\n\n1. Ask.\n2. Look up.\n\n\
        | Plan | Days |\n|---|---|\n| Free | 30 |\n\n> Never refund shipping.\n\n";

    #[test]
    fn a_short_text_is_one_rendered_part() {
        let r = RenderedParts::of("**Hi** <script>alert(1)</script>");
        assert!(r.first_html.contains("<strong>Hi</strong>"));
        assert!(!r.first_html.contains("script"));
        assert!(r.more_markdown.is_empty());
        assert_eq!(RenderedParts::of(""), RenderedParts::default());
    }

    #[test]
    fn a_long_text_is_cut_between_blocks_and_reads_the_same() {
        let text = SECTION.repeat(40);
        let cut = parts(&text, 500);
        assert!(cut.len() > 5, "{}", cut.len());
        assert_eq!(cut.concat(), text);
        // Every part but the last holds at least the size, and starts a block.
        assert!(cut[..cut.len() - 1].iter().all(|p| p.len() >= 500));
        assert!(cut[1..].iter().all(|p| !p.starts_with('\n')));
        // Rendered part by part, it is the whole text rendered.
        let by_parts: String = cut.iter().map(|p| preview::render(p)).collect();
        let squash = |html: &str| html.split_whitespace().collect::<String>();
        assert_eq!(squash(&by_parts), squash(&preview::render(&text)));
    }

    #[test]
    fn a_text_with_link_references_stays_whole() {
        let text = format!(
            "See [the policy][p].\n\n{}[p]: https://example.com\n",
            SECTION.repeat(40)
        );
        assert_eq!(parts(&text, 500), [text.as_str()]);
        let r = RenderedParts::of(&text);
        assert!(r.first_html.contains("https://example.com"));
    }

    #[test]
    fn the_first_part_comes_rendered_and_the_rest_as_markdown() {
        let text = SECTION.repeat(2000);
        let r = RenderedParts::of(&text);
        assert!(r.first_html.starts_with("<h2>Refunds</h2>"));
        assert!(!r.more_markdown.is_empty());
        let first_len = text.len() - r.more_markdown.concat().len();
        assert!((PART_BYTES..PART_BYTES + SECTION.len()).contains(&first_len));
    }
}
