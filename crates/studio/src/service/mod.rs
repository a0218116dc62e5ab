//! [`Studio`], the service the desktop shell calls: one per app, shared by every command. This
//! file holds the service's state and its construction; its commands are in one file per
//! command group of the shell (`src-tauri/src/commands/`):
//!
//! - `workspaces.rs`: list, resume, sign in and out, switch, the demo, and the draft rules of
//!   the open workspace (as learned, "Check again");
//! - `trainings.rs`: load the open workspace (or the copy kept on disk), search, preview and
//!   review; `save.rs`: the trainings commands that write an edit (save, save as a separate
//!   draft);
//! - `organise.rs`: create, delete, publish and unpublish one training;
//! - `directories.rs`, `jobs.rs` (bulk jobs), `journal.rs` (unsaved edits), `outbox.rs`
//!   (changes waiting to be sent), `history.rs` (versions kept on this computer), `reach.rs`
//!   (what the AI would be given for a customer's message), `examples.rs` (example questions and
//!   their checks, kept on this computer), `chat_try.rs` (a question tried on the workspace's
//!   live AI), `radar.rs` (the health of the training being written, the workspace check-up),
//!   `similar.rs` (the trainings like the one being edited), `find_replace.rs` (find and
//!   replace across trainings; its writes are a bulk job), `files.rs` (export to a folder of
//!   files, and import from one).
//!
//! The open workspace itself is a [`Session`] (`open_workspace.rs`); the stores the service
//! writes through (settings, journal, history, workspace cache, outbox, job board) know nothing
//! of the service. No Tauri here.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use opencx::{ApiToken, Client, ClientConfig, RetryObserver};

use crate::demo::{DemoSeed, DemoServer};
use crate::error::{Result, StudioError};
use crate::example_store::ExampleStore;
use crate::history::History;
use crate::job_board::JobBoard;
use crate::journal::Journal;
use crate::open_workspace::Session;
use crate::outbox::Outbox;
use crate::secrets::SecretStore;
use crate::settings::SettingsFile;
use crate::workspace_cache::WorkspaceCache;
use crate::workspace_files::ImportPlan;

mod chat_try;
mod directories;
mod examples;
mod files;
mod find_replace;
mod history;
mod jobs;
mod journal;
mod organise;
mod outbox;
mod radar;
mod reach;
mod save;
mod similar;
mod trainings;
mod workspaces;

pub use directories::{DERIVED_DIRECTORY, NO_DIRECTORY_ROUTES};
pub use organise::{NEW_CONTENT, NEW_TITLE};
pub use save::SaveOutcome;
pub use workspaces::{DEFAULT_BASE_URL, KEY_REJECTED};

/// The app's service: one per app, shared by every command.
pub struct Studio {
    data_dir: PathBuf,
    settings: SettingsFile,
    journal: Journal,
    history: History,
    workspace_cache: Arc<WorkspaceCache>,
    outbox: Outbox,
    examples: ExampleStore,
    /// Held while the outbox is being sent: one send at a time.
    sending: tokio::sync::Mutex<()>,
    secrets: Arc<dyn SecretStore>,
    demo_seed: DemoSeed,
    demo_at_start: AtomicBool,
    retry_observer: RwLock<Option<RetryObserver>>,
    /// The client-side rate budget of every client opened (`None` = the client's default, 100).
    requests_per_minute: Option<u32>,
    /// How long a client opened waits for an answer (`None` = the client's default).
    request_timeout: Option<Duration>,
    /// Serializes what changes the workspace list, the settings file or the open session.
    admin: tokio::sync::Mutex<()>,
    session: Mutex<Option<Arc<Session>>>,
    demo: tokio::sync::Mutex<Option<DemoServer>>,
    jobs: Arc<JobBoard>,
    /// The last import plan made (`files.rs`): what "Import" applies, so the window never
    /// names a file to write.
    import_plan: Mutex<Option<ImportPlan>>,
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
            examples: ExampleStore::in_dir(&data_dir),
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
            import_plan: Mutex::new(None),
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
            if !outbox::in_background() {
                hook(wait, attempt);
            }
        });
        *self
            .retry_observer
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(observer);
    }

    /// The open workspace, if one is open.
    fn current(&self) -> Option<Arc<Session>> {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The open workspace; kind `no_workspace` when none is open.
    fn require(&self) -> Result<Arc<Session>> {
        self.current().ok_or_else(StudioError::no_workspace)
    }

    /// Makes `session` the open workspace (`None`: none is open).
    fn set_session(&self, session: Option<Arc<Session>>) {
        *self.session.lock().unwrap_or_else(|e| e.into_inner()) = session;
    }

    /// A client of `base_url` with `token`, told the retry hook and this service's rate budget
    /// and timeout.
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
}
