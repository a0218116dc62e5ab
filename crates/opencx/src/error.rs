//! The crate's one error type: an [`ErrorKind`] saying what failed, for the app to map to its
//! own codes, and a `Display` sentence an editor can act on. The server's `message` is kept where there is
//! one; the API key never appears.

use std::time::Duration;

/// What went wrong, in kinds the caller can act on (see [`Error::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The server could not be reached or the connection broke.
    Network,
    /// The server did not answer in time (or its AI did not answer a chat message in time).
    Timeout,
    /// 401: the key is missing, wrong or revoked.
    Unauthorized,
    /// 403: the key lacks the scope the call needs.
    Forbidden,
    /// 404 of an id.
    NotFound,
    /// 400 and other refusals of the request's content.
    Validation,
    /// 429, after the client's own retries.
    RateLimited,
    /// 5xx, after the client's own retries.
    Server,
    /// A success answer the client could not read.
    Decode,
    /// The server does not offer this feature (its route answers 404).
    Unsupported,
    /// The client's settings are unusable (base URL, key format).
    Config,
}

/// An open.cx call that failed. `Display` is a sentence for editors; the fields are for code.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("Couldn't reach open.cx at {host}. Check your connection; your changes are kept.")]
    Network {
        host: String,
        /// The transport's own description, for logs.
        detail: String,
    },
    #[error(
        "open.cx at {host} did not answer within {}. Try again in a moment; your changes are kept.",
        seconds(after)
    )]
    Timeout { host: String, after: Duration },
    #[error(
        "open.cx did not accept this API key (401). Create or copy a key in open.cx under Settings → Access."
    )]
    Unauthorized { message: Option<String> },
    #[error(
        "This API key is not allowed to do that (403){}. Use a key with the {scope} scope.",
        colon(message)
    )]
    Forbidden {
        /// The scope the call needed: `training:read`, `training:write`, `segments:read`,
        /// `chat-sessions:read` or `chat-sessions:write`.
        scope: &'static str,
        message: Option<String>,
    },
    #[error(
        "{subject} was not found on open.cx (404){}. It may have been deleted; reload to see the current state.",
        colon(message)
    )]
    NotFound {
        /// What was looked for, as a sentence subject, e.g. "This training".
        subject: &'static str,
        message: Option<String>,
    },
    #[error(
        "open.cx did not accept this ({status}){}. Correct it and try again.",
        colon(message)
    )]
    Validation {
        status: u16,
        message: Option<String>,
        /// The server's machine code, e.g. `FST_ERR_VALIDATION`.
        code: Option<String>,
    },
    #[error(
        "open.cx is receiving too many requests (429). {} Your changes are kept.",
        wait_hint(retry_after)
    )]
    RateLimited {
        retry_after: Option<Duration>,
        message: Option<String>,
    },
    #[error(
        "open.cx had a problem on its side ({status}){}. Try again in a moment; your changes are kept.",
        colon(message)
    )]
    Server {
        status: u16,
        message: Option<String>,
    },
    #[error(
        "open.cx sent {what} that this app could not read ({detail}). Try again; if it keeps happening, the open.cx API may have changed."
    )]
    Decode {
        /// What was being read, e.g. "the training list".
        what: &'static str,
        detail: String,
    },
    #[error("This open.cx workspace does not offer {feature} through its API.")]
    Unsupported {
        /// The missing feature, e.g. "directories".
        feature: &'static str,
        message: Option<String>,
    },
    #[error(
        "open.cx took the message, but its AI had not answered after {}. The conversation is in the workspace's inbox: look there, or try again.",
        seconds(after)
    )]
    NoAnswer {
        /// How long the history was read for the answer.
        after: Duration,
    },
    #[error("The open.cx connection settings are not usable: {message}.")]
    Config { message: String },
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The stable code of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Network { .. } => ErrorKind::Network,
            Error::Timeout { .. } | Error::NoAnswer { .. } => ErrorKind::Timeout,
            Error::Unauthorized { .. } => ErrorKind::Unauthorized,
            Error::Forbidden { .. } => ErrorKind::Forbidden,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Validation { .. } => ErrorKind::Validation,
            Error::RateLimited { .. } => ErrorKind::RateLimited,
            Error::Server { .. } => ErrorKind::Server,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::Unsupported { .. } => ErrorKind::Unsupported,
            Error::Config { .. } => ErrorKind::Config,
        }
    }

    /// How long the server asked to wait (429 `Retry-After`).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The server's own `message`, when it sent one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            Error::Unauthorized { message }
            | Error::Forbidden { message, .. }
            | Error::NotFound { message, .. }
            | Error::Validation { message, .. }
            | Error::RateLimited { message, .. }
            | Error::Server { message, .. }
            | Error::Unsupported { message, .. } => message.as_deref(),
            Error::Network { .. }
            | Error::Timeout { .. }
            | Error::NoAnswer { .. }
            | Error::Decode { .. }
            | Error::Config { .. } => None,
        }
    }
}

