//! "Similar trainings": the trainings of the open workspace like the one being edited, each
//! with why, whether the same customers get both, and the sentences that may disagree (see
//! `studio::similar_trainings`).

use studio::similar_trainings::SimilarTraining;
use studio::{Studio, StudioError, TrainingDraft};
use tauri::State;

#[tauri::command]
pub async fn similar_trainings(
    studio: State<'_, Studio>,
    id: String,
    draft: Option<TrainingDraft>,
) -> Result<Vec<SimilarTraining>, StudioError> {
    studio.similar_trainings(id, draft).await
}
