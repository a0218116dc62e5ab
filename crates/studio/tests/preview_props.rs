//! Property tests of the preview (markdown → pulldown-cmark → ammonia) on hostile and random
//! input: it never panics, never takes long, its output stays within a small multiple of the
//! input, and the output is inert by the same oracle as the corpus test.

mod corpus;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use studio::preview::render;

/// A hang guard, not a speed limit (speed is measured in `benches/preview.rs`): far beyond
/// what a debug build on a loaded shared machine needs, far below a real hang or a runaway
/// blow-up.
const HANG: Duration = Duration::from_secs(60);

static CORPUS: LazyLock<Vec<String>> =
    LazyLock::new(|| corpus::load().into_iter().map(|e| e.payload).collect());

/// Renders and checks the invariants every input must keep.
fn check(markdown: &str) -> Result<(), TestCaseError> {
    let started = Instant::now();
    let html = render(markdown);
    let took = started.elapsed();
    prop_assert!(took < HANG, "{took:?} for {} bytes", markdown.len());
    prop_assert!(
        html.len() <= markdown.len() * 10 + 1024,
        "{} bytes of HTML from {} bytes of markdown",
        html.len(),
        markdown.len()
    );
    prop_assert!(!html.to_ascii_lowercase().contains("<script"), "{html:?}");
    let problems = corpus::problems(&html);
    prop_assert!(problems.is_empty(), "{problems:?} in {html:?}");
    Ok(())
}

/// Pieces of markdown and HTML syntax, so generated text exercises the parsers' corners.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ]{0,12}",
        3 => prop::sample::select(vec![
            "*", "**", "_", "~~", "`", "```\n", "\n", "\n\n", "# ", "> ", "- ", "1. ", "- [ ] ",
            "|", "|---|", "[", "]", "(", ")", "](", "![", "<", ">", "</", "/>", "\"", "'", "=",
            "&", "&#", "&#x", ";", "\\", "\t", "\u{0}", "\u{202E}", "\u{200B}", "😀", "ש",
            "<script>", "</script>", "<img src=x onerror=", "<a href=", "javascript:",
            "JaVa&#x09;ScRiPt:", "data:text/html,", "vbscript:", "<svg onload=", "<math>",
            "<iframe ", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<textarea>", "<xmp>",
            "style=\"", "expression(", "url(", "[x]: ", "<https://a.example>", "<javascript:x>",
            "<table>", "<td style=\"text-align:", "window.__pwned=1", "<details open ontoggle=",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

/// A corpus payload with a few characters inserted, deleted or replaced.
fn mutated_payload() -> impl Strategy<Value = String> {
    (
        0..CORPUS.len(),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, fragment()), 1..6),
    )
        .prop_map(|(which, edits)| {
            let mut text: Vec<char> = CORPUS[which].chars().collect();
            for (at, kind, piece) in edits {
                let i = at.index(text.len() + 1);
                match kind {
                    0 => {
                        text.splice(i..i, piece.chars());
                    }
                    1 if i < text.len() => {
                        text.remove(i);
                    }
                    _ if i < text.len() => {
                        text[i] = piece.chars().next().unwrap_or(' ');
                    }
                    _ => text.extend(piece.chars()),
                }
            }
            text.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_renders_inert_and_bounded(markdown in any::<String>()) {
        check(&markdown)?;
    }

    #[test]
    fn markdownish_text_renders_inert_and_bounded(markdown in markdownish()) {
        check(&markdown)?;
    }

    #[test]
    fn mutated_corpus_payloads_render_inert_and_bounded(markdown in mutated_payload()) {
        check(&markdown)?;
    }

    #[test]
    fn joined_corpus_payloads_render_inert(picks in prop::collection::vec(0..CORPUS.len(), 2..8)) {
        // Payloads affect each other (an unclosed tag, a reference definition elsewhere).
        let joined: Vec<&str> = picks.iter().map(|&i| CORPUS[i].as_str()).collect();
        check(&joined.join("\n"))?;
    }
}

/// Inputs built to make a parser go deep or go back over the same text again and again.
#[test]
fn pathological_nesting_and_repetition_stay_fast_and_bounded() {
    let n = 20_000;
    let inputs = [
        ">".repeat(n),
        "[".repeat(n),
        "*".repeat(n),
        "*a".repeat(n),
        "_".repeat(n) + "a" + &"_".repeat(n),
        "<div>".repeat(n),
        "<a href=\"https://a.example\">".repeat(n),
        "- ".repeat(n) + "x",
        "`".repeat(n),
        "[a](".repeat(n),
        "![".repeat(n),
        "| a ".repeat(n) + "\n" + &"|---".repeat(n),
        "&#x".repeat(n),
        "<!--".repeat(n),
        "  ".repeat(n) + "x",
        "\n".repeat(n),
        "[x]: https://a.example\n".repeat(n / 10) + &"[x] ".repeat(n),
    ];
    for markdown in inputs {
        let started = Instant::now();
        let html = render(&markdown);
        let took = started.elapsed();
        assert!(took < HANG, "{took:?} for {:?}…", &markdown[..20]);
        assert!(
            html.len() <= markdown.len() * 10 + 1024,
            "{:?}…",
            &markdown[..20]
        );
        assert!(corpus::problems(&html).is_empty(), "{:?}…", &markdown[..20]);
    }
}
