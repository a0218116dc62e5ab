//! The trainings commands that write an edit.
//!
//! Saving ([`Studio::save_training`]): validated, checked against the server's current version
//! for someone else's changes (a [`Conflict`] writes nothing), then sent; what follows a save (a
//! version in the local history, the journal entry removed) happens only once open.cx has it,
//! and its answer is compared with what the review promised. When open.cx cannot be reached the
//! save waits in the outbox instead.
//!
//! "Keep the live one, save as a separate draft" ([`Studio::save_as_separate_draft`]): where
//! saving a draft would take a live training out of use, the editor's text becomes a new draft
//! training instead (same type, directory, channels, segments and start/end window as the
//! form, a title that says it is a draft copy), and the live training is not written at all. The editor's
//! edit of the live one leaves the journal only once open.cx has the new training.

use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::conflict::{already_saved, changed_since, Conflict};
use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result};
use crate::open_workspace::Session;
use crate::outbox::{OutboxAction, OutboxEntry};
use crate::promise::{Promise, Written};
use crate::validation_message::explain;

use super::Studio;

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

/// What the title of a separate draft ends with.
const DRAFT_COPY_SUFFIX: &str = " (draft copy)";

/// The title of the separate draft made from a form titled `title`.
fn draft_copy_title(title: &str) -> String {
    let title = title.trim_end();
    if title.ends_with(DRAFT_COPY_SUFFIX.trim_start()) {
        title.to_owned()
    } else {
        format!("{title}{DRAFT_COPY_SUFFIX}")
    }
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
        // An edit kept before the form edited the schedule keeps the window it started from.
        let draft = &draft.clone().with_window_of(&base);
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
            let draft_save = session.draft_save();
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
        let promise = Promise::of_save(&server, draft, publish, session.draft_save());
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
    async fn after_save(
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

    /// Creates a new draft training from `draft` beside training `id` (with the form's start/end
    /// window), keeps it in the history, and only then removes the journal's
    /// copy of the edit of `id`. Training `id` is read, never written. Answers the new training
    /// and how open.cx's answer differs from a draft with the form's settings.
    pub async fn save_as_separate_draft(&self, id: &str, draft: &TrainingDraft) -> Result<Written> {
        draft.validate()?;
        let session = self.require()?;
        let live = session.client.get_training(id).await?;
        let mut sent = draft.clone().with_window_of(&live);
        sent.title = draft_copy_title(&draft.title);
        let body = sent.create_body(false);
        let promise = Promise::of_new_draft(&sent);
        let created = session.keep(session.client.create_training(&body).await?);
        let differences = session.differences(&promise, &created);
        tracing::info!(
            differences = differences.len(),
            "saved an edit of a live training as a separate draft"
        );
        let workspace = &session.workspace.id;
        self.history
            .keep(workspace, false, sent, created.clone(), differences.clone())
            .await;
        if let Err(e) = self.journal.remove(workspace, id) {
            tracing::warn!(error = %e, "could not remove an edit saved as a separate draft from the journal");
        }
        Ok(Written {
            training: created,
            differences,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::test_support::studio;

    #[tokio::test]
    async fn invalid_draft_is_refused_before_anything_else() {
        let (_dir, studio) = studio();
        let draft = TrainingDraft {
            title: String::new(),
            content: "x".into(),
            training_type: opencx::TrainingType::default(),
            directory_id: None,
            restricted_to_channels: vec![],
            restricted_to_segments: vec![],
            start_time: None,
            end_time: None,
            window_from_training: false,
        };
        let base = crate::test_support::training("t");
        let err = studio
            .save_training("t", &draft, true, base)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }

    #[test]
    fn the_title_says_it_is_a_draft_copy_once() {
        assert_eq!(
            draft_copy_title("Refund policy"),
            "Refund policy (draft copy)"
        );
        assert_eq!(
            draft_copy_title("Refund policy (draft copy) "),
            "Refund policy (draft copy)"
        );
    }
}
