//! Commands of jobs, over one training or many (a single publish, unpublish, delete or move is
//! a job of one): start one, cancel it, retry its failed items. Progress arrives as
//! "job-progress" events (wired in lib.rs).

use studio::{JobId, JobRequest, Seen, Studio, StudioError};
use tauri::State;

/// `seen`: training id → the `updated_at` the UI showed; an item open.cx has another version
/// of fails as a conflict. An import is started with `start_import` only (its items name files
/// to write, which the window never does).
#[tauri::command]
pub async fn start_job(
    studio: State<'_, Studio>,
    request: JobRequest,
    seen: Seen,
) -> Result<JobId, StudioError> {
    if let JobRequest::Import { .. } = request {
        return Err(StudioError::invalid_input(
            "An import starts from the folder it was read from: choose Import… again.",
        ));
    }
    studio.start_job(request, seen)
}

#[tauri::command]
pub async fn cancel_job(studio: State<'_, Studio>, job_id: String) -> Result<(), StudioError> {
    studio.cancel_job(&job_id)
}

#[tauri::command]
pub async fn retry_failed(studio: State<'_, Studio>, job_id: String) -> Result<JobId, StudioError> {
    studio.retry_failed(&job_id)
}
