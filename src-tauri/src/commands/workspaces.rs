//! Commands that choose the workspace (list, resume, sign in and out, switch, the demo) and
//! tell how its server treats drafts (as learned, and "Check again").

use studio::{DraftRules, Studio, StudioError, WorkspaceList, WorkspaceSummary};
use tauri::State;

#[tauri::command]
pub async fn list_workspaces(studio: State<'_, Studio>) -> Result<WorkspaceList, StudioError> {
    studio.list_workspaces()
}

#[tauri::command]
pub async fn resume_session(
    studio: State<'_, Studio>,
) -> Result<Option<WorkspaceSummary>, StudioError> {
    studio.resume_session().await
}

#[tauri::command]
pub async fn sign_in(
    studio: State<'_, Studio>,
    name: String,
    base_url: String,
    api_key: String,
) -> Result<WorkspaceSummary, StudioError> {
    studio.sign_in(&name, &base_url, &api_key).await
}

#[tauri::command]
pub async fn open_demo(studio: State<'_, Studio>) -> Result<WorkspaceSummary, StudioError> {
    studio.open_demo().await
}

#[tauri::command]
pub async fn switch_workspace(
    studio: State<'_, Studio>,
    id: String,
) -> Result<WorkspaceSummary, StudioError> {
    studio.switch_workspace(&id).await
}

#[tauri::command]
pub async fn sign_out(
    studio: State<'_, Studio>,
    id: String,
    remove_local_data: bool,
) -> Result<WorkspaceList, StudioError> {
    studio.sign_out(&id, remove_local_data).await
}

#[tauri::command]
pub async fn draft_rules(studio: State<'_, Studio>) -> Result<DraftRules, StudioError> {
    studio.draft_rules()
}

#[tauri::command]
pub async fn check_draft_rules(studio: State<'_, Studio>) -> Result<DraftRules, StudioError> {
    studio.check_draft_rules().await
}
