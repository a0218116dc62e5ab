//! The workspace-level IPC types: the list of workspaces, one workspace's loaded data (and its
//! pages as a load receives them), and a directory of the sidebar (built in `derived_names.rs`).

use opencx::{Segment, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

/// Trainings a load just received from open.cx, one page at a time in the list's order, so the
/// list shows the first page at once and fills as the rest arrive.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingsArrived {
    /// The workspace being loaded.
    pub workspace_id: String,
    /// This page's trainings, as the UI is shown them.
    pub trainings: Vec<Training>,
    /// Trainings received so far in this load, this page's included.
    pub loaded: u32,
    /// How many trainings the workspace holds, as open.cx counted them at the first page.
    pub total: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

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
