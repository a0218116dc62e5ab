//! The local journal of unsaved edits: one file per (workspace, training) under
//! `<data dir>/journal/<workspace id>/<training id>.json`, holding the editor's
//! [`TrainingDraft`], the server's `updated_at` the edit started from and when it was written.
//! Every write is atomic (`atomic_file`: temp file in the same dir, fsync, rename, fsync the
//! dir), so a crash mid-write leaves the previous copy. Leftover temp files of a dead process
//! are removed when the journal is listed; a damaged entry is renamed aside (`*.damaged`),
//! reported in the log, and does not hide the others. Only the form's fields are stored: never a key, never a token.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};

/// The journal's folder inside the app data dir.
pub const JOURNAL_DIR: &str = "journal";

/// What a journal file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub training_id: String,
    pub draft: TrainingDraft,
    /// The server's `updated_at` of the training when the edit started.
    pub base_updated_at: Option<String>,
    pub written_at: DateTime<Utc>,
}

/// An unsaved edit found in the journal, as the UI offers it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecoveredEdit {
    pub training_id: String,
    /// The title as the editor left it ("Untitled" when blank).
    pub title: String,
    pub written_at: DateTime<Utc>,
    pub base_updated_at: Option<String>,
    pub draft: TrainingDraft,
}

impl From<JournalEntry> for RecoveredEdit {
    fn from(entry: JournalEntry) -> Self {
        let title = match entry.draft.title.trim() {
            "" => "Untitled".to_owned(),
            title => title.to_owned(),
        };
        RecoveredEdit {
            training_id: entry.training_id,
            title,
            written_at: entry.written_at,
            base_updated_at: entry.base_updated_at,
            draft: entry.draft,
        }
    }
}

/// The journal in one app data dir.
#[derive(Debug, Clone)]
pub struct Journal {
    root: PathBuf,
}

impl Journal {
    pub fn in_dir(data_dir: &Path) -> Self {
        Journal {
            root: data_dir.join(JOURNAL_DIR),
        }
    }

    /// Replaces the entry of `entry.training_id` in `workspace_id`, atomically.
    pub fn write(&self, workspace_id: &str, entry: &JournalEntry) -> Result<()> {
        let path = self.path(workspace_id, &entry.training_id);
        let json = serde_json::to_vec_pretty(entry).map_err(|e| write_failed(&path, &e))?;
        atomic_file::write(&path, &json).map_err(|e| write_failed(&path, &e))
    }

    /// Every readable entry of `workspace_id`, newest first. Temp files left by a process that
    /// died mid-write are removed; a damaged entry is moved aside and logged.
    pub fn list(&self, workspace_id: &str) -> Result<Vec<JournalEntry>> {
        let dir = self.root.join(encode(workspace_id));
        let read = match fs::read_dir(&dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(read_failed(&dir, &e)),
        };
        let mut entries = Vec::new();
        for item in read {
            let path = item.map_err(|e| read_failed(&dir, &e))?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(mine) = atomic_file::temp_file(&name) {
                if !mine {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            if !name.ends_with(".json") {
                continue;
            }
            match fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
            {
                Ok(entry) => entries.push(entry),
                Err(error) => {
                    let aside = path.with_extension("json.damaged");
                    let _ = fs::rename(&path, &aside);
                    tracing::warn!(file = %aside.display(), %error,
                        "a journal entry is damaged; it was kept aside");
                }
            }
        }
        entries.sort_by_key(|e: &JournalEntry| std::cmp::Reverse(e.written_at));
        Ok(entries)
    }

    /// Removes the entry (saved, published or discarded); no entry is no error.
    pub fn remove(&self, workspace_id: &str, training_id: &str) -> Result<()> {
        let path = self.path(workspace_id, training_id);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StudioError::new(
                ErrorKind::Io,
                format!(
                    "Training Studio could not remove an unsaved edit from its journal ({}): {e}.",
                    path.display()
                ),
            )),
        }
    }

    /// Removes every unsaved edit of the workspace (at sign-out, when asked).
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        atomic_file::remove_all(&self.root.join(encode(workspace_id)))
    }

    fn path(&self, workspace_id: &str, training_id: &str) -> PathBuf {
        self.root
            .join(encode(workspace_id))
            .join(format!("{}.json", encode(training_id)))
    }
}

fn write_failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not keep a copy of your unsaved changes ({}): {e}. Your text \
             is still in the editor; save it as a draft to be safe.",
            path.display()
        ),
    )
}

