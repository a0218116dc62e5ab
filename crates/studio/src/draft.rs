//! The editor's unsaved version of a training ([`TrainingDraft`]), its validation, and the full
//! `PUT /training/{id}` body built from the server's training plus the draft.

use opencx::{Channel, Training, TrainingType, UpdateTraining};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StudioError};

/// What the editor can change in the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingDraft {
    pub title: String,
    pub content: String,
    pub training_type: TrainingType,
    pub directory_id: Option<String>,
    pub restricted_to_channels: Vec<Channel>,
    pub restricted_to_segments: Vec<String>,
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
        }
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
        Ok(())
    }

    /// The FULL update body: everything the server has (metadata, start/end time, …) kept,
    /// the draft's fields applied, and `is_draft = !publish`.
    pub fn update_body(&self, server: &Training, publish: bool) -> UpdateTraining {
        let mut body = UpdateTraining::from_training(server);
        body.title = self.title.clone();
        body.content = self.content.clone();
        body.training_type = self.training_type;
        body.directory_id = self.directory_id.clone();
        body.restricted_to_channels = self.restricted_to_channels.clone();
        body.restricted_to_segments = self.restricted_to_segments.clone();
        body.is_draft = Some(!publish);
        body
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
        }
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
        assert!(json["start_time"]
            .as_str()
            .unwrap()
            .starts_with("2025-02-01T00:00:00"));
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
                "restricted_to_channels",
                "restricted_to_segments",
                "title",
                "training_type"
            ]
        );
        assert_eq!(json["training_type"], "BEHAVIORAL");
    }
}
