//! The parts of the IPC contract TypeScript cannot check by itself, checked here against the
//! Rust side by reading the UI's sources: which error kinds mean open.cx could not be reached
//! (`ui/src/lib/errors.ts` against [`studio::ErrorKind::is_unreachable`]), and the events
//! `ui/src/lib/ipc.ts` listens to (against [`crate::events`]). The types themselves are
//! generated (ts-rs), so tsc checks those.

use std::path::Path;

use regex::Regex;
use studio::ErrorKind;

use crate::events;

/// A file of the repository, by its path from the root (where this package is declared).
fn source(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The text between `start` and the next `end` in `text`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} found"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &text[from..from + to]
}

#[test]
fn the_ui_marks_the_kinds_rust_calls_unreachable() {
    let errors = source("ui/src/lib/errors.ts");
    // `const UNREACHABLE = { network: true, …, busy: false } as const satisfies Record<ErrorKind, boolean>`:
    // tsc makes it name every kind once; here each mark must be Rust's.
    let table = between(
        &errors,
        "const UNREACHABLE = {",
        "} as const satisfies Record<ErrorKind, boolean>",
    );
    let mark = Regex::new(r"(?m)^\s*(\w+): (true|false),$").unwrap();
    let mut unreachable = Vec::new();
    for entry in mark.captures_iter(table) {
        let code = &entry[1];
        let kind: ErrorKind = serde_json::from_value(serde_json::json!(code))
            .unwrap_or_else(|_| panic!("errors.ts marks {code:?}, which is no ErrorKind"));
        assert_eq!(
            &entry[2] == "true",
            kind.is_unreachable(),
            "errors.ts and ErrorKind::is_unreachable disagree on {code:?}"
        );
        if kind.is_unreachable() {
            unreachable.push(code.to_owned());
        }
    }
    assert_eq!(unreachable, ["network", "timeout", "server"]);
}

#[test]
fn ipc_ts_listens_to_every_event_by_its_name_with_its_generated_payload() {
    let ipc = source("ui/src/lib/ipc.ts");
    // `on<JobProgress>('job-progress', …)`, or `listen<…>('…'` if someone skipped `on`: the
    // payload type and the event's name.
    let listener = Regex::new(r"\b(?:on|listen)<(\w+)>\(\s*'([^']*)'").unwrap();
    let mut listened: Vec<(String, String)> = listener
        .captures_iter(&ipc)
        .map(|found| (found[2].to_owned(), found[1].to_owned()))
        .collect();
    listened.sort();
    let mut emitted: Vec<(String, String)> = events::every_event()
        .into_iter()
        .map(|(name, payload)| (name.to_owned(), payload))
        .collect();
    emitted.sort();
    assert_eq!(
        listened, emitted,
        "ipc.ts's listeners (event, payload) against the shell's events"
    );
}
