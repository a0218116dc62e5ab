//! The request log: what every API request asked for (never its Authorization header),
//! bounded so a long-running simulator does not grow without end.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many requests the log keeps; older ones are forgotten first.
pub const LOG_CAPACITY: usize = 10_000;

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

/// The last [`LOG_CAPACITY`] requests, oldest first.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<RecordedRequest>,
}

impl RequestLog {
    pub fn push(&mut self, request: RecordedRequest) {
        if self.entries.len() == LOG_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(request);
    }

    pub fn snapshot(&self) -> Vec<RecordedRequest> {
        self.entries.iter().cloned().collect()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_requests() {
        let mut log = RequestLog::default();
        for i in 0..LOG_CAPACITY + 3 {
            log.push(RecordedRequest {
                method: "GET".into(),
                path: format!("/{i}"),
                query: None,
                body: None,
            });
        }
        let all = log.snapshot();
        assert_eq!(all.len(), LOG_CAPACITY);
        assert_eq!(all[0].path, "/3");
        log.clear();
        assert!(log.snapshot().is_empty());
    }
}
