//! Tauri's build step: reads tauri.conf.json at the package root, capabilities from src-tauri,
//! and puts the app's own commands under the ACL (each needs `allow-<command>` in a capability).
//! Also creates an empty ui/dist when the UI was not built, so `cargo test` works without it.

// Every IPC command of the app (`COMMANDS`), shared with the shell's tests.
include!("src/commands/names.rs");

fn main() {
    // tauri-build does not watch a custom capabilities folder by itself.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/dist");
    if !dist.exists() {
        std::fs::create_dir_all(&dist).expect("create ui/dist");
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
