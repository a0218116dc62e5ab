//! Bulk jobs against the in-process simulator: refusals become per-item failures and "Retry
//! failed" redoes only those, 150 moves within a rate limit with no 429, each item once, Cancel before the next item, one job at a time, and the delete,
//! publish and unpublish jobs.

mod support;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use opencx_sim::Faults;
use studio::{ErrorKind, JobKind, JobProgress, JobRequest, JobState, MoveItem, BUSY};
use support::{fixture, fixture_at};

fn move_to(ids: &[String], to: Option<&str>) -> JobRequest {
    JobRequest::Move {
        items: ids
            .iter()
            .map(|id| MoveItem {
                id: id.clone(),
                directory_id: to.map(str::to_owned),
            })
            .collect(),
    }
}

async fn first_ids(f: &support::Fixture, n: usize) -> Vec<String> {
    let data = f.studio.load_workspace().await.unwrap();
    data.trainings[..n].iter().map(|t| t.id.clone()).collect()
}

#[tokio::test]
async fn a_failure_beyond_retries_is_listed_and_retry_failed_redoes_only_it() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let picked: Vec<_> = data.trainings[..3].to_vec();
    let ids: Vec<String> = picked.iter().map(|t| t.id.clone()).collect();
    // The first item's read is refused (403 is not retried). A server error beyond the
    // client's retries would put the move in the outbox instead (tests/outbox.rs).
    f.sim.set_faults(Faults {
        fail_next: 1,
        fail_status: Some(403),
        ..Faults::default()
    });
    let job = f
        .studio
        .start_job(move_to(&ids, Some("dir-r")), Default::default())
        .unwrap();
    let last = f.finish(&job).await.pop().unwrap();
    assert_eq!(
        (last.state, last.done, last.total),
        (JobState::Finished, 3, 3)
    );
    assert_eq!(last.failed.len(), 1, "{:?}", last.failed);
    let failure = &last.failed[0];
    assert_eq!(failure.id, ids[0]);
    assert_eq!(failure.title, picked[0].shown_title());
    assert_eq!(failure.kind, ErrorKind::Forbidden);
    assert!(failure.message.ends_with('.'), "{}", failure.message);
    assert_ne!(f.server(&ids[0]).directory_id.as_deref(), Some("dir-r"));
    assert_eq!(f.server(&ids[1]).directory_id.as_deref(), Some("dir-r"));

    f.sim.clear_requests();
    let retry = f.studio.retry_failed(&job).unwrap();
    assert_ne!(retry, job);
    let last = f.finish(&retry).await.pop().unwrap();
    assert_eq!((last.total, last.done), (1, 1));
    assert!(last.failed.is_empty());
    assert_eq!(f.server(&ids[0]).directory_id.as_deref(), Some("dir-r"));
    let touched: HashSet<String> = f.requests().into_iter().map(|r| r.1).collect();
    assert_eq!(touched, HashSet::from([format!("/training/{}", ids[0])]));
    // Nothing failed the second time: nothing to retry.
    let err = f.studio.retry_failed(&retry).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        f.studio.retry_failed("no-such-job").unwrap_err().kind(),
        ErrorKind::NotFound
    );
}

#[tokio::test]
async fn a_bulk_move_of_150_within_the_rate_limit_sends_two_requests_each_and_no_429() {
    let mut f = fixture_at("scale:150", 600).await;
    let data = f.studio.load_workspace().await.unwrap();
    assert_eq!(data.trainings.len(), 150);
    let ids: Vec<String> = data.trainings.iter().map(|t| t.id.clone()).collect();
    f.sim.clear_requests();
    let job = f
        .studio
        .start_job(move_to(&ids, Some("dir-bulk")), Default::default())
        .unwrap();
    let reports = f.finish(&job).await;
    let last = reports.last().unwrap();
    assert_eq!(
        (last.state, last.done, last.total),
        (JobState::Finished, 150, 150)
    );
    assert!(last.failed.is_empty());
    let log = f.requests();
    assert_eq!(log.len(), 300, "a GET and a PUT per training, no retries");
    assert!(
        log.iter().all(|r| r.3 == Some(200)),
        "every answer 200, no 429"
    );
    assert!(f
        .sim
        .trainings()
        .iter()
        .all(|t| t["directory_id"] == "dir-bulk"));
    // Progress counts up one by one; each training is reported once.
    let done: Vec<u32> = reports[..150].iter().map(|r| r.done).collect();
    assert_eq!(done, (1..=150).collect::<Vec<u32>>());
    let updated: HashSet<String> = reports
        .iter()
        .flat_map(|r| r.updated.iter().map(|t| t.id.clone()))
        .collect();
    assert_eq!(updated.len(), 150);
}

