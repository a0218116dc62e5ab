//! The outbox against the simulator with faults: saves made while open.cx is down wait in
//! order and land once each when it is back (two saves of one training in a row do not
//! conflict with each other); an entry someone else's change conflicts with is held without
//! blocking other trainings; a new start on the same data dir still has the outbox; a bulk move
//! that cannot reach open.cx is queued; dropped connections do not send anything twice;
//! discarding a waiting save gives its text back as an unsaved edit; a waiting save open.cx
//! refuses is held as failed with a sentence in the form's words; the shell's background
//! sends do not report the client's retry waits; a waiting move keeps a live training live on
//! a server that reads `is_draft` literally; a single publish made offline (a job of one) waits
//! like a bulk one and, once sent, is kept in History once.

mod support;

use std::sync::{Arc, Mutex};

use opencx::{Training, UpdateTraining};
use opencx_sim::{DraftMode, DropMode, Faults, Seed, SimConfig, DEFAULT_FULL_TOKEN};
use studio::{
    JobRequest, MoveItem, OutboxAction, OutboxState, OutboxView, SaveOutcome, Studio, TrainingDraft,
};
use support::{fixture, fixture_on};

fn down() -> Faults {
    Faults {
        down: true,
        ..Faults::default()
    }
}

fn edited(t: &Training, content: &str) -> TrainingDraft {
    let mut draft = TrainingDraft::from_training(t);
    draft.content = content.into();
    draft
}

async fn save(
    studio: &Studio,
    t: &Training,
    draft: &TrainingDraft,
    base: &Training,
) -> SaveOutcome {
    studio
        .save_training(&t.id, draft, false, base.clone())
        .await
        .unwrap()
}

/// The PUT requests the simulator handled, as (path, content sent).
fn puts(f: &support::Fixture) -> Vec<(String, String)> {
    f.requests()
        .into_iter()
        .filter(|r| r.0 == "PUT" && r.3 == Some(200))
        .map(|r| (r.1, r.2.unwrap()["content"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test]
async fn offline_saves_wait_in_order_survive_a_restart_and_land_once_each() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let (a, b) = (data.trainings[0].clone(), data.trainings[1].clone());
    let views = Arc::new(Mutex::new(Vec::<OutboxView>::new()));
    let seen = Arc::clone(&views);
    f.studio
        .set_outbox_hook(move |v| seen.lock().unwrap().push(v.clone()));

    f.sim.set_faults(down());
    let first = edited(&a, "A, written offline.");
    f.studio
        .journal_write(&a.id, first.clone(), None)
        .await
        .unwrap();
    assert_eq!(
        save(&f.studio, &a, &first, &a).await,
        SaveOutcome::Queued { waiting: 1 }
    );
    assert!(
        f.studio.journal_list().await.unwrap().is_empty(),
        "the outbox holds the text now"
    );
    let second = edited(&b, "B, written offline.");
    assert_eq!(
        save(&f.studio, &b, &second, &b).await,
        SaveOutcome::Queued { waiting: 2 }
    );
    // A second save of A from the same base, still offline: it waits behind the first.
    let again = edited(&a, "A, written offline, then more.");
    assert_eq!(
        save(&f.studio, &a, &again, &a).await,
        SaveOutcome::Queued { waiting: 3 }
    );
    assert_eq!(views.lock().unwrap().last().unwrap().waiting, 3);

    // Still down: a send stops at once and keeps everything.
    let view = f.studio.send_outbox().await.unwrap();
    assert_eq!(view.waiting, 3);
    assert!(view.landed.is_empty());
    assert!(view.entries.iter().all(|e| e.state == OutboxState::Waiting));

    // The next start on the same data dir has the outbox; open.cx is back.
    let restarted = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    restarted.resume_session().await.unwrap().unwrap();
    let titles: Vec<String> = restarted
        .outbox_list()
        .await
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles, [a.shown_title(), b.shown_title(), a.shown_title()]);
    f.sim.set_faults(Faults::default());
    f.sim.clear_requests();
    let view = restarted.send_outbox().await.unwrap();
    assert_eq!(view.waiting, 0, "{view:?}");
    assert_eq!(view.landed.len(), 3);
    assert_eq!(
        puts(&f),
        [
            (format!("/training/{}", a.id), first.content.clone()),
            (format!("/training/{}", b.id), second.content.clone()),
            (format!("/training/{}", a.id), again.content.clone()),
        ]
    );
    assert_eq!(
        f.server(&a.id).draft_content.as_deref(),
        Some(again.content.as_str())
    );
    assert_eq!(
        f.server(&b.id).draft_content.as_deref(),
        Some(second.content.as_str())
    );
    // Each landing is in the history.
    assert_eq!(restarted.history_list(&a.id).await.unwrap().len(), 2);
    // Sending again sends nothing.
    f.sim.clear_requests();
    assert_eq!(restarted.send_outbox().await.unwrap().waiting, 0);
    assert!(f.requests().is_empty());
}

#[tokio::test]
async fn a_conflicting_entry_is_held_and_does_not_block_other_trainings() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let (a, b) = (data.trainings[0].clone(), data.trainings[1].clone());
    f.sim.set_faults(down());
    let mine = edited(&a, "Mine, offline.");
    save(&f.studio, &a, &mine, &a).await;
    let later = edited(&a, "Mine, offline, later.");
    save(&f.studio, &a, &later, &a).await;
    save(&f.studio, &b, &edited(&b, "B offline."), &b).await;
    f.sim.set_faults(Faults::default());

    // Someone else changes A meanwhile.
    let mut body = UpdateTraining::from_training(&a);
    body.title = "Their title".into();
    body.is_draft = Some(true);
    f.other_client()
        .update_training(&a.id, &body)
        .await
        .unwrap();
    let theirs = f.server(&a.id);

    let view = f.studio.send_outbox().await.unwrap();
    assert_eq!(view.landed.len(), 1);
    assert_eq!(view.landed[0].id, b.id);
    assert_eq!(view.waiting, 2);
    assert_eq!(view.entries[0].state, OutboxState::Conflict);
    let message = view.entries[0].message.as_deref().unwrap();
    assert!(message.contains("was changed on open.cx"), "{message}");
    assert_eq!(
        view.entries[1].state,
        OutboxState::Waiting,
        "held behind it"
    );
    assert_eq!(f.server(&a.id), theirs, "nothing overwrote their change");

    // Discarding the held save gives its text back as an unsaved edit.
    let view = f.studio.outbox_discard(&view.entries[0].id).await.unwrap();
    assert_eq!(view.waiting, 1);
    let recovered = f.studio.journal_list().await.unwrap();
    assert_eq!(recovered.len(), 1);
    assert_eq!(recovered[0].draft, mine);
    assert_eq!(
        recovered[0].base_updated_at.as_deref(),
        Some(
            serde_json::to_value(a.updated_at)
                .unwrap()
                .as_str()
                .unwrap()
        )
    );
    // The later save of A is no longer behind anything; it meets their change too.
    let view = f.studio.send_outbox().await.unwrap();
    assert_eq!(view.entries[0].state, OutboxState::Conflict);
    assert!(f.studio.outbox_discard("no-such-entry").await.is_err());
}

