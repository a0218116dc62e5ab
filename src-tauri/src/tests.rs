//! The shell's IPC tested through Tauri's mock runtime with the real ACL (the app's generated
//! context and capabilities): every command answers through IPC, none ever returns the API
//! key, errors arrive as `{kind, message}` (plus `field` when about one form field), the client's retry waits become "api-waiting"
//! events, bulk jobs report "job-progress" events, an offline save waits and is announced as
//! "outbox-changed", a close request says whether a job runs, and the capability grants
//! exactly the commands.

use serde_json::{json, Value};
use studio::{MemoryStore, Studio};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Listener, Manager, WebviewWindow};

use crate::build_app;
use crate::commands::examples::{FileAsk, FileChooser};
use crate::commands::window::CloseGuard;
use crate::events::{ApiWaiting, CloseRequested, ShellEvent};

const FULL_KEY: &str = "ocx_test_full";

struct Harness {
    app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _data: tempfile::TempDir,
}

fn harness() -> Harness {
    let data = tempfile::tempdir().unwrap();
    let studio = Studio::new(data.path(), Box::new(MemoryStore::new()));
    // The file chooser answers one file in the data folder, for export and import alike, and
    // one folder when asked for a folder.
    let chosen = data.path().join("chosen/example-questions.json");
    let folder = data.path().join("chosen-folder");
    let files = FileChooser::new(move |ask| match ask {
        FileAsk::Folder => Some(folder.clone()),
        _ => Some(chosen.clone()),
    });
    let mut app = build_app(mock_builder().manage(studio).manage(files))
        .build(tauri::generate_context!())
        .unwrap();
    // One iteration (never a loop, the deprecation's concern) runs setup as the real app
    // does: the configured "main" window is created and the retry hook wired.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = app.get_webview_window("main").unwrap();
    Harness {
        app,
        window,
        _data: data,
    }
}

