//! The last known workspace on disk, so the app starts with the list shown before any request
//! is answered and keeps working while open.cx cannot be reached: `<data dir>/cache/<workspace
//! id>.json` holds a [`CachedWorkspace`], written atomically after every load and kept current
//! after every change the session learns of. Writes are coalesced: a change only marks the
//! session dirty; one background writer (at most one write in flight) waits a moment, then
//! writes the session's latest state, so a burst makes few writes and no command waits on it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::error::{ErrorKind, Result, StudioError};
use crate::session::{Session, Studio};
use crate::workspace::WorkspaceData;

/// The cache's folder inside the app data dir.
pub const CACHE_DIR: &str = "cache";

/// How long the writer waits for more changes before it writes.
const COALESCE: Duration = Duration::from_millis(250);

/// The workspace as last loaded (and changed since), and when it was loaded from open.cx.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CachedWorkspace {
    pub data: WorkspaceData,
    pub fetched_at: DateTime<Utc>,
}

/// The cache files of one app data dir and their one writer.
#[derive(Debug)]
pub(crate) struct WorkspaceCache {
    root: PathBuf,
    writer: Mutex<Writer>,
}

#[derive(Debug, Default)]
struct Writer {
    /// The session whose state is to be written next (the latest wins).
    pending: Option<Weak<Session>>,
    /// Whether the background writer runs.
    running: bool,
}

impl WorkspaceCache {
    pub(crate) fn in_dir(data_dir: &Path) -> Self {
        WorkspaceCache {
            root: data_dir.join(CACHE_DIR),
            writer: Mutex::default(),
        }
    }

    /// Removes the workspace's kept copy (at sign-out, when asked).
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        atomic_file::remove_all(&self.path(workspace_id))
    }

    fn path(&self, workspace_id: &str) -> PathBuf {
        self.root.join(format!("{}.json", encode(workspace_id)))
    }

    /// Marks `session` as changed; its state is written soon, in the background.
    pub(crate) fn schedule(self: &Arc<Self>, session: Weak<Session>) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.pending = Some(session);
        if writer.running {
            return;
        }
        writer.running = true;
        let cache = Arc::clone(self);
        runtime.spawn(async move { cache.write_pending().await });
    }

    async fn write_pending(self: Arc<Self>) {
        loop {
            tokio::time::sleep(COALESCE).await;
            let next = {
                let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
                match writer.pending.take() {
                    Some(next) => next,
                    None => {
                        writer.running = false;
                        return;
                    }
                }
            };
            let cache = Arc::clone(&self);
            let written = atomic_file::off_thread("workspace cache", move || {
                match next.upgrade().and_then(|s| s.snapshot().map(|c| (s, c))) {
                    Some((session, snapshot)) => cache.write(&session.workspace.id, &snapshot),
                    None => Ok(()),
                }
            })
            .await;
            if let Err(e) = written {
                tracing::warn!(error = %e, "could not keep the workspace on disk");
            }
        }
    }

    fn write(&self, workspace_id: &str, cached: &CachedWorkspace) -> Result<()> {
        let path = self.path(workspace_id);
        let json = serde_json::to_vec(cached).map_err(|e| failed(&path, &e))?;
        atomic_file::write(&path, &json).map_err(|e| failed(&path, &e))
    }

    /// The cached workspace; `None` when there is none or it cannot be read (logged).
    pub(crate) fn read(&self, workspace_id: &str) -> Option<CachedWorkspace> {
        let path = self.path(workspace_id);
        let read = atomic_file::read_if_exists(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| match bytes {
                None => Ok(None),
                Some(b) => serde_json::from_slice(&b).map_err(|e| e.to_string()),
            });
        read.unwrap_or_else(|error| {
            tracing::warn!(file = %path.display(), %error, "the cached workspace is unreadable");
            None
        })
    }
}

fn failed(path: &Path, e: &dyn std::fmt::Display) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!(
            "Training Studio could not keep the workspace on this computer ({}): {e}.",
            path.display()
        ),
    )
}

impl Studio {
    /// The open workspace as last kept on this computer (the session's own copy once it has
    /// one, which the file follows), without any request; `None` when it was never loaded here.
    pub async fn cached_workspace(&self) -> Result<Option<CachedWorkspace>> {
        let session = self.require()?;
        if let Some(current) = session.snapshot() {
            return Ok(Some(current));
        }
        let workspace = session.workspace.id.clone();
        let cache = Arc::clone(&self.workspace_cache);
        atomic_file::off_thread("workspace cache", move || Ok(cache.read(&workspace))).await
    }

    /// After a load that could not reach open.cx: a session that knows nothing yet starts from
    /// the cached workspace, so reviews work and saves can wait in the outbox.
    pub(crate) async fn seed_from_disk(&self, session: &Session) {
        if session.cache().names.is_some() {
            return;
        }
        let workspace = session.workspace.id.clone();
        let cache = Arc::clone(&self.workspace_cache);
        let cached = atomic_file::off_thread("workspace cache", move || Ok(cache.read(&workspace)))
            .await
            .ok()
            .flatten();
        if let Some(cached) = cached {
            session.seed(cached);
            tracing::info!("offline: working from the workspace kept on this computer");
        }
    }
}
