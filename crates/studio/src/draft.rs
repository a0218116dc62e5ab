//! The editor's unsaved version of a training ([`TrainingDraft`]), its validation, and the full
//! `PUT /training/{id}` body built from the server's training plus the draft.
//!
//! The form edits the schedule (`start_time`/`end_time`, UTC). A draft kept in a file written
//! before it did (journal, outbox, history) has neither key: such a draft never touched the
//! schedule, so it loads marked to take the window of the training it edits
//! ([`TrainingDraft::with_window_of`]) instead of reading as "no window", which would clear one.

use chrono::{DateTime, Utc};
use opencx::{Channel, CreateTraining, Training, TrainingType, UpdateTraining};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StudioError};
use crate::form_field::FormField;

/// What the editor can change in the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(from = "StoredDraft")]
#[ts(export)]
pub struct TrainingDraft {
    pub title: String,
    pub content: String,
    pub training_type: TrainingType,
    pub directory_id: Option<String>,
    pub restricted_to_channels: Vec<Channel>,
    pub restricted_to_segments: Vec<String>,
    /// When the training starts being active (included); `None` = since always.
    pub start_time: Option<DateTime<Utc>>,
    /// When it stops being active (excluded); `None` = no end.
    pub end_time: Option<DateTime<Utc>>,
    /// Read from a file written before the form edited the schedule: the window above is not
    /// the editor's, and the training's own applies. Never sent to the UI.
    #[serde(skip)]
    #[ts(skip)]
    pub window_from_training: bool,
}

/// A draft as any file or the UI gives it; `start_time`/`end_time` may be missing (files
/// written before the form edited the schedule).
#[derive(Deserialize)]
struct StoredDraft {
    title: String,
    content: String,
    training_type: TrainingType,
    directory_id: Option<String>,
    restricted_to_channels: Vec<Channel>,
    restricted_to_segments: Vec<String>,
    #[serde(default, deserialize_with = "present")]
    start_time: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    end_time: Option<Option<DateTime<Utc>>>,
}

/// A key that is there (`null` included) reads as `Some`; a missing one stays `None`.
fn present<'de, D>(deserializer: D) -> std::result::Result<Option<Option<DateTime<Utc>>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Option::deserialize(deserializer).map(Some)
}

impl From<StoredDraft> for TrainingDraft {
    fn from(stored: StoredDraft) -> Self {
        let window_from_training = stored.start_time.is_none() && stored.end_time.is_none();
        TrainingDraft {
            title: stored.title,
            content: stored.content,
            training_type: stored.training_type,
            directory_id: stored.directory_id,
            restricted_to_channels: stored.restricted_to_channels,
            restricted_to_segments: stored.restricted_to_segments,
            start_time: stored.start_time.flatten(),
            end_time: stored.end_time.flatten(),
            window_from_training,
        }
    }
}

impl TrainingDraft {
    /// The form as it opens for `training`: the shown (draft or live) text and its settings.
    pub fn from_training(training: &Training) -> Self {
        TrainingDraft {
            title: training.shown_title().to_owned(),
            content: training.shown_content().to_owned(),
            training_type: training.training_type,
            directory_id: training.directory_id.clone(),
            restricted_to_channels: training.restricted_to_channels.clone(),
            restricted_to_segments: training.restricted_to_segments.clone(),
            start_time: training.start_time,
            end_time: training.end_time,
            window_from_training: false,
        }
    }

    /// This draft with `training`'s window where the draft's file did not hold one (see the
    /// module documentation); a draft with a window of its own is returned as it is.
    pub fn with_window_of(mut self, training: &Training) -> Self {
        if self.window_from_training {
            self.start_time = training.start_time;
            self.end_time = training.end_time;
            self.window_from_training = false;
        }
        self
    }

    /// Refuses what the server would refuse or what is surely a slip.
    pub fn validate(&self) -> Result<()> {
        if self.title.trim().is_empty() {
            return Err(StudioError::invalid_input(
                "Give the training a title before saving.",
            ));
        }
        if self.content.trim().is_empty() {
            return Err(StudioError::invalid_input(
                "Write the instructions before saving.",
            ));
        }
        if let (Some(start), Some(end)) = (self.start_time, self.end_time) {
            if end <= start {
                return Err(StudioError::invalid_input(
                    "The end of “Active from … until …” must come after its start. Change the end, \
                     or clear it for no end.",
                )
                .with_field(FormField::Window));
            }
        }
        Ok(())
    }

