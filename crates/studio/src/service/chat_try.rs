//! The "Try it on open.cx" commands: whether the editor agreed, for the open workspace, that a
//! try creates a real conversation in its inbox, and the try itself: a chat session as the
//! workspace's test contact (`chat_try.rs`) on the channel asked for (or, when open.cx refuses
//! a conversation there, on API, said in the answer), the message sent, the AI's answer read in
//! either documented shape, and the instructions it scanned matched to the trainings as last
//! loaded.

use opencx::{Channel, ChatWait};

use crate::chat_try::{
    channel_refused, scanned_trainings, test_contact, try_error, TryAnswer, TryQuestion,
    CONSENT_SENTENCE,
};
use crate::error::{Result, StudioError};

use super::Studio;

impl Studio {
    /// Whether the editor agreed, for the open workspace, that trying a question creates a real
    /// conversation in its inbox.
    pub fn chat_consent(&self) -> Result<bool> {
        let session = self.require()?;
        Ok(self.settings.chat_consent(&session.workspace.id))
    }

    /// Sends `question` to the open workspace's live AI and gives its answer. `consent`: the
    /// editor has just agreed to [`CONSENT_SENTENCE`] (kept for the workspace); without it, and
    /// without an earlier agreement, nothing is sent.
    pub async fn try_on_opencx(&self, question: TryQuestion, consent: bool) -> Result<TryAnswer> {
        let session = self.require()?;
        let message = question.message.trim();
        if message.is_empty() {
            return Err(StudioError::invalid_input(
                "Type a customer message first, for example \"Where is my order?\".",
            ));
        }
        let workspace_id = &session.workspace.id;
        if consent {
            let _admin = self.admin.lock().await;
            self.settings.keep_chat_consent(workspace_id)?;
        } else if !self.settings.chat_consent(workspace_id) {
            return Err(StudioError::invalid_input(format!(
                "{CONSENT_SENTENCE} Agree to that first, then try again."
            )));
        }
        let contact = question
            .contact
            .unwrap_or_else(|| test_contact(workspace_id));
        let client = &session.client;
        let who = (&contact).into();
        let (chat, channel) = match client.open_chat_session(&who, &question.channel).await {
            Err(e) if channel_refused(&e) && question.channel != Channel::Api => {
                let chat = client.open_chat_session(&who, &Channel::Api).await;
                (chat.map_err(try_error)?, Channel::Api)
            }
            opened => (opened.map_err(try_error)?, question.channel),
        };
        let answer = client
            .ask(&chat, message, ChatWait::default())
            .await
            .map_err(try_error)?;
        let scanned = scanned_trainings(&answer, session.cache().trainings.values());
        Ok(TryAnswer {
            answer: answer.text,
            handed_off: answer.handed_off,
            scanned,
            contact_email: contact.email,
            channel,
        })
    }
}
