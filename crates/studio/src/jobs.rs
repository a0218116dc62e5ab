//! The IPC types of jobs (a change of one training or of many): what the UI asks for
//! ([`JobRequest`]), what it is told while the job runs ([`JobProgress`], [`ItemFailure`],
//! [`ItemDifferences`]), and the request's items in processing order, each id once.

use std::collections::{HashMap, HashSet};

use opencx::{Channel, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};

/// A job's id, as `start_job` and `retry_failed` answer it.
pub type JobId = String;

/// One training to move and the directory it goes to (`null` = no directory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoveItem {
    pub id: String,
    pub directory_id: Option<String>,
}

/// One training's new text in a replace (its title and instructions, whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReplaceItem {
    pub id: String,
    pub title: String,
    pub content: String,
}

/// One change of an import (`workspace_files/import.rs`): a training updated from its file,
/// moved to its file's directory, created from a new file, or deleted (it has no file). `file`
/// is the file written again from open.cx's answer once it has the change (an export of this
/// very workspace), so a later import compares with the new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportItem {
    Update {
        id: String,
        title: String,
        draft: TrainingDraft,
        file: Option<String>,
    },
    Move {
        id: String,
        title: String,
        directory_id: Option<String>,
        file: Option<String>,
    },
    Create {
        /// Stands for the training until open.cx gives it one (`file:<path>`).
        id: String,
        title: String,
        draft: TrainingDraft,
        file: Option<String>,
    },
    Delete {
        id: String,
        title: String,
    },
}

impl ImportItem {
    /// The training's id, or the key of one to create.
    pub fn id(&self) -> &str {
        match self {
            ImportItem::Update { id, .. }
            | ImportItem::Move { id, .. }
            | ImportItem::Create { id, .. }
            | ImportItem::Delete { id, .. } => id,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            ImportItem::Update { title, .. }
            | ImportItem::Move { title, .. }
            | ImportItem::Create { title, .. }
            | ImportItem::Delete { title, .. } => title,
        }
    }
}

/// A bulk change over many trainings. A move names each item's target, so Undo is a move back
/// to each item's old directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum JobRequest {
    Move {
        items: Vec<MoveItem>,
    },
    Publish {
        ids: Vec<String>,
    },
    Unpublish {
        ids: Vec<String>,
    },
    Delete {
        ids: Vec<String>,
    },
    SetVisibility {
        ids: Vec<String>,
        channels: Vec<Channel>,
        segments: Vec<String>,
    },
    /// Find and replace: each training's new text, saved as a draft or published. Undo is a
    /// replace with each training's previous text.
    Replace {
        items: Vec<ReplaceItem>,
        publish: bool,
    },
    /// A folder's changes, saved as drafts unless `publish`.
    Import {
        items: Vec<ImportItem>,
        publish: bool,
    },
}

/// Which kind of job a progress report belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JobKind {
    Move,
    Publish,
    Unpublish,
    Delete,
    SetVisibility,
    Replace,
    Import,
}

/// Whether the job still runs, ran to the end, or stopped at a Cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JobState {
    Running,
    Finished,
    Cancelled,
}

/// An item the server refused: which training, and why in words an editor can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemFailure {
    pub id: String,
    pub title: String,
    /// Why, as the error's stable code (`network`, `not_found`, `forbidden`, …).
    pub kind: ErrorKind,
    pub message: String,
}

/// How open.cx's answer to a publish or unpublish differs from what it promised: plain
/// sentences, as a single save says them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemDifferences {
    pub id: String,
    pub differences: Vec<String>,
}

/// The "job-progress" event, sent after each item and once at the end.
///
/// `failed` and `queued` hold every such item so far (the whole list, not just the newest);
/// `updated`, `deleted` and `differences` hold only what changed since the previous event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JobProgress {
    pub job_id: JobId,
    pub kind: JobKind,
    pub total: u32,
    pub done: u32,
    pub failed: Vec<ItemFailure>,
    /// Every item put in the outbox so far (open.cx could not be reached): sent later.
    pub queued: Vec<String>,
    pub updated: Vec<Training>,
    pub deleted: Vec<String>,
    /// For each publish or unpublish in `updated` whose answer differs from what it promised:
    /// every difference (an item open.cx answered as promised is not named).
    pub differences: Vec<ItemDifferences>,
    pub seconds_left: Option<u32>,
    pub state: JobState,
}

