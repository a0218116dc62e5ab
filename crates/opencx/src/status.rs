//! Turns an HTTP error answer (status, `Retry-After`, body) into an [`Error`]. Bodies look like
//! `{"statusCode":401,"message":"Unauthorized","error":"Unauthorized"}`, possibly with `code`;
//! anything else (HTML from a proxy, plain text, nothing) is tolerated.

use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::endpoint::{Endpoint, On404};
use crate::Error;

/// The parts of an error body the client uses.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ErrorBody {
    pub(crate) message: Option<String>,
    pub(crate) code: Option<String>,
}

impl ErrorBody {
    /// Reads `message` (a string, or a list of strings as some frameworks send) and `code`;
    /// a short plain-text body becomes the message; HTML and empty bodies give nothing.
    pub(crate) fn parse(body: &[u8]) -> Self {
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(map)) => ErrorBody {
                message: map.get("message").and_then(message_text),
                code: map.get("code").and_then(Value::as_str).map(str::to_string),
            },
            Ok(_) => ErrorBody::default(),
            Err(_) => ErrorBody {
                message: plain_text(body),
                code: None,
            },
        }
    }
}

fn message_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(parts) => {
            let parts: Vec<&str> = parts.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    }
}

fn plain_text(body: &[u8]) -> Option<String> {
    const LONGEST: usize = 200;
    let text = std::str::from_utf8(body).ok()?.trim();
    let usable = !text.is_empty() && !text.starts_with('<') && text.len() <= LONGEST;
    usable.then(|| text.to_string())
}

/// Whether a 404 message is a framework's "no such route" answer rather than a missing id.
fn is_missing_route(message: &str) -> bool {
    let m = message.trim();
    (m.starts_with("Route ") && m.ends_with(" not found")) || m.starts_with("Cannot ")
}

/// The error for a non-success status.
pub(crate) fn status_error(
    status: u16,
    retry_after: Option<Duration>,
    body: &[u8],
    endpoint: &Endpoint,
) -> Error {
    let ErrorBody { message, code } = ErrorBody::parse(body);
    match status {
        401 => Error::Unauthorized { message },
        403 => Error::Forbidden {
            scope: endpoint.scope.as_str(),
            message,
        },
        404 => not_found(message, endpoint.on_404),
        429 => Error::RateLimited {
            retry_after,
            message,
        },
        400..=499 => Error::Validation {
            status,
            message,
            code,
        },
        _ => Error::Server { status, message },
    }
}

fn not_found(message: Option<String>, on_404: On404) -> Error {
    match on_404 {
        On404::Api => Error::Config {
            message: "this server has no open.cx training API; check the server address"
                .to_string(),
        },
        On404::Missing { subject } => Error::NotFound { subject, message },
        On404::Feature { feature } => Error::Unsupported { feature, message },
        On404::FeatureItem {
            feature,
            subject,
            noun,
        } => {
            let about_the_item = message
                .as_deref()
                .is_some_and(|m| !is_missing_route(m) && m.to_ascii_lowercase().contains(noun));
            if about_the_item {
                Error::NotFound { subject, message }
            } else {
                Error::Unsupported { feature, message }
            }
        }
    }
}

