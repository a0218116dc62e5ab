//! Helpers: start a simulator in-process and talk to it with reqwest.

use std::time::Duration;

use opencx_sim::{DraftMode, OmittedFields, SimConfig, SimHandle, DEFAULT_FULL_TOKEN};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

pub const FULL: &str = DEFAULT_FULL_TOKEN;
pub const READ: &str = opencx_sim::DEFAULT_READ_TOKEN;

pub struct Sim {
    pub handle: SimHandle,
    pub http: reqwest::Client,
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

pub async fn start(config: SimConfig) -> Sim {
    Sim {
        handle: opencx_sim::spawn(config).await.unwrap(),
        http: client(),
    }
}

pub async fn empty() -> Sim {
    start(SimConfig {
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
}

/// An empty simulator following these readings of what open.cx leaves undocumented.
pub async fn with_readings(draft_mode: DraftMode, omitted_fields: OmittedFields) -> Sim {
    start(SimConfig {
        rate_limit_per_minute: 0,
        draft_mode,
        omitted_fields,
        ..SimConfig::default()
    })
    .await
}

pub async fn demo() -> Sim {
    start(SimConfig {
        seed: opencx_sim::Seed::Demo,
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
}

/// A status, the headers and the JSON body (`Value::Null` if it was not JSON).
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Sim {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.handle.base_url())
    }

    pub fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> reqwest::RequestBuilder {
        let mut req = self.http.request(method, self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.json(body);
        }
        req
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
        let res = self
            .request(method, path, token, body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.bytes().await.unwrap();
        Answer {
            status,
            headers,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.call(Method::GET, path, Some(FULL), None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        self.call(Method::POST, path, Some(FULL), Some(&body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Answer {
        self.call(Method::PUT, path, Some(FULL), Some(&body)).await
    }

    pub async fn delete(&self, path: &str) -> Answer {
        self.call(Method::DELETE, path, Some(FULL), None).await
    }

    /// Creates a training and gives back its JSON.
    pub async fn create(&self, body: Value) -> Value {
        let answer = self.post("/training", body).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.body
    }

    /// Creates a published training with this title.
    pub async fn create_titled(&self, title: &str) -> Value {
        self.create(json!({"title": title, "content": format!("{title} content")}))
            .await
    }
}

/// The documented error body.
pub fn error_body(status: u16, message: &str) -> Value {
    let error = StatusCode::from_u16(status)
        .unwrap()
        .canonical_reason()
        .unwrap()
        .to_string();
    json!({"statusCode": status, "message": message, "error": error})
}

/// The documented validation error body.
pub fn validation_body(message: &str) -> Value {
    json!({"statusCode": 400, "code": "FST_ERR_VALIDATION", "message": message, "error": "Bad Request"})
}

/// `2025-03-04T09:15:00.000Z`: RFC 3339, UTC, milliseconds.
pub fn is_api_time(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        chrono::DateTime::parse_from_rfc3339(s).is_ok_and(|t| {
            t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                == s
        })
    })
}

pub fn is_uuid_v4(v: &Value) -> bool {
    v.as_str()
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
        .is_some_and(|u| u.get_version_num() == 4)
}
