//! "Try it on open.cx" through the `Studio` service against a real in-process opencx-sim over
//! loopback HTTP, in both documented answers of `send`: nothing is sent before the editor
//! agrees, the agreement is kept per workspace (across restarts, gone with the workspace), the
//! try goes out as the workspace's test contact, and the scanned instructions come back as the
//! workspace's trainings.

use opencx::Channel;
use opencx_sim::{seed, ChatAnswer, SimConfig, SimHandle, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN};
use studio::chat_try::{test_contact, TEST_CONTACT_NAME};
use studio::{ErrorKind, MemoryStore, Studio, TryQuestion};

async fn sim(shape: ChatAnswer) -> SimHandle {
    opencx_sim::spawn(SimConfig {
        seed: "demo".parse().unwrap(),
        rate_limit_per_minute: 0,
        chat_answer: shape,
        ..SimConfig::default()
    })
    .await
    .unwrap()
}

struct Fixture {
    sim: SimHandle,
    keys: MemoryStore,
    dir: tempfile::TempDir,
    studio: Studio,
    workspace_id: String,
}

async fn signed_in(shape: ChatAnswer, key: &str) -> Fixture {
    let sim = sim(shape).await;
    let keys = MemoryStore::new();
    let dir = tempfile::tempdir().unwrap();
    let studio = Studio::new(dir.path(), Box::new(keys.clone()));
    let workspace = studio
        .sign_in("Support", &sim.base_url(), key)
        .await
        .unwrap();
    studio.load_workspace().await.unwrap();
    sim.clear_requests();
    Fixture {
        sim,
        keys,
        dir,
        studio,
        workspace_id: workspace.id,
    }
}

fn question(message: &str) -> TryQuestion {
    TryQuestion {
        message: message.into(),
        channel: Channel::Api,
        contact: None,
    }
}

fn chat_requests(sim: &SimHandle) -> Vec<opencx_sim::RecordedRequest> {
    sim.requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/chat/"))
        .collect()
}

#[tokio::test]
async fn nothing_is_sent_before_the_editor_agrees_and_the_agreement_is_kept_per_workspace() {
    let f = signed_in(ChatAnswer::InResponse, DEFAULT_FULL_TOKEN).await;
    assert!(!f.studio.chat_consent().unwrap());
    let refused = f
        .studio
        .try_on_opencx(question("Where is my order?"), false)
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert!(
        refused.message().contains("real conversation"),
        "{}",
        refused.message()
    );
    assert!(chat_requests(&f.sim).is_empty(), "nothing was sent");

    let answer = f
        .studio
        .try_on_opencx(question("  Where is my order? "), true)
        .await
        .unwrap();
    assert!(
        answer.answer.starts_with("Look the order up"),
        "{}",
        answer.answer
    );
    assert_eq!(answer.handed_off, Some(false));
    let scanned = answer.scanned.expect("open.cx said what it scanned");
    let order = seed::training_id("where-is-my-order");
    let hit = scanned
        .iter()
        .find(|s| s.training_id.as_deref() == Some(order.as_str()))
        .expect("the best match is one of the workspace's trainings");
    assert_eq!(hit.title, "Where is my order?");
    assert!(scanned.iter().all(|s| s.training_id.is_some()));

    let contact = test_contact(&f.workspace_id);
    assert_eq!(answer.contact_email, contact.email);
    let sent = chat_requests(&f.sim);
    let opened = sent[0].body.clone().unwrap();
    assert_eq!(opened["contact"]["name"], TEST_CONTACT_NAME);
    assert_eq!(opened["contact"]["email"], contact.email.as_str());
    assert_eq!(opened["channel"]["type"], "api");
    assert_eq!(
        sent[1].body.as_ref().unwrap()["message"]["text"],
        "Where is my order?"
    );

    assert!(f.studio.chat_consent().unwrap());
    f.studio
        .try_on_opencx(question("Where is my order?"), false)
        .await
        .expect("agreed once for this workspace");
    let restarted = Studio::new(f.dir.path(), Box::new(f.keys.clone()));
    restarted.resume_session().await.unwrap();
    assert!(restarted.chat_consent().unwrap(), "kept on this computer");
    restarted.sign_out(&f.workspace_id, true).await.unwrap();
    restarted
        .sign_in("Support", &f.sim.base_url(), DEFAULT_FULL_TOKEN)
        .await
        .unwrap();
    assert!(
        !restarted.chat_consent().unwrap(),
        "gone with the workspace"
    );
}

#[tokio::test]
async fn an_answer_read_back_from_the_history_says_nothing_of_handoff_or_scans() {
    let f = signed_in(ChatAnswer::IdOnly, DEFAULT_FULL_TOKEN).await;
    let answer = f
        .studio
        .try_on_opencx(question("Where is my order?"), true)
        .await
        .unwrap();
    assert!(answer.answer.starts_with("Look the order up"));
    assert_eq!((answer.handed_off, answer.scanned), (None, None));
    assert!(chat_requests(&f.sim)
        .iter()
        .any(|r| r.path.ends_with("/history")));
}

#[tokio::test]
async fn a_channel_open_cx_refuses_for_conversations_is_asked_as_an_api_conversation() {
    let f = signed_in(ChatAnswer::InResponse, DEFAULT_FULL_TOKEN).await;
    f.sim.set_refused_channels(vec!["whatsapp".into()]);
    let on_whatsapp = TryQuestion {
        channel: Channel::Whatsapp,
        ..question("Where is my order?")
    };
    let answer = f.studio.try_on_opencx(on_whatsapp, true).await.unwrap();
    assert_eq!(answer.channel, Channel::Api);
    assert!(answer.answer.starts_with("Look the order up"));
    let opened: Vec<_> = chat_requests(&f.sim)
        .into_iter()
        .filter(|r| r.path == "/chat/sessions")
        .map(|r| r.body.unwrap()["channel"]["type"].clone())
        .collect();
    assert_eq!(opened, ["whatsapp", "api"]);
    let on_web = TryQuestion {
        channel: Channel::Web,
        ..question("Where is my order?")
    };
    let answer = f.studio.try_on_opencx(on_web, false).await.unwrap();
    assert_eq!(
        answer.channel,
        Channel::Web,
        "a channel open.cx takes is kept"
    );
}

#[tokio::test]
async fn a_key_without_the_chat_scope_and_an_empty_message_say_what_to_do() {
    let f = signed_in(ChatAnswer::InResponse, DEFAULT_READ_TOKEN).await;
    let err = f
        .studio
        .try_on_opencx(question("Where is my order?"), true)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert!(err.message().contains("chat-sessions"), "{}", err.message());
    let empty = f
        .studio
        .try_on_opencx(question("   "), true)
        .await
        .unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::InvalidInput);
}
