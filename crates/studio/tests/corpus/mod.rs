//! Shared by the preview's security tests: the hostile-markdown corpus (`tests/data/xss-corpus.txt`,
//! also read by the end-to-end suite) and an oracle that tokenizes HTML with the browser's rules
//! (html5ever: entities decoded, every tag and attribute as the browser reads them) and lists
//! every construct that could run code, load a frame, leave through an odd URL scheme or
//! clobber a global. The tokenizer never enters the raw-text states a tree builder would, so it
//! sees at least every tag a browser sees.

// Each test crate that includes this module uses a different part of it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// One corpus entry: the category and trick it names, and the markdown.
pub struct Entry {
    pub label: String,
    pub payload: String,
}

/// The corpus, in file order. Entries are separated by a line `%%%`; lines starting with `%% `
/// are comments and the first one is the entry's label.
pub fn load() -> Vec<Entry> {
    include_str!("../data/xss-corpus.txt")
        .split("\n%%%\n")
        .filter_map(|chunk| {
            let label = chunk
                .lines()
                .find_map(|l| l.strip_prefix("%% "))
                .unwrap_or("unlabelled")
                .to_owned();
            let payload = chunk
                .lines()
                .filter(|l| !l.starts_with("%% ") && *l != "%%%")
                .collect::<Vec<_>>()
                .join("\n");
            let payload = payload.trim_matches('\n').to_owned();
            (!payload.is_empty()).then_some(Entry { label, payload })
        })
        .collect()
}

/// Elements that run code, embed other documents, submit, restyle the page or switch the
/// parser into a raw-text or foreign mode.
const BANNED_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "meta",
    "base",
    "link",
    "svg",
    "math",
    "portal",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "title",
    "isindex",
    "video",
    "audio",
    "source",
    "track",
    "dialog",
    "marquee",
    "body",
    "html",
    "head",
];

/// Attributes whose value is fetched or navigated to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "longdesc",
    "ping",
    "lowsrc",
    "dynsrc",
    "data",
    "codebase",
    "srcset",
    "manifest",
    "icon",
    "profile",
    "xlink:href",
];

/// Attributes that are dangerous whatever their value.
const BANNED_ATTRIBUTES: &[&str] = &["srcdoc", "id", "name", "form", "contenteditable", "is"];

const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Every executable or escaping construct in `html`, described in words; empty = inert.
pub fn problems(html: &str) -> Vec<String> {
    let tokenizer = Tokenizer::new(StartTags::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut found = Vec::new();
    for (element, attributes) in tokenizer.sink.tags.take() {
        if BANNED_ELEMENTS.contains(&element.as_str()) {
            found.push(format!("<{element}> element"));
        }
        for (name, value) in attributes {
            check_attribute(&element, &name, &value, &mut found);
        }
    }
    found
}

/// A start tag's lowercased name and its attributes (names lowercased, values entity-decoded).
type Tag = (String, Vec<(String, String)>);

/// Collects every start tag.
#[derive(Default)]
struct StartTags {
    tags: RefCell<Vec<Tag>>,
}

impl TokenSink for StartTags {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let TagToken(tag) = token {
            if tag.kind == StartTag {
                let attributes = tag
                    .attrs
                    .iter()
                    .map(|a| (a.name.local.to_lowercase(), a.value.to_string()))
                    .collect();
                self.tags
                    .borrow_mut()
                    .push((tag.name.to_lowercase(), attributes));
            }
        }
        TokenSinkResult::Continue
    }
}

fn check_attribute(element: &str, name: &str, value: &str, found: &mut Vec<String>) {
    if name.starts_with("on") {
        found.push(format!("<{element} {name}> event handler"));
    } else if BANNED_ATTRIBUTES.contains(&name) {
        found.push(format!("<{element} {name}={value:?}> attribute"));
    } else if name == "srcset" {
        for candidate in value.split(',') {
            let url = candidate.split_whitespace().next().unwrap_or("");
            check_url(element, name, url, found);
        }
    } else if name == "src" {
        check_image_source(element, value, found);
    } else if URL_ATTRIBUTES.contains(&name) {
        check_url(element, name, value, found);
    } else if name == "style" {
        check_style(element, value, found);
    }
}

