//! The per-token rate limit: a sliding one-minute window of request times.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);

/// Request times per token within the last minute.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    seen: HashMap<String, VecDeque<Instant>>,
}

/// The outcome for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Allowed; `remaining` more requests fit in the window (`None` = no limit).
    Allowed { remaining: Option<u32> },
    /// Refused; retry after this many seconds.
    Limited { retry_after: u64 },
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            seen: HashMap::new(),
        }
    }

    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Changes the limit; the requests already counted stay counted.
    pub fn set_per_minute(&mut self, per_minute: u32) {
        self.per_minute = per_minute;
    }

    /// Counts a request of `token` made at `now`, unless it is over the limit.
    pub fn check(&mut self, token: &str, now: Instant) -> Verdict {
        if self.per_minute == 0 {
            return Verdict::Allowed { remaining: None };
        }
        let times = self.seen.entry(token.to_string()).or_default();
        while times
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        let limit = self.per_minute as usize;
        if times.len() >= limit {
            let oldest = times[times.len() - limit];
            let wait = WINDOW.saturating_sub(now.saturating_duration_since(oldest));
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            return Verdict::Limited {
                retry_after: secs.max(1),
            };
        }
        times.push_back(now);
        Verdict::Allowed {
            remaining: Some(self.per_minute - times.len() as u32),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_token_and_frees_after_the_window() {
        let mut rl = RateLimiter::new(2);
        let t0 = Instant::now();
        assert_eq!(rl.check("a", t0), Verdict::Allowed { remaining: Some(1) });
        assert_eq!(rl.check("a", t0), Verdict::Allowed { remaining: Some(0) });
        assert_eq!(
            rl.check("a", t0 + Duration::from_millis(10_500)),
            Verdict::Limited { retry_after: 50 }
        );
        assert_eq!(rl.check("b", t0), Verdict::Allowed { remaining: Some(1) });
        assert_eq!(
            rl.check("a", t0 + WINDOW),
            Verdict::Allowed { remaining: Some(1) }
        );
    }

    #[test]
    fn zero_means_unlimited_and_lowering_applies_at_once() {
        let mut rl = RateLimiter::new(0);
        let now = Instant::now();
        for _ in 0..500 {
            assert_eq!(rl.check("a", now), Verdict::Allowed { remaining: None });
        }
        rl.set_per_minute(3);
        for _ in 0..3 {
            assert!(matches!(rl.check("a", now), Verdict::Allowed { .. }));
        }
        assert!(matches!(rl.check("a", now), Verdict::Limited { .. }));
    }
}
