//! The state file: created from the seed, rewritten after every change, loaded on restart;
//! a corrupt file stops the start with an error naming it.

use opencx_sim::{Seed, SimConfig, SimError};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common;

fn config(path: &std::path::Path, seed: Seed) -> SimConfig {
    SimConfig {
        seed,
        state_file: Some(path.to_path_buf()),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    }
}

#[tokio::test]
async fn state_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let sim = common::start(config(&path, Seed::Demo)).await;
    assert!(path.exists(), "created from the seed at start");
    let demo_count = sim.handle.trainings().len();
    let created = sim
        .create(json!({"title": "Kept", "content": "c", "is_draft": true}))
        .await;
    let edited_id = opencx_sim::seed::training_id("refund-window");
    sim.put(
        &format!("/training/{edited_id}"),
        json!({"title": "Refunds v4", "content": "new"}),
    )
    .await;
    let dir_id = sim
        .post("/training/directories", json!({"name": "Kept dir"}))
        .await
        .body["id"]
        .clone();
    let on_disk: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        on_disk["trainings"].as_array().unwrap().len(),
        demo_count + 1
    );
    let before = sim.handle.trainings();
    sim.handle.shutdown().await;

    // The seed is ignored when the file exists.
    let again = common::start(config(&path, Seed::Empty)).await;
    assert_eq!(again.handle.trainings(), before);
    let kept = again
        .get(&format!("/training/{}", created["id"].as_str().unwrap()))
        .await;
    assert_eq!(kept.body, created);
    let edited = again.get(&format!("/training/{edited_id}")).await.body;
    assert_eq!(
        (&edited["title"], &edited["current_version"]),
        (&json!("Refunds v4"), &json!(4))
    );
    let dirs = again.get("/training/directories").await.body;
    assert!(dirs.as_array().unwrap().iter().any(|d| d["id"] == dir_id));
    // Later writes still get later timestamps than anything loaded.
    let newer = again.create_titled("After restart").await;
    assert!(
        newer["created_at"].as_str() > before.iter().filter_map(|t| t["updated_at"].as_str()).max()
    );
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "no temp files left: {files:?}");
}

#[tokio::test]
async fn a_corrupt_state_file_is_an_error_not_a_reset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged-state.json");
    std::fs::write(
        &path,
        "{\"format\":\"opencx-sim-state\",\"version\":1,\"trainings\":[{",
    )
    .unwrap();
    let err = opencx_sim::spawn(config(&path, Seed::Demo))
        .await
        .unwrap_err();
    assert!(matches!(err, SimError::CorruptState { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged-state.json"), "{err}");
    let still = std::fs::read_to_string(&path).unwrap();
    assert!(still.ends_with("[{"), "left untouched");
}

#[tokio::test]
async fn deletes_are_persisted_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let sim = common::start(config(&path, Seed::Empty)).await;
    let t = sim.create_titled("Gone soon").await;
    sim.delete(&format!("/training/{}", t["id"].as_str().unwrap()))
        .await;
    sim.handle.shutdown().await;
    let again = common::start(config(&path, Seed::Demo)).await;
    assert!(again.handle.trainings().is_empty());
    assert_eq!(again.get("/training").await.status, StatusCode::OK);
}
