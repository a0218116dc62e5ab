//! The contact segment routes: a paged list and one segment.

use axum::extract::{Path, State};
use axum::http::Uri;
use axum::Json;

use super::query_pairs;
use crate::api_error::ApiError;
use crate::app::AppState;
use crate::model::Segment;
use crate::store::SegmentPage;
use crate::validation;

pub async fn list(State(app): State<AppState>, uri: Uri) -> Result<Json<SegmentPage>, ApiError> {
    let query = validation::segment_query(&query_pairs(&uri)?)?;
    Ok(Json(app.read(|s| s.segments(query))))
}

pub async fn get(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Segment>, ApiError> {
    app.read(|s| s.segment(&id).cloned())
        .map(Json)
        .ok_or_else(|| ApiError::not_found("Segment"))
}
