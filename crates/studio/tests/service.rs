//! The `Studio` service against a real in-process opencx-sim over loopback HTTP: sign-in with
//! good, wrong and scoped keys, resume, switch, sign-out, loading (with and without directory
//! routes), search, review, save as draft and as publish, and the server's refusals.

use opencx::{ApiToken, Channel, TrainingType};
use opencx_sim::{SimConfig, SimHandle, TokenSpec, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN};
use serde_json::Value;
use studio::secrets::SecretStore;
use studio::{ErrorKind, Field, MemoryStore, SaveOutcome, Studio, TrainingDraft, KEY_REJECTED};

const SEGMENTS_ONLY: &str = "ocx_test_segments_only";

async fn sim() -> SimHandle {
    let mut tokens = opencx_sim::default_tokens();
    tokens.push(TokenSpec::scoped(SEGMENTS_ONLY, &["segments:read"]));
    opencx_sim::spawn(SimConfig {
        seed: "demo".parse().unwrap(),
        tokens,
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

struct Fixture {
    sim: SimHandle,
    keys: MemoryStore,
    dir: tempfile::TempDir,
    studio: Studio,
}

impl Fixture {
    async fn new() -> Self {
        let sim = sim().await;
        let keys = MemoryStore::new();
        let dir = tempfile::tempdir().unwrap();
        let studio = Studio::new(dir.path(), Box::new(keys.clone()));
        Fixture {
            sim,
            keys,
            dir,
            studio,
        }
    }

    /// Another app start on the same data dir and keychain.
    fn restart(&self) -> Studio {
        Studio::new(self.dir.path(), Box::new(self.keys.clone()))
    }

    /// Signs in; the requests of the sign-in (and its check of the draft rules) are then
    /// cleared from the simulator's log.
    async fn sign_in(&self, key: &str) -> studio::WorkspaceSummary {
        let ws = self
            .studio
            .sign_in("Support", &self.sim.base_url(), key)
            .await
            .unwrap();
        self.sim.clear_requests();
        ws
    }

    fn puts(&self) -> Vec<Value> {
        self.sim
            .requests()
            .into_iter()
            .filter(|r| r.method == "PUT")
            .filter_map(|r| r.body)
            .collect()
    }
}

fn draft_of(t: &opencx::Training) -> TrainingDraft {
    TrainingDraft::from_training(t)
}

/// The server's answer of a save that landed.
fn landed(outcome: Result<SaveOutcome, studio::StudioError>) -> opencx::Training {
    match outcome.unwrap() {
        SaveOutcome::Saved { training, .. } => training,
        other => panic!("not saved: {other:?}"),
    }
}

#[tokio::test]
async fn good_key_is_checked_with_one_request_then_stored() {
    let f = Fixture::new().await;
    let ws = f
        .studio
        .sign_in("Support", &f.sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    assert_eq!(ws.name, "Support");
    assert_eq!(ws.base_url, f.sim.base_url());
    assert!(!ws.is_demo);
    let requests = f.sim.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path, "/training");
    // The list's first page, which the first load then starts from.
    assert_eq!(requests[0].query.as_deref(), Some("limit=100&offset=0"));
    // Then only the check of the draft rules, on its own temporary training.
    assert_eq!(requests[1].method, "POST", "{requests:?}");
    let check = f.sim.requests()[1].clone();
    assert_eq!(check.body.unwrap()["title"], studio::CHECK_TITLE);
    assert!(requests[2..]
        .iter()
        .all(|r| r.path.starts_with("/training/") && r.method != "GET"));
    assert_eq!(requests.last().unwrap().method, "DELETE");
    assert_eq!(
        f.keys.get(&ws.id).unwrap().unwrap().expose(),
        DEFAULT_FULL_TOKEN
    );
    let list = f.studio.list_workspaces().unwrap();
    assert_eq!(list.workspaces, std::slice::from_ref(&ws));
    assert_eq!(list.active_id.as_deref(), Some(ws.id.as_str()));
    let settings = std::fs::read_to_string(f.dir.path().join("settings.json")).unwrap();
    assert!(!settings.contains(DEFAULT_FULL_TOKEN));
    // Signing in again to the same workspace replaces the key, not the entry.
    let again = f.sign_in(DEFAULT_READ_TOKEN).await;
    assert_eq!(again.id, ws.id);
    assert_eq!(f.studio.list_workspaces().unwrap().workspaces.len(), 1);
}

#[tokio::test]
async fn wrong_key_gets_the_exact_sentence_and_nothing_is_stored() {
    let f = Fixture::new().await;
    let err = f
        .studio
        .sign_in("Support", &f.sim.base_url(), "ocx_live_wrong")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        err.message(),
        "open.cx did not accept this API key (401). Create or copy a key in open.cx under Settings → Access."
    );
    assert_eq!(err.message(), KEY_REJECTED);
    assert!(f.studio.list_workspaces().unwrap().workspaces.is_empty());
    assert!(!f.dir.path().join("settings.json").exists());
    assert_eq!(
        f.studio.load_workspace().await.unwrap_err().kind(),
        ErrorKind::NoWorkspace
    );
}

#[tokio::test]
async fn key_without_training_read_names_the_missing_scope() {
    let f = Fixture::new().await;
    let err = f
        .studio
        .sign_in("Support", &f.sim.base_url(), SEGMENTS_ONLY)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert!(err.message().contains("training:read"), "{err}");
    assert!(f.studio.list_workspaces().unwrap().workspaces.is_empty());
}

#[tokio::test]
async fn read_only_key_signs_in_and_loads_but_saving_names_training_write() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_READ_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = &data.trainings[0];
    let mut draft = draft_of(t);
    draft.title.push_str(" (edited)");
    let err = f
        .studio
        .save_training(&t.id, &draft, false, t.clone())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert!(err.message().contains("training:write"), "{err}");
    assert!(draft.title.ends_with(" (edited)"));
}

#[tokio::test]
async fn bad_base_url_is_a_config_error() {
    let f = Fixture::new().await;
    let err = f
        .studio
        .sign_in("Support", "not a url", DEFAULT_FULL_TOKEN)
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Config | ErrorKind::Network),
        "{err:?}"
    );
    assert!(f.studio.list_workspaces().unwrap().workspaces.is_empty());
}

