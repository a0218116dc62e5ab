//! Every event the shell sends to the UI, each a payload type that knows its name
//! ([`ShellEvent::NAME`]), derives `ts_rs::TS` and is exported to `ui/src/lib/bindings/`.
//! They go out through [`emit`] only, so an event cannot leave under another event's name or
//! with another payload. `ui/src/lib/ipc.ts` listens with the generated types; the contract
//! test (`contract.rs`) checks its event names against [`every_event`].

use std::time::Duration;

use serde::Serialize;
use studio::{JobProgress, OutboxView, TrainingsArrived};
use tauri::{Emitter, Runtime};
use ts_rs::TS;

/// A payload the shell sends as an event, and the event's name as the UI listens to it.
pub trait ShellEvent: Serialize + Clone + TS {
    const NAME: &'static str;
}

/// Sends `payload` to the UI as its event. A failure is logged, not returned: the UI may not be
/// listening yet, and nothing the editor did depends on it.
pub fn emit<R: Runtime, E: ShellEvent>(to: &impl Emitter<R>, payload: &E) {
    if let Err(e) = to.emit(E::NAME, payload) {
        tracing::warn!(event = E::NAME, error = %e, "could not send an event to the UI");
    }
}

/// "api-waiting": the client waits before retrying a request (Retry-After or backoff).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ApiWaiting {
    /// The wait in whole seconds, rounded up.
    pub seconds: u32,
    /// The attempt that follows the wait (2 for the first retry).
    pub attempt: u32,
}

impl ApiWaiting {
    pub fn new(wait: Duration, attempt: u32) -> Self {
        // `as` saturates: a wait beyond u32::MAX seconds is not one anybody waits out.
        let seconds = wait.as_secs_f64().ceil() as u32;
        ApiWaiting { seconds, attempt }
    }
}

impl ShellEvent for ApiWaiting {
    const NAME: &'static str = "api-waiting";
}

/// "close-requested": the editor tries to close the window; the shell holds the close until
/// the UI calls `confirm_close`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CloseRequested {
    /// A bulk job is running and would stop if the window closed.
    pub job_running: bool,
}

impl ShellEvent for CloseRequested {
    const NAME: &'static str = "close-requested";
}

/// "job-progress": after each item of a bulk job, and once at its end.
impl ShellEvent for JobProgress {
    const NAME: &'static str = "job-progress";
}

/// "outbox-changed": after every change to the outbox (queued, sent, landed, discarded).
impl ShellEvent for OutboxView {
    const NAME: &'static str = "outbox-changed";
}

/// "trainings-arrived": a page of the workspace's trainings, as a load receives it.
impl ShellEvent for TrainingsArrived {
    const NAME: &'static str = "trainings-arrived";
}

/// Every event, as its name and its payload's TypeScript type: what `ipc.ts` must listen to.
#[cfg(test)]
pub(crate) fn every_event() -> Vec<(&'static str, String)> {
    fn entry<E: ShellEvent>() -> (&'static str, String) {
        (E::NAME, E::name(&ts_rs::Config::default()))
    }
    vec![
        entry::<ApiWaiting>(),
        entry::<CloseRequested>(),
        entry::<JobProgress>(),
        entry::<OutboxView>(),
        entry::<TrainingsArrived>(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_is_announced_in_whole_seconds_rounded_up() {
        let waits = [0, 1_000, 1_001, 29_500].map(|ms| {
            let waiting = ApiWaiting::new(Duration::from_millis(ms), 2);
            serde_json::to_value(waiting).unwrap()
        });
        assert_eq!(
            waits,
            [0, 1, 2, 30].map(|s| serde_json::json!({"seconds": s, "attempt": 2}))
        );
    }
}
