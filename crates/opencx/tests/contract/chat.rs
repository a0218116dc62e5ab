//! The chat sessions against the simulator in both documented answers of `send` (the answer in
//! the response; only the message id, the answer read from the history), and against a stub
//! for an answer that comes late, one that never comes, and a server without the routes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use opencx::{Channel, ChatContact, ChatWait, Error, ErrorKind};
use opencx_sim::{seed, ChatAnswer as Shape, Seed, SimConfig};
use serde_json::json;

use crate::stub::{Answer, Stub};
use crate::support::{self, client, client_with, routes, READ_ONLY};

fn contact() -> ChatContact {
    ChatContact {
        email: Some("test@studio.example".into()),
        name: Some("Training Studio test".into()),
        phone_number: None,
    }
}

const QUICK: ChatWait = ChatWait {
    timeout: Duration::from_millis(300),
    interval: Duration::from_millis(50),
};

async fn demo_in(shape: Shape) -> opencx_sim::SimHandle {
    support::sim_with(SimConfig {
        seed: Seed::Demo,
        chat_answer: shape,
        ..SimConfig::default()
    })
    .await
}

#[tokio::test]
async fn the_answer_in_the_response_names_what_was_scanned() {
    let sim = demo_in(Shape::InResponse).await;
    let client = client(&sim);
    let session = client
        .open_chat_session(&contact(), &Channel::Api)
        .await
        .unwrap();
    let answer = client
        .ask(&session, "Where is my order?", ChatWait::default())
        .await
        .unwrap();
    assert!(
        answer.text.starts_with("Look the order up"),
        "{}",
        answer.text
    );
    assert_eq!(answer.handed_off, Some(false));
    let scanned = answer.scanned.expect("debugInfo was given");
    let order = scanned
        .iter()
        .find(|s| s.id.as_deref() == Some(seed::training_id("where-is-my-order").as_str()))
        .expect("the best match was scanned");
    assert_eq!(order.title.as_deref(), Some("Where is my order?"));
    assert!(order.content.contains("## Order status"));
    assert_eq!(
        routes(&sim),
        [
            "POST /chat/sessions".to_string(),
            format!("POST /chat/sessions/{session}/send")
        ],
        "no history read when the answer is in the response"
    );
    let sent = &sim.requests()[0];
    assert_eq!(
        sent.body,
        Some(
            json!({"contact": {"email": "test@studio.example", "name": "Training Studio test"},
                    "channel": {"type": "api"}})
        )
    );
}

#[tokio::test]
async fn only_a_message_id_then_the_answer_is_read_from_the_history() {
    let sim = demo_in(Shape::IdOnly).await;
    let client = client(&sim);
    let session = client
        .open_chat_session(&contact(), &Channel::Whatsapp)
        .await
        .unwrap();
    let answer = client
        .ask(&session, "Where is my order?", ChatWait::default())
        .await
        .unwrap();
    assert!(
        answer.text.starts_with("Look the order up"),
        "{}",
        answer.text
    );
    assert_eq!(
        (answer.handed_off, answer.scanned),
        (None, None),
        "open.cx did not say"
    );
    assert_eq!(
        routes(&sim).last().unwrap(),
        &format!("GET /chat/sessions/{session}/history")
    );
    let again = client
        .ask(&session, "Xylophone quartet", ChatWait::default())
        .await
        .unwrap();
    assert_eq!(
        again.text,
        opencx_sim::HANDOFF_TEXT,
        "the answer to this message, not the first"
    );
}

#[tokio::test]
async fn an_answer_that_never_comes_ends_the_wait_with_a_clear_error() {
    let sim = demo_in(Shape::IdOnly).await;
    let client = client(&sim);
    let session = client
        .open_chat_session(&contact(), &Channel::Api)
        .await
        .unwrap();
    client
        .ask(&session, "Where is my order?", QUICK)
        .await
        .unwrap();
    let err = client
        .read_answer(&session, "a message never sent", QUICK)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::NoAnswer {
            after: QUICK.timeout
        }
    );
    assert_eq!(err.kind(), ErrorKind::Timeout);
    let reads = routes(&sim)
        .iter()
        .filter(|r| r.ends_with("/history"))
        .count();
    assert!(
        reads >= 2,
        "the history was read again while waiting ({reads})"
    );
}

#[tokio::test]
async fn an_answer_that_comes_late_on_a_later_page_is_found() {
    let reads = Arc::new(AtomicUsize::new(0));
    let counter = reads.clone();
    let stub = Stub::start(move |method, path| match (method, path) {
        ("POST", "/chat/sessions/s1/send") => Answer::json(
            200,
            json!({"success": true, "data": {"message": {"id": "m2"}}}),
        ),
        ("GET", p) if p.starts_with("/chat/sessions/s1/history") => {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            if p.contains("cursor=p2") {
                let mut events = vec![json!({"id": "m2", "sender": "contact", "content": "Late?"})];
                if n >= 3 {
                    events.push(json!({"id": "a2", "sender": "bot", "content": {"text": "Now."}}));
                }
                Answer::json(200, json!({"data": events, "next_cursor": null}))
            } else {
                Answer::json(
                    200,
                    json!({"data": [
                    {"id": "m1", "sender": "contact", "content": "Earlier"},
                    {"id": "a1", "sender": "ai", "content": "An older answer"}
                ], "next_cursor": "p2"}),
                )
            }
        }
        _ => Answer::json(
            404,
            json!({"statusCode": 404, "message": "Route not found", "error": "Not Found"}),
        ),
    })
    .await;
    let client = opencx::Client::new(opencx::ClientConfig::new(
        &stub.base_url,
        opencx::ApiToken::new("k"),
    ))
    .unwrap();
    let wait = ChatWait {
        timeout: Duration::from_secs(5),
        interval: Duration::from_millis(20),
    };
    let answer = client.ask("s1", "Late?", wait).await.unwrap();
    assert_eq!(answer.text, "Now.");
    assert!(reads.load(Ordering::SeqCst) >= 4);
}

#[tokio::test]
async fn scopes_unknown_sessions_and_servers_without_the_routes() {
    let sim = demo_in(Shape::InResponse).await;
    let read_only = client_with(&sim, READ_ONLY, |_| {});
    let err = read_only
        .open_chat_session(&contact(), &Channel::Api)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Forbidden {
                scope: "chat-sessions:write",
                ..
            }
        ),
        "{err:?}"
    );
    let err = client(&sim)
        .ask("no-such-session", "Hi", QUICK)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotFound {
                subject: "This conversation",
                ..
            }
        ),
        "{err:?}"
    );

    let stub = Stub::start(|method, path| {
        Answer::json(
            404,
            json!({"statusCode": 404, "message": format!("Route {method}:{path} not found"), "error": "Not Found"}),
        )
    })
    .await;
    let client = opencx::Client::new(opencx::ClientConfig::new(
        &stub.base_url,
        opencx::ApiToken::new("k"),
    ))
    .unwrap();
    let err = client
        .open_chat_session(&contact(), &Channel::Api)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Unsupported {
                feature: "chat sessions",
                ..
            }
        ),
        "{err:?}"
    );
}
