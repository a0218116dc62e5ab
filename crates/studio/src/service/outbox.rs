//! The outbox commands (the store is `outbox.rs`). Sending it ([`Studio::send_outbox`]):
//! entries in order, each checked for someone
//! else's change first (held as `conflict`, and later entries of that training wait behind
//! it); a landed entry is removed, kept in the history (saves and publishes, with how open.cx's
//! answer differs from what the change promised) and becomes the
//! base of the later entries of its training made against the same version; an unreachable
//! open.cx stops the send (still offline); any other refusal marks the entry `failed`. Also
//! listing it, queueing a change and discarding an entry (a save's text goes back to the
//! journal first).

use std::collections::HashSet;

use opencx::Training;

use crate::atomic_file;
use crate::conflict::{already_saved, changed_since};
use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::error::{ErrorKind, Result, StudioError};
use crate::journal::JournalEntry;
use crate::moves::move_body;
use crate::open_workspace::Session;
use crate::outbox::{Outbox, OutboxAction, OutboxEntry, OutboxState, OutboxView};
use crate::promise::Promise;
use crate::validation_message::explain;

use super::Studio;

tokio::task_local! {
    /// Set while the outbox is sent in the background (the shell's own sending).
    static BACKGROUND: ();
}

/// Whether the current task sends the outbox in the background.
pub(super) fn in_background() -> bool {
    BACKGROUND.try_with(|_| ()).is_ok()
}

/// How sending one entry went (one value per entry, moved once: not worth a box).
#[allow(clippy::large_enum_variant)]
enum Sent {
    /// On open.cx, with what the change promised (none for a move).
    Landed(Training, Option<Promise>),
    Conflict(String),
    Unreachable,
    Failed(StudioError),
}

impl From<opencx::Error> for Sent {
    fn from(err: opencx::Error) -> Self {
        let err = StudioError::from(err);
        // A 429 after the client's own retries means "later", like being offline.
        if err.kind().is_unreachable() || err.kind() == ErrorKind::RateLimited {
            Sent::Unreachable
        } else {
            Sent::Failed(err)
        }
    }
}

impl Studio {
    /// Told the outbox view after every change to it ("outbox-changed").
    pub fn set_outbox_hook(&self, hook: impl Fn(&OutboxView) + Send + Sync + 'static) {
        self.outbox.set_hook(hook);
    }

    /// The open workspace's outbox.
    pub async fn outbox_list(&self) -> Result<OutboxView> {
        let workspace = self.require()?.workspace.id.clone();
        let entries = self.outbox.off_thread(&workspace, |o, w| o.list(w)).await?;
        Ok(OutboxView::new(entries, Vec::new()))
    }

    /// Sends what waits (and what was refused before), in order, until open.cx cannot be
    /// reached; answers the outbox now with the trainings that landed.
    pub async fn send_outbox(&self) -> Result<OutboxView> {
        let _one_send_at_a_time = self.sending.lock().await;
        let session = self.require()?;
        let workspace = session.workspace.id.clone();
        let mut landed = Vec::new();
        let mut tried = HashSet::new();
        let draft_save = session.draft_save();
        loop {
            let entries = self.outbox.off_thread(&workspace, |o, w| o.list(w)).await?;
            // Every change was announced as it happened; the end itself changes nothing.
            let Some(entry) = next(&entries, &tried) else {
                return Ok(OutboxView::new(entries, landed));
            };
            tried.insert(entry.id.clone());
            let sent = send(&session, &entry, draft_save).await;
            let outcome = match sent {
                Sent::Unreachable => return Ok(OutboxView::new(entries, landed)),
                Sent::Landed(answer, promise) => {
                    let answer = session.keep(answer);
                    let differences = promise
                        .map(|p| session.differences(&p, &answer))
                        .unwrap_or_default();
                    self.landed(&session, &entry, &answer, differences).await;
                    landed.push(answer.clone());
                    let (id, base) = (entry.id.clone(), entry.action.base_updated_at());
                    self.outbox
                        .off_thread(&workspace, move |o, w| {
                            o.update(w, |all| {
                                all.retain(|e| e.id != id);
                                for later in all.iter_mut() {
                                    if later.training_id == answer.id
                                        && later.action.base_updated_at() == base
                                    {
                                        later.action.rebase(&answer);
                                    }
                                }
                            })
                        })
                        .await
                }
                Sent::Conflict(message) => {
                    mark(
                        &self.outbox,
                        &workspace,
                        &entry.id,
                        OutboxState::Conflict,
                        message,
                    )
                    .await
                }
                Sent::Failed(err) => {
                    let message = err.message().to_owned();
                    mark(
                        &self.outbox,
                        &workspace,
                        &entry.id,
                        OutboxState::Failed,
                        message,
                    )
                    .await
                }
            };
            let (_, entries) = outcome?;
            self.outbox.changed(entries, landed.clone());
        }
    }

