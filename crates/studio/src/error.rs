//! The one error type of the studio: a stable machine-readable `kind` the UI switches on, and a
//! `message` an editor can act on. It crosses IPC as exactly `{"kind": "...", "message": "..."}`,
//! plus `"field"` (a [`FormField`]) when the error is about one part of the editor's form.
//! [`ErrorKind`] is exported to TypeScript (`ui/src/lib/bindings/ErrorKind.ts`): the UI's list
//! of kinds is that type, so a kind added here is one the UI's `tsc` asks it to handle.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use ts_rs::TS;

use crate::form_field::FormField;

/// The stable codes of [`StudioError::kind`], on the wire in snake case (`keychain_unavailable`).
/// The UI switches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    Network,
    Timeout,
    Unauthorized,
    Forbidden,
    NotFound,
    Validation,
    RateLimited,
    Server,
    Decode,
    Unsupported,
    Config,
    Conflict,
    KeychainUnavailable,
    NoWorkspace,
    InvalidInput,
    Io,
    /// Another bulk job is still running.
    Busy,
}

impl ErrorKind {
    /// Whether open.cx could not be reached (after the client's own retries): the network, a
    /// timeout, or the server failing. What is sent then can wait and be sent again later.
    /// The UI's `isUnreachable` (ui/src/lib/errors.ts) says the same, checked by the shell's
    /// contract test.
    pub fn is_unreachable(self) -> bool {
        matches!(
            self,
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Server
        )
    }
}

impl From<&opencx::ErrorKind> for ErrorKind {
    fn from(kind: &opencx::ErrorKind) -> Self {
        match kind {
            opencx::ErrorKind::Network => ErrorKind::Network,
            opencx::ErrorKind::Timeout => ErrorKind::Timeout,
            opencx::ErrorKind::Unauthorized => ErrorKind::Unauthorized,
            opencx::ErrorKind::Forbidden => ErrorKind::Forbidden,
            opencx::ErrorKind::NotFound => ErrorKind::NotFound,
            opencx::ErrorKind::Validation => ErrorKind::Validation,
            opencx::ErrorKind::RateLimited => ErrorKind::RateLimited,
            opencx::ErrorKind::Server => ErrorKind::Server,
            opencx::ErrorKind::Decode => ErrorKind::Decode,
            opencx::ErrorKind::Unsupported => ErrorKind::Unsupported,
            opencx::ErrorKind::Config => ErrorKind::Config,
        }
    }
}

/// What went wrong, for the editor: `kind` for the UI's logic, `message` to show as is, and
/// the form field it is about, if any.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct StudioError {
    kind: ErrorKind,
    message: String,
    field: Option<FormField>,
}

/// Shown whenever the OS keychain cannot be used; the key is never kept anywhere else.
pub const KEYCHAIN_UNAVAILABLE: &str = "Your system's secure storage (Secret Service: GNOME \
Keyring or KWallet) is not running or is locked, so Training Studio cannot keep the API key. \
Start or unlock it (log in to your desktop session, or open \"Passwords and Keys\" and unlock \
the login keyring), then try again. The key was not stored anywhere else.";

impl StudioError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        StudioError {
            kind,
            message: message.into(),
            field: None,
        }
    }

    /// The same error, about this field of the editor's form.
    pub fn with_field(self, field: FormField) -> Self {
        StudioError {
            field: Some(field),
            ..self
        }
    }

    /// An editor's input that cannot be saved as it is.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        StudioError::new(ErrorKind::InvalidInput, message)
    }

    /// The OS keychain is missing, locked or refused the call.
    pub fn keychain_unavailable() -> Self {
        StudioError::new(ErrorKind::KeychainUnavailable, KEYCHAIN_UNAVAILABLE)
    }

    /// A call that needs an open workspace came before sign-in.
    pub fn no_workspace() -> Self {
        StudioError::new(
            ErrorKind::NoWorkspace,
            "No workspace is open. Sign in to a workspace or open the demo workspace first.",
        )
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn field(&self) -> Option<FormField> {
        self.field
    }
}

impl From<opencx::Error> for StudioError {
    fn from(err: opencx::Error) -> Self {
        // The client's Display is already a sentence an editor can act on: keep it.
        StudioError::new(ErrorKind::from(&err.kind()), err.to_string())
    }
}

impl Serialize for StudioError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = if self.field.is_some() { 3 } else { 2 };
        let mut s = serializer.serialize_struct("StudioError", len)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("message", &self.message)?;
        if let Some(field) = &self.field {
            s.serialize_field("field", field)?;
        }
        s.end()
    }
}

pub type Result<T, E = StudioError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_exactly_kind_and_message() {
        let err = StudioError::invalid_input("Give the training a title before saving.");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "invalid_input",
                "message": "Give the training a title before saving."
            })
        );
        assert_eq!(
            serde_json::to_string(&StudioError::keychain_unavailable()).unwrap(),
            format!(
                "{{\"kind\":\"keychain_unavailable\",\"message\":{}}}",
                serde_json::to_string(KEYCHAIN_UNAVAILABLE).unwrap()
            )
        );
    }

    #[test]
    fn an_error_about_a_form_field_adds_exactly_field() {
        let err = StudioError::new(
            ErrorKind::Validation,
            "open.cx does not accept the channel “WhatsApp”. Untick it, then save again.",
        )
        .with_field(FormField::Channels);
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            serde_json::json!({
                "kind": "validation",
                "message": "open.cx does not accept the channel “WhatsApp”. Untick it, then save again.",
                "field": "channels"
            })
        );
        let fields: Vec<serde_json::Value> = [
            FormField::Title,
            FormField::Content,
            FormField::Type,
            FormField::Directory,
            FormField::Channels,
            FormField::Segments,
            FormField::Window,
        ]
        .iter()
        .map(|f| serde_json::to_value(f).unwrap())
        .collect();
        assert_eq!(
            fields,
            [
                "title",
                "content",
                "type",
                "directory",
                "channels",
                "segments",
                "window"
            ]
        );
    }

    #[test]
    fn kinds_cross_as_snake_case_codes() {
        let codes = [
            ErrorKind::NotFound,
            ErrorKind::RateLimited,
            ErrorKind::KeychainUnavailable,
        ]
        .map(|kind| serde_json::to_value(kind).unwrap());
        assert_eq!(codes, ["not_found", "rate_limited", "keychain_unavailable"]);
        let busy: ErrorKind = serde_json::from_value(serde_json::json!("busy")).unwrap();
        assert_eq!(busy, ErrorKind::Busy);
    }

    #[test]
    fn each_client_kind_becomes_the_studio_kind_of_the_same_name() {
        for kind in [
            opencx::ErrorKind::Network,
            opencx::ErrorKind::Timeout,
            opencx::ErrorKind::Unauthorized,
            opencx::ErrorKind::Forbidden,
            opencx::ErrorKind::NotFound,
            opencx::ErrorKind::Validation,
            opencx::ErrorKind::RateLimited,
            opencx::ErrorKind::Server,
            opencx::ErrorKind::Decode,
            opencx::ErrorKind::Unsupported,
            opencx::ErrorKind::Config,
        ] {
            assert_eq!(format!("{:?}", ErrorKind::from(&kind)), format!("{kind:?}"));
        }
    }

    #[test]
    fn keychain_message_says_what_to_do_and_that_nothing_was_stored() {
        let msg = StudioError::keychain_unavailable().message().to_owned();
        assert!(msg.contains("GNOME Keyring or KWallet"));
        assert!(msg.contains("unlock"));
        assert!(msg.contains("not stored anywhere else"));
    }
}
