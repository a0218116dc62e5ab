//! How a simulator is configured: the seed, the accepted tokens and their scopes, limits, faults
//! at start, persistence.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;

use crate::readings::{ChatAnswer, DraftMode, OmittedFields};

/// The full-access token accepted when no token is configured.
pub const DEFAULT_FULL_TOKEN: &str = "ocx_test_full";
/// The read-only token (`training:read`, `segments:read`) accepted when no token is configured.
pub const DEFAULT_READ_TOKEN: &str = "ocx_test_read";

/// The scopes an open.cx API key can carry. open.cx's scope list names `chat-sessions:*`;
/// the simulator reads that as a read and a write scope (its own reading).
pub const SCOPES: [&str; 5] = [
    "training:read",
    "training:write",
    "segments:read",
    "chat-sessions:read",
    "chat-sessions:write",
];

/// What the store holds when the simulator starts without a state file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// A realistic support organisation (directories, 40+ trainings, segments); stable ids.
    Demo,
    /// Nothing at all.
    #[default]
    Empty,
    /// N generated trainings of varied shape and N/8 extra segments (at most 1,000), for
    /// benchmarks and paging tests.
    Scale(usize),
}

impl FromStr for Seed {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "demo" => Ok(Seed::Demo),
            "empty" => Ok(Seed::Empty),
            _ => match s.strip_prefix("scale:") {
                Some(n) => n
                    .parse()
                    .map(Seed::Scale)
                    .map_err(|_| format!("`{s}`: the N in scale:N must be a whole number")),
                None => Err(format!("unknown seed `{s}`: use demo, empty or scale:N")),
            },
        }
    }
}

impl fmt::Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seed::Demo => f.write_str("demo"),
            Seed::Empty => f.write_str("empty"),
            Seed::Scale(n) => write!(f, "scale:{n}"),
        }
    }
}

/// One accepted API key. `Debug` never shows the token itself.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenSpec {
    pub token: String,
    /// `None` = full access.
    pub scopes: Option<Vec<String>>,
}

impl TokenSpec {
    /// A token with full access.
    pub fn full(token: impl Into<String>) -> Self {
        TokenSpec {
            token: token.into(),
            scopes: None,
        }
    }

    /// A token limited to the given scopes.
    pub fn scoped(token: impl Into<String>, scopes: &[&str]) -> Self {
        TokenSpec {
            token: token.into(),
            scopes: Some(scopes.iter().map(|s| s.to_string()).collect()),
        }
    }

    /// Whether this token may use a route that needs `scope`.
    pub fn allows(&self, scope: &str) -> bool {
        self.scopes
            .as_ref()
            .is_none_or(|scopes| scopes.iter().any(|s| s == scope))
    }

    /// "full access" or the scope list, for notes that must not show the token.
    pub fn access_label(&self) -> String {
        match &self.scopes {
            None => "full access".to_string(),
            Some(s) => s.join(","),
        }
    }
}

impl fmt::Debug for TokenSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSpec")
            .field("token", &"<redacted>")
            .field("scopes", &self.scopes)
            .finish()
    }
}

impl FromStr for TokenSpec {
    type Err = String;

    /// `TOKEN` (full access) or `TOKEN:training:read,segments:read`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (token, scopes) = match s.split_once(':') {
            None => (s, None),
            Some((token, list)) => {
                let scopes: Vec<String> = list
                    .split(',')
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect();
                if let Some(bad) = scopes.iter().find(|x| !SCOPES.contains(&x.as_str())) {
                    return Err(format!("unknown scope `{bad}`: use {}", SCOPES.join(", ")));
                }
                (token, Some(scopes))
            }
        };
        if token.is_empty() {
            return Err("a token must not be empty".to_string());
        }
        Ok(TokenSpec {
            token: token.to_string(),
            scopes,
        })
    }
}

