//! The `/_sim` control routes and their protection.

use opencx_sim::SimConfig;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{self, error_body, Sim};

const CONTROL: &str = "ctl_secret";

async fn controlled() -> Sim {
    common::start(SimConfig {
        control_token: Some(CONTROL.into()),
        seed: opencx_sim::Seed::Demo,
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
}

async fn control(sim: &Sim, method: Method, path: &str, body: Option<Value>) -> common::Answer {
    sim.call(method, path, Some(CONTROL), body.as_ref()).await
}

#[tokio::test]
async fn without_a_control_token_the_routes_do_not_exist() {
    let sim = common::empty().await;
    for token in [Some(common::FULL), Some(CONTROL), None] {
        let a = sim.call(Method::GET, "/_sim/faults", token, None).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert_eq!(a.body, error_body(404, "Route GET:/_sim/faults not found"));
    }
}

#[tokio::test]
async fn wrong_or_missing_control_token_is_refused() {
    let sim = controlled().await;
    let body = json!({"down": true});
    for token in [None, Some("wrong"), Some(common::FULL)] {
        let a = sim
            .call(Method::PUT, "/_sim/faults", token, Some(&body))
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{token:?}");
        let a = sim.call(Method::GET, "/_sim/requests", token, None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        sim.get("/training").await.status,
        StatusCode::OK,
        "faults unchanged"
    );
    // The control token is not an API key.
    let a = sim
        .call(Method::GET, "/training", Some(CONTROL), None)
        .await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn faults_round_trip_and_apply() {
    let sim = controlled().await;
    let a = control(&sim, Method::GET, "/_sim/faults", None).await;
    assert_eq!(
        a.body,
        json!({"latency_ms": null, "down": false, "fail_next": 0, "fail_status": null,
               "failure_rate": [], "drop_connection": "none", "malformed_json_next": 0, "timeout_next": 0})
    );
    let set = json!({"fail_next": 1, "fail_status": 502, "drop_connection": {"after": 2},
                     "failure_rate": [{"route": "GET /contacts/segments", "rate": 1.0, "status": 429}]});
    let a = control(&sim, Method::PUT, "/_sim/faults", Some(set)).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body["drop_connection"], json!({"after": 2}));
    assert_eq!(sim.get("/training").await.status, StatusCode::BAD_GATEWAY);
    assert_eq!(sim.handle.faults().fail_next, 0);
    let a = control(&sim, Method::GET, "/_sim/faults", None).await;
    assert_eq!(
        a.body["fail_next"], 0,
        "counters are shown as they count down"
    );

    for bad in [
        json!({"fail_status": 418}),
        json!({"fail_nxt": 1}),
        json!({"failure_rate": [{"route": "*", "rate": 2.0}]}),
    ] {
        let a = control(&sim, Method::PUT, "/_sim/faults", Some(bad.clone())).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let a = control(&sim, Method::PUT, "/_sim/faults", Some(json!({}))).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(sim.get("/contacts/segments").await.status, StatusCode::OK);
}

#[tokio::test]
async fn request_log_directories_and_rate_limit_switches() {
    let sim = controlled().await;
    sim.post("/training", json!({"title": "Logged", "content": "c"}))
        .await;
    sim.get("/training?search=refund&limit=5").await;
    let log = control(&sim, Method::GET, "/_sim/requests", None)
        .await
        .body;
    assert_eq!(
        log,
        json!([
            {"method": "POST", "path": "/training", "query": null, "body": {"title": "Logged", "content": "c"}, "status": 200},
            {"method": "GET", "path": "/training", "query": "search=refund&limit=5", "body": null, "status": 200}
        ]),
        "control calls are not recorded"
    );
    assert_eq!(sim.handle.requests().len(), 2);
    let a = control(&sim, Method::DELETE, "/_sim/requests", None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(sim.handle.requests().is_empty());

    let a = control(
        &sim,
        Method::PUT,
        "/_sim/directories",
        Some(json!({"enabled": false})),
    )
    .await;
    assert_eq!(a.body, json!({"enabled": false}));
    assert_eq!(
        sim.get("/training/directories").await.status,
        StatusCode::NOT_FOUND
    );
    control(
        &sim,
        Method::PUT,
        "/_sim/directories",
        Some(json!({"enabled": true})),
    )
    .await;
    assert_eq!(
        sim.get("/training/directories").await.status,
        StatusCode::OK
    );

    let a = control(
        &sim,
        Method::PUT,
        "/_sim/rate-limit",
        Some(json!({"per_minute": 1})),
    )
    .await;
    assert_eq!(a.body, json!({"per_minute": 1}));
    sim.get("/training").await;
    assert_eq!(
        sim.get("/training").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let statuses: Vec<_> = sim.handle.requests().iter().map(|r| r.status).collect();
    assert_eq!(
        statuses[statuses.len() - 2..],
        [Some(200), Some(429)],
        "the log records what each request was answered"
    );
    let bad = control(
        &sim,
        Method::PUT,
        "/_sim/rate-limit",
        Some(json!({"per_minute": -1})),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    control(
        &sim,
        Method::PUT,
        "/_sim/rate-limit",
        Some(json!({"per_minute": 0})),
    )
    .await;
    assert_eq!(sim.get("/training").await.status, StatusCode::OK);
}

#[tokio::test]
async fn refused_channels_switch() {
    let sim = controlled().await;
    let set = control(
        &sim,
        Method::PUT,
        "/_sim/refused-channels",
        Some(json!({"channels": ["sms"]})),
    )
    .await;
    assert_eq!(
        (set.status, &set.body),
        (StatusCode::OK, &json!({"channels": ["sms"]}))
    );
    let body = json!({"title": "t", "content": "c", "restricted_to_channels": ["sms"]});
    let refused = sim.post("/training", body.clone()).await;
    assert_eq!(
        refused.body,
        common::validation_body(
            "body/restricted_to_channels/0 must be equal to one of the allowed values"
        )
    );
    let bad = control(
        &sim,
        Method::PUT,
        "/_sim/refused-channels",
        Some(json!({"channels": "sms"})),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    control(
        &sim,
        Method::PUT,
        "/_sim/refused-channels",
        Some(json!({"channels": []})),
    )
    .await;
    assert_eq!(sim.post("/training", body).await.status, StatusCode::OK);
}
