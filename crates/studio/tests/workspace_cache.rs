//! The workspace kept on disk: a load writes it, changes keep it current (in the background),
//! the next start reads it without a single request (the simulator's request log), also when it
//! was read early while the app started (`Studio::warm_up`), and a load
//! that cannot reach open.cx seeds the session from it so reviews work offline.

mod support;

use std::time::Duration;

use opencx_sim::Faults;
use studio::{CachedWorkspace, ErrorKind, SaveOutcome, Studio, TrainingDraft};
use support::fixture;

/// Polls the cache file until `ready` holds (it is written in the background), at most 10 s.
async fn cached_when(
    f: &support::Fixture,
    ready: impl Fn(&CachedWorkspace) -> bool,
) -> CachedWorkspace {
    for _ in 0..100 {
        let file = std::fs::read_dir(f.dir.path().join("cache"))
            .ok()
            .and_then(|mut d| d.next())
            .and_then(|e| std::fs::read(e.unwrap().path()).ok());
        if let Some(cached) = file.and_then(|b| serde_json::from_slice(&b).ok()) {
            if ready(&cached) {
                return cached;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the workspace cache was not written");
}

#[tokio::test]
async fn a_load_writes_it_changes_keep_it_current_and_a_restart_reads_it_without_requests() {
    let f = fixture("demo").await;
    assert!(f.studio.cached_workspace().await.unwrap().is_none());
    let data = f.studio.load_workspace().await.unwrap();
    let current = f.studio.cached_workspace().await.unwrap().unwrap();
    assert_eq!(current.data.trainings.len(), data.trainings.len());
    let cached = cached_when(&f, |_| true).await;
    assert_eq!(cached.data.trainings.len(), data.trainings.len());
    assert_eq!(cached.data.directories, data.directories);
    assert_eq!(cached.data.segments, data.segments);
    assert!(cached.fetched_at <= chrono::Utc::now());

    // A save lands in the cache too.
    let t = data.trainings[0].clone();
    let mut draft = TrainingDraft::from_training(&t);
    draft.title = "Cached title".into();
    let outcome = f
        .studio
        .save_training(&t.id, &draft, false, t.clone())
        .await
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Saved { .. }));
    let created = f.studio.create_training(None).await.unwrap();
    let cached = cached_when(&f, |c| c.data.trainings.iter().any(|x| x.id == created.id)).await;
    let saved = cached.data.trainings.iter().find(|x| x.id == t.id).unwrap();
    assert_eq!(saved.shown_title(), "Cached title");

    // The next start shows it before (and without) any request.
    let again = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    f.sim.clear_requests();
    again.resume_session().await.unwrap().unwrap();
    let cold = again.cached_workspace().await.unwrap().unwrap();
    assert_eq!(cold.data.trainings.len(), data.trainings.len() + 1);
    assert!(f.requests().is_empty(), "{:?}", f.requests());

    // Warmed up at launch, the start reads the same copy (read while the window starts).
    let warm = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    warm.warm_up().await;
    warm.resume_session().await.unwrap().unwrap();
    let early = warm.cached_workspace().await.unwrap().unwrap();
    assert_eq!(early.data.trainings, cold.data.trainings);
    assert!(f.requests().is_empty(), "{:?}", f.requests());
}

#[tokio::test]
async fn an_offline_load_seeds_the_session_from_disk() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    cached_when(&f, |_| true).await;

    let again = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    again.resume_session().await.unwrap().unwrap();
    f.sim.set_faults(Faults {
        down: true,
        ..Faults::default()
    });
    let err = again.load_workspace().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert!(err.kind().is_unreachable());

    // Reviews work from the seeded session, with nothing sent.
    f.sim.clear_requests();
    let t = &data.trainings[0];
    let mut draft = TrainingDraft::from_training(t);
    draft.title = "Offline edit".into();
    let review = again.review_changes(&t.id, &draft, false).await.unwrap();
    assert!(review.changes.iter().any(|c| c.after == "Offline edit"));
    assert!(f.requests().is_empty(), "{:?}", f.requests());
}
