//! Saving an edit ([`Studio::save_training`]): validated, checked against the server's current
//! version for someone else's changes (a [`Conflict`] writes nothing), then sent; what follows
//! a save (a version in the local history, the journal entry removed) happens only once
//! open.cx has it, and its answer is compared with what the review promised. When open.cx
//! cannot be reached the save waits in the outbox instead.

use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::conflict::{already_saved, changed_since, Conflict};
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result};
use crate::outbox::{OutboxAction, OutboxEntry};
use crate::promise::Promise;
use crate::session::{Session, Studio};
use crate::validation_message::explain;

/// How a save ended: on open.cx (`saved`, the server's answer and every way it differs from
/// what the review promised, in plain sentences), kept locally to be sent when
/// open.cx can be reached again (`queued`, with how many changes wait now), or refused because
/// someone else changed the training since the edit started (`conflict`; nothing written).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
#[ts(export)]
// One answer per save, moved once: boxing the conflict would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum SaveOutcome {
    Saved {
        training: Training,
        differences: Vec<String>,
    },
    Queued {
        waiting: u32,
    },
    Conflict {
        conflict: Conflict,
    },
}

impl Studio {
    /// Validates `draft`, reads the server's training and, when someone else changed it since
    /// `base` (the version the edit started from), answers the conflict and writes nothing.
    /// Otherwise sends the full body built from the server's training and the draft
    /// (`is_draft = !publish`); once open.cx has it the edit's journal entry is removed. On an
    /// error the draft stays with the caller (and in the journal), untouched. "Keep mine" is
    /// this again with `base` = their version.
    pub async fn save_training(
        &self,
        id: &str,
        draft: &TrainingDraft,
        publish: bool,
        base: Training,
    ) -> Result<SaveOutcome> {
        draft.validate()?;
        let session = self.require()?;
        if self.waiting_for(&session, id).await? {
            // Earlier changes of this training wait to be sent: this one goes behind them.
            return self.queue_save(&session, id, draft, publish, base).await;
        }
        let server = match session.client.get_training(id).await {
            Ok(server) => server,
            Err(e) if ErrorKind::from(&e.kind()).is_unreachable() => {
                return self.queue_save(&session, id, draft, publish, base).await;
            }
            Err(e) => return Err(e.into()),
        };
        if changed_since(&base, &server) {
            if already_saved(&server, draft, publish) {
                // This very edit is already there (an earlier answer was lost on the way).
                let training = session.keep(server);
                self.after_save(&session, publish, draft, &training, Vec::new())
                    .await;
                return Ok(SaveOutcome::Saved {
                    training,
                    differences: Vec::new(),
                });
            }
            let names = session.names(&self.local_names(&session)?).await?;
            let theirs = session.keep(server);
            let draft_save = self.draft_save();
            let conflict = Conflict::new(
                base,
                theirs,
                draft.clone(),
                publish,
                draft_save,
                names.names(),
            );
            tracing::info!(
                publish,
                "a save met someone else's change; nothing was written"
            );
            return Ok(SaveOutcome::Conflict { conflict });
        }
        let promise = Promise::of_save(&server, draft, publish, self.draft_save());
        let body = draft.update_body(&server, publish);
        let training = match session.client.update_training(id, &body).await {
            Ok(answer) => session.keep(answer),
            Err(e) if ErrorKind::from(&e.kind()).is_unreachable() => {
                return self.queue_save(&session, id, draft, publish, base).await;
            }
            Err(e) => return Err(explain(e, &serde_json::to_value(&body).unwrap_or_default())),
        };
        let differences = session.differences(&promise, &training);
        tracing::info!(publish, differences = differences.len(), "saved a training");
        self.after_save(&session, publish, draft, &training, differences.clone())
            .await;
        Ok(SaveOutcome::Saved {
            training,
            differences,
        })
    }

    /// Keeps the save in the outbox, to be sent once open.cx can be reached; only then is the
    /// journal's copy of the edit removed.
    async fn queue_save(
        &self,
        session: &Session,
        id: &str,
        draft: &TrainingDraft,
        publish: bool,
        base: Training,
    ) -> Result<SaveOutcome> {
        let action = OutboxAction::Save {
            draft: draft.clone(),
            publish,
            base,
        };
        let waiting = self
            .queue(session, OutboxEntry::new(id, &draft.title, action))
            .await?;
        if let Err(e) = self.journal.remove(&session.workspace.id, id) {
            tracing::warn!(error = %e, "could not remove a queued edit from the journal");
        }
        Ok(SaveOutcome::Queued { waiting })
    }

    /// What follows a save open.cx has: the version kept in the history (with how the answer
    /// differed from the promise), and the local copy of the edit no longer needed.
    pub(crate) async fn after_save(
        &self,
        session: &Session,
        publish: bool,
        draft: &TrainingDraft,
        answer: &Training,
        differences: Vec<String>,
    ) {
        let workspace = &session.workspace.id;
        self.history
            .keep(
                workspace,
                publish,
                draft.clone(),
                answer.clone(),
                differences,
            )
            .await;
        if let Err(e) = self.journal.remove(workspace, &answer.id) {
            tracing::warn!(error = %e, "could not remove a saved edit from the journal");
        }
    }
}
