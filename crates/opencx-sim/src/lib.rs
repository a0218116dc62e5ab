//! A faithful local open.cx server: the training, segment, chat-session and (simulator-only)
//! directory routes of `opencx-api.md`, with the same auth, scopes, validation messages, rate limit and
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
//! - `start_time`/`end_time` (names and types only in open.cx's docs) are an active window:
//!   a training is active iff `start_time ≤ now < end_time`, a missing bound being open
//!   ([`is_active_at`]). Stored and answered as given (canonical RFC 3339 UTC); the training
//!   routes never filter by it.
//!
//! Two readings of what open.cx leaves undocumented, chosen per simulator
//! ([`SimConfig::draft_mode`], [`SimConfig::omitted_fields`]; `--draft-mode`,
//! `--omitted-fields`). Both are the simulator's readings, not open.cx's documentation.
//!
//! `fields` (the default): a draft waits beside the live version.
//! - `POST /training` with `is_draft: true`: no version, the text in `title`/`content` and in
//!   `draft_title`/`draft_content`.
//! - `PUT /training/{id}` with `is_draft: true`: a training never published gets the text
//!   everywhere and stays a draft; a published one keeps its live text, version and
//!   `published_at`, and gets the text as `draft_*`. With `is_draft` false or omitted: the text
//!   is published at once (`current_version + 1` or 1, `published_at = now`, `draft_*` null,
//!   `is_draft = false`).
//!
//! `literal`: `is_draft` read word for word ("if true, saved as draft and not used by the AI").
//! - `draft_title`/`draft_content` are always null, in answers and in the store (pending draft
//!   text in a seed or state file is dropped at start; the live text stays).
//! - `POST /training` with `is_draft: true`: no version, the text only in `title`/`content`.
//! - `PUT /training/{id}`: `title`/`content` always replace the live text. `is_draft: true`
//!   takes the training out of use (`is_draft = true`; `current_version` and `published_at`
//!   kept). `is_draft: false` puts it in use (`is_draft = false`), with a new version
//!   (`current_version + 1` or 1, `published_at = now`) only when it was a draft before or its
//!   title/content changed. `is_draft` omitted leaves `is_draft` as it was; a live training
//!   whose text changed gets a new version as above.
//!
//! In both: `PUT /training/{id}/draft {is_draft: true}` takes the training out of use (version
//! kept); `{is_draft: false}` puts it in use as a new version, promoting `draft_*` if any.
//!
//! Chat sessions (`POST /chat/sessions`, `POST /chat/sessions/{id}/send`,
//! `GET /chat/sessions/{id}/history`), the simulator's own choices:
//! - Scopes `chat-sessions:write` (open, send) and `chat-sessions:read` (history), its reading of
//!   the docs' `chat-sessions:*`. Sessions and contacts live in memory only (never in the state
//!   file). A `contact` with the email of a contact met before is that contact; an unknown
//!   `contact_id` is 404 `Contact not found`, an unknown session 404 `Session not found`. A
//!   channel refused for trainings (`--refuse-channel`) is refused for a session too (400).
//! - The AI's answer is the simulator's own reading (`chat/answer.rs`): the first paragraph of
//!   its best word match among the trainings in use on the session's channel and active now,
//!   or a handoff to a person when nothing matches. `debugInfo.work_instructions_scanned` lists
//!   what it scanned (every "Always on" training that applies, then at most three matches),
//!   each with the documented `content` plus its `id` and `title`.
//! - What `send` answers is [`SimConfig::chat_answer`] (`--chat-answer`, or
//!   `PUT /_sim/chat-answer {"shape": "id-only"}` while it runs): `in-response` (the default)
//!   gives `autopilotResponse.value.content`, `sessionIsHandedOff`, `mightSolveUserIssue`,
//!   `completelyAndFullyCoveredUserIssue` and `debugInfo`; `id-only` gives
//!   `{success, data: {message: {id}}}`. Either way the message and the answer are added to the
//!   history: `{data: [{id, sender: "contact" | "ai", content, created_at}], next_cursor}`, oldest
//!   first, `?cursor=` the `next_cursor` of the page before, `limit` 1..=100 (50).
//!
//! Omitted fields: `kept` (the default) leaves `metadata`, `start_time` and `end_time` alone
//! when a `PUT` leaves them out; `cleared` sets them to `{}`, null and null. Other omitted
//! optional fields are always kept.

mod api_error;
mod app;
mod auth;
mod chat;
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
mod readings;
mod record;
mod routes;
pub mod seed;
mod server;
mod store;
mod validation;

pub use chat::answer::HANDOFF_TEXT;
pub use config::{
    default_tokens, Seed, SimConfig, TokenSpec, DEFAULT_FULL_TOKEN, DEFAULT_READ_TOKEN, SCOPES,
};
pub use error::SimError;
pub use faults::{DropMode, Faults, RouteFailure, FAILURE_STATUSES};
pub use model::{is_active_at, CHANNELS};
pub use readings::{ChatAnswer, DraftMode, OmittedFields};
pub use record::RecordedRequest;
pub use server::{spawn, SimHandle};
