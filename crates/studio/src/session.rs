//! [`Studio`], the service the desktop shell calls: signing in and out of workspaces (keys in
//! the keychain, the list in settings), the demo workspace, and the open workspace's work:
//! loading, searching, previewing and reviewing trainings. Saving is in `save.rs`, organising
//! trainings and directories in `organise.rs`, bulk jobs in `job_board.rs`. No Tauri here.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::Duration;

use chrono::{DateTime, Utc};
use opencx::{ApiToken, Client, ClientConfig, ListQuery, RetryObserver, Segment, Training};

use crate::demo::{DemoSeed, DemoServer, DEMO_WORKSPACE_ID, DEMO_WORKSPACE_NAME};
use crate::draft::TrainingDraft;
use crate::draft_rules::{self, DraftRules};
use crate::error::{ErrorKind, Result, StudioError};
use crate::history::History;
use crate::job_board::JobBoard;
use crate::journal::Journal;
use crate::local_names;
use crate::moves::without_identical_draft;
use crate::outbox::Outbox;
use crate::review::{self, Names, Review};
use crate::secrets::SecretStore;
use crate::settings::SettingsFile;
use crate::workspace::{
    directory_entries, DirectoryEntry, WorkspaceData, WorkspaceList, WorkspaceSummary,
};
use crate::workspace_cache::{CachedWorkspace, WorkspaceCache};

/// The API base URL used when the editor leaves "API base URL" empty.
pub const DEFAULT_BASE_URL: &str = "https://api.open.cx";

/// The exact sentence for a key open.cx refuses at sign-in.
pub const KEY_REJECTED: &str = "open.cx did not accept this API key (401). Create or copy a key \
in open.cx under Settings → Access.";

/// The app's service: one per app, shared by every command.
pub struct Studio {
    data_dir: PathBuf,
    pub(crate) settings: SettingsFile,
    pub(crate) journal: Journal,
    pub(crate) history: History,
    pub(crate) workspace_cache: Arc<WorkspaceCache>,
    pub(crate) outbox: Outbox,
    /// Held while the outbox is being sent: one send at a time.
    pub(crate) sending: tokio::sync::Mutex<()>,
    secrets: Arc<dyn SecretStore>,
    demo_seed: DemoSeed,
    demo_at_start: AtomicBool,
    retry_observer: RwLock<Option<RetryObserver>>,
    /// The client-side rate budget of every client opened (`None` = the client's default, 100).
    requests_per_minute: Option<u32>,
    /// How long a client opened waits for an answer (`None` = the client's default).
    request_timeout: Option<Duration>,
    /// Serializes what changes the workspace list, the settings file or the open session.
    pub(crate) admin: tokio::sync::Mutex<()>,
    session: Mutex<Option<Arc<Session>>>,
    demo: tokio::sync::Mutex<Option<DemoServer>>,
    pub(crate) jobs: Arc<JobBoard>,
}

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
    me: Weak<Session>,
}

#[derive(Default)]
pub(crate) struct Cache {
    pub(crate) trainings: HashMap<String, Training>,
    pub(crate) names: Option<NameLists>,
    /// `Some(false)` once the server answered that it has no directory routes.
    pub(crate) directories_supported: Option<bool>,
    /// When everything was last loaded from open.cx.
    fetched_at: Option<DateTime<Utc>>,
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
}

