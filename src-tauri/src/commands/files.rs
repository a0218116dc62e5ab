//! Keeping the workspace as files: export the open workspace (or one directory) to a folder,
//! read a folder into an import plan (shown in the review), settle its conflicts, and start the
//! bulk job that applies the plan last read. The folder is chosen in the system's chooser, opened from here
//! ([`FileChooser`]); the window never names a path, and the job applies only the plan the
//! service kept (`start_job` refuses an import named by the window).

use studio::{ConflictChoice, ExportSummary, ImportPlan, JobId, Studio, StudioError};
use tauri::State;

use super::examples::{FileAsk, FileChooser};

/// Exports to a folder the editor chooses; `None` when they cancel.
#[tauri::command]
pub async fn export_to_folder(
    studio: State<'_, Studio>,
    files: State<'_, FileChooser>,
    directory_id: Option<String>,
) -> Result<Option<ExportSummary>, StudioError> {
    match files.choose(FileAsk::Folder).await? {
        Some(folder) => studio
            .export_to_folder(folder, directory_id)
            .await
            .map(Some),
        None => Ok(None),
    }
}

/// Compares a folder the editor chooses with open.cx; `None` when they cancel.
#[tauri::command]
pub async fn plan_import(
    studio: State<'_, Studio>,
    files: State<'_, FileChooser>,
    publish: bool,
) -> Result<Option<ImportPlan>, StudioError> {
    match files.choose(FileAsk::Folder).await? {
        Some(folder) => studio.plan_import(folder, publish).await.map(Some),
        None => Ok(None),
    }
}

/// Settles a conflict of the plan last read (the file at `path`) as chosen in the conflict
/// view; answers the plan as it now is.
#[tauri::command]
pub fn settle_import_conflict(
    studio: State<'_, Studio>,
    path: String,
    choice: ConflictChoice,
) -> Result<ImportPlan, StudioError> {
    studio.settle_import_conflict(&path, choice)
}

/// Applies the plan last read, with its deletions when `delete_missing`.
#[tauri::command]
pub async fn start_import(
    studio: State<'_, Studio>,
    delete_missing: bool,
) -> Result<JobId, StudioError> {
    studio.start_import(delete_missing)
}
