//! The writing radar: the health notes of the training being written, read against the open
//! workspace as loaded (see `studio::radar`), and the check-up of the workspace or a directory
//! (see `studio::checkup`). Nothing is sent to open.cx.

use studio::checkup::{CheckUp, CheckUpScope};
use studio::radar::HealthFinding;
use studio::{Studio, StudioError, TrainingDraft};
use tauri::State;

#[tauri::command]
pub async fn instruction_health(
    studio: State<'_, Studio>,
    id: Option<String>,
    draft: TrainingDraft,
) -> Result<Vec<HealthFinding>, StudioError> {
    studio.instruction_health(id, draft).await
}

#[tauri::command]
pub async fn check_up(
    studio: State<'_, Studio>,
    scope: CheckUpScope,
) -> Result<CheckUp, StudioError> {
    studio.check_up(scope).await
}
