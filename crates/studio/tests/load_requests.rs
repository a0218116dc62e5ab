//! Loading a workspace asks for the training list exactly ⌈N/100⌉ times (at least once) for N
//! trainings, pages fetched concurrently, plus one directory request and the segment pages: never a
//! request per training, never a page twice.

use opencx_sim::{SimConfig, DEFAULT_FULL_TOKEN};
use studio::{MemoryStore, Studio};

/// (training list requests, directory requests) made by loading a workspace of `n`.
async fn list_requests_to_load(n: usize) -> (usize, usize) {
    let sim = opencx_sim::spawn(SimConfig {
        seed: format!("scale:{n}").parse().unwrap(),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new())).with_requests_per_minute(0);
    studio
        .sign_in("Scale", &sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    sim.clear_requests();
    let data = studio.load_workspace().await.unwrap();
    let log = sim.requests();
    let lists = log
        .iter()
        .filter(|r| r.method == "GET" && r.path == "/training")
        .count();
    let directories = log
        .iter()
        .filter(|r| r.path == "/training/directories")
        .count();
    let segments = log
        .iter()
        .filter(|r| r.path == "/contacts/segments")
        .count();
    assert_eq!(lists + directories + segments, log.len(), "{log:?}");
    assert_eq!(data.trainings.len(), n);
    (lists, directories)
}

#[tokio::test]
async fn loading_makes_one_list_request_per_hundred_trainings() {
    for n in [0, 1, 100, 101, 250, 1_000, 10_000] {
        let (lists, directories) = list_requests_to_load(n).await;
        assert_eq!(
            lists,
            n.div_ceil(100).max(1),
            "list requests for {n} trainings"
        );
        assert_eq!(directories, 1, "directory requests for {n}");
    }
}