#[tokio::test]
async fn loads_trainings_segments_and_directories() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    assert_eq!(data.trainings.len(), f.sim.trainings().len());
    assert!(!data.segments.is_empty());
    assert!(data.directories_supported);
    assert!(!data.directories.is_empty());
    assert!(data.directories.iter().all(|d| !d.local_name_only));
    for t in &data.trainings {
        if let Some(dir) = &t.directory_id {
            assert!(data.directories.iter().any(|d| &d.id == dir));
        }
    }
}

#[tokio::test]
async fn without_directory_routes_directories_are_derived_from_trainings() {
    let f = Fixture::new().await;
    f.sim.set_directories_enabled(false);
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    assert!(!data.directories_supported);
    let used: std::collections::BTreeSet<&str> = data
        .trainings
        .iter()
        .filter_map(|t| t.directory_id.as_deref())
        .collect();
    assert!(
        !used.is_empty(),
        "the demo seed files trainings in directories"
    );
    assert_eq!(data.directories.len(), used.len());
    let names: std::collections::BTreeSet<String> = data
        .directories
        .iter()
        .map(|d| d.name.to_lowercase())
        .collect();
    assert_eq!(
        names.len(),
        used.len(),
        "no two directories read the same: {names:?}"
    );
    for d in &data.directories {
        assert!(d.local_name_only);
        assert!(
            !d.name.contains(&d.id[..8]),
            "named from its titles: {}",
            d.name
        );
    }
}

