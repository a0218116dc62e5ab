//! "What will the AI see?": what open.cx's AI would likely be given for a customer's message in
//! the open workspace, from the trainings as loaded (see `studio::reach`).

use studio::{Reach, ReachQuestion, Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn what_will_the_ai_see(
    studio: State<'_, Studio>,
    question: ReachQuestion,
) -> Result<Reach, StudioError> {
    studio.what_will_the_ai_see(question).await
}
