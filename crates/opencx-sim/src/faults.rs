//! Fault injection: the settings (`Faults`, replaceable while running) and the per-request
//! decisions taken from them, deterministic for a given `random_seed` and request order.

use std::time::Duration;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

/// The statuses an injected failure may answer with (401 and 403 act out a key that is
/// revoked or loses a scope mid-session).
pub const FAILURE_STATUSES: [u16; 6] = [500, 502, 503, 429, 401, 403];

/// How long a `timeout_next` request hangs before it is answered.
pub const HANG: Duration = Duration::from_secs(60);

/// What goes wrong, and how often. JSON of `GET/PUT /_sim/faults`; absent fields are defaults.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Added to every API request.
    pub latency_ms: Option<u64>,
    /// Every API request gets 503.
    pub down: bool,
    /// The next N API requests fail with `fail_status`.
    pub fail_next: u32,
    /// 500, 502, 503, 429, 401 or 403 (the default is 503).
    pub fail_status: Option<u16>,
    /// Random failures per route, decided with the seeded generator.
    pub failure_rate: Vec<RouteFailure>,
    pub drop_connection: DropMode,
    /// The next N successful answers have a truncated (invalid) JSON body.
    pub malformed_json_next: u32,
    /// The next N API requests hang for 60 s before they are answered.
    pub timeout_next: u32,
}

/// Closing connections without an answer. JSON: `"none"`, `{"after": N}`, `{"before": N}`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DropMode {
    #[default]
    None,
    /// The next N requests are handled (a POST is applied), then the connection is closed.
    After(u32),
    /// The next N requests are closed without being handled.
    Before(u32),
}

/// Fail `rate` (0.0..=1.0) of the requests matching `route` with `status`. `route` is `*`, a
/// path template (`/training/{id}`), or method and template (`PUT /training/{id}`, `GET *`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteFailure {
    pub route: String,
    pub rate: f64,
    #[serde(default = "default_status")]
    pub status: u16,
}

fn default_status() -> u16 {
    503
}

impl Faults {
    /// Checks the values a control request may set.
    pub fn validate(&self) -> Result<(), String> {
        let statuses = self
            .fail_status
            .into_iter()
            .chain(self.failure_rate.iter().map(|f| f.status));
        for status in statuses {
            if !FAILURE_STATUSES.contains(&status) {
                return Err(format!(
                    "status {status} is not one of 500, 502, 503, 429, 401, 403"
                ));
            }
        }
        if let Some(f) = self
            .failure_rate
            .iter()
            .find(|f| !(0.0..=1.0).contains(&f.rate))
        {
            return Err(format!(
                "rate {} of `{}` is not within 0..1",
                f.rate, f.route
            ));
        }
        Ok(())
    }
}

impl RouteFailure {
    fn matches(&self, method: &str, template: Option<&str>) -> bool {
        let pattern = self.route.trim();
        let (want_method, want_path) = match pattern.split_once(' ') {
            Some((m, p)) => (m.trim(), p.trim()),
            None if pattern == "*" => ("*", "*"),
            None => ("*", pattern),
        };
        let method_ok = want_method == "*" || want_method.eq_ignore_ascii_case(method);
        let path_ok = want_path == "*" || template == Some(want_path);
        method_ok && path_ok
    }
}

/// What happens to a request before its handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    Proceed,
    Down,
    Fail(StatusCode),
    Drop,
}

/// The fault decisions for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub latency: Option<Duration>,
    pub hang: bool,
    pub before: Before,
    pub drop_after: bool,
}

/// The current settings, the counters they count down, and the seeded generator.
#[derive(Debug)]
pub struct FaultState {
    faults: Faults,
    rng: fastrand::Rng,
}

fn take(counter: &mut u32) -> bool {
    let hit = *counter > 0;
    *counter = counter.saturating_sub(1);
    hit
}

impl FaultState {
    pub fn new(faults: Faults, random_seed: u64) -> Self {
        FaultState {
            faults,
            rng: fastrand::Rng::with_seed(random_seed),
        }
    }

    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    pub fn set(&mut self, faults: Faults) {
        self.faults = faults;
    }

