//! The client's settings and the shared client handle: one `reqwest::Client` with timeouts and a
//! User-Agent, the base URL, the rate budget and the request counter.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION};
use url::Url;

use crate::backoff::Backoff;
use crate::budget::RateBudget;
use crate::{ApiToken, Error, Result};

/// Where open.cx answers unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://api.open.cx";

/// How a [`Client`] connects. `Debug` never shows the token.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The API root, e.g. `https://api.open.cx` or a simulator's `http://127.0.0.1:PORT`;
    /// a trailing slash and a path prefix (behind a proxy) are fine.
    pub base_url: String,
    pub token: ApiToken,
    /// How long to wait for a connection (default 5 s).
    pub connect_timeout: Duration,
    /// How long one attempt may take in all (default 30 s).
    pub total_timeout: Duration,
    /// Client-side budget shared by all calls (default 100, open.cx's documented limit);
    /// 0 = no budget.
    pub requests_per_minute: u32,
    /// Attempts per idempotent call, the first included (default 4).
    pub max_attempts: u32,
    /// Sent as `User-Agent` (default `training-studio/<version>`).
    pub user_agent: String,
    /// Told before each wait for a retry, so an app can show that it is waiting (default none).
    pub on_retry_wait: Option<RetryObserver>,
}

/// A callback told `(wait, attempt)` just before the client sleeps before retry attempt
/// `attempt` (the attempt that follows the wait, so 2 for the first retry). Never given the token.
#[derive(Clone)]
pub struct RetryObserver(Arc<dyn Fn(Duration, u32) + Send + Sync>);

impl RetryObserver {
    pub fn new(observe: impl Fn(Duration, u32) + Send + Sync + 'static) -> Self {
        RetryObserver(Arc::new(observe))
    }

    pub(crate) fn notify(&self, wait: Duration, attempt: u32) {
        (self.0)(wait, attempt)
    }
}

impl fmt::Debug for RetryObserver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RetryObserver")
    }
}

impl ClientConfig {
    /// The documented defaults for this base URL and key.
    pub fn new(base_url: impl Into<String>, token: ApiToken) -> Self {
        ClientConfig {
            base_url: base_url.into(),
            token,
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(30),
            requests_per_minute: 100,
            max_attempts: 4,
            user_agent: concat!("training-studio/", env!("CARGO_PKG_VERSION")).to_string(),
            on_retry_wait: None,
        }
    }
}

/// A typed open.cx client. Cheap to clone; clones share the connection pool, the rate budget
/// and the request counter.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The base URL with its path's trailing slash removed.
    pub(crate) base: Url,
    base_text: String,
    /// `host[:port]`, for error sentences.
    pub(crate) host: String,
    pub(crate) budget: RateBudget,
    pub(crate) backoff: Backoff,
    pub(crate) max_attempts: u32,
    pub(crate) connect_timeout: Duration,
    pub(crate) total_timeout: Duration,
    pub(crate) sent: AtomicU64,
    pub(crate) on_retry_wait: Option<RetryObserver>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_text)
            .field("token", &"<redacted>")
            .field("max_attempts", &self.inner.max_attempts)
            .field("total_timeout", &self.inner.total_timeout)
            .finish_non_exhaustive()
    }
}

fn config_error(message: impl Into<String>) -> Error {
    Error::Config {
        message: message.into(),
    }
}

/// Parses and normalises the base URL: https, or plain http for a server on this computer only
/// (the key would otherwise cross the network in clear text); no query or fragment, no trailing
/// slash.
fn parse_base_url(raw: &str) -> Result<Url> {
    let mut url = Url::parse(raw.trim()).map_err(|e| {
        config_error(format!(
            "the server address \"{}\" is not a valid URL ({e})",
            raw.trim()
        ))
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(config_error(format!(
            "the server address \"{}\" must start with https:// (or http:// for a local server)",
            raw.trim()
        )));
    }
    if url.scheme() == "http" && !is_loopback(&url) {
        return Err(config_error(format!(
            "the server address \"{}\" would send the API key unencrypted over the network, so use \
             https:// (plain http:// is only for a server on this computer, such as localhost or \
             127.0.0.1)",
            raw.trim()
        )));
    }
    url.set_query(None);
    url.set_fragment(None);
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
    }
    Ok(url)
}

/// Whether the URL's host is this computer: `localhost`, 127.0.0.0/8 or ::1.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        (None, _) => url.as_str().to_string(),
    }
}

