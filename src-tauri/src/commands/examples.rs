//! Example questions (see `studio::examples`): the open workspace's questions, keeping and
//! removing one, running their checks (with one training's unsaved edit, for the review), and
//! export to and import from a JSON file. The file is chosen in the system's file chooser, opened
//! from here ([`FileChooser`]): the webview never names a path, and is granted none of the
//! dialog plugin's commands.

use std::path::PathBuf;
use std::sync::Arc;

use studio::{
    CheckRun, ErrorKind, ExampleBook, ExampleQuestion, ImportSummary, ReachEdit, Studio,
    StudioError,
};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

/// The name an export suggests.
const SUGGESTED_NAME: &str = "example-questions.json";

/// What the file chooser is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAsk {
    /// Where to write a new file, suggesting this name.
    Save { suggested: String },
    /// Which file to read.
    Open,
    /// A folder (to export to or import from).
    Folder,
}

type Choose = dyn Fn(FileAsk) -> Option<PathBuf> + Send + Sync;

/// Asks the editor for a file; `None` when they cancel. The app's is the system's file chooser
/// ([`FileChooser::system`]); tests manage one that answers a path of theirs.
#[derive(Clone)]
pub struct FileChooser(Arc<Choose>);

impl FileChooser {
    pub fn new(choose: impl Fn(FileAsk) -> Option<PathBuf> + Send + Sync + 'static) -> Self {
        FileChooser(Arc::new(choose))
    }

    /// The system's file chooser over the main window, for JSON files or a folder.
    pub fn system<R: Runtime>(app: &AppHandle<R>) -> Self {
        let app = app.clone();
        FileChooser::new(move |ask| {
            let mut dialog = app.dialog().file();
            if let Some(window) = app.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            let json = |dialog: tauri_plugin_dialog::FileDialogBuilder<R>| {
                dialog.add_filter("JSON", &["json"])
            };
            let chosen = match ask {
                FileAsk::Save { suggested } => {
                    json(dialog).set_file_name(suggested).blocking_save_file()
                }
                FileAsk::Open => json(dialog).blocking_pick_file(),
                FileAsk::Folder => dialog.blocking_pick_folder(),
            };
            chosen.and_then(|path| path.into_path().ok())
        })
    }

    /// Asks, off the async threads (the chooser waits for the editor).
    pub(crate) async fn choose(&self, ask: FileAsk) -> Result<Option<PathBuf>, StudioError> {
        let choose = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || choose(ask))
            .await
            .map_err(|e| {
                StudioError::new(
                    ErrorKind::Io,
                    format!("The file chooser could not be opened ({e}). Try again."),
                )
            })
    }
}

#[tauri::command]
pub async fn example_questions(studio: State<'_, Studio>) -> Result<ExampleBook, StudioError> {
    studio.example_questions().await
}

#[tauri::command]
pub async fn keep_example_question(
    studio: State<'_, Studio>,
    question: ExampleQuestion,
) -> Result<ExampleBook, StudioError> {
    studio.keep_example_question(question).await
}

#[tauri::command]
pub async fn remove_example_question(
    studio: State<'_, Studio>,
    id: String,
) -> Result<ExampleBook, StudioError> {
    studio.remove_example_question(&id).await
}

#[tauri::command]
pub async fn run_example_checks(
    studio: State<'_, Studio>,
    edit: Option<ReachEdit>,
) -> Result<CheckRun, StudioError> {
    studio.run_example_checks(edit).await
}

/// Writes the questions to a file the editor chooses; `None` when they cancel.
#[tauri::command]
pub async fn export_example_questions(
    studio: State<'_, Studio>,
    files: State<'_, FileChooser>,
) -> Result<Option<String>, StudioError> {
    let ask = FileAsk::Save {
        suggested: SUGGESTED_NAME.to_owned(),
    };
    match files.choose(ask).await? {
        Some(path) => studio.export_example_questions(path).await.map(Some),
        None => Ok(None),
    }
}

/// Merges the questions of a file the editor chooses; `None` when they cancel.
#[tauri::command]
pub async fn import_example_questions(
    studio: State<'_, Studio>,
    files: State<'_, FileChooser>,
) -> Result<Option<ImportSummary>, StudioError> {
    match files.choose(FileAsk::Open).await? {
        Some(path) => studio.import_example_questions(path).await.map(Some),
        None => Ok(None),
    }
}