/// `": message"` without a doubled full stop, or nothing.
fn colon(message: &Option<String>) -> String {
    match message.as_deref().map(|m| m.trim().trim_end_matches('.')) {
        Some(m) if !m.is_empty() => format!(": {m}"),
        _ => String::new(),
    }
}

/// "1 second", "0.4 seconds", "30 seconds".
fn seconds(d: &Duration) -> String {
    let secs = d.as_secs_f64();
    if secs == 1.0 {
        "1 second".to_string()
    } else {
        format!("{secs} seconds")
    }
}

fn wait_hint(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(d) if d.as_secs() > 1 => format!("Wait {} seconds and try again.", d.as_secs()),
        Some(_) => "Wait a second and try again.".to_string(),
        None => "Wait a minute and try again.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_tell_the_editor_what_to_do() {
        let unauthorized = Error::Unauthorized {
            message: Some("Unauthorized".into()),
        };
        assert_eq!(
            unauthorized.to_string(),
            "open.cx did not accept this API key (401). Create or copy a key in open.cx under Settings → Access."
        );
        let forbidden = Error::Forbidden {
            scope: "training:write",
            message: Some("Missing scope: training:write".into()),
        };
        assert_eq!(
            forbidden.to_string(),
            "This API key is not allowed to do that (403): Missing scope: training:write. Use a key with the training:write scope."
        );
        let network = Error::Network {
            host: "api.open.cx".into(),
            detail: "connection refused".into(),
        };
        assert_eq!(
            network.to_string(),
            "Couldn't reach open.cx at api.open.cx. Check your connection; your changes are kept."
        );
        let validation = Error::Validation {
            status: 400,
            message: Some("body/title must be string".into()),
            code: Some("FST_ERR_VALIDATION".into()),
        };
        assert_eq!(
            validation.to_string(),
            "open.cx did not accept this (400): body/title must be string. Correct it and try again."
        );
        let timeout = Error::Timeout {
            host: "api.open.cx".into(),
            after: Duration::from_millis(1500),
        };
        assert!(timeout.to_string().contains("within 1.5 seconds"));
        let timeout = Error::Timeout {
            host: "api.open.cx".into(),
            after: Duration::from_secs(1),
        };
        assert!(timeout.to_string().contains("within 1 second."));
        let no_answer = Error::NoAnswer {
            after: Duration::from_secs(30),
        };
        assert_eq!(
            no_answer.to_string(),
            "open.cx took the message, but its AI had not answered after 30 seconds. The conversation is in the workspace's inbox: look there, or try again."
        );
        assert_eq!(no_answer.kind(), ErrorKind::Timeout);
    }

    #[test]
    fn a_missing_or_dotted_server_message_reads_well() {
        let server = Error::Server {
            status: 503,
            message: None,
        };
        assert_eq!(
            server.to_string(),
            "open.cx had a problem on its side (503). Try again in a moment; your changes are kept."
        );
        let not_found = Error::NotFound {
            subject: "This training",
            message: Some("Training not found.".into()),
        };
        assert_eq!(
            not_found.to_string(),
            "This training was not found on open.cx (404): Training not found. It may have been deleted; reload to see the current state."
        );
    }

    #[test]
    fn rate_limited_names_the_wait_and_exposes_it() {
        let err = Error::RateLimited {
            retry_after: Some(Duration::from_secs(30)),
            message: Some("Rate limit exceeded".into()),
        };
        assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
        assert_eq!(err.server_message(), Some("Rate limit exceeded"));
        assert!(err.to_string().contains("Wait 30 seconds"));
        assert_eq!(err.kind(), ErrorKind::RateLimited);
    }

    #[test]
    fn transport_errors_have_no_server_message() {
        let err = Error::Decode {
            what: "the training list",
            detail: "EOF while parsing".into(),
        };
        assert_eq!(err.server_message(), None);
        assert_eq!(err.retry_after(), None);
        assert_eq!(err.kind(), ErrorKind::Decode);
    }
}