#[tokio::test]
async fn an_id_named_twice_is_processed_once() {
    let mut f = fixture("demo").await;
    let ids = first_ids(&f, 2).await;
    f.sim.clear_requests();
    let twice = vec![ids[0].clone(), ids[1].clone(), ids[0].clone()];
    let job = f
        .studio
        .start_job(move_to(&twice, Some("d")), Default::default())
        .unwrap();
    let last = f.finish(&job).await.pop().unwrap();
    assert_eq!((last.total, last.done), (2, 2));
    assert_eq!(f.requests().len(), 4);
}

#[tokio::test]
async fn cancel_stops_before_the_next_item() {
    let f = fixture("demo").await;
    let ids = first_ids(&f, 4).await;
    let reports = Arc::new(Mutex::new(Vec::<JobProgress>::new()));
    let (studio, seen) = (Arc::clone(&f.studio), Arc::clone(&reports));
    let (tx, mut ended) = tokio::sync::mpsc::unbounded_channel();
    // The editor presses Cancel as the first item's progress arrives.
    f.studio.set_job_hook(move |p| {
        seen.lock().unwrap().push(p.clone());
        if p.done == 1 && p.state == JobState::Running {
            studio.cancel_job(&p.job_id).unwrap();
        }
        if p.state != JobState::Running {
            let _ = tx.send(());
        }
    });
    let job = f
        .studio
        .start_job(move_to(&ids, Some("d-c")), Default::default())
        .unwrap();
    ended.recv().await.unwrap();
    let reports = reports.lock().unwrap().clone();
    let last = reports.last().unwrap();
    assert_eq!(last.state, JobState::Cancelled);
    assert_eq!((last.done, last.total), (1, 4));
    assert_eq!(reports.len(), 2);
    assert_eq!(f.server(&ids[0]).directory_id.as_deref(), Some("d-c"));
    for id in &ids[1..] {
        assert_ne!(f.server(id).directory_id.as_deref(), Some("d-c"));
    }
    assert!(!f.studio.job_running());
    // Cancelling a job that ended is harmless.
    f.studio.cancel_job(&job).unwrap();
}

#[tokio::test]
async fn one_job_at_a_time() {
    let mut f = fixture("demo").await;
    let ids = first_ids(&f, 3).await;
    f.sim.set_faults(Faults {
        latency_ms: Some(100),
        ..Faults::default()
    });
    let job = f
        .studio
        .start_job(move_to(&ids, None), Default::default())
        .unwrap();
    assert!(f.studio.job_running());
    let err = f
        .studio
        .start_job(JobRequest::Publish { ids: ids.clone() }, Default::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Busy);
    assert_eq!(err.message(), BUSY);
    assert_eq!(
        f.studio.retry_failed(&job).unwrap_err().kind(),
        ErrorKind::Busy
    );
    f.studio.cancel_job(&job).unwrap();
    assert_eq!(
        f.finish(&job).await.pop().unwrap().state,
        JobState::Cancelled
    );
    assert!(!f.studio.job_running());
    let empty = f
        .studio
        .start_job(JobRequest::Delete { ids: vec![] }, Default::default())
        .unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn unpublish_publish_and_delete_jobs() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let live: Vec<String> = data
        .trainings
        .iter()
        .filter(|t| t.is_live())
        .take(3)
        .map(|t| t.id.clone())
        .collect();
    let job = f
        .studio
        .start_job(
            JobRequest::Unpublish { ids: live.clone() },
            Default::default(),
        )
        .unwrap();
    let last = f.finish(&job).await.pop().unwrap();
    assert_eq!((last.kind, last.done), (JobKind::Unpublish, 3));
    assert!(live.iter().all(|id| !f.server(id).is_live()));
    let job = f
        .studio
        .start_job(
            JobRequest::Publish { ids: live.clone() },
            Default::default(),
        )
        .unwrap();
    let reports = f.finish(&job).await;
    assert!(reports.iter().all(|r| r.kind == JobKind::Publish));
    assert!(live.iter().all(|id| f.server(id).is_live()));
    assert!(reports[..3].iter().all(|r| r.updated[0].is_live()));
    let draft_routes = f
        .requests()
        .iter()
        .filter(|r| r.0 == "PUT" && r.1.ends_with("/draft"))
        .count();
    assert_eq!(draft_routes, 6);

    let gone = vec![live[0].clone(), live[1].clone()];
    let job = f
        .studio
        .start_job(JobRequest::Delete { ids: gone.clone() }, Default::default())
        .unwrap();
    let reports = f.finish(&job).await;
    let deleted: Vec<String> = reports.iter().flat_map(|r| r.deleted.clone()).collect();
    assert_eq!(deleted, gone);
    assert!(gone.iter().all(|id| !f.exists(id)));
    assert!(f.exists(&live[2]));
}
