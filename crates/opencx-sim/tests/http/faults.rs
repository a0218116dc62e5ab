//! Every fault mode, seen by a real HTTP client.

use std::time::{Duration, Instant};

use opencx_sim::{DropMode, Faults, RouteFailure, SimConfig};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::{self, error_body, FULL};

#[tokio::test]
async fn down_refuses_everything_with_503() {
    let sim = common::demo().await;
    sim.handle.set_faults(Faults {
        down: true,
        ..Faults::default()
    });
    for path in ["/training", "/contacts/segments", "/nope"] {
        let a = sim.get(path).await;
        assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(a.body, error_body(503, "Service Unavailable"));
    }
    sim.handle.set_faults(Faults::default());
    assert_eq!(sim.get("/training").await.status, StatusCode::OK);
}

#[tokio::test]
async fn fail_next_n_with_each_status() {
    let sim = common::empty().await;
    for status in [500u16, 502, 503, 429] {
        sim.handle.set_faults(Faults {
            fail_next: 2,
            fail_status: Some(status),
            ..Faults::default()
        });
        for _ in 0..2 {
            let a = sim.get("/training").await;
            assert_eq!(a.status.as_u16(), status);
            assert_eq!(a.body["statusCode"], status);
            if status == 429 {
                assert_eq!(a.headers["retry-after"], "1");
            }
        }
        assert_eq!(sim.get("/training").await.status, StatusCode::OK);
    }
    sim.handle.set_faults(Faults {
        fail_next: 1,
        ..Faults::default()
    });
    assert_eq!(
        sim.get("/training").await.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "default 503"
    );
}

#[tokio::test]
async fn failure_rate_per_route() {
    let sim = common::empty().await;
    let t = sim.create_titled("Target").await;
    let path = format!("/training/{}", t["id"].as_str().unwrap());
    sim.handle.set_faults(Faults {
        failure_rate: vec![RouteFailure {
            route: "PUT /training/{id}".into(),
            rate: 1.0,
            status: 502,
        }],
        ..Faults::default()
    });
    let put = sim.put(&path, json!({"title": "x", "content": "y"})).await;
    assert_eq!(put.status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        sim.get(&path).await.status,
        StatusCode::OK,
        "other routes are spared"
    );
    assert_eq!(
        sim.get(&path).await.body["title"],
        "Target",
        "the failed PUT was not applied"
    );
}

#[tokio::test]
async fn failure_rate_is_deterministic_under_the_seed() {
    async fn outcomes(seed: u64) -> Vec<u16> {
        let sim = common::start(SimConfig {
            random_seed: seed,
            rate_limit_per_minute: 0,
            ..SimConfig::default()
        })
        .await;
        sim.handle.set_faults(Faults {
            failure_rate: vec![RouteFailure {
                route: "*".into(),
                rate: 0.5,
                status: 500,
            }],
            ..Faults::default()
        });
        let mut out = Vec::new();
        for _ in 0..24 {
            out.push(sim.get("/training").await.status.as_u16());
        }
        out
    }
    let a = outcomes(11).await;
    assert_eq!(a, outcomes(11).await);
    assert!(a.contains(&500) && a.contains(&200), "{a:?}");
}

#[tokio::test]
async fn drop_before_closes_without_applying() {
    let sim = common::empty().await;
    sim.handle.set_faults(Faults {
        drop_connection: DropMode::Before(1),
        ..Faults::default()
    });
    let err = sim
        .request(
            Method::POST,
            "/training",
            Some(FULL),
            Some(&json!({"title": "t", "content": "c"})),
        )
        .send()
        .await
        .expect_err("a dropped connection is not a response");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    assert!(sim.handle.trainings().is_empty(), "the handler did not run");
    assert_eq!(
        sim.handle.requests().len(),
        1,
        "the request was received and recorded"
    );
    assert_eq!(
        sim.get("/training").await.status,
        StatusCode::OK,
        "only the next one"
    );
}

#[tokio::test]
async fn drop_after_applies_the_post_then_closes() {
    let sim = common::empty().await;
    sim.handle.set_faults(Faults {
        drop_connection: DropMode::After(1),
        ..Faults::default()
    });
    let err = sim
        .request(
            Method::POST,
            "/training",
            Some(FULL),
            Some(&json!({"title": "t", "content": "c"})),
        )
        .send()
        .await
        .expect_err("a dropped connection is not a response");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
    let all = sim.handle.trainings();
    assert_eq!(all.len(), 1, "the create was applied");
    assert_eq!(all[0]["title"], "t");
    assert_eq!(sim.handle.faults().drop_connection, DropMode::After(0));
}

#[tokio::test]
async fn malformed_json_next_truncates_successful_bodies() {
    let sim = common::demo().await;
    sim.handle.set_faults(Faults {
        malformed_json_next: 1,
        ..Faults::default()
    });
    // Errors are not counted: only successful answers are malformed.
    assert_eq!(
        sim.call(Method::GET, "/training", None, None).await.body["statusCode"],
        401
    );
    let res = sim
        .request(Method::GET, "/training", Some(FULL), None)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.unwrap();
    assert!(!text.is_empty());
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    assert!(
        sim.get("/training").await.body.is_object(),
        "the next answer is whole"
    );
}

#[tokio::test]
async fn timeout_next_hangs_and_shutdown_does_not_wait_for_it() {
    let sim = common::empty().await;
    sim.handle.set_faults(Faults {
        timeout_next: 1,
        ..Faults::default()
    });
    let impatient = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let err = impatient
        .get(sim.url("/training"))
        .bearer_auth(FULL)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(
        sim.get("/training").await.status,
        StatusCode::OK,
        "only the next one"
    );

    sim.handle.set_faults(Faults {
        timeout_next: 1,
        ..Faults::default()
    });
    let url = sim.url("/training");
    let hanging =
        tokio::spawn(async move { common::client().get(url).bearer_auth(FULL).send().await });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    sim.handle.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let _ = hanging.await;
}

#[tokio::test]
async fn latency_is_added() {
    let sim = common::start(SimConfig {
        latency_ms: 150,
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await;
    let started = Instant::now();
    assert_eq!(sim.get("/training").await.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(sim.handle.faults().latency_ms, Some(150));
    // Cleared, no latency is added any more (said by the faults, not timed: a loaded machine
    // can be slow on its own).
    sim.handle.set_faults(Faults::default());
    assert_eq!(sim.handle.faults().latency_ms, None);
    assert_eq!(sim.get("/training").await.status, StatusCode::OK);
}

#[tokio::test]
async fn injected_401_and_403_look_like_real_ones() {
    let sim = common::empty().await;
    sim.handle.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(401),
        ..Faults::default()
    });
    let a = sim.get("/training").await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    assert_eq!(a.body, error_body(401, "Unauthorized"));
    sim.handle.set_faults(Faults {
        failure_rate: vec![RouteFailure {
            route: "POST /training".into(),
            rate: 1.0,
            status: 403,
        }],
        ..Faults::default()
    });
    let a = sim
        .post("/training", json!({"title": "t", "content": "c"}))
        .await;
    assert_eq!(a.body, error_body(403, "Missing scope: training:write"));
    assert!(sim.handle.trainings().is_empty());
}
