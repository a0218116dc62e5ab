//! The literal draft reading and the cleared reading of omitted fields over HTTP (the fields
//! reading and kept fields are what `trainings.rs` covers).

use opencx_sim::{DraftMode, OmittedFields, Seed, SimConfig};
use serde_json::{json, Value};

use crate::common::{self, Sim};

fn path(t: &Value) -> String {
    format!("/training/{}", t["id"].as_str().unwrap())
}

async fn literal() -> Sim {
    common::with_readings(DraftMode::Literal, OmittedFields::Kept).await
}

fn assert_no_draft_fields(t: &Value) {
    assert_eq!(
        (&t["draft_title"], &t["draft_content"]),
        (&Value::Null, &Value::Null),
        "{t}"
    );
}

#[tokio::test]
async fn literal_create_of_a_draft_keeps_the_text_in_title_and_content_only() {
    let sim = literal().await;
    let t = sim
        .create(json!({"title": "Draft", "content": "v0", "is_draft": true}))
        .await;
    assert_eq!(
        (&t["title"], &t["content"]),
        (&json!("Draft"), &json!("v0"))
    );
    assert_eq!(t["is_draft"], true);
    assert_eq!(t["current_version"], Value::Null);
    assert_no_draft_fields(&t);
}

#[tokio::test]
async fn literal_draft_save_of_a_live_training_takes_it_out_of_use() {
    let sim = literal().await;
    let t = sim.create_titled("Live").await;
    let d = sim
        .put(
            &path(&t),
            json!({"title": "Live (edited)", "content": "new text", "is_draft": true}),
        )
        .await
        .body;
    assert_eq!(d["is_draft"], true, "the AI no longer uses it");
    assert_eq!(
        (&d["title"], &d["content"]),
        (&json!("Live (edited)"), &json!("new text"))
    );
    assert_no_draft_fields(&d);
    assert_eq!(d["current_version"], 1);
    assert_eq!(d["published_at"], t["published_at"]);
    assert_eq!(sim.get(&path(&t)).await.body, d, "stored as answered");

    // is_draft:false on the unchanged text puts it back in use as a new version.
    let p = sim
        .put(
            &path(&t),
            json!({"title": "Live (edited)", "content": "new text", "is_draft": false}),
        )
        .await
        .body;
    assert_eq!(p["is_draft"], false);
    assert_eq!(p["current_version"], 2);
    assert!(p["published_at"].as_str() > t["published_at"].as_str());
}

#[tokio::test]
async fn literal_put_of_a_live_training_versions_only_changed_text() {
    let sim = literal().await;
    let t = sim.create_titled("Live").await;
    let same = json!({"title": "Live", "content": "Live content", "type": "BEHAVIORAL"});
    let kept = sim.put(&path(&t), same).await.body;
    assert_eq!(
        (&kept["is_draft"], &kept["current_version"]),
        (&json!(false), &json!(1))
    );
    assert_eq!(kept["type"], "BEHAVIORAL");
    assert_eq!(kept["published_at"], t["published_at"]);
    let changed = sim
        .put(&path(&t), json!({"title": "Live", "content": "changed"}))
        .await
        .body;
    assert_eq!(changed["current_version"], 2);
    assert_no_draft_fields(&changed);
    let explicit = sim
        .put(
            &path(&t),
            json!({"title": "Live", "content": "changed", "is_draft": false}),
        )
        .await
        .body;
    assert_eq!(
        explicit["current_version"], 2,
        "is_draft:false, same text: no version"
    );
}

#[tokio::test]
async fn literal_draft_route_switches_use_and_versions_on_the_way_back() {
    let sim = literal().await;
    let t = sim.create_titled("On and off").await;
    let route = format!("{}/draft", path(&t));
    let off = sim.put(&route, json!({"is_draft": true})).await.body;
    assert_eq!(
        (&off["is_draft"], &off["current_version"]),
        (&json!(true), &json!(1))
    );
    assert_no_draft_fields(&off);
    let on = sim.put(&route, json!({"is_draft": false})).await.body;
    assert_eq!(
        (&on["is_draft"], &on["current_version"]),
        (&json!(false), &json!(2))
    );
    assert_no_draft_fields(&on);
}

#[tokio::test]
async fn literal_demo_seed_has_no_pending_draft_text() {
    let sim = common::start(SimConfig {
        seed: Seed::Demo,
        rate_limit_per_minute: 0,
        draft_mode: DraftMode::Literal,
        ..SimConfig::default()
    })
    .await;
    let all = sim.handle.trainings();
    assert!(!all.is_empty());
    all.iter().for_each(assert_no_draft_fields);
}

#[tokio::test]
async fn omitted_fields_are_cleared_when_the_simulator_says_so() {
    let sim = common::with_readings(DraftMode::Fields, OmittedFields::Cleared).await;
    let t = sim
        .create(json!({
            "title": "Timed", "content": "c", "metadata": {"k": "v"},
            "start_time": "2025-01-01T00:00:00Z", "end_time": "2030-01-01T00:00:00Z",
            "restricted_to_channels": ["web"]
        }))
        .await;
    let after = sim
        .put(&path(&t), json!({"title": "Timed", "content": "c"}))
        .await
        .body;
    assert_eq!(after["metadata"], json!({}));
    assert_eq!(
        (&after["start_time"], &after["end_time"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(
        after["restricted_to_channels"],
        json!(["web"]),
        "only those three"
    );

    let kept = common::empty().await;
    let t = kept
        .create(json!({"title": "Timed", "content": "c", "metadata": {"k": "v"}}))
        .await;
    let after = kept
        .put(&path(&t), json!({"title": "Timed", "content": "c"}))
        .await
        .body;
    assert_eq!(after["metadata"], json!({"k": "v"}));
}
