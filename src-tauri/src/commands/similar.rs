//! "Similar trainings": the trainings of the open workspace like the one being edited, each
//! with why, whether the same customers get both, and the sentences that may disagree (see
//! `studio::similar_trainings`); and two trainings side by side, for the check-up's "Compare".

use studio::similar_trainings::{Comparison, SimilarTrainings};
use studio::{Studio, StudioError, TrainingDraft};
use tauri::State;

#[tauri::command]
pub async fn similar_trainings(
    studio: State<'_, Studio>,
    id: String,
    draft: Option<TrainingDraft>,
) -> Result<SimilarTrainings, StudioError> {
    studio.similar_trainings(id, draft).await
}

/// Training `id` and training `other_id` side by side; `None` when either is gone or they are no
/// longer alike.
#[tauri::command]
pub async fn compare_trainings(
    studio: State<'_, Studio>,
    id: String,
    other_id: String,
) -> Result<Option<Comparison>, StudioError> {
    studio.compare_trainings(id, other_id).await
}
