//! The training routes: list, get, create, update, delete, publish/unpublish.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::Json;
use serde_json::{json, Value};

use super::query_pairs;
use crate::api_error::ApiError;
use crate::app::AppState;
use crate::list::TrainingPage;
use crate::model::Training;
use crate::validation::{self, parse_json};

type Answer<T> = Result<Json<T>, ApiError>;

fn missing() -> ApiError {
    ApiError::not_found("Training")
}

pub async fn list(State(app): State<AppState>, uri: Uri) -> Answer<TrainingPage> {
    let query = validation::list_query(&query_pairs(&uri)?)?;
    Ok(Json(app.read(|s| s.list(&query))))
}

pub async fn get(State(app): State<AppState>, Path(id): Path<String>) -> Answer<Training> {
    app.read(|s| s.get(&id).cloned())
        .map(Json)
        .ok_or_else(missing)
}

pub async fn create(State(app): State<AppState>, body: Bytes) -> Answer<Training> {
    let input = validation::training_body(&parse_json(&body)?)?;
    validation::offered_channels(&input, &app.refused_channels())?;
    app.write(|s| Ok(s.create(input))).map(Json)
}

pub async fn update(
    State(app): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer<Training> {
    let input = validation::training_body(&parse_json(&body)?)?;
    validation::offered_channels(&input, &app.refused_channels())?;
    app.write(|s| s.update(&id, input).ok_or_else(missing))
        .map(Json)
}

pub async fn delete(State(app): State<AppState>, Path(id): Path<String>) -> Answer<Value> {
    app.write(|s| s.delete(&id).then_some(()).ok_or_else(missing))?;
    Ok(Json(json!({ "success": true })))
}

pub async fn set_draft(
    State(app): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer<Training> {
    let is_draft = validation::draft_body(&parse_json(&body)?)?;
    app.write(|s| s.set_draft(&id, is_draft).ok_or_else(missing))
        .map(Json)
}