/// Reads `Retry-After`: whole or fractional seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = SystemTime::from(at.with_timezone(&chrono::Utc));
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Scope;
    use crate::ErrorKind;

    const TRAINING: Endpoint = Endpoint::new(
        Scope::TrainingWrite,
        On404::Missing {
            subject: "This training",
        },
        "the training",
    );
    const DIRECTORY_LIST: Endpoint = Endpoint::new(
        Scope::TrainingRead,
        On404::Feature {
            feature: "directories",
        },
        "the directory list",
    );
    const DIRECTORY: Endpoint = Endpoint::new(
        Scope::TrainingWrite,
        On404::FeatureItem {
            feature: "directories",
            subject: "This directory",
            noun: "directory",
        },
        "the directory",
    );

    fn kind(status: u16, body: &str, endpoint: &Endpoint) -> ErrorKind {
        status_error(status, None, body.as_bytes(), endpoint).kind()
    }

    #[test]
    fn statuses_map_to_kinds() {
        let body = r#"{"statusCode":0,"message":"m","error":"e"}"#;
        assert_eq!(kind(401, body, &TRAINING), ErrorKind::Unauthorized);
        assert_eq!(kind(403, body, &TRAINING), ErrorKind::Forbidden);
        assert_eq!(kind(404, body, &TRAINING), ErrorKind::NotFound);
        assert_eq!(kind(400, body, &TRAINING), ErrorKind::Validation);
        assert_eq!(kind(409, body, &TRAINING), ErrorKind::Validation);
        assert_eq!(kind(429, body, &TRAINING), ErrorKind::RateLimited);
        assert_eq!(kind(500, body, &TRAINING), ErrorKind::Server);
        assert_eq!(kind(503, "", &TRAINING), ErrorKind::Server);
    }

    #[test]
    fn keeps_the_server_message_and_code() {
        let err = status_error(
            400,
            None,
            br#"{"statusCode":400,"code":"FST_ERR_VALIDATION","message":"body/title must be string","error":"Bad Request"}"#,
            &TRAINING,
        );
        assert_eq!(
            err,
            Error::Validation {
                status: 400,
                message: Some("body/title must be string".into()),
                code: Some("FST_ERR_VALIDATION".into()),
            }
        );
    }

    #[test]
    fn forbidden_names_the_scope_the_call_needed() {
        let err = status_error(403, None, b"{}", &TRAINING);
        assert_eq!(
            err,
            Error::Forbidden {
                scope: "training:write",
                message: None
            }
        );
    }

    #[test]
    fn tolerates_bodies_that_are_not_json() {
        assert_eq!(
            ErrorBody::parse(b"upstream connect error"),
            ErrorBody {
                message: Some("upstream connect error".into()),
                code: None
            }
        );
        assert_eq!(
            ErrorBody::parse(b"<html><body>Bad gateway</body></html>"),
            ErrorBody::default()
        );
        assert_eq!(ErrorBody::parse(b""), ErrorBody::default());
        assert_eq!(ErrorBody::parse(b"[1,2]"), ErrorBody::default());
        assert_eq!(
            ErrorBody::parse(br#"{"message":["title is too short","content is empty"]}"#)
                .message
                .as_deref(),
            Some("title is too short; content is empty")
        );
    }

    #[test]
    fn a_404_on_the_training_list_means_a_wrong_address() {
        let api = Endpoint::new(Scope::TrainingRead, On404::Api, "the training list");
        let err = status_error(404, None, b"Cannot GET /training", &api);
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("check the server address"));
    }

    #[test]
    fn a_404_on_the_directory_list_means_unsupported() {
        let route = r#"{"statusCode":404,"message":"Route GET:/training/directories not found","error":"Not Found"}"#;
        assert_eq!(kind(404, route, &DIRECTORY_LIST), ErrorKind::Unsupported);
        assert_eq!(kind(404, "", &DIRECTORY_LIST), ErrorKind::Unsupported);
    }

    #[test]
    fn a_404_on_a_directory_id_depends_on_the_message() {
        let unknown_id =
            r#"{"statusCode":404,"message":"Directory not found","error":"Not Found"}"#;
        assert_eq!(kind(404, unknown_id, &DIRECTORY), ErrorKind::NotFound);
        let fastify = r#"{"statusCode":404,"message":"Route PUT:/training/directories/abc not found","error":"Not Found"}"#;
        assert_eq!(kind(404, fastify, &DIRECTORY), ErrorKind::Unsupported);
        assert_eq!(
            kind(404, "Cannot DELETE /training/directories/abc", &DIRECTORY),
            ErrorKind::Unsupported
        );
        assert_eq!(
            kind(404, r#"{"message":"Not Found"}"#, &DIRECTORY),
            ErrorKind::Unsupported
        );
        assert_eq!(kind(404, "", &DIRECTORY), ErrorKind::Unsupported);
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("0.5", now),
            Some(Duration::from_millis(500))
        );
        // 2023-11-14T22:13:20Z is the epoch second 1_700_000_000.
        assert_eq!(
            parse_retry_after("Tue, 14 Nov 2023 22:13:30 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Tue, 14 Nov 2023 22:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }
}
