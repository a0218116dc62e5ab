//! Training Studio's domain, without Tauri: workspaces and their keys, how each workspace's
//! server treats drafts (learned by a check), the demo workspace, markdown preview, drafts,
//! reviews that follow each workspace's draft rules, saving with a check for someone else's
//! changes and a check of open.cx's answer against the review, the local journal of unsaved
//! edits (crash recovery), the local history of saves, the workspace kept on disk for offline
//! starts, the outbox of changes made offline, organising trainings and directories, and bulk
//! jobs (moves, publishing, deleting, visibility, find and replace: `find_replace`), the workspace's one full-text index
//! (`search_index`) and what the AI would be given for a customer's message (`reach`) or on
//! each channel for each segment (`coverage`), example
//! questions whose checks guard a training (`examples`, kept by `example_store`), behind
//! the [`Studio`] service the desktop shell calls, which also tries a question on the
//! workspace's live AI (`chat_try`, "Try it on open.cx"). Every word editors see for a field,
//! channel, type or state comes from [`vocabulary`]. The writing checks in [`radar`] (a training's health notes, possible
//! contradictions between two trainings, whether two trainings are alike) are pure functions of
//! the text they are given; [`similar_trainings`] finds the trainings like the one being edited.
//!
//! The house: `service/` is the service, one file per command group of the shell;
//! `open_workspace.rs` is the open workspace it works on; the stores it writes through
//! (`settings`, `journal`, `history`, `workspace_cache`, `outbox`, `job_board`, `secrets`) and
//! the domain modules (drafts, reviews, promises, moves, conflicts, preview, …) never name the
//! service. No module imports itself through others (`tests/module_graph.rs`). The types that
//! cross IPC derive `ts_rs::TS` and are exported to `ui/src/lib/bindings/` by `cargo test`.

mod atomic_file;
pub mod chat_try;
pub mod checkup;
pub mod conflict;
pub mod coverage;
pub mod demo;
mod derived_names;
pub mod differences;
pub mod draft;
mod draft_check;
pub mod draft_rules;
pub mod error;
mod example_store;
pub mod examples;
pub mod find_replace;
mod form_field;
pub mod history;
mod job_board;
pub mod job_runner;
pub mod jobs;
pub mod journal;
mod line_diff;
pub mod local_names;
pub mod moves;
mod open_workspace;
pub mod outbox;
pub use markdown_preview as preview;
pub mod promise;
pub mod radar;
pub mod reach;
pub mod rendered_parts;
pub mod review;
pub mod search_index;
pub mod secrets;
mod service;
pub mod settings;
pub mod similar_trainings;
pub mod validation_message;
pub mod vocabulary;
pub mod workspace;
pub mod workspace_cache;
pub mod workspace_files;

#[cfg(test)]
mod test_support;

pub use chat_try::{ScannedTraining, TestContact, TryAnswer, TryQuestion};
pub use conflict::Conflict;
pub use coverage::{
    CellTraining, CellTrainings, CoverageCell, CoverageColumn, CoverageMap, CoverageRow,
};
pub use demo::DemoSeed;
pub use draft::TrainingDraft;
pub use draft_check::{CHECK_METADATA_KEY, CHECK_TITLE};
pub use draft_rules::{DraftRules, DraftSave, OmittedFields, OmittedIsDraft};
pub use error::{ErrorKind, StudioError};
pub use example_store::{ExampleBook, ImportSummary, FORMAT_VERSION as EXAMPLES_FORMAT_VERSION};
pub use examples::{CheckChange, CheckResult, CheckRun, ExampleCheck, ExampleQuestion};
pub use find_replace::{
    Exclusions, FindIn, FindQuery, FindResults, FindScope, ReplaceReview, TrainingMatches,
};
pub use form_field::FormField;
pub use history::{HistoryEntry, HistorySummary, HISTORY_LIMIT};
pub use job_board::{Seen, BUSY};
pub use jobs::{
    ImportItem, ItemDifferences, ItemFailure, JobId, JobKind, JobProgress, JobRequest, JobState,
    MoveItem, ReplaceItem,
};
pub use journal::RecoveredEdit;
pub use outbox::{OutboxAction, OutboxEntry, OutboxState, OutboxView};
pub use promise::Written;
pub use reach::{
    AlwaysOn, LeftOut, LeftOutGroup, LeftOutKind, LeftOutReason, LikelyMatch, Reach, ReachEdit,
    ReachQuestion, LIKELY_MATCHES_LABEL,
};
pub use review::{DiffLine, FieldChange, OutOfUse, Review};
pub use search_index::TrainingIndex;
pub use secrets::{KeyringStore, MemoryStore, SecretStore};
pub use service::{
    SaveOutcome, Studio, DEFAULT_BASE_URL, DERIVED_DIRECTORY, KEY_REJECTED, NEW_CONTENT, NEW_TITLE,
    NO_DIRECTORY_ROUTES,
};
pub use vocabulary::{Field, PublicationState};
pub use workspace::{
    DirectoryEntry, TrainingsArrived, WorkspaceData, WorkspaceList, WorkspaceSummary,
};
pub use workspace_cache::CachedWorkspace;
pub use workspace_files::{ConflictChoice, ExportSummary, ImportPlan};
