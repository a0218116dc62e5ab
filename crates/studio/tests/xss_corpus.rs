//! Every payload of the hostile-markdown corpus, rendered by the preview, leaves HTML with
//! nothing executable in it: no script-bearing or embedding element, no event handler, no URL
//! with a scheme other than http/https/mailto, no style that evaluates or loads, no global
//! clobbering. The same corpus runs in the real webview in `ui/e2e/specs/07-xss-corpus.e2e.mjs`.

mod corpus;

#[test]
fn the_oracle_flags_raw_attacks_and_passes_plain_html() {
    corpus::self_check();
}

#[test]
fn the_corpus_has_at_least_100_labelled_payloads_aimed_at_the_sentinel() {
    let entries = corpus::load();
    assert!(entries.len() >= 100, "only {} payloads", entries.len());
    for entry in &entries {
        assert!(entry.label.contains(": "), "label {:?}", entry.label);
        let aims = entry.payload.contains("__pwned")
            || entry.payload.contains("__TAURI_INTERNALS__")
            || entry.payload.contains("base64,");
        assert!(aims, "{} does not try the sentinel", entry.label);
    }
}

#[test]
fn every_payload_renders_inert() {
    let mut failures = Vec::new();
    for entry in corpus::load() {
        let html = studio::preview::render(&entry.payload);
        let problems = corpus::problems(&html);
        if !problems.is_empty() {
            failures.push(format!(
                "{}\n  markdown: {:?}\n  html: {html:?}\n  - {}",
                entry.label,
                entry.payload,
                problems.join("\n  - ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} payload(s) left something executable:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn no_dangerous_tag_survives_even_as_raw_text() {
    // A payload's code may survive only as visible, escaped text, never as a tag.
    for entry in corpus::load() {
        let html = studio::preview::render(&entry.payload);
        let lower = html.to_ascii_lowercase();
        for needle in ["<script", "<svg", "<math", "<iframe", "<object", "<embed"] {
            assert!(
                !lower.contains(needle),
                "{}: {needle} in {html:?}",
                entry.label
            );
        }
    }
}
