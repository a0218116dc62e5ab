//! The local history of saves, since open.cx keeps none: every save and publish that open.cx
//! accepted is kept as one version (the body sent, the server's answer, the time, the
//! workspace, and every way the answer differed from what the review promised) in `<data dir>/history/<workspace id>/<training id>/<version>.json`, written
//! atomically; the last [`HISTORY_LIMIT`] versions per training are kept, older ones removed.
//! The service's history commands (`service/history.rs`) list them, read one, and compare one
//! with the editor's form.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};

/// The history's folder inside the app data dir.
pub const HISTORY_DIR: &str = "history";

/// How many versions are kept per training; the oldest goes when a new one comes.
pub const HISTORY_LIMIT: usize = 200;

/// One kept version: what was sent (`publish` = it was published), what open.cx answered, and
/// how that answer differed from what the review promised (plain sentences; empty when it did
/// what was promised, and in versions kept before this was recorded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub version: u32,
    pub saved_at: DateTime<Utc>,
    pub workspace_id: String,
    pub publish: bool,
    pub sent: TrainingDraft,
    pub answer: Training,
    #[serde(default)]
    pub differences: Vec<String>,
}

/// A version as the History panel lists it; `open_cx_version` is open.cx's version number in
/// its answer (`current_version`: none before a first publish).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistorySummary {
    pub version: u32,
    pub saved_at: DateTime<Utc>,
    pub publish: bool,
    pub title: String,
    pub content_chars: u32,
    pub open_cx_version: Option<u32>,
    pub differences: Vec<String>,
}

impl From<&HistoryEntry> for HistorySummary {
    fn from(entry: &HistoryEntry) -> Self {
        HistorySummary {
            version: entry.version,
            saved_at: entry.saved_at,
            publish: entry.publish,
            title: entry.sent.title.clone(),
            content_chars: u32::try_from(entry.sent.content.chars().count()).unwrap_or(u32::MAX),
            open_cx_version: entry
                .answer
                .current_version
                .map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
            differences: entry.differences.clone(),
        }
    }
}

/// The history in one app data dir. Clones share one lock, so versions are numbered one
/// after another.
#[derive(Debug, Clone)]
pub struct History {
    root: PathBuf,
    lock: Arc<Mutex<()>>,
}

impl History {
    pub fn in_dir(data_dir: &Path) -> Self {
        History {
            root: data_dir.join(HISTORY_DIR),
            lock: Arc::default(),
        }
    }

    /// Keeps a new version of `answer.id` and removes the oldest beyond [`HISTORY_LIMIT`];
    /// answers the new version's number.
    pub fn record(
        &self,
        workspace_id: &str,
        publish: bool,
        sent: TrainingDraft,
        answer: Training,
        differences: Vec<String>,
    ) -> Result<u32> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let dir = self.dir(workspace_id, &answer.id);
        let mut versions = versions(&dir)?;
        let version = versions.last().map_or(1, |v| v + 1);
        let entry = HistoryEntry {
            version,
            saved_at: Utc::now(),
            workspace_id: workspace_id.to_owned(),
            publish,
            sent,
            answer,
            differences,
        };
        let path = file(&dir, version);
        let json = serde_json::to_vec(&entry).map_err(|e| write_failed(&path, &e))?;
        atomic_file::write(&path, &json).map_err(|e| write_failed(&path, &e))?;
        versions.push(version);
        let extra = versions.len().saturating_sub(HISTORY_LIMIT);
        for old in &versions[..extra] {
            if let Err(e) = fs::remove_file(file(&dir, *old)) {
                tracing::warn!(error = %e, "could not remove an old version from the history");
            }
        }
        Ok(version)
    }

    /// The kept versions of one training, newest first. A damaged file is skipped and logged.
    pub fn list(&self, workspace_id: &str, training_id: &str) -> Result<Vec<HistorySummary>> {
        let dir = self.dir(workspace_id, training_id);
        let mut list = Vec::new();
        for version in versions(&dir)?.into_iter().rev() {
            match read(&file(&dir, version)) {
                Ok(Some(entry)) => list.push(HistorySummary::from(&entry)),
                Ok(None) => {}
                Err(error) => {
                    tracing::warn!(version, %error, "a version in the history is damaged");
                }
            }
        }
        Ok(list)
    }

    /// One kept version; kind `not_found` when it is not (or no longer) kept.
    pub fn version(
        &self,
        workspace_id: &str,
        training_id: &str,
        version: u32,
    ) -> Result<HistoryEntry> {
        let path = file(&self.dir(workspace_id, training_id), version);
        match read(&path) {
            Ok(Some(entry)) => Ok(entry),
            Ok(None) => Err(StudioError::new(
                ErrorKind::NotFound,
                format!(
                    "Version {version} of this training is not kept on this computer (the last \
                     {HISTORY_LIMIT} saves are). Choose another version."
                ),
            )),
            Err(e) => Err(StudioError::new(
                ErrorKind::Io,
                format!(
                    "Version {version} of this training could not be read ({}): {e}. Choose \
                     another version.",
                    path.display()
                ),
            )),
        }
    }

    /// Removes the history of every training of the workspace (at sign-out, when asked).
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        atomic_file::remove_all(&self.root.join(encode(workspace_id)))
    }

    fn dir(&self, workspace_id: &str, training_id: &str) -> PathBuf {
        self.root
            .join(encode(workspace_id))
            .join(encode(training_id))
    }
}

/// `0000000042.json`: names sort as numbers do.
fn file(dir: &Path, version: u32) -> PathBuf {
    dir.join(format!("{version:010}.json"))
}

