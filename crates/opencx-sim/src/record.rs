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
    /// The status answered; `None` while the request is in flight or when its connection was
    /// dropped without an answer.
    #[serde(default)]
    pub status: Option<u16>,
}

/// The last [`LOG_CAPACITY`] requests, oldest first.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    /// How many entries were ever pushed, so an entry can be found again by its number.
    pushed: u64,
}

/// The number of a logged request, to record its status once it is answered.
#[derive(Debug, Clone, Copy)]
pub struct Entry(u64);

impl RequestLog {
    pub fn push(&mut self, request: RecordedRequest) -> Entry {
        if self.entries.len() == LOG_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(request);
        self.pushed += 1;
        Entry(self.pushed - 1)
    }

    /// Records the answer's status on a logged request (a no-op once it was forgotten or cleared).
    pub fn set_status(&mut self, entry: Entry, status: u16) {
        let first = self.pushed - self.entries.len() as u64;
        if let Some(index) = entry.0.checked_sub(first) {
            if let Some(request) = self.entries.get_mut(index as usize) {
                request.status = Some(status);
            }
        }
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
                status: None,
            });
        }
        let all = log.snapshot();
        assert_eq!(all.len(), LOG_CAPACITY);
        assert_eq!(all[0].path, "/3");
        log.clear();
        assert!(log.snapshot().is_empty());
    }

    #[test]
    fn a_status_lands_on_its_own_request_even_after_older_ones_were_forgotten() {
        let request = |path: &str| RecordedRequest {
            method: "GET".into(),
            path: path.into(),
            query: None,
            body: None,
            status: None,
        };
        let mut log = RequestLog::default();
        let first = log.push(request("/first"));
        for _ in 0..LOG_CAPACITY {
            log.push(request("/filler"));
        }
        let last = log.push(request("/last"));
        log.set_status(first, 500);
        log.set_status(last, 429);
        let snapshot = log.snapshot();
        assert!(snapshot.iter().all(|r| r.path != "/first"));
        assert_eq!(snapshot.last().unwrap().status, Some(429));
        assert_eq!(snapshot.iter().filter(|r| r.status.is_some()).count(), 1);
        log.clear();
        log.set_status(last, 200);
        assert!(log.snapshot().is_empty());
    }
}
