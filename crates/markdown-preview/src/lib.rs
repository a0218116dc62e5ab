//! Markdown → safe HTML for the live preview: pulldown-cmark (tables, strikethrough, task lists)
//! then ammonia, so nothing that runs code, loads a frame or leaves through an odd URL scheme
//! reaches the webview. Links get `rel="noopener noreferrer"`; `cite` URLs are dropped; the only
//! style kept is a table cell's `text-align` keyword.
//!
//! Images from other sites are never fetched: opening a training must not tell a third party
//! that someone read it (a tracking pixel). A markdown image with a remote address is shown as a
//! placeholder naming its host ("[Image from cdn.example, not loaded: alt]"); a raw `<img>`
//! loses a remote `src`. Images written into the text itself (`data:image/png|jpeg|gif|webp`
//! base64) still show. The CSP's `img-src 'self' data:` backs this up.
//!
//! The work and the output are bounded for any input: the HTML parser behind the sanitizer
//! takes time quadratic in nesting depth, so markdown nesting beyond [`MAX_DEPTH`] is
//! flattened and raw HTML beyond [`MAX_RAW_TAGS`] tags is shown as text; and a document whose
//! HTML would be more than [`MAX_EXPANSION`] times its own length is not rendered (a backstop:
//! pulldown-cmark already limits how far link references expand).
//!
//! The live preview is rendered block by block ([`preview_blocks`]): the document is parsed once (so
//! link reference definitions resolve document-wide), its events are split into top-level blocks
//! (a paragraph, a heading, a list, a table, a rule…), and each block is rendered and sanitized on
//! its own, keyed by a hash of its sanitized HTML. The page keeps the nodes of the blocks it shows
//! and receives only the HTML of blocks it does not have; every byte it receives was sanitized.
//! The page runs this very code, compiled to WebAssembly (`crates/preview-wasm`), in the
//! keystroke's own task: a keystroke's preview needs no round trip through the app's IPC. The app
//! uses it natively (the review's "How it will read", the writing checks, and the live preview
//! of a text too long for the page to render at once or before the module has loaded).
//! The bounds above still hold over the whole document. The whole-document HTML ([`render`]) is
//! the blocks' HTML concatenated, so the review's preview reads the same as the live one.
//! Because each block is sanitized closed, an unclosed raw `<div>` in one block no longer
//! swallows the blocks after it. The sanitized blocks of the last render are kept by their
//! unsanitized HTML, so a keystroke sanitizes only the block it changed (ammonia gives the same
//! output for the same input; every byte sent is still the sanitizer's output).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{LazyLock, Mutex, PoisonError};

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// Deeper markdown nesting (quotes, lists, emphasis) is flattened: its content stays.
pub const MAX_DEPTH: usize = 48;
/// Raw HTML tags (counted by `<`) beyond this many in one document are shown as text.
pub const MAX_RAW_TAGS: usize = 2_000;
/// The HTML may be at most this many times the markdown's length, plus [`EXPANSION_SLACK`]
/// bytes. Ordinary markdown stays far below (an aligned table of empty cells, the densest,
/// is under 40×).
pub const MAX_EXPANSION: usize = 64;
/// See [`MAX_EXPANSION`].
pub const EXPANSION_SLACK: usize = 4096;
/// Shown instead of a document whose HTML would be too large.
pub const TOO_LARGE: &str = "<p>This content is too large to preview.</p>";

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "data"]))
        // A relative link would navigate the app's own webview.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        // Table column alignment is the only style kept.
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !is_inline_image(value) => None,
            (_, "src") if !is_inline_image(value) => None,
            (_, "href") if is_data_url(value) => None,
            // ammonia checks no scheme on `cite` (blockquote, q, del, ins), and nothing reads it.
            (_, "cite") => None,
            // The style filter keeps `text-align` whatever its value, `expression(…)` included.
            (_, "style") if !is_text_alignment(value) => None,
            _ => Some(Cow::Borrowed(value)),
        });
    builder
});

