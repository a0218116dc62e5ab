//! A training's sentences as a reader sees them: the text of pulldown-cmark's events (markup
//! left out), split at the end of every block (paragraph, heading, list item, table cell, quote)
//! and inside a block after ".", "!" or "?" followed by a space. So each list item is a sentence
//! of its own, and "e.g." or "4.99" do not end one. Code blocks are not sentences. Each sentence
//! keeps its byte range in the markdown and the addresses of the links in it (a link's address
//! is not in its text, but "[write to us](mailto:…)" gives an email all the same).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::markdown::events;

/// Words after which a full stop does not end the sentence.
const ABBREVIATIONS: [&str; 10] = [
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "approx", "no",
];

/// One sentence of a training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sentence {
    /// As a reader sees it, spaces collapsed.
    pub text: String,
    /// Where it is in the markdown (on character boundaries).
    pub range: Range<usize>,
    /// The addresses of the links it holds.
    pub links: Vec<String>,
}

/// Text gathered for one block: the plain text, where each piece came from, and its links.
#[derive(Default)]
struct Block {
    text: String,
    /// (start in `text`, end in `text`, byte range in the markdown).
    pieces: Vec<(usize, usize, Range<usize>)>,
    /// (start in `text`, address).
    links: Vec<(usize, String)>,
}

impl Block {
    fn push(&mut self, text: &str, source: Range<usize>) {
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push((start, self.text.len(), source));
    }

    /// Where the block's byte `at` is in the markdown: exact inside a piece whose text is the
    /// markdown's own (no escape, entity or markup in it), else the piece's edge.
    fn source(&self, at: usize, markdown: &str, is_end: bool) -> Option<usize> {
        let (start, end, source) = self.pieces.iter().find(|(s, e, _)| {
            if is_end {
                *s < at && at <= *e
            } else {
                *s <= at && at < *e
            }
        })?;
        let exact = source.len() == end - start;
        let guess = source.start + (at - start);
        if exact && markdown.is_char_boundary(guess) {
            Some(guess)
        } else if is_end {
            Some(source.end)
        } else {
            Some(source.start)
        }
    }

    /// Its sentences, and an empty block for the next one.
    fn take_sentences(&mut self, markdown: &str, out: &mut Vec<Sentence>) {
        let block = std::mem::take(self);
        let spans = sentence_spans(&block.text);
        for (k, range) in spans.iter().cloned().enumerate() {
            let text = &block.text[range.clone()];
            if !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let next_start = spans.get(k + 1).map_or(usize::MAX, |r| r.start);
            let (Some(start), Some(end)) = (
                block.source(range.start, markdown, false),
                block.source(range.end, markdown, true),
            ) else {
                continue;
            };
            out.push(Sentence {
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                range: start..end.max(start),
                links: block
                    .links
                    .iter()
                    .filter(|(at, _)| range.start <= *at && *at < next_start)
                    .map(|(_, address)| address.clone())
                    .collect(),
            });
        }
    }
}

/// The sentences of `markdown`, in order.
pub(super) fn sentences(markdown: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut block = Block::default();
    let mut in_code_block = false;
    for (event, source) in events(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) if !in_code_block => block.push(&text, source),
            Event::SoftBreak | Event::HardBreak => block.text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => {
                block.links.push((block.text.len(), dest_url.into_string()));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                block.take_sentences(markdown, &mut out);
                in_code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(tag) if is_block(&tag) => block.take_sentences(markdown, &mut out),
            Event::End(tag) if is_block_end(&tag) => block.take_sentences(markdown, &mut out),
            _ => {}
        }
    }
    block.take_sentences(markdown, &mut out);
    out
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// The byte spans of the sentences in one block's text (trimmed).
fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let at_end = chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && at_end && !after_abbreviation(&text[start..i]) {
            spans.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    spans.push(start..text.len());
    spans
        .into_iter()
        .map(|span| trimmed(text, span))
        .filter(|span| !span.is_empty())
        .collect()
}

fn after_abbreviation(before_stop: &str) -> bool {
    let last = before_stop
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&last.as_str())
}

fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(markdown: &str) -> Vec<String> {
        sentences(markdown).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn paragraphs_split_at_full_stops_and_list_items_are_sentences() {
        let markdown = "## Refunds\n\nRefunds are possible **within 30 days**. Items cost \
                        4.99 €, e.g. socks! Ask first?\n\n- Check the order\n- Offer credit\n\n\
                        ```\nnot. a sentence.\n```\n\n| Plan | Days |\n|---|---|\n| Free | 30 |\n";
        assert_eq!(
            texts(markdown),
            [
                "Refunds",
                "Refunds are possible within 30 days.",
                "Items cost 4.99 €, e.g. socks!",
                "Ask first?",
                "Check the order",
                "Offer credit",
                "Plan",
                "Days",
                "Free",
                "30"
            ]
        );
    }

    #[test]
    fn a_sentence_knows_where_it_is_and_its_links() {
        let markdown = "Hello. Write to [billing](mailto:billing@example.com) today.\nThanks.";
        let found = sentences(markdown);
        assert_eq!(
            &markdown[found[1].range.clone()],
            "Write to [billing](mailto:billing@example.com) today."
        );
        assert_eq!(found[1].links, ["mailto:billing@example.com"]);
        assert!(found[0].links.is_empty() && found[2].links.is_empty());
        assert_eq!(&markdown[found[2].range.clone()], "Thanks.");
    }
}
