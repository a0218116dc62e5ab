//! What the job, move and organising tests share: an in-process simulator, a signed-in
//! `Studio` whose job reports arrive on a channel, and a second client ("someone else") on the
//! same simulator.

#![allow(dead_code)] // each test crate uses a different part of this

use std::sync::Arc;
use std::time::Duration;

use opencx::{ApiToken, Client, ClientConfig, Training};
use opencx_sim::{SimConfig, SimHandle, DEFAULT_FULL_TOKEN};
use serde_json::Value;
use studio::{JobProgress, JobRequest, JobState, MemoryStore, Seen, Studio};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

pub struct Fixture {
    pub sim: SimHandle,
    pub studio: Arc<Studio>,
    pub dir: tempfile::TempDir,
    pub keys: MemoryStore,
    pub events: UnboundedReceiver<JobProgress>,
}

/// A simulator with `seed` and no rate limit, and a studio signed in to it.
pub async fn fixture(seed: &str) -> Fixture {
    fixture_at(seed, 0).await
}

/// The same with the simulator and the studio's client both at `per_minute` (0 = no limit).
pub async fn fixture_at(seed: &str, per_minute: u32) -> Fixture {
    fixture_on(
        SimConfig {
            seed: seed.parse().unwrap(),
            rate_limit_per_minute: per_minute,
            ..SimConfig::default()
        },
        DEFAULT_FULL_TOKEN,
    )
    .await
}

/// A simulator started with `config` and a studio signed in to it with `key` (the studio's
/// client at the simulator's rate limit).
pub async fn fixture_on(config: SimConfig, key: &str) -> Fixture {
    let per_minute = config.rate_limit_per_minute;
    let sim = opencx_sim::spawn(config).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keys = MemoryStore::new();
    let studio = Arc::new(
        Studio::new(dir.path(), Box::new(keys.clone())).with_requests_per_minute(per_minute),
    );
    let (tx, events) = unbounded_channel();
    studio.set_job_hook(move |p| {
        let _ = tx.send(p.clone());
    });
    studio
        .sign_in("Support", &sim.base_url(), key)
        .await
        .unwrap();
    Fixture {
        sim,
        studio,
        dir,
        keys,
        events,
    }
}

/// The last copy of training `id` a job's reports answered.
pub fn answered(reports: &[JobProgress], id: &str) -> Training {
    reports
        .iter()
        .flat_map(|r| &r.updated)
        .rfind(|t| t.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("no answer for {id} in {reports:?}"))
}

impl Fixture {
    /// Every report of job `id` up to and including its last one.
    pub async fn finish(&mut self, id: &str) -> Vec<JobProgress> {
        let mut seen = Vec::new();
        loop {
            let p = tokio::time::timeout(Duration::from_secs(60), self.events.recv())
                .await
                .expect("the job ends within a minute")
                .expect("the hook stays");
            if p.job_id != id {
                continue;
            }
            let end = p.state != JobState::Running;
            seen.push(p);
            if end {
                return seen;
            }
        }
    }

    /// Starts `request` with the versions the editor saw and answers every report of it up to
    /// and including its last (a single publish, unpublish or delete is a job of one).
    pub async fn job(&mut self, request: JobRequest, seen: Seen) -> Vec<JobProgress> {
        let id = self.studio.start_job(request, seen).unwrap();
        self.finish(&id).await
    }

    /// Someone else working on the same open.cx organisation.
    pub fn other_client(&self) -> Client {
        let mut config = ClientConfig::new(self.sim.base_url(), ApiToken::new(DEFAULT_FULL_TOKEN));
        config.requests_per_minute = 0;
        Client::new(config).unwrap()
    }

    /// The server's training now, decoded.
    pub fn server(&self, id: &str) -> Training {
        let t = self
            .sim
            .trainings()
            .into_iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("no training {id}"));
        serde_json::from_value(t).unwrap()
    }

    pub fn exists(&self, id: &str) -> bool {
        self.sim.trainings().iter().any(|t| t["id"] == id)
    }

    /// The requests received since the last `clear_requests`, as (method, path, body, status).
    pub fn requests(&self) -> Vec<(String, String, Option<Value>, Option<u16>)> {
        self.sim
            .requests()
            .into_iter()
            .map(|r| (r.method, r.path, r.body, r.status))
            .collect()
    }
}
