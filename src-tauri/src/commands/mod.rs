//! The IPC commands the UI calls (through ui/src/lib/ipc.ts). Each one unpacks its arguments,
//! calls the `studio` service and returns its answer or its `{kind, message}` error.

pub mod chat_try;
pub mod directories;
pub mod examples;
pub mod files;
pub mod find_replace;
pub mod history;
pub mod jobs;
pub mod journal;
pub mod links;
pub mod organise;
pub mod outbox;
pub mod radar;
pub mod reach;
pub mod similar;
pub mod trainings;
pub mod window;
pub mod workspaces;

#[cfg(test)]
include!("names.rs");