fn read_failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not read its journal of unsaved changes ({}): {e}.",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atomic_file::write_temp;
    use opencx::TrainingType;

    fn entry(id: &str, title: &str, minute: u32) -> JournalEntry {
        JournalEntry {
            training_id: id.into(),
            draft: TrainingDraft {
                title: title.into(),
                content: format!("Content of {title}"),
                training_type: TrainingType::Behavioral,
                directory_id: None,
                restricted_to_channels: vec![],
                restricted_to_segments: vec![],
                start_time: None,
                end_time: Some("2027-01-01T00:00:00Z".parse().unwrap()),
                window_from_training: false,
            },
            base_updated_at: Some("2025-01-02T03:04:05.000Z".into()),
            written_at: format!("2025-03-01T10:{minute:02}:00Z").parse().unwrap(),
        }
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn write_list_and_remove_per_workspace() {
        let data = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(data.path());
        assert!(journal.list("w1").unwrap().is_empty());
        journal.write("w1", &entry("t1", "First", 1)).unwrap();
        journal.write("w1", &entry("t2", "Second", 2)).unwrap();
        journal.write("w2", &entry("t1", "Elsewhere", 3)).unwrap();
        journal
            .write("w1", &entry("t1", "First, again", 4))
            .unwrap();
        let titles: Vec<_> = journal
            .list("w1")
            .unwrap()
            .into_iter()
            .map(|e| e.draft.title)
            .collect();
        assert_eq!(titles, ["First, again", "Second"]);
        assert_eq!(
            files(&data.path().join("journal/w1")),
            ["t1.json", "t2.json"]
        );
        journal.remove("w1", "t1").unwrap();
        journal.remove("w1", "t1").unwrap();
        assert_eq!(journal.list("w1").unwrap().len(), 1);
        assert_eq!(journal.list("w2").unwrap()[0].draft.title, "Elsewhere");
    }

    #[test]
    fn a_crash_between_write_and_rename_keeps_the_old_copy() {
        let data = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(data.path());
        journal.write("w1", &entry("t1", "Old", 1)).unwrap();
        let path = journal.path("w1", "t1");
        // The crash: the new copy is in its temp file, the rename never happens.
        let new = serde_json::to_vec(&entry("t1", "New", 2)).unwrap();
        let tmp = write_temp(&path, &new).unwrap();
        // A temp file of another (dead) process, the way the next start finds it.
        let dead = path.with_file_name(".t1.json.999999999.tmp");
        fs::rename(&tmp, &dead).unwrap();
        assert_eq!(journal.list("w1").unwrap()[0].draft.title, "Old");
        assert_eq!(files(&data.path().join("journal/w1")), ["t1.json"]);
    }

    #[test]
    fn a_damaged_entry_is_kept_aside_and_the_others_still_list() {
        let data = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(data.path());
        journal.write("w1", &entry("t1", "Good", 1)).unwrap();
        let bad = journal.path("w1", "t2");
        fs::write(&bad, b"{\"training_id\": \"t2\", \"dra").unwrap();
        let listed = journal.list("w1").unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].draft.title, "Good");
        let dir = data.path().join("journal/w1");
        assert_eq!(files(&dir), ["t1.json", "t2.json.damaged"]);
        assert_eq!(
            fs::read(dir.join("t2.json.damaged")).unwrap(),
            b"{\"training_id\": \"t2\", \"dra".to_vec()
        );
    }

    #[test]
    fn ids_cannot_leave_their_folder() {
        let data = tempfile::tempdir().unwrap();
        let journal = Journal::in_dir(data.path());
        journal
            .write("../w", &entry("../../x/y", "Odd", 1))
            .unwrap();
        let path = journal.path("../w", "../../x/y");
        assert!(path.starts_with(data.path().join("journal")));
        assert_eq!(
            path.components().count(),
            journal.root.components().count() + 2
        );
        assert_eq!(journal.list("../w").unwrap()[0].training_id, "../../x/y");
        assert_ne!(encode("a.b"), encode("a_b"));
    }

    #[test]
    fn an_entry_holds_only_the_form_and_the_times() {
        let json = serde_json::to_value(entry("t1", "A", 1)).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["base_updated_at", "draft", "training_id", "written_at"]
        );
        let recovered = RecoveredEdit::from(entry("t1", "  ", 1));
        assert_eq!(recovered.title, "Untitled");
    }
}
