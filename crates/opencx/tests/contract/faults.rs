//! Injected faults: what is retried, what is not, and that a create is never applied twice.

use std::time::{Duration, Instant};

use opencx::{CreateTraining, ErrorKind, ListQuery, UpdateTraining};
use opencx_sim::{DropMode, Faults, Seed};

use crate::support::{client, client_with, create, routes, sim, FULL, SHORT_TIMEOUT};

fn fail_next(n: u32, status: u16) -> Faults {
    Faults {
        fail_next: n,
        fail_status: Some(status),
        ..Faults::default()
    }
}

#[tokio::test]
async fn a_429_is_retried_after_the_servers_retry_after() {
    let sim = sim(Seed::Scale(3)).await;
    let client = client(&sim);
    sim.set_faults(fail_next(1, 429));
    let started = Instant::now();
    let page = client.list_trainings(&ListQuery::default()).await.unwrap();
    assert_eq!(page.total, 3);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After: 1 is honoured ({:?})",
        started.elapsed()
    );
    assert_eq!(routes(&sim), ["GET /training", "GET /training"]);
}

#[tokio::test]
async fn a_503_is_retried_until_it_passes() {
    let sim = sim(Seed::Scale(3)).await;
    let client = client(&sim);
    sim.set_faults(fail_next(2, 503));
    let page = client.list_trainings(&ListQuery::default()).await.unwrap();
    assert_eq!(page.items.len(), 3);
    assert_eq!(sim.requests().len(), 3);
}

#[tokio::test]
async fn each_wait_before_a_retry_is_reported_to_the_observer() {
    let sim = sim(Seed::Scale(3)).await;
    let waits = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = waits.clone();
    let client = client_with(&sim, FULL, |c| {
        c.on_retry_wait = Some(opencx::RetryObserver::new(move |wait, attempt| {
            seen.lock().unwrap().push((wait, attempt));
        }))
    });
    sim.set_faults(fail_next(1, 429));
    client.list_trainings(&ListQuery::default()).await.unwrap();
    sim.set_faults(fail_next(1, 503));
    client.list_trainings(&ListQuery::default()).await.unwrap();
    let waits = waits.lock().unwrap().clone();
    assert_eq!(waits.len(), 2, "one wait per retry: {waits:?}");
    assert_eq!(
        waits[0],
        (Duration::from_secs(1), 2),
        "the 429's Retry-After"
    );
    assert_eq!(waits[1].1, 2, "the backoff before the first retry");
}

#[tokio::test]
async fn retries_stop_after_max_attempts() {
    let sim = sim(Seed::Empty).await;
    let client = client_with(&sim, FULL, |c| c.max_attempts = 3);
    sim.set_faults(fail_next(10, 502));
    let err = client
        .list_trainings(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert!(matches!(err, opencx::Error::Server { status: 502, .. }));
    assert_eq!(err.server_message(), Some("Simulated failure"));
    assert_eq!(sim.requests().len(), 3);
}

#[tokio::test]
async fn an_update_is_retried_after_a_5xx() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let t = create(&client, "Hello", "Say hello").await;
    sim.set_faults(fail_next(1, 500));
    let mut body = UpdateTraining::from_training(&t);
    body.title = "Hello there".into();
    let updated = client.update_training(&t.id, &body).await.unwrap();
    assert_eq!(updated.title, "Hello there");
    let put = format!("PUT /training/{}", t.id);
    assert_eq!(routes(&sim)[1..], [put.clone(), put]);
}

#[tokio::test]
async fn a_timed_out_get_is_retried() {
    let sim = sim(Seed::Scale(3)).await;
    let client = client_with(&sim, FULL, |c| c.total_timeout = SHORT_TIMEOUT);
    sim.set_faults(Faults {
        timeout_next: 1,
        ..Faults::default()
    });
    let page = client.list_trainings(&ListQuery::default()).await.unwrap();
    assert_eq!(page.items.len(), 3);
    assert_eq!(sim.requests().len(), 2);
}

