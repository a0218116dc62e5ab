//! Moves and visibility changes against the in-process simulator: several at once, the body
//! built from a fresh read (someone else's newer edit survives, also one made while the job
//! runs), and, in every draft/publish state on each kind of server, the server's copy equal
//! to the one before but for the change and the one trace the API cannot avoid.

mod support;

use chrono::{SubsecRound, Utc};
use opencx::{Channel, Client, CreateTraining, Training, UpdateTraining};
use opencx_sim::{
    DraftMode, OmittedFields, Seed, SimConfig, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN,
};
use studio::secrets::SecretStore;
use studio::{JobKind, JobRequest, JobState, MoveItem};
use support::{fixture, fixture_on, Fixture};

fn move_all(ids: &[&str], to: Option<&str>) -> JobRequest {
    JobRequest::Move {
        items: ids
            .iter()
            .map(|id| MoveItem {
                id: (*id).to_owned(),
                directory_id: to.map(str::to_owned),
            })
            .collect(),
    }
}

fn put_bodies(f: &Fixture) -> Vec<serde_json::Value> {
    f.requests()
        .into_iter()
        .filter(|(m, p, _, _)| m == "PUT" && p.starts_with("/training/"))
        .filter_map(|(_, _, b, _)| b)
        .collect()
}

#[tokio::test]
async fn a_move_of_several_reads_each_fresh_then_puts_it_in_the_directory() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let target = data.directories[0].id.clone();
    let ids: Vec<&str> = data
        .trainings
        .iter()
        .filter(|t| t.directory_id.as_deref() != Some(&target))
        .take(5)
        .map(|t| t.id.as_str())
        .collect();
    f.sim.clear_requests();
    let job = f
        .studio
        .start_job(move_all(&ids, Some(&target)), Default::default())
        .unwrap();
    let reports = f.finish(&job).await;
    let last = reports.last().unwrap();
    assert_eq!(last.state, JobState::Finished);
    assert_eq!(last.kind, JobKind::Move);
    assert_eq!((last.total, last.done), (5, 5));
    assert!(last.failed.is_empty());
    assert_eq!(reports.len(), 6, "one report per item and one at the end");
    for (i, r) in reports[..5].iter().enumerate() {
        assert_eq!(r.done as usize, i + 1);
        assert_eq!(r.updated.len(), 1);
        assert_eq!(r.updated[0].id, ids[i]);
        assert_eq!(r.updated[0].directory_id.as_deref(), Some(target.as_str()));
        assert!(r.seconds_left.is_some());
    }
    assert_eq!(reports[4].seconds_left, Some(0));
    for id in &ids {
        assert_eq!(f.server(id).directory_id.as_deref(), Some(target.as_str()));
    }
    // Each item: GET, then PUT of the same training, in that order.
    let log = f.requests();
    assert_eq!(log.len(), 10, "{log:?}");
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(log[2 * i].0, "GET");
        assert_eq!(log[2 * i].1, format!("/training/{id}"));
        assert_eq!(log[2 * i + 1].0, "PUT");
        assert_eq!(log[2 * i + 1].1, format!("/training/{id}"));
    }
    // Each PUT kept the state the training had: a draft stays one, a live one stays live.
    for id in &ids {
        let before = data.trainings.iter().find(|t| t.id == *id).unwrap();
        assert_eq!(f.server(id).is_live(), before.is_live());
        assert_eq!(f.server(id).shown_content(), before.shown_content());
    }
    // A second move to the same place changes nothing and sends no PUT.
    f.sim.clear_requests();
    let again = f
        .studio
        .start_job(move_all(&ids, Some(&target)), Default::default())
        .unwrap();
    assert!(f.finish(&again).await.last().unwrap().failed.is_empty());
    assert!(put_bodies(&f).is_empty());
}

/// A state a training can be in, how to make it through someone else's client, and which
/// fields a move or visibility change may change besides `directory_id`/`updated_at` (or the
/// channels and segments) on a server of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Live,
    LiveWithDraft,
    /// A draft that only copies the live text, as moves by earlier versions left behind.
    LiveWithCopiedDraft,
    OutOfUseWithDraft,
    OutOfUse,
    NeverPublished,
}

/// What may differ after the change besides `directory_id`/`updated_at` (and the channels and
/// segments of a visibility change).
#[derive(Debug, PartialEq, Eq)]
enum Trace {
    /// Nothing at all.
    None,
    /// Published again with the same text: `current_version` + 1 and a new `published_at`
    /// (and a copied draft is gone).
    PublishedAgain,
    /// A copy of the live text left as `draft_title`/`draft_content`.
    CopiedDraft,
}