#[tokio::test]
async fn a_waiting_save_open_cx_refuses_is_failed_with_a_sentence_in_the_form_words() {
    let f = fixture("demo").await;
    let t = f.studio.load_workspace().await.unwrap().trainings[0].clone();
    f.sim.set_faults(down());
    let mut draft = edited(&t, "Offline, and on WhatsApp too.");
    draft.restricted_to_channels = vec![opencx::Channel::Whatsapp];
    save(&f.studio, &t, &draft, &t).await;
    f.sim.set_faults(Faults::default());
    f.sim.set_refused_channels(vec!["whatsapp".into()]);

    let view = f.studio.send_outbox().await.unwrap();
    assert!(view.landed.is_empty());
    assert_eq!(view.entries[0].state, OutboxState::Failed);
    assert_eq!(
        view.entries[0].message.as_deref(),
        Some("open.cx does not accept the channel “WhatsApp”. Untick it, then save again.")
    );
    assert_eq!(f.server(&t.id), t, "nothing was written");
}

/// Takes open.cx down, then starts a job moving training `id` to directory "dir-later".
fn move_while_open_cx_is_down(f: &support::Fixture, id: &str) -> studio::JobId {
    f.sim.set_faults(down());
    f.studio
        .start_job(
            JobRequest::Move {
                items: vec![MoveItem {
                    id: id.to_owned(),
                    directory_id: Some("dir-later".into()),
                }],
            },
            Default::default(),
        )
        .unwrap()
}

#[tokio::test]
async fn a_bulk_move_that_cannot_reach_open_cx_is_queued_and_sent_later() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data.trainings[0].clone();
    let job = move_while_open_cx_is_down(&f, &t.id);
    let last = f.finish(&job).await.pop().unwrap();
    assert_eq!(last.queued, std::slice::from_ref(&t.id));
    assert!(last.failed.is_empty());
    let view = f.studio.outbox_list().await.unwrap();
    assert!(matches!(
        view.entries[0].action,
        OutboxAction::Move { ref directory_id, .. } if directory_id.as_deref() == Some("dir-later")
    ));
    f.sim.set_faults(Faults::default());
    let view = f.studio.send_outbox().await.unwrap();
    assert_eq!(view.waiting, 0);
    assert_eq!(f.server(&t.id).directory_id.as_deref(), Some("dir-later"));
}

