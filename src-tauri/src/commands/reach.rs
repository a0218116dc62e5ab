//! "What will the AI see?": what open.cx's AI would likely be given for a customer's message in
//! the open workspace, from the trainings as loaded (see `studio::reach`); and the coverage map
//! of the workspace or a directory, with one cell's trainings (see `studio::coverage`).

use opencx::Channel;
use studio::checkup::CheckUpScope;
use studio::{CellTrainings, CoverageMap, Reach, ReachQuestion, Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn what_will_the_ai_see(
    studio: State<'_, Studio>,
    question: ReachQuestion,
) -> Result<Reach, StudioError> {
    studio.what_will_the_ai_see(question).await
}

#[tauri::command]
pub async fn coverage_map(
    studio: State<'_, Studio>,
    scope: CheckUpScope,
) -> Result<CoverageMap, StudioError> {
    studio.coverage_map(scope).await
}

#[tauri::command]
pub async fn coverage_cell(
    studio: State<'_, Studio>,
    scope: CheckUpScope,
    channel: Channel,
    segment_id: Option<String>,
) -> Result<CellTrainings, StudioError> {
    studio.coverage_cell(scope, channel, segment_id).await
}
