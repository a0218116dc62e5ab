//! What a write promised, and whether open.cx kept the promise. Before a save, publish or
//! unpublish the review says what the training will be after it ([`Promise`]: in use or not,
//! type, directory, channels, segments, start/end window); once open.cx answers,
//! [`differences`] compares its answer with that promise and says every difference in a plain
//! sentence ("open.cx took this training out of use…"), shown after the write and kept with that
//! version in History. Channels and segments compare as sets: their order means nothing.

use chrono::{DateTime, Utc};
use opencx::{Channel, Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::review::{channel_set, channels_label, directory_label, id_set, segments_label, Names};
use crate::review::{type_label, TAKE_OUT_OF_USE};
use crate::session::{Session, Studio};

/// A write open.cx accepted: its answer (as the app shows it), and every way it differs from
/// what the review promised, in plain sentences (empty when it did what was promised).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Written {
    pub training: Training,
    pub differences: Vec<String>,
}

impl Studio {
    /// What a saved draft does on the open workspace; `Unknown` (the safest reading) when its
    /// rules cannot be read.
    pub(crate) fn draft_save(&self) -> DraftSave {
        self.draft_rules()
            .map_or(DraftSave::Unknown, |rules| rules.draft_save)
    }
}

impl Session {
    /// How `answer` differs from `promise`, named with what the session has loaded.
    pub(crate) fn differences(&self, promise: &Promise, answer: &Training) -> Vec<String> {
        let names = self.cache().names.clone().unwrap_or_default();
        differences(promise, answer, names.names())
    }
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
            start_time: server.start_time,
            end_time: server.end_time,
        }
    }

    /// Publishing `server` as it is, or taking it out of use.
    pub fn of_set_published(server: &Training, published: bool) -> Self {
        // Taking a training out of use is what `is_draft: true` on its own means everywhere.
        let draft = TrainingDraft::from_training(server);
        Promise::of_save(server, &draft, published, DraftSave::TakesOutOfUse)
    }

    /// A new draft training made from `draft`, applying in the window `start`..`end`.
    pub fn of_new_draft(
        draft: &TrainingDraft,
        start_time: Option<DateTime<Utc>>,
        end_time: Option<DateTime<Utc>>,
    ) -> Self {
        Promise {
            state: PromisedState::Draft,
            was_live: false,
            was_directory_id: draft.directory_id.clone(),
            training_type: draft.training_type,
            directory_id: draft.directory_id.clone(),
            channels: draft.restricted_to_channels.clone(),
            segments: draft.restricted_to_segments.clone(),
            start_time,
            end_time,
        }
    }
}

/// Every way open.cx's `answer` differs from `promise`, one plain sentence each; empty when
/// open.cx did what the review said.
pub fn differences(promise: &Promise, answer: &Training, names: Names<'_>) -> Vec<String> {
    let mut said = Vec::new();
    if let Some(sentence) = state_difference(promise, answer) {
        said.push(sentence);
    }
    if promise.training_type != answer.training_type {
        said.push(format!(
            "open.cx set the type to “{}”, not “{}”.",
            type_label(&answer.training_type),
            type_label(&promise.training_type)
        ));
    }
    if promise.directory_id != answer.directory_id {
        let verb = if answer.directory_id == promise.was_directory_id {
            "kept"
        } else {
            "put"
        };
        said.push(format!(
            "open.cx {verb} the training in “{}”, not “{}”.",
            directory_label(answer.directory_id.as_deref(), names.directories),
            directory_label(promise.directory_id.as_deref(), names.directories)
        ));
    }
    if channel_set(&promise.channels) != channel_set(&answer.restricted_to_channels) {
        said.push(format!(
            "open.cx set the channels to “{}”, not “{}”.",
            channels_label(&answer.restricted_to_channels),
            channels_label(&promise.channels)
        ));
    }
    if id_set(&promise.segments) != id_set(&answer.restricted_to_segments) {
        said.push(format!(
            "open.cx set the segments to “{}”, not “{}”.",
            segments_label(&answer.restricted_to_segments, names.segments),
            segments_label(&promise.segments, names.segments)
        ));
    }
    for (what, promised, got) in [
        ("start", promise.start_time, answer.start_time),
        ("end", promise.end_time, answer.end_time),
    ] {
        if promised != got {
            said.push(format!(
                "open.cx set the {what} time to {}, not {}.",
                moment(got),
                moment(promised)
            ));
        }
    }
    said
}

