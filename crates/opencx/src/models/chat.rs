//! The chat-session types: who a new session is with, and the AI's answer read from either of
//! the two documented answers of `send` (the answer in the response, or only the message's id)
//! or from a history event. Decoding is tolerant: unknown keys are ignored, `debugInfo` and its
//! lists may be missing, a scanned instruction may be a bare string, and an event's text may be
//! `content` as a string, `content.text` or `text`.

use serde::Serialize;
use serde_json::Value;

use super::Channel;

/// The documented `contact` object of `POST /chat/sessions` (fields left out when `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ChatContact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// What the AI answered one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatAnswer {
    /// The answer's text as open.cx gives it (it may hold markdown).
    pub text: String,
    /// `sessionIsHandedOff`; `None` when open.cx did not say (the answer read from the history).
    pub handed_off: Option<bool>,
    /// `debugInfo.work_instructions_scanned`; `None` when open.cx did not give it.
    pub scanned: Option<Vec<ScannedInstruction>>,
}

/// One entry of `debugInfo.work_instructions_scanned`. The docs show only `content`; an `id`
/// and a `title` are read when a server gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedInstruction {
    pub id: Option<String>,
    pub title: Option<String>,
    pub content: String,
}

/// What `send` answered: the AI's answer, or only the id of the message sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendAnswer {
    Answered(ChatAnswer),
    MessageId(String),
}

/// One event of a session's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    pub id: Option<String>,
    pub sender: String,
    pub text: String,
}

impl HistoryEvent {
    /// Whether open.cx's AI wrote it (`ai`, `bot` or `assistant`, in any case).
    pub fn is_from_ai(&self) -> bool {
        ["ai", "bot", "assistant"]
            .iter()
            .any(|s| self.sender.eq_ignore_ascii_case(s))
    }
}

/// One page of a session's history, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPage {
    pub events: Vec<HistoryEvent>,
    /// The cursor of the next page; `None` on the last.
    pub next_cursor: Option<String>,
}

/// `{"type": "api"}`: the channel object of a new session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ChannelObject {
    #[serde(rename = "type")]
    pub(crate) kind: Channel,
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => map
            .get("text")
            .or_else(|| map.get("content"))
            .and_then(Value::as_str)
            .map(String::from),
        _ => None,
    }
}

fn string_at(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(String::from)
}

fn scanned(value: &Value) -> Option<ScannedInstruction> {
    match value {
        Value::String(content) => Some(ScannedInstruction {
            id: None,
            title: None,
            content: content.clone(),
        }),
        Value::Object(_) => Some(ScannedInstruction {
            id: string_at(value, "id"),
            title: string_at(value, "title"),
            content: string_at(value, "content").unwrap_or_default(),
        }),
        _ => None,
    }
}

/// Reads `send`'s answer; `None` when it is neither documented shape.
pub(crate) fn send_answer(body: &Value) -> Option<SendAnswer> {
    if body.get("autopilotResponse").is_some() || body.get("sessionIsHandedOff").is_some() {
        let text = body
            .pointer("/autopilotResponse/value/content")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let scanned = body
            .pointer("/debugInfo/work_instructions_scanned")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(scanned).collect());
        return Some(SendAnswer::Answered(ChatAnswer {
            text,
            handed_off: body.get("sessionIsHandedOff").and_then(Value::as_bool),
            scanned,
        }));
    }
    body.pointer("/data/message/id")
        .and_then(Value::as_str)
        .map(|id| SendAnswer::MessageId(id.to_string()))
}

/// Reads a history page: the events under `data`, `items` or `events` (or a bare array), the
/// cursor under `next_cursor`, `nextCursor` or `cursor`; `None` when there is no event list.
pub(crate) fn history_page(body: &Value) -> Option<HistoryPage> {
    let list = match body {
        Value::Array(list) => list,
        _ => ["data", "items", "events"]
            .iter()
            .find_map(|key| body.get(key).and_then(Value::as_array))?,
    };
    let events = list
        .iter()
        .map(|event| HistoryEvent {
            id: string_at(event, "id"),
            sender: string_at(event, "sender").unwrap_or_default(),
            text: event
                .get("content")
                .or_else(|| event.get("text"))
                .or_else(|| event.get("message"))
                .and_then(text_of)
                .unwrap_or_default(),
        })
        .collect();
    let next_cursor = ["next_cursor", "nextCursor", "cursor"]
        .iter()
        .find_map(|key| body.get(key).and_then(Value::as_str))
        .filter(|c| !c.is_empty())
        .map(String::from);
    Some(HistoryPage {
        events,
        next_cursor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_answer_in_the_response_with_or_without_debug_info() {
        let full = json!({
            "autopilotResponse": {"type": "text", "value": {"content": "Hello"}},
            "sessionIsHandedOff": false,
            "debugInfo": {"work_instructions_scanned": [
                {"content": "Be kind."},
                {"id": "t1", "title": "Refunds", "content": "Refunds…", "extra": 1},
                "Bare text"
            ]}
        });
        let Some(SendAnswer::Answered(answer)) = send_answer(&full) else {
            panic!("answered")
        };
        assert_eq!(answer.text, "Hello");
        assert_eq!(answer.handed_off, Some(false));
        let scanned = answer.scanned.unwrap();
        assert_eq!(scanned.len(), 3);
        assert_eq!(
            (scanned[0].id.as_deref(), scanned[0].content.as_str()),
            (None, "Be kind.")
        );
        assert_eq!(scanned[1].id.as_deref(), Some("t1"));
        assert_eq!(scanned[2].content, "Bare text");

        let handed_off = json!({"autopilotResponse": null, "sessionIsHandedOff": true});
        let Some(SendAnswer::Answered(answer)) = send_answer(&handed_off) else {
            panic!("answered")
        };
        assert_eq!(
            (answer.text.as_str(), answer.handed_off, answer.scanned),
            ("", Some(true), None)
        );
    }

    #[test]
    fn only_a_message_id_or_neither_shape() {
        let id_only = json!({"success": true, "data": {"message": {"id": "m1"}}});
        assert_eq!(
            send_answer(&id_only),
            Some(SendAnswer::MessageId("m1".into()))
        );
        assert_eq!(send_answer(&json!({"success": true})), None);
    }

    #[test]
    fn history_events_take_their_text_from_any_documented_place() {
        let page = history_page(&json!({
            "items": [
                {"id": "1", "sender": "contact", "content": "Hi"},
                {"id": "2", "sender": "AI", "content": {"type": "text", "text": "Hello"}},
                {"sender": "bot", "text": "Bye"}
            ],
            "nextCursor": "abc"
        }))
        .unwrap();
        let texts: Vec<&str> = page.events.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["Hi", "Hello", "Bye"]);
        assert!(!page.events[0].is_from_ai());
        assert!(page.events[1].is_from_ai() && page.events[2].is_from_ai());
        assert_eq!(page.next_cursor.as_deref(), Some("abc"));
        let bare = history_page(&json!([{"sender": "ai", "content": "x"}])).unwrap();
        assert_eq!((bare.events.len(), bare.next_cursor), (1, None));
        assert_eq!(history_page(&json!({"success": true})), None);
    }
}
