//! A faithful local open.cx server: the training, segment and (simulator-only) directory
//! routes of `opencx-api.md`, with the same auth, scopes, validation messages, rate limit and
//! draft/publish behaviour, plus fault injection and seed data. Tests start it in-process
//! with [`spawn`]; the `opencx-sim` binary serves it on the command line
//! (`cargo run -p opencx-sim -- --seed demo`, then
//! `curl -H 'Authorization: Bearer ocx_test_full' http://127.0.0.1:PORT/training`).
//!
//! The simulator's own choices where open.cx documents nothing (`[sim]` in opencx-api.md):
//! - `GET /training` is ordered by `created_at`, newest first (ties by id), or with
//!   `sort_by=handoff_count` by a per-training handoff count, most first, then newest first.
//!   `search` matches title, content, draft_title and draft_content, case-insensitively;
//!   `metadata` matches by JSON containment (objects recursively, arrays by inclusion).
//! - `GET /training/directories` answers a bare JSON array in creation order. `directory_id`
//!   in a training body is not checked against the directories.
//! - A PUT or create leaves out absent optional fields (defaults on create, unchanged on
//!   update); an explicit `null` clears `directory_id`, `start_time` and `end_time`.
//! - Order of checks: route (404 `Route METHOD:/path not found`, no token needed), token (401),
//!   rate limit per token (429 + `Retry-After`), scope (403 `Missing scope: …`), validation
//!   (400), then the id (404 `Training not found`). Faults act before all of these, except
//!   a drop `after` and malformed JSON, which act on the handler's answer.
//! - When the state file cannot be written the change stays in memory and the answer is 500.

mod api_error;
mod app;
mod auth;
mod clock;
mod config;
mod control;
mod error;
mod faults;
mod list;
mod model;
mod persist;
mod pipeline;
mod rate_limit;
mod record;
mod routes;
pub mod seed;
mod server;
mod store;
mod validation;

pub use config::{
    default_tokens, Seed, SimConfig, TokenSpec, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN, SCOPES,
};
pub use error::SimError;
pub use faults::{DropMode, Faults, RouteFailure, FAILURE_STATUSES};
pub use model::CHANNELS;
pub use record::RecordedRequest;
pub use server::{spawn, SimHandle};
