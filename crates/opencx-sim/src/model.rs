//! The simulator's own wire types (deliberately not shared with the `opencx` client), and the
//! records it keeps and persists.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The ten channels a training can be restricted to.
pub const CHANNELS: [&str; 10] = [
    "web",
    "email",
    "phone_voice",
    "slack",
    "sms",
    "whatsapp",
    "instagram",
    "messenger",
    "api",
    "web_voice",
];

/// `BEHAVIORAL` (always active) or `SCENARIO_SPECIFIC` (matched on the question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TrainingType {
    Behavioral,
    #[default]
    ScenarioSpecific,
}

impl TrainingType {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "BEHAVIORAL" => Some(TrainingType::Behavioral),
            "SCENARIO_SPECIFIC" => Some(TrainingType::ScenarioSpecific),
            _ => None,
        }
    }
}

/// A training exactly as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Training {
    pub id: String,
    pub title: String,
    pub content: String,
    pub draft_title: Option<String>,
    pub draft_content: Option<String>,
    #[serde(rename = "type")]
    pub training_type: TrainingType,
    pub is_draft: bool,
    pub directory_id: Option<String>,
    pub restricted_to_channels: Vec<String>,
    pub restricted_to_segments: Vec<String>,
    pub current_version: Option<u64>,
    pub metadata: Map<String, Value>,
    pub published_at: Option<String>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A training as the simulator stores it: the wire object plus what the API does not show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingRecord {
    #[serde(flatten)]
    pub training: Training,
    /// How often conversations answered with this training were handed to a human
    /// (`sort_by=handoff_count`).
    #[serde(default)]
    pub handoff_count: u64,
}

/// A training directory (flat folder).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A contact segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub definition: Option<Value>,
    pub created_at: String,
    pub updated_at: String,
}
