//! The simulator's own wire types (deliberately not shared with the `opencx` client), the
//! records it keeps and persists, and its reading of a training's schedule ([`is_active_at`]).

use chrono::{DateTime, Utc};
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

/// Whether a training with this schedule is active at `now`: the simulator's own reading of
/// `start_time`/`end_time`, whose meaning open.cx does not describe. Active iff
/// `start_time ≤ now < end_time`; a missing bound is open (as is one that is not an RFC 3339
/// time, which validation never stores). It says nothing about `is_draft`: a draft inside its
/// window is active by schedule and still not used by the AI.
pub fn is_active_at(start_time: Option<&str>, end_time: Option<&str>, now: DateTime<Utc>) -> bool {
    let bound = |raw: Option<&str>| {
        raw.and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    bound(start_time).is_none_or(|start| start <= now)
        && bound(end_time).is_none_or(|end| now < end)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn active(start: Option<&str>, end: Option<&str>, now: &str) -> bool {
        is_active_at(start, end, at(now))
    }

    const START: &str = "2026-12-24T09:00:00.000Z";
    const END: &str = "2026-12-27T00:00:00.000Z";

    #[test]
    fn active_from_the_start_inclusive_until_the_end_exclusive() {
        let window = (Some(START), Some(END));
        assert!(!active(window.0, window.1, "2026-12-24T08:59:59.999Z"));
        assert!(active(window.0, window.1, START));
        assert!(active(window.0, window.1, "2026-12-26T23:59:59.999Z"));
        assert!(!active(window.0, window.1, END));
    }

    #[test]
    fn a_missing_bound_is_open() {
        let (long_ago, far_ahead) = ("1990-01-01T00:00:00Z", "2990-01-01T00:00:00Z");
        assert!(active(None, None, long_ago) && active(None, None, far_ahead));
        assert!(!active(Some(START), None, long_ago) && active(Some(START), None, far_ahead));
        assert!(active(None, Some(END), long_ago) && !active(None, Some(END), far_ahead));
    }

    #[test]
    fn bounds_with_an_offset_are_compared_as_instants() {
        let start = Some("2026-12-24T10:00:00+01:00");
        assert!(active(start, None, START));
        assert!(!active(start, None, "2026-12-24T08:59:00Z"));
    }

    #[test]
    fn an_end_not_after_the_start_is_never_active() {
        for moment in [START, "2026-12-25T00:00:00Z", END] {
            assert!(!active(Some(END), Some(START), moment), "{moment}");
        }
    }
}
