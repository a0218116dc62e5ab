//! How long to wait before retrying when the server did not say (`Retry-After`): exponential
//! backoff with jitter, so many clients that failed together do not retry together.

use std::time::Duration;

/// Exponential backoff with "equal jitter": the n-th retry waits between half and all of
/// `min(cap, base · 2^(n-1))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Backoff {
    base: Duration,
    cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: Duration::from_millis(200),
            cap: Duration::from_secs(5),
        }
    }
}

impl Backoff {
    /// The wait before retry number `retry` (1 = the first retry); `jitter` in `[0, 1)`, normally
    /// `fastrand::f64()`.
    pub(crate) fn delay(&self, retry: u32, jitter: f64) -> Duration {
        let doublings = retry.saturating_sub(1).min(30);
        let ceiling = self.base.saturating_mul(1 << doublings).min(self.cap);
        let half = ceiling / 2;
        half + half.mul_f64(jitter.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn doubles_from_the_base() {
        let b = Backoff::default();
        assert_eq!(b.delay(1, 1.0), ms(200));
        assert_eq!(b.delay(2, 1.0), ms(400));
        assert_eq!(b.delay(3, 1.0), ms(800));
        assert_eq!(b.delay(4, 1.0), ms(1600));
    }

    #[test]
    fn jitter_stays_between_half_and_all() {
        let b = Backoff::default();
        assert_eq!(b.delay(3, 0.0), ms(400));
        assert_eq!(b.delay(3, 0.5), ms(600));
        let mut rng = fastrand::Rng::with_seed(7);
        for retry in 1..10 {
            let ceiling = b.delay(retry, 1.0);
            let d = b.delay(retry, rng.f64());
            assert!(d >= ceiling / 2 && d <= ceiling, "retry {retry}: {d:?}");
        }
    }

    #[test]
    fn never_exceeds_the_cap_even_after_many_retries() {
        let b = Backoff::default();
        assert_eq!(b.delay(6, 1.0), Duration::from_secs(5));
        assert_eq!(b.delay(1000, 1.0), Duration::from_secs(5));
        assert_eq!(b.delay(u32::MAX, 0.0), ms(2500));
    }

    #[test]
    fn retry_zero_is_treated_as_the_first() {
        assert_eq!(Backoff::default().delay(0, 1.0), ms(200));
    }
}
