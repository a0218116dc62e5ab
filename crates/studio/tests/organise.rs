//! Organising one thing at a time against the in-process simulator: "+" creates a draft in a
//! directory; delete, publish and unpublish of one training (jobs of one); directories created, renamed and deleted on the
//! server (its trainings go to no directory); and without directory routes: local names kept
//! in settings across restarts, creating answers "unsupported" with the sentence.

mod support;

use opencx_sim::DEFAULT_FULL_TOKEN;
use studio::{
    ErrorKind, JobRequest, JobState, Seen, Studio, DERIVED_DIRECTORY, NEW_CONTENT, NEW_TITLE,
    NO_DIRECTORY_ROUTES,
};
use support::{answered, fixture};

#[tokio::test]
async fn plus_creates_a_draft_in_the_directory() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let dir = data.directories[0].id.clone();
    let t = f.studio.create_training(Some(dir.clone())).await.unwrap();
    assert_eq!(t.title, NEW_TITLE);
    assert_eq!(t.content, NEW_CONTENT);
    assert_eq!(t.directory_id.as_deref(), Some(dir.as_str()));
    assert!(t.is_draft && t.current_version.is_none());
    assert_eq!(t.training_type, opencx::TrainingType::ScenarioSpecific);
    assert!(t.metadata.contains_key(opencx::CLIENT_ID_KEY));
    let loose = f.studio.create_training(None).await.unwrap();
    assert_eq!(loose.directory_id, None);
    assert!(f.exists(&t.id) && f.exists(&loose.id));
}

#[tokio::test]
async fn delete_publish_and_unpublish_one_training() {
    let mut f = fixture("demo").await;
    let t = f.studio.create_training(None).await.unwrap();
    let one = || vec![t.id.clone()];
    let published = f.job(JobRequest::Publish { ids: one() }, Seen::new()).await;
    let live = answered(&published, &t.id);
    assert!(live.is_live());
    assert_eq!(live.current_version, Some(1));
    let last = published.last().unwrap();
    assert_eq!(
        (last.state, last.done, last.total),
        (JobState::Finished, 1, 1)
    );
    assert!(last.failed.is_empty() && last.queued.is_empty());
    // open.cx did what the publish promised: nothing to say.
    assert!(published.iter().all(|r| r.differences.is_empty()));
    let unpublished = f
        .job(JobRequest::Unpublish { ids: one() }, Seen::new())
        .await;
    let out = answered(&unpublished, &t.id);
    assert!(!out.is_live() && out.is_draft);
    assert_eq!(
        out.current_version,
        Some(1),
        "taking it out of use keeps the version"
    );
    let bodies: Vec<_> = f
        .requests()
        .into_iter()
        .filter(|r| r.1.ends_with("/draft"))
        .map(|r| r.2.unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            serde_json::json!({"is_draft": false}),
            serde_json::json!({"is_draft": true})
        ]
    );
    let deleted = f.job(JobRequest::Delete { ids: one() }, Seen::new()).await;
    assert_eq!(deleted[0].deleted, std::slice::from_ref(&t.id));
    assert!(!f.exists(&t.id));
    // Deleting again (someone else was faster) is not an error.
    let again = f.job(JobRequest::Delete { ids: one() }, Seen::new()).await;
    assert!(again.last().unwrap().failed.is_empty());
}

#[tokio::test]
async fn directories_are_created_renamed_and_deleted_on_the_server() {
    let f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();
    let err = f.studio.create_directory("   ").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let made = f.studio.create_directory(" Escalations ").await.unwrap();
    assert_eq!(made.name, "Escalations");
    assert!(!made.local_name_only);
    let renamed = f
        .studio
        .rename_directory(&made.id, "Urgent escalations")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Urgent escalations");
    assert!(!renamed.local_name_only);
    let inside = f
        .studio
        .create_training(Some(made.id.clone()))
        .await
        .unwrap();
    f.studio.delete_directory(&made.id).await.unwrap();
    assert_eq!(
        f.server(&inside.id).directory_id,
        None,
        "its trainings go to no directory"
    );
    let data = f.studio.load_workspace().await.unwrap();
    assert!(data.directories.iter().all(|d| d.id != made.id));
    let t = data.trainings.iter().find(|t| t.id == inside.id).unwrap();
    assert_eq!(t.directory_id, None);
}

#[tokio::test]
async fn without_directory_routes_names_are_local_and_creating_says_why_not() {
    let f = fixture("demo").await;
    f.sim.set_directories_enabled(false);
    let data = f.studio.load_workspace().await.unwrap();
    assert!(!data.directories_supported);
    let derived = data.directories[0].clone();
    assert!(derived.local_name_only);

    let err = f.studio.create_directory("Billing").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(err.message(), NO_DIRECTORY_ROUTES);
    assert_eq!(
        err.message(),
        "This open.cx workspace has no directory routes, so directories come from the \
         trainings themselves; you can rename them here."
    );

    f.sim.clear_requests();
    let named = f
        .studio
        .rename_directory(&derived.id, "Billing questions")
        .await
        .unwrap();
    assert_eq!(named.name, "Billing questions");
    assert!(named.local_name_only);
    assert!(
        f.requests().iter().all(|r| r.0 == "GET"),
        "a local name sends nothing to open.cx"
    );
    let err = f.studio.delete_directory(&derived.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(err.message(), DERIVED_DIRECTORY);

    let data = f.studio.load_workspace().await.unwrap();
    let shown = data
        .directories
        .iter()
        .find(|d| d.id == derived.id)
        .unwrap();
    assert_eq!(shown.name, "Billing questions");
    let settings = std::fs::read_to_string(f.dir.path().join("settings.json")).unwrap();
    assert!(settings.contains("Billing questions"));

    // Another app start on the same settings shows the same name.
    let again = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    again
        .sign_in("Support", &f.sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    let data = again.load_workspace().await.unwrap();
    let shown = data
        .directories
        .iter()
        .find(|d| d.id == derived.id)
        .unwrap();
    assert_eq!(shown.name, "Billing questions");
}
