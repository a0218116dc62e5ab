//! Training Studio's domain, without Tauri: workspaces and their keys, the demo workspace,
//! markdown preview, drafts, reviews and saving, behind the [`Studio`] service the desktop
//! shell calls. The types that cross IPC derive `ts_rs::TS` and are exported to
//! `ui/src/lib/bindings/` by `cargo test`.

pub mod demo;
pub mod draft;
pub mod error;
pub mod preview;
pub mod review;
pub mod secrets;
pub mod session;
pub mod settings;
pub mod workspace;

#[cfg(test)]
mod test_support;

pub use demo::DemoSeed;
pub use draft::TrainingDraft;
pub use error::{ErrorKind, StudioError};
pub use review::{DiffLine, FieldChange, Review};
pub use secrets::{KeyringStore, MemoryStore, SecretStore};
pub use session::Studio;
pub use workspace::{DirectoryEntry, WorkspaceData, WorkspaceList, WorkspaceSummary};
