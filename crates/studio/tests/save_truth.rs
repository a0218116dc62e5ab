//! Save draft tells the truth (issue 10, part 4) against a simulator that reads `is_draft`
//! literally: a draft saved over a live training comes back out of use, which differs from
//! what a workspace that learned "a draft waits beside the live version" promised, so the
//! difference is answered and kept in History; "Keep the live one, save as a separate draft"
//! leaves the live training on the server exactly as it was and adds a new draft beside it. A
//! save that waited in the outbox is compared the same way when it lands.

mod support;

use opencx::{Channel, Training};
use opencx_sim::{DraftMode, SimConfig, DEFAULT_FULL_TOKEN};
use studio::{MemoryStore, SaveOutcome, Studio, TrainingDraft};
use support::fixture_on;

const TAKEN_OUT_OF_USE: &str =
    "open.cx took this training out of use: the AI agent does not use it until it is published.";

fn demo(draft_mode: DraftMode) -> SimConfig {
    SimConfig {
        seed: "demo".parse().unwrap(),
        rate_limit_per_minute: 0,
        draft_mode,
        ..SimConfig::default()
    }
}

/// A workspace added while open.cx kept drafts beside the live version (so its check learned
/// that), on a simulator that keeps its state in a file so it can come back at the same address
/// reading `is_draft` literally.
struct ChangingServer {
    server: Option<opencx_sim::SimHandle>,
    addr: std::net::SocketAddr,
    state_file: std::path::PathBuf,
    studio: Studio,
    /// A live training with no pending draft, as loaded.
    live: Training,
    _dirs: [tempfile::TempDir; 2],
}

impl ChangingServer {
    async fn signed_in() -> Self {
        let state = tempfile::tempdir().unwrap();
        let state_file = state.path().join("open-cx.json");
        let fields = opencx_sim::spawn(SimConfig {
            state_file: Some(state_file.clone()),
            ..demo(DraftMode::Fields)
        })
        .await
        .unwrap();
        let data_dir = tempfile::tempdir().unwrap();
        let studio = Studio::new(data_dir.path(), Box::new(MemoryStore::new()));
        studio
            .sign_in("Support", &fields.base_url(), DEFAULT_FULL_TOKEN)
            .await
            .unwrap();
        let live = live_one(&studio.load_workspace().await.unwrap().trainings);
        ChangingServer {
            addr: fields.addr(),
            server: Some(fields),
            state_file,
            studio,
            live,
            _dirs: [state, data_dir],
        }
    }

    /// open.cx goes away (its state stays in the file).
    async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await;
        }
    }

    /// It comes back at the same address with the same trainings, reading `is_draft` literally.
    async fn come_back_literal(&self) -> opencx_sim::SimHandle {
        opencx_sim::spawn(SimConfig {
            addr: self.addr,
            state_file: Some(self.state_file.clone()),
            ..demo(DraftMode::Literal)
        })
        .await
        .unwrap()
    }
}

/// A live training with no pending draft text, in a directory.
fn live_one(trainings: &[Training]) -> Training {
    trainings
        .iter()
        .find(|t| t.is_live() && !t.has_unpublished_changes() && t.directory_id.is_some())
        .cloned()
        .expect("the demo has a live training in a directory")
}

#[tokio::test]
async fn a_draft_taken_out_of_use_against_the_promise_is_said_and_kept_in_history() {
    // The workspace is added while open.cx keeps drafts beside the live version…
    let mut changing = ChangingServer::signed_in().await;
    let t = changing.live.clone();
    // …and then reads `is_draft` literally, with the same trainings at the same address.
    changing.stop().await;
    let literal = changing.come_back_literal().await;

    let mut draft = TrainingDraft::from_training(&t);
    draft.content = format!("{}\nOne more careful line.", t.content);
    let outcome = changing
        .studio
        .save_training(&t.id, &draft, false, t.clone())
        .await
        .unwrap();
    let SaveOutcome::Saved {
        training,
        differences,
    } = outcome
    else {
        panic!("not saved: {outcome:?}");
    };
    assert!(!training.is_live(), "the literal server took it out of use");
    assert_eq!(differences, [TAKEN_OUT_OF_USE]);

    let versions = changing.studio.history_list(&t.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].differences, [TAKEN_OUT_OF_USE]);
    assert_eq!(
        versions[0].open_cx_version.map(u64::from),
        training.current_version
    );
    let kept = changing.studio.history_version(&t.id, 1).await.unwrap();
    assert_eq!(kept.differences, [TAKEN_OUT_OF_USE]);
    literal.shutdown().await;
}

