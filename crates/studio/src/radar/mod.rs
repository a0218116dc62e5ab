//! The writing radar: deterministic rules that read a training while it is written and say,
//! each in one sentence with a fix, what may go wrong with it. Pure functions of the text and
//! settings they are given: no Tauri, no network, no clock of their own (the caller passes
//! "now"), so the same training always gets the same notes.
//!
//! - [`health`] (issue 12, item 4): notes on one training — placeholders left in, empty or very
//!   short content, formatting on voice or SMS only, a "When asked" title that does not read like
//!   a customer's question, too much always-on text for a channel, a window that ended while the
//!   training is in use, broken links. One file per rule, named after it.
//! - [`contradictions`] (issue 12, item 2): sentences of two trainings that may disagree —
//!   opposite absolutes on the same action, different numbers for the same unit about the same
//!   thing, different contact details for the same thing. The caller picks the pairs (the shared
//!   index finds candidates); this module only compares two texts.
//! - [`similarity`] (issue 12, item 1): whether two trainings are near-duplicates or about the
//!   same thing, why in words, whether the same customers can be given both, and their possible
//!   contradictions. The editor's "Similar trainings" and the workspace check-up both use it.
//! - [`HealthFinding`] (`shown.rs`): a health note as the UI shows it, its byte range turned
//!   into UTF-16 positions.
//!
//! The markdown is read as the preview reads it (`preview::MARKDOWN_OPTIONS`), through
//! pulldown-cmark's events with their byte ranges, so a note can point at the text it is about.

mod absolutes;
mod always_on;
mod asked_title;
mod contacts;
mod content_length;
mod contradictions;
mod health;
mod links;
mod markdown;
mod placeholders;
mod quantities;
mod sentences;
mod shown;
mod similar;
mod voice_formatting;
mod window;
mod words;

pub use always_on::{over_budget, over_budget_sentence, ALWAYS_ON_BUDGET_CHARS};
pub use content_length::SHORT_CONTENT_WORDS;
pub use contradictions::{contradictions, Contradiction, ContradictionKind, Quote};
pub use health::{health, Examined, HealthCode, HealthNote, Severity, Surroundings, TextSpan};
pub use shown::{HealthFinding, Place};
pub use similar::{assess, similarity, Compared, Likeness, Profile, SharedReach, Similarity};
pub use voice_formatting::VOICE_OR_SMS;
