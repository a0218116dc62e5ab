//! Directories (the dashboard's flat folders of trainings).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A directory (`GET /training/directories`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Directory {
    pub id: String,
    #[serde(default, deserialize_with = "super::lenient::null_as_default")]
    pub name: String,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}
