//! Conflicts with a second client on the same simulator: someone else changes the training the
//! editor is working on, the save answers the conflict and writes nothing, and "Keep mine"
//! (saving again with their version as the base) lands; a change that only touched
//! `updated_at`, or this very edit landing earlier, is no conflict. Bulk jobs, single deletes
//! and publishes leave a training someone else changed since the editor's view as it is.

mod support;

use opencx::{Training, UpdateTraining};
use studio::{ErrorKind, JobRequest, MoveItem, SaveOutcome, TrainingDraft};
use support::{answered, fixture};

fn landed(outcome: SaveOutcome) -> Training {
    match outcome {
        SaveOutcome::Saved { training, .. } => training,
        other => panic!("not saved: {other:?}"),
    }
}

async fn live(f: &support::Fixture) -> Training {
    let data = f.studio.load_workspace().await.unwrap();
    data.trainings
        .into_iter()
        .find(|t| t.is_live() && !t.has_unpublished_changes())
        .unwrap()
}

#[tokio::test]
async fn someone_elses_change_is_a_conflict_and_keep_mine_lands() {
    let f = fixture("demo").await;
    let base = live(&f).await;
    let mut mine = TrainingDraft::from_training(&base);
    mine.content = "My words.\nKept.".into();
    f.studio
        .journal_write(&base.id, mine.clone(), Some(base.updated_at.to_rfc3339()))
        .await
        .unwrap();

    // Someone else saves a draft title while the editor types.
    let other = f.other_client();
    let mut body = UpdateTraining::from_training(&base);
    body.title = "Their title".into();
    body.is_draft = Some(true);
    let theirs = other.update_training(&base.id, &body).await.unwrap();
    let server_before = f.server(&base.id);

    f.sim.clear_requests();
    let outcome = f
        .studio
        .save_training(&base.id, &mine, true, base.clone())
        .await
        .unwrap();
    let SaveOutcome::Conflict { conflict } = outcome else {
        panic!("expected a conflict, got {outcome:?}");
    };
    assert!(
        f.requests().iter().all(|r| r.0 == "GET"),
        "nothing was written: {:?}",
        f.requests()
    );
    assert_eq!(f.server(&base.id), server_before);
    assert_eq!(conflict.training_id, base.id);
    assert_eq!(conflict.base, base);
    assert_eq!(conflict.theirs.shown_title(), "Their title");
    assert_eq!(conflict.theirs.updated_at, theirs.updated_at);
    assert_eq!(conflict.mine, mine);
    assert!(conflict.publish);
    let their_title = conflict
        .theirs_changes
        .changes
        .iter()
        .find(|c| c.field == studio::Field::Title)
        .unwrap();
    assert_eq!(
        (their_title.before.as_str(), their_title.after.as_str()),
        (base.title.as_str(), "Their title")
    );
    assert!(conflict
        .mine_changes
        .content_diff
        .iter()
        .any(|l| l.text == "My words."));
    // The journal still holds the edit.
    assert_eq!(f.studio.journal_list().await.unwrap().len(), 1);

    // Keep mine: the same save with their version as the base.
    let saved = landed(
        f.studio
            .save_training(&base.id, &mine, true, conflict.theirs.clone())
            .await
            .unwrap(),
    );
    assert_eq!(saved.content, "My words.\nKept.");
    assert_eq!(saved.title, base.title);
    assert!(saved.is_live());
    assert_eq!(f.server(&base.id).content, "My words.\nKept.");
    assert!(f.studio.journal_list().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_newer_version_with_the_same_fields_or_this_edit_already_there_is_no_conflict() {
    let f = fixture("demo").await;
    let base = live(&f).await;
    // Someone else "saves" without changing anything editable (a draft equal to the live text).
    let other = f.other_client();
    let mut body = UpdateTraining::from_training(&base);
    body.is_draft = Some(true);
    let touched = other.update_training(&base.id, &body).await.unwrap();
    assert_ne!(touched.updated_at, base.updated_at);
    let mut mine = TrainingDraft::from_training(&base);
    mine.title = "Mine".into();
    let saved = landed(
        f.studio
            .save_training(&base.id, &mine, false, base.clone())
            .await
            .unwrap(),
    );
    assert_eq!(saved.draft_title.as_deref(), Some("Mine"));

    // The same save again from the old base (its first answer was lost): already there.
    f.sim.clear_requests();
    let again = landed(
        f.studio
            .save_training(&base.id, &mine, false, base.clone())
            .await
            .unwrap(),
    );
    assert_eq!(again.updated_at, saved.updated_at);
    assert!(
        f.requests().iter().all(|r| r.0 == "GET"),
        "nothing sent twice"
    );
}

#[tokio::test]
async fn jobs_and_single_actions_leave_a_training_someone_else_changed() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let (a, b) = (data.trainings[0].clone(), data.trainings[1].clone());
    let seen: studio::Seen = [(a.id.clone(), a.updated_at), (b.id.clone(), b.updated_at)].into();
    // Someone else renames A after the editor's view was loaded.
    let mut body = UpdateTraining::from_training(&a);
    body.title = "Renamed elsewhere".into();
    body.is_draft = Some(true);
    f.other_client()
        .update_training(&a.id, &body)
        .await
        .unwrap();
    let theirs = f.server(&a.id);

    let items = [&a, &b]
        .iter()
        .map(|t| MoveItem {
            id: t.id.clone(),
            directory_id: Some("dir-guarded".into()),
        })
        .collect();
    let job = f
        .studio
        .start_job(JobRequest::Move { items }, seen.clone())
        .unwrap();
    let reports = f.finish(&job).await;
    let last = reports.last().unwrap();
    assert_eq!(last.failed.len(), 1, "{:?}", last.failed);
    let failure = &last.failed[0];
    assert_eq!(
        (failure.id.as_str(), failure.kind),
        (a.id.as_str(), ErrorKind::Conflict)
    );
    assert_eq!(
        failure.message,
        format!(
            "“{}” was changed on open.cx since you loaded it, so it was left as it is. Reload \
             to see the change, then try again.",
            a.shown_title()
        )
    );
    assert_eq!(f.server(&a.id), theirs, "nothing written");
    assert_eq!(f.server(&b.id).directory_id.as_deref(), Some("dir-guarded"));
    assert!(
        reports
            .iter()
            .flat_map(|r| &r.updated)
            .any(|t| t.id == a.id && t.updated_at == theirs.updated_at),
        "the view learns open.cx's version"
    );

    // Retry failed goes against the version open.cx had at the failure.
    let retry = f.studio.retry_failed(&job).unwrap();
    let last = f.finish(&retry).await.pop().unwrap();
    assert!(last.failed.is_empty(), "{:?}", last.failed);
    assert_eq!(f.server(&a.id).directory_id.as_deref(), Some("dir-guarded"));

    // A single delete and publish (jobs of one) with an old view: refused as a conflict, left
    // as it is; with the current one: done.
    let one = || vec![a.id.clone()];
    let seen_at = |at| -> studio::Seen { [(a.id.clone(), at)].into() };
    for request in [
        JobRequest::Publish { ids: one() },
        JobRequest::Delete { ids: one() },
    ] {
        let refused = f.job(request, seen_at(a.updated_at)).await;
        let failed = &refused.last().unwrap().failed;
        assert_eq!(failed.len(), 1, "{failed:?}");
        assert_eq!(failed[0].kind, ErrorKind::Conflict);
        assert!(refused.last().unwrap().queued.is_empty());
    }
    assert!(f.exists(&a.id));
    let now = f.server(&a.id).updated_at;
    let published = answered(
        &f.job(JobRequest::Publish { ids: one() }, seen_at(now))
            .await,
        &a.id,
    );
    assert!(published.is_live());
    let deleted = f
        .job(
            JobRequest::Delete { ids: one() },
            seen_at(published.updated_at),
        )
        .await;
    assert!(deleted.last().unwrap().failed.is_empty());
    assert!(!f.exists(&a.id));
    // Already gone counts as deleted.
    let again = f
        .job(
            JobRequest::Delete { ids: one() },
            seen_at(published.updated_at),
        )
        .await;
    assert!(again.last().unwrap().failed.is_empty());
}
