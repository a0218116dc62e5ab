//! The non-secret workspace list, `settings.json` in the app data dir: which workspaces exist
//! (id, name, base URL, demo or not), which one was active, and per workspace the local
//! directory names given, the draft rules learned, and whether the editor agreed that "Try it
//! on open.cx" creates real conversations. Written atomically (temp file, fsync, rename); a damaged file is reported and
//! left exactly as it is.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::draft_rules::{DraftRules, RulesByWorkspace};
use crate::error::{ErrorKind, Result, StudioError};
use crate::workspace::WorkspaceList;

/// The file name inside the app data dir.
pub const SETTINGS_FILE: &str = "settings.json";

/// Directory id → the name the editor gave it, per workspace id.
pub type DirectoryNames = BTreeMap<String, BTreeMap<String, String>>;

/// Everything in the file: the workspace list's keys at the top level, plus the local names and
/// the draft rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct SettingsData {
    #[serde(flatten)]
    pub list: WorkspaceList,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub directory_names: DirectoryNames,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub draft_rules: RulesByWorkspace,
    /// The workspaces whose editor agreed that trying a question creates a real conversation.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub chat_consent: BTreeSet<String>,
}

/// Reads and writes the workspace list.
#[derive(Debug, Clone)]
pub struct SettingsFile {
    path: PathBuf,
}

impl SettingsFile {
    /// The settings file inside `data_dir` (created on the first save).
    pub fn in_dir(data_dir: &Path) -> Self {
        SettingsFile {
            path: data_dir.join(SETTINGS_FILE),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored list; an empty list when there is no file yet.
    pub fn load(&self) -> Result<WorkspaceList> {
        Ok(self.load_data()?.list)
    }

    /// Replaces the list, keeping what is kept per workspace for the workspaces still in it.
    pub fn save(&self, list: &WorkspaceList) -> Result<()> {
        let mut data = self.load_data().unwrap_or_default();
        data.list = list.clone();
        self.save_data(&data)
    }

    /// The draft rules kept for `workspace_id`; never checked when there are none (or the file
    /// cannot be read: then the safest path is taken and the next load checks).
    pub(crate) fn draft_rules(&self, workspace_id: &str) -> DraftRules {
        self.load_data()
            .ok()
            .and_then(|mut data| data.draft_rules.remove(workspace_id))
            .unwrap_or_default()
    }

    /// Keeps `rules` for `workspace_id`. The caller holds the studio's `admin` lock.
    pub(crate) fn keep_draft_rules(&self, workspace_id: &str, rules: &DraftRules) -> Result<()> {
        let mut data = self.load_data()?;
        data.draft_rules
            .insert(workspace_id.to_owned(), rules.clone());
        self.save_data(&data)
    }

    /// Whether the editor agreed, for `workspace_id`, that trying a question on open.cx creates
    /// a real conversation (false when the file cannot be read: then it is asked again).
    pub(crate) fn chat_consent(&self, workspace_id: &str) -> bool {
        self.load_data()
            .is_ok_and(|data| data.chat_consent.contains(workspace_id))
    }

    /// Remembers that agreement for `workspace_id`. The caller holds the studio's `admin` lock.
    pub(crate) fn keep_chat_consent(&self, workspace_id: &str) -> Result<()> {
        let mut data = self.load_data()?;
        data.chat_consent.insert(workspace_id.to_owned());
        self.save_data(&data)
    }

    /// The whole file; empty when there is no file yet.
    pub(crate) fn load_data(&self) -> Result<SettingsData> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(SettingsData::default())
            }
            Err(e) => {
                return Err(io_error(format!(
                    "Training Studio could not read its workspace list ({}): {e}.",
                    self.path.display()
                )))
            }
        };
        serde_json::from_slice(&bytes).map_err(|e| {
            io_error(format!(
                "Training Studio's workspace list ({}) is damaged and was left as it is ({e}). \
                 Move the file away or delete it, then restart Training Studio and sign in again; \
                 your API keys stay in the system keychain.",
                self.path.display()
            ))
        })
    }

    /// Replaces the file atomically: a crash leaves either the old or the new file, never half.
    /// What is kept for workspaces no longer in the list is dropped.
    pub(crate) fn save_data(&self, data: &SettingsData) -> Result<()> {
        let mut data = data.clone();
        data.directory_names
            .retain(|workspace, _| data.list.find(workspace).is_some());
        data.draft_rules
            .retain(|workspace, _| data.list.find(workspace).is_some());
        data.chat_consent
            .retain(|workspace| data.list.find(workspace).is_some());
        let write_failed = |e: std::io::Error| {
            io_error(format!(
                "Training Studio could not save its workspace list ({}): {e}.",
                self.path.display()
            ))
        };
        let json =
            serde_json::to_vec_pretty(&data).map_err(|e| write_failed(std::io::Error::other(e)))?;
        crate::atomic_file::write(&self.path, &json).map_err(write_failed)
    }
}