#[tokio::test]
async fn a_get_that_always_times_out_is_a_timeout_error() {
    let sim = sim(Seed::Empty).await;
    let client = client_with(&sim, FULL, |c| {
        c.total_timeout = SHORT_TIMEOUT;
        c.max_attempts = 2;
    });
    sim.set_faults(Faults {
        timeout_next: 5,
        ..Faults::default()
    });
    let err = client
        .list_trainings(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        err.to_string().contains("did not answer within 1 second."),
        "{err}"
    );
    assert_eq!(sim.requests().len(), 2);
}

#[tokio::test]
async fn a_connection_dropped_after_a_create_leaves_exactly_one_training() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(Faults {
        drop_connection: DropMode::After(1),
        ..Faults::default()
    });
    let created = create(&client, "Once", "Only once").await;
    let on_server = sim.trainings();
    assert_eq!(on_server.len(), 1);
    assert_eq!(on_server[0]["id"], created.id.as_str());
    assert_eq!(
        routes(&sim),
        ["POST /training", "GET /training"],
        "the create was looked up, not repeated"
    );
}

#[tokio::test]
async fn a_create_is_never_sent_again_while_its_lookup_keeps_failing() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    // Every request is handled and its answer lost: the POST, then every lookup.
    sim.set_faults(Faults {
        drop_connection: DropMode::After(1_000),
        ..Faults::default()
    });
    let body = CreateTraining::new("Once", "Only once");
    let err = client.create_training(&body).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    assert_eq!(sim.trainings().len(), 1, "created once, never again");
    let posts = routes(&sim)
        .iter()
        .filter(|r| r.as_str() == "POST /training")
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn a_connection_dropped_before_a_create_sends_it_again_once() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(Faults {
        drop_connection: DropMode::Before(1),
        ..Faults::default()
    });
    create(&client, "Once", "Only once").await;
    assert_eq!(sim.trainings().len(), 1);
    assert_eq!(
        routes(&sim),
        ["POST /training", "GET /training", "POST /training"]
    );
}

#[tokio::test]
async fn a_create_answered_with_503_is_looked_up_then_sent_again() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(fail_next(1, 503));
    create(&client, "Once", "Only once").await;
    assert_eq!(sim.trainings().len(), 1);
    assert_eq!(
        routes(&sim),
        ["POST /training", "GET /training", "POST /training"]
    );
}

#[tokio::test]
async fn a_create_refused_with_429_is_sent_again_without_a_lookup() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(fail_next(1, 429));
    create(&client, "Once", "Only once").await;
    assert_eq!(sim.trainings().len(), 1);
    assert_eq!(routes(&sim), ["POST /training", "POST /training"]);
}

#[tokio::test]
async fn a_timed_out_create_is_looked_up_before_it_is_sent_again() {
    let sim = sim(Seed::Empty).await;
    let client = client_with(&sim, FULL, |c| c.total_timeout = SHORT_TIMEOUT);
    sim.set_faults(Faults {
        timeout_next: 1,
        ..Faults::default()
    });
    create(&client, "Once", "Only once").await;
    assert_eq!(sim.trainings().len(), 1);
    assert_eq!(
        routes(&sim),
        ["POST /training", "GET /training", "POST /training"]
    );
}

#[tokio::test]
async fn a_create_whose_answer_is_malformed_is_read_back_by_its_client_id() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(Faults {
        malformed_json_next: 1,
        ..Faults::default()
    });
    let created = client
        .create_training(&CreateTraining::new("Once", "Only once"))
        .await
        .unwrap();
    assert_eq!(created.title, "Once");
    assert_eq!(sim.trainings().len(), 1);
    assert_eq!(routes(&sim), ["POST /training", "GET /training"]);
}

#[tokio::test]
async fn a_directory_create_is_not_retried_after_a_5xx() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    sim.set_faults(fail_next(1, 503));
    let err = client.create_directory("Billing").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(routes(&sim), ["POST /training/directories"]);
    assert!(client.list_directories().await.unwrap().is_empty());
}