impl Client {
    /// Builds the client; fails with [`crate::ErrorKind::Config`] for an unusable base URL, an
    /// empty key, a key that cannot be sent in a header, or `max_attempts = 0`.
    pub fn new(config: ClientConfig) -> Result<Self> {
        let base = parse_base_url(&config.base_url)?;
        let secret = config.token.expose().trim();
        if secret.is_empty() {
            return Err(config_error("the API key is empty"));
        }
        let mut auth = HeaderValue::from_str(&format!("Bearer {secret}"))
            .map_err(|_| config_error("the API key contains characters a key cannot have"))?;
        auth.set_sensitive(true);
        if config.max_attempts == 0 {
            return Err(config_error("max_attempts must be at least 1"));
        }
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, auth);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent(config.user_agent.as_str())
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .build()
            .map_err(|e| config_error(format!("the HTTP client could not be set up ({e})")))?;
        let base_text = base.as_str().trim_end_matches('/').to_string();
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                host: host_of(&base),
                base_text,
                base,
                budget: RateBudget::per_minute(config.requests_per_minute),
                backoff: Backoff::default(),
                max_attempts: config.max_attempts,
                connect_timeout: config.connect_timeout,
                total_timeout: config.total_timeout,
                sent: AtomicU64::new(0),
                on_retry_wait: config.on_retry_wait,
            }),
        })
    }

    /// The normalised base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.base_text
    }

    /// The requests a minute this client allows itself (0 = no limit).
    pub fn requests_per_minute(&self) -> u32 {
        u32::try_from(self.inner.budget.limit()).unwrap_or(u32::MAX)
    }

    /// How many HTTP requests this client (and its clones) has sent, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.inner.sent.load(Ordering::Relaxed)
    }

    /// The URL of an API path given as unencoded segments, e.g. `["training", id]`.
    pub(crate) fn url(&self, segments: &[impl AsRef<str>]) -> Url {
        let mut url = self.inner.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty()
                .extend(segments.iter().map(AsRef::as_ref));
        }
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn client(base: &str) -> Result<Client> {
        Client::new(ClientConfig::new(base, ApiToken::new("ocx_live_secret")))
    }

    #[test]
    fn defaults_match_the_contract() {
        let c = ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new("k"));
        assert_eq!(c.connect_timeout, Duration::from_secs(5));
        assert_eq!(c.total_timeout, Duration::from_secs(30));
        assert_eq!(c.requests_per_minute, 100);
        assert_eq!(c.max_attempts, 4);
        assert_eq!(
            c.user_agent,
            format!("training-studio/{}", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let config = ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new("ocx_live_secret"));
        let text = format!("{config:?}");
        assert!(text.contains("<redacted>") && !text.contains("ocx_live_secret"));
        let text = format!("{:?}", Client::new(config).unwrap());
        assert!(text.contains("<redacted>") && !text.contains("ocx_live_secret"));
    }

    #[test]
    fn trailing_slashes_and_prefixes_are_tolerated() {
        let c = client("http://127.0.0.1:8080/").unwrap();
        assert_eq!(c.base_url(), "http://127.0.0.1:8080");
        assert_eq!(
            c.url(&["training", "a b/c"]).as_str(),
            "http://127.0.0.1:8080/training/a%20b%2Fc"
        );
        let c = client("https://proxy.example/opencx/").unwrap();
        assert_eq!(c.base_url(), "https://proxy.example/opencx");
        assert_eq!(
            c.url(&["training"]).as_str(),
            "https://proxy.example/opencx/training"
        );
        assert_eq!(c.inner.host, "proxy.example");
    }

    #[test]
    fn unusable_settings_are_config_errors() {
        for base in ["", "api.open.cx", "ftp://api.open.cx", "not a url"] {
            assert_eq!(
                client(base).unwrap_err().kind(),
                ErrorKind::Config,
                "{base}"
            );
        }
        for base in [
            "http://api.open.cx",
            "http://192.168.1.20:8080",
            "http://127.0.0.1.example.com",
            "http://[2001:db8::1]",
        ] {
            let err = client(base).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Config, "{base}");
            assert!(err.to_string().contains("unencrypted"), "{err}");
        }
        for base in [
            "http://localhost:4000",
            "http://LOCALHOST",
            "http://127.0.0.1:8080",
            "http://127.9.9.9",
            "http://[::1]:9000",
            "https://api.open.cx",
        ] {
            assert!(client(base).is_ok(), "{base}");
        }
        let empty_key = Client::new(ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new(" ")));
        assert_eq!(empty_key.unwrap_err().kind(), ErrorKind::Config);
        let bad_key = Client::new(ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new("a\nb")));
        let err = bad_key.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(!err.to_string().contains("a\nb"));
        let mut config = ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new("k"));
        config.max_attempts = 0;
        assert_eq!(Client::new(config).unwrap_err().kind(), ErrorKind::Config);
    }
}
