//! What a write promised. Before a save, publish or unpublish the review says what the training
//! will be after it ([`Promise`]: in use or not, type, directory, channels, segments, start/end
//! window); once open.cx answers, `differences.rs` compares its answer with that promise, and
//! the write comes back as [`Written`]: the answer and every difference in a plain sentence.

use chrono::{DateTime, Utc};
use opencx::{Channel, Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;

/// A write open.cx accepted: its answer (as the app shows it), and every way it differs from
/// what the review promised, in plain sentences (empty when it did what was promised).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Written {
    pub training: Training,
    pub differences: Vec<String>,
}

/// Whether the AI agent uses the training after the write, as promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromisedState {
    /// In use, with no text waiting beside the live version.
    Live,
    /// In use, with the saved text waiting beside the live version as a draft.
    LiveWithDraft,
    /// Not used by the AI agent (a draft, or taken out of use).
    Draft,
    /// In use or taken out of use: the workspace's draft rules are not known.
    MaybeOutOfUse,
}

/// What the training will be once open.cx has the write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    pub state: PromisedState,
    /// Whether the AI agent used the training before the write.
    pub was_live: bool,
    /// The directory before the write ("kept in" or "put in" when open.cx differs).
    pub was_directory_id: Option<String>,
    pub training_type: TrainingType,
    pub directory_id: Option<String>,
    pub channels: Vec<Channel>,
    pub segments: Vec<String>,
    pub start_time: Option<DateTime<Utc>>,
    pub end_time: Option<DateTime<Utc>>,
}

impl Promise {
    /// Saving `draft` over `server` (published at once, or as a draft) on a workspace where a
    /// saved draft does what `draft_save` says.
    pub fn of_save(
        server: &Training,
        draft: &TrainingDraft,
        publish: bool,
        draft_save: DraftSave,
    ) -> Self {
        let draft = &draft.clone().with_window_of(server);
        let same_as_live = draft.title == server.title && draft.content == server.content;
        let state = match (publish, server.is_live(), draft_save) {
            (true, _, _) => PromisedState::Live,
            (false, false, _) => PromisedState::Draft,
            (false, true, DraftSave::BesideLive) if same_as_live => PromisedState::Live,
            (false, true, DraftSave::BesideLive) => PromisedState::LiveWithDraft,
            (false, true, DraftSave::TakesOutOfUse) => PromisedState::Draft,
            (false, true, DraftSave::Unknown) => PromisedState::MaybeOutOfUse,
        };
        Promise {
            state,
            was_live: server.is_live(),
            was_directory_id: server.directory_id.clone(),
            training_type: draft.training_type,
            directory_id: draft.directory_id.clone(),
            channels: draft.restricted_to_channels.clone(),
            segments: draft.restricted_to_segments.clone(),
            start_time: draft.start_time,
            end_time: draft.end_time,
        }
    }

    /// Publishing `server` as it is, or taking it out of use.
    pub fn of_set_published(server: &Training, published: bool) -> Self {
        // Taking a training out of use is what `is_draft: true` on its own means everywhere.
        let draft = TrainingDraft::from_training(server);
        Promise::of_save(server, &draft, published, DraftSave::TakesOutOfUse)
    }

    /// A new draft training made from `draft`, with its settings and window.
    pub fn of_new_draft(draft: &TrainingDraft) -> Self {
        Promise {
            state: PromisedState::Draft,
            was_live: false,
            was_directory_id: draft.directory_id.clone(),
            training_type: draft.training_type,
            directory_id: draft.directory_id.clone(),
            channels: draft.restricted_to_channels.clone(),
            segments: draft.restricted_to_segments.clone(),
            start_time: draft.start_time,
            end_time: draft.end_time,
        }
    }
}
