//! Find and replace against the in-process simulator's demo workspace: find "30 days", untick
//! one training, review, replace as drafts through the bulk job (a training someone else changed
//! meanwhile is left as it is, a conflict), then Undo puts every replaced training's text back.

mod support;

use opencx::UpdateTraining;
use studio::{ErrorKind, Exclusions, FindQuery, FindScope, JobRequest, JobState, ReplaceReview};
use support::fixture;

fn thirty_days() -> FindQuery {
    FindQuery {
        find: "30 days".into(),
        replacement: "45 days".into(),
        ..FindQuery::default()
    }
}

#[tokio::test]
async fn replace_as_drafts_then_undo_through_the_bulk_job() {
    let mut f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();
    let found = f
        .studio
        .find_text(thirty_days(), FindScope::Workspace)
        .await
        .unwrap();
    assert!(found.trainings.len() >= 4, "{found:?}");
    let unticked = found.trainings[0].id.clone();
    let changed_meanwhile = found.trainings[1].id.clone();
    let excluded = Exclusions {
        trainings: vec![unticked.clone()],
        matches: vec![],
    };
    let review: ReplaceReview = f
        .studio
        .review_replace(thirty_days(), FindScope::Workspace, excluded, false)
        .await
        .unwrap();
    assert_eq!(review.items.len(), found.trainings.len() - 1);
    assert!(review.items.iter().all(|i| i.id != unticked));
    assert!(review.items.iter().all(|i| !i.diff.is_empty()));
    let before_unticked = f.server(&unticked);
    let before: std::collections::HashMap<String, opencx::Training> = review
        .items
        .iter()
        .map(|i| (i.id.clone(), f.server(&i.id)))
        .collect();

    // Someone else edits one of them after the search.
    let theirs = f.server(&changed_meanwhile);
    let mut body = UpdateTraining::from_training(&theirs);
    body.content = format!("{}\nTheir line.", theirs.shown_content());
    body.is_draft = Some(true);
    f.other_client()
        .update_training(&changed_meanwhile, &body)
        .await
        .unwrap();

    let reports = f.job(review.request.clone(), review.seen.clone()).await;
    let last = reports.last().unwrap();
    assert_eq!(last.state, JobState::Finished);
    assert_eq!(last.failed.len(), 1, "{:?}", last.failed);
    assert_eq!(last.failed[0].id, changed_meanwhile);
    assert_eq!(last.failed[0].kind, ErrorKind::Conflict);
    assert!(f
        .server(&changed_meanwhile)
        .shown_content()
        .contains("Their line."));
    assert_eq!(
        f.server(&unticked),
        before_unticked,
        "an unticked training is not written"
    );
    for item in review.items.iter().filter(|i| i.id != changed_meanwhile) {
        let now = f.server(&item.id);
        assert!(
            !now.shown_content().contains("30 days") && now.shown_content().contains("45 days"),
            "{}",
            now.shown_content()
        );
        let was = &before[&item.id];
        assert_eq!(
            now.is_live(),
            was.is_live(),
            "a draft beside the live version"
        );
        if was.is_live() {
            assert_eq!(now.content, was.content, "the live text is as it was");
        }
    }

    // Undo: each replaced training's previous text, through the same job.
    let JobRequest::Replace { items, publish } = review.undo.clone() else {
        panic!("{:?}", review.undo);
    };
    let done: Vec<_> = items
        .into_iter()
        .filter(|i| i.id != changed_meanwhile)
        .collect();
    let seen = done
        .iter()
        .map(|i| (i.id.clone(), f.server(&i.id).updated_at))
        .collect();
    let undo = JobRequest::Replace {
        items: done.clone(),
        publish,
    };
    let last = f.job(undo, seen).await.pop().unwrap();
    assert!(last.failed.is_empty(), "{:?}", last.failed);
    for item in &done {
        let now = f.server(&item.id);
        assert_eq!(now.shown_content(), item.content);
        assert_eq!(now.shown_title(), item.title);
    }
    // Nothing left to find in the trainings undone but the unticked one's and theirs.
    let again = f
        .studio
        .find_text(thirty_days(), FindScope::Workspace)
        .await
        .unwrap();
    assert_eq!(again.trainings.len(), found.trainings.len());
}

#[tokio::test]
async fn replace_and_publish_puts_the_new_text_in_use() {
    let mut f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();
    let review = f
        .studio
        .review_replace(
            thirty_days(),
            FindScope::Workspace,
            Exclusions::default(),
            true,
        )
        .await
        .unwrap();
    assert!(review.lead.starts_with("Publishing"), "{}", review.lead);
    let last = f
        .job(review.request.clone(), review.seen.clone())
        .await
        .pop()
        .unwrap();
    assert!(last.failed.is_empty(), "{:?}", last.failed);
    for item in &review.items {
        let now = f.server(&item.id);
        assert!(now.is_live() && !now.has_unpublished_changes(), "{now:?}");
        assert!(!now.content.contains("30 days"));
    }
    let err = f
        .studio
        .find_text(
            FindQuery {
                regex: true,
                find: "(".into(),
                ..thirty_days()
            },
            FindScope::Workspace,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}
