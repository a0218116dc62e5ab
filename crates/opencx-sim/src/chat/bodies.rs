//! Validation of the chat-session requests with Fastify/ajv's messages: the body of
//! `POST /chat/sessions` (a `contact_id` or a `contact`, a channel, flat `custom_data`), the body
//! of `POST /chat/sessions/{id}/send` (`sender: "contact"`, a text message) and the query of
//! `GET /chat/sessions/{id}/history` (`cursor`, `limit`).

use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::model::CHANNELS;
use crate::validation::{
    body_object, boolean, first, one_of_allowed, query_integer, required, string,
};

/// Who a new session is with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRef {
    /// A contact the simulator already knows (from an earlier session).
    Id(String),
    /// A contact described by its fields; one with the same email is reused.
    New(NewContact),
}

/// The documented `contact` object (its `custom_data` is checked and not kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewContact {
    pub email: Option<String>,
    pub name: Option<String>,
    pub phone_number: Option<String>,
}

/// A validated body of `POST /chat/sessions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    pub contact: ContactRef,
    /// `channel.type`, `api` when there is no `channel`.
    pub channel: String,
}

/// A validated query of `GET /chat/sessions/{id}/history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryQuery {
    /// The position of the first event to give (the `next_cursor` of the page before).
    pub cursor: usize,
    pub limit: usize,
}

