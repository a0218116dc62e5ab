//! Organising the open workspace one thing at a time: create, delete, publish and unpublish a
//! training (a publish or unpublish is compared with what it promised and kept in the local
//! history); create, rename and delete directories (on the server where it has directory
//! routes, else local names). Each keeps the session's cache in step with the server.

use chrono::{DateTime, Utc};
use opencx::{CreateTraining, Training, TrainingType};

use crate::conflict::changed_on_open_cx;
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};
use crate::local_names::{self, checked_name};
use crate::promise::{Promise, Written};
use crate::session::Session;
use crate::workspace::DirectoryEntry;
use crate::Studio;

/// The title of a training made with "+".
pub const NEW_TITLE: &str = "New training";
/// The content of a training made with "+".
pub const NEW_CONTENT: &str = "Describe how the AI agent should answer.";

/// The answer to creating a directory where the server has no directory routes.
pub const NO_DIRECTORY_ROUTES: &str = "This open.cx workspace has no directory routes, so \
directories come from the trainings themselves; you can rename them here.";

/// The answer to deleting a directory that only exists because trainings point to it.
pub const DERIVED_DIRECTORY: &str = "This directory only exists because trainings point to it, \
so open.cx cannot delete it. Move its trainings to another directory (or No directory) and it \
disappears.";

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

    /// Creates a directory on the server; kind `unsupported` (with [`NO_DIRECTORY_ROUTES`])
    /// where it has no directory routes.
    pub async fn create_directory(&self, name: &str) -> Result<DirectoryEntry> {
        let name = checked_name(name)?;
        let session = self.require()?;
        let unsupported = || StudioError::new(ErrorKind::Unsupported, NO_DIRECTORY_ROUTES);
        if session.cache().directories_supported == Some(false) {
            return Err(unsupported());
        }
        let created = match session.client.create_directory(name).await {
            Ok(d) => d,
            Err(e) if e.kind() == opencx::ErrorKind::Unsupported => {
                session.cache().directories_supported = Some(false);
                return Err(unsupported());
            }
            Err(e) => return Err(e.into()),
        };
        let entry = DirectoryEntry {
            id: created.id,
            name: created.name,
            local_name_only: false,
        };
        if let Some(names) = session.cache().names.as_mut() {
            names.directories.push(entry.clone());
        }
        session.changed();
        Ok(entry)
    }

    /// Renames the directory on the server, or gives it a local name where the server does
    /// not know it (no directory routes, or a directory only the trainings point to).
    pub async fn rename_directory(&self, id: &str, name: &str) -> Result<DirectoryEntry> {
        let name = checked_name(name)?;
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        let local = session.cache().directories_supported == Some(false)
            || names
                .directories
                .iter()
                .any(|d| d.id == id && d.local_name_only);
        let entry = if local {
            let _admin = self.admin.lock().await;
            local_names::store(&self.settings, &session.workspace.id, id, name)?;
            DirectoryEntry {
                id: id.to_owned(),
                name: name.to_owned(),
                local_name_only: true,
            }
        } else {
            let renamed = session.client.rename_directory(id, name).await?;
            DirectoryEntry {
                id: renamed.id,
                name: renamed.name,
                local_name_only: false,
            }
        };
        if let Some(names) = session.cache().names.as_mut() {
            match names.directories.iter_mut().find(|d| d.id == entry.id) {
                Some(existing) => *existing = entry.clone(),
                None => names.directories.push(entry.clone()),
            }
        }
        session.changed();
        Ok(entry)
    }

    /// Deletes the directory on the server; its trainings go to no directory (the server does
    /// that; the cache follows). A directory only the trainings point to cannot be deleted.
    pub async fn delete_directory(&self, id: &str) -> Result<()> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        let derived = names
            .directories
            .iter()
            .any(|d| d.id == id && d.local_name_only);
        if derived || session.cache().directories_supported == Some(false) {
            return Err(StudioError::new(ErrorKind::Unsupported, DERIVED_DIRECTORY));
        }
        session.client.delete_directory(id).await?;
        let mut cache = session.cache();
        for training in cache.trainings.values_mut() {
            if training.directory_id.as_deref() == Some(id) {
                training.directory_id = None;
            }
        }
        if let Some(names) = cache.names.as_mut() {
            names.directories.retain(|d| d.id != id);
        }
        drop(cache);
        session.changed();
        Ok(())
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
