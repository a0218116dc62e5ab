//! The Fastify-style error answers: `{"statusCode", "code"?, "message", "error"}` with the
//! status line's reason as `error`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// An error answer of the API. Becomes an HTTP response with the documented JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: Option<&'static str>,
    pub message: String,
    /// Seconds for a `Retry-After` header (429 answers).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: None,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400 `FST_ERR_VALIDATION`, message like `body/title must be string`.
    pub fn validation(message: impl Into<String>) -> Self {
        ApiError {
            code: Some("FST_ERR_VALIDATION"),
            ..ApiError::new(StatusCode::BAD_REQUEST, message)
        }
    }

    /// 400 for a body that is not JSON at all.
    pub fn invalid_json() -> Self {
        ApiError {
            code: Some("FST_ERR_CTP_INVALID_JSON_BODY"),
            ..ApiError::new(
                StatusCode::BAD_REQUEST,
                "Body is not valid JSON but content-type is set to 'application/json'",
            )
        }
    }

    pub fn unauthorized() -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "Unauthorized")
    }

    pub fn missing_scope(scope: &str) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, format!("Missing scope: {scope}"))
    }

    /// 404 for an unknown id, e.g. `not_found("Training")` → "Training not found".
    pub fn not_found(what: &str) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, format!("{what} not found"))
    }

    /// Fastify's answer for a path or method it has no route for.
    pub fn route_not_found(method: &str, path_and_query: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!("Route {method}:{path_and_query} not found"),
        )
    }

    pub fn rate_limited(retry_after: u64) -> Self {
        let unit = if retry_after == 1 {
            "second"
        } else {
            "seconds"
        };
        ApiError {
            retry_after: Some(retry_after.max(1)),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                format!("Rate limit exceeded, retry in {retry_after} {unit}"),
            )
        }
    }

    /// An injected failure with the given status; 401, 403 and 429 look like the real ones
    /// (403 names the scope of the route, when the route is known).
    pub fn simulated(status: StatusCode, scope: Option<&str>) -> Self {
        match status {
            StatusCode::TOO_MANY_REQUESTS => ApiError::rate_limited(1),
            StatusCode::UNAUTHORIZED => ApiError::unauthorized(),
            StatusCode::FORBIDDEN => match scope {
                Some(scope) => ApiError::missing_scope(scope),
                None => ApiError::new(status, "Forbidden"),
            },
            _ => ApiError::new(status, "Simulated failure"),
        }
    }

    pub fn down() -> Self {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable")
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The JSON body, keys in Fastify's order.
    fn wire(&self) -> ErrorBody<'_> {
        ErrorBody {
            status_code: self.status.as_u16(),
            code: self.code,
            message: &self.message,
            error: self.status.canonical_reason().unwrap_or("Error"),
        }
    }

    /// The JSON body as a value.
    #[cfg(test)]
    fn body(&self) -> serde_json::Value {
        serde_json::to_value(self.wire()).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    #[serde(rename = "statusCode")]
    status_code: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'static str>,
    message: &'a str,
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.wire())).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn validation_body_has_the_documented_shape() {
        let body = ApiError::validation("body/title must be string").body();
        assert_eq!(
            body,
            json!({"statusCode":400,"code":"FST_ERR_VALIDATION","message":"body/title must be string","error":"Bad Request"})
        );
    }

    #[test]
    fn unauthorized_and_route_not_found_bodies() {
        assert_eq!(
            ApiError::unauthorized().body(),
            json!({"statusCode":401,"message":"Unauthorized","error":"Unauthorized"})
        );
        assert_eq!(
            ApiError::route_not_found("GET", "/x").body(),
            json!({"statusCode":404,"message":"Route GET:/x not found","error":"Not Found"})
        );
    }
}
