//! Sending one API call: the rate budget, the HTTP exchange, error mapping, and the retry loop
//! for calls that are safe to repeat. Creates (POST) use [`Client::attempt`] directly and decide
//! about repeating themselves.

use std::time::{Duration, SystemTime};

use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::endpoint::Endpoint;
use crate::status::{parse_retry_after, status_error};
use crate::{Client, Error, Result};

/// The longest `Retry-After` the client waits out by itself; a longer one is reported.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(60);

/// One API call, ready to be sent (and sent again).
pub(crate) struct Call {
    pub(crate) method: Method,
    /// Unencoded path segments, e.g. `["training", id]`.
    pub(crate) path: Vec<String>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) endpoint: Endpoint,
}

impl Call {
    pub(crate) fn new(method: Method, path: &[&str], endpoint: Endpoint) -> Self {
        Call {
            method,
            path: path.iter().map(|s| s.to_string()).collect(),
            query: Vec::new(),
            body: None,
            endpoint,
        }
    }

    pub(crate) fn query(mut self, pairs: Vec<(&'static str, String)>) -> Self {
        self.query = pairs;
        self
    }

    /// Adds a JSON body.
    pub(crate) fn json(mut self, body: &impl Serialize) -> Result<Self> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Config {
            message: format!("the request could not be encoded ({e})"),
        })?;
        self.body = Some(bytes);
        Ok(self)
    }
}

/// Whether sending a failed call again could repeat its effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Nothing was applied (no connection was made, or the rate limiter refused): send again.
    Resend,
    /// The request may have reached the server and been applied (timeout, connection lost
    /// after sending, 5xx): repeat only what is idempotent.
    Ambiguous,
    /// Repeating cannot help (4xx, decode errors, config).
    Final,
}

/// A failed attempt.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) error: Error,
    pub(crate) verdict: Verdict,
}

impl Failure {
    fn answered(error: Error) -> Self {
        let verdict = match &error {
            Error::RateLimited { .. } => Verdict::Resend,
            Error::Server { .. } => Verdict::Ambiguous,
            _ => Verdict::Final,
        };
        Failure { error, verdict }
    }
}

/// Which failures [`Client::send`] repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// GET, PUT, DELETE: repeat `Resend` and `Ambiguous` failures.
    Idempotent,
    /// POST: repeat only `Resend` failures.
    SafeOnly,
}

