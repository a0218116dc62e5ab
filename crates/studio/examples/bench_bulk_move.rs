//! Benchmark: a bulk job over N trainings (first argument, default 150) as the studio runs it
//! (fresh GET, then PUT, one item after the other through one client), against an in-process
//! simulator with the `scale:N` seed, both the simulator and the client at open.cx's 100
//! requests per minute. The job is a move (second argument `move`, the default) or a find and
//! replace (`replace`: "customer" → "client", whole words, planned by `find_replace` over the
//! seeded trainings and saved as drafts, as the app's "Replace in N trainings" does). Prints a
//! markdown table row: the job, N, requests sent, requests per training, wall time, the floor the
//! rate limit sets (requests ÷ 100/min) and wall/floor. The 429s the simulator answered go to
//! stderr (the client's budget should keep them at zero).
//!
//! `cargo run --release -p studio --example bench_bulk_move -- 150` (about two to three minutes)
//! `cargo run --release -p studio --example bench_bulk_move -- 150 replace`

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use opencx::Training;
use opencx::{ApiToken, Client, ClientConfig};
use opencx_sim::{Seed, SimConfig, DEFAULT_FULL_TOKEN};
use studio::find_replace::{self, Exclusions, FindQuery, FindScope, Matcher};
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
    // The trainings come from the simulator's state, so the budget is all the job's.
    let trainings: Vec<Training> = sim
        .trainings()
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()?;
    let kind = std::env::args().nth(2).unwrap_or_else(|| "move".into());
    let request = match kind.as_str() {
        "move" => move_all(&trainings),
        "replace" => replace_in(&trainings)?,
        other => return Err(format!("unknown job {other:?}: move or replace").into()),
    };
    let n = request.ids().len();
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
        "| job | trainings | requests sent | requests per training | wall time | rate-limit floor \
         (requests ÷ {PER_MINUTE}/min) | wall / floor |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {kind} | {n} | {requests} | {:.2} | {:.1} s | {:.1} s | {:.2} |",
        requests as f64 / n as f64,
        wall.as_secs_f64(),
        floor.as_secs_f64(),
        wall.as_secs_f64() / floor.as_secs_f64(),
    );
    sim.shutdown().await;
    Ok(())
}

/// Every training moved to one new directory.
fn move_all(trainings: &[Training]) -> JobRequest {
    let target = "bench-target-directory";
    JobRequest::Move {
        items: trainings
            .iter()
            .map(|t| MoveItem {
                id: t.id.clone(),
                directory_id: Some(target.to_owned()),
            })
            .collect(),
    }
}

/// "customer" → "client" (whole words) in every training that says it, as drafts.
fn replace_in(trainings: &[Training]) -> Result<JobRequest, Box<dyn std::error::Error>> {
    let query = FindQuery {
        find: "customer".into(),
        replacement: "client".into(),
        whole_words: true,
        ..FindQuery::default()
    };
    let plan = find_replace::plan(
        trainings,
        &FindScope::Workspace,
        &Matcher::new(&query)?,
        query.within,
        &Exclusions::default(),
    )?;
    if plan.items.len() < trainings.len() {
        eprintln!(
            "{} of the {} trainings say “customer”: the replace touches those",
            plan.items.len(),
            trainings.len()
        );
    }
    Ok(JobRequest::Replace {
        items: plan.items,
        publish: false,
    })
}
