//! Training CRUD and the draft/publish state machine of opencx-api.md.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{self, error_body, is_api_time, is_uuid_v4};

fn path(t: &Value) -> String {
    format!("/training/{}", t["id"].as_str().unwrap())
}

#[tokio::test]
async fn create_published_with_every_field() {
    let sim = common::empty().await;
    let t = sim
        .create(json!({
            "title": "Refunds",
            "content": "**30 days**",
            "type": "BEHAVIORAL",
            "directory_id": "dir-1",
            "restricted_to_channels": ["web", "email"],
            "restricted_to_segments": ["seg-1"],
            "metadata": {"client_id": "c-1", "nested": {"a": 1}},
            "start_time": "2025-05-01T10:00:00+02:00",
            "end_time": null,
            "unknown_field": "ignored"
        }))
        .await;
    assert!(is_uuid_v4(&t["id"]), "{}", t["id"]);
    assert_eq!(t["title"], "Refunds");
    assert_eq!(t["content"], "**30 days**");
    assert_eq!(t["draft_title"], Value::Null);
    assert_eq!(t["draft_content"], Value::Null);
    assert_eq!(t["type"], "BEHAVIORAL");
    assert_eq!(t["is_draft"], false);
    assert_eq!(t["directory_id"], "dir-1");
    assert_eq!(t["restricted_to_channels"], json!(["web", "email"]));
    assert_eq!(t["restricted_to_segments"], json!(["seg-1"]));
    assert_eq!(t["current_version"], 1);
    assert_eq!(
        t["metadata"],
        json!({"client_id": "c-1", "nested": {"a": 1}})
    );
    assert_eq!(t["start_time"], "2025-05-01T08:00:00.000Z");
    assert_eq!(t["end_time"], Value::Null);
    for field in ["published_at", "created_at", "updated_at"] {
        assert!(is_api_time(&t[field]), "{field}: {}", t[field]);
    }
    assert!(t.get("unknown_field").is_none());
    assert!(t.get("handoff_count").is_none());
    let fetched = sim.get(&path(&t)).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.body, t);
}

#[tokio::test]
async fn create_defaults() {
    let sim = common::empty().await;
    let t = sim.create_titled("Plain").await;
    assert_eq!(t["type"], "SCENARIO_SPECIFIC");
    assert_eq!(t["directory_id"], Value::Null);
    assert_eq!(t["restricted_to_channels"], json!([]));
    assert_eq!(t["restricted_to_segments"], json!([]));
    assert_eq!(t["metadata"], json!({}));
    assert_eq!(t["published_at"], t["created_at"]);
}

#[tokio::test]
async fn draft_lifecycle_from_creation_to_publish() {
    let sim = common::empty().await;
    let t = sim
        .create(json!({"title": "Draft", "content": "v0", "is_draft": true}))
        .await;
    assert_eq!(t["is_draft"], true);
    assert_eq!(t["current_version"], Value::Null);
    assert_eq!(t["published_at"], Value::Null);
    assert_eq!(
        (&t["title"], &t["draft_title"]),
        (&json!("Draft"), &json!("Draft"))
    );
    assert_eq!(t["draft_content"], "v0");

    // A draft save of a never-published training changes everything and stays a draft.
    let d = sim
        .put(
            &path(&t),
            json!({"title": "Draft 2", "content": "v1", "is_draft": true}),
        )
        .await
        .body;
    assert_eq!(
        (&d["title"], &d["content"]),
        (&json!("Draft 2"), &json!("v1"))
    );
    assert_eq!(
        (&d["draft_title"], &d["draft_content"]),
        (&json!("Draft 2"), &json!("v1"))
    );
    assert_eq!(d["is_draft"], true);
    assert_eq!(d["current_version"], Value::Null);
    assert!(d["updated_at"].as_str() > t["updated_at"].as_str());

    // Publishing through the draft route promotes the draft to version 1.
    let p = sim
        .put(&format!("{}/draft", path(&t)), json!({"is_draft": false}))
        .await
        .body;
    assert_eq!(p["is_draft"], false);
    assert_eq!(p["current_version"], 1);
    assert_eq!(p["title"], "Draft 2");
    assert_eq!(p["draft_title"], Value::Null);
    assert_eq!(p["draft_content"], Value::Null);
    assert!(is_api_time(&p["published_at"]));
}

