//! The open workspace ([`Session`]): its client, how its server treats drafts (as last
//! learned), and what was loaded from it (trainings, directory and segment names), kept in step
//! with every answer open.cx gives and written to disk in the background as it changes
//! (`workspace_cache.rs`). The full-text index of its trainings (`search_index.rs`) lives
//! beside them in the same lock: made at the first question that needs it, then changed with
//! every training kept, forgotten or loaded. The service (`service/`) opens one per signed-in
//! workspace.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use opencx::{Client, ListQuery, Segment, Training, TrainingPage, LIST_ALL_CONCURRENCY};

use crate::derived_names::directory_entries;
use crate::differences::differences;
use crate::draft_rules::{DraftRules, DraftSave};
use crate::error::{Result, StudioError};
use crate::moves::without_identical_draft;
use crate::promise::Promise;
use crate::review::Names;
use crate::search_index::TrainingIndex;
use crate::workspace::{DirectoryEntry, TrainingsArrived, WorkspaceData, WorkspaceSummary};
use crate::workspace_cache::{CachedWorkspace, SnapshotSource, WorkspaceCache};

/// The open workspace: its client and what was loaded from it (kept on disk as it changes).
pub(crate) struct Session {
    pub(crate) workspace: WorkspaceSummary,
    pub(crate) client: Client,
    /// How this workspace's server treats drafts, as last learned (also kept on disk).
    rules: Mutex<DraftRules>,
    /// Held while the draft rules are checked: one check at a time.
    pub(crate) checking: tokio::sync::Mutex<()>,
    cache: Mutex<Cache>,
    disk: Arc<WorkspaceCache>,
    /// The list's first page as the sign-in's key check received it, and when: the first load
    /// starts from it instead of asking again (see [`HEAD_START_FRESH_FOR`]).
    head_start: Mutex<Option<(Instant, TrainingPage)>>,
    me: Weak<Session>,
}

/// How long the sign-in's first page stands in for the first load's: a load later than this
/// asks again rather than show a page that may have changed.
const HEAD_START_FRESH_FOR: Duration = Duration::from_secs(10);

#[derive(Default)]
pub(crate) struct Cache {
    pub(crate) trainings: HashMap<String, Training>,
    /// The full-text index of `trainings`; `None` until a question needs it, and again after
    /// an update failed (it is then made anew at the next question).
    index: Option<TrainingIndex>,
    pub(crate) names: Option<NameLists>,
    /// `Some(false)` once the server answered that it has no directory routes.
    pub(crate) directories_supported: Option<bool>,
    /// When everything was last loaded from open.cx.
    fetched_at: Option<DateTime<Utc>>,
}

impl Cache {
    /// The trainings and their full-text index, made now when there is none.
    pub(crate) fn indexed_trainings(
        &mut self,
    ) -> Result<(&HashMap<String, Training>, &TrainingIndex)> {
        let index = match &mut self.index {
            Some(index) => index,
            empty => empty.insert(TrainingIndex::build(self.trainings.values())?),
        };
        Ok((&self.trainings, index))
    }

    /// Brings the index in step with the training `id` as cached (or gone).
    fn reindex(&mut self, id: &str) {
        let Some(index) = self.index.as_mut() else {
            return;
        };
        let updated = match self.trainings.get(id) {
            Some(training) => index.put(training),
            None => index.remove(id),
        };
        if updated.is_err() {
            self.index = None;
        }
    }

    /// Brings the index in step with every cached training: only what changed is indexed again.
    fn reindex_all(&mut self) {
        let Some(index) = self.index.as_mut() else {
            return;
        };
        if index.sync(self.trainings.values()).is_err() {
            self.index = None;
        }
    }
}

/// What turns ids into words in a review.
#[derive(Clone, Default)]
pub(crate) struct NameLists {
    pub(crate) directories: Vec<DirectoryEntry>,
    segments: Vec<Segment>,
}

