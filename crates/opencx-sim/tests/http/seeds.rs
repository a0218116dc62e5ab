//! The seeds over HTTP: demo (stable ids), empty, scale:N.

use std::time::{Duration, Instant};

use opencx_sim::{seed, Seed, SimConfig};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common;

#[tokio::test]
async fn demo_is_a_realistic_org_with_stable_ids() {
    let sim = common::demo().await;
    let page = sim.get("/training?limit=100").await.body;
    assert!(page["total"].as_u64().unwrap() >= 40);
    let refund = sim
        .get(&format!("/training/{}", seed::training_id("refund-window")))
        .await;
    assert_eq!(refund.status, StatusCode::OK);
    assert_eq!(refund.body["title"], "Customer asks for a refund");
    assert_eq!(refund.body["directory_id"], seed::directory_id("billing"));

    let beta = sim
        .get(&format!("/training/{}", seed::training_id("beta-features")))
        .await
        .body;
    let unknown = seed::segment_id(seed::MISSING_SEGMENT_KEY);
    assert_eq!(beta["restricted_to_segments"], serde_json::json!([unknown]));
    let seg = sim.get(&format!("/contacts/segments/{unknown}")).await;
    assert_eq!(
        seg.status,
        StatusCode::NOT_FOUND,
        "a segment id that does not exist"
    );

    let items = page["items"].as_array().unwrap();
    let count = |f: &dyn Fn(&Value) -> bool| items.iter().filter(|t| f(t)).count();
    assert!(count(&|t| t["type"] == "BEHAVIORAL") >= 4);
    assert!(count(&|t| t["is_draft"] == true && t["current_version"].is_null()) >= 3);
    assert!(count(&|t| t["is_draft"] == false && t["draft_title"].is_string()) >= 3);
    assert!(count(&|t| t["directory_id"].is_null()) >= 2);

    let again = common::demo().await;
    assert_eq!(
        again.handle.trainings(),
        sim.handle.trainings(),
        "same ids and text every run"
    );
    for (key, _) in seed::DIRECTORIES {
        let id = seed::directory_id(key);
        assert!(uuid::Uuid::parse_str(&id).is_ok());
    }
}

#[tokio::test]
async fn empty_has_nothing() {
    let sim = common::empty().await;
    let page = sim.get("/training").await.body;
    assert_eq!(page["total"], 0);
    assert_eq!(page["has_more"], false);
    assert_eq!(sim.get("/contacts/segments").await.body["total"], 0);
    assert_eq!(
        sim.get("/training/directories").await.body,
        serde_json::json!([])
    );
}

#[tokio::test]
async fn scale_ten_thousand_starts_quickly() {
    let started = Instant::now();
    let sim = common::start(SimConfig {
        seed: Seed::Scale(10_000),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(3),
        "{took:?} (unoptimised build)"
    );
    let page = sim.get("/training?limit=100&offset=9950").await.body;
    assert_eq!(page["total"], 10_000);
    assert_eq!(page["items"].as_array().unwrap().len(), 50);
    assert_eq!(page["has_more"], false);
    let segments = sim.get("/contacts/segments?page=11&limit=100").await.body;
    assert_eq!(
        segments["total"], 1_005,
        "the demo segments plus N/8, at most 1,000"
    );
    assert_eq!(
        segments["data"].as_array().unwrap().len(),
        5,
        "a short last page"
    );
    let search = sim.get("/training?search=refund&limit=1").await.body;
    assert!(search["total"].as_u64().unwrap() > 0);
}