impl State {
    /// The states a server of each kind can hold: a "literal" one has no `draft_*`.
    fn all(literal: bool) -> Vec<State> {
        if literal {
            vec![State::Live, State::OutOfUse, State::NeverPublished]
        } else {
            vec![
                State::Live,
                State::LiveWithDraft,
                State::LiveWithCopiedDraft,
                State::OutOfUseWithDraft,
                State::OutOfUse,
                State::NeverPublished,
            ]
        }
    }

    /// The one trace the API leaves no way to avoid (moves.rs): on a "fields" server a live
    /// training without its own draft is published again (a "literal" server keeps the state
    /// when `is_draft` is left out), and one out of use without a draft gets its live text
    /// as a draft.
    fn trace(self, literal: bool) -> Trace {
        match (self, literal) {
            (_, true) => Trace::None,
            (State::Live | State::LiveWithCopiedDraft, false) => Trace::PublishedAgain,
            (State::OutOfUse, false) => Trace::CopiedDraft,
            _ => Trace::None,
        }
    }

    async fn make(self, other: &Client, n: usize) -> Training {
        let title = format!("{self:?} {n}");
        let now = Utc::now().trunc_subsecs(0);
        let create = CreateTraining {
            is_draft: self == State::NeverPublished,
            restricted_to_channels: vec![Channel::Email],
            restricted_to_segments: vec!["seg-1".into()],
            metadata: serde_json::json!({"owner": "billing"})
                .as_object()
                .unwrap()
                .clone(),
            start_time: Some(now - chrono::Duration::days(1)),
            end_time: Some(now + chrono::Duration::days(30)),
            ..CreateTraining::new(&title, format!("{title}: the live words."))
        };
        let t = other.create_training(&create).await.unwrap();
        let draft_edit = |t: &Training, copy: bool| UpdateTraining {
            title: if copy {
                t.title.clone()
            } else {
                format!("{} (draft)", t.title)
            },
            content: if copy {
                t.content.clone()
            } else {
                "Unpublished words.".into()
            },
            is_draft: Some(true),
            ..UpdateTraining::from_training(t)
        };
        let t = match self {
            State::LiveWithDraft | State::OutOfUseWithDraft => other
                .update_training(&t.id, &draft_edit(&t, false))
                .await
                .unwrap(),
            State::LiveWithCopiedDraft => other
                .update_training(&t.id, &draft_edit(&t, true))
                .await
                .unwrap(),
            _ => t,
        };
        match self {
            State::OutOfUse | State::OutOfUseWithDraft => {
                other.set_draft(&t.id, true).await.unwrap()
            }
            _ => t,
        }
    }
}

/// The server's copy as JSON without the fields named.
fn without(t: &Training, fields: &[&str]) -> serde_json::Map<String, serde_json::Value> {
    let mut json = serde_json::to_value(t)
        .unwrap()
        .as_object()
        .unwrap()
        .clone();
    for field in fields {
        json.remove(*field);
    }
    json
}

/// Asserts that `after` equals `before` in every field but `changed` and the trace allowed.
fn assert_only(before: &Training, after: &Training, changed: &[&str], trace: &Trace, what: &str) {
    let mut skip = changed.to_vec();
    skip.push("updated_at");
    match trace {
        Trace::None => {}
        Trace::PublishedAgain => {
            assert_eq!(
                after.current_version,
                before.current_version.map(|v| v + 1),
                "{what}"
            );
            assert!(after.published_at > before.published_at, "{what}");
            assert_eq!(
                (&after.draft_title, &after.draft_content),
                (&None, &None),
                "{what}"
            );
            skip.extend([
                "current_version",
                "published_at",
                "draft_title",
                "draft_content",
            ]);
        }
        Trace::CopiedDraft => {
            assert_eq!(
                after.draft_title.as_deref(),
                Some(before.title.as_str()),
                "{what}"
            );
            assert_eq!(
                after.draft_content.as_deref(),
                Some(before.content.as_str()),
                "{what}"
            );
            skip.extend(["draft_title", "draft_content"]);
        }
    }
    assert_eq!(without(after, &skip), without(before, &skip), "{what}");
    assert_eq!(after.is_live(), before.is_live(), "{what}");
}

