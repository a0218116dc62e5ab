//! The close handshake: a close request is held back and announced to the UI
//! ("close-requested", saying whether a bulk job is running); the UI asks the editor when
//! something unsaved would be lost or a job would stop, then calls `confirm_close`.

use std::sync::atomic::{AtomicBool, Ordering};

use studio::{ErrorKind, Studio, StudioError};
use tauri::{Manager, Runtime, State, Window};

use crate::events::{self, CloseRequested};

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

/// Tells the UI that the editor wants to close the window, and whether a bulk job would stop.
pub fn ask_before_closing<R: Runtime>(window: &Window<R>) {
    let job_running = window
        .try_state::<Studio>()
        .is_some_and(|s| s.job_running());
    events::emit(window, &CloseRequested { job_running });
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
