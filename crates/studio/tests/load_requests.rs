//! What a first load asks open.cx, against the simulator: the training list exactly ⌈N/100⌉
//! times (at least once) for N trainings, never a request per training, never a page twice; the
//! list before the names, each page told to the UI as it arrives, in order; and at 10,000
//! trainings with open.cx's 100 requests a minute, the whole list within that minute's budget:
//! the sign-in's key check is the list's first page, and the directories, the segments and the
//! draft rules' check come after the list.

use opencx_sim::{RecordedRequest, SimConfig, SimHandle, DEFAULT_FULL_TOKEN};
use studio::{MemoryStore, Studio, TrainingsArrived, WorkspaceData};
use tokio::sync::mpsc;

async fn sim_of(n: usize, rate_limit_per_minute: u32) -> SimHandle {
    opencx_sim::spawn(SimConfig {
        seed: format!("scale:{n}").parse().unwrap(),
        rate_limit_per_minute,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

fn is_list(r: &RecordedRequest) -> bool {
    r.method == "GET" && r.path == "/training"
}

fn is_name_list(r: &RecordedRequest) -> bool {
    r.path == "/training/directories" || r.path == "/contacts/segments"
}

/// Signs in to `sim` and loads the workspace with no budget; the requests from the sign-in on,
/// the pages told, and the load's answer.
async fn first_load(
    sim: &SimHandle,
) -> (Vec<RecordedRequest>, Vec<TrainingsArrived>, WorkspaceData) {
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new())).with_requests_per_minute(0);
    sim.clear_requests();
    studio
        .sign_in("Scale", &sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    let mut pages = Vec::new();
    let data = studio
        .load_workspace_as_it_arrives(|page| pages.push(page))
        .await
        .unwrap();
    (sim.requests(), pages, data)
}

#[tokio::test]
async fn a_first_load_asks_for_the_list_once_per_hundred_trainings_then_the_names() {
    for n in [0, 1, 100, 101, 250, 1_000, 10_000] {
        let sim = sim_of(n, 0).await;
        let (log, pages, data) = first_load(&sim).await;
        // The sign-in's key check, then the load's own pages (without a rate budget to keep to,
        // the load asks for its first page afresh: the test below keeps to open.cx's).
        let lists = log.iter().filter(|r| is_list(r)).count();
        assert_eq!(lists, 1 + n.div_ceil(100).max(1), "list requests for {n}");
        let directories = log
            .iter()
            .filter(|r| r.path == "/training/directories")
            .count();
        assert_eq!(directories, 1, "directory requests for {n}");
        let last_list = log.iter().rposition(is_list).unwrap();
        let first_name = log.iter().position(is_name_list).unwrap();
        assert!(
            first_name > last_list,
            "names asked only after the list ({n})"
        );
        let others = log
            .iter()
            .filter(|r| !is_list(r) && !is_name_list(r))
            .all(|r| r.path.starts_with("/training"));
        assert!(
            others,
            "nothing but the list, the names and the rules' check: {log:?}"
        );

        assert_eq!(data.trainings.len(), n);
        let told: Vec<_> = pages.iter().flat_map(|p| p.trainings.iter()).collect();
        assert!(
            told.iter().zip(&data.trainings).all(|(a, b)| **a == *b) && told.len() == n,
            "the pages told are the list, in order ({n})"
        );
        assert!(pages
            .iter()
            .all(|p| p.total as usize == n && p.trainings.len() <= 100));
        assert_eq!(pages.last().map_or(0, |p| p.loaded as usize), n);
    }
}

#[tokio::test]
async fn ten_thousand_trainings_load_within_one_minutes_budget() {
    const N: usize = 10_000;
    // open.cx's limit on the server, the client's default budget (100 a minute) in the app.
    let sim = sim_of(N, 100).await;
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
    studio
        .sign_in("Scale", &sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    let (tx, mut rx) = mpsc::unbounded_channel();
    // The load goes on after the list (the names wait for the next minute): watched from here,
    // it is stopped once the list is complete.
    let load = tokio::spawn(async move {
        let _ = studio
            .load_workspace_as_it_arrives(|page| {
                let _ = tx.send(page);
            })
            .await;
    });
    let first = rx.recv().await.unwrap();
    assert_eq!(first.trainings.len(), 100, "the first page shows at once");
    let mut loaded = first.loaded;
    while (loaded as usize) < N {
        loaded = rx.recv().await.unwrap().loaded;
    }
    let log = sim.requests();
    load.abort();

    let lists = log.iter().filter(|r| is_list(r)).count();
    assert_eq!(lists, N / 100, "the sign-in's page and 99 more");
    let last_list = log.iter().rposition(is_list).unwrap();
    assert!(
        last_list < 100,
        "the list was complete within the minute's 100 requests: {} before its last page",
        last_list
    );
    assert!(
        log[..=last_list].iter().all(is_list),
        "nothing else took the list's budget"
    );
    assert!(
        log.iter().all(|r| r.status != Some(429)),
        "open.cx never refused a request"
    );
}
