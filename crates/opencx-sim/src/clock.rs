//! Timestamps as the API writes them (RFC 3339, UTC, milliseconds) from a clock that never
//! repeats itself, so every write gets a strictly newer `updated_at`.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

/// Formats a time the way the API does: `2025-03-04T09:15:00.000Z`.
pub fn format(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses any RFC 3339 time and gives it back in the API's canonical form.
pub fn canonical(input: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(input)
        .ok()
        .map(|t| format(t.with_timezone(&Utc)))
}

/// Gives strictly increasing millisecond timestamps.
#[derive(Debug, Default)]
pub struct Clock {
    last: Option<DateTime<Utc>>,
}

impl Clock {
    /// Now, or one millisecond after the previous stamp if the wall clock has not moved on.
    pub fn now(&mut self) -> String {
        let wall = Utc::now();
        let wall =
            wall - Duration::nanoseconds(i64::from(wall.timestamp_subsec_nanos() % 1_000_000));
        let stamp = match self.last {
            Some(last) if wall <= last => last + Duration::milliseconds(1),
            _ => wall,
        };
        self.last = Some(stamp);
        format(stamp)
    }

    /// Makes sure later stamps come after `seen` (a time loaded from a state file).
    pub fn observe(&mut self, seen: &str) {
        if let Ok(t) = DateTime::parse_from_rfc3339(seen) {
            let t = t.with_timezone(&Utc);
            if self.last.is_none_or(|last| t > last) {
                self.last = Some(t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_canonical_and_strictly_increasing() {
        let mut clock = Clock::default();
        let stamps: Vec<String> = (0..50).map(|_| clock.now()).collect();
        for pair in stamps.windows(2) {
            assert!(pair[0] < pair[1], "{} !< {}", pair[0], pair[1]);
        }
        assert_eq!(stamps[0].len(), "2025-03-04T09:15:00.000Z".len());
        assert!(stamps[0].ends_with('Z'));
    }

    #[test]
    fn canonical_normalises_offsets() {
        assert_eq!(
            canonical("2025-03-04T10:15:00+01:00").as_deref(),
            Some("2025-03-04T09:15:00.000Z")
        );
        assert_eq!(canonical("yesterday"), None);
    }

    #[test]
    fn observe_moves_the_clock_past_loaded_times() {
        let mut clock = Clock::default();
        clock.observe("2999-01-01T00:00:00.000Z");
        assert_eq!(clock.now(), "2999-01-01T00:00:00.001Z");
    }
}
