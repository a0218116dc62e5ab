//! The history commands: a training's versions kept on this computer (`history.rs`), one
//! version, and one compared with the editor's form. Local only; nothing reaches open.cx.

use crate::atomic_file;
use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::history::{HistoryEntry, HistorySummary};
use crate::review::{self, Review};

use super::Studio;

impl Studio {
    /// The versions of training `id` kept on this computer, newest first.
    pub async fn history_list(&self, id: &str) -> Result<Vec<HistorySummary>> {
        let workspace = self.require()?.workspace.id.clone();
        let (history, id) = (self.history.clone(), id.to_owned());
        atomic_file::off_thread("history", move || history.list(&workspace, &id)).await
    }

    /// One kept version of training `id`.
    pub async fn history_version(&self, id: &str, version: u32) -> Result<HistoryEntry> {
        let workspace = self.require()?.workspace.id.clone();
        let (history, id) = (self.history.clone(), id.to_owned());
        atomic_file::off_thread("history", move || history.version(&workspace, &id, version)).await
    }

    /// What changes from that version's text and settings (as sent) to `current` (the
    /// editor's form). Local only: directory and segment names come from what was loaded.
    pub async fn history_compare(
        &self,
        id: &str,
        version: u32,
        current: &TrainingDraft,
    ) -> Result<Review> {
        let session = self.require()?;
        let entry = self.history_version(id, version).await?;
        let names = session.cache().names.clone().unwrap_or_default();
        Ok(review::compare_drafts(&entry.sent, current, names.names()))
    }
}