    /// The FULL update body: everything else the server has (metadata, …) kept, the draft's
    /// fields applied, and `is_draft = !publish`. The window is the draft's (the server's for a
    /// draft from an older file): a bound the server holds and the draft clears is sent as
    /// an explicit `null`, since whether open.cx keeps or clears an omitted one is not known.
    pub fn update_body(&self, server: &Training, publish: bool) -> UpdateTraining {
        let draft = self.clone().with_window_of(server);
        let mut body = UpdateTraining::from_training(server);
        body.title = self.title.clone();
        body.content = self.content.clone();
        body.training_type = self.training_type;
        body.directory_id = self.directory_id.clone();
        body.restricted_to_channels = self.restricted_to_channels.clone();
        body.restricted_to_segments = self.restricted_to_segments.clone();
        body.start_time = bound(draft.start_time, server.start_time);
        body.end_time = bound(draft.end_time, server.end_time);
        body.is_draft = Some(!publish);
        body
    }
}

impl TrainingDraft {
    /// The `POST /training` body of a new training with this draft's fields, a draft unless
    /// `publish`.
    pub fn create_body(&self, publish: bool) -> CreateTraining {
        CreateTraining {
            title: self.title.clone(),
            content: self.content.clone(),
            training_type: self.training_type,
            is_draft: !publish,
            directory_id: self.directory_id.clone(),
            restricted_to_channels: self.restricted_to_channels.clone(),
            restricted_to_segments: self.restricted_to_segments.clone(),
            start_time: self.start_time,
            end_time: self.end_time,
            ..CreateTraining::default()
        }
    }
}

