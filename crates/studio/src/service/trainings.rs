//! The trainings commands that read: load the open workspace (falling back on the copy kept on
//! this computer when open.cx cannot be reached), the copy kept on disk itself, search,
//! preview, and the review of what a save would change. Saving is in `save.rs`.

use std::collections::BTreeMap;

use opencx::{ListQuery, Training};

use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::local_names;
use crate::open_workspace::Session;
use crate::preview::PreviewBlock;
use crate::review::{self, Review};
use crate::workspace::{TrainingsArrived, WorkspaceData};
use crate::workspace_cache::CachedWorkspace;

use super::Studio;

impl Studio {
    /// All trainings, directories (the server's, or derived) and segments of the open
    /// workspace. When open.cx cannot be reached the error comes back as it is, and a session
    /// that knows nothing yet starts from the workspace kept on disk. After a load that
    /// worked, the draft rules are checked when the last check failed or never ran.
    pub async fn load_workspace(&self) -> Result<WorkspaceData> {
        self.load_workspace_as_it_arrives(drop).await
    }

    /// [`Studio::load_workspace`], telling `on_page` each page of trainings as it arrives (the
    /// list first; the segments, the directories and the draft rules' check after it).
    pub async fn load_workspace_as_it_arrives(
        &self,
        on_page: impl FnMut(TrainingsArrived),
    ) -> Result<WorkspaceData> {
        let session = self.require()?;
        let local = self.local_names(&session)?;
        let loaded = session.load(&local, on_page).await;
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
    pub(super) fn local_names(&self, session: &Session) -> Result<BTreeMap<String, String>> {
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

    /// The markdown's preview, block by block, with the sanitized HTML of the blocks whose keys
    /// are not in `known` (the blocks the page shows).
    pub fn render_preview(&self, markdown: &str, known: &[String]) -> Vec<PreviewBlock> {
        crate::preview::preview_blocks(markdown, known)
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
        let draft_save = session.draft_save();
        Ok(review::review(
            &server,
            draft,
            publish,
            draft_save,
            names.names(),
        ))
    }

    /// The open workspace as last kept on this computer (the session's own copy once it has
    /// one, which the file follows), without any request; `None` when it was never loaded here.
    pub async fn cached_workspace(&self) -> Result<Option<CachedWorkspace>> {
        let session = self.require()?;
        if let Some(current) = session.snapshot() {
            return Ok(Some(current));
        }
        self.workspace_cache
            .read_off_thread(&session.workspace.id)
            .await
    }

    /// After a load that could not reach open.cx: a session that knows nothing yet starts from
    /// the cached workspace, so reviews work and saves can wait in the outbox.
    async fn seed_from_disk(&self, session: &Session) {
        if session.cache().names.is_some() {
            return;
        }
        let cached = self
            .workspace_cache
            .read_off_thread(&session.workspace.id)
            .await
            .ok()
            .flatten();
        if let Some(cached) = cached {
            session.seed(cached);
            tracing::info!("offline: working from the workspace kept on this computer");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorKind;
    use crate::test_support::studio;
    use crate::workspace::WorkspaceList;

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

    #[test]
    fn preview_goes_through_the_sanitizer() {
        let (_dir, studio) = studio();
        let blocks = studio.render_preview("<b onclick=x()>hi</b>\n\nsame", &[]);
        assert_eq!(blocks[0].html.as_deref(), Some("<p><b>hi</b></p>\n"));
        let known = [blocks[1].key.clone()];
        let again = studio.render_preview("<b onclick=x()>hi</b>\n\nsame", &known);
        assert_eq!(again[1].html, None);
    }
}
