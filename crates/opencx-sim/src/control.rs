//! The `/_sim` control routes (faults, request log, directory switch, rate limit, refused
//! channels, the chat answer's shape). They answer
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
use crate::readings::ChatAnswer;
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
        .route("/_sim/refused-channels", put(put_refused_channels))
        .route("/_sim/chat-answer", put(put_chat_answer))
}

/// Proof that the caller may use the control routes; extracting it does the checks.
struct Authorized;

impl FromRequestParts<AppState> for Authorized {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| *peer);
        authorize(app.control_token.as_deref(), peer, parts).map(|()| Authorized)
    }
}

/// The checks: a control token is configured (else the routes do not exist), the peer is
/// loopback, and the request carries that token.
fn authorize(
    expected: Option<&str>,
    peer: Option<SocketAddr>,
    parts: &Parts,
) -> Result<(), ApiError> {
    let Some(expected) = expected else {
        let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        return Err(ApiError::route_not_found(parts.method.as_str(), target));
    };
    if !peer.is_some_and(|peer| peer.ip().is_loopback()) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Control routes only answer to loopback peers",
        ));
    }
    if auth::bearer(&parts.headers) != Some(expected) {
        return Err(ApiError::unauthorized());
    }
    Ok(())
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
    Ok(Json(lock(&app.log).snapshot()))
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

async fn put_refused_channels(
    State(app): State<AppState>,
    _: Authorized,
    body: Bytes,
) -> Answer<Value> {
    let body = parse_json(&body)?;
    let channels: Vec<String> = field(&body, "channels")?
        .as_array()
        .and_then(|list| list.iter().map(|c| c.as_str().map(String::from)).collect())
        .ok_or_else(|| ApiError::validation("body/channels must be array of strings"))?;
    app.set_refused_channels(channels.clone());
    Ok(Json(json!({ "channels": channels })))
}

async fn put_chat_answer(State(app): State<AppState>, _: Authorized, body: Bytes) -> Answer<Value> {
    let body = parse_json(&body)?;
    let shape: ChatAnswer = field(&body, "shape")?
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| ApiError::validation("body/shape must be in-response or id-only"))?;
    app.set_chat_answer(shape);
    Ok(Json(json!({ "shape": shape.to_string() })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(token: Option<&str>) -> Parts {
        let mut req = Request::get("/_sim/faults");
        if let Some(token) = token {
            req = req.header("authorization", format!("Bearer {token}"));
        }
        req.body(()).unwrap().into_parts().0
    }

    #[test]
    fn only_loopback_peers_with_the_token_get_in() {
        let local: SocketAddr = ([127, 0, 0, 1], 5000).into();
        let remote: SocketAddr = ([192, 168, 1, 20], 5000).into();
        let ok = authorize(Some("ctl"), Some(local), &parts(Some("ctl")));
        assert!(ok.is_ok());
        let v6: SocketAddr = "[::1]:5000".parse().unwrap();
        assert!(authorize(Some("ctl"), Some(v6), &parts(Some("ctl"))).is_ok());
        let status = |r: Result<(), ApiError>| r.unwrap_err().status;
        assert_eq!(
            status(authorize(Some("ctl"), Some(remote), &parts(Some("ctl")))),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status(authorize(Some("ctl"), None, &parts(Some("ctl")))),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status(authorize(Some("ctl"), Some(local), &parts(Some("other")))),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status(authorize(None, Some(local), &parts(Some("ctl")))),
            StatusCode::NOT_FOUND
        );
    }
}
