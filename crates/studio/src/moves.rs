//! The body of a change that is not an edit of the text: a move to another directory and a new
//! channel/segment visibility. It is built from a copy of the training read fresh from the
//! server right before the PUT, with only that one setting changed, and it must not change
//! what the AI uses nor leave a draft behind, on either kind of server (`draft_rules.rs`).
//!
//! `is_draft` is chosen from the training's state and what the workspace learned:
//! - a draft (`is_draft`: never published, or taken out of use): `is_draft: true` with the
//!   shown text. It stays a draft on every server, with the same text.
//! - live with a pending draft that differs from the live text (only "fields" servers have
//!   `draft_*`): `is_draft: true` with the draft text, which only rewrites the same draft.
//! - live without a draft: leave `is_draft` out with the live text where the workspace's check
//!   saw that this keeps the state ("literal" servers); else `is_draft: false` with the live
//!   text. On a "fields" server that publishes the same text again: `current_version` + 1 and
//!   a new `published_at` — the one difference the API leaves no way to avoid, since
//!   `is_draft: true` would leave a copy of the live text as a pending draft, and a copy left
//!   as a draft is worse (every client shows it as unpublished changes). On a "literal"
//!   server `is_draft: false` with unchanged text makes no new version, so it is also the
//!   safe choice while the rules are unknown.
//!
//! `metadata`, `start_time` and `end_time` are always sent from the fresh copy, so a server
//! that clears omitted fields keeps them too.
//!
//! A training taken out of use without a draft on a "fields" server is the one state where
//! no body leaves no trace: `is_draft: true` (the only value that keeps it out of use) writes
//! the shown text as `draft_*`, a copy of its live text. [`without_identical_draft`] shows
//! such a training (and any training moved by earlier versions of the app) as it is: no
//! unpublished changes.

use opencx::{Channel, Training, UpdateTraining};

use crate::draft_rules::DraftRules;

/// A body that changes nothing that is in use (see the module documentation).
fn unchanged(fresh: &Training, rules: &DraftRules) -> UpdateTraining {
    let mut body = UpdateTraining::from_training(fresh);
    body.is_draft = if fresh.is_draft || has_own_draft(fresh) {
        Some(true)
    } else if rules.omitting_is_draft_keeps_state() {
        None
    } else {
        Some(false)
    };
    body
}

/// The PUT body that moves `fresh` to `directory_id` (`None` = no directory).
pub fn move_body(
    fresh: &Training,
    directory_id: Option<String>,
    rules: &DraftRules,
) -> UpdateTraining {
    let mut body = unchanged(fresh, rules);
    body.directory_id = directory_id;
    body
}

/// The PUT body that sets the channels and segments of `fresh`.
pub fn visibility_body(
    fresh: &Training,
    channels: &[Channel],
    segments: &[String],
    rules: &DraftRules,
) -> UpdateTraining {
    let mut body = unchanged(fresh, rules);
    body.restricted_to_channels = channels.to_vec();
    body.restricted_to_segments = segments.to_vec();
    body
}

/// Whether the published training has a draft that is not just a copy of its live text.
fn has_own_draft(training: &Training) -> bool {
    training.has_unpublished_changes() && !has_identical_draft(training)
}

/// A published training whose draft is exactly its live text.
fn has_identical_draft(training: &Training) -> bool {
    training.current_version.is_some()
        && training.draft_title.as_deref() == Some(training.title.as_str())
        && training.draft_content.as_deref() == Some(training.content.as_str())
}

/// A published training whose draft is exactly its live text has no unpublished changes: shown
/// without the draft.
pub fn without_identical_draft(mut training: Training) -> Training {
    if has_identical_draft(&training) {
        training.draft_title = None;
        training.draft_content = None;
    }
    training
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft_rules::OmittedIsDraft;
    use crate::test_support::training;

    fn literal() -> DraftRules {
        DraftRules {
            omitted_is_draft: OmittedIsDraft::KeepsState,
            checked_at: Some(chrono::Utc::now()),
            ..DraftRules::default()
        }
    }

    fn is_draft(body: &UpdateTraining) -> serde_json::Value {
        serde_json::to_value(body).unwrap()["is_draft"].clone()
    }

    #[test]
    fn a_move_keeps_every_field_and_sends_the_draft_text_as_a_draft() {
        let mut t = training("t1");
        t.draft_title = Some("Unpublished title".into());
        t.draft_content = Some("Unpublished words".into());
        t.restricted_to_channels = vec![Channel::Email];
        t.restricted_to_segments = vec!["s1".into()];
        for rules in [DraftRules::default(), literal()] {
            let json = serde_json::to_value(move_body(&t, Some("d2".into()), &rules)).unwrap();
            assert_eq!(json["is_draft"], true);
            assert_eq!(json["title"], "Unpublished title");
            assert_eq!(json["content"], "Unpublished words");
            assert_eq!(json["directory_id"], "d2");
            assert_eq!(json["restricted_to_channels"], serde_json::json!(["email"]));
            assert_eq!(json["restricted_to_segments"], serde_json::json!(["s1"]));
            assert_eq!(json["metadata"]["owner"], "support");
            assert!(json["start_time"].as_str().is_some());
        }
        let out = serde_json::to_value(move_body(&t, None, &literal())).unwrap();
        assert!(out["directory_id"].is_null());
    }

    #[test]
    fn a_live_training_keeps_its_state_by_leaving_is_draft_out_only_where_that_was_seen() {
        let live = training("t1");
        let keeps = move_body(&live, None, &literal());
        assert_eq!(keeps.is_draft, None);
        assert_eq!(keeps.title, live.title);
        for rules in [
            DraftRules::default(),
            DraftRules {
                problem: Some("The check failed.".into()),
                ..literal()
            },
            DraftRules {
                omitted_is_draft: OmittedIsDraft::Publishes,
                ..literal()
            },
        ] {
            let body = move_body(&live, None, &rules);
            assert_eq!(is_draft(&body), false, "{rules:?}");
            assert_eq!(body.content, live.content);
        }
        // A draft that only copies the live text counts as no draft.
        let mut copied = live.clone();
        copied.draft_title = Some(copied.title.clone());
        copied.draft_content = Some(copied.content.clone());
        assert_eq!(
            move_body(&copied, None, &DraftRules::default()).is_draft,
            Some(false)
        );
    }

    #[test]
    fn drafts_and_trainings_out_of_use_stay_drafts() {
        let mut out = training("t1");
        out.is_draft = true;
        let mut never = training("t2");
        never.is_draft = true;
        never.current_version = None;
        for t in [out, never] {
            for rules in [DraftRules::default(), literal()] {
                assert_eq!(move_body(&t, None, &rules).is_draft, Some(true));
            }
        }
    }

    #[test]
    fn visibility_changes_only_channels_and_segments() {
        let mut t = training("t1");
        t.directory_id = Some("d1".into());
        let body = visibility_body(&t, &[Channel::Sms], &["vip".into()], &literal());
        assert_eq!(body.is_draft, None);
        assert_eq!(body.directory_id.as_deref(), Some("d1"));
        assert_eq!(body.restricted_to_channels, [Channel::Sms]);
        assert_eq!(body.restricted_to_segments, ["vip"]);
        assert_eq!(body.title, t.title);
        assert_eq!(body.metadata.as_ref(), Some(&t.metadata));
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
