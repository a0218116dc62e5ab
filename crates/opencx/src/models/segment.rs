//! Contact segments, which a training can be restricted to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A contact segment (`GET /contacts/segments`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Segment {
    pub id: String,
    #[serde(default, deserialize_with = "super::lenient::null_as_default")]
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The segment's rule, as open.cx stores it; shown, never interpreted.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub definition: Option<Value>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}