    /// [`Studio::send_outbox`] on the shell's own account (after a load, every few seconds):
    /// the client's waits before its retries are not told to the retry hook, so the UI does not
    /// show a wait nobody asked for.
    pub async fn send_outbox_in_background(&self) -> Result<OutboxView> {
        BACKGROUND.scope((), self.send_outbox()).await
    }

    /// Removes an entry without sending it. A save's text is first written to the journal
    /// (with its base's `updated_at`), so it comes back as an unsaved edit and nothing typed is
    /// lost; refused (`invalid_input`) when the journal holds newer unsaved changes to it.
    pub async fn outbox_discard(&self, entry_id: &str) -> Result<OutboxView> {
        let workspace = self.require()?.workspace.id.clone();
        let entries = self.outbox.off_thread(&workspace, |o, w| o.list(w)).await?;
        let entry = entries
            .into_iter()
            .find(|e| e.id == entry_id)
            .ok_or_else(|| {
                StudioError::new(
                    ErrorKind::NotFound,
                    "That change is no longer waiting to be sent (it was sent or discarded).",
                )
            })?;
        if let OutboxAction::Save { draft, base, .. } = &entry.action {
            let journal = self.journal.clone();
            let (ws, title) = (workspace.clone(), entry.title.clone());
            let back = JournalEntry {
                training_id: entry.training_id.clone(),
                draft: draft.clone(),
                base_updated_at: serde_json::to_value(base.updated_at)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned)),
                written_at: chrono::Utc::now(),
            };
            let queued_at = entry.queued_at;
            atomic_file::off_thread("journal of unsaved changes", move || {
                let newer = journal
                    .list(&ws)?
                    .iter()
                    .any(|j| j.training_id == back.training_id && j.written_at > queued_at);
                if newer {
                    return Err(StudioError::invalid_input(format!(
                        "You have newer unsaved changes to “{title}”. Save or discard them \
                         first, then discard this waiting save."
                    )));
                }
                journal.write(&ws, &back)
            })
            .await?;
        }
        let id = entry_id.to_owned();
        let (_, entries) = self
            .outbox
            .off_thread(&workspace, move |o, w| {
                o.update(w, |all| all.retain(|e| e.id != id))
            })
            .await?;
        Ok(self.outbox.changed(entries, Vec::new()))
    }

    /// Puts a change in the outbox of `session`'s workspace; answers how many wait now.
    pub(super) async fn queue(&self, session: &Session, entry: OutboxEntry) -> Result<u32> {
        let view = self.outbox.queue(&session.workspace.id, entry).await?;
        Ok(view.waiting)
    }

    /// Whether entries of training `id` wait (or were refused) ahead of a new save, which then
    /// queues behind them to keep the order.
    pub(super) async fn waiting_for(&self, session: &Session, id: &str) -> Result<bool> {
        let entries = self
            .outbox
            .off_thread(&session.workspace.id, |o, w| o.list(w))
            .await?;
        Ok(entries
            .iter()
            .any(|e| e.training_id == id && e.state != OutboxState::Conflict))
    }

    /// What follows a landed entry: the version kept in the history (saves and publishes),
    /// with how open.cx's answer differs from what the change promised.
    async fn landed(
        &self,
        session: &Session,
        entry: &OutboxEntry,
        answer: &Training,
        differences: Vec<String>,
    ) {
        let workspace = &session.workspace.id;
        match &entry.action {
            OutboxAction::Save { draft, publish, .. } => {
                let sent = draft.clone();
                self.history
                    .keep(workspace, *publish, sent, answer.clone(), differences)
                    .await;
            }
            OutboxAction::SetPublished { published, .. } => {
                let sent = TrainingDraft::from_training(answer);
                self.history
                    .keep(workspace, *published, sent, answer.clone(), differences)
                    .await;
            }
            OutboxAction::Move { .. } => {}
        }
    }
}

