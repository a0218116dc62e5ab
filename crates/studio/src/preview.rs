//! Markdown → safe HTML for the live preview: pulldown-cmark (tables, strikethrough, task lists)
//! then ammonia, so nothing that runs code, loads a frame or leaves through an odd URL scheme
//! reaches the webview. Links get `rel="noopener noreferrer"`; images load only over http(s).

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{html, Event, Options, Parser};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // A relative link would navigate the app's own webview.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        // Table column alignment is the only style kept.
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !is_http_url(value) => None,
            _ => Some(Cow::Borrowed(value)),
        });
    builder
});

fn is_http_url(value: &str) -> bool {
    let lower = value.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The sanitized HTML of `markdown`.
pub fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Task list markers become plain ballot boxes instead of <input> elements.
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::TaskListMarker(true) => Event::Text("☑ ".into()),
        Event::TaskListMarker(false) => Event::Text("☐ ".into()),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    SANITIZER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

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
    fn images_load_only_over_http() {
        let html = render("![ok](https://cdn.example/a.png) ![bad](data:image/png;base64,AAAA) ![rel](/etc/passwd) ![js](javascript:alert(1)) ![mail](mailto:a@b.c)");
        assert!(html.contains("src=\"https://cdn.example/a.png\""), "{html}");
        assert_eq!(html.matches("src=").count(), 1, "{html}");
        assert_free_of(&html, &["data:", "javascript:", "/etc/passwd", "mailto:"]);
    }

    #[test]
    fn relative_links_are_dropped() {
        let html = render("[home](/index.html) [here](#top)");
        assert_free_of(&html, &["href"]);
    }
}
