//! Find and replace across trainings: the matches of a search, and the review of a replace
//! (with the job that writes it and the one that undoes it; both start through `start_job`).

use studio::{Exclusions, FindQuery, FindResults, FindScope, ReplaceReview, Studio, StudioError};
use tauri::State;

#[tauri::command]
pub async fn find_text(
    studio: State<'_, Studio>,
    query: FindQuery,
    scope: FindScope,
) -> Result<FindResults, StudioError> {
    studio.find_text(query, scope).await
}

#[tauri::command]
pub async fn review_replace(
    studio: State<'_, Studio>,
    query: FindQuery,
    scope: FindScope,
    excluded: Exclusions,
    publish: bool,
) -> Result<ReplaceReview, StudioError> {
    studio.review_replace(query, scope, excluded, publish).await
}