/// Everything a simulator needs to start. `Default` gives a loopback server on a random port
/// with the two test tokens, an empty store, 100 requests per minute, no faults, the
/// `fields` draft reading with omitted fields kept, and chat answers in the response.
/// `Debug` never shows the control token.
#[derive(Clone)]
pub struct SimConfig {
    pub addr: SocketAddr,
    pub tokens: Vec<TokenSpec>,
    pub seed: Seed,
    /// Loaded when present (a corrupt file is an error); otherwise created from the seed.
    /// Every change is written to it atomically.
    pub state_file: Option<PathBuf>,
    /// Requests per minute per token; 0 = unlimited.
    pub rate_limit_per_minute: u32,
    /// Latency added to every API request at start (the `latency_ms` fault).
    pub latency_ms: u64,
    /// Seeds fault decisions and generated data, so runs repeat.
    pub random_seed: u64,
    /// Enables the `/_sim` control routes for loopback peers carrying this bearer token.
    pub control_token: Option<String>,
    /// false = the directory routes answer 404 as if they did not exist.
    pub directories_enabled: bool,
    /// Channels a training may not be restricted to: a create or update naming one answers
    /// open.cx's 400 (`body/restricted_to_channels/N must be equal to one of the allowed
    /// values`), as a workspace that does not offer that channel would.
    pub refused_channels: Vec<String>,
    /// How `is_draft` is read (the simulator's reading; open.cx documents neither).
    pub draft_mode: DraftMode,
    /// Whether a `PUT` that omits `metadata`, `start_time` or `end_time` keeps or clears them.
    pub omitted_fields: OmittedFields,
    /// Which documented answer `POST /chat/sessions/{id}/send` gives.
    pub chat_answer: ChatAnswer,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            tokens: default_tokens(),
            seed: Seed::Empty,
            state_file: None,
            rate_limit_per_minute: 100,
            latency_ms: 0,
            random_seed: 0,
            control_token: None,
            directories_enabled: true,
            refused_channels: Vec::new(),
            draft_mode: DraftMode::Fields,
            omitted_fields: OmittedFields::Kept,
            chat_answer: ChatAnswer::InResponse,
        }
    }
}

impl fmt::Debug for SimConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimConfig")
            .field("addr", &self.addr)
            .field("tokens", &self.tokens)
            .field("seed", &self.seed)
            .field("state_file", &self.state_file)
            .field("rate_limit_per_minute", &self.rate_limit_per_minute)
            .field("latency_ms", &self.latency_ms)
            .field("random_seed", &self.random_seed)
            .field(
                "control_token",
                &self.control_token.as_ref().map(|_| "<redacted>"),
            )
            .field("directories_enabled", &self.directories_enabled)
            .field("refused_channels", &self.refused_channels)
            .field("draft_mode", &self.draft_mode)
            .field("omitted_fields", &self.omitted_fields)
            .field("chat_answer", &self.chat_answer)
            .finish()
    }
}

/// The tokens accepted when none is configured.
pub fn default_tokens() -> Vec<TokenSpec> {
    vec![
        TokenSpec::full(DEFAULT_FULL_TOKEN),
        TokenSpec::scoped(DEFAULT_READ_TOKEN, &["training:read", "segments:read"]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_parse() {
        assert_eq!("demo".parse::<Seed>().unwrap(), Seed::Demo);
        assert_eq!("empty".parse::<Seed>().unwrap(), Seed::Empty);
        assert_eq!("scale:250".parse::<Seed>().unwrap(), Seed::Scale(250));
        assert!("scale:x".parse::<Seed>().is_err());
        assert!("other".parse::<Seed>().is_err());
        assert_eq!(Seed::Scale(3).to_string(), "scale:3");
    }

    #[test]
    fn tokens_parse_with_and_without_scopes() {
        let full: TokenSpec = "abc".parse().unwrap();
        assert_eq!(full.scopes, None);
        assert!(full.allows("training:write"));
        let read: TokenSpec = "abc:training:read,segments:read".parse().unwrap();
        assert_eq!(read.token, "abc");
        assert!(read.allows("training:read"));
        assert!(!read.allows("training:write"));
        assert!("abc:training:delete".parse::<TokenSpec>().is_err());
        assert!(":training:read".parse::<TokenSpec>().is_err());
    }

    #[test]
    fn debug_redacts_the_token() {
        let spec = TokenSpec::full("secret_value");
        assert!(!format!("{spec:?}").contains("secret_value"));
    }
}