/// The URL must be absolute with a safe scheme once the browser's leniencies are applied:
/// entities are already decoded by the parser; whitespace and control characters anywhere
/// (browsers strip tabs and newlines inside URLs and trim the rest) and zero-width characters
/// are removed before the scheme is read.
fn check_url(element: &str, attribute: &str, value: &str, found: &mut Vec<String>) {
    let squeezed: String = value
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}' | '\u{FEFF}')
        })
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = squeezed.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        Some(s) if SAFE_SCHEMES.contains(&s) => {}
        Some(s) => found.push(format!("<{element} {attribute}> with scheme {s:?}: {value:?}")),
        None => found.push(format!(
            "<{element} {attribute}> relative or scheme-less URL (resolves inside the app): {value:?}"
        )),
    }
}

/// A source may only be an image written into the text (`data:image/<raster>;base64,`):
/// anything else is fetched from elsewhere, which tells a third party the preview was opened.
fn check_image_source(element: &str, value: &str, found: &mut Vec<String>) {
    let lower = value.trim().to_ascii_lowercase();
    let inline = ["png", "jpeg", "gif", "webp"]
        .iter()
        .any(|kind| lower.starts_with(&format!("data:image/{kind};base64,")));
    if !inline {
        found.push(format!("<{element} src> loads from elsewhere: {value:?}"));
    }
}

/// Only column alignment is allowed; nothing that loads, evaluates or positions.
fn check_style(element: &str, value: &str, found: &mut Vec<String>) {
    let mut squeezed = value.to_ascii_lowercase();
    while let Some(start) = squeezed.find("/*") {
        let end = squeezed[start..]
            .find("*/")
            .map_or(squeezed.len(), |e| start + e + 2);
        squeezed.replace_range(start..end, "");
    }
    let squeezed: String = squeezed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .collect();
    for needle in [
        "expression(",
        "url(",
        "javascript:",
        "behavior",
        "-moz-binding",
        "@import",
    ] {
        if squeezed.contains(needle) {
            found.push(format!("<{element} style> holds {needle}: {value:?}"));
        }
    }
    let allowed: HashSet<&str> = HashSet::from(["text-align"]);
    for declaration in squeezed.split(';').filter(|d| !d.is_empty()) {
        let property = declaration.split(':').next().unwrap_or("");
        if !allowed.contains(property) {
            found.push(format!("<{element} style> sets {property:?}: {value:?}"));
        }
    }
}

/// Keeps the oracle honest: it must flag the raw constructs the sanitizer is meant to remove.
pub fn self_check() {
    let flagged = [
        "<script>x</script>",
        "<img src=https://a.example/x.png onerror=x()>",
        "<img src=\"https://track.example/pixel.gif\" alt=\"a\">",
        "<img src=\"data:image/svg+xml;base64,AAAA\">",
        "<a href=\"&#106;avascript:x\">a</a>",
        "<a href=\"java&#x09;script:x\">a</a>",
        "<a href=\"  &#1;javascript:x\">a</a>",
        "<a href=\"/relative\">a</a>",
        "<img src=\"https://a.example/x.png\" srcset=\"javascript:x 1x\">",
        "<svg><a xlink:href=\"https://a.example\">x</a></svg>",
        "<math><mi>x</mi></math>",
        "<p style=\"width: expr/**/ession(x)\">a</p>",
        "<td style=\"text-align:left; background:url(javascript:x)\">a</td>",
        "<p style=\"position:fixed\">a</p>",
        "<iframe srcdoc=x></iframe>",
        "<a id=__pwned href=\"https://a.example\">a</a>",
        "<template><img src=x></template>",
        "<meta http-equiv=refresh content=0>",
    ];
    for html in flagged {
        assert!(!problems(html).is_empty(), "the oracle missed {html:?}");
    }
    let inert = [
        "<p>Hello <strong>there</strong></p>",
        "<a href=\"https://docs.open.cx\" rel=\"noopener noreferrer\">docs</a>",
        "<a href=\"mailto:help@example.com\">mail</a>",
        "<img src=\"data:image/png;base64,AAAA\" alt=\"a\">",
        "<table><tr><th style=\"text-align: left\">a</th></tr></table>",
        "<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>",
        "<code>&lt;img src=x onerror=x()&gt;</code>",
    ];
    for html in inert {
        assert_eq!(
            problems(html),
            Vec::<String>::new(),
            "false alarm on {html:?}"
        );
    }
}
