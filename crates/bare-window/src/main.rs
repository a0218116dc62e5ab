//! A bare Tauri 2 window showing one static page: the baseline of the app's startup benchmark
//! (`ui/e2e/bench/startup.mjs`). Like `training-studio`, it turns WebKitGTK's accelerated
//! compositing off on Linux unless `WEBKIT_DISABLE_COMPOSITING_MODE` is already set, so both are
//! measured drawing the same way.

fn main() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the bare window");
}