/// The sentence for a state open.cx did not keep to, if it did not.
fn state_difference(promise: &Promise, answer: &Training) -> Option<String> {
    let in_use = answer.is_live();
    let pending = answer.has_unpublished_changes();
    let sentence = match promise.state {
        PromisedState::Live | PromisedState::LiveWithDraft | PromisedState::MaybeOutOfUse
            if !in_use =>
        {
            if promise.was_live {
                format!("open.cx took this training out of use: {TAKE_OUT_OF_USE}")
            } else {
                "open.cx did not put this training in use: it is still a draft the AI agent does \
                 not use."
                    .to_owned()
            }
        }
        PromisedState::Draft if in_use && promise.was_live && pending => {
            "open.cx kept the live version in use: your text waits beside it as a draft.".to_owned()
        }
        PromisedState::Draft if in_use && promise.was_live => {
            "open.cx kept this training in use: the AI agent still uses it.".to_owned()
        }
        PromisedState::Draft if in_use => {
            "open.cx put this training in use: the AI agent uses it now.".to_owned()
        }
        PromisedState::LiveWithDraft if !pending => {
            "open.cx published your text right away: the AI agent uses it now.".to_owned()
        }
        PromisedState::Live if pending => {
            "open.cx kept your text as a draft beside the live version: the AI agent still uses \
             the earlier text."
                .to_owned()
        }
        _ => return None,
    };
    Some(sentence)
}

