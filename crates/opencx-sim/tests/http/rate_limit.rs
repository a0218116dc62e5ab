//! The per-token rate limit: 429 with Retry-After and the error body.

use opencx_sim::SimConfig;
use reqwest::{Method, StatusCode};

use crate::common::{self, FULL, READ};

#[tokio::test]
async fn over_the_limit_is_429_with_retry_after() {
    let sim = common::start(SimConfig {
        rate_limit_per_minute: 3,
        ..SimConfig::default()
    })
    .await;
    for remaining in ["2", "1", "0"] {
        let a = sim.get("/training").await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(a.headers["x-ratelimit-limit"], "3");
        assert_eq!(a.headers["x-ratelimit-remaining"], remaining);
    }
    let limited = sim.get("/training").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(limited.body["statusCode"], 429);
    assert_eq!(limited.body["error"], "Too Many Requests");
    assert!(limited.body["message"]
        .as_str()
        .unwrap()
        .contains("Rate limit exceeded"));

    // Per token: another key is not affected; unauthenticated requests are 401, not 429.
    assert_eq!(
        sim.call(Method::GET, "/training", Some(READ), None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        sim.call(Method::GET, "/training", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );

    sim.handle.set_rate_limit(0);
    let a = sim.call(Method::GET, "/training", Some(FULL), None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.headers.get("x-ratelimit-limit").is_none());
}
