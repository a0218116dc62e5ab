//! The state every handler shares: the store (and its state file), the chat sessions, faults,
//! rate limiter, tokens, switches and the request log.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::watch;

use crate::api_error::ApiError;
use crate::chat::Chats;
use crate::config::TokenSpec;
use crate::faults::FaultState;
use crate::persist;
use crate::rate_limit::RateLimiter;
use crate::readings::ChatAnswer;
use crate::record::{Entry, RecordedRequest, RequestLog};
use crate::store::Store;

/// What the router's handlers get.
pub type AppState = Arc<Shared>;

/// Locks a mutex; a panic elsewhere never makes the simulator unusable.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

pub struct Shared {
    pub store: Mutex<Store>,
    pub state_file: Option<PathBuf>,
    /// The chat sessions (in memory only).
    pub chats: Mutex<Chats>,
    /// Which documented answer a chat `send` gives.
    pub chat_answer: Mutex<ChatAnswer>,
    pub faults: Mutex<FaultState>,
    pub limiter: Mutex<RateLimiter>,
    pub directories_enabled: AtomicBool,
    /// Channels this workspace refuses with open.cx's validation answer.
    pub refused_channels: Mutex<Vec<String>>,
    pub tokens: Vec<TokenSpec>,
    pub control_token: Option<String>,
    pub log: Mutex<RequestLog>,
    /// Becomes true when the server shuts down (ends hanging requests early).
    pub shutdown: watch::Receiver<bool>,
}

impl Shared {
    /// Reads the store.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        f(&lock(&self.store))
    }

    /// Changes the store; when `f` succeeds and there is a state file, it is rewritten before
    /// the answer goes out (under the lock, so writes land in order).
    pub fn write<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut store = lock(&self.store);
        let value = f(&mut store)?;
        if let Some(path) = &self.state_file {
            let bytes = persist::encode(store.state());
            if let Err(e) = persist::write_atomically(path, &bytes) {
                tracing::error!("{e}");
                return Err(ApiError::internal("The simulator could not save its state"));
            }
        }
        Ok(value)
    }

    pub fn directories_enabled(&self) -> bool {
        self.directories_enabled.load(Ordering::Relaxed)
    }

    pub fn set_directories_enabled(&self, on: bool) {
        self.directories_enabled.store(on, Ordering::Relaxed);
    }

    pub fn refused_channels(&self) -> Vec<String> {
        lock(&self.refused_channels).clone()
    }

    pub fn set_refused_channels(&self, channels: Vec<String>) {
        *lock(&self.refused_channels) = channels;
    }

    pub fn chat_answer(&self) -> ChatAnswer {
        *lock(&self.chat_answer)
    }

    pub fn set_chat_answer(&self, shape: ChatAnswer) {
        *lock(&self.chat_answer) = shape;
    }

    /// The accepted token with this value.
    pub fn token(&self, presented: &str) -> Option<&TokenSpec> {
        self.tokens.iter().find(|t| t.token == presented)
    }

    pub fn record(&self, request: RecordedRequest) -> Entry {
        lock(&self.log).push(request)
    }

    pub fn record_status(&self, entry: Entry, status: u16) {
        lock(&self.log).set_status(entry, status);
    }
}