fn optional_string(
    obj: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<String>, ApiError> {
    obj.get(key)
        .map(|v| string(v, &format!("{path}/{key}")))
        .transpose()
}

/// `custom_data` must be a flat object: nested objects and arrays are refused (as documented).
fn flat_object(value: &Value, path: &str) -> Result<(), ApiError> {
    let obj = value
        .as_object()
        .ok_or_else(|| ApiError::validation(format!("{path} must be object")))?;
    match obj.iter().find(|(_, v)| v.is_object() || v.is_array()) {
        Some((key, _)) => Err(ApiError::validation(format!(
            "{path}/{key} must be string,number,boolean,null"
        ))),
        None => Ok(()),
    }
}

fn contact_body(value: &Value) -> Result<NewContact, ApiError> {
    let obj = value
        .as_object()
        .ok_or_else(|| ApiError::validation("body/contact must be object"))?;
    if let Some(data) = obj.get("custom_data") {
        flat_object(data, "body/contact/custom_data")?;
    }
    Ok(NewContact {
        email: optional_string(obj, "email", "body/contact")?,
        name: optional_string(obj, "name", "body/contact")?,
        phone_number: optional_string(obj, "phone_number", "body/contact")?,
    })
}

fn channel_type(value: &Value) -> Result<String, ApiError> {
    let obj = value
        .as_object()
        .ok_or_else(|| ApiError::validation("body/channel must be object"))?;
    let kind = string(required(obj, "type")?, "body/channel/type")?;
    if CHANNELS.contains(&kind.as_str()) {
        Ok(kind)
    } else {
        Err(one_of_allowed("body/channel/type"))
    }
}

/// Validates `POST /chat/sessions`: exactly one of `contact_id` and `contact`; `channel`
/// `{type}` one of the channels (default `api`); `verified` boolean or null; `custom_data` flat.
pub fn session_body(body: &Value) -> Result<SessionInput, ApiError> {
    let obj = body_object(body)?;
    let contact = match (obj.get("contact_id"), obj.get("contact")) {
        (Some(id), None) => ContactRef::Id(string(id, "body/contact_id")?),
        (None, Some(contact)) => ContactRef::New(contact_body(contact)?),
        _ => {
            return Err(ApiError::validation(
                "body must match exactly one schema in oneOf",
            ))
        }
    };
    let channel = obj
        .get("channel")
        .map(channel_type)
        .transpose()?
        .unwrap_or_else(|| "api".to_string());
    match obj.get("verified") {
        None | Some(Value::Null) | Some(Value::Bool(_)) => {}
        Some(_) => return Err(ApiError::validation("body/verified must be boolean,null")),
    }
    if let Some(data) = obj.get("custom_data") {
        flat_object(data, "body/custom_data")?;
    }
    Ok(SessionInput { contact, channel })
}

/// Validates `POST /chat/sessions/{id}/send` and gives the message's text: `sender` must be
/// `contact`, `message` `{type: "text", text}` with some text; `custom_data` and
/// `contact.custom_data` flat; `should_take_over_session_from_ai` boolean.
pub fn send_body(body: &Value) -> Result<String, ApiError> {
    let obj = body_object(body)?;
    if string(required(obj, "sender")?, "body/sender")? != "contact" {
        return Err(one_of_allowed("body/sender"));
    }
    let message = required(obj, "message")?
        .as_object()
        .ok_or_else(|| ApiError::validation("body/message must be object"))?;
    let kind = message
        .get("type")
        .ok_or_else(|| ApiError::validation("body/message must have required property 'type'"))?;
    if string(kind, "body/message/type")? != "text" {
        return Err(one_of_allowed("body/message/type"));
    }
    let text = message
        .get("text")
        .ok_or_else(|| ApiError::validation("body/message must have required property 'text'"))?;
    let text = string(text, "body/message/text")?;
    if text.trim().is_empty() {
        return Err(ApiError::validation(
            "body/message/text must NOT have fewer than 1 characters",
        ));
    }
    if let Some(data) = obj.get("custom_data") {
        flat_object(data, "body/custom_data")?;
    }
    if let Some(contact) = obj.get("contact") {
        let contact = contact
            .as_object()
            .ok_or_else(|| ApiError::validation("body/contact must be object"))?;
        if let Some(data) = contact.get("custom_data") {
            flat_object(data, "body/contact/custom_data")?;
        }
    }
    if let Some(take_over) = obj.get("should_take_over_session_from_ai") {
        boolean(take_over, "body/should_take_over_session_from_ai")?;
    }
    Ok(text)
}

/// Validates the history query: `cursor` a `next_cursor` this simulator gave (default: the
/// start), `limit` 1..=100 (50).
pub fn history_query(pairs: &[(String, String)]) -> Result<HistoryQuery, ApiError> {
    let limit = query_integer(pairs, "limit", 50, 1, Some(100))?;
    let cursor = match first(pairs, "cursor") {
        None | Some("") => 0,
        Some(raw) => raw.parse().map_err(|_| {
            ApiError::validation("querystring/cursor must be a cursor from this history")
        })?,
    };
    Ok(HistoryQuery { cursor, limit })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message<T: std::fmt::Debug>(result: Result<T, ApiError>) -> String {
        result.unwrap_err().message
    }

    #[test]
    fn a_session_needs_exactly_one_of_contact_id_and_contact() {
        let oneof = "body must match exactly one schema in oneOf";
        assert_eq!(message(session_body(&json!({}))), oneof);
        assert_eq!(
            message(session_body(&json!({"contact_id": "a", "contact": {}}))),
            oneof
        );
        let by_id = session_body(&json!({"contact_id": "c1"})).unwrap();
        assert_eq!(by_id.contact, ContactRef::Id("c1".into()));
        assert_eq!(by_id.channel, "api");
        let new = session_body(&json!({
            "contact": {"email": "t@example.com", "name": "T", "custom_data": {"plan": "free"}},
            "channel": {"type": "whatsapp"},
            "verified": null
        }))
        .unwrap();
        assert_eq!(
            new.contact,
            ContactRef::New(NewContact {
                email: Some("t@example.com".into()),
                name: Some("T".into()),
                phone_number: None
            })
        );
        assert_eq!(new.channel, "whatsapp");
    }

    #[test]
    fn session_fields_are_checked_with_ajv_messages() {
        assert_eq!(message(session_body(&json!(null))), "body must be object");
        assert_eq!(
            message(session_body(&json!({"contact": {"email": 3}}))),
            "body/contact/email must be string"
        );
        assert_eq!(
            message(session_body(
                &json!({"contact_id": "c", "channel": {"type": "fax"}})
            )),
            "body/channel/type must be equal to one of the allowed values"
        );
        assert_eq!(
            message(session_body(
                &json!({"contact_id": "c", "custom_data": {"a": {"b": 1}}})
            )),
            "body/custom_data/a must be string,number,boolean,null"
        );
        assert_eq!(
            message(session_body(&json!({"contact_id": "c", "verified": "yes"}))),
            "body/verified must be boolean,null"
        );
    }

    #[test]
    fn a_send_is_a_text_from_the_contact() {
        let ok = json!({"sender": "contact", "message": {"type": "text", "text": "Hi"}});
        assert_eq!(send_body(&ok).unwrap(), "Hi");
        assert_eq!(
            message(send_body(
                &json!({"sender": "ai", "message": {"type": "text", "text": "Hi"}})
            )),
            "body/sender must be equal to one of the allowed values"
        );
        assert_eq!(
            message(send_body(&json!({"sender": "contact"}))),
            "body must have required property 'message'"
        );
        assert_eq!(
            message(send_body(
                &json!({"sender": "contact", "message": {"type": "image", "text": "x"}})
            )),
            "body/message/type must be equal to one of the allowed values"
        );
        assert_eq!(
            message(send_body(
                &json!({"sender": "contact", "message": {"type": "text", "text": " "}})
            )),
            "body/message/text must NOT have fewer than 1 characters"
        );
        assert_eq!(
            message(send_body(&json!({"sender": "contact",
                "message": {"type": "text", "text": "x"}, "should_take_over_session_from_ai": 1}))),
            "body/should_take_over_session_from_ai must be boolean"
        );
    }

    #[test]
    fn history_cursor_and_limit() {
        let q = |list: &[(&str, &str)]| {
            history_query(
                &list
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            q(&[]).unwrap(),
            HistoryQuery {
                cursor: 0,
                limit: 50
            }
        );
        assert_eq!(
            q(&[("cursor", "4"), ("limit", "2")]).unwrap(),
            HistoryQuery {
                cursor: 4,
                limit: 2
            }
        );
        assert_eq!(
            message(q(&[("cursor", "abc")])),
            "querystring/cursor must be a cursor from this history"
        );
        assert_eq!(
            message(q(&[("limit", "0")])),
            "querystring/limit must be >= 1"
        );
    }
}
