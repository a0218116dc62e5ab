//! The simulator over real HTTP on loopback: every route, auth, scopes, validation, the
//! draft/publish state machine (in both draft readings), listing, chat sessions (in both answer
//! shapes), rate limit, faults, control routes, persistence,
//! seeds and the binary.

mod auth;
mod binary;
mod chat;
mod common;
mod control;
mod directories;
mod draft_modes;
mod faults;
mod listing;
mod persistence;
mod rate_limit;
mod seeds;
mod segments;
mod trainings;
mod validation;
