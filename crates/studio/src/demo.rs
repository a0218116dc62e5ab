//! The demo workspace: an open.cx simulator running inside the app on a loopback port, seeded
//! with a realistic organisation (or another seed, e.g. `scale:1000` for benchmarks). Its token
//! is random per run and held in memory only; its state is kept in
//! `<data dir>/demo/<seed>.json` so edits survive restarts.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use opencx::ApiToken;
use opencx_sim::{Seed, SimConfig, SimHandle, TokenSpec};

use crate::error::{ErrorKind, Result, StudioError};

/// The demo workspace's id in the workspace list.
pub const DEMO_WORKSPACE_ID: &str = "demo";
/// The demo workspace's name.
pub const DEMO_WORKSPACE_NAME: &str = "Demo workspace";

/// A checked simulator seed: `demo`, `empty` or `scale:N`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSeed(String);

impl DemoSeed {
    pub fn name(&self) -> &str {
        &self.0
    }

    fn sim_seed(&self) -> Result<Seed> {
        Seed::from_str(&self.0).map_err(|_| {
            StudioError::invalid_input(format!(
                "\"{}\" is not a demo seed. Use demo, empty or scale:N (for example scale:1000).",
                self.0
            ))
        })
    }

    /// The state file's name: the seed with anything but letters, digits, `-` and `_` as `-`.
    fn file_name(&self) -> String {
        let safe: String = self
            .0
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("{safe}.json")
    }
}

impl Default for DemoSeed {
    fn default() -> Self {
        DemoSeed("demo".into())
    }
}

impl FromStr for DemoSeed {
    type Err = StudioError;

    fn from_str(s: &str) -> Result<Self> {
        let seed = DemoSeed(s.trim().to_owned());
        seed.sim_seed()?;
        Ok(seed)
    }
}

/// The running demo server and the token that opens it.
pub struct DemoServer {
    handle: SimHandle,
    token: ApiToken,
}

impl DemoServer {
    /// Starts the simulator on 127.0.0.1 (a free port) with the state file under `data_dir`.
    pub async fn start(data_dir: &Path, seed: &DemoSeed) -> Result<Self> {
        let state_file = state_file(data_dir, seed);
        let dir = state_file.parent().unwrap_or(data_dir);
        std::fs::create_dir_all(dir).map_err(|e| {
            StudioError::new(
                ErrorKind::Io,
                format!(
                    "The demo workspace could not create its folder ({}): {e}.",
                    dir.display()
                ),
            )
        })?;
        let token = ApiToken::new(format!("ocx_demo_{}", uuid::Uuid::new_v4().simple()));
        let config = SimConfig {
            addr: ([127, 0, 0, 1], 0).into(),
            tokens: vec![TokenSpec {
                token: token.expose().to_owned(),
                scopes: None,
            }],
            seed: seed.sim_seed()?,
            state_file: Some(state_file.clone()),
            ..SimConfig::default()
        };
        let handle = opencx_sim::spawn(config).await.map_err(|e| {
            StudioError::new(
                ErrorKind::Io,
                format!(
                    "The demo workspace could not start ({e}). If its saved state ({}) is \
                     damaged, move it away and open the demo again.",
                    state_file.display()
                ),
            )
        })?;
        tracing::info!(base_url = %handle.base_url(), seed = seed.name(), "demo workspace started");
        Ok(DemoServer { handle, token })
    }

    pub fn base_url(&self) -> String {
        self.handle.base_url()
    }

    pub fn token(&self) -> &ApiToken {
        &self.token
    }

    pub async fn stop(self) {
        self.handle.shutdown().await;
    }
}

/// `<data dir>/demo/<seed>.json`.
pub fn state_file(data_dir: &Path, seed: &DemoSeed) -> PathBuf {
    data_dir.join("demo").join(seed.file_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_parse_and_name_their_state_file() {
        let dir = Path::new("data");
        let demo: DemoSeed = "demo".parse().unwrap();
        assert_eq!(state_file(dir, &demo), Path::new("data/demo/demo.json"));
        let scale: DemoSeed = "scale:1000".parse().unwrap();
        assert_eq!(scale.name(), "scale:1000");
        assert_eq!(
            state_file(dir, &scale),
            Path::new("data/demo/scale-1000.json")
        );
        assert_eq!(DemoSeed::default(), demo);
    }

    #[test]
    fn unknown_seed_is_invalid_input() {
        let err = "../../etc".parse::<DemoSeed>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.message().contains("scale:N"));
    }

    #[tokio::test]
    async fn starts_on_loopback_and_keeps_state_in_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let server = DemoServer::start(dir.path(), &DemoSeed::default())
            .await
            .unwrap();
        assert!(server.base_url().starts_with("http://127.0.0.1:"));
        assert!(server.token().expose().starts_with("ocx_demo_"));
        let client = opencx::Client::new(opencx::ClientConfig::new(
            server.base_url(),
            server.token().clone(),
        ))
        .unwrap();
        let trainings = client
            .list_all_trainings(&opencx::ListQuery::default())
            .await
            .unwrap();
        assert!(!trainings.is_empty());
        // "Try it on open.cx" works on the demo: its key may open chat sessions.
        let chat = client
            .open_chat_session(&opencx::ChatContact::default(), &opencx::Channel::Api)
            .await
            .unwrap();
        let answer = client
            .ask(&chat, "Where is my order?", opencx::ChatWait::default())
            .await
            .unwrap();
        assert_eq!(answer.handed_off, Some(false));
        server.stop().await;
        assert!(dir.path().join("demo/demo.json").exists());
    }

    #[tokio::test]
    async fn each_run_has_its_own_token() {
        let dir = tempfile::tempdir().unwrap();
        let a = DemoServer::start(dir.path(), &"empty".parse().unwrap())
            .await
            .unwrap();
        let token_a = a.token().expose().to_owned();
        a.stop().await;
        let b = DemoServer::start(dir.path(), &"empty".parse().unwrap())
            .await
            .unwrap();
        assert_ne!(b.token().expose(), token_a);
        b.stop().await;
    }
}
