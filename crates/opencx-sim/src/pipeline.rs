//! What every API request goes through around its handler, in order: record it, log it,
//! faults (latency, hang, down, drop, failures), route lookup (Fastify's 404), bearer auth
//! (401), the rate limit (429), scopes (403), then the handler, then dropping the connection
//! or malforming the answer when a fault says so. Control routes (`/_sim/...`) skip all this.

use std::io;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api_error::ApiError;
use crate::app::{lock, AppState};
use crate::auth;
use crate::faults::{Before, Plan, HANG};
use crate::rate_limit::Verdict;
use crate::record::RecordedRequest;
use crate::routes::{self, Route};

/// The largest request body accepted.
const MAX_BODY: usize = 8 * 1024 * 1024;

/// Whether a path belongs to the control routes.
pub fn is_control(path: &str) -> bool {
    path == "/_sim" || path.starts_with("/_sim/")
}

pub async fn pipeline(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if is_control(req.uri().path()) {
        return next.run(req).await;
    }
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let method = parts.method.clone();
    let path = parts.uri.path().to_string();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "Request body is too large",
        )
        .into_response();
    };
    let entry = app.record(RecordedRequest {
        method: method.to_string(),
        path: path.clone(),
        query: parts.uri.query().map(String::from),
        body: serde_json::from_slice(&bytes).ok(),
        status: None,
    });
    let route = routes::classify(&method, &path);
    let plan = lock(&app.faults).plan(method.as_str(), route.map(|r| r.template));
    let req = Request::from_parts(parts, Body::from(bytes));
    let (response, dropped) = handle(&app, req, next, route, plan).await;
    let status = if dropped {
        "dropped".to_string()
    } else {
        app.record_status(entry, response.status().as_u16());
        response.status().as_u16().to_string()
    };
    tracing::info!(
        target: "opencx_sim::requests",
        "{method} {path} {status} {}ms",
        started.elapsed().as_millis()
    );
    response
}

/// Runs the stages; the bool says whether the connection is dropped.
async fn handle(
    app: &AppState,
    req: Request,
    next: Next,
    route: Option<Route>,
    plan: Plan,
) -> (Response, bool) {
    if let Some(latency) = plan.latency {
        tokio::time::sleep(latency).await;
    }
    if plan.hang {
        let mut shutdown = app.shutdown.clone();
        tokio::select! {
            () = tokio::time::sleep(HANG) => {}
            _ = shutdown.wait_for(|down| *down) => {}
        }
    }
    match plan.before {
        Before::Proceed => {}
        Before::Down => return (ApiError::down().into_response(), false),
        Before::Fail(status) => {
            let scope = route.map(|r| r.scope);
            return (ApiError::simulated(status, scope).into_response(), false);
        }
        Before::Drop => return (dropped_connection(), true),
    }
    let mut response = match admit(app, req.method(), req.uri(), req.headers(), route) {
        Err(e) => e.into_response(),
        Ok(rate_headers) => {
            let mut response = next.run(req).await;
            response.headers_mut().extend(rate_headers);
            response
        }
    };
    if plan.drop_after {
        return (dropped_connection(), true);
    }
    if response.status().is_success() && lock(&app.faults).take_malformed() {
        response = malformed(response).await;
    }
    (response, false)
}

/// Route lookup, auth, rate limit and scope; gives the rate-limit headers for the answer.
fn admit(
    app: &AppState,
    method: &Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    route: Option<Route>,
) -> Result<HeaderMap, ApiError> {
    let not_found = || {
        let target = uri.path_and_query().map_or("/", |p| p.as_str());
        ApiError::route_not_found(method.as_str(), target)
    };
    let route = route.ok_or_else(not_found)?;
    if route.directory && !app.directories_enabled() {
        return Err(not_found());
    }
    let token = auth::bearer(headers)
        .and_then(|t| app.token(t))
        .ok_or_else(ApiError::unauthorized)?;
    let mut limiter = lock(&app.limiter);
    let limit = limiter.per_minute();
    let mut rate_headers = HeaderMap::new();
    match limiter.check(&token.token, Instant::now()) {
        Verdict::Limited { retry_after } => {
            return Err(ApiError::rate_limited(retry_after));
        }
        Verdict::Allowed { remaining: None } => {}
        Verdict::Allowed {
            remaining: Some(remaining),
        } => {
            rate_headers.insert("x-ratelimit-limit", HeaderValue::from(limit));
            rate_headers.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
        }
    }
    drop(limiter);
    if !token.allows(route.scope) {
        return Err(ApiError::missing_scope(route.scope));
    }
    Ok(rate_headers)
}

/// An answer whose body fails at once: hyper then closes the connection without having
/// written anything, so the client sees a connection error, not a response.
fn dropped_connection() -> Response {
    let failing = futures::stream::once(async {
        Err::<Bytes, io::Error>(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "simulated dropped connection",
        ))
    });
    Response::new(Body::from_stream(failing))
}

/// The same answer with its body cut in half (invalid JSON), and the length fixed to match.
async fn malformed(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let cut = if bytes.len() > 1 {
        bytes.slice(..bytes.len() / 2)
    } else {
        Bytes::from_static(b"{")
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}