#[tokio::test]
async fn draft_save_of_a_published_training_keeps_the_live_version() {
    let sim = common::empty().await;
    let t = sim.create_titled("Live").await;
    let d = sim
        .put(
            &path(&t),
            json!({
                "title": "Live (edited)", "content": "new text", "is_draft": true,
                "type": "BEHAVIORAL", "directory_id": "dir-9",
                "restricted_to_channels": ["sms"], "restricted_to_segments": ["s"],
                "metadata": {"k": "v"}, "end_time": "2030-01-01T00:00:00Z"
            }),
        )
        .await
        .body;
    assert_eq!(d["title"], "Live");
    assert_eq!(d["content"], "Live content");
    assert_eq!(d["draft_title"], "Live (edited)");
    assert_eq!(d["draft_content"], "new text");
    assert_eq!(d["is_draft"], false);
    assert_eq!(d["current_version"], 1);
    assert_eq!(d["published_at"], t["published_at"]);
    // The non-text fields apply at once.
    assert_eq!(d["type"], "BEHAVIORAL");
    assert_eq!(d["directory_id"], "dir-9");
    assert_eq!(d["restricted_to_channels"], json!(["sms"]));
    assert_eq!(d["restricted_to_segments"], json!(["s"]));
    assert_eq!(d["metadata"], json!({"k": "v"}));
    assert_eq!(d["end_time"], "2030-01-01T00:00:00.000Z");
    assert!(d["updated_at"].as_str() > t["updated_at"].as_str());

    // A PUT without is_draft publishes at once: version + 1, drafts cleared.
    let p = sim
        .put(
            &path(&t),
            json!({"title": "Live v2", "content": "final", "directory_id": null}),
        )
        .await
        .body;
    assert_eq!(p["title"], "Live v2");
    assert_eq!(p["content"], "final");
    assert_eq!(p["current_version"], 2);
    assert_eq!(p["draft_title"], Value::Null);
    assert_eq!(p["directory_id"], Value::Null);
    assert_eq!(p["type"], "BEHAVIORAL", "omitted fields are kept");
    assert!(p["published_at"].as_str() > t["published_at"].as_str());

    // is_draft=false publishes too.
    let p3 = sim
        .put(
            &path(&t),
            json!({"title": "Live v3", "content": "final", "is_draft": false}),
        )
        .await
        .body;
    assert_eq!(p3["current_version"], 3);
}

#[tokio::test]
async fn unpublish_and_republish() {
    let sim = common::empty().await;
    let t = sim.create_titled("On and off").await;
    let draft_route = format!("{}/draft", path(&t));
    let off = sim.put(&draft_route, json!({"is_draft": true})).await.body;
    assert_eq!(off["is_draft"], true);
    assert_eq!(off["current_version"], 1);
    assert_eq!(off["title"], "On and off");
    let on = sim.put(&draft_route, json!({"is_draft": false})).await.body;
    assert_eq!(on["is_draft"], false);
    assert_eq!(on["current_version"], 2);
    assert!(on["updated_at"].as_str() > off["updated_at"].as_str());
}

#[tokio::test]
async fn publish_route_promotes_pending_draft_edits() {
    let sim = common::empty().await;
    let t = sim.create_titled("Base").await;
    sim.put(
        &path(&t),
        json!({"title": "Edited", "content": "edited", "is_draft": true}),
    )
    .await;
    let p = sim
        .put(&format!("{}/draft", path(&t)), json!({"is_draft": false}))
        .await
        .body;
    assert_eq!(
        (&p["title"], &p["content"]),
        (&json!("Edited"), &json!("edited"))
    );
    assert_eq!(p["current_version"], 2);
    assert_eq!(p["draft_title"], Value::Null);
}

#[tokio::test]
async fn delete_and_unknown_ids() {
    let sim = common::empty().await;
    let t = sim.create_titled("Short-lived").await;
    let a = sim.delete(&path(&t)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body, json!({"success": true}));
    let not_found = error_body(404, "Training not found");
    let gone = sim.get(&path(&t)).await;
    assert_eq!(
        (gone.status, &gone.body),
        (StatusCode::NOT_FOUND, &not_found)
    );
    assert_eq!(sim.delete(&path(&t)).await.body, not_found);
    let body = json!({"title": "x", "content": "y"});
    assert_eq!(sim.put(&path(&t), body).await.body, not_found);
    let draft = sim
        .put(&format!("{}/draft", path(&t)), json!({"is_draft": false}))
        .await;
    assert_eq!(draft.body, not_found);
    assert!(sim.handle.trainings().is_empty());
}