/// A move and then a visibility change of a training in each state, on a server started with
/// `config`, leave its copy equal to the one before but for what was changed and the trace
/// the state allows on that kind of server.
async fn moves_and_visibility_leave_no_trace(config: SimConfig, literal: bool) {
    let mut f = fixture_on(config, DEFAULT_FULL_TOKEN).await;
    let other = f.other_client();
    let states = State::all(literal);
    let mut made = Vec::new();
    for (n, state) in states.iter().enumerate() {
        made.push((*state, state.make(&other, n).await));
    }
    let ids: Vec<&str> = made.iter().map(|(_, t)| t.id.as_str()).collect();
    f.studio.load_workspace().await.unwrap();
    let what = |state: &State, change: &str| format!("{state:?}, {change}, literal: {literal}");

    let before: Vec<Training> = ids.iter().map(|id| f.server(id)).collect();
    let job = f
        .studio
        .start_job(move_all(&ids, Some("dir-new")), Default::default())
        .unwrap();
    let reports = f.finish(&job).await;
    assert!(reports.last().unwrap().failed.is_empty());
    for ((state, _), before) in made.iter().zip(&before) {
        let after = f.server(&before.id);
        assert_eq!(after.directory_id.as_deref(), Some("dir-new"));
        let trace = state.trace(literal);
        assert_only(
            before,
            &after,
            &["directory_id"],
            &trace,
            &what(state, "move"),
        );
    }

    let before: Vec<Training> = ids.iter().map(|id| f.server(id)).collect();
    let job = f
        .studio
        .start_job(
            JobRequest::SetVisibility {
                ids: ids.iter().map(|id| (*id).to_owned()).collect(),
                channels: vec![Channel::Sms],
                segments: vec!["seg-2".into()],
            },
            Default::default(),
        )
        .unwrap();
    assert!(f.finish(&job).await.last().unwrap().failed.is_empty());
    for ((state, _), before) in made.iter().zip(&before) {
        let after = f.server(&before.id);
        assert_eq!(after.restricted_to_channels, [Channel::Sms]);
        assert_eq!(after.restricted_to_segments, ["seg-2"]);
        // The copy a move left on a training out of use is now already there.
        let trace = match state.trace(literal) {
            Trace::CopiedDraft => Trace::None,
            trace => trace,
        };
        let changed = ["restricted_to_channels", "restricted_to_segments"];
        assert_only(before, &after, &changed, &trace, &what(state, "visibility"));
    }
}

/// A simulator that reads `is_draft` the `mode` way and does `omitted` with omitted fields.
fn server(mode: DraftMode, omitted: OmittedFields) -> SimConfig {
    SimConfig {
        seed: Seed::Empty,
        rate_limit_per_minute: 0,
        draft_mode: mode,
        omitted_fields: omitted,
        ..SimConfig::default()
    }
}

#[tokio::test]
async fn on_a_fields_server_nothing_in_use_changes_and_only_the_unavoidable_trace_differs() {
    moves_and_visibility_leave_no_trace(server(DraftMode::Fields, OmittedFields::Kept), false)
        .await;
}

#[tokio::test]
async fn on_a_fields_server_that_clears_omitted_fields_they_are_kept_too() {
    moves_and_visibility_leave_no_trace(server(DraftMode::Fields, OmittedFields::Cleared), false)
        .await;
}

#[tokio::test]
async fn on_a_literal_server_a_move_changes_nothing_but_the_directory() {
    moves_and_visibility_leave_no_trace(server(DraftMode::Literal, OmittedFields::Kept), true)
        .await;
}

#[tokio::test]
async fn on_a_literal_server_that_clears_omitted_fields_they_are_kept_too() {
    moves_and_visibility_leave_no_trace(server(DraftMode::Literal, OmittedFields::Cleared), true)
        .await;
}

/// Before any finished check (here: a key that may read but not write makes the check fail;
/// then the workspace gets a full key for the moves) a live training is never taken out of use on
/// a literal server: the safest body publishes the same text, which such a server treats as
/// no change at all.
#[tokio::test]
async fn without_a_finished_check_a_literal_server_still_keeps_a_live_training_live() {
    let config = server(DraftMode::Literal, OmittedFields::Cleared);
    let mut f = fixture_on(config, DEFAULT_READ_TOKEN).await;
    assert!(f.studio.draft_rules().unwrap().problem.is_some());
    let other = f.other_client();
    let live = State::Live.make(&other, 0).await;
    // The same workspace, now with a key that may write; its rules are still the failed ones.
    f.keys
        .set(
            &f.studio.list_workspaces().unwrap().workspaces[0].id,
            &opencx::ApiToken::new(DEFAULT_FULL_TOKEN),
        )
        .unwrap();
    let studio = studio::Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    let (tx, mut events) = tokio::sync::mpsc::unbounded_channel();
    studio.set_job_hook(move |p| {
        let _ = tx.send(p.clone());
    });
    studio.resume_session().await.unwrap().expect("resumed");
    assert!(studio.draft_rules().unwrap().problem.is_some());
    f.sim.clear_requests();
    let job = studio
        .start_job(move_all(&[&live.id], Some("dir-new")), Default::default())
        .unwrap();
    loop {
        let p = events.recv().await.unwrap();
        if p.job_id == job && p.state != JobState::Running {
            assert!(p.failed.is_empty(), "{:?}", p.failed);
            break;
        }
    }
    assert_eq!(put_bodies(&f)[0]["is_draft"], false);
    let after = f.server(&live.id);
    assert_eq!(after.directory_id.as_deref(), Some("dir-new"));
    assert_only(
        &live,
        &after,
        &["directory_id"],
        &Trace::None,
        "unchecked literal",
    );
    f.events.close();
}

