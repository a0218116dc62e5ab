//! The directories commands: create, rename (on the server, or a local name where the server
//! does not know the directory) and delete (its trainings go to no directory). Each keeps the
//! session's cache in step with the server.

use crate::error::{ErrorKind, Result, StudioError};
use crate::local_names::{self, checked_name};
use crate::workspace::DirectoryEntry;

use super::Studio;

/// The answer to creating a directory where the server has no directory routes.
pub const NO_DIRECTORY_ROUTES: &str = "This open.cx workspace has no directory routes, so \
directories come from the trainings themselves; you can rename them here.";

/// The answer to deleting a directory that only exists because trainings point to it.
pub const DERIVED_DIRECTORY: &str = "This directory only exists because trainings point to it, \
so open.cx cannot delete it. Move its trainings to another directory (or No directory) and it \
disappears.";

impl Studio {
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