/// The version numbers kept in `dir`, oldest first.
fn versions(dir: &Path) -> Result<Vec<u32>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StudioError::new(
                ErrorKind::Io,
                format!(
                    "Training Studio could not read its history ({}): {e}.",
                    dir.display()
                ),
            ))
        }
    };
    let mut versions: Vec<u32> = read
        .filter_map(|item| item.ok())
        .filter_map(|item| {
            let name = item.file_name().into_string().ok()?;
            name.strip_suffix(".json")?.parse().ok()
        })
        .collect();
    versions.sort_unstable();
    Ok(versions)
}

fn read(path: &Path) -> std::result::Result<Option<HistoryEntry>, String> {
    match atomic_file::read_if_exists(path).map_err(|e| e.to_string())? {
        None => Ok(None),
        Some(bytes) => serde_json::from_slice::<HistoryEntry>(&bytes)
            .map(|mut entry| {
                // A version kept before the form edited the schedule sent none: open.cx's
                // answer holds the window that version had.
                entry.sent = entry.sent.with_window_of(&entry.answer);
                Some(entry)
            })
            .map_err(|e| e.to_string()),
    }
}

fn write_failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not keep this save in its history ({}): {e}. The save itself \
             reached open.cx.",
            path.display()
        ),
    )
}

impl History {
    /// Records on the blocking pool; a failure is logged and never fails what was saved.
    pub(crate) async fn keep(
        &self,
        workspace_id: &str,
        publish: bool,
        sent: TrainingDraft,
        answer: Training,
        differences: Vec<String>,
    ) {
        let history = self.clone();
        let workspace_id = workspace_id.to_owned();
        let recorded = atomic_file::off_thread("history", move || {
            history.record(&workspace_id, publish, sent, answer, differences)
        })
        .await;
        if let Err(e) = recorded {
            tracing::warn!(error = %e, "a save was not kept in the local history");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    fn sent(title: &str) -> TrainingDraft {
        let mut d = TrainingDraft::from_training(&training("t1"));
        d.title = title.into();
        d
    }

    #[test]
    fn versions_count_up_and_list_newest_first() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_dir(data.path());
        assert!(history.list("w", "t1").unwrap().is_empty());
        assert_eq!(
            history
                .record("w", false, sent("One"), training("t1"), vec![])
                .unwrap(),
            1
        );
        assert_eq!(
            history
                .record("w", true, sent("Two"), training("t1"), vec![])
                .unwrap(),
            2
        );
        let list = history.list("w", "t1").unwrap();
        let seen: Vec<_> = list
            .iter()
            .map(|s| (s.version, s.title.as_str(), s.publish))
            .collect();
        assert_eq!(seen, [(2, "Two", true), (1, "One", false)]);
        assert_eq!(list[0].content_chars, 21);
        let entry = history.version("w", "t1", 1).unwrap();
        assert_eq!(entry.sent.title, "One");
        assert_eq!(entry.workspace_id, "w");
        assert_eq!(entry.answer.id, "t1");
        assert!(data.path().join("history/w/t1/0000000002.json").exists());
        let err = history.version("w", "t1", 9).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert!(history.list("w", "t2").unwrap().is_empty());
        assert!(history.list("other", "t1").unwrap().is_empty());
    }

    #[test]
    fn only_the_last_versions_are_kept() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_dir(data.path());
        for i in 0..HISTORY_LIMIT + 3 {
            history
                .record("w", false, sent(&format!("v{i}")), training("t1"), vec![])
                .unwrap();
        }
        let list = history.list("w", "t1").unwrap();
        assert_eq!(list.len(), HISTORY_LIMIT);
        assert_eq!(list[0].version as usize, HISTORY_LIMIT + 3);
        assert_eq!(list.last().unwrap().version, 4);
        assert_eq!(
            fs::read_dir(data.path().join("history/w/t1"))
                .unwrap()
                .count(),
            HISTORY_LIMIT
        );
    }

    #[test]
    fn versions_keep_open_cx_version_and_the_differences_and_old_files_still_read() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_dir(data.path());
        let mut answer = training("t1");
        answer.current_version = Some(7);
        let said = vec!["open.cx took this training out of use.".to_owned()];
        history
            .record("w", false, sent("One"), answer, said.clone())
            .unwrap();
        let list = history.list("w", "t1").unwrap();
        assert_eq!(list[0].open_cx_version, Some(7));
        assert_eq!(list[0].differences, said);
        assert_eq!(history.version("w", "t1", 1).unwrap().differences, said);

        // A version kept before differences were recorded has none, and still reads.
        let path = data.path().join("history/w/t1/0000000001.json");
        let mut old: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        old.as_object_mut().unwrap().remove("differences");
        // … and one kept before the form edited the schedule sent no window: the answer's is
        // the one that version had.
        let sent = old["sent"].as_object_mut().unwrap();
        sent.remove("start_time");
        sent.remove("end_time");
        fs::write(&path, serde_json::to_vec(&old).unwrap()).unwrap();
        let list = history.list("w", "t1").unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].differences.is_empty());
        let kept = history.version("w", "t1", 1).unwrap();
        assert_eq!(kept.sent.start_time, kept.answer.start_time);
        assert!(kept.sent.start_time.is_some() && !kept.sent.window_from_training);
    }

    #[test]
    fn a_damaged_version_does_not_hide_the_others() {
        let data = tempfile::tempdir().unwrap();
        let history = History::in_dir(data.path());
        history
            .record("w", false, sent("Good"), training("t1"), vec![])
            .unwrap();
        fs::write(data.path().join("history/w/t1/0000000002.json"), b"{").unwrap();
        let list = history.list("w", "t1").unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(
            history.version("w", "t1", 2).unwrap_err().kind(),
            ErrorKind::Io
        );
        // The next version still counts on from the damaged one.
        assert_eq!(
            history
                .record("w", false, sent("Next"), training("t1"), vec![])
                .unwrap(),
            3
        );
    }
}
