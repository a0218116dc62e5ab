//! The workspaces commands: which workspaces exist (the list in settings, their keys in the
//! keychain), resuming the last one at start, signing in and out, switching, the demo
//! workspace (its simulator started the first time), and how the open workspace's server
//! treats drafts (as learned by the check in `draft_check.rs`, and "Check again").

use std::sync::atomic::Ordering;
use std::sync::Arc;

use opencx::{ApiToken, Client, ListQuery};

use crate::demo::{DemoServer, DEMO_WORKSPACE_ID, DEMO_WORKSPACE_NAME};
use crate::draft_rules::DraftRules;
use crate::error::{ErrorKind, Result, StudioError};
use crate::open_workspace::Session;
use crate::secrets::SecretStore;
use crate::workspace::{WorkspaceList, WorkspaceSummary};

use super::Studio;

/// The API base URL used when the editor leaves "API base URL" empty.
pub const DEFAULT_BASE_URL: &str = "https://api.open.cx";

/// The exact sentence for a key open.cx refuses at sign-in.
pub const KEY_REJECTED: &str = "open.cx did not accept this API key (401). Create or copy a key \
in open.cx under Settings → Access.";

impl Studio {
    /// Every workspace signed in to on this computer, and the active one.
    pub fn list_workspaces(&self) -> Result<WorkspaceList> {
        self.settings.load()
    }

    /// The open workspace, else the last active one when its key is in the keychain (or it is
    /// the demo). `None` = show the sign-in screen.
    pub async fn resume_session(&self) -> Result<Option<WorkspaceSummary>> {
        let _admin = self.admin.lock().await;
        if self.demo_at_start.swap(false, Ordering::SeqCst) {
            return self.open_demo_locked(true).await.map(Some);
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
            return self.open_demo_locked(true).await.map(Some);
        }
        let Some(token) = self.keychain_get(&workspace.id).await? else {
            return Ok(None);
        };
        self.open_session(workspace.clone(), token)?;
        Ok(Some(workspace))
    }

    /// Starts what resuming at launch will need, so it is under way while the window and its
    /// page start: the read of the kept copy of the workspace that opens (on a thread of its
    /// own), and the demo's simulator when the demo opens (awaited here). Run it once, at
    /// launch, in the background; [`Studio::resume_session`] finds them started, or done.
    pub async fn warm_up(&self) {
        let Ok(list) = self.settings.load() else {
            return;
        };
        let demo_opens = self.demo_at_start.load(Ordering::SeqCst)
            || list
                .active_id
                .as_deref()
                .and_then(|id| list.find(id))
                .is_some_and(|w| w.is_demo);
        let opening = if demo_opens {
            Some(DEMO_WORKSPACE_ID)
        } else {
            list.active_id.as_deref()
        };
        if let Some(id) = opening {
            self.workspace_cache.read_early(id);
        }
        if demo_opens {
            let mut demo = self.demo.lock().await;
            if demo.is_none() {
                // A failure is said when the demo is opened: it is started again there.
                *demo = DemoServer::start(&self.data_dir, &self.demo_seed)
                    .await
                    .ok();
            }
        }
    }

