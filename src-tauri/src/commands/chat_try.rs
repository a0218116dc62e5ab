//! "Try it on open.cx": whether the editor agreed, for the open workspace, that a try creates a
//! real conversation in its inbox, and the try itself (see `studio::chat_try`).

use studio::{Studio, StudioError, TryAnswer, TryQuestion};
use tauri::State;

#[tauri::command]
pub fn chat_consent(studio: State<'_, Studio>) -> Result<bool, StudioError> {
    studio.chat_consent()
}

#[tauri::command]
pub async fn try_on_opencx(
    studio: State<'_, Studio>,
    question: TryQuestion,
    consent: bool,
) -> Result<TryAnswer, StudioError> {
    studio.try_on_opencx(question, consent).await
}
