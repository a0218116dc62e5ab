//! The one error type of the simulator's Rust API: what can stop it from starting or saving.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Why the simulator could not start or could not save its state.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(
        "the state file {} is not a valid simulator state ({reason}); fix or remove it, it was left untouched",
        path.display()
    )]
    CorruptState { path: PathBuf, reason: String },
    #[error("could not read or write the state file {}: {source}", path.display())]
    StateIo {
        path: PathBuf,
        source: std::io::Error,
    },
}
