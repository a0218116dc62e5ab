//! Commands on the local history of saves: list a training's versions, read one, compare one
//! with the editor's form. Local only; nothing reaches open.cx.

use studio::{HistoryEntry, HistorySummary, Review, Studio, StudioError, TrainingDraft};
use tauri::State;

#[tauri::command]
pub async fn history_list(
    studio: State<'_, Studio>,
    id: String,
) -> Result<Vec<HistorySummary>, StudioError> {
    studio.history_list(&id).await
}

#[tauri::command]
pub async fn history_version(
    studio: State<'_, Studio>,
    id: String,
    version: u32,
) -> Result<HistoryEntry, StudioError> {
    studio.history_version(&id, version).await
}

#[tauri::command]
pub async fn history_compare(
    studio: State<'_, Studio>,
    id: String,
    version: u32,
    current: TrainingDraft,
) -> Result<Review, StudioError> {
    studio.history_compare(&id, version, &current).await
}
