//! Benchmark: a bulk move of N trainings (first argument, default 150) as the studio runs it
//! (fresh GET, then PUT, one item after the other through one client), against an in-process
//! simulator with the `scale:N` seed, both the simulator and the client at open.cx's 100
//! requests per minute. Prints a markdown table row: N, requests sent, requests per training,
//! wall time, the floor the rate limit sets (requests ÷ 100/min) and wall/floor. The 429s the
//! simulator answered go to stderr (the client's budget should keep them at zero).
//!
//! `cargo run --release -p studio --example bench_bulk_move -- 150` (about two to three minutes)

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use opencx::{ApiToken, Client, ClientConfig};
use opencx_sim::{Seed, SimConfig, DEFAULT_FULL_TOKEN};
use studio::job_runner::JobRun;
use studio::review::Names;
use studio::{JobRequest, JobState, MoveItem};

const PER_MINUTE: u32 = 100;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(arg) => arg.parse()?,
        None => 150,
    };
    let sim = opencx_sim::spawn(SimConfig {
        seed: Seed::Scale(n),
        rate_limit_per_minute: PER_MINUTE,
        ..SimConfig::default()
    })
    .await?;
    let mut config = ClientConfig::new(sim.base_url(), ApiToken::new(DEFAULT_FULL_TOKEN));
    config.requests_per_minute = PER_MINUTE;
    let client = Client::new(config)?;
    // The ids come from the simulator's state, so the budget is all the move's.
    let target = "bench-target-directory";
    let items: Vec<MoveItem> = sim
        .trainings()
        .iter()
        .filter_map(|t| t["id"].as_str())
        .map(|id| MoveItem {
            id: id.to_owned(),
            directory_id: Some(target.to_owned()),
        })
        .collect();
    let request = JobRequest::Move { items };
    let cancel = AtomicBool::new(false);
    let job = JobRun {
        client: &client,
        job_id: "bench",
        request: &request,
        cancel: &cancel,
        titles: Default::default(),
        queue: None,
        seen: Default::default(),
        rules: Default::default(),
        names: Names {
            directories: &[],
            segments: &[],
        },
    };

    let before = client.requests_sent();
    let started = Instant::now();
    let last = job.run(|_| {}).await;
    let wall = started.elapsed();
    let requests = client.requests_sent() - before;

    assert_eq!(last.state, JobState::Finished);
    assert_eq!(last.done as usize, n);
    assert!(last.failed.is_empty(), "{:?}", last.failed);
    let limited = sim
        .requests()
        .iter()
        .filter(|r| r.status == Some(429))
        .count();
    eprintln!("429 answers from the simulator: {limited}");
    let floor = Duration::from_secs_f64(requests as f64 * 60.0 / f64::from(PER_MINUTE));
    println!(
        "| trainings | requests sent | requests per training | wall time | rate-limit floor \
         (requests ÷ {PER_MINUTE}/min) | wall / floor |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {n} | {requests} | {:.2} | {:.1} s | {:.1} s | {:.2} |",
        requests as f64 / n as f64,
        wall.as_secs_f64(),
        floor.as_secs_f64(),
        wall.as_secs_f64() / floor.as_secs_f64(),
    );
    sim.shutdown().await;
    Ok(())
}
