//! What keeps a development build apart from an installed release: a debug build (`cargo run`,
//! `scripts/run-demo.sh`, the test suites) keeps its data folder and its keychain entries under
//! the app identifier with `.dev` added, so running the app from a checkout never reads or
//! changes what a release install keeps (its workspaces, unsaved edits, outbox, keys).

use std::path::PathBuf;

/// The app identifier (`identifier` in tauri.conf.json), for what runs without the app's
/// context (the command line).
pub const IDENTIFIER: &str = "cx.open.training-studio";

/// Added to the app identifier by a development build.
pub const DEV_SUFFIX: &str = ".dev";

/// The name this build keeps its data folder and keychain entries under.
pub fn storage_name(identifier: &str) -> String {
    if cfg!(debug_assertions) {
        format!("{identifier}{DEV_SUFFIX}")
    } else {
        identifier.to_owned()
    }
}

/// This build's data folder, known before the app is built: the platform's data folder (on
/// Linux `$XDG_DATA_HOME` or `~/.local/share`, where Tauri's path resolver looks too) joined
/// with [`storage_name`].
pub fn data_dir(identifier: &str) -> Option<PathBuf> {
    dirs::data_dir().map(|base| base.join(storage_name(identifier)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_is_the_configs() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        assert_eq!(config["identifier"], IDENTIFIER);
    }

    #[test]
    fn a_development_build_keeps_its_own_name() {
        let name = storage_name("cx.open.training-studio");
        if cfg!(debug_assertions) {
            assert_eq!(name, "cx.open.training-studio.dev");
        } else {
            assert_eq!(name, "cx.open.training-studio");
        }
    }
}
