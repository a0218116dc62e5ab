//! The chat-session endpoints: open a session with a contact, send the contact's message, read
//! the history, and [`Client::ask`], which gives the AI's answer whichever of the two documented
//! answers `send` gives: the answer in the response, or only the message's id, the answer then
//! read back from the history (the first event by the AI after that message) until it appears
//! or [`ChatWait::timeout`] has passed ([`Error::NoAnswer`]).
//!
//! Each session is a real conversation in the workspace's inbox. `POST`s are never repeated
//! after a failure that may have reached the server (it would send the message twice).

use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use crate::endpoint::{Endpoint, On404, Scope};
use crate::models::chat::{history_page, send_answer, ChannelObject};
use crate::transport::{decode, Call, Repeat};
use crate::{Channel, ChatAnswer, ChatContact, Client, Error, HistoryPage, Result, SendAnswer};

const FEATURE: &str = "chat sessions";

const OPEN: Endpoint = Endpoint::new(
    Scope::ChatSessionsWrite,
    On404::Feature { feature: FEATURE },
    "the new chat session",
);
const SEND: Endpoint = Endpoint::new(
    Scope::ChatSessionsWrite,
    On404::FeatureItem {
        feature: FEATURE,
        subject: "This conversation",
        noun: "session",
    },
    "the AI's answer",
);
const HISTORY: Endpoint = Endpoint::new(
    Scope::ChatSessionsRead,
    On404::FeatureItem {
        feature: FEATURE,
        subject: "This conversation",
        noun: "session",
    },
    "the conversation's history",
);

/// How long [`Client::ask`] reads the history for an answer that is not in `send`'s response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChatWait {
    /// How long to wait for the AI's answer in all (default 30 s).
    pub timeout: Duration,
    /// The pause between two readings of the history (default 500 ms).
    pub interval: Duration,
}

impl Default for ChatWait {
    fn default() -> Self {
        ChatWait {
            timeout: Duration::from_secs(30),
            interval: Duration::from_millis(500),
        }
    }
}

impl Client {
    /// `POST /chat/sessions` with `contact` on `channel`; gives the session's id.
    pub async fn open_chat_session(
        &self,
        contact: &ChatContact,
        channel: &Channel,
    ) -> Result<String> {
        let body = json!({
            "contact": contact,
            "channel": ChannelObject { kind: channel.clone() },
        });
        let call = Call::new(Method::POST, &["chat", "sessions"], OPEN).json(&body)?;
        let answer: Value = decode(&self.send(&call, Repeat::SafeOnly).await?, &OPEN)?;
        answer
            .get("id")
            .and_then(Value::as_str)
            .map(String::from)
            .ok_or_else(|| Error::Decode {
                what: OPEN.answer,
                detail: "it has no session id".to_string(),
            })
    }

    /// `POST /chat/sessions/{id}/send` of `text` from the contact, as open.cx answers it.
    pub async fn send_chat_message(&self, session_id: &str, text: &str) -> Result<SendAnswer> {
        let body = json!({ "sender": "contact", "message": { "type": "text", "text": text } });
        let call = Call::new(
            Method::POST,
            &["chat", "sessions", session_id, "send"],
            SEND,
        )
        .json(&body)?;
        let answer: Value = decode(&self.send(&call, Repeat::SafeOnly).await?, &SEND)?;
        send_answer(&answer).ok_or_else(|| Error::Decode {
            what: SEND.answer,
            detail: "it has neither an answer nor a message id".to_string(),
        })
    }

    /// One page of `GET /chat/sessions/{id}/history`, from `cursor` (`None`: the first page).
    pub async fn chat_history(
        &self,
        session_id: &str,
        cursor: Option<&str>,
    ) -> Result<HistoryPage> {
        let query = cursor
            .map(|c| vec![("cursor", c.to_string())])
            .unwrap_or_default();
        let call = Call::new(
            Method::GET,
            &["chat", "sessions", session_id, "history"],
            HISTORY,
        )
        .query(query);
        let answer: Value = self.fetch(&call).await?;
        history_page(&answer).ok_or_else(|| Error::Decode {
            what: HISTORY.answer,
            detail: "it has no list of events".to_string(),
        })
    }

    /// Sends `text` in session `session_id` and gives the AI's answer, from the response or,
    /// when the response has only the message's id, from the history (see the module docs).
    pub async fn ask(&self, session_id: &str, text: &str, wait: ChatWait) -> Result<ChatAnswer> {
        match self.send_chat_message(session_id, text).await? {
            SendAnswer::Answered(answer) => Ok(answer),
            SendAnswer::MessageId(id) => self.read_answer(session_id, &id, wait).await,
        }
    }

    /// The first event by the AI after message `message_id` in the history, read again every
    /// `wait.interval` until it appears or `wait.timeout` has passed.
    pub async fn read_answer(
        &self,
        session_id: &str,
        message_id: &str,
        wait: ChatWait,
    ) -> Result<ChatAnswer> {
        let deadline = tokio::time::Instant::now() + wait.timeout;
        // The cursor of the page being read, and whether the message was in a page before it.
        let mut cursor: Option<String> = None;
        let mut message_seen_before = false;
        loop {
            let page = self.chat_history(session_id, cursor.as_deref()).await?;
            let mut message_seen = message_seen_before;
            for event in &page.events {
                if message_seen && event.is_from_ai() {
                    return Ok(ChatAnswer {
                        text: event.text.clone(),
                        handed_off: None,
                        scanned: None,
                    });
                }
                message_seen |= event.id.as_deref() == Some(message_id);
            }
            match page.next_cursor {
                Some(next) if Some(&next) != cursor.as_ref() => {
                    cursor = Some(next);
                    message_seen_before = message_seen;
                }
                _ => {
                    if tokio::time::Instant::now() + wait.interval > deadline {
                        return Err(Error::NoAnswer {
                            after: wait.timeout,
                        });
                    }
                    tokio::time::sleep(wait.interval).await;
                }
            }
        }
    }
}
