//! The workspace-level IPC types (the list of workspaces, one workspace's loaded data) and the
//! directory list: the server's, or derived from the trainings where the server has no
//! directory routes.

use std::collections::{BTreeMap, HashSet};

use opencx::{Directory, Segment, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::derived_names;

/// One workspace as the UI shows it. Never holds the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceSummary {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub is_demo: bool,
}

/// Every known workspace and the active one; also the content of `settings.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceList {
    #[serde(default)]
    pub workspaces: Vec<WorkspaceSummary>,
    #[serde(default)]
    pub active_id: Option<String>,
}

impl WorkspaceList {
    pub fn find(&self, id: &str) -> Option<&WorkspaceSummary> {
        self.workspaces.iter().find(|w| w.id == id)
    }

    /// Adds the workspace or replaces the one with the same id.
    pub fn upsert(&mut self, workspace: WorkspaceSummary) {
        match self.workspaces.iter_mut().find(|w| w.id == workspace.id) {
            Some(existing) => *existing = workspace,
            None => self.workspaces.push(workspace),
        }
    }

    /// Forgets the workspace; clears `active_id` when it was the active one.
    pub fn remove(&mut self, id: &str) {
        self.workspaces.retain(|w| w.id != id);
        if self.active_id.as_deref() == Some(id) {
            self.active_id = None;
        }
    }
}

/// A directory in the sidebar. `local_name_only` = the server does not know this name (it was
/// derived from a training's `directory_id`), so it can only be renamed locally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DirectoryEntry {
    pub id: String,
    pub name: String,
    pub local_name_only: bool,
}

/// Everything the main view needs after opening a workspace.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkspaceData {
    pub trainings: Vec<Training>,
    pub directories: Vec<DirectoryEntry>,
    pub directories_supported: bool,
    pub segments: Vec<Segment>,
}

/// The sidebar's directories: the server's (`server = Some`) in its order, then one derived
/// entry per `directory_id` the trainings use that the server did not list, in first-seen order,
/// named by the editor (`local`, directory id → name) or from its trainings' titles, no two
/// alike.
pub fn directory_entries(
    server: Option<&[Directory]>,
    trainings: &[Training],
    local: &BTreeMap<String, String>,
) -> Vec<DirectoryEntry> {
    let mut entries: Vec<DirectoryEntry> = server
        .unwrap_or_default()
        .iter()
        .map(|d| DirectoryEntry {
            id: d.id.clone(),
            name: d.name.clone(),
            local_name_only: false,
        })
        .collect();
    let mut seen: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
    for id in trainings.iter().filter_map(|t| t.directory_id.as_deref()) {
        if seen.insert(id.to_owned()) {
            entries.push(DirectoryEntry {
                id: id.to_owned(),
                name: String::new(),
                local_name_only: true,
            });
        }
    }
    derived_names::name_derived(&mut entries, trainings, local);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{directory, training};

    #[test]
    fn derives_directories_from_trainings_when_the_server_has_none() {
        let mut a = training("t1");
        a.directory_id = Some("0f3c9a12-aaaa-4bbb-8ccc-000000000001".into());
        a.title = "Refund window".into();
        let mut b = training("t2");
        b.directory_id = Some("0f3c9a12-aaaa-4bbb-8ccc-000000000001".into());
        b.title = "Refund for damaged items".into();
        let mut c = training("t3");
        c.directory_id = Some("77".into());
        c.title = "Opening hours".into();
        let d = training("t4");
        let entries = directory_entries(None, &[a, b, c, d], &BTreeMap::new());
        assert_eq!(
            entries,
            [
                DirectoryEntry {
                    id: "0f3c9a12-aaaa-4bbb-8ccc-000000000001".into(),
                    name: "Refund".into(),
                    local_name_only: true
                },
                DirectoryEntry {
                    id: "77".into(),
                    name: "Opening, hours".into(),
                    local_name_only: true
                },
            ]
        );
    }

    #[test]
    fn server_directories_come_first_and_unknown_ids_are_added() {
        let server = [directory("d1", "Billing")];
        let mut a = training("t1");
        a.directory_id = Some("d1".into());
        let mut b = training("t2");
        b.directory_id = Some("gone-directory".into());
        let entries = directory_entries(Some(&server), &[a, b], &BTreeMap::new());
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "Billing");
        assert!(!entries[0].local_name_only);
        assert_eq!(entries[1].name, "Training");
        assert!(entries[1].local_name_only);
    }

    #[test]
    fn list_upsert_and_remove() {
        let mut list = WorkspaceList::default();
        let w = |id: &str, name: &str| WorkspaceSummary {
            id: id.into(),
            name: name.into(),
            base_url: "https://api.open.cx".into(),
            is_demo: false,
        };
        list.upsert(w("a", "A"));
        list.upsert(w("b", "B"));
        list.upsert(w("a", "A2"));
        list.active_id = Some("a".into());
        assert_eq!(list.find("a").unwrap().name, "A2");
        list.remove("a");
        assert_eq!(list.active_id, None);
        assert_eq!(list.workspaces, [w("b", "B")]);
    }
}