#[tokio::test]
async fn a_queued_save_that_lands_out_of_use_keeps_the_difference_in_history() {
    let mut changing = ChangingServer::signed_in().await;
    let t = changing.live.clone();
    // open.cx goes away: the save waits in the outbox…
    changing.stop().await;
    let mut draft = TrainingDraft::from_training(&t);
    draft.content = "Written while open.cx was away.".into();
    let outcome = changing
        .studio
        .save_training(&t.id, &draft, false, t.clone())
        .await
        .unwrap();
    assert!(matches!(outcome, SaveOutcome::Queued { .. }), "{outcome:?}");
    // …and it comes back reading `is_draft` literally.
    let literal = changing.come_back_literal().await;
    let view = changing.studio.send_outbox().await.unwrap();
    assert_eq!(view.waiting, 0, "{view:?}");
    assert!(!view.landed[0].is_live());
    let versions = changing.studio.history_list(&t.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].differences, [TAKEN_OUT_OF_USE]);
    literal.shutdown().await;
}

#[tokio::test]
async fn a_separate_draft_leaves_the_live_training_exactly_as_it_was() {
    let f = fixture_on(demo(DraftMode::Literal), DEFAULT_FULL_TOKEN).await;
    let t = live_one(&f.studio.load_workspace().await.unwrap().trainings);
    let before = f
        .sim
        .trainings()
        .into_iter()
        .find(|s| s["id"] == t.id.as_str())
        .unwrap();
    let mut draft = TrainingDraft::from_training(&t);
    draft.content = "Offer a refund within 60 days.".into();
    draft.restricted_to_channels = vec![Channel::Email, Channel::Web];
    f.studio
        .journal_write(&t.id, draft.clone(), Some(t.updated_at.to_rfc3339()))
        .await
        .unwrap();
    f.sim.clear_requests();

    let written = f
        .studio
        .save_as_separate_draft(&t.id, &draft)
        .await
        .unwrap();

    // The live training: not one field changed, and nothing was sent to it but a read.
    let after = f
        .sim
        .trainings()
        .into_iter()
        .find(|s| s["id"] == t.id.as_str())
        .unwrap();
    assert_eq!(after, before);
    let live_path = format!("/training/{}", t.id);
    let writes: Vec<_> = f
        .requests()
        .into_iter()
        .filter(|(method, path, ..)| method != "GET" && path.starts_with(&live_path))
        .collect();
    assert!(writes.is_empty(), "{writes:?}");

    // The new draft: the form's text and settings, the live one's window, a draft copy's title.
    let created = f.server(&written.training.id);
    assert_ne!(created.id, t.id);
    assert_eq!(created.title, format!("{} (draft copy)", t.title));
    assert_eq!(created.content, draft.content);
    assert!(created.is_draft && !created.is_live());
    assert_eq!(created.training_type, t.training_type);
    assert_eq!(created.directory_id, t.directory_id);
    assert_eq!(
        created.restricted_to_channels,
        [Channel::Email, Channel::Web]
    );
    assert_eq!(created.restricted_to_segments, t.restricted_to_segments);
    assert_eq!(
        (created.start_time, created.end_time),
        (t.start_time, t.end_time)
    );
    assert!(written.differences.is_empty(), "{:?}", written.differences);

    // The edit of the live one left the journal; the new draft's first version is in History.
    assert!(f.studio.journal_list().await.unwrap().is_empty());
    let versions = f.studio.history_list(&created.id).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].title, created.title);
    assert!(f.studio.history_list(&t.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_refused_separate_draft_keeps_the_edit_in_the_journal() {
    let f = fixture_on(demo(DraftMode::Literal), DEFAULT_FULL_TOKEN).await;
    let t = live_one(&f.studio.load_workspace().await.unwrap().trainings);
    let mut draft = TrainingDraft::from_training(&t);
    draft.content = "Kept until open.cx takes it.".into();
    f.studio
        .journal_write(&t.id, draft.clone(), Some(t.updated_at.to_rfc3339()))
        .await
        .unwrap();
    draft.restricted_to_channels = vec![Channel::Other("telegram".into())];
    let count = f.sim.trainings().len();
    assert!(f
        .studio
        .save_as_separate_draft(&t.id, &draft)
        .await
        .is_err());
    assert_eq!(f.sim.trainings().len(), count);
    assert_eq!(f.studio.journal_list().await.unwrap().len(), 1);
}
