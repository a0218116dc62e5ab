//! "Keep the live one, save as a separate draft" ([`Studio::save_as_separate_draft`]): where
//! saving a draft would take a live training out of use, the editor's text becomes a new draft
//! training instead (same type, directory, channels, segments and start/end window, a title
//! that says it is a draft copy), and the live training is not written at all. The editor's
//! edit of the live one leaves the journal only once open.cx has the new training.

use opencx::CreateTraining;

use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::promise::{Promise, Written};
use crate::session::Studio;

/// What the title of a separate draft ends with.
pub const DRAFT_COPY_SUFFIX: &str = " (draft copy)";

/// The title of the separate draft made from a form titled `title`.
pub fn draft_copy_title(title: &str) -> String {
    let title = title.trim_end();
    if title.ends_with(DRAFT_COPY_SUFFIX.trim_start()) {
        title.to_owned()
    } else {
        format!("{title}{DRAFT_COPY_SUFFIX}")
    }
}

impl Studio {
    /// Creates a new draft training from `draft` beside training `id` (whose start/end window it
    /// takes from open.cx's copy), keeps it in the history, and only then removes the journal's
    /// copy of the edit of `id`. Training `id` is read, never written. Answers the new training
    /// and how open.cx's answer differs from a draft with the form's settings.
    pub async fn save_as_separate_draft(&self, id: &str, draft: &TrainingDraft) -> Result<Written> {
        draft.validate()?;
        let session = self.require()?;
        let live = session.client.get_training(id).await?;
        let mut sent = draft.clone();
        sent.title = draft_copy_title(&draft.title);
        let body = CreateTraining {
            title: sent.title.clone(),
            content: sent.content.clone(),
            training_type: sent.training_type,
            is_draft: true,
            directory_id: sent.directory_id.clone(),
            restricted_to_channels: sent.restricted_to_channels.clone(),
            restricted_to_segments: sent.restricted_to_segments.clone(),
            start_time: live.start_time,
            end_time: live.end_time,
            ..CreateTraining::default()
        };
        let promise = Promise::of_new_draft(&sent, live.start_time, live.end_time);
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