impl Session {
    pub(crate) fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Caches the server's answer and returns it as the UI is shown it.
    pub(crate) fn keep(&self, training: Training) -> Training {
        let training = without_identical_draft(training);
        self.cache()
            .trainings
            .insert(training.id.clone(), training.clone());
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

    pub(crate) fn forget(&self, id: &str) {
        self.cache().trainings.remove(id);
        self.changed();
    }

    /// The cache changed: it is written to disk soon, in the background.
    pub(crate) fn changed(&self) {
        self.disk.schedule(self.me.clone());
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

    /// Loads everything the main view shows and caches it; `local` names the derived
    /// directories.
    pub(crate) async fn load(&self, local: &BTreeMap<String, String>) -> Result<WorkspaceData> {
        let everything = ListQuery::default();
        let (trainings, segments, directories) = tokio::join!(
            self.client.list_all_trainings(&everything),
            self.client.list_segments(),
            self.client.list_directories(),
        );
        let trainings: Vec<Training> = trainings?
            .into_iter()
            .map(without_identical_draft)
            .collect();
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
        self.load(local).await?;
        self.cache()
            .names
            .clone()
            .ok_or_else(StudioError::no_workspace)
    }
}

impl Studio {
    /// The service with its settings in `data_dir` and its keys in `secrets`. The data folder
    /// is made (or, when it predates that rule, made again) private to the user, before anything
    /// is written in it.
    pub fn new(data_dir: impl Into<PathBuf>, secrets: Box<dyn SecretStore>) -> Self {
        let data_dir = data_dir.into();
        if let Err(e) = crate::atomic_file::private_folder(&data_dir) {
            tracing::warn!("could not make the data folder private to this user: {e}");
        }
        Studio {
            settings: SettingsFile::in_dir(&data_dir),
            journal: Journal::in_dir(&data_dir),
            history: History::in_dir(&data_dir),
            workspace_cache: Arc::new(WorkspaceCache::in_dir(&data_dir)),
            outbox: Outbox::in_dir(&data_dir),
            sending: tokio::sync::Mutex::new(()),
            data_dir,
            secrets: Arc::from(secrets),
            demo_seed: DemoSeed::default(),
            demo_at_start: AtomicBool::new(false),
            retry_observer: RwLock::new(None),
            requests_per_minute: None,
            request_timeout: None,
            admin: tokio::sync::Mutex::new(()),
            session: Mutex::new(None),
            demo: tokio::sync::Mutex::new(None),
            jobs: Arc::new(JobBoard::default()),
        }
    }

    /// The simulator seed of the demo workspace (default `demo`).
    pub fn with_demo_seed(mut self, seed: DemoSeed) -> Self {
        self.demo_seed = seed;
        self
    }

    /// The rate budget of the clients opened from now on (requests per minute; 0 = none), for
    /// servers whose limit differs from open.cx's documented 100 (tests, benchmarks).
    pub fn with_requests_per_minute(mut self, per_minute: u32) -> Self {
        self.requests_per_minute = Some(per_minute);
        self
    }

    /// How long the clients opened from now on wait for an answer before giving up (tests of
    /// a server that hangs).
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(timeout);
        self
    }

    /// Makes the first [`Studio::resume_session`] open the demo instead of the last workspace.
    pub fn with_demo_at_start(self, on: bool) -> Self {
        self.demo_at_start.store(on, Ordering::SeqCst);
        self
    }

    /// Told `(wait, attempt)` whenever a client opened from now on waits before a retry (a
    /// `Retry-After` or a backoff), so the UI can say it is waiting.
    /// Waits of a background send of the outbox are not told: nobody is waiting for it.
    pub fn set_retry_hook(&self, hook: impl Fn(Duration, u32) + Send + Sync + 'static) {
        let observer = RetryObserver::new(move |wait, attempt| {
            if !crate::outbox_replay::in_background() {
                hook(wait, attempt);
            }
        });
        *self
            .retry_observer
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(observer);
    }

    pub fn list_workspaces(&self) -> Result<WorkspaceList> {
        self.settings.load()
    }

    /// The open workspace, else the last active one when its key is in the keychain (or it is
    /// the demo). `None` = show the sign-in screen.
    pub async fn resume_session(&self) -> Result<Option<WorkspaceSummary>> {
        let _admin = self.admin.lock().await;
        if self.demo_at_start.swap(false, Ordering::SeqCst) {
            return self.open_demo_locked().await.map(Some);
        }
        if let Some(session) = self.current() {
            return Ok(Some(session.workspace.clone()));
        }
        let list = self.settings.load()?;
        let Some(workspace) = list
            .active_id
            .as_deref()
            .and_then(|id| list.find(id))
            .cloned()
        else {
            return Ok(None);
        };
        if workspace.is_demo {
            return self.open_demo_locked().await.map(Some);
        }
        let Some(token) = self.keychain_get(&workspace.id).await? else {
            return Ok(None);
        };
        self.open_session(workspace.clone(), token)?;
        Ok(Some(workspace))
    }

    /// Checks the key with one `GET /training?limit=1`; only then stores it in the keychain and
    /// the workspace in settings, and opens it. Then learns how its server treats drafts
    /// (`draft_check.rs`).
    pub async fn sign_in(
        &self,
        name: &str,
        base_url: &str,
        api_key: &str,
    ) -> Result<WorkspaceSummary> {
        let name = name.trim();
        let api_key = api_key.trim();
        let base_url = match base_url.trim() {
            "" => DEFAULT_BASE_URL,
            url => url.trim_end_matches('/'),
        };
        if name.is_empty() {
            return Err(StudioError::invalid_input(
                "Give the workspace a name, for example your team's name.",
            ));
        }
        if api_key.is_empty() {
            return Err(StudioError::invalid_input(
                "Paste an API key. Create or copy one in open.cx under Settings → Access.",
            ));
        }
        let token = ApiToken::new(api_key);
        let client = self.client(base_url, token.clone())?;
        let probe = ListQuery {
            limit: Some(1),
            ..ListQuery::default()
        };
        if let Err(err) = client.list_trainings(&probe).await {
            return Err(match err.kind() {
                opencx::ErrorKind::Unauthorized => {
                    StudioError::new(ErrorKind::Unauthorized, KEY_REJECTED)
                }
                _ => err.into(),
            });
        }

        let _admin = self.admin.lock().await;
        let mut list = self.settings.load()?;
        let id = list
            .workspaces
            .iter()
            .find(|w| !w.is_demo && w.name == name && w.base_url == base_url)
            .map(|w| w.id.clone())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let workspace = WorkspaceSummary {
            id: id.clone(),
            name: name.to_owned(),
            base_url: base_url.to_owned(),
            is_demo: false,
        };
        let stored = token.clone();
        let key_id = id.clone();
        self.keychain(move |s| s.set(&key_id, &stored)).await?;
        list.upsert(workspace.clone());
        list.active_id = Some(id.clone());
        if let Err(err) = self.settings.save(&list) {
            // Without the settings entry the key would be unreachable: take it back out.
            let key_id = id.clone();
            let _ = self.keychain(move |s| s.delete(&key_id)).await;
            return Err(err);
        }
        let session = self.new_session(workspace.clone(), client);
        self.set_session(Some(Arc::clone(&session)));
        tracing::info!(workspace = %workspace.name, "signed in");
        // A workspace just added learns how its server treats drafts before anything is
        // written to it; a failed check is kept as a problem and does not undo the sign-in.
        if let Err(err) = self.learn_rules(&session).await {
            tracing::warn!(%err, "the draft rules could not be kept");
        }
        Ok(workspace)
    }

    /// Opens the demo workspace (starting its simulator the first time).
    pub async fn open_demo(&self) -> Result<WorkspaceSummary> {
        let _admin = self.admin.lock().await;
        self.open_demo_locked().await
    }

    /// Opens another known workspace with its key from the keychain.
    pub async fn switch_workspace(&self, id: &str) -> Result<WorkspaceSummary> {
        let _admin = self.admin.lock().await;
        let mut list = self.settings.load()?;
        let workspace = list.find(id).cloned().ok_or_else(|| {
            StudioError::new(
                ErrorKind::NotFound,
                "That workspace is no longer in the list. Add it again with its API key.",
            )
        })?;
        if workspace.is_demo {
            return self.open_demo_locked().await;
        }
        let token = self.keychain_get(id).await?.ok_or_else(|| {
            StudioError::new(
                ErrorKind::Unauthorized,
                format!(
                    "The API key for \"{}\" is no longer in your system's keychain. Sign in again \
                     with a key from open.cx (Settings → Access).",
                    workspace.name
                ),
            )
        })?;
        self.open_session(workspace.clone(), token)?;
        list.active_id = Some(workspace.id.clone());
        self.settings.save(&list)?;
        Ok(workspace)
    }

    /// Deletes the workspace's key from the keychain, forgets the workspace and closes it if
    /// it is open. Signing out of the demo stops its simulator (its saved state stays). With
    /// `remove_local_data`, what this computer keeps of the workspace goes too: its cached
    /// trainings, unsaved edits (journal), changes waiting to be sent (outbox) and history.
    pub async fn sign_out(&self, id: &str, remove_local_data: bool) -> Result<WorkspaceList> {
        let _admin = self.admin.lock().await;
        let mut list = self.settings.load()?;
        let is_demo = list
            .find(id)
            .map(|w| w.is_demo)
            .unwrap_or(id == DEMO_WORKSPACE_ID);
        if is_demo {
            if let Some(server) = self.demo.lock().await.take() {
                server.stop().await;
            }
        } else {
            let key_id = id.to_owned();
            self.keychain(move |s| s.delete(&key_id)).await?;
        }
        list.remove(id);
        self.settings.save(&list)?;
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        if session.as_ref().is_some_and(|s| s.workspace.id == id) {
            *session = None;
        }
        drop(session);
        if remove_local_data {
            self.remove_local_data(id)?;
        }
        tracing::info!("signed out of a workspace");
        Ok(list)
    }

    /// Removes the files this computer keeps of a workspace (after its session closed, so no
    /// background write brings one back).
    fn remove_local_data(&self, id: &str) -> Result<()> {
        let removed = [
            self.workspace_cache.forget_workspace(id),
            self.journal.forget_workspace(id),
            self.outbox.forget_workspace(id),
            self.history.forget_workspace(id),
        ];
        match removed.into_iter().find_map(|r| r.err()) {
            None => Ok(()),
            Some(e) => Err(StudioError::new(
                ErrorKind::Io,
                format!(
                    "You are signed out, but Training Studio could not remove all of this \
                     workspace's data from this computer ({e}). Its folder is {}.",
                    self.data_dir.display()
                ),
            )),
        }
    }

    /// All trainings, directories (the server's, or derived) and segments of the open
    /// workspace. When open.cx cannot be reached the error comes back as it is, and a session
    /// that knows nothing yet starts from the workspace kept on disk. After a load that
    /// worked, the draft rules are checked when the last check failed or never ran.
    pub async fn load_workspace(&self) -> Result<WorkspaceData> {
        let session = self.require()?;
        let local = self.local_names(&session)?;
        let loaded = session.load(&local).await;
        match &loaded {
            Err(e) if e.kind().is_unreachable() => self.seed_from_disk(&session).await,
            Err(_) => {}
            Ok(_) => {
                let _admin = self.admin.lock().await;
                self.check_rules_if_needed(&session).await;
            }
        }
        loaded
    }

    /// The editor's names for the derived directories of the session's workspace.
    pub(crate) fn local_names(&self, session: &Session) -> Result<BTreeMap<String, String>> {
        local_names::load(&self.settings, &session.workspace.id)
    }

    /// The ids of the trainings the server's search matches (title or content).
    pub async fn search_trainings(&self, query: &str) -> Result<Vec<String>> {
        let session = self.require()?;
        let query = query.trim();
        let q = ListQuery {
            search: (!query.is_empty()).then(|| query.to_owned()),
            ..ListQuery::default()
        };
        let found = session.client.list_all_trainings(&q).await?;
        Ok(found.into_iter().map(|t| t.id).collect())
    }

    /// The training as the server has it now.
    pub async fn get_training(&self, id: &str) -> Result<Training> {
        let session = self.require()?;
        Ok(session.keep(session.client.get_training(id).await?))
    }

    /// Sanitized HTML of the markdown.
    pub fn render_preview(&self, markdown: &str) -> String {
        crate::preview::render(markdown)
    }

    /// What saving (or publishing) `draft` over training `id` would change.
    pub async fn review_changes(
        &self,
        id: &str,
        draft: &TrainingDraft,
        publish: bool,
    ) -> Result<Review> {
        let session = self.require()?;
        let server = session.training(id).await?;
        let names = session.names(&self.local_names(&session)?).await?;
        let draft_save = self.draft_save();
        Ok(review::review(
            &server,
            draft,
            publish,
            draft_save,
            names.names(),
        ))
    }

    /// Runs a keychain call on the blocking pool: the OS may take a while (an unlock prompt).
    async fn keychain<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn SecretStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let secrets = Arc::clone(&self.secrets);
        tokio::task::spawn_blocking(move || call(secrets.as_ref()))
            .await
            .unwrap_or_else(|_| Err(StudioError::keychain_unavailable()))
    }

