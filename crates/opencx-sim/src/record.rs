//! The request log: what every API request asked for (never its Authorization header).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One API request as received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: Option<String>,
    /// The JSON body; `None` when there was none or it was not JSON.
    pub body: Option<Value>,
}
