//! A faithful local open.cx server: the training, segment and (simulator-only) directory
//! routes of `opencx-api.md`, with the same auth, scopes, validation messages, rate limit and
//! draft/publish behaviour, plus fault injection and seed data. Tests start it in-process
//! with [`spawn`]; the `opencx-sim` binary serves it on the command line.

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
