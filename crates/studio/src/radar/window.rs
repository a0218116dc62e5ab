//! A window that has ended while the training is still in use: open.cx stops using a training
//! after its end time, so an editor who sees it live in the list is told it no longer answers.
//! "In use" is the app's one reading of it, [`opencx::Training::is_live`].

use chrono::{DateTime, Utc};

use super::health::{Examined, HealthCode, HealthNote, Severity};

pub(super) fn notes(training: &Examined, now: DateTime<Utc>) -> Option<HealthNote> {
    let end = training.end_time?;
    (training.in_use && end <= now).then(|| HealthNote {
        code: HealthCode::WindowEnded,
        severity: Severity::Problem,
        explanation: format!(
            "This training's window ended on {}, so customers no longer get it although it is live.",
            end.format("%-d %B %Y")
        ),
        fix: "Set a later end date if it still applies, or take it out of use.".into(),
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn an_ended_window_on_a_live_training_is_noted() {
        let mut t = training("t1");
        t.end_time = Some(at("2026-03-03T12:00:00Z"));
        let note = notes(&Examined::training(&t), at("2026-12-05T06:00:00Z")).unwrap();
        assert_eq!(
            note.explanation,
            "This training's window ended on 3 March 2026, so customers no longer get it although it is live."
        );
    }

    #[test]
    fn an_open_or_future_window_or_a_draft_is_fine() {
        let now = at("2026-12-05T06:00:00Z");
        let mut t = training("t1");
        assert!(notes(&Examined::training(&t), now).is_none(), "no end");
        t.end_time = Some(at("2027-01-01T00:00:00Z"));
        assert!(notes(&Examined::training(&t), now).is_none(), "ends later");
        t.end_time = Some(at("2026-03-03T12:00:00Z"));
        t.is_draft = true;
        assert!(notes(&Examined::training(&t), now).is_none(), "not in use");
    }
}
