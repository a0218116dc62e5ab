//! The API key wrapper: keeps the secret out of logs, `Debug` output and serialized data.

use std::fmt;

/// An open.cx API key (`ocx_live_…`).
///
/// `Debug` prints `ApiToken(<redacted>)`; there is deliberately no `Display` and no
/// `Serialize`, so the key cannot end up in a log line, an error message or an IPC payload by
/// accident. Call [`ApiToken::expose`] only where the key is put on the wire.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiToken(String);

impl ApiToken {
    /// Wraps a key.
    pub fn new(secret: impl Into<String>) -> Self {
        ApiToken(secret.into())
    }

    /// The key itself, for the `Authorization` header and the keychain only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for ApiToken {
    fn from(secret: String) -> Self {
        ApiToken(secret)
    }
}

impl fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let token = ApiToken::new("ocx_live_secret");
        assert_eq!(format!("{token:?}"), "ApiToken(<redacted>)");
        assert_eq!(format!("{token:#?}"), "ApiToken(<redacted>)");
    }

    #[test]
    fn expose_and_from_string_keep_the_secret() {
        let token = ApiToken::from("ocx_live_secret".to_string());
        assert_eq!(token.expose(), "ocx_live_secret");
        assert_eq!(token.clone(), ApiToken::new("ocx_live_secret"));
    }
}