    /// Checks the key with one request, the training list's first page; only then stores it in
    /// the keychain and the workspace in settings, and opens it. Then learns how its server
    /// treats drafts (`draft_check.rs`); or, when that and the list would not fit in one minute's
    /// rate budget, keeps the page for the first load (so it is not asked twice) and leaves the
    /// check to that load, after the list.
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
        // The key is checked with the list's first page, which the first load then starts from.
        let first_page = match client
            .list_trainings(&opencx::first_page(&ListQuery::default()))
            .await
        {
            Ok(page) => page,
            Err(err) => {
                return Err(match err.kind() {
                    opencx::ErrorKind::Unauthorized => {
                        StudioError::new(ErrorKind::Unauthorized, KEY_REJECTED)
                    }
                    _ => err.into(),
                })
            }
        };
        // A workspace whose list and the draft rules' check would not fit together in one
        // minute's rate budget: its first load starts from this page instead of asking again,
        // and the check waits until the list is complete.
        let list_needs_the_budget = !rules_check_fits_beside_the_list(&client, first_page.total);

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
        // When the check's requests would push the first load's list past the rate budget, the
        // load checks once the list is complete; until then every write takes the safest path.
        if list_needs_the_budget {
            session.keep_head_start(first_page);
            session.set_rules(DraftRules::default());
        } else if let Err(err) = self.learn_rules(&session).await {
            tracing::warn!(%err, "the draft rules could not be kept");
        }
        Ok(workspace)
    }

    /// Opens the demo workspace (starting its simulator the first time).
    pub async fn open_demo(&self) -> Result<WorkspaceSummary> {
        let _admin = self.admin.lock().await;
        self.open_demo_locked(true).await
    }

    /// Opens a workspace for a script (the command line) without making it the app's active
    /// one: the demo for `None` (its simulator started), else the workspace the app knows by
    /// `name` (exactly, or without regard to case when only one matches), with its key from
    /// the keychain.
    pub async fn open_for_script(&self, name: Option<&str>) -> Result<WorkspaceSummary> {
        let _admin = self.admin.lock().await;
        let Some(name) = name else {
            return self.open_demo_locked(false).await;
        };
        let list = self.settings.load()?;
        let named: Vec<&WorkspaceSummary> = list.workspaces.iter().filter(|w| !w.is_demo).collect();
        let exact: Vec<_> = named.iter().filter(|w| w.name == name).collect();
        let alike: Vec<_> = named
            .iter()
            .filter(|w| w.name.to_lowercase() == name.to_lowercase())
            .collect();
        let workspace = match (&exact[..], &alike[..]) {
            ([one], _) | ([], [one]) => (**one).clone(),
            _ => {
                let known: Vec<String> = named.iter().map(|w| format!("“{}”", w.name)).collect();
                let known = if known.is_empty() {
                    "none yet: add one in the app first".to_owned()
                } else {
                    known.join(", ")
                };
                return Err(StudioError::invalid_input(format!(
                    "No single workspace is named “{name}” in Training Studio (known: {known})."
                )));
            }
        };
        let token = self.keychain_get(&workspace.id).await?.ok_or_else(|| {
            StudioError::new(
                ErrorKind::Unauthorized,
                format!(
                    "The API key for “{}” is not in your system's keychain. Sign in to it in the \
                     app first.",
                    workspace.name
                ),
            )
        })?;
        self.open_session(workspace.clone(), token)?;
        Ok(workspace)
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
            return self.open_demo_locked(true).await;
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
    /// trainings, unsaved edits (journal), changes waiting to be sent (outbox), history and
    /// example questions.
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
            self.examples.forget_workspace(id),
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

    /// Opens `workspace` with `token`, closing the one open before.
    fn open_session(&self, workspace: WorkspaceSummary, token: ApiToken) -> Result<()> {
        let client = self.client(&workspace.base_url, token)?;
        self.set_session(Some(self.new_session(workspace, client)));
        Ok(())
    }

    /// The session of `workspace`, with the draft rules kept for it.
    fn new_session(&self, workspace: WorkspaceSummary, client: Client) -> Arc<Session> {
        let rules = self.settings.draft_rules(&workspace.id);
        Session::open(workspace, client, rules, Arc::clone(&self.workspace_cache))
    }

    /// Opens the demo, made the active workspace in settings when `remember`; the caller holds
    /// `admin`.
    async fn open_demo_locked(&self, remember: bool) -> Result<WorkspaceSummary> {
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
        if remember {
            let mut list = self.settings.load()?;
            list.upsert(workspace.clone());
            list.active_id = Some(workspace.id.clone());
            self.settings.save(&list)?;
        }
        let already_open = self.current().is_some_and(|s| s.workspace == workspace);
        if !already_open {
            self.open_session(workspace.clone(), token)?;
        }
        let session = self.require()?;
        self.check_rules_if_needed(&session).await;
        Ok(workspace)
    }

    /// The open workspace's rules, as kept.
    pub fn draft_rules(&self) -> Result<DraftRules> {
        Ok(self.require()?.rules())
    }

    /// "Check again": learns the open workspace's rules now and keeps them.
    pub async fn check_draft_rules(&self) -> Result<DraftRules> {
        let session = self.require()?;
        let _admin = self.admin.lock().await;
        self.learn_rules(&session).await
    }

    /// Runs the check for `session` when its rules were never learned or the last check
    /// failed (a failure is kept in the rules; one to keep them on disk is logged). The
    /// caller holds the studio's `admin` lock.
    pub(super) async fn check_rules_if_needed(&self, session: &Session) {
        if !session.rules().needs_check() {
            return;
        }
        if let Err(err) = self.learn_rules(session).await {
            tracing::warn!(%err, "the draft rules could not be kept");
        }
    }

    /// Learns `session`'s rules, one check at a time per session, and keeps them in the
    /// session and on disk. The caller holds the studio's `admin` lock (the settings file is
    /// written).
    async fn learn_rules(&self, session: &Session) -> Result<DraftRules> {
        let _one_check = session.checking.lock().await;
        let rules = crate::draft_check::learn(&session.client).await;
        session.set_rules(rules.clone());
        self.settings
            .keep_draft_rules(&session.workspace.id, &rules)?;
        Ok(rules)
    }
}

/// Whether the draft rules' check (up to [`crate::draft_check::MOST_REQUESTS`]) and the list of
/// `total` trainings (⌈total/100⌉ requests, the sign-in's first page among them) fit together in
/// one minute of `client`'s rate budget.
fn rules_check_fits_beside_the_list(client: &Client, total: u64) -> bool {
    let budget = u64::from(client.requests_per_minute());
    let list = total.div_ceil(u64::from(opencx::PAGE_SIZE)).max(1);
    budget == 0 || list + u64::from(crate::draft_check::MOST_REQUESTS) <= budget
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorKind;
    use crate::test_support::studio;

    #[test]
    fn the_rules_check_waits_for_the_list_when_both_would_not_fit_in_a_minute() {
        let client = |per_minute| {
            let mut config = opencx::ClientConfig::new(
                "http://127.0.0.1:9",
                opencx::ApiToken::new("ocx_live_x"),
            );
            config.requests_per_minute = per_minute;
            opencx::Client::new(config).unwrap()
        };
        // 94 pages and the check's 6 requests: 100.
        assert!(super::rules_check_fits_beside_the_list(&client(100), 9_400));
        assert!(!super::rules_check_fits_beside_the_list(
            &client(100),
            9_401
        ));
        assert!(!super::rules_check_fits_beside_the_list(
            &client(100),
            10_000
        ));
        assert!(super::rules_check_fits_beside_the_list(
            &client(0),
            10_000_000
        ));
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
}
