//! Tauri's build step: reads tauri.conf.json at the package root, capabilities from src-tauri.
fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"),
    )
    .expect("tauri build script");
}
