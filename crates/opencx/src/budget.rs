//! The client-side rate budget: at most N requests in any sliding window (one minute in use), so
//! bulk work waits for a slot instead of collecting 429s. A sliding window never exceeds the
//! server's limit whether the server counts in fixed windows, sliding windows or a token bucket.
//! A 429's `Retry-After` also holds back every caller of the same client.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// How much later than our count the server may count a request (network and queueing).
const ARRIVAL_MARGIN: Duration = Duration::from_secs(1);

/// A sliding-window request budget shared by all calls of one client.
#[derive(Debug)]
pub(crate) struct RateBudget {
    limit: usize,
    window: Duration,
    /// When each of the last `limit` requests started, oldest first. Callers queue on this lock
    /// (tokio's mutex is fair), so slots are handed out in arrival order.
    starts: tokio::sync::Mutex<VecDeque<Instant>>,
    /// No request starts before this instant (set from a 429's `Retry-After`).
    hold_until: Mutex<Option<Instant>>,
}

impl RateBudget {
    /// `limit` requests per `window`; 0 = no limit (but `hold_until` still applies).
    pub(crate) fn new(limit: u32, window: Duration) -> Self {
        RateBudget {
            limit: limit as usize,
            window,
            starts: tokio::sync::Mutex::new(VecDeque::new()),
            hold_until: Mutex::new(None),
        }
    }

    /// `per_minute` requests per minute; 0 = off. The window is a little longer than a minute:
    /// the server counts a request when it arrives, a few milliseconds after we counted it, so an
    /// exact minute lets the 101st request land while the server still counts the 1st.
    pub(crate) fn per_minute(per_minute: u32) -> Self {
        RateBudget::new(per_minute, Duration::from_secs(60) + ARRIVAL_MARGIN)
    }

    /// Requests allowed per window; 0 = no limit.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// Waits until a request may start, and counts it.
    pub(crate) async fn acquire(&self) {
        let mut starts = self.starts.lock().await;
        loop {
            let now = Instant::now();
            while starts.front().is_some_and(|t| *t + self.window <= now) {
                starts.pop_front();
            }
            let slot_free_at = match starts.front() {
                Some(oldest) if self.limit > 0 && starts.len() >= self.limit => {
                    Some(*oldest + self.window)
                }
                _ => None,
            };
            let held_until = self.held_until().filter(|t| *t > now);
            match slot_free_at.max(held_until) {
                Some(at) => tokio::time::sleep_until(at).await,
                None => {
                    if self.limit > 0 {
                        starts.push_back(now);
                    }
                    return;
                }
            }
        }
    }

    /// Lets no request start before `until` (a later call can only extend the hold).
    pub(crate) fn hold_until(&self, until: Instant) {
        let mut held = self.hold_until.lock().unwrap_or_else(|e| e.into_inner());
        if held.is_none_or(|t| t < until) {
            *held = Some(until);
        }
    }

    fn held_until(&self) -> Option<Instant> {
        *self.hold_until.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Starts `n` acquisitions at once and returns, for each, how long after the start it got
    /// its slot, in completion order.
    async fn burst(budget: Arc<RateBudget>, n: usize) -> Vec<Duration> {
        let start = Instant::now();
        let tasks: Vec<_> = (0..n)
            .map(|_| {
                let budget = budget.clone();
                tokio::spawn(async move {
                    budget.acquire().await;
                    start.elapsed()
                })
            })
            .collect();
        let mut done = Vec::new();
        for task in tasks {
            done.push(task.await.unwrap());
        }
        done.sort();
        done
    }

    #[tokio::test(start_paused = true)]
    async fn the_first_n_go_at_once_and_the_rest_wait_for_the_window() {
        let budget = Arc::new(RateBudget::new(3, Duration::from_secs(60)));
        let times = burst(budget, 7).await;
        let secs: Vec<u64> = times.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, [0, 0, 0, 60, 60, 60, 120]);
    }

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_any_window() {
        let budget = Arc::new(RateBudget::new(5, Duration::from_secs(10)));
        let start = Instant::now();
        let mut starts = Vec::new();
        for i in 0..23u64 {
            // Requests arrive irregularly: some quickly, some after a pause.
            tokio::time::sleep(Duration::from_millis((i * 37) % 1900)).await;
            budget.acquire().await;
            starts.push(start.elapsed());
        }
        for (i, a) in starts.iter().enumerate() {
            let in_window = starts[i..]
                .iter()
                .take_while(|b| **b < *a + Duration::from_secs(10))
                .count();
            assert!(
                in_window <= 5,
                "{in_window} requests in the window from {a:?}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn slots_free_up_as_old_requests_leave_the_window() {
        let budget = RateBudget::new(2, Duration::from_secs(60));
        let start = Instant::now();
        budget.acquire().await;
        tokio::time::sleep(Duration::from_secs(30)).await;
        budget.acquire().await;
        budget.acquire().await; // waits for the first to leave the window
        assert_eq!(start.elapsed(), Duration::from_secs(60));
        budget.acquire().await; // waits for the second
        assert_eq!(start.elapsed(), Duration::from_secs(90));
    }

    #[tokio::test(start_paused = true)]
    async fn zero_means_no_budget() {
        let budget = Arc::new(RateBudget::per_minute(0));
        let times = burst(budget, 500).await;
        assert!(times.iter().all(|t| t.is_zero()));
    }

    #[tokio::test(start_paused = true)]
    async fn a_hold_delays_everyone_even_without_a_budget() {
        let budget = Arc::new(RateBudget::per_minute(0));
        budget.hold_until(Instant::now() + Duration::from_secs(2));
        budget.hold_until(Instant::now() + Duration::from_secs(1)); // does not shorten it
        let times = burst(budget, 3).await;
        assert!(
            times.iter().all(|t| *t == Duration::from_secs(2)),
            "{times:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_default_budget_lets_a_hundred_through_at_once() {
        let budget = Arc::new(RateBudget::per_minute(100));
        let times = burst(budget, 101).await;
        assert!(times[..100].iter().all(|t| t.is_zero()));
        assert_eq!(
            times[100],
            Duration::from_secs(61),
            "a minute and the arrival margin"
        );
    }
}
