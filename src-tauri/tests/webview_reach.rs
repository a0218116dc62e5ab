//! What the webview may call, read from the app's compiled Tauri context (every capability file
//! the build found, not only `main.json`): every command Tauri knows (each core plugin's and
//! the app's, from the generated ACL manifests) is asked of the runtime authority for the main
//! window. Exactly the app's own commands (its manifest, which build.rs writes from the command
//! list) and listening to events may be allowed; nothing for another window label or for a
//! remote origin. `src/contract.rs` checks the same list against the registered handlers.

use std::collections::BTreeSet;

use serde_json::Value;
use tauri::ipc::Origin;

/// Every command named in the generated ACL manifests, as the IPC spells it
/// (`plugin:window|close` for a core plugin's, `sign_in` for the app's), and the app's alone.
fn known_commands() -> (BTreeSet<String>, BTreeSet<String>) {
    let manifests: Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/gen/schemas/acl-manifests.json"
    )))
    .unwrap();
    let mut commands = BTreeSet::new();
    let mut apps = BTreeSet::new();
    for (plugin, manifest) in manifests.as_object().unwrap() {
        let prefix = match plugin.as_str() {
            "__app-acl__" => String::new(),
            "core" => continue, // permission sets only
            other => format!("plugin:{}|", other.trim_start_matches("core:")),
        };
        for permission in manifest["permissions"].as_object().unwrap().values() {
            for list in ["allow", "deny"] {
                for command in permission["commands"][list]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let command = format!("{prefix}{}", command.as_str().unwrap());
                    if prefix.is_empty() {
                        apps.insert(command.clone());
                    }
                    commands.insert(command);
                }
            }
        }
    }
    (commands, apps)
}

fn allowed(window: &str, origin: &Origin) -> BTreeSet<String> {
    let mut context: tauri::Context<tauri::Wry> = tauri::generate_context!();
    let authority = context.runtime_authority_mut();
    known_commands()
        .0
        .into_iter()
        .filter(|command| {
            authority
                .resolve_access(command, window, window, origin)
                .is_some()
        })
        .collect()
}

#[test]
fn the_main_window_may_call_exactly_the_apps_commands_and_listen() {
    let (known, apps) = known_commands();
    assert!(
        known.contains("plugin:window|close") && known.contains("plugin:webview|create_webview")
    );
    assert!(
        apps.contains("sign_in") && apps.contains("render_preview"),
        "{apps:?}"
    );
    let expected: BTreeSet<String> = apps
        .into_iter()
        .chain(["plugin:event|listen".into(), "plugin:event|unlisten".into()])
        .collect();
    let granted = allowed("main", &Origin::Local);
    let extra: Vec<_> = granted.difference(&expected).collect();
    let missing: Vec<_> = expected.difference(&granted).collect();
    assert!(extra.is_empty(), "granted but not needed: {extra:?}");
    assert!(missing.is_empty(), "needed but not granted: {missing:?}");
}

#[test]
fn other_windows_and_remote_pages_may_call_nothing() {
    assert_eq!(allowed("popup", &Origin::Local), BTreeSet::new());
    let remote = Origin::Remote {
        url: "https://evil.example".parse().unwrap(),
    };
    assert_eq!(allowed("main", &remote), BTreeSet::new());
}
