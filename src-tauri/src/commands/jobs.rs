//! Commands of bulk jobs: start one, cancel it, retry its failed items. Progress arrives as
//! "job-progress" events (wired in lib.rs).

use studio::{JobId, JobRequest, Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn start_job(
    studio: State<'_, Studio>,
    request: JobRequest,
) -> Result<JobId, StudioError> {
    studio.start_job(request)
}

#[tauri::command]
pub async fn cancel_job(studio: State<'_, Studio>, job_id: String) -> Result<(), StudioError> {
    studio.cancel_job(&job_id)
}

#[tauri::command]
pub async fn retry_failed(studio: State<'_, Studio>, job_id: String) -> Result<JobId, StudioError> {
    studio.retry_failed(&job_id)
}