/// The error's own text and its causes, e.g. "error sending request: connection refused".
fn describe(error: reqwest::Error) -> String {
    let error = error.without_url();
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl Client {
    /// Sends `call`, repeating failures as `repeat` allows, at most `max_attempts` times.
    pub(crate) async fn send(&self, call: &Call, repeat: Repeat) -> Result<Vec<u8>> {
        let mut attempt = 1;
        loop {
            let failure = match self.attempt(call).await {
                Ok(body) => return Ok(body),
                Err(failure) => failure,
            };
            let repeatable = match failure.verdict {
                Verdict::Resend => true,
                Verdict::Ambiguous => repeat == Repeat::Idempotent,
                Verdict::Final => false,
            };
            if !repeatable
                || attempt >= self.inner.max_attempts
                || !self.pause_before_retry(&failure.error, attempt).await
            {
                return Err(failure.error);
            }
            attempt += 1;
        }
    }

    /// Sends `call` as [`Repeat::Idempotent`] and decodes the answer.
    pub(crate) async fn fetch<T: DeserializeOwned>(&self, call: &Call) -> Result<T> {
        let body = self.send(call, Repeat::Idempotent).await?;
        decode(&body, &call.endpoint)
    }

    /// Waits before retry number `retry`: the server's `Retry-After` (holding back every call of
    /// this client meanwhile) or a jittered backoff. False when the server asked for a wait too
    /// long to sit through.
    pub(crate) async fn pause_before_retry(&self, error: &Error, retry: u32) -> bool {
        match error.retry_after() {
            Some(wait) if wait > LONGEST_RETRY_AFTER => false,
            Some(wait) => {
                self.tell_waiting(wait, retry);
                self.inner
                    .budget
                    .hold_until(tokio::time::Instant::now() + wait);
                true
            }
            None => {
                let wait = self.inner.backoff.delay(retry, fastrand::f64());
                self.tell_waiting(wait, retry);
                tokio::time::sleep(wait).await;
                true
            }
        }
    }

    fn tell_waiting(&self, wait: Duration, retry: u32) {
        if let Some(observer) = &self.inner.on_retry_wait {
            observer.notify(wait, retry + 1);
        }
    }

    /// One try: waits for the rate budget, sends, reads the whole answer.
    pub(crate) async fn attempt(&self, call: &Call) -> std::result::Result<Vec<u8>, Failure> {
        self.inner.budget.acquire().await;
        let mut url = self.url(&call.path);
        if !call.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&call.query);
        }
        let path = url.path().to_string();
        let mut request = self.inner.http.request(call.method.clone(), url);
        if let Some(body) = &call.body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        self.inner
            .sent
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let response = request.send().await.map_err(|e| {
            let failure = self.transport_failure(e);
            tracing::debug!(method = %call.method, path = %path, error = ?failure.error, "open.cx request failed");
            failure
        })?;
        let status = response.status();
        tracing::debug!(method = %call.method, path = %path, status = status.as_u16(), "open.cx request");
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, SystemTime::now()));
        let body = response
            .bytes()
            .await
            .map_err(|e| self.transport_failure(e))?;
        if status.is_success() {
            Ok(body.to_vec())
        } else {
            Err(Failure::answered(status_error(
                status.as_u16(),
                retry_after,
                &body,
                &call.endpoint,
            )))
        }
    }

    fn transport_failure(&self, e: reqwest::Error) -> Failure {
        let host = self.inner.host.clone();
        let verdict = if e.is_connect() {
            Verdict::Resend
        } else {
            Verdict::Ambiguous
        };
        let error = if e.is_timeout() {
            let after = if e.is_connect() {
                self.inner.connect_timeout
            } else {
                self.inner.total_timeout
            };
            Error::Timeout { host, after }
        } else if e.is_builder() {
            return Failure {
                error: Error::Config {
                    message: format!("the request could not be built ({})", describe(e)),
                },
                verdict: Verdict::Final,
            };
        } else {
            Error::Network {
                host,
                detail: describe(e),
            }
        };
        Failure { error, verdict }
    }
}

/// Decodes a success answer; malformed JSON is [`Error::Decode`].
pub(crate) fn decode<T: DeserializeOwned>(body: &[u8], endpoint: &Endpoint) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| Error::Decode {
        what: endpoint.answer,
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::{On404, Scope};

    const ENDPOINT: Endpoint = Endpoint::new(
        Scope::TrainingRead,
        On404::Missing {
            subject: "This training",
        },
        "the training",
    );

    #[test]
    fn only_rate_limits_are_safe_to_resend_and_only_5xx_are_ambiguous() {
        let verdict = |error| Failure::answered(error).verdict;
        assert_eq!(
            verdict(Error::RateLimited {
                retry_after: None,
                message: None
            }),
            Verdict::Resend
        );
        assert_eq!(
            verdict(Error::Server {
                status: 502,
                message: None
            }),
            Verdict::Ambiguous
        );
        assert_eq!(
            verdict(Error::Unauthorized { message: None }),
            Verdict::Final
        );
    }

    #[test]
    fn malformed_json_is_a_decode_error_naming_the_answer() {
        let err = decode::<crate::Training>(br#"{"id": "x", "title"#, &ENDPOINT).unwrap_err();
        match err {
            Error::Decode { what, detail } => {
                assert_eq!(what, "the training");
                assert!(detail.contains("EOF"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }
}
