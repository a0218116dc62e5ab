//! The files commands: export the open workspace (or one directory) to a folder, plan an
//! import of a folder against open.cx as it is now, and start the one bulk job that applies a
//! plan, after the editor settled its conflicts. The app's shell and the command line both call
//! these.

use std::path::PathBuf;

use crate::atomic_file::off_thread;
use crate::error::{ErrorKind, Result, StudioError};
use crate::jobs::JobId;
use crate::workspace_files::{self, ConflictChoice, ExportSummary, ImportPlan, Target};

use super::Studio;

impl Studio {
    /// Writes the trainings as last loaded (loading them first when nothing is) to `folder`:
    /// all of them, or those of directory `directory_id`.
    pub async fn export_to_folder(
        &self,
        folder: PathBuf,
        directory_id: Option<String>,
    ) -> Result<ExportSummary> {
        let session = self.require()?;
        let data = match session.snapshot() {
            Some(cached) => cached.data,
            None => self.load_workspace().await?,
        };
        if let Some(id) = &directory_id {
            if !data.directories.iter().any(|d| &d.id == id) {
                return Err(StudioError::new(
                    ErrorKind::NotFound,
                    "That directory is no longer in this workspace. Reload, then export again.",
                ));
            }
        }
        let workspace = session.workspace.clone();
        off_thread("export", move || {
            workspace_files::export(&data, &workspace, directory_id.as_deref(), &folder)
        })
        .await
    }

    /// Loads the open workspace from open.cx and compares `folder` with it: what importing
    /// would change (saved as drafts, or published when `publish`), and what it leaves out.
    /// The plan is kept for [`Studio::start_import`].
    pub async fn plan_import(&self, folder: PathBuf, publish: bool) -> Result<ImportPlan> {
        let session = self.require()?;
        let data = self.load_workspace().await?;
        let workspace = session.workspace.clone();
        let draft_save = session.draft_save();
        let plan = off_thread("import", move || {
            let contents = workspace_files::read_folder(&folder)?;
            let target = Target {
                data: &data,
                workspace: &workspace,
                draft_save,
                publish,
            };
            Ok(workspace_files::plan(&contents, &target))
        })
        .await?;
        *self.kept_plan() = Some(plan.clone());
        Ok(plan)
    }

    /// Settles a conflict of the plan kept for [`Studio::start_import`] as the editor chose in
    /// the conflict view, and answers the plan as it now is.
    pub fn settle_import_conflict(&self, path: &str, choice: ConflictChoice) -> Result<ImportPlan> {
        let session = self.require()?;
        let names = session.cache().names.clone().unwrap_or_default();
        let mut kept = self.kept_plan();
        let plan = kept.as_mut().ok_or_else(choose_again)?;
        plan.settle(path, choice, session.draft_save(), names.names())?;
        Ok(plan.clone())
    }

    /// Starts the bulk job that applies the last plan (with its deletions when
    /// `delete_missing`); a training changed on open.cx since the plan is left as it is (a
    /// conflict). A plan is applied once.
    pub fn start_import(&self, delete_missing: bool) -> Result<JobId> {
        let plan = self.kept_plan().take().ok_or_else(choose_again)?;
        let (request, seen) = plan.job(delete_missing);
        self.start_job(request, seen).inspect_err(|_| {
            // Not started (another job runs): the plan stays for the next try.
            *self.kept_plan() = Some(plan);
        })
    }

    fn kept_plan(&self) -> std::sync::MutexGuard<'_, Option<ImportPlan>> {
        self.import_plan.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// No plan is kept: it was applied, or never read.
fn choose_again() -> StudioError {
    StudioError::invalid_input(
        "Choose the folder to import again: its changes were already applied or never read.",
    )
}