    async fn keychain_get(&self, workspace_id: &str) -> Result<Option<ApiToken>> {
        let id = workspace_id.to_owned();
        self.keychain(move |s| s.get(&id)).await
    }

    fn current(&self) -> Option<Arc<Session>> {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub(crate) fn require(&self) -> Result<Arc<Session>> {
        self.current().ok_or_else(StudioError::no_workspace)
    }

    fn set_session(&self, session: Option<Arc<Session>>) {
        *self.session.lock().unwrap_or_else(|e| e.into_inner()) = session;
    }

    fn open_session(&self, workspace: WorkspaceSummary, token: ApiToken) -> Result<()> {
        let client = self.client(&workspace.base_url, token)?;
        self.set_session(Some(self.new_session(workspace, client)));
        Ok(())
    }

    fn client(&self, base_url: &str, token: ApiToken) -> Result<Client> {
        let mut config = ClientConfig::new(base_url, token);
        config.on_retry_wait = self
            .retry_observer
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(per_minute) = self.requests_per_minute {
            config.requests_per_minute = per_minute;
        }
        if let Some(timeout) = self.request_timeout {
            config.total_timeout = timeout;
        }
        Ok(Client::new(config)?)
    }

    /// Opens the demo; the caller holds `admin`.
    async fn open_demo_locked(&self) -> Result<WorkspaceSummary> {
        let mut demo = self.demo.lock().await;
        if demo.is_none() {
            *demo = Some(DemoServer::start(&self.data_dir, &self.demo_seed).await?);
        }
        let server = demo.as_ref().ok_or_else(StudioError::no_workspace)?;
        let workspace = WorkspaceSummary {
            id: DEMO_WORKSPACE_ID.into(),
            name: DEMO_WORKSPACE_NAME.into(),
            base_url: server.base_url(),
            is_demo: true,
        };
        let token = server.token().clone();
        drop(demo);
        let mut list = self.settings.load()?;
        list.upsert(workspace.clone());
        list.active_id = Some(workspace.id.clone());
        self.settings.save(&list)?;
        let already_open = self.current().is_some_and(|s| s.workspace == workspace);
        if !already_open {
            self.open_session(workspace.clone(), token)?;
        }
        let session = self.require()?;
        self.check_rules_if_needed(&session).await;
        Ok(workspace)
    }
}

impl Studio {
    fn new_session(&self, workspace: WorkspaceSummary, client: Client) -> Arc<Session> {
        let rules = draft_rules::load(&self.settings, &workspace.id);
        Arc::new_cyclic(|me| Session {
            workspace,
            client,
            rules: Mutex::new(rules),
            checking: tokio::sync::Mutex::new(()),
            cache: Mutex::new(Cache::default()),
            disk: Arc::clone(&self.workspace_cache),
            me: me.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::MemoryStore;

    fn studio() -> (tempfile::TempDir, Studio) {
        let dir = tempfile::tempdir().unwrap();
        let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
        (dir, studio)
    }

    #[tokio::test]
    async fn workspace_calls_before_sign_in_say_no_workspace() {
        let (_dir, studio) = studio();
        assert_eq!(
            studio.load_workspace().await.unwrap_err().kind(),
            ErrorKind::NoWorkspace
        );
        assert_eq!(
            studio.get_training("t").await.unwrap_err().kind(),
            ErrorKind::NoWorkspace
        );
        assert_eq!(
            studio.search_trainings("x").await.unwrap_err().kind(),
            ErrorKind::NoWorkspace
        );
        assert!(studio.resume_session().await.unwrap().is_none());
        assert_eq!(studio.list_workspaces().unwrap(), WorkspaceList::default());
    }

    #[tokio::test]
    async fn sign_in_refuses_blank_fields_without_a_request() {
        let (_dir, studio) = studio();
        let err = studio.sign_in(" ", "", "ocx_live_x").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err = studio.sign_in("Support", "", "  ").await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.message().contains("Settings → Access"));
    }

    #[tokio::test]
    async fn invalid_draft_is_refused_before_anything_else() {
        let (_dir, studio) = studio();
        let draft = TrainingDraft {
            title: String::new(),
            content: "x".into(),
            training_type: opencx::TrainingType::default(),
            directory_id: None,
            restricted_to_channels: vec![],
            restricted_to_segments: vec![],
        };
        let base = crate::test_support::training("t");
        let err = studio
            .save_training("t", &draft, true, base)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn preview_goes_through_the_sanitizer() {
        let (_dir, studio) = studio();
        assert_eq!(
            studio.render_preview("<b onclick=x()>hi</b>"),
            "<p><b>hi</b></p>\n"
        );
    }
}
