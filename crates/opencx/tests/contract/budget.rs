//! The client-side rate budget against the simulator's rate limit: a burst larger than the
//! limit waits instead of collecting 429s.

use std::time::Duration;

use opencx::{ErrorKind, ListQuery};
use opencx_sim::{Seed, SimConfig};

use crate::support::{client_with, sim_with, FULL};

const LIMIT: u32 = 5;

async fn limited_sim() -> opencx_sim::SimHandle {
    sim_with(SimConfig {
        seed: Seed::Scale(2),
        rate_limit_per_minute: LIMIT,
        ..SimConfig::default()
    })
    .await
}

#[tokio::test]
async fn a_burst_over_the_limit_waits_instead_of_getting_429s() {
    let sim = limited_sim().await;
    // One attempt only: a 429 would surface as an error instead of being retried.
    let client = client_with(&sim, FULL, |c| {
        c.requests_per_minute = LIMIT;
        c.max_attempts = 1;
    });
    let burst: Vec<_> = (0..LIMIT + 2)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.list_trainings(&ListQuery::default()).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        sim.requests().len(),
        LIMIT as usize,
        "only the budget's worth reached the server"
    );
    assert_eq!(client.requests_sent(), u64::from(LIMIT));
    let mut finished = 0;
    for task in &burst {
        if task.is_finished() {
            finished += 1;
        }
    }
    assert_eq!(finished, LIMIT as usize, "the rest are waiting, not failed");
    for task in burst {
        if task.is_finished() {
            task.await.unwrap().expect("no 429 within the budget");
        } else {
            task.abort();
        }
    }
}

#[tokio::test]
async fn without_the_budget_the_same_burst_is_refused() {
    let sim = limited_sim().await;
    let client = client_with(&sim, FULL, |c| {
        c.requests_per_minute = 0;
        c.max_attempts = 1;
    });
    let mut refused = 0;
    for _ in 0..LIMIT + 2 {
        if let Err(err) = client.list_trainings(&ListQuery::default()).await {
            assert_eq!(err.kind(), ErrorKind::RateLimited);
            assert!(err.retry_after().is_some());
            refused += 1;
        }
    }
    assert_eq!(refused, 2);
}