#[tokio::test]
async fn search_returns_the_ids_the_server_matches() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = &data.trainings[0];
    let word = t.title.split_whitespace().max_by_key(|w| w.len()).unwrap();
    let ids = f
        .studio
        .search_trainings(&word.to_uppercase())
        .await
        .unwrap();
    assert!(ids.contains(&t.id), "{word}: {ids:?}");
    let query = f.sim.requests().last().unwrap().query.clone().unwrap();
    assert!(query.contains("search="), "{query}");
    assert!(f
        .studio
        .search_trainings("zzzz-no-training-says-this")
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn review_names_directories_and_segments() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data
        .trainings
        .iter()
        .find(|t| t.is_live() && !t.has_unpublished_changes())
        .unwrap();
    let other_dir = data
        .directories
        .iter()
        .find(|d| Some(&d.id) != t.directory_id.as_ref())
        .unwrap();
    let segment = &data.segments[0];
    let mut draft = draft_of(t);
    draft.title = "A new title".into();
    draft.content = format!("{}\nOne more line.", t.shown_content());
    draft.directory_id = Some(other_dir.id.clone());
    draft.restricted_to_channels = vec![Channel::Sms];
    draft.restricted_to_segments = vec![segment.id.clone(), "deadbeef-0000-0000".into()];
    draft.training_type = match t.training_type {
        TrainingType::Behavioral => TrainingType::ScenarioSpecific,
        TrainingType::ScenarioSpecific => TrainingType::Behavioral,
    };
    let review = f.studio.review_changes(&t.id, &draft, false).await.unwrap();
    let change = |field: Field| {
        review
            .changes
            .iter()
            .find(|c| c.field == field)
            .unwrap_or_else(|| panic!("no {field:?} in {:?}", review.changes))
            .clone()
    };
    assert_eq!(change(Field::Title).after, "A new title");
    assert_eq!(change(Field::Directory).after, other_dir.name);
    assert_eq!(change(Field::Channels).after, "SMS");
    assert_eq!(
        change(Field::Segments).after,
        format!("{}, Unknown segment (deadbeef…)", segment.name)
    );
    assert_eq!(change(Field::State).after, "Live, with unpublished changes");
    assert!(review.content_diff.last().unwrap().text == "One more line.");
    assert!(!review.publish);
    // Reviewing sends nothing that changes the server.
    assert!(f.puts().is_empty());
}

#[tokio::test]
async fn review_loads_names_when_the_workspace_was_not_loaded() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let t = f.sim.trainings()[0].clone();
    let id = t["id"].as_str().unwrap();
    let training = f.studio.get_training(id).await.unwrap();
    let review = f
        .studio
        .review_changes(id, &draft_of(&training), true)
        .await
        .unwrap();
    assert!(review.changes.iter().all(|c| c.field == Field::State));
}

#[tokio::test]
async fn save_as_draft_then_publish_sends_the_full_body() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data
        .trainings
        .iter()
        .find(|t| t.is_live() && !t.has_unpublished_changes())
        .unwrap()
        .clone();
    let mut draft = draft_of(&t);
    draft.title = "Returns, revised".into();
    draft.content = "Offer a return label.\n\nThen thank them.".into();
    draft.restricted_to_segments = vec!["unknown-segment-id-kept".into()];

    let saved = landed(
        f.studio
            .save_training(&t.id, &draft, false, t.clone())
            .await,
    );
    assert_eq!(saved.title, t.title, "a draft save keeps the live text");
    assert_eq!(saved.draft_title.as_deref(), Some("Returns, revised"));
    assert_eq!(saved.current_version, t.current_version);
    assert_eq!(saved.restricted_to_segments, ["unknown-segment-id-kept"]);
    let body = f.puts().pop().unwrap();
    assert_eq!(body["is_draft"], true);
    assert_eq!(body["title"], "Returns, revised");
    assert_eq!(
        body["restricted_to_segments"],
        serde_json::json!(["unknown-segment-id-kept"])
    );
    assert_eq!(Value::Object(t.metadata.clone()), body["metadata"]);
    assert!(body.as_object().unwrap().contains_key("directory_id"));
    assert_eq!(
        f.studio.get_training(&t.id).await.unwrap().draft_content,
        saved.draft_content
    );

    let published = landed(
        f.studio
            .save_training(&t.id, &draft, true, saved.clone())
            .await,
    );
    assert_eq!(published.title, "Returns, revised");
    assert_eq!(published.content, draft.content);
    assert_eq!(published.draft_title, None);
    assert!(published.is_live());
    assert_eq!(published.current_version, t.current_version.map(|v| v + 1));
    assert_eq!(f.puts().pop().unwrap()["is_draft"], false);
    // The review now compares against what was saved.
    let review = f.studio.review_changes(&t.id, &draft, true).await.unwrap();
    assert!(review.changes.is_empty(), "{:?}", review.changes);
}

