//! Commands on single trainings beyond editing: "+" (create a draft in a directory), delete,
//! publish and unpublish.

use chrono::{DateTime, Utc};
use opencx::Training;
use studio::{Studio, StudioError, Written};
use tauri::State;

#[tauri::command]
pub async fn create_training(
    studio: State<'_, Studio>,
    directory_id: Option<String>,
) -> Result<Training, StudioError> {
    studio.create_training(directory_id).await
}

/// `seen`: the `updated_at` the UI showed; kind `conflict` when open.cx has another version.
#[tauri::command]
pub async fn delete_training(
    studio: State<'_, Studio>,
    id: String,
    seen: Option<DateTime<Utc>>,
) -> Result<(), StudioError> {
    studio.delete_training(&id, seen).await
}

/// `seen` as for a delete.
#[tauri::command]
pub async fn set_published(
    studio: State<'_, Studio>,
    id: String,
    published: bool,
    seen: Option<DateTime<Utc>>,
) -> Result<Written, StudioError> {
    studio.set_published(&id, published, seen).await
}