impl NameLists {
    /// The names as a review takes them.
    pub(crate) fn names(&self) -> Names<'_> {
        Names {
            directories: &self.directories,
            segments: &self.segments,
        }
    }

    pub(crate) fn segments(&self) -> &[Segment] {
        &self.segments
    }
}

impl Session {
    /// The session of `workspace` through `client`, with the draft rules kept for it; its
    /// changes are written to `disk`.
    pub(crate) fn open(
        workspace: WorkspaceSummary,
        client: Client,
        rules: DraftRules,
        disk: Arc<WorkspaceCache>,
    ) -> Arc<Session> {
        Arc::new_cyclic(|me| Session {
            workspace,
            client,
            rules: Mutex::new(rules),
            checking: tokio::sync::Mutex::new(()),
            cache: Mutex::new(Cache::default()),
            disk,
            head_start: Mutex::new(None),
            me: me.clone(),
        })
    }

    pub(crate) fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Caches the server's answer and returns it as the UI is shown it.
    pub(crate) fn keep(&self, training: Training) -> Training {
        let training = without_identical_draft(training);
        let mut cache = self.cache();
        cache
            .trainings
            .insert(training.id.clone(), training.clone());
        cache.reindex(&training.id);
        drop(cache);
        self.changed();
        training
    }