/// Calls a command the way the webview does; `Ok` = resolved, `Err` = rejected.
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// Waits (at most 30 s) until no bulk job runs.
fn wait_for_jobs(window: &WebviewWindow<MockRuntime>) {
    let studio = window.state::<Studio>();
    for _ in 0..300 {
        if !studio.job_running() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the job did not end");
}

fn spawn_sim() -> opencx_sim::SimHandle {
    tauri::async_runtime::block_on(opencx_sim::spawn(opencx_sim::SimConfig {
        seed: "demo".parse().unwrap(),
        ..opencx_sim::SimConfig::default()
    }))
    .unwrap()
}

#[test]
fn no_command_ever_returns_the_api_key() {
    let sim = spawn_sim();
    let h = harness();
    let w = &h.window;
    let mut responses: Vec<(String, Result<Value, Value>)> = Vec::new();
    let mut call = |cmd: &str, args: Value| {
        let response = invoke(w, cmd, args);
        responses.push((cmd.to_owned(), response.clone()));
        response
    };

    let before = call("list_workspaces", json!({})).unwrap();
    assert_eq!(before, json!({"workspaces": [], "active_id": null}));
    assert_eq!(call("resume_session", json!({})).unwrap(), Value::Null);
    let wrong = call(
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": "ocx_wrong_key"}),
    )
    .unwrap_err();
    assert_eq!(wrong["kind"], "unauthorized");
    let workspace = call(
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": FULL_KEY}),
    )
    .unwrap();
    let id = workspace["id"].as_str().unwrap().to_owned();
    assert_eq!(workspace["name"], "Support");
    assert_eq!(
        call("resume_session", json!({})).unwrap()["id"],
        id.as_str()
    );
    call("list_workspaces", json!({})).unwrap();
    // Nothing kept on disk before the first load.
    assert_eq!(call("cached_workspace", json!({})).unwrap(), Value::Null);
    let data = call("load_workspace", json!({})).unwrap();
    let training = data["trainings"][0].clone();
    let tid = training["id"].as_str().unwrap().to_owned();
    let found = call("search_trainings", json!({"query": training["title"]})).unwrap();
    assert!(found.as_array().unwrap().iter().any(|v| v == tid.as_str()));
    let blocks = call(
        "render_preview",
        json!({"markdown": "**hi** <script>x</script>\n\nshown", "known": []}),
    )
    .unwrap();
    assert!(
        blocks[0]["html"]
            .as_str()
            .unwrap()
            .contains("<strong>hi</strong>")
            && !blocks.to_string().contains("script")
    );
    let again = call(
        "render_preview",
        json!({"markdown": "**hi**\n\nshown", "known": [blocks[1]["key"]]}),
    )
    .unwrap();
    assert_eq!(again[1], json!({"key": blocks[1]["key"], "html": null}));
    let draft = json!({
        "title": "Greeting, revised",
        "content": "Say hello warmly.",
        "training_type": training["type"],
        "directory_id": training["directory_id"],
        "restricted_to_channels": ["web", "email"],
        "restricted_to_segments": [],
        "start_time": null,
        "end_time": null
    });
    let review = call(
        "review_changes",
        json!({"id": tid, "draft": draft, "publish": true}),
    )
    .unwrap();
    assert_eq!(review["publish"], true);
    // The journal of unsaved edits: written as the editor types, listed after a crash, gone
    // once saved; discarding forgets it.
    let base = training["updated_at"].clone();
    let wrote = call(
        "journal_write",
        json!({"id": tid, "draft": draft, "baseUpdatedAt": base}),
    );
    assert_eq!(wrote.unwrap(), Value::Null);
    let recovered = call("journal_list", json!({})).unwrap();
    assert_eq!(recovered[0]["training_id"], tid.as_str());
    assert_eq!(recovered[0]["title"], "Greeting, revised");
    assert_eq!(recovered[0]["draft"], draft);
    let saved = call(
        "save_training",
        json!({"id": tid, "draft": draft, "publish": false, "base": training}),
    )
    .unwrap();
    assert_eq!(saved["status"], "saved");
    assert_eq!(saved["training"]["draft_title"], "Greeting, revised");
    assert_eq!(saved["differences"], json!([]));
    // The save is kept in the local history.
    let versions = call("history_list", json!({"id": tid})).unwrap();
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["title"], "Greeting, revised");
    let version = call("history_version", json!({"id": tid, "version": 1})).unwrap();
    assert_eq!(version["sent"], draft);
    let compared = call(
        "history_compare",
        json!({"id": tid, "version": 1, "current": draft}),
    )
    .unwrap();
    assert_eq!(compared["changes"], json!([]));
    // What the AI would be given for a message, from the workspace as loaded.
    let reach = call(
        "what_will_the_ai_see",
        json!({"question": {
            "message": "Where is my parcel?", "channel": "whatsapp", "segment_ids": [],
            "at": "2026-12-05T12:00:00Z", "utc_offset_minutes": 0, "edit": null
        }}),
    )
    .unwrap();
    assert_eq!(reach["ranking_label"], studio::LIKELY_MATCHES_LABEL);
    assert!(reach["when_asked"].is_array());
    // The coverage map of the workspace, and one cell's trainings.
    let map = call("coverage_map", json!({"scope": {"kind": "workspace"}})).unwrap();
    assert_eq!(map["columns"][0]["label"], "All customers");
    assert_eq!(map["rows"][0]["channel"], "web");
    let cell = call(
        "coverage_cell",
        json!({"scope": {"kind": "no_directory"}, "channel": "web", "segmentId": null}),
    )
    .unwrap();
    assert!(cell["trainings"].is_array());
    // Example questions: kept, checked (with an edit too), exported and imported back.
    assert_eq!(
        call("example_questions", json!({})).unwrap(),
        json!({"questions": [], "results": {}})
    );
    let question = json!({
        "id": "", "training_id": tid, "question": "Greeting?", "channel": "web",
        "segment_ids": [], "check": {"kind": "uses_this_training"}
    });
    let book = call("keep_example_question", json!({"question": question})).unwrap();
    let qid = book["questions"][0]["id"].as_str().unwrap().to_owned();
    let run = call("run_example_checks", json!({"edit": null})).unwrap();
    assert_eq!(run["results"][0]["question_id"], qid.as_str());
    let edit = json!({"id": tid, "draft": draft});
    let with_edit = call("run_example_checks", json!({"edit": edit})).unwrap();
    assert!(with_edit["changes"].is_array());
    let exported = call("export_example_questions", json!({})).unwrap();
    assert_eq!(
        exported,
        "Exported 1 example question to “example-questions.json”."
    );
    let book = call("remove_example_question", json!({"id": qid})).unwrap();
    assert_eq!(book["questions"], json!([]));
    let imported = call("import_example_questions", json!({})).unwrap();
    assert_eq!(imported["added"], 1);
    assert_eq!(imported["book"]["questions"][0]["id"], qid.as_str());
    // The workspace as files: exported to the chosen folder, read back into a plan that
    // changes nothing and has no conflict to settle, which `start_import` refuses to run;
    // `start_job` refuses an import.
    let exported = call("export_to_folder", json!({"directoryId": null})).unwrap();
    assert!(exported["trainings"].as_u64().unwrap() > 0);
    let plan = call("plan_import", json!({"publish": false})).unwrap();
    assert_eq!(plan["changes"], json!([]));
    assert_eq!(plan["unchanged"], exported["trainings"]);
    let choice = json!({"path": "none.md", "choice": {"choice": "keep_mine"}});
    let unsettled = call("settle_import_conflict", choice).unwrap_err();
    assert_eq!(unsettled["kind"], "invalid_input");
    let nothing = call("start_import", json!({"deleteMissing": false})).unwrap_err();
    assert_eq!(nothing["message"], "Select at least one training first.");
    let named = json!({"kind": "import", "publish": false, "items": []});
    let refused = call("start_job", json!({"request": named, "seen": {}})).unwrap_err();
    assert_eq!(refused["kind"], "invalid_input");
    // A question tried on the live AI: refused until the editor agrees, then answered.
    assert_eq!(call("chat_consent", json!({})).unwrap(), json!(false));
    let question = json!({"message": "Where is my order?", "channel": "api", "contact": null});
    let refused = call(
        "try_on_opencx",
        json!({"question": question, "consent": false}),
    )
    .unwrap_err();
    assert_eq!(refused["kind"], "invalid_input");
    let tried = call(
        "try_on_opencx",
        json!({"question": question, "consent": true}),
    )
    .unwrap();
    assert_eq!(tried["handed_off"], false);
    assert!(tried["answer"]
        .as_str()
        .unwrap()
        .starts_with("Look the order up"));
    assert!(tried["scanned"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["title"] == "Where is my order?"));
    assert_eq!(call("chat_consent", json!({})).unwrap(), json!(true));
    // The health of the form being written, placed in UTF-16 positions.
    let mut weak = draft.clone();
    weak["content"] = json!("Say hello 👋 warmly. Opening hours: TBD.");
    let health = call("instruction_health", json!({"id": tid, "draft": weak})).unwrap();
    let placeholder = health
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "placeholder")
        .expect("the TBD is noted");
    assert_eq!(placeholder["place"]["text"], "TBD");
    assert_eq!(placeholder["place"]["start"], 36);
    // The check-up of the workspace, and of the trainings in no directory.
    let checked = call("check_up", json!({"scope": {"kind": "workspace"}})).unwrap();
    assert!(checked["items"].is_array());
    assert!(checked["checked"].as_u64().unwrap() > 0);
    let none = call("check_up", json!({"scope": {"kind": "no_directory"}})).unwrap();
    assert!(none["checked"].as_u64().unwrap() <= checked["checked"].as_u64().unwrap());
    // The trainings like the one being edited, as saved and as typed.
    let similar = call("similar_trainings", json!({"id": tid, "draft": null})).unwrap();
    assert!(similar["trainings"].is_array());
    assert_eq!(similar["compared_percent"], 100);
    let typed = call("similar_trainings", json!({"id": tid, "draft": draft})).unwrap();
    assert!(typed["trainings"].is_array());
    // Find and replace: the matches of a search, and the review of a replace with its jobs.
    let query = json!({"find": "Say", "replacement": "Tell", "match_case": false,
        "whole_words": true, "regex": false, "within": "both"});
    let found = call(
        "find_text",
        json!({"query": query, "scope": {"kind": "workspace"}}),
    )
    .unwrap();
    assert!(found["match_count"].as_u64().is_some());
    let reviewed = call(
        "review_replace",
        json!({"query": query, "scope": {"kind": "selection", "ids": [tid]},
            "excluded": {"trainings": [], "matches": []}, "publish": false}),
    );
    match reviewed {
        Ok(review) => assert_eq!(review["request"]["kind"], "replace"),
        Err(e) => assert_eq!(e["kind"], "invalid_input", "{e}"),
    }
    // A pair side by side: a training is never compared with itself.
    let itself = call("compare_trainings", json!({"id": tid, "otherId": tid})).unwrap();
    assert_eq!(itself, json!(null));
    assert_eq!(call("journal_list", json!({})).unwrap(), json!([]));
    // The text as a separate draft training beside the live one.
    let copy = call("save_as_separate_draft", json!({"id": tid, "draft": draft})).unwrap();
    assert_eq!(copy["training"]["title"], "Greeting, revised (draft copy)");
    assert_eq!(copy["training"]["is_draft"], true);
    assert_eq!(copy["differences"], json!([]));
    call(
        "journal_write",
        json!({"id": tid, "draft": draft, "baseUpdatedAt": null}),
    )
    .unwrap();
    assert_eq!(
        call("journal_discard", json!({"id": tid})).unwrap(),
        Value::Null
    );
    assert_eq!(call("journal_list", json!({})).unwrap(), json!([]));
    // Preview links: a refused scheme answers before any browser would start.
    let refused = call("open_link", json!({"url": "javascript:alert(1)"})).unwrap_err();
    assert_eq!(refused["kind"], "invalid_input");

    // The draft rules learned at sign-in, and "Check again".
    let rules = call("draft_rules", json!({})).unwrap();
    assert_eq!(rules["draft_save"], "beside_live");
    assert!(rules["checked_at"].is_string());
    let again = call("check_draft_rules", json!({})).unwrap();
    assert_eq!(again["omitted_is_draft"], "publishes");
    assert_eq!(again["problem"], Value::Null);

    // The outbox: empty while open.cx answers; sending it sends nothing; an unknown entry.
    let outbox = call("outbox_list", json!({})).unwrap();
    assert_eq!(outbox, json!({"entries": [], "waiting": 0, "landed": []}));
    assert_eq!(call("outbox_send", json!({})).unwrap()["waiting"], 0);
    let unknown = call("outbox_discard", json!({"entryId": "none"})).unwrap_err();
    assert_eq!(unknown["kind"], "not_found");

    // Organising: "+", then publish and delete it (jobs of one); directories; a bulk job, its
    // cancel and retry.
    let created = call("create_training", json!({"directoryId": null})).unwrap();
    let new_id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["is_draft"], true);
    let seen = json!({ new_id.as_str(): created["updated_at"] });
    let publish_one = json!({"kind": "publish", "ids": [new_id]});
    call("start_job", json!({"request": publish_one, "seen": seen})).unwrap();
    wait_for_jobs(w);
    let on_server = || {
        sim.trainings()
            .into_iter()
            .find(|t| t["id"] == new_id.as_str())
    };
    assert_eq!(on_server().unwrap()["is_draft"], false);
    let delete_one = json!({"kind": "delete", "ids": [new_id]});
    call("start_job", json!({"request": delete_one, "seen": {}})).unwrap();
    wait_for_jobs(w);
    assert!(on_server().is_none());
    let dir = call("create_directory", json!({"name": "Escalations"})).unwrap();
    let dir_id = dir["id"].as_str().unwrap().to_owned();
    assert_eq!(dir["local_name_only"], false);
    let renamed = call("rename_directory", json!({"id": dir_id, "name": "Urgent"})).unwrap();
    assert_eq!(renamed["name"], "Urgent");
    let request = json!({"kind": "move", "items": [{"id": tid, "directory_id": dir_id}]});
    let job = call("start_job", json!({"request": request, "seen": {}})).unwrap();
    let job_id = job.as_str().unwrap().to_owned();
    wait_for_jobs(w);
    assert_eq!(
        call("cancel_job", json!({"jobId": job_id})).unwrap(),
        Value::Null
    );
    let nothing_failed = call("retry_failed", json!({"jobId": job_id})).unwrap_err();
    assert_eq!(nothing_failed["kind"], "invalid_input");
    assert_eq!(
        call("delete_directory", json!({"id": dir_id})).unwrap(),
        Value::Null
    );
    let demo = call("open_demo", json!({})).unwrap();
    assert_eq!(demo["is_demo"], true);
    assert_eq!(
        call("switch_workspace", json!({"id": id})).unwrap()["id"],
        id.as_str()
    );
    let after = call("sign_out", json!({"id": id, "removeLocalData": false})).unwrap();
    assert!(after["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| w["id"] != id.as_str()));
    call("sign_out", json!({"id": "demo", "removeLocalData": false})).unwrap();
    assert_eq!(
        call("load_workspace", json!({})).unwrap_err()["kind"],
        "no_workspace"
    );
    assert_eq!(call("confirm_close", json!({})).unwrap(), Value::Null);
    assert!(h.window.state::<CloseGuard>().is_approved());

    let called: std::collections::BTreeSet<&str> =
        responses.iter().map(|(c, _)| c.as_str()).collect();
    let all: std::collections::BTreeSet<&str> = crate::commands::COMMANDS.iter().copied().collect();
    assert_eq!(called, all, "every command must be exercised");
    for (cmd, response) in &responses {
        let text = match response {
            Ok(v) | Err(v) => v.to_string(),
        };
        assert!(
            !text.contains(FULL_KEY),
            "{cmd} returned the API key: {text}"
        );
        assert!(
            !text.contains("ocx_wrong_key"),
            "{cmd} returned a key: {text}"
        );
        assert!(
            !text.contains("ocx_demo_"),
            "{cmd} returned the demo token: {text}"
        );
    }
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn errors_cross_ipc_as_kind_and_message() {
    let h = harness();
    let err = invoke(
        &h.window,
        "save_training",
        json!({
            "id": "t1",
            "draft": {
                "title": "  ",
                "content": "x",
                "training_type": "SCENARIO_SPECIFIC",
                "directory_id": null,
                "restricted_to_channels": [],
                "restricted_to_segments": []
            },
            "publish": true,
            "base": {
                "id": "t1",
                "created_at": "2025-01-01T00:00:00Z",
                "updated_at": "2025-01-01T00:00:00Z"
            }
        }),
    )
    .unwrap_err();
    assert_eq!(
        err,
        json!({"kind": "invalid_input", "message": "Give the training a title before saving."})
    );
    let err = invoke(&h.window, "load_workspace", json!({})).unwrap_err();
    let keys: Vec<&String> = err.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["kind", "message"]);
    assert_eq!(err["kind"], "no_workspace");
}

#[test]
fn a_refusal_about_one_field_crosses_ipc_with_its_name() {
    let sim = tauri::async_runtime::block_on(opencx_sim::spawn(opencx_sim::SimConfig {
        seed: "demo".parse().unwrap(),
        refused_channels: vec!["whatsapp".into()],
        ..opencx_sim::SimConfig::default()
    }))
    .unwrap();
    let h = harness();
    let w = &h.window;
    invoke(
        w,
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": FULL_KEY}),
    )
    .unwrap();
    let training = invoke(w, "load_workspace", json!({})).unwrap()["trainings"][0].clone();
    let draft = json!({
        "title": training["title"],
        "content": training["content"],
        "training_type": training["type"],
        "directory_id": training["directory_id"],
        "restricted_to_channels": ["web", "whatsapp"],
        "restricted_to_segments": training["restricted_to_segments"]
    });
    let err = invoke(
        w,
        "save_training",
        json!({"id": training["id"], "draft": draft, "publish": false, "base": training}),
    )
    .unwrap_err();
    assert_eq!(
        err,
        json!({
            "kind": "validation",
            "message": "open.cx does not accept the channel “WhatsApp”. Untick it, then save again.",
            "field": "channels"
        })
    );
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn the_capability_grants_exactly_the_commands_and_event_listening() {
    let capability: Value =
        serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    assert_eq!(capability["windows"], json!(["main"]));
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    granted.sort();
    let mut expected: Vec<String> = crate::commands::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain([
            "core:event:allow-listen".into(),
            "core:event:allow-unlisten".into(),
        ])
        .collect();
    expected.sort();
    assert_eq!(granted, expected);
}

#[test]
fn commands_outside_the_acl_are_refused() {
    let h = harness();
    let err = invoke(
        &h.window,
        "plugin:event|emit",
        json!({"event": "x", "payload": null}),
    );
    assert!(err.is_err(), "{err:?}");
    let from_remote = get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: "list_workspaces".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "https://evil.example".parse().unwrap(),
            body: InvokeBody::Json(json!({})),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    assert!(from_remote.is_err());
}

#[test]
fn retry_waits_are_emitted_as_api_waiting() {
    let sim = spawn_sim();
    let h = harness();
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let seen = std::sync::Arc::clone(&events);
    h.app.listen_any(ApiWaiting::NAME, move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    invoke(
        &h.window,
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": FULL_KEY}),
    )
    .unwrap();
    sim.set_faults(opencx_sim::Faults {
        fail_next: 1,
        fail_status: Some(503),
        ..opencx_sim::Faults::default()
    });
    invoke(&h.window, "search_trainings", json!({"query": "refund"})).unwrap();
    let events = events.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["attempt"], 2);
    assert!(events[0]["seconds"].as_u64().unwrap() >= 1, "{events:?}");
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn jobs_report_progress_events_and_a_close_request_says_a_job_runs() {
    let sim = spawn_sim();
    let h = harness();
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let seen = std::sync::Arc::clone(&events);
    h.app.listen_any(studio::JobProgress::NAME, move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    let closes = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let seen = std::sync::Arc::clone(&closes);
    h.app.listen_any(CloseRequested::NAME, move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    invoke(
        &h.window,
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": FULL_KEY}),
    )
    .unwrap();
    let ids: Vec<Value> = sim.trainings()[..2]
        .iter()
        .map(|t| t["id"].clone())
        .collect();
    // Slow answers keep the job running while the window is asked to close.
    sim.set_faults(opencx_sim::Faults {
        latency_ms: Some(300),
        ..opencx_sim::Faults::default()
    });
    let job = invoke(
        &h.window,
        "start_job",
        json!({"request": {"kind": "unpublish", "ids": ids}, "seen": {}}),
    )
    .unwrap();
    let busy = invoke(
        &h.window,
        "start_job",
        json!({"request": {"kind": "publish", "ids": ids}, "seen": {}}),
    )
    .unwrap_err();
    assert_eq!(busy["kind"], "busy");
    // What the shell does when the editor closes the window (the mock runtime sends no
    // CloseRequested event of its own).
    let ask = || crate::commands::window::ask_before_closing(&h.window.as_ref().window());
    ask();
    wait_for_jobs(&h.window);
    ask();
    let events = events.lock().unwrap().clone();
    assert_eq!(events.len(), 3, "{events:?}");
    let last = &events[2];
    assert_eq!(last["job_id"], job);
    assert_eq!(last["kind"], "unpublish");
    assert_eq!(last["state"], "finished");
    assert_eq!(
        (last["done"].as_u64(), last["total"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(events[0]["updated"][0]["is_draft"], true);
    // open.cx took it out of use as promised: nothing to say about it.
    assert_eq!(events[0]["differences"], json!([]));
    let closes = closes.lock().unwrap().clone();
    assert_eq!(
        closes,
        [json!({"job_running": true}), json!({"job_running": false})]
    );
    assert!(!h.window.state::<CloseGuard>().is_approved());
    tauri::async_runtime::block_on(sim.shutdown());
}

#[test]
fn a_save_that_cannot_reach_open_cx_waits_and_is_announced_as_outbox_changed() {
    let sim = spawn_sim();
    let h = harness();
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let seen = std::sync::Arc::clone(&events);
    h.app.listen_any(studio::OutboxView::NAME, move |event| {
        seen.lock()
            .unwrap()
            .push(serde_json::from_str(event.payload()).unwrap());
    });
    invoke(
        &h.window,
        "sign_in",
        json!({"name": "Support", "baseUrl": sim.base_url(), "apiKey": FULL_KEY}),
    )
    .unwrap();
    let training = invoke(&h.window, "load_workspace", json!({})).unwrap()["trainings"][0].clone();
    sim.set_faults(opencx_sim::Faults {
        down: true,
        ..opencx_sim::Faults::default()
    });
    let draft = json!({
        "title": "Written offline",
        "content": "Kept until open.cx answers.",
        "training_type": training["type"],
        "directory_id": training["directory_id"],
        "restricted_to_channels": [],
        "restricted_to_segments": []
    });
    let queued = invoke(
        &h.window,
        "save_training",
        json!({"id": training["id"], "draft": draft, "publish": false, "base": training}),
    )
    .unwrap();
    assert_eq!(queued, json!({"status": "queued", "waiting": 1}));
    let announced = events.lock().unwrap().clone();
    assert_eq!(announced.len(), 1, "{announced:?}");
    assert_eq!(announced[0]["waiting"], 1);
    assert_eq!(announced[0]["entries"][0]["action"]["kind"], "save");
    assert_eq!(announced[0]["entries"][0]["title"], "Written offline");

    sim.set_faults(opencx_sim::Faults::default());
    let sent = invoke(&h.window, "outbox_send", json!({})).unwrap();
    assert_eq!(sent["waiting"], 0);
    assert_eq!(sent["landed"][0]["draft_title"], "Written offline");
    assert_eq!(
        events.lock().unwrap().last().unwrap()["landed"][0]["id"],
        training["id"]
    );
    tauri::async_runtime::block_on(sim.shutdown());
}

/// The data folder (and so the single-instance key) is found before the app is built, beside
/// the folder Tauri's path resolver gives the app: the same one in a release build, one with
/// `.dev` in a development build, so a checkout never touches a release install's data.
#[test]
fn the_data_folder_is_tauris_and_a_development_builds_own() {
    let h = harness();
    let identifier = &h.app.config().identifier;
    let tauris = h.app.path().app_data_dir().unwrap();
    let expected = if cfg!(debug_assertions) {
        tauris.with_file_name(format!("{identifier}.dev"))
    } else {
        tauris
    };
    assert_eq!(crate::flavour::data_dir(identifier), Some(expected));
}
