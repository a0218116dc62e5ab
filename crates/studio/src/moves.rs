//! The body of a change that is not an edit of the text: a move to another directory and a new
//! channel/segment visibility. It is built from a copy of the training read fresh from the
//! server right before the PUT, with only that one setting changed, and it never publishes.
//!
//! Why `is_draft` is always `true` (the simulator's state machine, opencx-api.md): a
//! `PUT /training/{id}` with `is_draft: false` (or without it) publishes the text it carries as
//! a new version, which would put unpublished draft text live, or put a taken-out-of-use
//! training back in use. With `is_draft: true` the live text, `current_version`,
//! `published_at` and `is_draft` stay as they are and the text sent becomes the draft; sending
//! the shown text (`draft ?? live`) keeps an existing draft exactly.
//!
//! No body leaves a live training without draft edits exactly as it was: `is_draft: true`
//! leaves a draft identical to the live text, `is_draft: false` publishes the same text again
//! as a new version (and would revert a publish made by someone else since the read). The
//! first is chosen, since it never changes what is live; [`without_identical_draft`] then shows
//! such a training as it was ("Live", no unpublished changes).

use opencx::{Channel, Training, UpdateTraining};

/// A body that changes nothing and never publishes.
fn unchanged(fresh: &Training) -> UpdateTraining {
    let mut body = UpdateTraining::from_training(fresh);
    body.is_draft = true;
    body
}

/// The PUT body that moves `fresh` to `directory_id` (`None` = no directory).
pub fn move_body(fresh: &Training, directory_id: Option<String>) -> UpdateTraining {
    let mut body = unchanged(fresh);
    body.directory_id = directory_id;
    body
}

/// The PUT body that sets the channels and segments of `fresh`.
pub fn visibility_body(
    fresh: &Training,
    channels: &[Channel],
    segments: &[String],
) -> UpdateTraining {
    let mut body = unchanged(fresh);
    body.restricted_to_channels = channels.to_vec();
    body.restricted_to_segments = segments.to_vec();
    body
}

/// A published training whose draft is exactly its live text has no unpublished changes: shown
/// without the draft (what a move leaves behind on a training that had no draft edits).
pub fn without_identical_draft(mut training: Training) -> Training {
    let identical = training.current_version.is_some()
        && training.draft_title.as_deref() == Some(training.title.as_str())
        && training.draft_content.as_deref() == Some(training.content.as_str());
    if identical {
        training.draft_title = None;
        training.draft_content = None;
    }
    training
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    #[test]
    fn a_move_keeps_every_field_sends_the_draft_text_and_never_publishes() {
        let mut t = training("t1");
        t.draft_title = Some("Unpublished title".into());
        t.draft_content = Some("Unpublished words".into());
        t.restricted_to_channels = vec![Channel::Email];
        t.restricted_to_segments = vec!["s1".into()];
        let json = serde_json::to_value(move_body(&t, Some("d2".into()))).unwrap();
        assert_eq!(json["is_draft"], true);
        assert_eq!(json["title"], "Unpublished title");
        assert_eq!(json["content"], "Unpublished words");
        assert_eq!(json["directory_id"], "d2");
        assert_eq!(json["restricted_to_channels"], serde_json::json!(["email"]));
        assert_eq!(json["restricted_to_segments"], serde_json::json!(["s1"]));
        assert_eq!(json["metadata"]["owner"], "support");
        assert!(json["start_time"].as_str().is_some());
        let out = serde_json::to_value(move_body(&t, None)).unwrap();
        assert!(out["directory_id"].is_null());
    }

    #[test]
    fn visibility_changes_only_channels_and_segments() {
        let mut t = training("t1");
        t.directory_id = Some("d1".into());
        let body = visibility_body(&t, &[Channel::Sms], &["vip".into()]);
        assert!(body.is_draft);
        assert_eq!(body.directory_id.as_deref(), Some("d1"));
        assert_eq!(body.restricted_to_channels, [Channel::Sms]);
        assert_eq!(body.restricted_to_segments, ["vip"]);
        assert_eq!(body.title, t.title);
    }

    #[test]
    fn only_a_draft_identical_to_the_live_text_is_hidden() {
        let mut t = training("t1");
        t.draft_title = Some(t.title.clone());
        t.draft_content = Some(t.content.clone());
        let shown = without_identical_draft(t.clone());
        assert!(!shown.has_unpublished_changes());
        t.draft_content = Some("Different".into());
        assert!(without_identical_draft(t.clone()).has_unpublished_changes());
        // A never-published training keeps its text in both places: left as it is.
        let mut never = training("t2");
        never.current_version = None;
        never.is_draft = true;
        never.draft_title = Some(never.title.clone());
        never.draft_content = Some(never.content.clone());
        assert_eq!(without_identical_draft(never.clone()), never);
    }
}
