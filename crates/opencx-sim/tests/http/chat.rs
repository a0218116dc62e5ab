//! The chat-session routes: open a session, send a message and get the simulator's answer in
//! either documented shape, read the history page by page; auth, scopes, validation and 404s.

use opencx_sim::{seed, ChatAnswer, SimConfig, HANDOFF_TEXT};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{self, error_body, validation_body, Sim, READ};

async fn open_session(sim: &Sim, channel: &str) -> String {
    let a = sim
        .post(
            "/chat/sessions",
            json!({"contact": {"email": "test@studio.example", "name": "Test"},
                   "channel": {"type": channel}}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(common::is_uuid_v4(&a.body["contact_id"]));
    a.body["id"].as_str().unwrap().to_string()
}

fn text(message: &str) -> Value {
    json!({"sender": "contact", "message": {"type": "text", "text": message}})
}

fn scanned_ids(body: &Value) -> Vec<String> {
    body["debugInfo"]["work_instructions_scanned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_answer_comes_in_the_response_from_the_best_match_in_use_on_the_channel() {
    let sim = common::demo().await;
    let session = open_session(&sim, "api").await;
    let a = sim
        .post(
            &format!("/chat/sessions/{session}/send"),
            text("Where is my order?"),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.body["success"], true);
    assert_eq!(a.body["sessionIsHandedOff"], false);
    assert_eq!(a.body["mightSolveUserIssue"], true);
    let answer = a.body["autopilotResponse"]["value"]["content"]
        .as_str()
        .unwrap();
    assert!(
        answer.starts_with("Look the order up by number"),
        "{answer}"
    );
    let scanned = scanned_ids(&a.body);
    let order = seed::training_id("where-is-my-order");
    let brand_voice = seed::training_id("brand-voice");
    assert!(scanned.contains(&brand_voice), "always on, every channel");
    assert!(
        !scanned.contains(&seed::training_id("voice-style")),
        "always on, but only on voice channels"
    );
    let first_asked = scanned
        .iter()
        .position(|id| *id == order)
        .expect("the best match is scanned");
    let scanned_list = a.body["debugInfo"]["work_instructions_scanned"]
        .as_array()
        .unwrap();
    assert_eq!(scanned_list[first_asked]["title"], "Where is my order?");
    assert!(scanned_list[first_asked]["content"]
        .as_str()
        .unwrap()
        .contains("## Order status"));
    for key in [
        "knowledge_used",
        "rule_violation_reflections",
        "actionCalls",
    ] {
        assert_eq!(a.body["debugInfo"][key], json!([]), "{key}");
    }

    let history = sim.get(&format!("/chat/sessions/{session}/history")).await;
    assert_eq!(history.status, StatusCode::OK);
    let events = history.body["data"].as_array().unwrap();
    assert_eq!(
        events
            .iter()
            .map(|e| e["sender"].clone())
            .collect::<Vec<_>>(),
        [json!("contact"), json!("ai")]
    );
    assert_eq!(events[0]["content"], "Where is my order?");
    assert_eq!(events[1]["content"], answer);
    assert!(common::is_api_time(&events[1]["created_at"]));
    assert_eq!(history.body["next_cursor"], Value::Null);
}

#[tokio::test]
async fn drafts_and_trainings_of_other_channels_are_never_used() {
    let sim = common::empty().await;
    let email_only = sim
        .create(
            json!({"title": "Parcel by email", "content": "Email about the parcel.",
                       "restricted_to_channels": ["email"]}),
        )
        .await;
    let draft = sim
        .create(json!({"title": "Parcel draft", "content": "Draft parcel text.", "is_draft": true}))
        .await;
    let session = open_session(&sim, "whatsapp").await;
    let a = sim
        .post(&format!("/chat/sessions/{session}/send"), text("my parcel"))
        .await;
    assert_eq!(a.body["sessionIsHandedOff"], true, "nothing usable matches");
    assert_eq!(
        a.body["autopilotResponse"]["value"]["content"],
        HANDOFF_TEXT
    );
    assert!(scanned_ids(&a.body).is_empty());

    let by_email = open_session(&sim, "email").await;
    let a = sim
        .post(
            &format!("/chat/sessions/{by_email}/send"),
            text("my parcel"),
        )
        .await;
    assert_eq!(scanned_ids(&a.body), [email_only["id"].as_str().unwrap()]);
    assert_ne!(scanned_ids(&a.body), [draft["id"].as_str().unwrap()]);
}

#[tokio::test]
async fn id_only_gives_the_message_id_and_the_answer_follows_it_in_the_history() {
    let sim = common::start(SimConfig {
        seed: opencx_sim::Seed::Demo,
        rate_limit_per_minute: 0,
        chat_answer: ChatAnswer::IdOnly,
        ..SimConfig::default()
    })
    .await;
    let session = open_session(&sim, "api").await;
    let a = sim
        .post(
            &format!("/chat/sessions/{session}/send"),
            text("Where is my order?"),
        )
        .await;
    let id = a.body["data"]["message"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        a.body,
        json!({"success": true, "data": {"message": {"id": id}}})
    );
    let page = sim
        .get(&format!("/chat/sessions/{session}/history?limit=1"))
        .await
        .body;
    assert_eq!(page["data"][0]["id"], id.as_str());
    let cursor = page["next_cursor"].as_str().unwrap();
    let next = sim
        .get(&format!(
            "/chat/sessions/{session}/history?limit=1&cursor={cursor}"
        ))
        .await
        .body;
    assert_eq!(next["data"][0]["sender"], "ai");
    assert!(next["data"][0]["content"]
        .as_str()
        .unwrap()
        .starts_with("Look the order up"));

    sim.handle.set_chat_answer(ChatAnswer::InResponse);
    let a = sim
        .post(
            &format!("/chat/sessions/{session}/send"),
            text("Where is my order?"),
        )
        .await;
    assert_eq!(
        a.body["sessionIsHandedOff"], false,
        "switched back while running"
    );
}

#[tokio::test]
async fn keys_scopes_bodies_and_ids_are_checked_like_every_other_route() {
    let sim = common::demo().await;
    let body = json!({"contact": {"email": "a@b.example"}});
    let none = sim
        .call(Method::POST, "/chat/sessions", None, Some(&body))
        .await;
    assert_eq!(
        (none.status, none.body),
        (StatusCode::UNAUTHORIZED, error_body(401, "Unauthorized"))
    );
    let read_only = sim
        .call(Method::POST, "/chat/sessions", Some(READ), Some(&body))
        .await;
    assert_eq!(
        (read_only.status, read_only.body),
        (
            StatusCode::FORBIDDEN,
            error_body(403, "Missing scope: chat-sessions:write")
        )
    );
    let history = sim
        .call(Method::GET, "/chat/sessions/x/history", Some(READ), None)
        .await;
    assert_eq!(
        history.body,
        error_body(403, "Missing scope: chat-sessions:read")
    );

    let bad = sim.post("/chat/sessions", json!({"contact": "me"})).await;
    assert_eq!(
        (bad.status, bad.body),
        (
            StatusCode::BAD_REQUEST,
            validation_body("body/contact must be object")
        )
    );
    let unknown_contact = sim
        .post("/chat/sessions", json!({"contact_id": "nobody"}))
        .await;
    assert_eq!(unknown_contact.body, error_body(404, "Contact not found"));
    let missing = sim.post("/chat/sessions/nope/send", text("Hi")).await;
    assert_eq!(
        (missing.status, missing.body),
        (StatusCode::NOT_FOUND, error_body(404, "Session not found"))
    );
    let session = open_session(&sim, "api").await;
    let empty = sim
        .post(&format!("/chat/sessions/{session}/send"), text(""))
        .await;
    assert_eq!(
        empty.body,
        validation_body("body/message/text must NOT have fewer than 1 characters")
    );
    let missing = sim.get("/chat/sessions/nope/history").await;
    assert_eq!(missing.body, error_body(404, "Session not found"));

    sim.handle.set_refused_channels(vec!["whatsapp".into()]);
    let refused = sim
        .post(
            "/chat/sessions",
            json!({"contact_id": "x", "channel": {"type": "whatsapp"}}),
        )
        .await;
    assert_eq!(
        refused.body,
        validation_body("body/channel/type must be equal to one of the allowed values"),
        "a channel the workspace does not offer"
    );
}

#[tokio::test]
async fn the_control_route_switches_the_answer_shape() {
    let sim = common::start(SimConfig {
        control_token: Some("ctl".into()),
        rate_limit_per_minute: 0,
        ..SimConfig::default()
    })
    .await;
    let set = sim
        .call(
            Method::PUT,
            "/_sim/chat-answer",
            Some("ctl"),
            Some(&json!({"shape": "id-only"})),
        )
        .await;
    assert_eq!(
        (set.status, set.body),
        (StatusCode::OK, json!({"shape": "id-only"}))
    );
    let session = open_session(&sim, "api").await;
    let a = sim
        .post(&format!("/chat/sessions/{session}/send"), text("Hello"))
        .await;
    assert!(a.body["data"]["message"]["id"].is_string(), "{}", a.body);
    let wrong = sim
        .call(
            Method::PUT,
            "/_sim/chat-answer",
            Some("ctl"),
            Some(&json!({"shape": "both"})),
        )
        .await;
    assert_eq!(
        wrong.body,
        validation_body("body/shape must be in-response or id-only")
    );
}