/// "2025-02-01 00:00 UTC", or "none" for an open bound.
fn moment(at: Option<DateTime<Utc>>) -> String {
    at.map_or_else(
        || "none".to_owned(),
        |at| at.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{segment, training};
    use crate::workspace::DirectoryEntry;

    fn names_fixture() -> (Vec<DirectoryEntry>, Vec<opencx::Segment>) {
        let dir = |id: &str, name: &str| DirectoryEntry {
            id: id.into(),
            name: name.into(),
            local_name_only: false,
        };
        (
            vec![dir("d1", "Billing"), dir("d2", "Returns")],
            vec![segment("s1", "VIP customers")],
        )
    }

    fn said(promise: &Promise, answer: &Training) -> Vec<String> {
        let (dirs, segs) = names_fixture();
        differences(
            promise,
            answer,
            Names {
                directories: &dirs,
                segments: &segs,
            },
        )
    }

    fn edited(server: &Training) -> TrainingDraft {
        let mut draft = TrainingDraft::from_training(server);
        draft.content = "New words.".into();
        draft
    }

    /// The answer of a server that reads `is_draft: true` literally.
    fn taken_out_of_use(server: &Training, draft: &TrainingDraft) -> Training {
        let mut answer = server.clone();
        answer.is_draft = true;
        answer.content = draft.content.clone();
        answer
    }

    /// The answer of a server that keeps a draft beside the live version.
    fn beside_live(server: &Training, draft: &TrainingDraft) -> Training {
        let mut answer = server.clone();
        answer.draft_title = Some(draft.title.clone());
        answer.draft_content = Some(draft.content.clone());
        answer
    }

    #[test]
    fn a_kept_promise_says_nothing() {
        let server = training("t1");
        let draft = edited(&server);
        let beside = Promise::of_save(&server, &draft, false, DraftSave::BesideLive);
        assert_eq!(beside.state, PromisedState::LiveWithDraft);
        assert!(said(&beside, &beside_live(&server, &draft)).is_empty());
        let out = Promise::of_save(&server, &draft, false, DraftSave::TakesOutOfUse);
        assert_eq!(out.state, PromisedState::Draft);
        assert!(said(&out, &taken_out_of_use(&server, &draft)).is_empty());
        // Unknown rules promised "maybe": staying live is within it.
        let maybe = Promise::of_save(&server, &draft, false, DraftSave::Unknown);
        assert!(said(&maybe, &beside_live(&server, &draft)).is_empty());
    }

    #[test]
    fn a_draft_taken_out_of_use_against_the_promise_is_said() {
        let server = training("t1");
        let draft = edited(&server);
        let answer = taken_out_of_use(&server, &draft);
        let expected = [
            "open.cx took this training out of use: the AI agent does not use it \
                         until it is published.",
        ];
        for rules in [DraftSave::BesideLive, DraftSave::Unknown] {
            let promise = Promise::of_save(&server, &draft, false, rules);
            assert_eq!(said(&promise, &answer), expected, "{rules:?}");
        }
        // An unchanged text saved as a draft promised "Live" and is said the same way.
        let same = TrainingDraft::from_training(&server);
        let promise = Promise::of_save(&server, &same, false, DraftSave::BesideLive);
        assert_eq!(promise.state, PromisedState::Live);
        assert_eq!(said(&promise, &taken_out_of_use(&server, &same)), expected);
    }

    #[test]
    fn a_live_version_kept_against_an_out_of_use_promise_is_said() {
        let server = training("t1");
        let draft = edited(&server);
        let promise = Promise::of_save(&server, &draft, false, DraftSave::TakesOutOfUse);
        assert_eq!(
            said(&promise, &beside_live(&server, &draft)),
            ["open.cx kept the live version in use: your text waits beside it as a draft."]
        );
        let unpublish = Promise::of_set_published(&server, false);
        assert_eq!(
            said(&unpublish, &server),
            ["open.cx kept this training in use: the AI agent still uses it."]
        );
    }

    #[test]
    fn publishing_and_drafts_that_go_the_other_way_are_said() {
        let server = training("t1");
        let draft = edited(&server);
        let publish = Promise::of_save(&server, &draft, true, DraftSave::BesideLive);
        assert_eq!(
            said(&publish, &beside_live(&server, &draft)),
            [
                "open.cx kept your text as a draft beside the live version: the AI agent still \
              uses the earlier text."
            ]
        );
        let beside = Promise::of_save(&server, &draft, false, DraftSave::BesideLive);
        let mut published = server.clone();
        published.content = draft.content.clone();
        published.current_version = Some(2);
        assert_eq!(
            said(&beside, &published),
            ["open.cx published your text right away: the AI agent uses it now."]
        );

        let mut never_published = server.clone();
        never_published.is_draft = true;
        never_published.current_version = None;
        let save = Promise::of_save(&never_published, &draft, false, DraftSave::BesideLive);
        assert_eq!(save.state, PromisedState::Draft);
        assert_eq!(
            said(&save, &server),
            ["open.cx put this training in use: the AI agent uses it now."]
        );
        let publish = Promise::of_set_published(&never_published, true);
        assert_eq!(
            said(&publish, &never_published),
            [
                "open.cx did not put this training in use: it is still a draft the AI agent does \
              not use."
            ]
        );
    }

    #[test]
    fn settings_open_cx_did_not_keep_are_said_in_plain_words() {
        let mut server = training("t1");
        server.directory_id = Some("d1".into());
        let mut draft = TrainingDraft::from_training(&server);
        draft.directory_id = Some("d2".into());
        draft.training_type = TrainingType::Behavioral;
        draft.restricted_to_channels = vec![Channel::Web, Channel::Email];
        draft.restricted_to_segments = vec!["s1".into()];
        let promise = Promise::of_save(&server, &draft, true, DraftSave::BesideLive);
        let mut answer = server.clone();
        answer.start_time = None;
        answer.end_time = Some("2026-01-01T12:30:00Z".parse().unwrap());
        assert_eq!(
            said(&promise, &answer),
            [
                "open.cx set the type to “When asked”, not “Always on”.",
                "open.cx kept the training in “Billing”, not “Returns”.",
                "open.cx set the channels to “All channels”, not “Web chat, Email”.",
                "open.cx set the segments to “All customers”, not “VIP customers”.",
                "open.cx set the start time to none, not 2025-02-01 00:00 UTC.",
                "open.cx set the end time to 2026-01-01 12:30 UTC, not none.",
            ]
        );
        answer.directory_id = None;
        assert!(said(&promise, &answer)
            .contains(&"open.cx put the training in “No directory”, not “Returns”.".to_owned()));
    }

    #[test]
    fn channels_and_segments_compare_as_sets() {
        let mut server = training("t1");
        server.restricted_to_channels = vec![Channel::Web, Channel::Email];
        server.restricted_to_segments = vec!["s1".into(), "s2".into()];
        let promise = Promise::of_set_published(&server, true);
        let mut answer = server.clone();
        answer.restricted_to_channels.reverse();
        answer.restricted_to_segments.reverse();
        assert!(said(&promise, &answer).is_empty());
    }

    #[test]
    fn a_new_draft_promises_a_draft_with_the_forms_settings_and_window() {
        let server = training("t1");
        let draft = edited(&server);
        let promise = Promise::of_new_draft(&draft, server.start_time, server.end_time);
        let mut created = server.clone();
        created.is_draft = true;
        created.current_version = None;
        assert!(said(&promise, &created).is_empty());
        created.start_time = None;
        assert_eq!(
            said(&promise, &created),
            ["open.cx set the start time to none, not 2025-02-01 00:00 UTC."]
        );
    }
}
