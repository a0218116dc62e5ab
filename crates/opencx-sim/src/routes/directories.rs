//! The simulator-only directory routes: list, create, rename, delete (which detaches the
//! directory's trainings). The pipeline answers 404 for them when directories are off.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::app::AppState;
use crate::model::Directory;
use crate::validation::{self, parse_json};

type Answer<T> = Result<Json<T>, ApiError>;

fn missing() -> ApiError {
    ApiError::not_found("Directory")
}

/// A plain JSON array of directories, in creation order.
pub async fn list(State(app): State<AppState>) -> Answer<Vec<Directory>> {
    Ok(Json(app.read(|s| s.directories().to_vec())))
}

pub async fn create(State(app): State<AppState>, body: Bytes) -> Answer<Directory> {
    let name = validation::directory_body(&parse_json(&body)?)?;
    app.write(|s| Ok(s.create_directory(name))).map(Json)
}

pub async fn rename(
    State(app): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer<Directory> {
    let name = validation::directory_body(&parse_json(&body)?)?;
    app.write(|s| s.rename_directory(&id, name).ok_or_else(missing))
        .map(Json)
}

pub async fn delete(State(app): State<AppState>, Path(id): Path<String>) -> Answer<Value> {
    app.write(|s| s.delete_directory(&id).then_some(()).ok_or_else(missing))?;
    Ok(Json(json!({ "success": true })))
}