impl JobRequest {
    pub fn kind(&self) -> JobKind {
        match self {
            JobRequest::Move { .. } => JobKind::Move,
            JobRequest::Publish { .. } => JobKind::Publish,
            JobRequest::Unpublish { .. } => JobKind::Unpublish,
            JobRequest::Delete { .. } => JobKind::Delete,
            JobRequest::SetVisibility { .. } => JobKind::SetVisibility,
            JobRequest::Replace { .. } => JobKind::Replace,
            JobRequest::Import { .. } => JobKind::Import,
        }
    }

    /// The training ids in the order given, each once (for a move, the first target named
    /// for an id wins; for a replace, the first text).
    pub fn ids(&self) -> Vec<String> {
        let all: Vec<&str> = match self {
            JobRequest::Move { items } => items.iter().map(|i| i.id.as_str()).collect(),
            JobRequest::Replace { items, .. } => items.iter().map(|i| i.id.as_str()).collect(),
            JobRequest::Import { items, .. } => items.iter().map(ImportItem::id).collect(),
            JobRequest::Publish { ids }
            | JobRequest::Unpublish { ids }
            | JobRequest::Delete { ids }
            | JobRequest::SetVisibility { ids, .. } => ids.iter().map(String::as_str).collect(),
        };
        let mut seen = HashSet::new();
        all.into_iter()
            .filter(|id| seen.insert(*id))
            .map(str::to_owned)
            .collect()
    }

    /// Where a move sends each id (the first target named for it).
    pub(crate) fn targets(&self) -> HashMap<&str, Option<&str>> {
        let mut targets = HashMap::new();
        if let JobRequest::Move { items } = self {
            for item in items {
                targets
                    .entry(item.id.as_str())
                    .or_insert(item.directory_id.as_deref());
            }
        }
        targets
    }

    /// The same job over only the items whose id is in `keep` ("Retry failed").
    pub fn only(&self, keep: &HashSet<String>) -> JobRequest {
        let ids = |ids: &[String]| -> Vec<String> {
            ids.iter()
                .filter(|id| keep.contains(*id))
                .cloned()
                .collect()
        };
        match self {
            JobRequest::Move { items } => JobRequest::Move {
                items: items
                    .iter()
                    .filter(|i| keep.contains(&i.id))
                    .cloned()
                    .collect(),
            },
            JobRequest::Replace { items, publish } => JobRequest::Replace {
                items: items
                    .iter()
                    .filter(|i| keep.contains(&i.id))
                    .cloned()
                    .collect(),
                publish: *publish,
            },
            JobRequest::Import { items, publish } => JobRequest::Import {
                items: items
                    .iter()
                    .filter(|i| keep.contains(i.id()))
                    .cloned()
                    .collect(),
                publish: *publish,
            },
            JobRequest::Publish { ids: all } => JobRequest::Publish { ids: ids(all) },
            JobRequest::Unpublish { ids: all } => JobRequest::Unpublish { ids: ids(all) },
            JobRequest::Delete { ids: all } => JobRequest::Delete { ids: ids(all) },
            JobRequest::SetVisibility {
                ids: all,
                channels,
                segments,
            } => JobRequest::SetVisibility {
                ids: ids(all),
                channels: channels.clone(),
                segments: segments.clone(),
            },
        }
    }

    /// The new text a replace gives `id` (the first named for it).
    pub(crate) fn replacement(&self, id: &str) -> Option<&ReplaceItem> {
        match self {
            JobRequest::Replace { items, .. } => items.iter().find(|i| i.id == id),
            _ => None,
        }
    }

