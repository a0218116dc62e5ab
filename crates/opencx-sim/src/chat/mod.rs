//! The chat sessions a simulator holds: the contacts it has met, each session's channel and its
//! events (the contact's messages and the AI's answers), in order. Kept in memory only: they
//! are conversations, not trainings, and a restart starts without them. How the simulator's AI
//! answers is in [`answer`]; request validation in [`bodies`].

pub mod answer;
pub mod bodies;

use std::collections::HashMap;

use serde::Serialize;

use crate::api_error::ApiError;
use crate::clock::Clock;
use bodies::{ContactRef, HistoryQuery, SessionInput};

/// Who wrote an event.
pub const CONTACT: &str = "contact";
/// The AI's events.
pub const AI: &str = "ai";

/// One event of a session's history, as `GET /chat/sessions/{id}/history` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    /// [`CONTACT`] or [`AI`].
    pub sender: &'static str,
    pub content: String,
    pub created_at: String,
}

/// A page of history: `{data, next_cursor}`; `next_cursor` is null on the last page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryPage {
    pub data: Vec<Event>,
    pub next_cursor: Option<String>,
}

#[derive(Debug)]
struct Contact {
    id: String,
    email: Option<String>,
}

#[derive(Debug)]
struct Session {
    channel: String,
    events: Vec<Event>,
}

/// Every contact and session, and the clock that stamps their events.
#[derive(Debug, Default)]
pub struct Chats {
    contacts: Vec<Contact>,
    sessions: HashMap<String, Session>,
    clock: Clock,
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Chats {
    /// The contact of `contact`: a known id (else 404 `Contact not found`), the contact with the
    /// same email (case-insensitive), or a new one.
    fn contact(&mut self, contact: ContactRef) -> Result<String, ApiError> {
        match contact {
            ContactRef::Id(id) => self
                .contacts
                .iter()
                .any(|c| c.id == id)
                .then_some(id)
                .ok_or_else(|| ApiError::not_found("Contact")),
            ContactRef::New(new) => {
                let same_email = |c: &&Contact| matches!((&c.email, &new.email), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
                if let Some(known) = self.contacts.iter().find(same_email) {
                    return Ok(known.id.clone());
                }
                let id = new_id();
                self.contacts.push(Contact {
                    id: id.clone(),
                    email: new.email,
                });
                Ok(id)
            }
        }
    }

    /// Opens a session; gives its id and its contact's id.
    pub fn open(&mut self, input: SessionInput) -> Result<(String, String), ApiError> {
        let contact_id = self.contact(input.contact)?;
        let id = new_id();
        self.sessions.insert(
            id.clone(),
            Session {
                channel: input.channel,
                events: Vec::new(),
            },
        );
        Ok((id, contact_id))
    }

    /// The channel of session `id`, or 404 `Session not found`.
    pub fn channel(&self, id: &str) -> Result<String, ApiError> {
        self.sessions
            .get(id)
            .map(|s| s.channel.clone())
            .ok_or_else(missing_session)
    }

    /// Adds an event written by `sender` to session `id` and gives it back.
    pub fn record(
        &mut self,
        id: &str,
        sender: &'static str,
        content: String,
    ) -> Result<Event, ApiError> {
        let created_at = self.clock.now();
        let session = self.sessions.get_mut(id).ok_or_else(missing_session)?;
        let event = Event {
            id: new_id(),
            sender,
            content,
            created_at,
        };
        session.events.push(event.clone());
        Ok(event)
    }

    /// One page of session `id`'s events, oldest first.
    pub fn history(&self, id: &str, query: HistoryQuery) -> Result<HistoryPage, ApiError> {
        let events = &self.sessions.get(id).ok_or_else(missing_session)?.events;
        if query.cursor > events.len() {
            return Err(ApiError::validation(
                "querystring/cursor must be a cursor from this history",
            ));
        }
        let end = events.len().min(query.cursor + query.limit);
        Ok(HistoryPage {
            data: events[query.cursor..end].to_vec(),
            next_cursor: (end < events.len()).then(|| end.to_string()),
        })
    }
}

fn missing_session() -> ApiError {
    ApiError::not_found("Session")
}

#[cfg(test)]
mod tests {
    use super::*;
    use bodies::NewContact;

    fn by_email(email: &str) -> SessionInput {
        SessionInput {
            contact: ContactRef::New(NewContact {
                email: Some(email.into()),
                ..NewContact::default()
            }),
            channel: "api".into(),
        }
    }

    #[test]
    fn a_contact_is_met_once_per_email_and_known_by_id() {
        let mut chats = Chats::default();
        let (s1, c1) = chats.open(by_email("t@example.com")).unwrap();
        let (s2, c2) = chats.open(by_email("T@Example.com")).unwrap();
        assert_ne!(s1, s2);
        assert_eq!(c1, c2);
        let again = SessionInput {
            contact: ContactRef::Id(c1.clone()),
            channel: "web".into(),
        };
        let (s3, c3) = chats.open(again).unwrap();
        assert_eq!((c3, chats.channel(&s3).unwrap()), (c1, "web".to_string()));
        let unknown = SessionInput {
            contact: ContactRef::Id("nobody".into()),
            channel: "api".into(),
        };
        assert_eq!(
            chats.open(unknown).unwrap_err().message,
            "Contact not found"
        );
    }

    #[test]
    fn history_pages_follow_the_cursor() {
        let mut chats = Chats::default();
        let (id, _) = chats.open(by_email("t@example.com")).unwrap();
        for n in 0..5 {
            chats.record(&id, CONTACT, format!("m{n}")).unwrap();
        }
        let first = chats
            .history(
                &id,
                HistoryQuery {
                    cursor: 0,
                    limit: 2,
                },
            )
            .unwrap();
        assert_eq!(first.data.len(), 2);
        assert_eq!(first.next_cursor.as_deref(), Some("2"));
        let last = chats
            .history(
                &id,
                HistoryQuery {
                    cursor: 4,
                    limit: 2,
                },
            )
            .unwrap();
        assert_eq!(last.data[0].content, "m4");
        assert_eq!(last.next_cursor, None);
        assert!(chats
            .history(
                &id,
                HistoryQuery {
                    cursor: 9,
                    limit: 2
                }
            )
            .is_err());
        assert_eq!(
            chats
                .history(
                    "nope",
                    HistoryQuery {
                        cursor: 0,
                        limit: 2
                    }
                )
                .unwrap_err()
                .message,
            "Session not found"
        );
    }
}
