//! Typed async client of the open.cx training API: models with tolerant decoding, one error
//! enum with stable kinds, retries for idempotent calls, safe creates, a client-side rate
//! budget, concurrent pagination, and the chat sessions that try a question on the live AI
//! (both documented answers of `send`). No Tauri, no app logic.
//!
//! ```no_run
//! # async fn demo() -> opencx::Result<()> {
//! use opencx::{ApiToken, Client, ClientConfig, ListQuery};
//! let client = Client::new(ClientConfig::new("https://api.open.cx", ApiToken::new("ocx_live_…")))?;
//! let all = client.list_all_trainings(&ListQuery::default()).await?;
//! # Ok(()) }
//! ```

mod backoff;
mod budget;
mod chat;
mod client;
mod create;
mod directories;
mod endpoint;
mod error;
mod models;
mod segments;
mod status;
mod token;
mod trainings;
mod transport;

pub use chat::ChatWait;
pub use client::{Client, ClientConfig, RetryObserver, DEFAULT_BASE_URL};
pub use create::CLIENT_ID_KEY;
pub use error::{Error, ErrorKind, Result};
pub use models::*;
pub use token::ApiToken;
pub use trainings::{first_page, LIST_ALL_CONCURRENCY, PAGE_SIZE};

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send<T: Send>(_: &T) {}

    /// Tauri commands need `Send` futures; this fails to compile if a call's future is not.
    #[test]
    fn every_call_is_send_and_the_client_is_shareable() {
        fn shareable<T: Send + Sync + Clone + 'static>() {}
        shareable::<Client>();
        let client = Client::new(ClientConfig::new(DEFAULT_BASE_URL, ApiToken::new("k"))).unwrap();
        let q = ListQuery::default();
        let update = UpdateTraining {
            title: String::new(),
            content: String::new(),
            training_type: TrainingType::default(),
            is_draft: None,
            directory_id: None,
            restricted_to_channels: Vec::new(),
            restricted_to_segments: Vec::new(),
            metadata: None,
            start_time: None,
            end_time: None,
        };
        let create = CreateTraining::default();
        assert_send(&client.list_trainings(&q));
        assert_send(&client.list_all_trainings(&q));
        assert_send(&client.get_training("x"));
        assert_send(&client.create_training(&create));
        assert_send(&client.update_training("x", &update));
        assert_send(&client.delete_training("x"));
        assert_send(&client.set_draft("x", true));
        assert_send(&client.list_segments());
        assert_send(&client.get_segment("x"));
        assert_send(&client.list_directories());
        assert_send(&client.create_directory("x"));
        assert_send(&client.rename_directory("x", "y"));
        assert_send(&client.delete_directory("x"));
        let contact = ChatContact::default();
        assert_send(&client.open_chat_session(&contact, &Channel::Api));
        assert_send(&client.send_chat_message("s", "x"));
        assert_send(&client.chat_history("s", None));
        assert_send(&client.ask("s", "x", ChatWait::default()));
        let error: Box<dyn std::error::Error + Send + Sync> = Box::new(Error::Config {
            message: "x".into(),
        });
        assert!(!error.to_string().is_empty());
    }
}