    /// The import item of `id` (an import job's).
    pub(crate) fn import_item(&self, id: &str) -> Option<&ImportItem> {
        match self {
            JobRequest::Import { items, .. } => items.iter().find(|i| i.id() == id),
            _ => None,
        }
    }

    /// The titles an import names its items by (the others are named from the cache).
    pub(crate) fn titles(&self) -> HashMap<String, String> {
        match self {
            JobRequest::Import { items, .. } => items
                .iter()
                .map(|i| (i.id().to_owned(), i.title().to_owned()))
                .collect(),
            _ => HashMap::new(),
        }
    }

    /// Refuses a job without items, and a replace that leaves a training without a title or
    /// instructions.
    pub fn validate(&self) -> Result<()> {
        if self.ids().is_empty() {
            return Err(StudioError::invalid_input(
                "Select at least one training first.",
            ));
        }
        if let JobRequest::Replace { items, .. } = self {
            if items
                .iter()
                .any(|i| i.title.trim().is_empty() || i.content.trim().is_empty())
            {
                return Err(StudioError::invalid_input(
                    "A replace may not leave a training without a title or instructions.",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn requests_decode_from_the_contract_shape() {
        let r: JobRequest = serde_json::from_value(json!({
            "kind": "move",
            "items": [{"id": "a", "directory_id": "d1"}, {"id": "b", "directory_id": null}]
        }))
        .unwrap();
        assert_eq!(r.kind(), JobKind::Move);
        assert_eq!(r.ids(), ["a", "b"]);
        let r: JobRequest = serde_json::from_value(json!({
            "kind": "set_visibility", "ids": ["a"], "channels": ["web"], "segments": ["s"]
        }))
        .unwrap();
        assert_eq!(r.kind(), JobKind::SetVisibility);
        for kind in ["publish", "unpublish", "delete"] {
            let r: JobRequest =
                serde_json::from_value(json!({"kind": kind, "ids": ["x"]})).unwrap();
            assert_eq!(serde_json::to_value(r.kind()).unwrap(), kind);
        }
    }

    #[test]
    fn each_id_once_and_the_first_target_wins() {
        let r = JobRequest::Move {
            items: vec![
                MoveItem {
                    id: "a".into(),
                    directory_id: Some("d1".into()),
                },
                MoveItem {
                    id: "b".into(),
                    directory_id: None,
                },
                MoveItem {
                    id: "a".into(),
                    directory_id: Some("d2".into()),
                },
            ],
        };
        assert_eq!(r.ids(), ["a", "b"]);
        assert_eq!(r.targets()["a"], Some("d1"));
        assert_eq!(r.targets()["b"], None);
    }

    #[test]
    fn only_keeps_the_named_items_and_the_settings() {
        let r = JobRequest::SetVisibility {
            ids: vec!["a".into(), "b".into(), "c".into()],
            channels: vec![Channel::Sms],
            segments: vec!["s".into()],
        };
        let keep: HashSet<String> = ["c".to_string(), "a".to_string()].into();
        assert_eq!(
            r.only(&keep),
            JobRequest::SetVisibility {
                ids: vec!["a".into(), "c".into()],
                channels: vec![Channel::Sms],
                segments: vec!["s".into()],
            }
        );
        assert!(JobRequest::Delete { ids: vec![] }.validate().is_err());
    }

    #[test]
    fn progress_serializes_with_snake_case_states() {
        let p = JobProgress {
            job_id: "j".into(),
            kind: JobKind::SetVisibility,
            total: 2,
            done: 1,
            failed: vec![],
            queued: vec![],
            updated: vec![],
            deleted: vec!["x".into()],
            differences: vec![ItemDifferences {
                id: "y".into(),
                differences: vec!["open.cx kept this training in use.".into()],
            }],
            seconds_left: None,
            state: JobState::Cancelled,
        };
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["kind"], "set_visibility");
        assert_eq!(v["state"], "cancelled");
        assert_eq!(v["seconds_left"], serde_json::Value::Null);
        assert_eq!(v["differences"][0]["id"], "y");
    }
}
