//! The example questions commands: the open workspace's questions as kept on this computer
//! (`example_store.rs`), adding, changing and removing one, running their checks (`examples.rs`,
//! over the trainings as last loaded and their full-text index, on the blocking pool) with or
//! without one training's unsaved edit, and export to and import from a file the editor chose.
//! Nothing here is sent to open.cx.

use std::path::PathBuf;

use chrono::Utc;

use crate::atomic_file;
use crate::error::{Result, StudioError};
use crate::example_store::{self, ExampleBook, ExampleStore, ImportSummary};
use crate::examples::{self, CheckRun, ExampleQuestion, Workspace};
use crate::reach::ReachEdit;

use super::Studio;

impl Studio {
    /// The open workspace's example questions and their last results.
    pub async fn example_questions(&self) -> Result<ExampleBook> {
        let workspace = self.require()?.workspace.id.clone();
        self.on_examples(move |store| store.load(&workspace)).await
    }

    /// Adds `question` (an empty id: a new one) or replaces the one with its id; its last
    /// result goes, since it may no longer hold.
    pub async fn keep_example_question(&self, question: ExampleQuestion) -> Result<ExampleBook> {
        let workspace = self.require()?.workspace.id.clone();
        let mut question = question.checked()?;
        if question.id.trim().is_empty() {
            question.id = uuid::Uuid::new_v4().to_string();
        }
        self.on_examples(move |store| {
            store.change(&workspace, |book| {
                book.results.remove(&question.id);
                match book.questions.iter_mut().find(|q| q.id == question.id) {
                    Some(kept) => *kept = question,
                    None => book.questions.push(question),
                }
                Ok(())
            })
        })
        .await
    }

    /// Removes the question with this id (and its last result).
    pub async fn remove_example_question(&self, id: &str) -> Result<ExampleBook> {
        let workspace = self.require()?.workspace.id.clone();
        let id = id.to_owned();
        self.on_examples(move |store| {
            store.change(&workspace, |book| {
                book.questions.retain(|q| q.id != id);
                book.results.remove(&id);
                Ok(())
            })
        })
        .await
    }

    /// Runs the checks: all of them, their results kept as the last ones; or, with one
    /// training's unsaved edit, before and after it (nothing kept: the edit is not saved).
    pub async fn run_example_checks(&self, edit: Option<ReachEdit>) -> Result<CheckRun> {
        let session = self.require()?;
        let workspace = session.workspace.id.clone();
        let book = self.example_questions().await?;
        if book.questions.is_empty() {
            return Ok(CheckRun {
                results: Vec::new(),
                changes: Vec::new(),
            });
        }
        let names = session.names(&self.local_names(&session)?).await?;
        let keep = edit.is_none();
        let run = atomic_file::off_thread("check of the example questions", move || {
            let mut cache = session.cache();
            let (trainings, index) = cache.indexed_trainings()?;
            let workspace = Workspace {
                trainings,
                index,
                segments: names.segments(),
            };
            examples::run(&book.questions, &workspace, edit.as_ref(), Utc::now())
        })
        .await?;
        if keep {
            let results = run.results.clone();
            self.on_examples(move |store| {
                store.change(&workspace, |book| {
                    book.results = results
                        .into_iter()
                        .filter(|r| book.questions.iter().any(|q| q.id == r.question_id))
                        .map(|r| (r.question_id.clone(), r))
                        .collect();
                    Ok(())
                })
            })
            .await?;
        }
        Ok(run)
    }

    /// Writes the open workspace's questions to `path`; answers what was done, in words.
    pub async fn export_example_questions(&self, path: PathBuf) -> Result<String> {
        let book = self.example_questions().await?;
        let count = book.questions.len();
        atomic_file::off_thread("export of the example questions", move || {
            example_store::export(&path, &book)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(match count {
                1 => format!("Exported 1 example question to “{name}”."),
                n => format!("Exported {n} example questions to “{name}”."),
            })
        })
        .await
    }

    /// Reads an exported file at `path` and merges its questions into the open workspace's, by
    /// id; nothing is imported when one question is wrong.
    pub async fn import_example_questions(&self, path: PathBuf) -> Result<ImportSummary> {
        let session = self.require()?;
        let workspace = session.workspace.id.clone();
        self.on_examples(move |store| {
            let incoming = example_store::read_export(&path)?;
            let mut summary = None;
            store.change(&workspace, |book| {
                let cache = session.cache();
                let known = |id: &str| cache.trainings.contains_key(id);
                summary = Some(example_store::merge(book, incoming, known));
                Ok(())
            })?;
            summary.ok_or_else(|| StudioError::invalid_input("Nothing was imported."))
        })
        .await
    }

    /// Runs a call on the example store on the blocking pool (it syncs files to disk).
    async fn on_examples<T: Send + 'static>(
        &self,
        call: impl FnOnce(&ExampleStore) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = self.examples.clone();
        atomic_file::off_thread("example questions", move || call(&store)).await
    }
}

#[cfg(test)]
mod tests {
    use opencx::Channel;

    use crate::error::ErrorKind;
    use crate::examples::{ExampleCheck, ExampleQuestion};
    use crate::test_support::studio;

    fn question() -> ExampleQuestion {
        ExampleQuestion {
            id: String::new(),
            training_id: "late".into(),
            question: "Where is my parcel?".into(),
            channel: Channel::Web,
            segment_ids: Vec::new(),
            check: ExampleCheck::UsesThisTraining,
        }
    }

    #[tokio::test]
    async fn example_questions_need_an_open_workspace() {
        let (_dir, studio) = studio();
        for err in [
            studio.example_questions().await.unwrap_err(),
            studio.keep_example_question(question()).await.unwrap_err(),
            studio.run_example_checks(None).await.unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::NoWorkspace);
        }
    }
}
