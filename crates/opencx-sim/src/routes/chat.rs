//! The chat-session routes: open a session with a contact, send the contact's message (the
//! simulator's AI answers it, see `chat/answer.rs`), read a session's history. What `send`
//! answers follows the [`ChatAnswer`] switch.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::Json;
use chrono::Utc;
use serde_json::{json, Value};

use super::query_pairs;
use crate::api_error::ApiError;
use crate::app::{lock, AppState};
use crate::chat::answer::{answer, Reply};
use crate::chat::bodies::{history_query, send_body, session_body};
use crate::chat::{Event, HistoryPage, AI, CONTACT};
use crate::model::Training;
use crate::readings::ChatAnswer;
use crate::validation::{one_of_allowed, parse_json};

type Answer<T> = Result<Json<T>, ApiError>;

/// `POST /chat/sessions` → `{id, contact_id}`. A channel the workspace refuses for trainings
/// (`--refuse-channel`) is refused here too, with the schema's answer.
pub async fn open(State(app): State<AppState>, body: Bytes) -> Answer<Value> {
    let input = session_body(&parse_json(&body)?)?;
    if app.refused_channels().contains(&input.channel) {
        return Err(one_of_allowed("body/channel/type"));
    }
    let (id, contact_id) = lock(&app.chats).open(input)?;
    Ok(Json(json!({ "id": id, "contact_id": contact_id })))
}

/// `POST /chat/sessions/{id}/send`: records the message and the AI's answer, then gives the
/// answer (in-response) or the message's id (id-only).
pub async fn send(
    State(app): State<AppState>,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer<Value> {
    let text = send_body(&parse_json(&body)?)?;
    let channel = lock(&app.chats).channel(&id)?;
    let reply = app.read(|store| {
        let trainings = store.state().trainings.iter().map(|r| &r.training);
        answer(trainings, &channel, &text, Utc::now())
    });
    let sent = {
        let mut chats = lock(&app.chats);
        let sent = chats.record(&id, CONTACT, text)?;
        chats.record(&id, AI, reply.text.clone())?;
        sent
    };
    Ok(Json(match app.chat_answer() {
        ChatAnswer::InResponse => in_response(&reply),
        ChatAnswer::IdOnly => id_only(&sent),
    }))
}

/// `GET /chat/sessions/{id}/history?cursor=&limit=`.
pub async fn history(
    State(app): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
) -> Answer<HistoryPage> {
    let query = history_query(&query_pairs(&uri)?)?;
    lock(&app.chats).history(&id, query).map(Json)
}

/// One scanned training as `debugInfo` lists it: the documented `content`, and (the
/// simulator's addition) its `id` and `title`.
fn scanned(training: &Training) -> Value {
    json!({ "id": training.id, "title": training.title, "content": training.content })
}

/// The answer in the response, with the documented keys.
fn in_response(reply: &Reply) -> Value {
    json!({
        "success": true,
        "autopilotResponse": { "type": "text", "value": { "content": reply.text } },
        "mightSolveUserIssue": !reply.handed_off,
        "completelyAndFullyCoveredUserIssue": reply.fully_covered,
        "sessionIsHandedOff": reply.handed_off,
        "debugInfo": {
            "knowledge_used": [],
            "work_instructions_scanned": reply.scanned.iter().map(scanned).collect::<Vec<_>>(),
            "rule_violation_reflections": [],
            "actionCalls": [],
        },
    })
}

/// Only the id of the message sent; the answer is in the history.
fn id_only(sent: &Event) -> Value {
    json!({ "success": true, "data": { "message": { "id": sent.id } } })
}
