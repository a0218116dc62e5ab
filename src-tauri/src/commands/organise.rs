//! The organise command beyond jobs: "+" creates a draft training in a directory. Publishing,
//! unpublishing, deleting and moving one training are jobs of one (`jobs.rs`).

use opencx::Training;
use studio::{Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn create_training(
    studio: State<'_, Studio>,
    directory_id: Option<String>,
) -> Result<Training, StudioError> {
    studio.create_training(directory_id).await
}
