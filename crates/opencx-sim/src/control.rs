//! The `/_sim` control routes (faults, request log, directory switch, rate limit). They answer
//! only when a control token is configured, only to loopback peers, and only with
//! `Authorization: Bearer <control_token>`; otherwise 404, 403 and 401.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::app::{lock, AppState};
use crate::auth;
use crate::faults::Faults;
use crate::record::RecordedRequest;
use crate::validation::parse_json;

type Answer<T> = Result<Json<T>, ApiError>;

/// The control routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/_sim/faults", get(get_faults).put(put_faults))
        .route("/_sim/requests", get(get_requests).delete(delete_requests))
        .route("/_sim/directories", put(put_directories))
        .route("/_sim/rate-limit", put(put_rate_limit))
}

/// Proof that the caller may use the control routes; extracting it does the checks.
struct Authorized;

impl FromRequestParts<AppState> for Authorized {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let Some(expected) = &app.control_token else {
            let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
            return Err(ApiError::route_not_found(parts.method.as_str(), target));
        };
        let loopback = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .is_some_and(|ConnectInfo(peer)| peer.ip().is_loopback());
        if !loopback {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "Control routes only answer to loopback peers",
            ));
        }
        if auth::bearer(&parts.headers) != Some(expected.as_str()) {
            return Err(ApiError::unauthorized());
        }
        Ok(Authorized)
    }
}

fn field<'a>(body: &'a Value, key: &str) -> Result<&'a Value, ApiError> {
    body.as_object()
        .ok_or_else(|| ApiError::validation("body must be object"))?
        .get(key)
        .ok_or_else(|| ApiError::validation(format!("body must have required property '{key}'")))
}

async fn get_faults(State(app): State<AppState>, _: Authorized) -> Answer<Faults> {
    Ok(Json(lock(&app.faults).faults().clone()))
}

async fn put_faults(State(app): State<AppState>, _: Authorized, body: Bytes) -> Answer<Faults> {
    let faults: Faults = serde_json::from_value(parse_json(&body)?)
        .map_err(|e| ApiError::validation(format!("body is not a Faults object: {e}")))?;
    faults.validate().map_err(ApiError::validation)?;
    lock(&app.faults).set(faults.clone());
    Ok(Json(faults))
}

async fn get_requests(State(app): State<AppState>, _: Authorized) -> Answer<Vec<RecordedRequest>> {
    Ok(Json(lock(&app.log).clone()))
}

async fn delete_requests(State(app): State<AppState>, _: Authorized) -> Answer<Value> {
    lock(&app.log).clear();
    Ok(Json(json!({ "success": true })))
}

async fn put_directories(State(app): State<AppState>, _: Authorized, body: Bytes) -> Answer<Value> {
    let body = parse_json(&body)?;
    let enabled = field(&body, "enabled")?
        .as_bool()
        .ok_or_else(|| ApiError::validation("body/enabled must be boolean"))?;
    app.set_directories_enabled(enabled);
    Ok(Json(json!({ "enabled": enabled })))
}

async fn put_rate_limit(State(app): State<AppState>, _: Authorized, body: Bytes) -> Answer<Value> {
    let body = parse_json(&body)?;
    let per_minute = field(&body, "per_minute")?
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| ApiError::validation("body/per_minute must be integer >= 0"))?;
    lock(&app.limiter).set_per_minute(per_minute);
    Ok(Json(json!({ "per_minute": per_minute })))
}
