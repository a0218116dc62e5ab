//! 401 for missing or unknown tokens, 403 naming the missing scope, Fastify's 404 for
//! unknown routes, and tokens never recorded.

use opencx_sim::{SimConfig, TokenSpec};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::{self, error_body, FULL, READ};

#[tokio::test]
async fn missing_or_unknown_token_is_401() {
    let sim = common::empty().await;
    for token in [None, Some("ocx_live_nope")] {
        let a = sim.call(Method::GET, "/training", token, None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert_eq!(a.body, error_body(401, "Unauthorized"));
    }
    let basic = sim
        .http
        .get(sim.url("/training"))
        .basic_auth(FULL, Some("x"))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn read_only_token_cannot_write() {
    let sim = common::demo().await;
    assert_eq!(
        sim.call(Method::GET, "/training", Some(READ), None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        sim.call(Method::GET, "/contacts/segments", Some(READ), None)
            .await
            .status,
        StatusCode::OK
    );
    let body = json!({"title": "t", "content": "c"});
    let a = sim
        .call(Method::POST, "/training", Some(READ), Some(&body))
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(a.body, error_body(403, "Missing scope: training:write"));
    let a = sim
        .call(
            Method::POST,
            "/training/directories",
            Some(READ),
            Some(&json!({"name": "X"})),
        )
        .await;
    assert_eq!(a.body["message"], "Missing scope: training:write");
}

#[tokio::test]
async fn each_route_needs_its_scope() {
    let sim = common::start(SimConfig {
        tokens: vec![
            TokenSpec::scoped("t_read", &["training:read"]),
            TokenSpec::scoped("t_write", &["training:write"]),
            TokenSpec::scoped("segments", &["segments:read"]),
        ],
        seed: opencx_sim::Seed::Demo,
        ..SimConfig::default()
    })
    .await;
    let cases = [
        ("t_read", Method::GET, "/contacts/segments", "segments:read"),
        ("t_write", Method::GET, "/training", "training:read"),
        (
            "t_write",
            Method::GET,
            "/training/directories",
            "training:read",
        ),
        ("segments", Method::GET, "/training/x", "training:read"),
        ("segments", Method::DELETE, "/training/x", "training:write"),
        ("t_read", Method::PUT, "/training/x/draft", "training:write"),
    ];
    for (token, method, path, scope) in cases {
        let a = sim.call(method.clone(), path, Some(token), None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(a.body["message"], format!("Missing scope: {scope}"));
    }
    let a = sim
        .call(Method::GET, "/training", Some("t_read"), None)
        .await;
    assert_eq!(a.status, StatusCode::OK);
    let a = sim
        .call(Method::GET, "/contacts/segments", Some("segments"), None)
        .await;
    assert_eq!(a.status, StatusCode::OK);
    // Writing needs only training:write; the answer is the training.
    let body = json!({"title": "t", "content": "c"});
    let a = sim
        .call(Method::POST, "/training", Some("t_write"), Some(&body))
        .await;
    assert_eq!(a.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_routes_are_fastify_404s_even_without_a_token() {
    let sim = common::empty().await;
    let a = sim.call(Method::GET, "/x?y=1", None, None).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.body, error_body(404, "Route GET:/x?y=1 not found"));
    let a = sim
        .call(Method::PATCH, "/training/abc", Some(FULL), None)
        .await;
    assert_eq!(
        a.body,
        error_body(404, "Route PATCH:/training/abc not found")
    );
    let a = sim
        .call(Method::POST, "/contacts/segments", Some(FULL), None)
        .await;
    assert_eq!(a.body["message"], "Route POST:/contacts/segments not found");
}

#[tokio::test]
async fn tokens_are_never_recorded() {
    let sim = common::empty().await;
    sim.call(Method::GET, "/training?limit=5", Some(FULL), None)
        .await;
    sim.call(Method::GET, "/training", Some("ocx_wrong_secret"), None)
        .await;
    let log = serde_json::to_string(&sim.handle.requests()).unwrap();
    assert!(
        !log.contains(FULL) && !log.contains("ocx_wrong_secret"),
        "{log}"
    );
    assert!(!log.to_lowercase().contains("authorization"));
    assert_eq!(sim.handle.requests()[0].query.as_deref(), Some("limit=5"));
}
