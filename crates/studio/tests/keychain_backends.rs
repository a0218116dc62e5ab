//! The keychain each OS uses is decided by `keyring`'s features: without `apple-native` and
//! `windows-native`, keyring 3 falls back on macOS and Windows to a store that forgets keys when
//! the app quits. This reads the workspace's `Cargo.lock` (what every build compiles) and checks
//! that keyring pulls in each OS's native store.

use std::path::Path;

/// The dependency names of `package` in the lock file.
fn locked_dependencies(lock: &str, package: &str) -> Vec<String> {
    let block = lock
        .split("[[package]]")
        .find(|block| {
            block
                .lines()
                .any(|l| l.trim() == format!("name = \"{package}\""))
        })
        .unwrap_or_else(|| panic!("{package} is not in Cargo.lock"));
    let list = block
        .split_once("dependencies = [")
        .map(|(_, rest)| rest.split(']').next().unwrap_or(""))
        .unwrap_or("");
    list.split(',')
        .map(|d| d.trim().trim_matches('"').to_owned())
        .filter(|d| !d.is_empty())
        .collect()
}

#[test]
fn keyring_uses_each_operating_systems_own_keychain() {
    let lock_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).expect("the workspace's Cargo.lock");
    let deps = locked_dependencies(&lock, "keyring");
    for (store, os) in [
        ("dbus-secret-service", "the Secret Service on Linux"),
        ("security-framework", "the Keychain on macOS"),
        ("windows-sys", "the Credential Manager on Windows"),
    ] {
        assert!(
            deps.iter()
                .any(|d| d == store || d.starts_with(&format!("{store} "))),
            "keyring is built without {os} ({store} missing from its dependencies: {deps:?})"
        );
    }
}
