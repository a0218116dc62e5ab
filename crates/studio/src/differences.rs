//! Whether open.cx kept a write's promise ([`Promise`], `promise.rs`): [`differences`]
//! compares open.cx's answer with what the review promised and says every difference in a plain
//! sentence ("open.cx took this training out of use…"), shown after the write and kept with that
//! version in History. Channels and segments compare as sets: their order means nothing.

use chrono::{DateTime, Utc};
use opencx::Training;

use crate::promise::{Promise, PromisedState};
use crate::review::{channel_set, id_set, Names, TAKE_OUT_OF_USE};
use crate::vocabulary::{channels_label, directory_label, segments_label, type_label};

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
            type_label(answer.training_type),
            type_label(promise.training_type)
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
    use opencx::{Channel, TrainingType};

    use super::*;
    use crate::draft::TrainingDraft;
    use crate::draft_rules::DraftSave;
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
    fn the_promised_window_is_the_forms() {
        let server = training("t1");
        let mut draft = edited(&server);
        let end = "2027-01-01T00:00:00Z".parse().unwrap();
        draft.start_time = None;
        draft.end_time = Some(end);
        let promise = Promise::of_save(&server, &draft, true, DraftSave::BesideLive);
        let mut answer = server.clone();
        answer.start_time = None;
        answer.end_time = Some(end);
        assert!(said(&promise, &answer).is_empty());
        // A server that kept the old start against the form's cleared one is said.
        answer.start_time = server.start_time;
        assert_eq!(
            said(&promise, &answer),
            ["open.cx set the start time to 2025-02-01 00:00 UTC, not none."]
        );
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
        let promise = Promise::of_new_draft(&draft);
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
