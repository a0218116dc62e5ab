//! Commands on directories: create, rename (on the server, or a local name where the server
//! does not know the directory) and delete (its trainings go to no directory).

use studio::{DirectoryEntry, Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn create_directory(
    studio: State<'_, Studio>,
    name: String,
) -> Result<DirectoryEntry, StudioError> {
    studio.create_directory(&name).await
}

#[tauri::command]
pub async fn rename_directory(
    studio: State<'_, Studio>,
    id: String,
    name: String,
) -> Result<DirectoryEntry, StudioError> {
    studio.rename_directory(&id, &name).await
}

#[tauri::command]
pub async fn delete_directory(studio: State<'_, Studio>, id: String) -> Result<(), StudioError> {
    studio.delete_directory(&id).await
}
