//! The outbox: changes made while open.cx could not be reached (saves, moves, publishes and
//! unpublishes), kept in order in `<data dir>/outbox/<workspace id>.json`, written atomically,
//! until they are sent (`service/outbox.rs`) or discarded. Each entry carries the version it was
//! made against, so it is checked for someone else's changes before it is sent.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};
use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};

/// The outbox's folder inside the app data dir.
pub const OUTBOX_DIR: &str = "outbox";

/// One change waiting to be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxEntry {
    pub id: String,
    pub training_id: String,
    /// The training's title as the editor knew it, to name the entry by.
    pub title: String,
    pub action: OutboxAction,
    pub state: OutboxState,
    pub queued_at: DateTime<Utc>,
    /// Why it is held (`conflict`) or was refused (`failed`), as a sentence.
    pub message: Option<String>,
}

impl OutboxEntry {
    /// The entry with a save's schedule made explicit: a save kept before the form edited the
    /// schedule never touched it, so it keeps the window of the version it was made against.
    fn resolved(mut self) -> Self {
        if let OutboxAction::Save { draft, base, .. } = &mut self.action {
            *draft = draft.clone().with_window_of(base);
        }
        self
    }
}

/// What to send, and the version of the training it was made against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
// Entries are stored and sent one by one: boxing the save would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum OutboxAction {
    Save {
        draft: TrainingDraft,
        publish: bool,
        base: Training,
    },
    Move {
        directory_id: Option<String>,
        base_updated_at: DateTime<Utc>,
    },
    SetPublished {
        published: bool,
        base_updated_at: DateTime<Utc>,
    },
}

/// `waiting` to be sent; held because someone else changed the training (`conflict`); or
/// refused by open.cx (`failed`, tried again on the next send).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutboxState {
    Waiting,
    Conflict,
    Failed,
}

/// The outbox as the UI shows it: every entry still in it (`waiting` counts them all,
/// whatever their state) and the trainings that reached open.cx in the send that produced
/// this view (empty otherwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxView {
    pub entries: Vec<OutboxEntry>,
    pub waiting: u32,
    pub landed: Vec<Training>,
}

impl OutboxView {
    pub fn new(entries: Vec<OutboxEntry>, landed: Vec<Training>) -> Self {
        OutboxView {
            waiting: u32::try_from(entries.len()).unwrap_or(u32::MAX),
            entries,
            landed,
        }
    }
}

impl OutboxAction {
    /// The `updated_at` of the version the change was made against.
    pub fn base_updated_at(&self) -> DateTime<Utc> {
        match self {
            OutboxAction::Save { base, .. } => base.updated_at,
            OutboxAction::Move {
                base_updated_at, ..
            }
            | OutboxAction::SetPublished {
                base_updated_at, ..
            } => *base_updated_at,
        }
    }

    /// Makes `answer` (what open.cx answered to an earlier change) the version this one was
    /// made against.
    pub fn rebase(&mut self, answer: &Training) {
        match self {
            OutboxAction::Save { base, .. } => *base = answer.clone(),
            OutboxAction::Move {
                base_updated_at, ..
            }
            | OutboxAction::SetPublished {
                base_updated_at, ..
            } => *base_updated_at = answer.updated_at,
        }
    }
}

impl OutboxEntry {
    /// A new waiting entry.
    pub fn new(training_id: &str, title: &str, action: OutboxAction) -> Self {
        OutboxEntry {
            id: uuid::Uuid::new_v4().to_string(),
            training_id: training_id.to_owned(),
            title: title.to_owned(),
            action,
            state: OutboxState::Waiting,
            queued_at: Utc::now(),
            message: None,
        }
    }

    /// Whether a send should try it (waiting, or refused last time).
    pub fn sendable(&self) -> bool {
        self.state != OutboxState::Conflict
    }
}

type OutboxHook = Arc<dyn Fn(&OutboxView) + Send + Sync>;

/// The outbox files of one app data dir. Clones share one lock (every change is a read, an
/// edit and an atomic write) and the hook told after every change.
#[derive(Clone)]
pub struct Outbox {
    root: PathBuf,
    lock: Arc<Mutex<()>>,
    hook: Arc<RwLock<Option<OutboxHook>>>,
}

impl Outbox {
    pub fn in_dir(data_dir: &Path) -> Self {
        Outbox {
            root: data_dir.join(OUTBOX_DIR),
            lock: Arc::default(),
            hook: Arc::default(),
        }
    }

