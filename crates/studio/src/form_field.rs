//! The parts of the editor's form ([`FormField`]) an error can be about: an error names one so
//! the editor can mark it (`error.rs`), and open.cx's validation refusals are read into one
//! (`validation_message.rs`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The part of the editor's form an error is about, so the editor can mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FormField {
    Title,
    Content,
    Type,
    Directory,
    Channels,
    Segments,
    /// When the training is active (`start_time`, `end_time`).
    Window,
}
