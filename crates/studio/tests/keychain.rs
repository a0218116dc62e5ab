//! The keychain store against the real Secret Service (feature `keychain-it`). Run inside a
//! D-Bus session with an unlocked gnome-keyring (see scripts/test.sh); without one these tests
//! fail and say so, they never pass silently.
#![cfg(feature = "keychain-it")]

use std::process::Command;

use opencx::ApiToken;
use studio::{ErrorKind, KeyringStore, SecretStore};

/// Set in the child process that runs with no reachable session bus.
const NO_BUS_CHILD: &str = "STUDIO_KEYCHAIN_NO_BUS_CHILD";

fn unique_workspace() -> String {
    format!("keychain-it-{}", uuid::Uuid::new_v4())
}

#[test]
fn set_get_delete_round_trip_in_the_real_secret_service() {
    let store = KeyringStore::new();
    let id = unique_workspace();
    let token = ApiToken::new(format!("ocx_live_{}", uuid::Uuid::new_v4().simple()));
    if let Err(err) = store.set(&id, &token) {
        panic!(
            "No usable Secret Service: {err}\nRun these tests inside `dbus-run-session` with an \
             unlocked gnome-keyring-daemon (see scripts/test.sh)."
        );
    }
    assert_eq!(store.get(&id).unwrap().unwrap().expose(), token.expose());
    let replacement = ApiToken::new("ocx_live_replacement");
    store.set(&id, &replacement).unwrap();
    assert_eq!(
        store.get(&id).unwrap().unwrap().expose(),
        "ocx_live_replacement"
    );
    store.delete(&id).unwrap();
    assert!(store.get(&id).unwrap().is_none());
    // Deleting what is already gone is fine.
    store.delete(&id).unwrap();
}

#[test]
fn a_missing_entry_is_none() {
    let store = KeyringStore::new();
    match store.get(&unique_workspace()) {
        Ok(found) => assert!(found.is_none()),
        Err(err) => panic!("No usable Secret Service: {err}"),
    }
}

/// Runs itself again in a child process whose session bus address points nowhere: every call
/// must fail with `keychain_unavailable` and the plain message, and nothing is stored.
#[test]
fn unreachable_secret_service_is_a_clear_error() {
    if std::env::var_os(NO_BUS_CHILD).is_some() {
        let store = KeyringStore::new();
        let id = unique_workspace();
        let err = store
            .set(&id, &ApiToken::new("ocx_live_never_stored"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::KeychainUnavailable);
        assert!(err.message().contains("not stored anywhere else"), "{err}");
        assert_eq!(
            store.get(&id).unwrap_err().kind(),
            ErrorKind::KeychainUnavailable
        );
        assert_eq!(
            store.delete(&id).unwrap_err().kind(),
            ErrorKind::KeychainUnavailable
        );
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "keychain_unavailable");
        return;
    }
    let nowhere = tempfile::tempdir().unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "unreachable_secret_service_is_a_clear_error",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(NO_BUS_CHILD, "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", nowhere.path().join("no-bus").display()),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child without a session bus failed:\n{stdout}\n{stderr}"
    );
}
