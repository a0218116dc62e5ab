//! Builders for unit tests: client models decoded from JSON the way the server sends them
//! (so they keep working when the models gain fields), a settings file listing workspaces, and
//! a service on a fresh data folder, and where files for the UI are written.

use std::path::{Path, PathBuf};

use opencx::{Directory, Segment, Training};
use serde_json::json;

use crate::secrets::MemoryStore;
use crate::settings::SettingsFile;
use crate::workspace::{WorkspaceList, WorkspaceSummary};
use crate::Studio;

/// Where ts-rs writes the UI's bindings (`TS_RS_EXPORT_DIR`, set in `.cargo/config.toml`); the
/// other files generated for the UI go beside them.
pub fn bindings_dir() -> PathBuf {
    std::env::var_os("TS_RS_EXPORT_DIR")
        .map(PathBuf::from)
        .expect("TS_RS_EXPORT_DIR is set by .cargo/config.toml")
}

/// A published training with sensible defaults.
pub fn training(id: &str) -> Training {
    serde_json::from_value(json!({
        "id": id,
        "title": format!("Training {id}"),
        "content": "Say hello.\nThen help.",
        "draft_title": null,
        "draft_content": null,
        "type": "SCENARIO_SPECIFIC",
        "is_draft": false,
        "directory_id": null,
        "restricted_to_channels": [],
        "restricted_to_segments": [],
        "current_version": 1,
        "metadata": {"client_id": "c-1", "owner": "support"},
        "published_at": "2025-01-02T03:04:05.000Z",
        "start_time": "2025-02-01T00:00:00.000Z",
        "end_time": null,
        "created_at": "2025-01-01T00:00:00.000Z",
        "updated_at": "2025-01-02T03:04:05.000Z"
    }))
    .unwrap()
}

/// A settings file in `dir` that lists workspaces with these ids (named by them), and the list.
pub fn settings_listing(dir: &Path, ids: &[&str]) -> (SettingsFile, WorkspaceList) {
    let settings = SettingsFile::in_dir(dir);
    let mut list = WorkspaceList::default();
    for id in ids {
        list.upsert(WorkspaceSummary {
            id: (*id).into(),
            name: (*id).into(),
            base_url: "https://api.open.cx".into(),
            is_demo: false,
        });
    }
    settings.save(&list).unwrap();
    (settings, list)
}

pub fn directory(id: &str, name: &str) -> Directory {
    serde_json::from_value(json!({"id": id, "name": name})).unwrap()
}

pub fn segment(id: &str, name: &str) -> Segment {
    serde_json::from_value(json!({"id": id, "name": name})).unwrap()
}

/// A service whose data folder is a new temporary folder (dropped with it), keys in memory.
pub fn studio() -> (tempfile::TempDir, Studio) {
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
    (dir, studio)
}
