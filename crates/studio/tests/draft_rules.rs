//! The check that learns how a workspace's server treats drafts, against the in-process
//! simulator: what it learns, that it works only on its own temporary training (harmless
//! while it exists, deleted at once), that the result is kept per workspace across restarts,
//! and that a check that cannot finish (a read-only key) keeps a problem, leaves the rules
//! unknown and is tried again on the next load.

mod support;

use chrono::{DateTime, Utc};
use opencx_sim::{
    DraftMode, OmittedFields as SimOmitted, SimConfig, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN,
};
use serde_json::Value;
use studio::{
    DraftRules, DraftSave, MemoryStore, OmittedFields, OmittedIsDraft, Studio, CHECK_METADATA_KEY,
    CHECK_TITLE,
};
use support::{fixture_on, Fixture};

async fn signed_in(seed: &str, key: &str) -> Fixture {
    signed_in_to(seed, key, DraftMode::Fields, SimOmitted::Kept).await
}

async fn signed_in_to(seed: &str, key: &str, mode: DraftMode, omitted: SimOmitted) -> Fixture {
    let config = SimConfig {
        seed: seed.parse().unwrap(),
        rate_limit_per_minute: 0,
        draft_mode: mode,
        omitted_fields: omitted,
        ..SimConfig::default()
    };
    fixture_on(config, key).await
}

/// The rules as a tuple, for one `assert_eq!`.
fn learned(f: &Fixture) -> (DraftSave, OmittedIsDraft, OmittedFields, Option<String>) {
    let rules = f.studio.draft_rules().unwrap();
    (
        rules.draft_save,
        rules.omitted_is_draft,
        rules.omitted_fields,
        rules.problem,
    )
}

/// The requests of the check: the create of its training, then everything on that training.
fn check_requests(f: &Fixture) -> Vec<(String, String, Option<Value>, Option<u16>)> {
    let log = f.requests();
    let Some(create) = log.iter().position(|(m, p, b, _)| {
        m == "POST" && p == "/training" && b.as_ref().is_some_and(|b| b["title"] == CHECK_TITLE)
    }) else {
        return Vec::new();
    };
    log[create..].to_vec()
}

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_fields_server_keeps_drafts_beside_the_live_version_and_the_check_leaves_nothing() {
    let f = signed_in("demo", DEFAULT_FULL_TOKEN).await;
    let rules = f.studio.draft_rules().unwrap();
    assert_eq!(
        (
            rules.draft_save,
            rules.omitted_is_draft,
            rules.omitted_fields,
            rules.problem.as_deref()
        ),
        (
            DraftSave::BesideLive,
            OmittedIsDraft::Publishes,
            OmittedFields::Kept,
            None
        )
    );
    let checked = rules.checked_at.expect("checked at sign-in");
    assert!((Utc::now() - checked).num_seconds() < 60);

    assert_the_check_was_harmless_and_left_nothing(&f);
}

#[tokio::test]
async fn a_literal_server_takes_the_training_out_of_use_and_keeps_the_state_when_is_draft_is_left_out(
) {
    let f = signed_in_to(
        "demo",
        DEFAULT_FULL_TOKEN,
        DraftMode::Literal,
        SimOmitted::Kept,
    )
    .await;
    assert_eq!(
        learned(&f),
        (
            DraftSave::TakesOutOfUse,
            OmittedIsDraft::KeepsState,
            OmittedFields::Kept,
            None
        )
    );
    assert_the_check_was_harmless_and_left_nothing(&f);
}

#[tokio::test]
async fn omitted_fields_that_are_cleared_are_seen_on_both_kinds_of_server() {
    for (mode, save, omitted_is_draft) in [
        (
            DraftMode::Fields,
            DraftSave::BesideLive,
            OmittedIsDraft::Publishes,
        ),
        (
            DraftMode::Literal,
            DraftSave::TakesOutOfUse,
            OmittedIsDraft::KeepsState,
        ),
    ] {
        let f = signed_in_to("empty", DEFAULT_FULL_TOKEN, mode, SimOmitted::Cleared).await;
        assert_eq!(
            learned(&f),
            (save, omitted_is_draft, OmittedFields::Cleared, None),
            "{mode:?}"
        );
        assert_the_check_was_harmless_and_left_nothing(&f);
    }
}