#[tokio::test]
async fn a_single_publish_offline_waits_in_the_outbox_and_is_kept_in_history_once_sent() {
    let mut f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data
        .trainings
        .iter()
        .find(|t| t.is_draft && t.current_version.is_none())
        .cloned()
        .expect("the demo has a never-published draft");
    f.sim.set_faults(down());
    let seen = [(t.id.clone(), t.updated_at)].into();
    let publish = JobRequest::Publish {
        ids: vec![t.id.clone()],
    };
    let last = f.job(publish, seen).await.pop().unwrap();
    assert_eq!(last.queued, std::slice::from_ref(&t.id));
    assert!(last.failed.is_empty(), "{:?}", last.failed);
    let view = f.studio.outbox_list().await.unwrap();
    assert_eq!(view.waiting, 1);
    assert!(matches!(
        view.entries[0].action,
        OutboxAction::SetPublished { published: true, base_updated_at } if base_updated_at == t.updated_at
    ));
    assert_eq!(view.entries[0].title, t.shown_title());
    assert!(
        f.studio.history_list(&t.id).await.unwrap().is_empty(),
        "nothing is kept before open.cx has it"
    );

    f.sim.set_faults(Faults::default());
    let sent = f.studio.send_outbox().await.unwrap();
    assert_eq!(sent.waiting, 0);
    assert!(f.server(&t.id).is_live());
    // Sending again (and a background send) finds nothing: the version is kept once.
    assert_eq!(f.studio.send_outbox().await.unwrap().waiting, 0);
    let kept = f.studio.history_list(&t.id).await.unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].publish);
    assert!(kept[0].differences.is_empty(), "{:?}", kept[0].differences);
}

/// The outbox builds a waiting move's body the way a job does, from the workspace's rules: on
/// a server that reads `is_draft` literally a live training moved later is still live, with
/// nothing changed but its directory.
#[tokio::test]
async fn a_queued_move_on_a_literal_server_keeps_a_live_training_live() {
    let config = SimConfig {
        seed: Seed::Demo,
        rate_limit_per_minute: 0,
        draft_mode: DraftMode::Literal,
        ..SimConfig::default()
    };
    let mut f = fixture_on(config, DEFAULT_FULL_TOKEN).await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data.trainings.iter().find(|t| t.is_live()).unwrap().clone();
    let before = f.server(&t.id);
    let job = move_while_open_cx_is_down(&f, &t.id);
    assert_eq!(
        f.finish(&job).await.pop().unwrap().queued,
        std::slice::from_ref(&t.id)
    );
    f.sim.set_faults(Faults::default());
    f.sim.clear_requests();
    assert_eq!(f.studio.send_outbox().await.unwrap().waiting, 0);
    let sent = f
        .requests()
        .into_iter()
        .find(|r| r.0 == "PUT")
        .and_then(|r| r.2)
        .unwrap();
    assert!(sent.get("is_draft").is_none(), "{sent}");
    let mut after = f.server(&t.id);
    assert!(after.is_live());
    assert_eq!(after.directory_id.as_deref(), Some("dir-later"));
    after.directory_id.clone_from(&before.directory_id);
    after.updated_at = before.updated_at;
    assert_eq!(after, before);
}

#[tokio::test]
async fn dropped_connections_send_nothing_twice() {
    let f = fixture("demo").await;
    let data = f.studio.load_workspace().await.unwrap();
    let t = data.trainings[0].clone();
    // Every request's connection closes after it is handled, before the answer: the save's
    // read gives up after the client's retries and the save waits; the send lands it once.
    f.sim.set_faults(Faults {
        drop_connection: DropMode::After(100),
        ..Faults::default()
    });
    let draft = edited(&t, "Sent, answer lost.");
    let outcome = save(&f.studio, &t, &draft, &t).await;
    assert!(matches!(outcome, SaveOutcome::Queued { .. }), "{outcome:?}");
    f.sim.set_faults(Faults::default());
    let view = f.studio.send_outbox().await.unwrap();
    assert_eq!(view.waiting, 0, "{view:?}");
    assert_eq!(
        f.server(&t.id).draft_content.as_deref(),
        Some("Sent, answer lost.")
    );
    assert_eq!(f.server(&t.id).current_version, t.current_version);
}

#[tokio::test]
async fn a_background_send_does_not_report_retry_waits() {
    let f = fixture("demo").await;
    let waits = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&waits);
    // Told to clients opened from now on: the next start.
    let studio = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    studio.set_retry_hook(move |_, _| *counted.lock().unwrap() += 1);
    studio.resume_session().await.unwrap().unwrap();
    let t = studio.load_workspace().await.unwrap().trainings[0].clone();
    f.sim.set_faults(down());
    save(&studio, &t, &edited(&t, "Offline."), &t).await;
    let told = *waits.lock().unwrap();
    assert!(told > 0, "the editor's own save reports its waits");
    let view = studio.send_outbox_in_background().await.unwrap();
    assert_eq!(view.waiting, 1);
    assert_eq!(*waits.lock().unwrap(), told, "the background send is quiet");
    studio.send_outbox().await.unwrap();
    assert!(
        *waits.lock().unwrap() > told,
        "a send the editor asked for is not"
    );
}