/// The first entry to send: in order, not tried in this send, and with no held (or just
/// refused) entry of the same training ahead of it.
fn next(entries: &[OutboxEntry], tried: &HashSet<String>) -> Option<OutboxEntry> {
    let mut blocked = HashSet::new();
    for entry in entries {
        if blocked.contains(&entry.training_id) {
            continue;
        }
        if entry.sendable() && !tried.contains(&entry.id) {
            return Some(entry.clone());
        }
        blocked.insert(entry.training_id.clone());
    }
    None
}

/// Sends one entry after checking the server's version: already there counts as landed (an
/// earlier answer lost on the way), someone else's change is a conflict. A save promises what
/// its review did on a workspace whose drafts do what `draft_save` says.
async fn send(session: &Session, entry: &OutboxEntry, draft_save: DraftSave) -> Sent {
    let client = &session.client;
    let id = &entry.training_id;
    let server = match client.get_training(id).await {
        Ok(server) => server,
        Err(e) => return e.into(),
    };
    let title = &entry.title;
    let promise = match &entry.action {
        OutboxAction::Save { draft, publish, .. } => {
            Some(Promise::of_save(&server, draft, *publish, draft_save))
        }
        OutboxAction::SetPublished { published, .. } => {
            Some(Promise::of_set_published(&server, *published))
        }
        OutboxAction::Move { .. } => None,
    };
    let answer = match &entry.action {
        OutboxAction::Save {
            draft,
            publish,
            base,
        } => {
            if server.updated_at != base.updated_at && already_saved(&server, draft, *publish) {
                // Written by an earlier send: nothing was promised about it now.
                return Sent::Landed(server, None);
            }
            if changed_since(base, &server) {
                return Sent::Conflict(format!(
                    "“{title}” was changed on open.cx while this save waited to be sent, so it \
                     was not sent. Discard it here to get your text back as an unsaved edit, \
                     compare it with the server's version, then save again."
                ));
            }
            let body = draft.update_body(&server, *publish);
            match client.update_training(id, &body).await {
                // A refusal reads in the form's words, naming the value (as a direct save does).
                Err(e) if e.kind() == opencx::ErrorKind::Validation => {
                    let sent = serde_json::to_value(&body).unwrap_or_default();
                    return Sent::Failed(explain(e, &sent));
                }
                answer => answer,
            }
        }
        OutboxAction::Move {
            directory_id,
            base_updated_at,
        } => {
            if &server.directory_id == directory_id {
                return Sent::Landed(server, None);
            }
            if server.updated_at != *base_updated_at {
                return Sent::Conflict(format!(
                    "“{title}” was changed on open.cx while this move waited to be sent, so it \
                     was not moved. Discard it here, then move it again if you still want to."
                ));
            }
            client
                .update_training(
                    id,
                    &move_body(&server, directory_id.clone(), &session.rules()),
                )
                .await
        }
        OutboxAction::SetPublished {
            published,
            base_updated_at,
        } => {
            let already = if *published {
                server.is_live() && !server.has_unpublished_changes()
            } else {
                server.is_draft
            };
            if already {
                return Sent::Landed(server, None);
            }
            let verb = if *published { "publish" } else { "unpublish" };
            if server.updated_at != *base_updated_at {
                return Sent::Conflict(format!(
                    "“{title}” was changed on open.cx while this {verb} waited to be sent, so it \
                     was left as it is. Discard it here, then {verb} it again if you still \
                     want to."
                ));
            }
            client.set_draft(id, !published).await
        }
    };
    match answer {
        Ok(answer) => Sent::Landed(answer, promise),
        Err(e) => e.into(),
    }
}

async fn mark(
    outbox: &Outbox,
    workspace: &str,
    entry_id: &str,
    state: OutboxState,
    message: String,
) -> Result<((), Vec<OutboxEntry>)> {
    let id = entry_id.to_owned();
    outbox
        .off_thread(workspace, move |o, w| {
            o.update(w, |all| {
                if let Some(entry) = all.iter_mut().find(|e| e.id == id) {
                    entry.state = state;
                    entry.message = Some(message);
                }
            })
        })
        .await
}
