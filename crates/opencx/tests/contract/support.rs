//! Starting a simulator and a client for it, and reading the simulator's request log.

use std::time::Duration;

use opencx::{ApiToken, Client, ClientConfig, CreateTraining, Training};
use opencx_sim::{DraftMode, Seed, SimConfig, SimHandle};

pub use opencx_sim::{DEFAULT_FULL_TOKEN as FULL, DEFAULT_READ_TOKEN as READ_ONLY};

/// A simulator with this seed and otherwise default settings.
pub async fn sim(seed: Seed) -> SimHandle {
    sim_with(SimConfig {
        seed,
        ..SimConfig::default()
    })
    .await
}

/// Both readings of `is_draft` the simulator offers; the draft-relevant tests run in each.
pub const DRAFT_MODES: [DraftMode; 2] = [DraftMode::Fields, DraftMode::Literal];

/// An empty simulator reading `is_draft` the `mode` way.
pub async fn sim_in(mode: DraftMode) -> SimHandle {
    sim_with(SimConfig {
        draft_mode: mode,
        ..SimConfig::default()
    })
    .await
}

pub async fn sim_with(config: SimConfig) -> SimHandle {
    opencx_sim::spawn(config)
        .await
        .expect("the simulator starts")
}

/// A client with the full-access token and the default settings.
pub fn client(sim: &SimHandle) -> Client {
    client_with(sim, FULL, |_| {})
}

/// A client with `token`, its settings adjusted by `adjust`.
pub fn client_with(sim: &SimHandle, token: &str, adjust: impl FnOnce(&mut ClientConfig)) -> Client {
    let mut config = ClientConfig::new(sim.base_url(), ApiToken::new(token));
    adjust(&mut config);
    Client::new(config).expect("a valid client config")
}

/// The simulator's request log as `METHOD /path?query` lines.
pub fn log(sim: &SimHandle) -> Vec<String> {
    sim.requests()
        .into_iter()
        .map(|r| match r.query {
            Some(q) => format!("{} {}?{}", r.method, r.path, q),
            None => format!("{} {}", r.method, r.path),
        })
        .collect()
}

/// `METHOD /path` of every request, without queries.
pub fn routes(sim: &SimHandle) -> Vec<String> {
    sim.requests()
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

/// Creates a published training with this title and content.
pub async fn create(client: &Client, title: &str, content: &str) -> Training {
    client
        .create_training(&CreateTraining::new(title, content))
        .await
        .expect("create")
}

/// A total timeout short enough for tests of hanging requests.
pub const SHORT_TIMEOUT: Duration = Duration::from_secs(1);
