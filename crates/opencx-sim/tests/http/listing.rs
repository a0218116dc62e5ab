//! `GET /training`: page envelope at every boundary, order, search, filters.

use std::collections::HashSet;

use opencx_sim::{Seed, SimConfig};
use serde_json::{json, Value};

use crate::common::{self, Sim};

async fn scale(n: usize) -> Sim {
    common::start(SimConfig {
        seed: Seed::Scale(n),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn pages_are_exact_at_every_boundary() {
    let sim = scale(250).await;
    let mut seen = HashSet::new();
    for (offset, len, more) in [(0, 100, true), (100, 100, true), (200, 50, false)] {
        let page = sim
            .get(&format!("/training?limit=100&offset={offset}"))
            .await
            .body;
        assert_eq!(page["total"], 250);
        assert_eq!(page["limit"], 100);
        assert_eq!(page["offset"], offset);
        assert_eq!(page["has_more"], more, "offset {offset}");
        let page_ids = ids(&page);
        assert_eq!(page_ids.len(), len);
        seen.extend(page_ids);
    }
    assert_eq!(seen.len(), 250, "pages neither overlap nor skip");
    let cases = [
        (248, 1, 1, true),
        (249, 1, 1, false),
        (250, 10, 0, false),
        (999, 10, 0, false),
    ];
    for (offset, limit, len, more) in cases {
        let page = sim
            .get(&format!("/training?limit={limit}&offset={offset}"))
            .await
            .body;
        assert_eq!(ids(&page).len(), len, "offset {offset}");
        assert_eq!(page["has_more"], more, "offset {offset}");
        assert_eq!(page["total"], 250);
    }
    let default = sim.get("/training").await.body;
    assert_eq!((ids(&default).len(), &default["limit"]), (50, &json!(50)));
    assert_eq!(default["offset"], 0);
}

#[tokio::test]
async fn created_at_newest_first_and_handoff_count_most_first() {
    let sim = scale(120).await;
    let page = sim.get("/training?limit=100").await.body;
    let created: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["created_at"].as_str().unwrap())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");

    let demo = common::demo().await;
    let top = demo
        .get("/training?sort_by=handoff_count&limit=3")
        .await
        .body;
    let titles: Vec<&str> = top["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles[0], "Where is my order?",
        "the demo's most handed-off training"
    );
    assert_eq!(titles[1], "Customer wants to cancel their membership");
}

#[tokio::test]
async fn search_is_case_insensitive_over_live_and_draft_text() {
    let sim = common::empty().await;
    let a = sim
        .create(json!({"title": "Refund WINDOW", "content": "x"}))
        .await;
    let b = sim
        .create(json!({"title": "Other", "content": "about refunds"}))
        .await;
    let c = sim.create_titled("Shipping").await;
    sim.put(
        &format!("/training/{}", c["id"].as_str().unwrap()),
        json!({"title": "Shipping", "content": "now mentions a zebra", "is_draft": true}),
    )
    .await;
    let hits = |q: &str| {
        let q = q.to_string();
        let sim = &sim;
        async move {
            let page = sim
                .http
                .get(sim.url("/training"))
                .bearer_auth(common::FULL)
                .query(&[("search", q.as_str())])
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap();
            let mut found = ids(&page);
            found.sort();
            found
        }
    };
    let mut ab = vec![
        a["id"].as_str().unwrap().to_string(),
        b["id"].as_str().unwrap().to_string(),
    ];
    ab.sort();
    assert_eq!(hits("rEfUnD").await, ab);
    assert_eq!(
        hits("ZEBRA").await,
        vec![c["id"].as_str().unwrap().to_string()]
    );
    assert!(hits("nothing like this").await.is_empty());
}

#[tokio::test]
async fn type_draft_and_metadata_filters() {
    let sim = common::empty().await;
    let behavioral = sim
        .create(json!({"title": "Tone", "content": "c", "type": "BEHAVIORAL"}))
        .await;
    let draft = sim
        .create(json!({"title": "Draft", "content": "c", "is_draft": true,
            "metadata": {"client_id": "abc", "team": {"name": "billing", "size": 3}, "tags": ["a", "b"]}}))
        .await;
    let one = |page: Value| ids(&page);
    let b_id = behavioral["id"].as_str().unwrap().to_string();
    let d_id = draft["id"].as_str().unwrap().to_string();
    assert_eq!(
        one(sim.get("/training?type=BEHAVIORAL").await.body),
        vec![b_id.clone()]
    );
    assert_eq!(
        one(sim.get("/training?type=SCENARIO_SPECIFIC").await.body),
        vec![d_id.clone()]
    );
    assert_eq!(
        one(sim.get("/training?is_draft=true").await.body),
        vec![d_id.clone()]
    );
    assert_eq!(
        one(sim.get("/training?is_draft=false").await.body),
        vec![b_id]
    );
    let meta = |m: Value| {
        let sim = &sim;
        async move {
            let page = sim
                .http
                .get(sim.url("/training"))
                .bearer_auth(common::FULL)
                .query(&[("metadata", m.to_string())])
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap();
            ids(&page)
        }
    };
    assert_eq!(meta(json!({"client_id": "abc"})).await, vec![d_id.clone()]);
    assert_eq!(
        meta(json!({"team": {"name": "billing"}})).await,
        vec![d_id.clone()]
    );
    assert_eq!(meta(json!({"tags": ["b"]})).await, vec![d_id]);
    assert!(meta(json!({"client_id": "xyz"})).await.is_empty());
    assert!(meta(json!({"team": {"name": "billing", "size": 4}}))
        .await
        .is_empty());
    assert_eq!(meta(json!({})).await.len(), 2);
}