fn io_error(message: String) -> StudioError {
    StudioError::new(ErrorKind::Io, message)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::draft_rules::DraftSave;
    use crate::test_support::settings_listing;
    use crate::workspace::WorkspaceSummary;

    fn sample() -> WorkspaceList {
        WorkspaceList {
            workspaces: vec![
                WorkspaceSummary {
                    id: "w1".into(),
                    name: "Support".into(),
                    base_url: "https://api.open.cx".into(),
                    is_demo: false,
                },
                WorkspaceSummary {
                    id: "demo".into(),
                    name: "Demo workspace".into(),
                    base_url: "http://127.0.0.1:4000".into(),
                    is_demo: true,
                },
            ],
            active_id: Some("w1".into()),
        }
    }

    #[test]
    fn missing_file_is_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        let list = SettingsFile::in_dir(dir.path()).load().unwrap();
        assert!(list.workspaces.is_empty());
        assert_eq!(list.active_id, None);
    }

    #[test]
    fn save_then_load_round_trips_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("not/yet/there");
        let file = SettingsFile::in_dir(&nested);
        file.save(&sample()).unwrap();
        assert_eq!(file.load().unwrap(), sample());
        let names: Vec<_> = fs::read_dir(&nested)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, [SETTINGS_FILE]);
        let json: serde_json::Value =
            serde_json::from_slice(&fs::read(file.path()).unwrap()).unwrap();
        assert_eq!(json["active_id"], "w1");
        assert_eq!(json["workspaces"][1]["is_demo"], true);
    }

    #[test]
    fn corrupt_file_is_a_clear_error_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        fs::write(file.path(), b"{\"workspaces\": [ oops").unwrap();
        let err = file.load().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.message().contains("damaged"), "{}", err.message());
        assert!(err.message().contains(SETTINGS_FILE));
        assert_eq!(
            fs::read(file.path()).unwrap(),
            b"{\"workspaces\": [ oops".to_vec()
        );
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = SettingsFile::in_dir(dir.path());
        fs::write(
            file.path(),
            br#"{"workspaces":[{"id":"w1","name":"A","base_url":"https://x","is_demo":false,"color":"red"}],"active_id":null,"theme":"dark"}"#,
        )
        .unwrap();
        let list = file.load().unwrap();
        assert_eq!(list.workspaces[0].name, "A");
    }

    #[test]
    fn chat_consent_is_kept_per_workspace_and_dropped_with_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let (settings, mut list) = settings_listing(dir.path(), &["w1", "w2"]);
        assert!(!settings.chat_consent("w1"));
        settings.keep_chat_consent("w1").unwrap();
        settings.save(&list).unwrap();
        assert!(settings.chat_consent("w1"));
        assert!(!settings.chat_consent("w2"));
        list.remove("w1");
        settings.save(&list).unwrap();
        assert!(!settings.chat_consent("w1"));
    }

    #[test]
    fn draft_rules_are_kept_per_workspace_and_dropped_with_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let (settings, mut list) = settings_listing(dir.path(), &["w1", "w2"]);
        let literal = DraftRules {
            draft_save: DraftSave::TakesOutOfUse,
            checked_at: Some(Utc::now()),
            ..DraftRules::default()
        };
        settings.keep_draft_rules("w1", &literal).unwrap();
        settings.save(&list).unwrap();
        assert_eq!(settings.draft_rules("w1"), literal);
        assert_eq!(settings.draft_rules("w2"), DraftRules::default());
        list.remove("w1");
        settings.save(&list).unwrap();
        assert_eq!(settings.draft_rules("w1"), DraftRules::default());
    }
}
