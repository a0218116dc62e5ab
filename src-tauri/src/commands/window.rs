//! The close handshake: a close request is held back and announced to the UI
//! ("close-requested"); the UI calls `confirm_close` once nothing unsaved would be lost.

use std::sync::atomic::{AtomicBool, Ordering};

use studio::{ErrorKind, StudioError};
use tauri::{Runtime, State, Window};

/// Event emitted when the editor tries to close the window.
pub const CLOSE_REQUESTED: &str = "close-requested";

/// Whether the UI has agreed to let the window close.
#[derive(Debug, Default)]
pub struct CloseGuard(AtomicBool);

impl CloseGuard {
    pub fn approve(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_approved(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

#[tauri::command]
pub async fn confirm_close<R: Runtime>(
    window: Window<R>,
    guard: State<'_, CloseGuard>,
) -> Result<(), StudioError> {
    guard.approve();
    window.close().map_err(|e| {
        StudioError::new(
            ErrorKind::Io,
            format!("The window could not be closed ({e}). Close it again."),
        )
    })
}
