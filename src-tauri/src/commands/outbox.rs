//! Commands on the outbox of changes made while open.cx could not be reached: list it, send it
//! now, discard one entry (a save's text goes back to the journal); and the shell's own
//! sending, after a load and every few seconds while entries wait. Every change to the outbox
//! is announced as the "outbox-changed" event (wired in lib.rs).

use std::time::Duration;

use studio::{OutboxState, OutboxView, Studio, StudioError};
use tauri::{AppHandle, Manager, Runtime, State};

#[tauri::command]
pub async fn outbox_list(studio: State<'_, Studio>) -> Result<OutboxView, StudioError> {
    studio.outbox_list().await
}

#[tauri::command]
pub async fn outbox_send(studio: State<'_, Studio>) -> Result<OutboxView, StudioError> {
    studio.send_outbox().await
}

#[tauri::command]
pub async fn outbox_discard(
    studio: State<'_, Studio>,
    entry_id: String,
) -> Result<OutboxView, StudioError> {
    studio.outbox_discard(&entry_id).await
}

/// How often the shell tries to send what waits while a workspace is open.
pub const SEND_EVERY: Duration = Duration::from_secs(10);

/// Sends the outbox in the background (after a load reached open.cx).
pub fn send_in_background<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        if let Err(e) = app.state::<Studio>().send_outbox_in_background().await {
            tracing::debug!(error = %e, "the outbox was not sent");
        }
    });
}

/// Every [`SEND_EVERY`], while a workspace is open and entries wait, sends the outbox.
pub fn keep_sending<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(SEND_EVERY).await;
            let studio = app.state::<Studio>();
            let waiting = studio
                .outbox_list()
                .await
                .is_ok_and(|view| view.entries.iter().any(|e| e.state == OutboxState::Waiting));
            if waiting {
                if let Err(e) = studio.send_outbox_in_background().await {
                    tracing::debug!(error = %e, "the outbox was not sent");
                }
            }
        }
    });
}