#[tokio::test]
async fn a_server_refusal_reads_in_the_form_words_and_names_the_field() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let t = f.studio.load_workspace().await.unwrap().trainings[0].clone();
    let mut draft = draft_of(&t);
    draft.restricted_to_channels = vec![Channel::Web, Channel::Other("fax".into())];
    let err = f
        .studio
        .save_training(&t.id, &draft, true, t.clone())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        err.message(),
        "open.cx does not accept the channel “Other channel (fax)”. Untick it, then save again."
    );
    assert_eq!(err.field(), Some(studio::FormField::Channels));
}

#[tokio::test]
async fn unknown_training_is_not_found() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let err = f
        .studio
        .get_training("00000000-0000-4000-8000-000000000000")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn revoked_key_mid_session_is_401_and_the_draft_stays_with_the_caller() {
    let f = Fixture::new().await;
    let ws = f.sign_in(DEFAULT_FULL_TOKEN).await;
    let t = f.studio.load_workspace().await.unwrap().trainings[0].clone();
    // The key is revoked on open.cx; the next app start still has the old one.
    f.keys
        .set(&ws.id, &ApiToken::new("ocx_live_revoked"))
        .unwrap();
    let studio = f.restart();
    assert_eq!(studio.resume_session().await.unwrap(), Some(ws.clone()));
    let mut draft = draft_of(&t);
    draft.content = "Unsaved words that must not be lost.".into();
    let before = draft.clone();
    let err = studio
        .save_training(&t.id, &draft, true, t.clone())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.message(), KEY_REJECTED);
    assert_eq!(draft, before);
    // Signing in again with a good key then saves the same draft.
    studio
        .sign_in("Support", &f.sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    let saved = landed(studio.save_training(&t.id, &draft, true, t.clone()).await);
    assert_eq!(saved.content, "Unsaved words that must not be lost.");
}

#[tokio::test]
async fn resume_needs_the_key_in_the_keychain() {
    let f = Fixture::new().await;
    let ws = f.sign_in(DEFAULT_FULL_TOKEN).await;
    assert_eq!(
        f.restart().resume_session().await.unwrap(),
        Some(ws.clone())
    );
    f.keys.delete(&ws.id).unwrap();
    assert_eq!(f.restart().resume_session().await.unwrap(), None);
}

#[tokio::test]
async fn switch_and_sign_out() {
    let f = Fixture::new().await;
    let first = f.sign_in(DEFAULT_FULL_TOKEN).await;
    let second = f
        .studio
        .sign_in("Read only", &f.sim.base_url(), DEFAULT_READ_TOKEN)
        .await
        .unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(f.studio.switch_workspace(&first.id).await.unwrap(), first);
    assert_eq!(
        f.studio.list_workspaces().unwrap().active_id.as_deref(),
        Some(first.id.as_str())
    );
    let err = f.studio.switch_workspace("nope").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);

    let list = f.studio.sign_out(&first.id, false).await.unwrap();
    assert_eq!(list.workspaces, std::slice::from_ref(&second));
    assert_eq!(list.active_id, None);
    assert!(f.keys.get(&first.id).unwrap().is_none());
    assert_eq!(
        f.studio.load_workspace().await.unwrap_err().kind(),
        ErrorKind::NoWorkspace
    );
    // The other workspace's key is untouched; without it switching asks to sign in again.
    assert!(f.keys.get(&second.id).unwrap().is_some());
    f.keys.delete(&second.id).unwrap();
    let err = f.studio.switch_workspace(&second.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
}