#[tokio::test]
async fn someone_elses_edit_made_before_the_read_survives_the_move() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data
        .trainings
        .iter()
        .find(|t| t.is_live() && !t.has_unpublished_changes())
        .unwrap()
        .clone();
    // The studio's cache now holds the old copy; someone else edits the training.
    let other = f.other_client();
    let fresh = other.get_training(&t.id).await.unwrap();
    let edited = other
        .update_training(
            &t.id,
            &UpdateTraining {
                title: "Their newer title".into(),
                content: "Their newer words.".into(),
                is_draft: Some(true),
                restricted_to_channels: vec![Channel::Whatsapp],
                restricted_to_segments: vec!["their-segment".into()],
                ..UpdateTraining::from_training(&fresh)
            },
        )
        .await
        .unwrap();
    let job = f
        .studio
        .start_job(move_all(&[&t.id], Some("dir-x")), Default::default())
        .unwrap();
    assert!(f.finish(&job).await.last().unwrap().failed.is_empty());
    let after = f.server(&t.id);
    assert_eq!(after.directory_id.as_deref(), Some("dir-x"));
    assert_eq!(after.draft_title.as_deref(), Some("Their newer title"));
    assert_eq!(after.draft_content.as_deref(), Some("Their newer words."));
    assert_eq!(after.title, edited.title, "still the live text");
    assert_eq!(after.restricted_to_channels, [Channel::Whatsapp]);
    assert_eq!(after.restricted_to_segments, ["their-segment"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_made_while_the_job_runs_survives_when_its_item_comes() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let ids: Vec<String> = data.trainings[..2].iter().map(|t| t.id.clone()).collect();
    let second = ids[1].clone();
    let other = f.other_client();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    // Right after the first item, before the second is read, someone else edits the second.
    f.studio.set_job_hook(move |p| {
        if p.done == 1 && p.state == JobState::Running {
            tokio::task::block_in_place(|| {
                tokio::runtime::Handle::current().block_on(async {
                    let t = other.get_training(&second).await.unwrap();
                    let body = UpdateTraining {
                        content: "Written while the move was running.".into(),
                        is_draft: Some(true),
                        restricted_to_channels: vec![Channel::Slack],
                        ..UpdateTraining::from_training(&t)
                    };
                    other.update_training(&second, &body).await.unwrap();
                })
            });
        }
        let _ = tx.send(p.clone());
    });
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let job = f
        .studio
        .start_job(move_all(&refs, None), Default::default())
        .unwrap();
    loop {
        let p = rx.recv().await.unwrap();
        if p.job_id == job && p.state != JobState::Running {
            assert!(p.failed.is_empty());
            break;
        }
    }
    let after = f.server(&ids[1]);
    assert_eq!(after.directory_id, None);
    assert_eq!(
        after.draft_content.as_deref(),
        Some("Written while the move was running.")
    );
    assert_eq!(after.restricted_to_channels, [Channel::Slack]);
}

#[tokio::test]
async fn set_visibility_changes_only_channels_and_segments() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let picked: Vec<Training> = data.trainings[..3].to_vec();
    let segment = data.segments[0].id.clone();
    let job = f
        .studio
        .start_job(
            JobRequest::SetVisibility {
                ids: picked.iter().map(|t| t.id.clone()).collect(),
                channels: vec![Channel::Web, Channel::Email],
                segments: vec![segment.clone()],
            },
            Default::default(),
        )
        .unwrap();
    let last = f.finish(&job).await.pop().unwrap();
    assert_eq!(last.kind, JobKind::SetVisibility);
    assert_eq!((last.done, last.state), (3, JobState::Finished));
    for before in &picked {
        let after = f.server(&before.id);
        assert_eq!(after.restricted_to_channels, [Channel::Web, Channel::Email]);
        assert_eq!(after.restricted_to_segments, std::slice::from_ref(&segment));
        assert_eq!(after.directory_id, before.directory_id);
        assert_eq!(after.title, before.title);
        assert_eq!(after.is_live(), before.is_live());
        assert_eq!(after.shown_content(), before.shown_content());
    }
}