/// The raster image types an inline `data:` image may have (no SVG: it is a document).
const INLINE_IMAGE_TYPES: [&str; 4] = ["png", "jpeg", "gif", "webp"];

/// Whether `value` is an image written into the text: `data:image/<raster type>;base64,…`.
fn is_inline_image(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    INLINE_IMAGE_TYPES.iter().any(|kind| {
        lower
            .strip_prefix("data:image/")
            .and_then(|rest| rest.strip_prefix(kind))
            .is_some_and(|rest| rest.starts_with(";base64,"))
    })
}

fn is_data_url(value: &str) -> bool {
    value.trim_start().to_ascii_lowercase().starts_with("data:")
}

/// The host of an `http(s)` URL, where `value` is one.
fn remote_host(value: &str) -> Option<&str> {
    let value = value.trim();
    let rest = ["http://", "https://"].iter().find_map(|scheme| {
        value
            .get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &value[scheme.len()..])
    })?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    (!host.is_empty()).then_some(host)
}

/// Markdown images with a remote address become a text placeholder naming the host (their alt
/// text kept after it); every other event passes as it is.
fn remote_images_as_placeholders<'a>(
    events: impl Iterator<Item = Event<'a>>,
) -> impl Iterator<Item = Event<'a>> {
    // For each image open: whether it is a placeholder, and whether its alt text began yet.
    let mut open: Vec<(bool, bool)> = Vec::new();
    // At most one event is put before the one that came: no allocation per event on the
    // preview's path, which runs on every keystroke.
    events.flat_map(move |event| {
        let (before, event) = match &event {
            Event::Start(Tag::Image { dest_url, .. }) => match remote_host(dest_url) {
                Some(host) => {
                    open.push((true, false));
                    let placeholder = format!("[Image from {host}, not loaded");
                    (None, Event::Text(placeholder.into()))
                }
                None => {
                    open.push((false, false));
                    (None, event)
                }
            },
            Event::End(TagEnd::Image) => match open.pop() {
                Some((true, _)) => (None, Event::Text("]".into())),
                _ => (None, event),
            },
            Event::Text(_) | Event::Code(_) => match open.last_mut() {
                Some((true, started @ false)) => {
                    *started = true;
                    (Some(Event::Text(": ".into())), event)
                }
                _ => (None, event),
            },
            _ => (None, event),
        };
        before.into_iter().chain(std::iter::once(event))
    })
}

/// Whether a style attribute is one `text-align` declaration with a keyword value, the only
/// style pulldown-cmark writes (table column alignment).
fn is_text_alignment(style: &str) -> bool {
    let declaration = style.trim().trim_end_matches(';');
    declaration
        .split_once(':')
        .is_some_and(|(property, value)| {
            property.trim().eq_ignore_ascii_case("text-align")
                && ["left", "center", "right"]
                    .iter()
                    .any(|keyword| value.trim().eq_ignore_ascii_case(keyword))
        })
}

/// The markdown the app reads: CommonMark with tables, strikethrough and task lists. The
/// preview renders it and the writing checks (`radar`) read it with the same options, so both
/// see the same headings, links and tables.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS);

/// One top-level block of the live preview, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PreviewBlock {
    /// A hash of the block's sanitized HTML: equal keys, equal HTML.
    pub key: String,
    /// The block's sanitized HTML; `None` when the page already shows a block with this key.
    pub html: Option<String>,
}

/// A sanitized top-level block and its key.
#[derive(Clone)]
struct SanitizedBlock {
    key: String,
    html: String,
}

/// The sanitized HTML of `markdown` (its blocks' HTML, concatenated).
pub fn render(markdown: &str) -> String {
    sanitized_blocks(markdown)
        .into_iter()
        .map(|block| block.html)
        .collect()
}

/// The blocks of `markdown` in order, with the HTML of each block whose key is not in `known`
/// (the keys the page shows).
pub fn preview_blocks(markdown: &str, known: &[String]) -> Vec<PreviewBlock> {
    let known: HashSet<&str> = known.iter().map(String::as_str).collect();
    sanitized_blocks(markdown)
        .into_iter()
        .map(|block| PreviewBlock {
            html: (!known.contains(block.key.as_str())).then_some(block.html),
            key: block.key,
        })
        .collect()
}

