//! The journal commands, the service's side of crash recovery: the editor's unsaved form
//! written to the local journal of the open workspace (`journal.rs`) as the editor types,
//! listed back after a restart, and discarded when the editor says so. Nothing here talks to
//! open.cx.

use crate::atomic_file;
use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::journal::{Journal, JournalEntry, RecoveredEdit};

use super::Studio;

impl Studio {
    /// Keeps the editor's unsaved form of training `id` in the journal (local only).
    pub async fn journal_write(
        &self,
        id: &str,
        draft: TrainingDraft,
        base_updated_at: Option<String>,
    ) -> Result<()> {
        let workspace = self.require()?.workspace.id.clone();
        let entry = JournalEntry {
            training_id: id.to_owned(),
            draft,
            base_updated_at,
            written_at: chrono::Utc::now(),
        };
        self.on_journal(move |j| j.write(&workspace, &entry)).await
    }

    /// The unsaved edits of the open workspace found in the journal, newest first. An edit
    /// kept before the form edited the schedule takes the window the workspace holds for its
    /// training, so offering it back never clears one.
    pub async fn journal_list(&self) -> Result<Vec<RecoveredEdit>> {
        let session = self.require()?;
        let workspace = session.workspace.id.clone();
        let entries = self.on_journal(move |j| j.list(&workspace)).await?;
        let cache = session.cache();
        Ok(entries
            .into_iter()
            .map(|mut entry| {
                if let Some(training) = cache.trainings.get(&entry.training_id) {
                    entry.draft = entry.draft.with_window_of(training);
                }
                RecoveredEdit::from(entry)
            })
            .collect())
    }

    /// Forgets the unsaved edit of training `id` in the open workspace.
    pub async fn journal_discard(&self, id: &str) -> Result<()> {
        let workspace = self.require()?.workspace.id.clone();
        let id = id.to_owned();
        self.on_journal(move |j| j.remove(&workspace, &id)).await
    }

    /// Runs a journal call on the blocking pool (it syncs files to disk).
    async fn on_journal<T: Send + 'static>(
        &self,
        call: impl FnOnce(&Journal) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let journal = self.journal.clone();
        atomic_file::off_thread("journal of unsaved changes", move || call(&journal)).await
    }
}

#[cfg(test)]
mod tests {
    use crate::secrets::MemoryStore;
    use crate::test_support::studio;
    use crate::{ErrorKind, Studio, TrainingDraft};

    #[tokio::test]
    async fn journal_commands_need_a_workspace_and_follow_a_save() {
        let (dir, studio) = studio();
        let err = studio.journal_list().await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoWorkspace);

        let sim = opencx_sim::spawn(opencx_sim::SimConfig {
            seed: "demo".parse().unwrap(),
            ..opencx_sim::SimConfig::default()
        })
        .await
        .unwrap();
        studio
            .sign_in("Support", &sim.base_url(), "ocx_test_full")
            .await
            .unwrap();
        let training = &studio.load_workspace().await.unwrap().trainings[0];
        let mut draft = TrainingDraft::from_training(training);
        draft.title = "Typed before the crash".into();
        let sent_before = sim.requests().len();
        studio
            .journal_write(&training.id, draft.clone(), Some("2025-01-01".into()))
            .await
            .unwrap();
        assert_eq!(
            sim.requests().len(),
            sent_before,
            "the journal is local only"
        );

        // A new service on the same data dir: the next start.
        let again = Studio::new(dir.path(), Box::new(MemoryStore::new()));
        again
            .sign_in("Support", &sim.base_url(), "ocx_test_full")
            .await
            .unwrap();
        let found = again.journal_list().await.unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].training_id, training.id);
        assert_eq!(found[0].title, "Typed before the crash");
        assert_eq!(found[0].draft, draft);
        let on_disk = std::fs::read_to_string(
            dir.path()
                .join("journal")
                .read_dir()
                .unwrap()
                .next()
                .unwrap()
                .unwrap()
                .path()
                .read_dir()
                .unwrap()
                .next()
                .unwrap()
                .unwrap()
                .path(),
        )
        .unwrap();
        assert!(!on_disk.contains("ocx_test_full"));

        again
            .save_training(&training.id, &draft, false, training.clone())
            .await
            .unwrap();
        assert!(again.journal_list().await.unwrap().is_empty());

        again
            .journal_write(&training.id, draft, None)
            .await
            .unwrap();
        again.journal_discard(&training.id).await.unwrap();
        assert!(again.journal_list().await.unwrap().is_empty());
        sim.shutdown().await;
    }

    #[tokio::test]
    async fn an_edit_kept_before_the_form_edited_the_schedule_comes_back_with_the_trainings_window()
    {
        let (dir, studio) = studio();
        let sim = opencx_sim::spawn(opencx_sim::SimConfig {
            seed: "demo".parse().unwrap(),
            ..opencx_sim::SimConfig::default()
        })
        .await
        .unwrap();
        studio
            .sign_in("Support", &sim.base_url(), "ocx_test_full")
            .await
            .unwrap();
        let training = studio.load_workspace().await.unwrap().trainings[0].clone();
        let mut scheduled = TrainingDraft::from_training(&training);
        scheduled.end_time = Some("2027-01-01T00:00:00Z".parse().unwrap());
        studio
            .save_training(&training.id, &scheduled, true, training.clone())
            .await
            .unwrap();
        let mut edit = TrainingDraft::from_training(&training);
        edit.title = "Typed by an older version".into();
        studio
            .journal_write(&training.id, edit, None)
            .await
            .unwrap();
        // Rewrite the entry as an older version kept it: no start_time, no end_time.
        let file = walk(&dir.path().join("journal"));
        let mut old: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        let draft = old["draft"].as_object_mut().unwrap();
        draft.remove("start_time");
        draft.remove("end_time");
        std::fs::write(&file, serde_json::to_vec(&old).unwrap()).unwrap();

        let found = studio.journal_list().await.unwrap();
        assert_eq!(found[0].draft.title, "Typed by an older version");
        assert_eq!(
            (found[0].draft.start_time, found[0].draft.end_time),
            (scheduled.start_time, scheduled.end_time),
            "offering it back keeps the training's window"
        );
        sim.shutdown().await;
    }

    /// The one file under `dir`.
    fn walk(dir: &std::path::Path) -> std::path::PathBuf {
        let mut path = dir.to_path_buf();
        while path.is_dir() {
            path = path.read_dir().unwrap().next().unwrap().unwrap().path();
        }
        path
    }
}
