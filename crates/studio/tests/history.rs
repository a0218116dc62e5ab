//! The local history against the simulator: every save (draft and publish), single publish and
//! publish job is kept as a version with the body sent and the server's answer; the list is
//! newest first, bounded at HISTORY_LIMIT, survives a restart, and a version compares with the
//! editor's form without a request.

mod support;

use opencx::Training;
use studio::{JobRequest, MemoryStore, SaveOutcome, Studio, TrainingDraft, HISTORY_LIMIT};
use support::{answered, fixture};

fn landed(outcome: SaveOutcome) -> Training {
    match outcome {
        SaveOutcome::Saved { training, .. } => training,
        other => panic!("not saved: {other:?}"),
    }
}

#[tokio::test]
async fn saves_and_publishes_are_kept_newest_first_and_survive_a_restart() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data.trainings[0].clone();
    assert!(f.studio.history_list(&t.id).await.unwrap().is_empty());

    let mut first = TrainingDraft::from_training(&t);
    first.content = "First words.".into();
    let saved = landed(
        f.studio
            .save_training(&t.id, &first, false, t.clone())
            .await
            .unwrap(),
    );
    let mut second = first.clone();
    second.title = "Second title".into();
    let published = landed(
        f.studio
            .save_training(&t.id, &second, true, saved.clone())
            .await
            .unwrap(),
    );
    let unpublish = JobRequest::Unpublish {
        ids: vec![t.id.clone()],
    };
    let unpublished = answered(&f.job(unpublish, Default::default()).await, &t.id);
    let job = f
        .studio
        .start_job(
            JobRequest::Publish {
                ids: vec![t.id.clone()],
            },
            Default::default(),
        )
        .unwrap();
    f.finish(&job).await;

    let list = f.studio.history_list(&t.id).await.unwrap();
    let seen: Vec<_> = list
        .iter()
        .map(|s| (s.version, s.publish, s.title.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (4, true, "Second title"),
            (3, false, "Second title"),
            (2, true, "Second title"),
            (1, false, t.shown_title()),
        ]
    );
    assert_eq!(list[3].content_chars, 12);
    assert!(list[0].saved_at >= list[3].saved_at);
    let v1 = f.studio.history_version(&t.id, 1).await.unwrap();
    assert_eq!(v1.sent, first);
    assert_eq!(v1.answer, saved);
    assert!(!v1.publish);
    assert_eq!(
        v1.workspace_id,
        f.studio.list_workspaces().unwrap().workspaces[0].id
    );
    assert_eq!(
        f.studio.history_version(&t.id, 2).await.unwrap().answer,
        published
    );
    assert_eq!(
        f.studio.history_version(&t.id, 3).await.unwrap().answer,
        unpublished
    );
    assert!(
        f.studio
            .history_version(&t.id, 4)
            .await
            .unwrap()
            .answer
            .is_live(),
        "the publish job's answer"
    );

    // Compare a version with the editor's form: local only.
    f.sim.clear_requests();
    let mut current = second.clone();
    current.content = "First words.\nAnd more.".into();
    let review = f.studio.history_compare(&t.id, 1, &current).await.unwrap();
    let fields: Vec<_> = review.changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, [studio::Field::Title]);
    assert_eq!(review.changes[0].after, "Second title");
    assert!(review.content_diff.iter().any(|l| l.text == "And more."));
    assert!(f.requests().is_empty(), "{:?}", f.requests());

    // The next start on the same data dir still has it.
    let again = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    again.resume_session().await.unwrap().unwrap();
    assert_eq!(again.history_list(&t.id).await.unwrap(), list);
}

#[tokio::test]
async fn only_the_last_saves_are_kept() {
    let f = fixture("demo").await;
    let t = f.studio.load_workspace().await.unwrap().trainings[0].clone();
    let mut base = t.clone();
    let rounds = HISTORY_LIMIT + 2;
    for i in 0..rounds {
        let mut draft = TrainingDraft::from_training(&t);
        draft.content = format!("Round {i}.");
        base = landed(
            f.studio
                .save_training(&t.id, &draft, false, base)
                .await
                .unwrap(),
        );
    }
    let list = f.studio.history_list(&t.id).await.unwrap();
    assert_eq!(list.len(), HISTORY_LIMIT);
    assert_eq!(list[0].version as usize, rounds);
    assert_eq!(list.last().unwrap().version, 3);
    let newest = f
        .studio
        .history_version(&t.id, list[0].version)
        .await
        .unwrap();
    assert_eq!(newest.sent.content, format!("Round {}.", rounds - 1));
    assert!(f.studio.history_version(&t.id, 1).await.is_err());
}

#[tokio::test]
async fn history_needs_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
    assert_eq!(
        studio.history_list("t").await.unwrap_err().kind(),
        studio::ErrorKind::NoWorkspace
    );
}
