//! The last known workspace on disk, so the app starts with the list shown before any request
//! is answered and keeps working while open.cx cannot be reached: `<data dir>/cache/<workspace
//! id>.json` holds a [`CachedWorkspace`], written atomically after every load and kept current
//! after every change the open workspace learns of. Writes are coalesced: a change only marks
//! its [`SnapshotSource`] dirty; one background writer (at most one write in flight) waits a
//! moment, then asks that source for its latest state and writes it, so a burst makes few
//! writes and no command waits on it. At launch the workspace about to be resumed can be read
//! early, while the window starts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::error::{ErrorKind, Result, StudioError};
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

/// What the writer writes: a workspace's state as it is when the write happens.
pub(crate) trait SnapshotSource: Send + Sync {
    fn workspace_id(&self) -> &str;
    /// The state to keep on disk; `None` while there is nothing to keep (before a first load).
    fn snapshot(&self) -> Option<CachedWorkspace>;
}

/// The cache files of one app data dir and their one writer.
pub(crate) struct WorkspaceCache {
    root: PathBuf,
    writer: Mutex<Writer>,
    /// A read started at launch ([`WorkspaceCache::read_early`]), taken by the first read of
    /// that workspace.
    early: Mutex<Option<EarlyRead>>,
}

/// A workspace's cache file being read on a thread of its own.
struct EarlyRead {
    workspace_id: String,
    done: tokio::sync::oneshot::Receiver<Option<CachedWorkspace>>,
}

#[derive(Default)]
struct Writer {
    /// The source whose state is to be written next (the latest wins); gone = nothing to write.
    pending: Option<Weak<dyn SnapshotSource>>,
    /// Whether the background writer runs.
    running: bool,
}

impl WorkspaceCache {
    pub(crate) fn in_dir(data_dir: &Path) -> Self {
        WorkspaceCache {
            root: data_dir.join(CACHE_DIR),
            writer: Mutex::default(),
            early: Mutex::default(),
        }
    }

    /// Starts reading the workspace's cache file now, on a thread of its own (no async runtime
    /// needed), so that it is parsed while the window and its page start; the first read of
    /// that workspace takes the result. A read of another workspace, or a later one, reads anew.
    pub(crate) fn read_early(self: &Arc<Self>, workspace_id: &str) {
        let (tx, done) = tokio::sync::oneshot::channel();
        let (cache, id) = (Arc::clone(self), workspace_id.to_owned());
        let spawned = std::thread::Builder::new()
            .name("workspace cache".into())
            .spawn(move || {
                let _ = tx.send(cache.read(&id));
            });
        if spawned.is_ok() {
            *self.early.lock().unwrap_or_else(|e| e.into_inner()) = Some(EarlyRead {
                workspace_id: workspace_id.to_owned(),
                done,
            });
        }
    }

    /// Removes the workspace's kept copy (at sign-out, when asked).
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        let mut early = self.early.lock().unwrap_or_else(|e| e.into_inner());
        early.take_if(|read| read.workspace_id == workspace_id);
        drop(early);
        atomic_file::remove_all(&self.path(workspace_id))
    }

    fn path(&self, workspace_id: &str) -> PathBuf {
        self.root.join(format!("{}.json", encode(workspace_id)))
    }

    /// Marks `source` as changed; its state is written soon, in the background.
    pub(crate) fn schedule(self: &Arc<Self>, source: Weak<dyn SnapshotSource>) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        writer.pending = Some(source);
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
                    Some((source, snapshot)) => cache.write(source.workspace_id(), &snapshot),
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

    /// [`WorkspaceCache::read`] on the blocking pool.
    pub(crate) async fn read_off_thread(
        self: &Arc<Self>,
        workspace_id: &str,
    ) -> Result<Option<CachedWorkspace>> {
        let early = self
            .early
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take_if(|read| read.workspace_id == workspace_id);
        if let Some(Ok(read)) = match early {
            Some(read) => Some(read.done.await),
            None => None,
        } {
            return Ok(read);
        }
        let (cache, workspace_id) = (Arc::clone(self), workspace_id.to_owned());
        atomic_file::off_thread("workspace cache", move || Ok(cache.read(&workspace_id))).await
    }

    /// The cached workspace; `None` when there is none or it cannot be read (logged).
    fn read(&self, workspace_id: &str) -> Option<CachedWorkspace> {
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
