//! Commands on the open workspace's trainings: load (or the copy kept on disk), search,
//! preview, review, save (which may answer a conflict instead), and save as a separate draft.

use opencx::Training;
use studio::{
    preview::PreviewBlock, CachedWorkspace, Review, SaveOutcome, Studio, StudioError,
    TrainingDraft, WorkspaceData, Written,
};
use tauri::{AppHandle, Runtime, State};

/// Loads the workspace, sending each page of trainings as it arrives ("trainings-arrived");
/// once open.cx answered, what waits in the outbox is sent.
#[tauri::command]
pub async fn load_workspace<R: Runtime>(
    app: AppHandle<R>,
    studio: State<'_, Studio>,
) -> Result<WorkspaceData, StudioError> {
    let data = studio
        .load_workspace_as_it_arrives(|page| crate::events::emit(&app, &page))
        .await?;
    super::outbox::send_in_background(&app);
    Ok(data)
}

/// The workspace as last kept on this computer; makes no request.
#[tauri::command]
pub async fn cached_workspace(
    studio: State<'_, Studio>,
) -> Result<Option<CachedWorkspace>, StudioError> {
    studio.cached_workspace().await
}

#[tauri::command]
pub async fn search_trainings(
    studio: State<'_, Studio>,
    query: String,
) -> Result<Vec<String>, StudioError> {
    studio.search_trainings(&query).await
}

#[tauri::command]
pub async fn render_preview(
    studio: State<'_, Studio>,
    markdown: String,
    known: Vec<String>,
) -> Result<Vec<PreviewBlock>, StudioError> {
    Ok(studio.render_preview(&markdown, &known))
}

#[tauri::command]
pub async fn review_changes(
    studio: State<'_, Studio>,
    id: String,
    draft: TrainingDraft,
    publish: bool,
) -> Result<Review, StudioError> {
    studio.review_changes(&id, &draft, publish).await
}

#[tauri::command]
pub async fn save_training(
    studio: State<'_, Studio>,
    id: String,
    draft: TrainingDraft,
    publish: bool,
    base: Training,
) -> Result<SaveOutcome, StudioError> {
    studio.save_training(&id, &draft, publish, base).await
}

/// "Keep the live one, save as a separate draft": a new draft training; `id` is not written.
#[tauri::command]
pub async fn save_as_separate_draft(
    studio: State<'_, Studio>,
    id: String,
    draft: TrainingDraft,
) -> Result<Written, StudioError> {
    studio.save_as_separate_draft(&id, &draft).await
}
