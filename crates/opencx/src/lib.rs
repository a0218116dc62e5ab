//! Typed async client of the open.cx training API: models with tolerant decoding, one error
//! enum with stable kinds, retries for idempotent calls, safe creates, a client-side rate
//! budget, and concurrent pagination. No Tauri, no app logic.
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

pub use client::{Client, ClientConfig, DEFAULT_BASE_URL};
pub use create::CLIENT_ID_KEY;
pub use error::{Error, ErrorKind, Result};
pub use models::*;
pub use token::ApiToken;
pub use trainings::{LIST_ALL_CONCURRENCY, PAGE_SIZE};