/// The files this computer keeps of one workspace: cache, journal, outbox, history and example
/// questions.
fn kept_files(dir: &std::path::Path, workspace_id: &str) -> Vec<String> {
    let mut found = Vec::new();
    for area in ["cache", "journal", "outbox", "history", "examples"] {
        let Ok(entries) = std::fs::read_dir(dir.join(area)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.trim_end_matches(".json") == workspace_id {
                found.push(format!("{area}/{name}"));
            }
        }
    }
    found.sort();
    found
}

#[tokio::test]
async fn signing_out_removes_the_workspaces_data_only_when_asked() {
    let f = Fixture::new().await;
    let ws = f.sign_in(DEFAULT_FULL_TOKEN).await;
    let other = f
        .studio
        .sign_in("Read only", &f.sim.base_url(), DEFAULT_READ_TOKEN)
        .await
        .unwrap();
    f.studio.switch_workspace(&ws.id).await.unwrap();
    let data = f.studio.load_workspace().await.unwrap();
    let (a, b) = (data.trainings[0].clone(), data.trainings[1].clone());
    landed(
        f.studio
            .save_training(&a.id, &draft_of(&a), false, a.clone())
            .await,
    );
    f.studio
        .journal_write(&b.id, draft_of(&b), None)
        .await
        .unwrap();
    f.studio
        .keep_example_question(studio::ExampleQuestion {
            id: String::new(),
            training_id: a.id.clone(),
            question: "Where is my parcel?".into(),
            channel: opencx::Channel::Web,
            segment_ids: Vec::new(),
            check: studio::ExampleCheck::UsesThisTraining,
        })
        .await
        .unwrap();
    f.sim.set_faults(opencx_sim::Faults {
        down: true,
        ..opencx_sim::Faults::default()
    });
    let mut offline = draft_of(&b);
    offline.content = "Written offline, waiting to be sent.".into();
    let outcome = f
        .studio
        .save_training(&b.id, &offline, false, b.clone())
        .await;
    assert!(
        matches!(outcome, Ok(SaveOutcome::Queued { .. })),
        "{outcome:?}"
    );
    f.sim.set_faults(opencx_sim::Faults::default());
    // The cache is written in the background a moment after a change.
    for _ in 0..100 {
        if kept_files(f.dir.path(), &ws.id).len() == 5 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let everything = [
        format!("cache/{}.json", ws.id),
        format!("examples/{}", ws.id),
        format!("history/{}", ws.id),
        format!("journal/{}", ws.id),
        format!("outbox/{}.json", ws.id),
    ];
    assert_eq!(kept_files(f.dir.path(), &ws.id), everything);

    // Signing out of the other workspace without removing keeps this one's files.
    f.studio.sign_out(&other.id, false).await.unwrap();
    assert_eq!(kept_files(f.dir.path(), &ws.id), everything);
    let list = f.studio.sign_out(&ws.id, true).await.unwrap();
    assert!(list.workspaces.is_empty());
    assert_eq!(kept_files(f.dir.path(), &ws.id), Vec::<String>::new());
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(
        kept_files(f.dir.path(), &ws.id),
        Vec::<String>::new(),
        "no background write brings a file back"
    );
}

#[tokio::test]
async fn demo_workspace_needs_no_key_and_keeps_edits_across_restarts() {
    let f = Fixture::new().await;
    let demo = f.studio.open_demo().await.unwrap();
    assert!(demo.is_demo);
    assert_eq!(demo.id, "demo");
    assert!(demo.base_url.starts_with("http://127.0.0.1:"));
    let data = f.studio.load_workspace().await.unwrap();
    assert!(!data.trainings.is_empty());
    let t = data.trainings[0].clone();
    let mut draft = draft_of(&t);
    draft.title = "Edited in the demo".into();
    landed(f.studio.save_training(&t.id, &draft, true, t.clone()).await);
    assert!(
        f.keys.get("demo").unwrap().is_none(),
        "the demo token is never stored"
    );
    assert!(f.dir.path().join("demo/demo.json").exists());
    let settings = std::fs::read_to_string(f.dir.path().join("settings.json")).unwrap();
    assert!(!settings.contains("ocx_demo_"));
    drop(f.studio.sign_out("demo", false).await.unwrap());

    let again = f.restart();
    let reopened = again.open_demo().await.unwrap();
    assert!(reopened.is_demo);
    let t2 = again.get_training(&t.id).await.unwrap();
    assert_eq!(t2.title, "Edited in the demo");
}

#[tokio::test]
async fn demo_at_start_and_resume_of_the_demo() {
    let f = Fixture::new().await;
    let ws = f.sign_in(DEFAULT_FULL_TOKEN).await;
    let studio = f.restart().with_demo_at_start(true);
    let first = studio.resume_session().await.unwrap().unwrap();
    assert!(first.is_demo);
    // Only the first resume is forced to the demo; the demo is now the active workspace.
    assert_eq!(studio.resume_session().await.unwrap(), Some(first.clone()));
    let next = f.restart();
    assert!(next.resume_session().await.unwrap().unwrap().is_demo);
    assert_eq!(next.switch_workspace(&ws.id).await.unwrap(), ws);
}

#[tokio::test]
async fn scale_seed_for_benchmarks() {
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()))
        .with_demo_seed("scale:250".parse().unwrap());
    studio.open_demo().await.unwrap();
    assert_eq!(studio.load_workspace().await.unwrap().trainings.len(), 250);
    assert!(dir.path().join("demo/scale-250.json").exists());
}