/// The markdown's events as the preview renders them: task list markers as ballot boxes, remote
/// images as placeholders, nesting and raw HTML bounded over the whole document.
fn preview_events(markdown: &str) -> impl Iterator<Item = Event<'_>> {
    // Task list markers become plain ballot boxes instead of <input> elements.
    let events = Parser::new_ext(markdown, MARKDOWN_OPTIONS).map(|event| match event {
        Event::TaskListMarker(true) => Event::Text("☑ ".into()),
        Event::TaskListMarker(false) => Event::Text("☐ ".into()),
        other => other,
    });
    bounded(remote_images_as_placeholders(events))
}

/// Splits an event stream into top-level blocks: each ends where the nesting of its tags closes
/// (or right away, for a block that is one event, such as a rule).
fn top_level_blocks<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Vec<Event<'a>>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    let mut depth = 0usize;
    for event in events {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        current.push(event);
        if depth == 0 {
            blocks.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// The blocks of `markdown`, each rendered and sanitized on its own; one block saying
/// [`TOO_LARGE`] when the whole document's HTML would be more than its bound.
fn sanitized_blocks(markdown: &str) -> Vec<SanitizedBlock> {
    let limit = markdown
        .len()
        .saturating_mul(MAX_EXPANSION)
        .saturating_add(EXPANSION_SLACK);
    let mut unsafe_total = 0usize;
    let mut unsafe_blocks = Vec::new();
    for events in top_level_blocks(preview_events(markdown)) {
        let mut unsafe_html = String::new();
        html::push_html(&mut unsafe_html, events.into_iter());
        unsafe_total = unsafe_total.saturating_add(unsafe_html.len());
        if unsafe_total > limit {
            return vec![keyed(TOO_LARGE.to_owned())];
        }
        unsafe_blocks.push(unsafe_html);
    }
    let mut previous =
        std::mem::take(&mut *LAST_RENDER.lock().unwrap_or_else(PoisonError::into_inner));
    let mut current: HashMap<String, SanitizedBlock> = HashMap::with_capacity(unsafe_blocks.len());
    let mut total = 0usize;
    let mut blocks = Vec::with_capacity(unsafe_blocks.len());
    for unsafe_html in unsafe_blocks {
        let block = match current.get(&unsafe_html) {
            Some(block) => block.clone(),
            None => {
                let block = previous
                    .remove(&unsafe_html)
                    .unwrap_or_else(|| keyed(SANITIZER.clean(&unsafe_html).to_string()));
                current.insert(unsafe_html, block.clone());
                block
            }
        };
        total = total.saturating_add(block.html.len());
        if total > limit {
            return vec![keyed(TOO_LARGE.to_owned())];
        }
        blocks.push(block);
    }
    *LAST_RENDER.lock().unwrap_or_else(PoisonError::into_inner) = current;
    blocks
}

/// The sanitized blocks of the last render, by their unsanitized HTML (one document's worth).
static LAST_RENDER: LazyLock<Mutex<HashMap<String, SanitizedBlock>>> =
    LazyLock::new(Mutex::default);

/// A block of sanitized HTML with its key: a 64-bit hash of the HTML, in hex.
fn keyed(html: String) -> SanitizedBlock {
    let mut hasher = DefaultHasher::new();
    html.hash(&mut hasher);
    SanitizedBlock {
        key: format!("{:016x}", hasher.finish()),
        html,
    }
}

/// Drops start and end tags nested deeper than [`MAX_DEPTH`] (keeping what is inside) and
/// turns raw HTML beyond [`MAX_RAW_TAGS`] tags into text.
fn bounded<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut kept: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let mut raw_tags = 0usize;
    let mut over_budget = move |html: &str| {
        raw_tags = raw_tags.saturating_add(html.matches('<').count());
        raw_tags > MAX_RAW_TAGS
    };
    events.filter_map(move |event| match event {
        Event::Start(tag) => {
            let keep = depth < MAX_DEPTH;
            kept.push(keep);
            depth += usize::from(keep);
            keep.then_some(Event::Start(tag))
        }
        Event::End(tag) => {
            let keep = kept.pop().unwrap_or(false);
            depth -= usize::from(keep);
            keep.then_some(Event::End(tag))
        }
        Event::Html(html) if over_budget(&html) => Some(Event::Text(html)),
        Event::InlineHtml(html) if over_budget(&html) => Some(Event::Text(html)),
        other => Some(other),
    })
}

#[cfg(test)]
mod tests {
    use super::{preview_blocks, preview_events, render, PreviewBlock, SANITIZER};
    use pulldown_cmark::html;

    /// The whole document rendered and sanitized in one piece, as the preview did before it was
    /// split into blocks.
    fn whole_document(markdown: &str) -> String {
        let mut unsafe_html = String::new();
        html::push_html(&mut unsafe_html, preview_events(markdown));
        SANITIZER.clean(&unsafe_html).to_string()
    }

    const ORDINARY: &str = "# Refunds\n\nRefunds are possible **within 30 days**, see [the policy][policy].\n\n\
        ## Steps\n\n1. Ask for the order number.\n2. Look up the date:\n   - in the shop\n   - or in the mail\n\n\
        > Never refund shipping.\n>\n> - unless faulty\n\n\
        | Plan | Price |\n|:--|--:|\n| Free | 0 |\n| Plus | 5 |\n\n\
        ```text\nrefund --order 42\n\n   indented\n```\n\n    indented code\n\n\
        ---\n\n- [x] done\n- [ ] todo\n\n***\n\n<div class=\"note\">raw <em>block</em></div>\n\n\
        ![A parcel](https://cdn.example/a.png) and a footnote-like [^1].\n\n\
        Setext heading\n--------------\n\n---\n\n[policy]: https://help.example.com/refunds \"Refund policy\"\n";

    fn html_of(blocks: &[PreviewBlock]) -> String {
        blocks.iter().filter_map(|b| b.html.clone()).collect()
    }

    #[test]
    fn blocks_concatenated_are_the_whole_document() {
        assert_eq!(render(ORDINARY), whole_document(ORDINARY));
        let blocks = preview_blocks(ORDINARY, &[]);
        assert!(blocks.len() > 10, "{blocks:?}");
        // Reference links defined at the end resolve in earlier blocks.
        assert!(
            blocks[1]
                .html
                .as_deref()
                .is_some_and(|html| html.contains("href=\"https://help.example.com/refunds\"")),
            "{blocks:?}"
        );
        for markdown in [
            "",
            "one line",
            "- a\n- b\n\n  para in item\n",
            "a\n***\nb",
            "x\n\n<!-- c -->\n\ny",
        ] {
            assert_eq!(render(markdown), whole_document(markdown), "{markdown:?}");
        }
    }

    #[test]
    fn unchanged_blocks_keep_their_key_and_known_ones_come_without_html() {
        let before = preview_blocks(ORDINARY, &[]);
        let edited = ORDINARY.replace("within 30 days", "within 31 days");
        let known: Vec<String> = before.iter().map(|b| b.key.clone()).collect();
        let after = preview_blocks(&edited, &known);
        assert_eq!(before.len(), after.len());
        let changed: Vec<usize> = (0..after.len())
            .filter(|&i| after[i].key != before[i].key)
            .collect();
        assert_eq!(changed, [1], "{after:?}");
        // Only the edited block brings HTML; every other one is known to the page.
        let sent: Vec<usize> = (0..after.len())
            .filter(|&i| after[i].html.is_some())
            .collect();
        assert_eq!(sent, [1]);
        assert!(html_of(&after).contains("within 31 days"));
        // The blocks sanitized for the render before are reused, and give what a fresh render does.
        assert_eq!(render(&edited), whole_document(&edited));
    }

    #[test]
    fn a_repeated_block_has_one_key_and_comes_whole_unless_known() {
        let markdown = "a\n\n---\n\nb\n\n---\n";
        let blocks = preview_blocks(markdown, &[]);
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[1], blocks[3]);
        assert_eq!(blocks[1].html.as_deref(), Some("<hr>\n"));
        let known = [blocks[1].key.clone()];
        let again = preview_blocks(markdown, &known);
        assert_eq!(
            (again[1].html.as_ref(), again[3].html.as_ref()),
            (None, None)
        );
    }

    #[test]
    fn an_unclosed_raw_element_stays_in_its_block() {
        let blocks = preview_blocks("<div>\n\nafter\n", &[]);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert_eq!(blocks[1].html.as_deref(), Some("<p>after</p>\n"));
    }

    #[test]
    fn the_bounds_hold_over_the_whole_document_not_per_block() {
        // Raw tags are counted over the document, not per block.
        let markdown = "<b>x</b>\n\n".repeat(super::MAX_RAW_TAGS);
        let html = render(&markdown);
        assert!(
            html.contains("&lt;b&gt;x&lt;/b&gt;"),
            "{}",
            &html[html.len() - 200..]
        );
        let url = format!("https://a.example/{}", "x".repeat(2000));
        let markdown = format!("[r]: {url}\n\n{}", "[r]\n\n".repeat(2000));
        let limit = markdown.len() * super::MAX_EXPANSION + super::EXPANSION_SLACK;
        assert!(render(&markdown).len() <= limit);
    }

    fn assert_free_of(html: &str, needles: &[&str]) {
        let lower = html.to_ascii_lowercase();
        for needle in needles {
            assert!(!lower.contains(needle), "{needle:?} survived in {html:?}");
        }
    }

    #[test]
    fn renders_common_markdown() {
        let html = render("# Greeting\n\nSay **hello** and *smile*.\n\n- one\n- two\n");
        assert!(html.contains("<h1>Greeting</h1>"), "{html}");
        assert!(html.contains("<strong>hello</strong>"));
        assert!(html.contains("<em>smile</em>"));
        assert!(html.contains("<li>one</li>"));
    }

    #[test]
    fn tables_strikethrough_and_task_lists() {
        let html = render(
            "| Plan | Price |\n|:-----|------:|\n| Pro | 10 |\n\n~~old~~\n\n- [x] done\n- [ ] todo\n",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(
            html.contains("<th style=\"text-align:left\">Plan</th>")
                || html.contains("<th style=\"text-align: left\">Plan</th>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("☑ done"), "{html}");
        assert!(html.contains("☐ todo"), "{html}");
        assert_free_of(&html, &["<input"]);
    }

    #[test]
    fn links_get_noopener_and_keep_safe_schemes() {
        let html = render("[docs](https://docs.open.cx) and [mail](mailto:help@example.com)");
        assert!(html.contains("href=\"https://docs.open.cx\""), "{html}");
        assert!(html.contains("href=\"mailto:help@example.com\""), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn script_tags_are_removed_with_their_content() {
        let html = render("Hi <script>alert('x')</script> there\n\n<script src=https://evil.example/x.js></script>");
        assert_free_of(&html, &["<script", "alert("]);
        assert!(html.contains("Hi"));
    }

    #[test]
    fn event_handlers_are_removed() {
        let html = render("<img src=x onerror=alert(1)>\n\n<p onclick=\"steal()\">click</p>\n\n<a href=\"https://ok.example\" onmouseover=\"x()\">ok</a>");
        assert_free_of(
            &html,
            &["onerror", "onclick", "onmouseover", "alert(", "steal("],
        );
    }

    #[test]
    fn javascript_and_data_links_lose_their_href() {
        let html = render("[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">two</a> [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href=\"vbscript:x\">v</a>");
        assert_free_of(&html, &["javascript:", "data:", "vbscript:"]);
        assert!(html.contains("click"));
    }

    #[test]
    fn frames_objects_forms_and_styles_are_removed() {
        let html = render(
            "<iframe src=\"https://evil.example\"></iframe>\n\n<object data=\"x.swf\"></object><embed src=\"x\">\n\n<form action=\"https://evil.example\"><input name=q><button>go</button></form>\n\n<style>body{display:none}</style>\n\n<p style=\"position:fixed\">styled</p>\n\n<link rel=stylesheet href=https://evil.example/x.css><meta http-equiv=refresh content=\"0;url=https://evil.example\"><base href=\"https://evil.example/\">",
        );
        assert_free_of(
            &html,
            &[
                "<iframe",
                "<object",
                "<embed",
                "<form",
                "<input",
                "<button",
                "<style",
                "display:none",
                "position",
                "<link",
                "<meta",
                "<base",
            ],
        );
        assert!(html.contains("styled"));
    }

    #[test]
    fn svg_and_math_are_removed() {
        let html = render("<svg onload=alert(1)><circle r=5 /></svg>\n\n<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>");
        assert_free_of(&html, &["<svg", "onload", "<math", "javascript:", "alert("]);
    }

    #[test]
    fn remote_images_are_never_fetched_and_inline_ones_show() {
        let html = render("![A parcel](https://cdn.example/a.png) ![pixel](HTTP://user@track.example:8080/p.gif?u=1) ![inline](data:image/png;base64,AAAA) ![svg](data:image/svg+xml;base64,AAAA) ![rel](/etc/passwd) ![js](javascript:alert(1)) ![mail](mailto:a@b.c)");
        assert!(
            html.contains("[Image from cdn.example, not loaded: A parcel]"),
            "{html}"
        );
        assert!(
            html.contains("[Image from track.example, not loaded: pixel]"),
            "{html}"
        );
        assert!(
            html.contains("src=\"data:image/png;base64,AAAA\""),
            "{html}"
        );
        assert_eq!(html.matches("src=").count(), 1, "{html}");
        assert_free_of(
            &html,
            &[
                "https://",
                "svg+xml",
                "javascript:",
                "/etc/passwd",
                "mailto:",
            ],
        );
        let raw = render("<img src=\"https://track.example/p.gif\" alt=\"x\"> <a href=\"data:text/html,x\">a</a>");
        assert_free_of(&raw, &["track.example", "data:"]);
        assert_eq!(
            render("![](https://cdn.example/a.png)"),
            "<p>[Image from cdn.example, not loaded]</p>\n"
        );
    }

    #[test]
    fn cite_urls_and_styles_other_than_alignment_are_dropped() {
        let html = render("<blockquote cite=\"javascript:x()\">q</blockquote>\n\n<table><tr><th style=\"text-align: expression(x())\">a</th><td style=\"text-align: right; background: red\">b</td></tr></table>");
        assert_free_of(&html, &["cite", "expression", "style", "background"]);
        assert!(html.contains("<blockquote>q</blockquote>"), "{html}");
    }

    #[test]
    fn deep_nesting_is_flattened_and_raw_html_beyond_the_budget_is_text() {
        let html = render(&(">".repeat(200) + " deep"));
        assert_eq!(
            html.matches("<blockquote>").count(),
            super::MAX_DEPTH,
            "{html}"
        );
        assert!(html.contains("deep"));
        let html = render(&"<b>x</b>".repeat(super::MAX_RAW_TAGS));
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn a_long_reference_used_thousands_of_times_stays_bounded() {
        let url = format!("https://a.example/{}", "x".repeat(2000));
        let markdown = format!("[r]: {url}\n\n{}", "[r] ".repeat(2000));
        let limit = markdown.len() * super::MAX_EXPANSION + super::EXPANSION_SLACK;
        assert!(render(&markdown).len() <= limit);
        assert!(render(&format!("[r]: {url}\n\n[r] and [r]")).contains(&url));
    }

    #[test]
    fn relative_links_are_dropped() {
        let html = render("[home](/index.html) [here](#top)");
        assert_free_of(&html, &["href"]);
    }
}
