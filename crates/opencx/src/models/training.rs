//! The training object and the bodies that create and update one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::lenient::null_as_default;
use super::{Channel, TrainingType};

/// One training as open.cx returns it.
///
/// `title`/`content` hold the last published text and `draft_title`/`draft_content` the
/// unpublished edits; show [`Training::shown_title`] and [`Training::shown_content`]. Decoding is
/// tolerant: unknown keys are ignored, a missing `type` is `SCENARIO_SPECIFIC`, missing or `null`
/// lists and objects are empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Training {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub title: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub content: String,
    #[serde(default)]
    pub draft_title: Option<String>,
    #[serde(default)]
    pub draft_content: Option<String>,
    #[serde(rename = "type", default)]
    pub training_type: TrainingType,
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_draft: bool,
    #[serde(default)]
    pub directory_id: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub restricted_to_channels: Vec<Channel>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub restricted_to_segments: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>"))]
    pub current_version: Option<u64>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: Map<String, Value>,
    #[serde(default)]
    pub published_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub start_time: Option<DateTime<Utc>>,
    #[serde(default)]
    pub end_time: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Training {
    /// The title being edited if there is a draft, else the published one.
    pub fn shown_title(&self) -> &str {
        self.draft_title.as_deref().unwrap_or(&self.title)
    }

    /// The body being edited if there is a draft, else the published one.
    pub fn shown_content(&self) -> &str {
        self.draft_content.as_deref().unwrap_or(&self.content)
    }

    /// Whether the AI uses this training: published and not taken out of use.
    pub fn is_live(&self) -> bool {
        !self.is_draft && self.current_version.is_some()
    }

    /// Whether there are saved edits that are not published yet.
    pub fn has_unpublished_changes(&self) -> bool {
        self.draft_title.is_some() || self.draft_content.is_some()
    }
}

/// The body of `POST /training`. The client adds `metadata.client_id` when it is absent, so a
/// failed create can be looked up instead of being sent twice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateTraining {
    pub title: String,
    pub content: String,
    #[serde(rename = "type")]
    pub training_type: TrainingType,
    pub is_draft: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directory_id: Option<String>,
    #[serde(default)]
    pub restricted_to_channels: Vec<Channel>,
    #[serde(default)]
    pub restricted_to_segments: Vec<String>,
    #[serde(default)]
    pub metadata: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime<Utc>>,
}

impl CreateTraining {
    /// A scenario-specific training, published at once, visible everywhere.
    pub fn new(title: impl Into<String>, content: impl Into<String>) -> Self {
        CreateTraining {
            title: title.into(),
            content: content.into(),
            ..CreateTraining::default()
        }
    }
}

/// The body of `PUT /training/{id}`. What `is_draft` does depends on the server (the docs say
/// only "if true, saved as draft and not used by the AI"): `Some(true)` saves a draft (beside
/// the live version, or in its place, taking the training out of use), `Some(false)` publishes,
/// `None` leaves the key out (which some servers read as "keep the state", others as
/// "publish"). `metadata`, `start_time` and `end_time` are left out when `None`; whether a
/// server then keeps or clears them is not documented either, so a body that means to keep
/// them sends them, and one that means to clear a bound sends `Some(None)`, an explicit
/// `null`. `directory_id` is always sent: `null` takes the training out of its directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UpdateTraining {
    pub title: String,
    pub content: String,
    #[serde(rename = "type")]
    pub training_type: TrainingType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_draft: Option<bool>,
    pub directory_id: Option<String>,
    pub restricted_to_channels: Vec<Channel>,
    pub restricted_to_segments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    /// Left out when `None`; `Some(None)` sends `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Option<DateTime<Utc>>>,
    /// Left out when `None`; `Some(None)` sends `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<Option<DateTime<Utc>>>,
}