/// A bound of the window in an update body: the draft's, an explicit `null` where it clears
/// one the server holds, left out where neither has one.
fn bound(
    draft: Option<DateTime<Utc>>,
    server: Option<DateTime<Utc>>,
) -> Option<Option<DateTime<Utc>>> {
    match (draft, server) {
        (None, None) => None,
        (draft, _) => Some(draft),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::test_support::training;

    fn draft() -> TrainingDraft {
        TrainingDraft {
            title: "Refunds".into(),
            content: "Offer a refund within 30 days.".into(),
            training_type: TrainingType::Behavioral,
            directory_id: Some("dir-1".into()),
            restricted_to_channels: vec![Channel::Email, Channel::Other("fax".into())],
            restricted_to_segments: vec!["seg-unknown".into()],
            start_time: None,
            end_time: None,
            window_from_training: false,
        }
    }

    fn at(rfc3339: &str) -> DateTime<Utc> {
        rfc3339.parse().unwrap()
    }

    #[test]
    fn blank_title_or_content_is_invalid_input() {
        let mut d = draft();
        d.title = " \t\n".into();
        let err = d.validate().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(err.message(), "Give the training a title before saving.");
        let mut d = draft();
        d.content = String::new();
        assert_eq!(
            d.validate().unwrap_err().message(),
            "Write the instructions before saving."
        );
        let mut d = draft();
        d.content = "  \n ".into();
        assert!(d.validate().is_err());
        assert!(draft().validate().is_ok());
    }

    #[test]
    fn update_body_keeps_server_fields_and_applies_the_draft() {
        let server = training("t1");
        let body = draft().update_body(&server, true);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["title"], "Refunds");
        assert_eq!(json["content"], "Offer a refund within 30 days.");
        assert_eq!(json["type"], "BEHAVIORAL");
        assert_eq!(json["is_draft"], false);
        assert_eq!(json["directory_id"], "dir-1");
        assert_eq!(
            json["restricted_to_channels"],
            serde_json::json!(["email", "fax"])
        );
        assert_eq!(
            json["restricted_to_segments"],
            serde_json::json!(["seg-unknown"])
        );
        assert_eq!(json["metadata"]["owner"], "support");
        assert_eq!(json["metadata"]["client_id"], "c-1");
        // The window is the form's: this one has none, so the server's start is cleared.
        assert!(json.as_object().unwrap().contains_key("start_time"));
        assert!(json["start_time"].is_null());
    }

    #[test]
    fn saving_a_draft_sends_is_draft_and_null_directory() {
        let mut d = draft();
        d.directory_id = None;
        let json = serde_json::to_value(d.update_body(&training("t1"), false)).unwrap();
        assert_eq!(json["is_draft"], true);
        assert!(json.as_object().unwrap().contains_key("directory_id"));
        assert!(json["directory_id"].is_null());
    }

    #[test]
    fn opens_with_the_shown_text() {
        let mut t = training("t1");
        t.draft_title = Some("New title".into());
        let d = TrainingDraft::from_training(&t);
        assert_eq!(d.title, "New title");
        assert_eq!(d.content, t.content);
    }

    #[test]
    fn json_field_names_match_the_contract() {
        let json = serde_json::to_value(draft()).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "content",
                "directory_id",
                "end_time",
                "restricted_to_channels",
                "restricted_to_segments",
                "start_time",
                "title",
                "training_type"
            ]
        );
        assert_eq!(json["training_type"], "BEHAVIORAL");
    }

    #[test]
    fn the_window_travels_as_utc_and_reads_back_the_same() {
        let mut d = draft();
        d.start_time = Some(at("2026-12-24T10:00:00+01:00"));
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["start_time"], "2026-12-24T09:00:00Z");
        assert!(json["end_time"].is_null());
        let back: TrainingDraft = serde_json::from_value(json).unwrap();
        assert_eq!(back, d);
        assert!(!back.window_from_training);
    }

    #[test]
    fn an_end_not_after_the_start_is_refused_on_the_window_field() {
        let mut d = draft();
        d.start_time = Some(at("2026-12-24T09:00:00Z"));
        d.end_time = Some(at("2026-12-24T09:00:00Z"));
        let err = d.validate().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(err.field(), Some(FormField::Window));
        assert!(
            err.message().contains("must come after its start"),
            "{}",
            err.message()
        );
        d.end_time = Some(at("2026-12-24T09:01:00Z"));
        assert!(d.validate().is_ok());
        // One open bound is always a window.
        d.start_time = None;
        assert!(d.validate().is_ok());
    }

    #[test]
    fn the_body_sends_the_edited_window_and_null_for_a_cleared_bound() {
        let mut server = training("t1");
        server.end_time = Some(at("2027-01-01T00:00:00Z"));
        let mut d = TrainingDraft::from_training(&server);
        d.start_time = Some(at("2026-12-24T09:00:00Z"));
        d.end_time = None;
        let json = serde_json::to_value(d.update_body(&server, false)).unwrap();
        assert_eq!(json["start_time"], "2026-12-24T09:00:00Z");
        // The server holds an end: leaving the key out might keep it, so null is sent.
        assert!(json.as_object().unwrap().contains_key("end_time"));
        assert!(json["end_time"].is_null());
    }

    #[test]
    fn an_untouched_window_is_sent_as_the_server_holds_it() {
        let mut server = training("t1");
        server.end_time = Some(at("2027-01-01T00:00:00Z"));
        let mut d = TrainingDraft::from_training(&server);
        d.title = "Only the title changed".into();
        let json = serde_json::to_value(d.update_body(&server, true)).unwrap();
        assert_eq!(json["start_time"], "2025-02-01T00:00:00Z");
        assert_eq!(json["end_time"], "2027-01-01T00:00:00Z");
        // No window on either side: nothing to keep or clear, the keys stay out.
        let bare = {
            let mut t = training("t2");
            t.start_time = None;
            t
        };
        let json =
            serde_json::to_value(TrainingDraft::from_training(&bare).update_body(&bare, true))
                .unwrap();
        let keys = json.as_object().unwrap();
        assert!(!keys.contains_key("start_time") && !keys.contains_key("end_time"));
    }

    #[test]
    fn a_draft_from_an_older_file_keeps_the_trainings_window() {
        let old = serde_json::json!({
            "title": "Refunds", "content": "Offer a refund.", "training_type": "BEHAVIORAL",
            "directory_id": null, "restricted_to_channels": [], "restricted_to_segments": []
        });
        let loaded: TrainingDraft = serde_json::from_value(old).unwrap();
        assert!(loaded.window_from_training);
        let mut server = training("t1");
        server.end_time = Some(at("2027-01-01T00:00:00Z"));
        let json = serde_json::to_value(loaded.update_body(&server, false)).unwrap();
        assert_eq!(json["start_time"], "2025-02-01T00:00:00Z");
        assert_eq!(json["end_time"], "2027-01-01T00:00:00Z");
        let filled = loaded.with_window_of(&server);
        assert_eq!(
            (
                filled.start_time,
                filled.end_time,
                filled.window_from_training
            ),
            (server.start_time, server.end_time, false)
        );
        // A draft that says "no window" in so many words clears it.
        let cleared: TrainingDraft = serde_json::from_value(serde_json::json!({
            "title": "Refunds", "content": "Offer a refund.", "training_type": "BEHAVIORAL",
            "directory_id": null, "restricted_to_channels": [], "restricted_to_segments": [],
            "start_time": null, "end_time": null
        }))
        .unwrap();
        assert!(!cleared.window_from_training);
        assert_eq!(cleared.with_window_of(&server).end_time, None);
    }
}