    /// Drops every change of the workspace still waiting to be sent (at sign-out, when asked).
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        atomic_file::remove_all(&self.path(workspace_id))
    }

    fn path(&self, workspace_id: &str) -> PathBuf {
        self.root.join(format!("{}.json", encode(workspace_id)))
    }

    /// The entries of `workspace_id`, in the order they were made.
    pub fn list(&self, workspace_id: &str) -> Result<Vec<OutboxEntry>> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.read(workspace_id)
    }

    /// Changes the entries of `workspace_id` with `edit` and writes them back atomically;
    /// answers what `edit` answered and the entries now.
    pub fn update<T>(
        &self,
        workspace_id: &str,
        edit: impl FnOnce(&mut Vec<OutboxEntry>) -> T,
    ) -> Result<(T, Vec<OutboxEntry>)> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut entries = self.read(workspace_id)?;
        let answer = edit(&mut entries);
        let path = self.path(workspace_id);
        let json = serde_json::to_vec_pretty(&entries).map_err(|e| write_failed(&path, &e))?;
        atomic_file::write(&path, &json).map_err(|e| write_failed(&path, &e))?;
        Ok((answer, entries))
    }

    fn read(&self, workspace_id: &str) -> Result<Vec<OutboxEntry>> {
        let path = self.path(workspace_id);
        let bytes = atomic_file::read_if_exists(&path).map_err(|e| read_failed(&path, &e))?;
        match bytes {
            None => Ok(Vec::new()),
            Some(bytes) => serde_json::from_slice::<Vec<OutboxEntry>>(&bytes)
                .map(|entries| entries.into_iter().map(OutboxEntry::resolved).collect())
                .map_err(|e| read_failed(&path, &e)),
        }
    }

    pub(crate) fn set_hook(&self, hook: impl Fn(&OutboxView) + Send + Sync + 'static) {
        *self.hook.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(hook));
    }

    /// Runs `call` with the entries of `workspace_id` on the blocking pool (every change syncs
    /// a file to disk).
    pub(crate) async fn off_thread<T: Send + 'static>(
        &self,
        workspace_id: &str,
        call: impl FnOnce(&Outbox, &str) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (outbox, workspace_id) = (self.clone(), workspace_id.to_owned());
        atomic_file::off_thread("outbox", move || call(&outbox, &workspace_id)).await
    }

    /// Appends `entry` to the outbox of `workspace_id` and tells the hook; answers the outbox
    /// now.
    pub(crate) async fn queue(&self, workspace_id: &str, entry: OutboxEntry) -> Result<OutboxView> {
        tracing::info!("a change waits to be sent");
        let (_, entries) = self
            .off_thread(workspace_id, move |o, w| o.update(w, |all| all.push(entry)))
            .await?;
        Ok(self.changed(entries, Vec::new()))
    }

    /// Builds the view of `entries` and `landed` and tells the hook.
    pub(crate) fn changed(&self, entries: Vec<OutboxEntry>, landed: Vec<Training>) -> OutboxView {
        let view = OutboxView::new(entries, landed);
        let hook = self.hook.read().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(hook) = hook {
            hook(&view);
        }
        view
    }
}

fn write_failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not keep a change to send later ({}): {e}. Your text is \
             still in the editor; try again once open.cx can be reached.",
            path.display()
        ),
    )
}

fn read_failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not read the changes waiting to be sent ({}): {e}.",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    fn save(title: &str) -> OutboxEntry {
        let base = training("t1");
        let mut draft = TrainingDraft::from_training(&base);
        draft.title = title.into();
        OutboxEntry::new(
            "t1",
            title,
            OutboxAction::Save {
                draft,
                publish: false,
                base,
            },
        )
    }

    #[test]
    fn a_save_kept_before_the_form_edited_the_schedule_keeps_its_bases_window() {
        let data = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(data.path());
        let mut base = training("t1");
        base.end_time = Some("2027-01-01T00:00:00Z".parse().unwrap());
        let mut older = serde_json::to_value(vec![save("Older")]).unwrap();
        older[0]["action"]["base"] = serde_json::to_value(&base).unwrap();
        let draft = older[0]["action"]["draft"].as_object_mut().unwrap();
        draft.remove("start_time");
        draft.remove("end_time");
        std::fs::create_dir_all(data.path().join(OUTBOX_DIR)).unwrap();
        std::fs::write(outbox.path("w"), serde_json::to_vec(&older).unwrap()).unwrap();
        let entries = outbox.list("w").unwrap();
        let OutboxAction::Save { draft, .. } = &entries[0].action else {
            panic!("a save: {entries:?}");
        };
        assert_eq!(draft.title, "Older");
        assert_eq!(
            (draft.start_time, draft.end_time),
            (base.start_time, base.end_time)
        );
        assert!(!draft.window_from_training);
    }

    #[test]
    fn entries_keep_their_order_per_workspace() {
        let data = tempfile::tempdir().unwrap();
        let outbox = Outbox::in_dir(data.path());
        assert!(outbox.list("w").unwrap().is_empty());
        outbox.update("w", |e| e.push(save("One"))).unwrap();
        let (_, now) = outbox.update("w", |e| e.push(save("Two"))).unwrap();
        assert_eq!(now.len(), 2);
        outbox
            .update("other", |e| e.push(save("Elsewhere")))
            .unwrap();
        let titles: Vec<_> = outbox
            .list("w")
            .unwrap()
            .into_iter()
            .map(|e| e.title)
            .collect();
        assert_eq!(titles, ["One", "Two"]);
        assert!(data.path().join("outbox/w.json").exists());
        // Another process (a restart) reads the same.
        assert_eq!(Outbox::in_dir(data.path()).list("w").unwrap().len(), 2);
    }

    #[test]
    fn rebase_moves_the_base_to_the_answer() {
        let mut answer = training("t1");
        answer.updated_at += chrono::Duration::seconds(3);
        let mut entry = save("One");
        entry.action.rebase(&answer);
        assert_eq!(entry.action.base_updated_at(), answer.updated_at);
        let mut moved = OutboxAction::Move {
            directory_id: None,
            base_updated_at: training("t1").updated_at,
        };
        moved.rebase(&answer);
        assert_eq!(moved.base_updated_at(), answer.updated_at);
    }

    #[test]
    fn the_view_counts_every_entry_and_serializes_by_kind() {
        let mut held = save("Held");
        held.state = OutboxState::Conflict;
        assert!(!held.sendable());
        let view = OutboxView::new(vec![save("One"), held], vec![]);
        assert_eq!(view.waiting, 2);
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["entries"][0]["action"]["kind"], "save");
        assert_eq!(json["entries"][1]["state"], "conflict");
        let set = OutboxAction::SetPublished {
            published: true,
            base_updated_at: Utc::now(),
        };
        assert_eq!(serde_json::to_value(set).unwrap()["kind"], "set_published");
    }
}
