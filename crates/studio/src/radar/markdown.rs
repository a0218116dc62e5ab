//! How the radar reads markdown: pulldown-cmark's events with their byte ranges, parsed with the
//! preview's options, and the runs of prose between the markup (what a reader sees as text).

use std::ops::Range;

use pulldown_cmark::{Event, OffsetIter, Parser, Tag, TagEnd};

use crate::preview::MARKDOWN_OPTIONS;

/// The events of `markdown` with the byte range each comes from.
pub(super) fn events(markdown: &str) -> OffsetIter<'_> {
    Parser::new_ext(markdown, MARKDOWN_OPTIONS).into_offset_iter()
}

/// The byte ranges of `markdown` that read as prose: text and raw HTML (a `<insert name>` is
/// parsed as a tag), neighbours joined into one range. Code and link addresses are not prose.
pub(super) fn prose_runs(markdown: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut in_code_block = false;
    for (event, range) in events(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            _ => {}
        }
        let prose = matches!(
            event,
            Event::Text(_) | Event::Html(_) | Event::InlineHtml(_)
        );
        if !prose || in_code_block {
            continue;
        }
        match runs.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => runs.push(range),
        }
    }
    runs
}