impl UpdateTraining {
    /// A body that sends the shown (draft or published) text and every other field as they
    /// are (an unset bound of the window left out), with `is_draft` as the training has it.
    /// Edit the fields you mean to change; note that `is_draft: false` publishes on every
    /// server.
    pub fn from_training(t: &Training) -> Self {
        UpdateTraining {
            title: t.shown_title().to_string(),
            content: t.shown_content().to_string(),
            training_type: t.training_type,
            is_draft: Some(t.is_draft),
            directory_id: t.directory_id.clone(),
            restricted_to_channels: t.restricted_to_channels.clone(),
            restricted_to_segments: t.restricted_to_segments.clone(),
            metadata: Some(t.metadata.clone()),
            start_time: t.start_time.map(Some),
            end_time: t.end_time.map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The shape of the newest documentation's example: no `type`, a channel this version does
    /// not know, an extra key, and `null`s where lists are expected.
    const DOC_EXAMPLE: &str = r#"{
        "id": "3f1c2a9e-0d4b-4c55-9a43-6f0b2c7d8e11",
        "title": "Refund policy",
        "content": "Refunds within **30 days**.",
        "draft_title": null,
        "draft_content": "Refunds within 60 days.",
        "is_draft": false,
        "directory_id": null,
        "restricted_to_channels": ["web", "tiktok"],
        "restricted_to_segments": null,
        "current_version": 3,
        "metadata": {"source": "zendesk"},
        "published_at": "2025-03-01T10:00:00.000Z",
        "created_at": "2025-01-01T09:30:00.000Z",
        "updated_at": "2025-03-01T10:00:00.000Z",
        "handoff_count": 12
    }"#;

    fn example() -> Training {
        serde_json::from_str(DOC_EXAMPLE).unwrap()
    }

    #[test]
    fn decodes_an_answer_without_type_and_with_an_unknown_channel() {
        let t = example();
        assert_eq!(t.training_type, TrainingType::ScenarioSpecific);
        assert_eq!(
            t.restricted_to_channels,
            vec![Channel::Web, Channel::Other("tiktok".into())]
        );
        assert!(t.restricted_to_segments.is_empty());
        assert_eq!(t.current_version, Some(3));
        assert_eq!(t.metadata["source"], json!("zendesk"));
        assert_eq!(t.start_time, None);
        assert_eq!(
            t.published_at.unwrap().to_rfc3339(),
            "2025-03-01T10:00:00+00:00"
        );
    }

    #[test]
    fn shown_text_prefers_the_draft() {
        let t = example();
        assert_eq!(t.shown_title(), "Refund policy");
        assert_eq!(t.shown_content(), "Refunds within 60 days.");
        assert!(t.has_unpublished_changes());
        assert!(t.is_live());
    }

    #[test]
    fn a_never_published_training_is_not_live() {
        let mut t = example();
        t.current_version = None;
        assert!(!t.is_live());
        t.current_version = Some(1);
        t.is_draft = true;
        assert!(!t.is_live());
    }

    #[test]
    fn minimal_training_decodes_with_defaults() {
        let t: Training = serde_json::from_value(json!({
            "id": "x", "title": "T", "content": "C",
            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"
        }))
        .unwrap();
        assert!(!t.is_draft);
        assert!(t.metadata.is_empty());
        assert_eq!(t.draft_title, None);
        assert!(!t.has_unpublished_changes());
    }

    #[test]
    fn a_training_without_id_is_a_decode_error() {
        let err = serde_json::from_value::<Training>(json!({"title": "T"})).unwrap_err();
        assert!(err.to_string().contains("id"), "{err}");
    }

    #[test]
    fn update_body_from_a_training_keeps_everything_and_sends_null_directory() {
        let body = UpdateTraining::from_training(&example());
        let wire = serde_json::to_value(&body).unwrap();
        assert_eq!(wire["title"], "Refund policy");
        assert_eq!(wire["content"], "Refunds within 60 days.");
        assert_eq!(wire["type"], "SCENARIO_SPECIFIC");
        assert_eq!(wire["is_draft"], false);
        assert_eq!(wire["directory_id"], Value::Null);
        assert_eq!(wire["restricted_to_channels"], json!(["web", "tiktok"]));
        assert_eq!(wire["metadata"], json!({"source": "zendesk"}));
        assert!(wire.get("start_time").is_none());
    }

    #[test]
    fn update_body_sends_null_for_a_bound_it_clears() {
        let mut body = UpdateTraining::from_training(&example());
        body.end_time = Some(None);
        body.start_time = Some(Some("2026-12-24T09:00:00Z".parse().unwrap()));
        let wire = serde_json::to_value(&body).unwrap();
        assert_eq!(wire["start_time"], "2026-12-24T09:00:00Z");
        assert!(wire.as_object().unwrap().contains_key("end_time"));
        assert!(wire["end_time"].is_null());
    }

    #[test]
    fn update_body_leaves_out_an_unset_is_draft_and_unset_optional_fields() {
        let mut body = UpdateTraining::from_training(&example());
        body.is_draft = None;
        body.metadata = None;
        let wire = serde_json::to_value(&body).unwrap();
        let mut keys: Vec<&str> = wire
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "content",
                "directory_id",
                "restricted_to_channels",
                "restricted_to_segments",
                "title",
                "type"
            ]
        );
    }

    #[test]
    fn create_body_leaves_out_what_is_not_set() {
        let wire = serde_json::to_value(CreateTraining::new("Hello", "Say hi")).unwrap();
        assert_eq!(
            wire,
            json!({
                "title": "Hello", "content": "Say hi", "type": "SCENARIO_SPECIFIC",
                "is_draft": false, "restricted_to_channels": [], "restricted_to_segments": [],
                "metadata": {}
            })
        );
    }

    #[test]
    fn serializes_back_with_wire_names() {
        let wire = serde_json::to_value(example()).unwrap();
        assert_eq!(wire["type"], "SCENARIO_SPECIFIC");
        assert_eq!(wire["current_version"], 3);
        assert!(wire.get("handoff_count").is_none());
    }
}