#[tokio::test]
async fn a_401_in_the_middle_of_a_session_keeps_the_session_and_the_draft() {
    let f = Fixture::new().await;
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let t = f.studio.load_workspace().await.unwrap().trainings[0].clone();
    let mut draft = draft_of(&t);
    draft.content = "Words typed before the key stopped working.".into();
    f.sim.set_faults(opencx_sim::Faults {
        fail_next: 1,
        fail_status: Some(401),
        ..opencx_sim::Faults::default()
    });
    let err = f
        .studio
        .save_training(&t.id, &draft, false, t.clone())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.message(), KEY_REJECTED);
    assert!(f.puts().is_empty(), "nothing was sent after the refusal");
    // The editor still holds the draft; once open.cx accepts the key again it saves as is.
    let saved = landed(
        f.studio
            .save_training(&t.id, &draft, false, t.clone())
            .await,
    );
    assert_eq!(saved.draft_content.as_deref(), Some(draft.content.as_str()));
}

#[tokio::test]
async fn retry_waits_are_reported_to_the_hook() {
    let f = Fixture::new().await;
    let waits = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = std::sync::Arc::clone(&waits);
    f.studio
        .set_retry_hook(move |wait, attempt| seen.lock().unwrap().push((wait, attempt)));
    f.sign_in(DEFAULT_FULL_TOKEN).await;
    let t = f.sim.trainings()[0]["id"].as_str().unwrap().to_owned();
    f.sim.set_faults(opencx_sim::Faults {
        fail_next: 1,
        fail_status: Some(503),
        ..opencx_sim::Faults::default()
    });
    f.studio.get_training(&t).await.unwrap();
    let waits = waits.lock().unwrap().clone();
    assert_eq!(waits.len(), 1, "{waits:?}");
    assert_eq!(waits[0].1, 2, "the wait comes before the second attempt");
}
