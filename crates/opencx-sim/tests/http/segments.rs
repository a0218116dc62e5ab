//! `GET /contacts/segments` pages and `GET /contacts/segments/{id}`.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{self, error_body, validation_body};

#[tokio::test]
async fn pages_and_single_segments() {
    let sim = common::demo().await;
    let all = sim.get("/contacts/segments").await.body;
    assert_eq!(
        (&all["page"], &all["limit"], &all["total"]),
        (&json!(1), &json!(20), &json!(5))
    );
    let names: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "VIP customers",
            "Free plan",
            "Enterprise",
            "EU customers",
            "New customers"
        ]
    );
    let page2 = sim.get("/contacts/segments?page=2&limit=2").await.body;
    assert_eq!(page2["data"].as_array().unwrap().len(), 2);
    assert_eq!(page2["data"][0]["name"], "Enterprise");
    let page3 = sim.get("/contacts/segments?page=3&limit=2").await.body;
    assert_eq!(
        page3["data"].as_array().unwrap().len(),
        1,
        "a short last page"
    );
    let past = sim.get("/contacts/segments?page=9&limit=2").await.body;
    assert_eq!(past["data"], json!([]));

    let vip_id = opencx_sim::seed::segment_id("vip");
    let vip = sim.get(&format!("/contacts/segments/{vip_id}")).await;
    assert_eq!(vip.status, StatusCode::OK);
    assert_eq!(vip.body["name"], "VIP customers");
    for field in [
        "id",
        "name",
        "description",
        "definition",
        "created_at",
        "updated_at",
    ] {
        assert!(vip.body.get(field).is_some(), "{field}");
    }
    let missing = sim.get("/contacts/segments/nope").await;
    assert_eq!(
        (missing.status, missing.body),
        (StatusCode::NOT_FOUND, error_body(404, "Segment not found"))
    );
    let bad = sim.get("/contacts/segments?limit=101").await;
    assert_eq!(
        bad.body,
        validation_body("querystring/limit must be <= 100")
    );
}