    /// Decides, and counts down, what happens to the next API request. `template` is the
    /// route it matched, `None` for unknown routes.
    pub fn plan(&mut self, method: &str, template: Option<&str>) -> Plan {
        let f = &mut self.faults;
        let mut plan = Plan {
            latency: f.latency_ms.filter(|ms| *ms > 0).map(Duration::from_millis),
            hang: false,
            before: Before::Proceed,
            drop_after: false,
        };
        if f.down {
            plan.before = Before::Down;
            return plan;
        }
        plan.hang = take(&mut f.timeout_next);
        if let DropMode::Before(n) = &mut f.drop_connection {
            if take(n) {
                plan.before = Before::Drop;
                return plan;
            }
        }
        let fail_status = f.fail_status.unwrap_or(503);
        if take(&mut f.fail_next) {
            plan.before = Before::Fail(status(fail_status));
            return plan;
        }
        if let Some(rule) = f.failure_rate.iter().find(|r| r.matches(method, template)) {
            if self.rng.f64() < rule.rate {
                plan.before = Before::Fail(status(rule.status));
                return plan;
            }
        }
        if let DropMode::After(n) = &mut f.drop_connection {
            plan.drop_after = take(n);
        }
        plan
    }

    /// Whether this successful answer is to be malformed (counts one down if so).
    pub fn take_malformed(&mut self) -> bool {
        take(&mut self.faults.malformed_json_next)
    }
}

fn status(code: u16) -> StatusCode {
    StatusCode::from_u16(code).unwrap_or(StatusCode::SERVICE_UNAVAILABLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_stable() {
        let f: Faults = serde_json::from_str(
            r#"{"fail_next":2,"drop_connection":{"after":1},"failure_rate":[{"route":"PUT /training/{id}","rate":0.5}]}"#,
        )
        .unwrap();
        assert_eq!(f.fail_next, 2);
        assert_eq!(f.drop_connection, DropMode::After(1));
        assert_eq!(f.failure_rate[0].status, 503);
        let none: Faults = serde_json::from_str(r#"{"drop_connection":"none"}"#).unwrap();
        assert_eq!(none, Faults::default());
        assert!(serde_json::from_str::<Faults>(r#"{"fail_nxt":1}"#).is_err());
    }

    #[test]
    fn validate_refuses_odd_statuses_and_rates() {
        let mut f = Faults {
            fail_status: Some(418),
            ..Faults::default()
        };
        assert!(f.validate().is_err());
        f.fail_status = Some(502);
        assert!(f.validate().is_ok());
        f.failure_rate.push(RouteFailure {
            route: "*".into(),
            rate: 1.5,
            status: 500,
        });
        assert!(f.validate().is_err());
    }

    #[test]
    fn counters_count_down_in_order() {
        let mut s = FaultState::new(
            Faults {
                fail_next: 1,
                fail_status: Some(502),
                drop_connection: DropMode::Before(1),
                timeout_next: 1,
                ..Faults::default()
            },
            1,
        );
        let first = s.plan("GET", Some("/training"));
        assert!(first.hang);
        assert_eq!(first.before, Before::Drop);
        assert_eq!(
            s.plan("GET", Some("/training")).before,
            Before::Fail(StatusCode::BAD_GATEWAY)
        );
        assert_eq!(s.plan("GET", Some("/training")).before, Before::Proceed);
        assert_eq!(s.faults().fail_next, 0);
    }

    #[test]
    fn route_patterns() {
        let rule = |route: &str| RouteFailure {
            route: route.into(),
            rate: 1.0,
            status: 500,
        };
        assert!(rule("*").matches("GET", None));
        assert!(rule("PUT /training/{id}").matches("PUT", Some("/training/{id}")));
        assert!(!rule("PUT /training/{id}").matches("GET", Some("/training/{id}")));
        assert!(rule("/training/{id}").matches("DELETE", Some("/training/{id}")));
        assert!(rule("GET *").matches("GET", Some("/contacts/segments")));
        assert!(!rule("GET *").matches("POST", Some("/training")));
    }

    #[test]
    fn failure_rate_is_deterministic_for_a_seed() {
        let faults = Faults {
            failure_rate: vec![RouteFailure {
                route: "*".into(),
                rate: 0.5,
                status: 500,
            }],
            ..Faults::default()
        };
        let run = |seed| {
            let mut s = FaultState::new(faults.clone(), seed);
            (0..64)
                .map(|_| s.plan("GET", Some("/training")).before == Before::Proceed)
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        let ok = run(7).iter().filter(|x| **x).count();
        assert!((10..54).contains(&ok), "{ok} of 64 passed");
    }
}
