//! The organise commands, on single trainings beyond editing: create, delete, publish and
//! unpublish a training (a publish or unpublish is compared with what it promised and kept in
//! the local history). Each keeps the session's cache in step with the server.

use chrono::{DateTime, Utc};
use opencx::{CreateTraining, Training, TrainingType};

use crate::conflict::changed_on_open_cx;
use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::open_workspace::Session;
use crate::promise::{Promise, Written};

use super::Studio;

/// The title of a training made with "+".
pub const NEW_TITLE: &str = "New training";
/// The content of a training made with "+".
pub const NEW_CONTENT: &str = "Describe how the AI agent should answer.";

impl Studio {
    /// Creates a draft "New training" in `directory_id` (`None` = no directory).
    pub async fn create_training(&self, directory_id: Option<String>) -> Result<Training> {
        let session = self.require()?;
        let body = CreateTraining {
            title: NEW_TITLE.into(),
            content: NEW_CONTENT.into(),
            training_type: TrainingType::ScenarioSpecific,
            is_draft: true,
            directory_id,
            ..CreateTraining::default()
        };
        let created = session.client.create_training(&body).await?;
        Ok(session.keep(created))
    }

    /// Deletes the training on the server (one already gone counts as deleted). With `seen`
    /// (the `updated_at` the editor saw) a training open.cx has another version of is left as
    /// it is: kind `conflict`.
    pub async fn delete_training(&self, id: &str, seen: Option<DateTime<Utc>>) -> Result<()> {
        let session = self.require()?;
        if let Some(seen) = seen {
            match session.client.get_training(id).await {
                Ok(fresh) => {
                    guard(&session, fresh, seen)?;
                }
                Err(e) if e.kind() == opencx::ErrorKind::NotFound => {
                    session.forget(id);
                    return Ok(());
                }
                Err(e) => return Err(e.into()),
            }
        }
        match session.client.delete_training(id).await {
            Ok(()) => {}
            Err(e) if e.kind() == opencx::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
        session.forget(id);
        Ok(())
    }

    /// Publishes (the draft becomes the live version) or takes the training out of use; the
    /// result is compared with that promise and kept as a version in the local history. With
    /// `seen`, guarded like a delete.
    pub async fn set_published(
        &self,
        id: &str,
        published: bool,
        seen: Option<DateTime<Utc>>,
    ) -> Result<Written> {
        let session = self.require()?;
        let before = match seen {
            Some(seen) => guard(&session, session.client.get_training(id).await?, seen)?,
            None => session.training(id).await?,
        };
        let promise = Promise::of_set_published(&before, published);
        let training = session.keep(session.client.set_draft(id, !published).await?);
        let differences = session.differences(&promise, &training);
        let sent = TrainingDraft::from_training(&training);
        self.history
            .keep(
                &session.workspace.id,
                published,
                sent,
                training.clone(),
                differences.clone(),
            )
            .await;
        Ok(Written {
            training,
            differences,
        })
    }
}

/// Refuses (kind `conflict`) when open.cx's version (`fresh`, kept for the view) is not the one
/// the editor saw; else answers it.
fn guard(session: &Session, fresh: Training, seen: DateTime<Utc>) -> Result<Training> {
    if fresh.updated_at == seen {
        return Ok(fresh);
    }
    let fresh = session.keep(fresh);
    Err(changed_on_open_cx(fresh.shown_title()))
}
