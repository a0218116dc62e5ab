//! Commands on single trainings beyond editing: "+" (create a draft in a directory), delete,
//! publish and unpublish.

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

#[tauri::command]
pub async fn delete_training(studio: State<'_, Studio>, id: String) -> Result<(), StudioError> {
    studio.delete_training(&id).await
}

#[tauri::command]
pub async fn set_published(
    studio: State<'_, Studio>,
    id: String,
    published: bool,
) -> Result<Training, StudioError> {
    studio.set_published(&id, published).await
}