    /// The workspace's draft rules as last learned.
    pub(crate) fn rules(&self) -> DraftRules {
        self.rules.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set_rules(&self, rules: DraftRules) {
        *self.rules.lock().unwrap_or_else(|e| e.into_inner()) = rules;
    }

    /// What a saved draft does on this workspace, as last learned.
    pub(crate) fn draft_save(&self) -> DraftSave {
        self.rules().draft_save
    }

    /// How `answer` differs from `promise`, named with what the session has loaded.
    pub(crate) fn differences(&self, promise: &Promise, answer: &Training) -> Vec<String> {
        let names = self.cache().names.clone().unwrap_or_default();
        differences(promise, answer, names.names())
    }

    pub(crate) fn forget(&self, id: &str) {
        let mut cache = self.cache();
        cache.trainings.remove(id);
        cache.reindex(id);
        drop(cache);
        self.changed();
    }

    /// The cache changed: it is written to disk soon, in the background.
    pub(crate) fn changed(&self) {
        let me: Weak<dyn SnapshotSource> = self.me.clone();
        self.disk.schedule(me);
    }

    /// The cache as the workspace cache file holds it; `None` before the first load.
    pub(crate) fn snapshot(&self) -> Option<CachedWorkspace> {
        let cache = self.cache();
        let (names, fetched_at) = (cache.names.as_ref()?, cache.fetched_at?);
        let mut trainings: Vec<Training> = cache.trainings.values().cloned().collect();
        trainings.sort_by(|a, b| (a.shown_title(), &a.id).cmp(&(b.shown_title(), &b.id)));
        Some(CachedWorkspace {
            data: WorkspaceData {
                trainings,
                directories: names.directories.clone(),
                directories_supported: cache.directories_supported.unwrap_or(true),
                segments: names.segments.clone(),
            },
            fetched_at,
        })
    }

    /// Starts from a cached workspace (nothing loaded yet, open.cx unreachable).
    pub(crate) fn seed(&self, cached: CachedWorkspace) {
        let mut cache = self.cache();
        let data = cached.data;
        cache.trainings = data
            .trainings
            .into_iter()
            .map(|t| (t.id.clone(), t))
            .collect();
        cache.reindex_all();
        cache.names = Some(NameLists {
            directories: data.directories,
            segments: data.segments,
        });
        cache.directories_supported = Some(data.directories_supported);
        cache.fetched_at = Some(cached.fetched_at);
    }

    pub(crate) async fn training(&self, id: &str) -> Result<Training> {
        let cached = self.cache().trainings.get(id).cloned();
        match cached {
            Some(training) => Ok(training),
            None => Ok(self.keep(self.client.get_training(id).await?)),
        }
    }

    /// Keeps `page`, the first page of the whole list just received, for the first load.
    pub(crate) fn keep_head_start(&self, page: TrainingPage) {
        *self.head_start.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), page));
    }

    /// The kept first page while it is fresh; taken once.
    fn take_head_start(&self) -> Option<TrainingPage> {
        let kept = self
            .head_start
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        kept.filter(|(at, _)| at.elapsed() <= HEAD_START_FRESH_FOR)
            .map(|(_, page)| page)
    }

    /// Caches trainings a load just received, so what needs the session's copy (reviews, "What
    /// will the AI see?") works on what has arrived while the rest of the list loads.
    fn keep_arrived(&self, trainings: &[Training]) {
        let mut cache = self.cache();
        for training in trainings {
            cache
                .trainings
                .insert(training.id.clone(), training.clone());
            cache.reindex(&training.id);
        }
    }

    /// Loads everything the main view shows and caches it; `local` names the derived
    /// directories. The training list comes first, page by page, each told to `on_page` as it
    /// arrives: with a workspace of 10,000 its ⌈N/100⌉ requests take the whole minute's rate
    /// budget, so the segments and the directories are asked only once the list is complete.
    pub(crate) async fn load(
        &self,
        local: &BTreeMap<String, String>,
        mut on_page: impl FnMut(TrainingsArrived),
    ) -> Result<WorkspaceData> {
        let everything = ListQuery::default();
        let mut loaded = 0;
        let trainings = self
            .client
            .list_all_trainings_as_they_arrive(
                &everything,
                self.take_head_start(),
                LIST_ALL_CONCURRENCY,
                |page, total| {
                    loaded += page.len();
                    let trainings: Vec<Training> =
                        page.iter().cloned().map(without_identical_draft).collect();
                    self.keep_arrived(&trainings);
                    on_page(TrainingsArrived {
                        workspace_id: self.workspace.id.clone(),
                        trainings,
                        loaded: u32::try_from(loaded).unwrap_or(u32::MAX),
                        total: u32::try_from(total).unwrap_or(u32::MAX),
                    });
                },
            )
            .await;
        let trainings = trainings?;
        let (segments, directories) =
            tokio::join!(self.client.list_segments(), self.client.list_directories());
        let trainings: Vec<Training> = trainings.into_iter().map(without_identical_draft).collect();
        let segments = segments?;
        let (server_directories, directories_supported) = match directories {
            Ok(list) => (Some(list), true),
            Err(e) if e.kind() == opencx::ErrorKind::Unsupported => (None, false),
            Err(e) => return Err(e.into()),
        };
        let directories = directory_entries(server_directories.as_deref(), &trainings, local);
        let mut cache = self.cache();
        cache.fetched_at = Some(Utc::now());
        cache.directories_supported = Some(directories_supported);
        cache.trainings = trainings
            .iter()
            .map(|t| (t.id.clone(), t.clone()))
            .collect();
        cache.reindex_all();
        cache.names = Some(NameLists {
            directories: directories.clone(),
            segments: segments.clone(),
        });
        drop(cache);
        self.changed();
        Ok(WorkspaceData {
            trainings,
            directories,
            directories_supported,
            segments,
        })
    }

    /// Directory and segment names, loading them the first time.
    pub(crate) async fn names(&self, local: &BTreeMap<String, String>) -> Result<NameLists> {
        if let Some(names) = self.cache().names.clone() {
            return Ok(names);
        }
        self.load(local, drop).await?;
        self.cache()
            .names
            .clone()
            .ok_or_else(StudioError::no_workspace)
    }
}

impl SnapshotSource for Session {
    fn workspace_id(&self) -> &str {
        &self.workspace.id
    }

    fn snapshot(&self) -> Option<CachedWorkspace> {
        Session::snapshot(self)
    }
}
