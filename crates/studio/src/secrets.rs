//! Where API keys live: the OS keychain (Secret Service on Linux) through [`KeyringStore`], one
//! entry per workspace, namespaced by the app identifier. Never a file: when the keychain cannot
//! be used the call fails with `keychain_unavailable`. [`MemoryStore`] stands in for tests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use opencx::ApiToken;

use crate::error::{ErrorKind, Result, StudioError};

/// The app identifier from tauri.conf.json: the keychain service every key is stored under.
pub const APP_IDENTIFIER: &str = "cx.open.training-studio";

/// Get, set and delete the API key of a workspace, by workspace id.
pub trait SecretStore: Send + Sync {
    /// The stored key, or `None` when this workspace has none.
    fn get(&self, workspace_id: &str) -> Result<Option<ApiToken>>;
    /// Stores (or replaces) the key.
    fn set(&self, workspace_id: &str, token: &ApiToken) -> Result<()>;
    /// Removes the key; removing a missing key is not an error.
    fn delete(&self, workspace_id: &str) -> Result<()>;
}

/// The OS keychain through `keyring`: service = the app identifier (the desktop shell adds
/// `.dev` for a development build), account = the workspace id.
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    pub fn new() -> Self {
        KeyringStore::for_service(APP_IDENTIFIER)
    }

    /// The store for keys kept under `service` (a development build's own name).
    pub fn for_service(service: impl Into<String>) -> Self {
        KeyringStore {
            service: service.into(),
        }
    }

    fn entry(&self, workspace_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, workspace_id).map_err(keychain_error)
    }
}

impl Default for KeyringStore {
    fn default() -> Self {
        KeyringStore::new()
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, workspace_id: &str) -> Result<Option<ApiToken>> {
        match self.entry(workspace_id)?.get_password() {
            Ok(secret) => Ok(Some(ApiToken::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(keychain_error(err)),
        }
    }

    fn set(&self, workspace_id: &str, token: &ApiToken) -> Result<()> {
        self.entry(workspace_id)?
            .set_password(token.expose())
            .map_err(keychain_error)
    }

    fn delete(&self, workspace_id: &str) -> Result<()> {
        match self.entry(workspace_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(keychain_error(err)),
        }
    }
}

/// Maps a keychain failure to `keychain_unavailable`. The platform detail goes to the log only
/// (it never holds the secret); the editor gets the plain sentence.
fn keychain_error(err: keyring::Error) -> StudioError {
    tracing::warn!(error = %err, "secure storage call failed");
    match err {
        keyring::Error::BadEncoding(_) | keyring::Error::Ambiguous(_) => StudioError::new(
            ErrorKind::KeychainUnavailable,
            "Secure storage holds an API key for this workspace that Training Studio cannot \
             read. Remove the workspace (Sign out) and sign in again with a fresh key.",
        ),
        // PlatformFailure (no session bus, no daemon), NoStorageAccess (locked or no collection)
        // and anything newer: the keychain is not usable right now.
        _ => StudioError::keychain_unavailable(),
    }
}

/// Keys in memory, for tests and for a shell under test. Clones share the same entries.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    entries: Arc<Mutex<HashMap<String, ApiToken>>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, ApiToken>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, workspace_id: &str) -> Result<Option<ApiToken>> {
        Ok(self.entries().get(workspace_id).cloned())
    }

    fn set(&self, workspace_id: &str, token: &ApiToken) -> Result<()> {
        self.entries()
            .insert(workspace_id.to_owned(), token.clone());
        Ok(())
    }

    fn delete(&self, workspace_id: &str) -> Result<()> {
        self.entries().remove(workspace_id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trip() {
        let store = MemoryStore::new();
        assert!(store.get("w1").unwrap().is_none());
        store.set("w1", &ApiToken::new("ocx_live_one")).unwrap();
        let shared = store.clone();
        assert_eq!(shared.get("w1").unwrap().unwrap().expose(), "ocx_live_one");
        store.set("w1", &ApiToken::new("ocx_live_two")).unwrap();
        assert_eq!(store.get("w1").unwrap().unwrap().expose(), "ocx_live_two");
        store.delete("w1").unwrap();
        store.delete("w1").unwrap();
        assert!(shared.get("w1").unwrap().is_none());
    }

    #[test]
    fn keychain_failures_are_keychain_unavailable() {
        for err in [
            keyring::Error::PlatformFailure("no session bus".into()),
            keyring::Error::NoStorageAccess("locked".into()),
            keyring::Error::BadEncoding(vec![0xff]),
        ] {
            let mapped = keychain_error(err);
            assert_eq!(mapped.kind(), ErrorKind::KeychainUnavailable);
        }
        assert_eq!(
            keychain_error(keyring::Error::NoStorageAccess("locked".into())).message(),
            crate::error::KEYCHAIN_UNAVAILABLE
        );
    }

    #[test]
    fn keyring_store_uses_the_app_identifier() {
        assert_eq!(KeyringStore::new().service, "cx.open.training-studio");
    }
}
