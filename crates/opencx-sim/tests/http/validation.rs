//! 400 answers with Fastify's body and messages, for bodies and query strings.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::{self, validation_body, FULL};

#[tokio::test]
async fn create_checks_required_fields_and_types() {
    let sim = common::empty().await;
    let cases = [
        (
            json!({"content": "c"}),
            "body must have required property 'title'",
        ),
        (
            json!({"title": "t"}),
            "body must have required property 'content'",
        ),
        (
            json!({"title": 1, "content": "c"}),
            "body/title must be string",
        ),
        (
            json!({"title": "t", "content": null}),
            "body/content must be string",
        ),
        (
            json!({"title": "t", "content": "c", "type": "GENERAL"}),
            "body/type must be equal to one of the allowed values",
        ),
        (
            json!({"title": "t", "content": "c", "is_draft": "true"}),
            "body/is_draft must be boolean",
        ),
        (
            json!({"title": "t", "content": "c", "restricted_to_channels": ["web", "telegram"]}),
            "body/restricted_to_channels/1 must be equal to one of the allowed values",
        ),
        (
            json!({"title": "t", "content": "c", "restricted_to_channels": "web"}),
            "body/restricted_to_channels must be array",
        ),
        (
            json!({"title": "t", "content": "c", "restricted_to_segments": [7]}),
            "body/restricted_to_segments/0 must be string",
        ),
        (
            json!({"title": "t", "content": "c", "metadata": "x"}),
            "body/metadata must be object",
        ),
        (
            json!({"title": "t", "content": "c", "start_time": "tomorrow"}),
            "body/start_time must match format \"date-time\"",
        ),
        (json!([1, 2]), "body must be object"),
    ];
    for (body, message) in cases {
        let a = sim.post("/training", body.clone()).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(a.body, validation_body(message), "{body}");
    }
    assert!(sim.handle.trainings().is_empty(), "nothing was created");
}

#[tokio::test]
async fn all_ten_channels_and_both_types_are_accepted() {
    let sim = common::empty().await;
    let channels = opencx_sim::CHANNELS;
    for ty in ["BEHAVIORAL", "SCENARIO_SPECIFIC"] {
        let t = sim
            .create(json!({"title": "t", "content": "c", "type": ty, "restricted_to_channels": channels}))
            .await;
        assert_eq!(t["type"], ty);
        assert_eq!(t["restricted_to_channels"], json!(channels));
    }
}

#[tokio::test]
async fn update_requires_title_and_content_too() {
    let sim = common::empty().await;
    let t = sim.create_titled("A").await;
    let path = format!("/training/{}", t["id"].as_str().unwrap());
    let a = sim.put(&path, json!({"title": "B"})).await;
    assert_eq!(
        a.body,
        validation_body("body must have required property 'content'")
    );
    let a = sim.put(&format!("{path}/draft"), json!({})).await;
    assert_eq!(
        a.body,
        validation_body("body must have required property 'is_draft'")
    );
    let a = sim
        .put(&format!("{path}/draft"), json!({"is_draft": 1}))
        .await;
    assert_eq!(a.body, validation_body("body/is_draft must be boolean"));
}

#[tokio::test]
async fn invalid_json_and_empty_bodies() {
    let sim = common::empty().await;
    let res = sim
        .http
        .post(sim.url("/training"))
        .bearer_auth(FULL)
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "FST_ERR_CTP_INVALID_JSON_BODY");
    let a = sim.call(Method::POST, "/training", Some(FULL), None).await;
    assert_eq!(a.body, validation_body("body must be object"));
}

#[tokio::test]
async fn list_query_is_validated() {
    let sim = common::empty().await;
    let cases = [
        ("limit=0", "querystring/limit must be >= 1"),
        ("limit=101", "querystring/limit must be <= 100"),
        ("limit=abc", "querystring/limit must be integer"),
        ("limit=2.5", "querystring/limit must be integer"),
        ("offset=-1", "querystring/offset must be >= 0"),
        (
            "type=OTHER",
            "querystring/type must be equal to one of the allowed values",
        ),
        ("is_draft=maybe", "querystring/is_draft must be boolean"),
        (
            "sort_by=title",
            "querystring/sort_by must be equal to one of the allowed values",
        ),
        (
            "metadata=nope",
            "querystring/metadata must be a JSON object",
        ),
        (
            "metadata=%5B1%5D",
            "querystring/metadata must be a JSON object",
        ),
    ];
    for (query, message) in cases {
        let a = sim.get(&format!("/training?{query}")).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(a.body, validation_body(message), "{query}");
    }
    for query in [
        "limit=1",
        "limit=100",
        "offset=0",
        "sort_by=handoff_count",
        "is_draft=true",
    ] {
        assert_eq!(
            sim.get(&format!("/training?{query}")).await.status,
            StatusCode::OK,
            "{query}"
        );
    }
}

#[tokio::test]
async fn a_refused_channel_gets_open_cx_exact_400_on_create_and_update() {
    let sim = common::start(opencx_sim::SimConfig {
        rate_limit_per_minute: 0,
        refused_channels: vec!["whatsapp".into()],
        ..opencx_sim::SimConfig::default()
    })
    .await;
    let t = sim
        .create(json!({"title": "t", "content": "c", "restricted_to_channels": ["web"]}))
        .await;
    let refused = json!({
        "statusCode": 400,
        "code": "FST_ERR_VALIDATION",
        "error": "Bad Request",
        "message": "body/restricted_to_channels/1 must be equal to one of the allowed values"
    });
    let body = json!({"title": "t", "content": "c", "restricted_to_channels": ["web", "whatsapp"]});
    let created = sim.post("/training", body.clone()).await;
    assert_eq!(
        (created.status, &created.body),
        (StatusCode::BAD_REQUEST, &refused)
    );
    let path = format!("/training/{}", t["id"].as_str().unwrap());
    let updated = sim.put(&path, body).await;
    assert_eq!(
        (updated.status, &updated.body),
        (StatusCode::BAD_REQUEST, &refused)
    );
    assert_eq!(sim.handle.trainings().len(), 1, "nothing created");
    assert_eq!(
        sim.get(&path).await.body["restricted_to_channels"],
        json!(["web"])
    );

    sim.handle.set_refused_channels(Vec::new());
    let accepted = sim
        .put(
            &path,
            json!({"title": "t", "content": "c", "restricted_to_channels": ["whatsapp"]}),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK);
}
