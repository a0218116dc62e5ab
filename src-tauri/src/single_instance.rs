//! One app per data folder: a second launch (a double click on the icon while the app runs)
//! brings the running window to the front and exits, instead of a second process that would
//! replay the same outbox and write the same journal and cache. Built on Tauri's
//! single-instance plugin (a D-Bus name on Linux). The name is keyed on the data folder, so a
//! run with a data folder of its own (tests, a `--demo` run with another `XDG_DATA_HOME`) is not
//! held back by the installed app, and two launches on one data folder never both run.

use std::path::Path;

use tauri::{plugin::TauriPlugin, AppHandle, Manager, Runtime};

/// The label of the window a second launch brings to the front (tauri.conf.json).
const MAIN_WINDOW: &str = "main";

/// The plugin's identity for this data folder: the app's identifier and a hash of the folder
/// (the plugin adds `.SingleInstance`). Every element stays a valid D-Bus name element.
pub fn instance_id(identifier: &str, data_dir: &Path) -> String {
    format!(
        "{identifier}.data_{:016x}",
        fnv1a(data_dir.as_os_str().as_encoded_bytes())
    )
}

/// The single-instance plugin for this data folder: a later launch on the same folder hands
/// over to this process, which shows and focuses its window, and exits.
pub fn plugin<R: Runtime>(identifier: &str, data_dir: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, data_dir))
        .callback(|app, _args, _cwd| bring_to_front(app))
        .build()
}

/// Shows the main window (out of the taskbar or from behind others) and gives it the focus.
fn bring_to_front<R: Runtime>(app: &AppHandle<R>) {
    tracing::info!("the app was launched again: bringing its window to the front");
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    for result in [window.unminimize(), window.show(), window.set_focus()] {
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not bring the window to the front");
        }
    }
}

/// 64-bit FNV-1a: a hash that stays the same across builds and Rust versions (the standard
/// library's does not promise that), so two builds of the app agree on the name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_stable_name() {
        let id = "cx.open.training-studio";
        let home = instance_id(
            id,
            Path::new("/home/ann/.local/share/cx.open.training-studio"),
        );
        let test = instance_id(id, Path::new("/tmp/tmp.x1/cx.open.training-studio"));
        assert_ne!(home, test);
        assert_eq!(
            home,
            instance_id(
                id,
                Path::new("/home/ann/.local/share/cx.open.training-studio")
            )
        );
        // The published FNV-1a test vector: the name does not change between builds.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let name = format!("{test}.SingleInstance");
        assert!(name.len() <= 255);
        for element in name.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(element
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        }
    }
}
