//! Training Studio desktop shell: the Tauri app around the `studio` service. It manages one
//! [`studio::Studio`], registers the IPC commands (in [`commands`]), holds the window's close
//! until the UI agrees (telling it whether a bulk job runs), forwards the client's retry waits,
//! job progress and outbox changes as events (all of them in [`events`]), and sends the outbox
//! while entries wait. One app runs per data
//! folder: a second launch brings the running window to the front ([`single_instance`]). The
//! command line's commands (`export`, `import`, `replace`) run the same service without a window
//! ([`cli`]).

pub mod cli;
pub mod commands;
#[cfg(test)]
mod contract;
pub mod events;
pub mod flavour;
pub mod single_instance;
#[cfg(test)]
mod tests;

use std::time::Duration;

use studio::{DemoSeed, KeyringStore, Studio};
use tauri::{Manager, Runtime, WindowEvent};

use commands::examples::FileChooser;
use commands::window::CloseGuard;
use events::ApiWaiting;

/// How the app was started (from the command line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchOptions {
    /// Open the demo workspace at start instead of the last one.
    pub demo: bool,
    /// The demo simulator's seed (`demo`, `empty`, `scale:N`).
    pub demo_seed: DemoSeed,
}

/// Runs the desktop app.
pub fn run(options: LaunchOptions) {
    init_tracing();
    let context = tauri::generate_context!();
    let mut builder = tauri::Builder::default();
    // First, before anything opens a window or reads the data folder.
    let identifier = context.config().identifier.clone();
    match flavour::data_dir(&identifier) {
        Some(dir) => builder = builder.plugin(single_instance::plugin(&identifier, &dir)),
        None => tracing::warn!("no data folder known: a second launch is not held back"),
    }
    build_app(builder.manage(options))
        .run(context)
        .expect("error while running Training Studio");
}

/// Registers the commands, the state and the window handling on `builder`. A [`Studio`]
/// managed before this (tests) is used as is; otherwise one is made in setup with this build's
/// data folder and keychain service ([`flavour`]). So is a [`FileChooser`] (otherwise the
/// system's, through the dialog plugin, used from Rust only).
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(CloseGuard::default())
        .setup(|app| {
            if app.try_state::<Studio>().is_none() {
                let options = app
                    .try_state::<LaunchOptions>()
                    .map(|o| o.inner().clone())
                    .unwrap_or_default();
                let identifier = &app.config().identifier;
                let data_dir = flavour::data_dir(identifier).ok_or("no data folder is known")?;
                let keys = KeyringStore::for_service(flavour::storage_name(identifier));
                let studio = Studio::new(data_dir, Box::new(keys))
                    .with_demo_seed(options.demo_seed)
                    .with_demo_at_start(options.demo);
                app.manage(studio);
            }
            // The kept workspace (and the demo's simulator) start loading while the window does.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move { handle.state::<Studio>().warm_up().await });
            if app.try_state::<FileChooser>().is_none() {
                app.manage(FileChooser::system(app.handle()));
            }
            let handle = app.handle().clone();
            app.state::<Studio>()
                .set_retry_hook(move |wait: Duration, attempt: u32| {
                    events::emit(&handle, &ApiWaiting::new(wait, attempt));
                });
            let handle = app.handle().clone();
            app.state::<Studio>()
                .set_job_hook(move |progress| events::emit(&handle, progress));
            let handle = app.handle().clone();
            app.state::<Studio>()
                .set_outbox_hook(move |view| events::emit(&handle, view));
            commands::outbox::keep_sending(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                if !window.state::<CloseGuard>().is_approved() {
                    api.prevent_close();
                    commands::window::ask_before_closing(window);
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspaces::list_workspaces,
            commands::workspaces::resume_session,
            commands::workspaces::sign_in,
            commands::workspaces::open_demo,
            commands::workspaces::switch_workspace,
            commands::workspaces::sign_out,
            commands::workspaces::draft_rules,
            commands::workspaces::check_draft_rules,
            commands::trainings::load_workspace,
            commands::trainings::cached_workspace,
            commands::trainings::search_trainings,
            commands::trainings::render_preview,
            commands::trainings::review_changes,
            commands::trainings::save_training,
            commands::trainings::save_as_separate_draft,
            commands::window::confirm_close,
            commands::organise::create_training,
            commands::directories::create_directory,
            commands::directories::rename_directory,
            commands::directories::delete_directory,
            commands::jobs::start_job,
            commands::jobs::cancel_job,
            commands::jobs::retry_failed,
            commands::journal::journal_write,
            commands::journal::journal_list,
            commands::journal::journal_discard,
            commands::history::history_list,
            commands::history::history_version,
            commands::history::history_compare,
            commands::reach::what_will_the_ai_see,
            commands::reach::coverage_map,
            commands::reach::coverage_cell,
            commands::examples::example_questions,
            commands::examples::keep_example_question,
            commands::examples::remove_example_question,
            commands::examples::run_example_checks,
            commands::examples::export_example_questions,
            commands::examples::import_example_questions,
            commands::files::export_to_folder,
            commands::files::plan_import,
            commands::files::settle_import_conflict,
            commands::files::start_import,
            commands::chat_try::chat_consent,
            commands::chat_try::try_on_opencx,
            commands::radar::instruction_health,
            commands::radar::check_up,
            commands::similar::similar_trainings,
            commands::find_replace::find_text,
            commands::find_replace::review_replace,
            commands::similar::compare_trainings,
            commands::outbox::outbox_list,
            commands::outbox::outbox_send,
            commands::outbox::outbox_discard,
            commands::links::open_link,
        ])
}

/// Logs to stderr; `RUST_LOG` overrides the default `info`. Nothing logged carries a key or a
/// training's content at info level.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        // html5ever (inside the preview's sanitizer) warns about markup it repairs, e.g. in
        // hostile tables; that is the sanitizer doing its job, not news for the log.
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,html5ever=error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
