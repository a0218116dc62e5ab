//! The segment endpoints.

use std::collections::HashSet;

use opencx::ErrorKind;
use opencx_sim::Seed;

use crate::support::{client, client_with, log, sim, READ_ONLY};

#[tokio::test]
async fn lists_every_segment_and_gets_one() {
    let sim = sim(Seed::Demo).await;
    let client = client_with(&sim, READ_ONLY, |_| {});
    let segments = client.list_segments().await.unwrap();
    assert!(!segments.is_empty());
    let ids: HashSet<&str> = segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), segments.len(), "no segment twice");
    assert!(segments.iter().all(|s| !s.name.is_empty()));
    assert_eq!(log(&sim), ["GET /contacts/segments?page=1&limit=100"]);

    let one = client.get_segment(&segments[0].id).await.unwrap();
    assert_eq!(one, segments[0]);
}

#[tokio::test]
async fn an_unknown_segment_is_not_found() {
    let sim = sim(Seed::Demo).await;
    let err = client(&sim).get_segment("nope").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.server_message(), Some("Segment not found"));
    assert!(err.to_string().starts_with("This segment was not found"));
}
