//! Writes `vocabulary.ts`, the UI's copy of the vocabulary's words, beside the ts-rs bindings
//! (`TS_RS_EXPORT_DIR`, set in `.cargo/config.toml`) whenever `cargo test` runs, the way ts-rs
//! writes the IPC types. The file is committed; CI regenerates it and fails when the committed
//! one differs, so a label changed by hand in the UI, or changed here without regenerating,
//! cannot land. Strings are written as JSON string literals, which TypeScript reads as they are.

use opencx::Channel;
use serde::Serialize;

use super::{
    channel_label, type_words, Field, PublicationState, Unnamed, ALL_CHANNELS, ALL_SEGMENTS,
    NO_DIRECTORY, SCHEDULE, TRAINING_TYPES, UNKNOWN_CHANNEL, UNKNOWN_DIRECTORY, UNKNOWN_SEGMENT,
};

const HEADER: &str = "// This file was generated from crates/studio/src/vocabulary.rs by \
`cargo test -p studio`. Do not edit it by hand: change the words there.\n";

/// A TypeScript string literal.
fn literal(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// The wire form of a unit variant or string-like value, as a TypeScript string literal.
fn key(value: impl Serialize) -> String {
    let value = serde_json::to_value(value).expect("a unit variant serializes");
    literal(value.as_str().expect("serializes as a string"))
}

/// `export const NAME: Readonly<Record<Type, string>> = { "key": "label", … };`
fn record(doc: &str, name: &str, key_type: &str, entries: Vec<(String, &str)>) -> String {
    let body: String = entries
        .iter()
        .map(|(key, label)| format!("  {key}: {},\n", literal(label)))
        .collect();
    format!(
        "/** {doc} */\nexport const {name}: Readonly<Record<{key_type}, string>> = {{\n{body}}};\n"
    )
}

/// A function naming a value the app has no name for, e.g. `unknownChannelLabel("fax")`.
fn unnamed(name: &str, param: &str, what: &str, example: &str, wording: Unnamed) -> String {
    let shown = match wording.shown_chars {
        Some(n) => format!("Array.from({param}).slice(0, {n}).join(\"\")"),
        None => param.to_owned(),
    };
    format!(
        "/** {what}, e.g. “{}”. */\nexport function {name}({param}: string): string {{\n  \
         return {} + {shown} + {};\n}}\n",
        wording.name(example),
        literal(wording.before),
        literal(wording.after),
    )
}

/// The schedule's words ([`SCHEDULE`]): the form's inputs, the list's badges and filter.
fn schedule() -> String {
    let words = SCHEDULE;
    let entries: String = [
        ("from", words.from),
        ("until", words.until),
        ("onlyUntil", words.only_until),
        ("noEnd", words.no_end),
        ("none", words.none),
        ("emptyStart", words.empty_start),
        ("emptyEnd", words.empty_end),
        ("starts", words.starts),
        ("ended", words.ended),
    ]
    .iter()
    .map(|(key, word)| format!("  {key}: {},\n", literal(word)))
    .collect();
    format!(
        "/** The words of a training's schedule (its start/end window): “Active from … until …”, \
         “Starts 24 Dec”, “Ended”. */\nexport const SCHEDULE_WORDS = {{\n{entries}}} as const;\n"
    )
}

/// The whole module, as committed in `ui/src/lib/bindings/vocabulary.ts`.
pub(super) fn module() -> String {
    let fields = Field::ALL.iter().map(|&f| (key(f), f.label())).collect();
    let states = PublicationState::ALL
        .iter()
        .map(|&s| (key(s), s.label()))
        .collect();
    let channels: String = Channel::KNOWN
        .iter()
        .map(|c| {
            format!(
                "  {{ value: {}, label: {} }},\n",
                key(c),
                literal(&channel_label(c))
            )
        })
        .collect();
    let types: String = TRAINING_TYPES
        .iter()
        .map(|&t| {
            let words = type_words(t);
            format!(
                "  {{ value: {}, label: {}, explanation: {} }},\n",
                key(t),
                literal(words.label),
                literal(words.explanation)
            )
        })
        .collect();
    [
        HEADER.to_owned(),
        "import type { Channel } from \"./Channel\";\n\
         import type { Field } from \"./Field\";\n\
         import type { PublicationState } from \"./PublicationState\";\n\
         import type { TrainingType } from \"./TrainingType\";\n"
            .to_owned(),
        record(
            "Each field's name on the form, in the review and in the conflict view.",
            "FIELD_LABELS",
            "Field",
            fields,
        ),
        record(
            "Whether and how the AI agent uses a training, in the words of the status line.",
            "STATE_LABELS",
            "PublicationState",
            states,
        ),
        format!(
            "/** The channels open.cx documents, in the dashboard's order, with the labels people \
             see there. */\nexport const KNOWN_CHANNELS: readonly {{ readonly value: Channel; \
             readonly label: string }}[] = [\n{channels}];\n"
        ),
        unnamed(
            "unknownChannelLabel",
            "code",
            "A channel code this app does not know",
            "fax",
            UNKNOWN_CHANNEL,
        ),
        format!(
            "/** The training types in the form's order, each with the line that explains it. */\n\
             export const TRAINING_TYPES: readonly {{ readonly value: TrainingType; readonly \
             label: string; readonly explanation: string }}[] = [\n{types}];\n"
        ),
        format!(
            "/** No channel ticked: the training applies on every channel. */\n\
             export const ALL_CHANNELS = {};\n",
            literal(ALL_CHANNELS)
        ),
        format!(
            "/** No segment ticked: the training applies to every customer. */\n\
             export const ALL_SEGMENTS = {};\n",
            literal(ALL_SEGMENTS)
        ),
        format!(
            "/** A training in no directory, and the list's place for such trainings. */\n\
             export const NO_DIRECTORY = {};\n",
            literal(NO_DIRECTORY)
        ),
        schedule(),
        unnamed(
            "unknownSegmentLabel",
            "id",
            "A segment id the workspace does not list",
            "9a8b7c6d-1111-2222-3333-444455556666",
            UNKNOWN_SEGMENT,
        ),
        unnamed(
            "unknownDirectoryLabel",
            "id",
            "A directory id the workspace does not list",
            "0123456789abcdef",
            UNKNOWN_DIRECTORY,
        ),
    ]
    .join("\n")
}

#[test]
fn export_vocabulary_to_the_ui() {
    let path = crate::test_support::bindings_dir().join("vocabulary.ts");
    std::fs::write(&path, module()).unwrap_or_else(|e| panic!("writing {path:?}: {e}"));
}

#[test]
fn the_module_carries_every_label_as_a_literal() {
    let ts = module();
    for field in Field::ALL {
        assert!(ts.contains(&literal(field.label())), "{field:?}");
    }
    for state in PublicationState::ALL {
        assert!(ts.contains(&literal(state.label())), "{state:?}");
    }
    assert!(ts.contains("{ value: \"phone_voice\", label: \"Phone\" }"));
    assert!(ts.contains("  from: \"Active from\",\n"));
    assert!(ts.contains("  starts: \"Starts\",\n"));
    assert!(ts.contains("return \"Other channel (\" + code + \")\";"));
    assert!(ts.contains(
        "return \"Unknown segment (\" + Array.from(id).slice(0, 8).join(\"\") + \"…)\";"
    ));
}
