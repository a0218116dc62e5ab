//! The API's route table (templates and the scope each needs) and the axum router.

mod chat;
mod directories;
mod segments;
mod trainings;

use axum::extract::Query;
use axum::http::{Method, Uri};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;

use crate::api_error::ApiError;
use crate::app::AppState;
use crate::{control, pipeline};

pub const TRAINING_READ: &str = "training:read";
pub const TRAINING_WRITE: &str = "training:write";
pub const SEGMENTS_READ: &str = "segments:read";
pub const CHAT_READ: &str = "chat-sessions:read";
pub const CHAT_WRITE: &str = "chat-sessions:write";

/// An API route a request matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// The path template, e.g. `/training/{id}`.
    pub template: &'static str,
    /// The scope a token needs for it.
    pub scope: &'static str,
    /// One of the simulator-only directory routes.
    pub directory: bool,
}

/// Finds the API route of a method and path; `None` = Fastify's "Route ... not found".
pub fn classify(method: &Method, path: &str) -> Option<Route> {
    let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    let m = method.as_str();
    let (template, scope, directory) = match (m, segments.as_slice()) {
        ("GET", ["training"]) => ("/training", TRAINING_READ, false),
        ("POST", ["training"]) => ("/training", TRAINING_WRITE, false),
        ("GET", ["training", "directories"]) => ("/training/directories", TRAINING_READ, true),
        ("POST", ["training", "directories"]) => ("/training/directories", TRAINING_WRITE, true),
        ("PUT" | "DELETE", ["training", "directories", id]) if !id.is_empty() => {
            ("/training/directories/{id}", TRAINING_WRITE, true)
        }
        ("GET", ["training", id]) if !id.is_empty() => ("/training/{id}", TRAINING_READ, false),
        ("PUT" | "DELETE", ["training", id]) if !id.is_empty() => {
            ("/training/{id}", TRAINING_WRITE, false)
        }
        ("PUT", ["training", id, "draft"]) if !id.is_empty() => {
            ("/training/{id}/draft", TRAINING_WRITE, false)
        }
        ("GET", ["contacts", "segments"]) => ("/contacts/segments", SEGMENTS_READ, false),
        ("GET", ["contacts", "segments", id]) if !id.is_empty() => {
            ("/contacts/segments/{id}", SEGMENTS_READ, false)
        }
        ("POST", ["chat", "sessions"]) => ("/chat/sessions", CHAT_WRITE, false),
        ("POST", ["chat", "sessions", id, "send"]) if !id.is_empty() => {
            ("/chat/sessions/{id}/send", CHAT_WRITE, false)
        }
        ("GET", ["chat", "sessions", id, "history"]) if !id.is_empty() => {
            ("/chat/sessions/{id}/history", CHAT_READ, false)
        }
        _ => return None,
    };
    Some(Route {
        template,
        scope,
        directory,
    })
}

/// The query string as ordered pairs.
pub fn query_pairs(uri: &Uri) -> Result<Vec<(String, String)>, ApiError> {
    Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map(|Query(pairs)| pairs)
        .map_err(|_| ApiError::validation("querystring must be a valid query string"))
}

/// Fastify's 404 for anything without a route.
pub async fn not_found(method: Method, uri: Uri) -> Response {
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    ApiError::route_not_found(method.as_str(), target).into_response()
}

/// The whole server: API routes, control routes, 404s, wrapped in the request pipeline.
pub fn router(app: AppState) -> Router {
    Router::new()
        .route("/training", get(trainings::list).post(trainings::create))
        .route(
            "/training/directories",
            get(directories::list).post(directories::create),
        )
        .route(
            "/training/directories/{id}",
            put(directories::rename).delete(directories::delete),
        )
        .route(
            "/training/{id}",
            get(trainings::get)
                .put(trainings::update)
                .delete(trainings::delete),
        )
        .route("/training/{id}/draft", put(trainings::set_draft))
        .route("/contacts/segments", get(segments::list))
        .route("/contacts/segments/{id}", get(segments::get))
        .route("/chat/sessions", post(chat::open))
        .route("/chat/sessions/{id}/send", post(chat::send))
        .route("/chat/sessions/{id}/history", get(chat::history))
        .merge(control::router())
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            pipeline::pipeline,
        ))
        .with_state(app)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_knows_every_route_and_nothing_else() {
        let route = |m: Method, p: &str| classify(&m, p).map(|r| (r.template, r.scope));
        assert_eq!(
            route(Method::GET, "/training"),
            Some(("/training", TRAINING_READ))
        );
        assert_eq!(
            route(Method::GET, "/training/directories"),
            Some(("/training/directories", TRAINING_READ))
        );
        assert_eq!(
            route(Method::DELETE, "/training/directories/abc"),
            Some(("/training/directories/{id}", TRAINING_WRITE))
        );
        assert_eq!(
            route(Method::PUT, "/training/abc/draft"),
            Some(("/training/{id}/draft", TRAINING_WRITE))
        );
        assert_eq!(
            route(Method::GET, "/contacts/segments/s1"),
            Some(("/contacts/segments/{id}", SEGMENTS_READ))
        );
        assert_eq!(
            route(Method::POST, "/chat/sessions/s1/send"),
            Some(("/chat/sessions/{id}/send", CHAT_WRITE))
        );
        assert_eq!(
            route(Method::GET, "/chat/sessions/s1/history"),
            Some(("/chat/sessions/{id}/history", CHAT_READ))
        );
        assert_eq!(route(Method::GET, "/chat/sessions"), None);
        assert_eq!(route(Method::PATCH, "/training/abc"), None);
        assert_eq!(route(Method::GET, "/training/"), None);
        assert_eq!(route(Method::GET, "/x"), None);
        assert_eq!(route(Method::GET, "/training/abc/draft"), None);
        assert!(
            classify(&Method::POST, "/training/directories")
                .unwrap()
                .directory
        );
        assert!(!classify(&Method::GET, "/training/x").unwrap().directory);
    }
}
