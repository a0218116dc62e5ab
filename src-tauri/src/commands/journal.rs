//! Commands on the local journal of unsaved edits: write the editor's form as it types, list
//! what a crash left behind, discard it. Local only; nothing reaches open.cx.

use studio::{RecoveredEdit, Studio, StudioError, TrainingDraft};
use tauri::State;

#[tauri::command]
pub async fn journal_write(
    studio: State<'_, Studio>,
    id: String,
    draft: TrainingDraft,
    base_updated_at: Option<String>,
) -> Result<(), StudioError> {
    studio.journal_write(&id, draft, base_updated_at).await
}

#[tauri::command]
pub async fn journal_list(studio: State<'_, Studio>) -> Result<Vec<RecoveredEdit>, StudioError> {
    studio.journal_list().await
}

#[tauri::command]
pub async fn journal_discard(studio: State<'_, Studio>, id: String) -> Result<(), StudioError> {
    studio.journal_discard(&id).await
}