/// The check's training was made harmless, every later request was on it alone, it never
/// went live without its ended schedule, and it is gone.
fn assert_the_check_was_harmless_and_left_nothing(f: &Fixture) {
    let log = check_requests(f);
    assert!(!log.is_empty(), "the sign-in checked");
    // Created harmless: a draft, marked, with a schedule that had ended, on one channel and a
    // segment nobody is in.
    let created = log[0].2.clone().unwrap();
    assert_eq!(created["is_draft"], true);
    assert!(created["metadata"][CHECK_METADATA_KEY].as_str().is_some());
    let (start, end) = (time(&created["start_time"]), time(&created["end_time"]));
    assert!(start < end && end < Utc::now());
    assert_eq!(
        created["restricted_to_channels"],
        serde_json::json!(["api"])
    );
    assert_eq!(
        created["restricted_to_segments"].as_array().unwrap().len(),
        1
    );
    // Every later request is on that one training, and the last deletes it.
    let id = log[1].1.trim_start_matches("/training/").to_owned();
    assert!(log[1..].iter().all(
        |(_, p, _, _)| p == &format!("/training/{id}") || p == &format!("/training/{id}/draft")
    ));
    let last = log.last().unwrap();
    assert_eq!((last.0.as_str(), last.3), ("DELETE", Some(200)));
    assert!(!f.exists(&id));
    assert!(f
        .sim
        .trainings()
        .iter()
        .all(|t| t["metadata"].get(CHECK_METADATA_KEY).is_none() && t["title"] != CHECK_TITLE));
    // It never went live without its ended schedule: each write that could publish carried
    // the metadata and the schedule.
    for (_, _, body, _) in &log[1..] {
        if let Some(body) = body.as_ref().filter(|b| b.get("title").is_some()) {
            if body.get("is_draft") != Some(&Value::Bool(true)) {
                assert_eq!(body["end_time"], created["end_time"], "{body}");
            }
        }
    }
}

#[tokio::test]
async fn the_rules_are_kept_per_workspace_and_not_checked_again_on_the_next_start() {
    let f = signed_in("empty", DEFAULT_FULL_TOKEN).await;
    let learned = f.studio.draft_rules().unwrap();
    f.sim.clear_requests();
    let again = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    again.resume_session().await.unwrap().expect("resumed");
    assert_eq!(again.draft_rules().unwrap(), learned);
    again.load_workspace().await.unwrap();
    assert!(
        check_requests(&f).is_empty(),
        "a finished check is not repeated"
    );
    // "Check again" does.
    let rechecked = again.check_draft_rules().await.unwrap();
    assert!(rechecked.checked_at > learned.checked_at);
    assert_eq!(rechecked.draft_save, learned.draft_save);
    assert!(!check_requests(&f).is_empty());
    let settings: Value =
        serde_json::from_slice(&std::fs::read(f.dir.path().join("settings.json")).unwrap())
            .unwrap();
    let kept = settings["draft_rules"].as_object().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept.values().next().unwrap()["draft_save"], "beside_live");
}

#[tokio::test]
async fn a_key_that_may_not_write_keeps_a_problem_and_the_next_load_checks_again() {
    let f = signed_in("demo", DEFAULT_READ_TOKEN).await;
    let rules = f.studio.draft_rules().unwrap();
    let problem = rules.problem.clone().expect("the check could not finish");
    assert!(
        problem.starts_with("Training Studio could not check how this workspace treats drafts"),
        "{problem}"
    );
    assert!(problem.contains("training:write"), "{problem}");
    assert!(problem.ends_with('.'), "{problem}");
    assert_eq!(
        (
            rules.draft_save,
            rules.omitted_is_draft,
            rules.omitted_fields
        ),
        (
            DraftSave::Unknown,
            OmittedIsDraft::Unknown,
            OmittedFields::Unknown
        )
    );
    assert!(rules.checked_at.is_some());
    // Nothing was written: the create was refused.
    let writes: Vec<_> = f
        .requests()
        .into_iter()
        .filter(|(m, _, _, _)| m != "GET")
        .collect();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0].3, Some(403));
    // The next load tries again (and fails the same way).
    f.sim.clear_requests();
    f.studio.load_workspace().await.unwrap();
    assert_eq!(check_requests(&f).len(), 1);
    assert!(f.studio.draft_rules().unwrap().problem.is_some());
}

#[tokio::test]
async fn before_any_check_the_rules_are_unknown_and_the_demo_checks_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()))
        .with_demo_seed("empty".parse().unwrap());
    assert!(studio.draft_rules().is_err(), "no workspace open");
    assert_eq!(DraftRules::default().checked_at, None);
    studio.open_demo().await.unwrap();
    let rules = studio.draft_rules().unwrap();
    assert_eq!(rules.draft_save, DraftSave::BesideLive);
    assert_eq!(rules.problem, None);
}
