//! Benchmark: load every training of a 10 000-training workspace (the in-process simulator's
//! `scale:10000` seed, 20 ms latency per request, no rate limit on either side), one page after
//! the other versus `LIST_ALL_CONCURRENCY` pages at a time, and print the figures side by side.
//!
//! `cargo run --release -p opencx --example bench_list_all`

use std::time::{Duration, Instant};

use opencx::{ApiToken, Client, ClientConfig, ListQuery, LIST_ALL_CONCURRENCY};
use opencx_sim::{Seed, SimConfig};

const TRAININGS: usize = 10_000;
const LATENCY_MS: u64 = 20;
const RUNS: usize = 5;

/// One way of loading: its name and how many pages it keeps in flight.
struct Mode {
    name: String,
    concurrency: usize,
    times: Vec<Duration>,
    requests: Vec<u64>,
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sim = opencx_sim::spawn(SimConfig {
        seed: Seed::Scale(TRAININGS),
        rate_limit_per_minute: 0,
        latency_ms: LATENCY_MS,
        ..SimConfig::default()
    })
    .await?;
    let mut config = ClientConfig::new(
        sim.base_url(),
        ApiToken::new(opencx_sim::DEFAULT_FULL_TOKEN),
    );
    config.requests_per_minute = 0;
    let client = Client::new(config)?;

    let mut modes = [
        Mode {
            name: "serial".into(),
            concurrency: 1,
            times: Vec::new(),
            requests: Vec::new(),
        },
        Mode {
            name: format!("concurrent ({LIST_ALL_CONCURRENCY} in flight)"),
            concurrency: LIST_ALL_CONCURRENCY,
            times: Vec::new(),
            requests: Vec::new(),
        },
    ];
    let q = ListQuery::default();
    // Runs alternate between the modes so that drift affects both alike.
    for _ in 0..RUNS {
        for mode in &mut modes {
            sim.clear_requests();
            let before = client.requests_sent();
            let started = Instant::now();
            let all = client
                .list_all_trainings_with_concurrency(&q, mode.concurrency)
                .await?;
            mode.times.push(started.elapsed());
            let sent = client.requests_sent() - before;
            assert_eq!(all.len(), TRAININGS, "{}: every training", mode.name);
            assert_eq!(
                sim.requests().len() as u64,
                sent,
                "{}: the server saw what the client sent",
                mode.name
            );
            mode.requests.push(sent);
        }
    }
    sim.shutdown().await;

    println!(
        "list-all of {TRAININGS} trainings, {LATENCY_MS} ms latency per request, no rate limit, {RUNS} runs each"
    );
    println!(
        "{:<26} {:>9} {:>10} {:>10} {:>10}",
        "mode", "requests", "median", "min", "max"
    );
    for mode in &modes {
        println!(
            "{:<26} {:>9} {:>10} {:>10} {:>10}",
            mode.name,
            mode.requests[0],
            ms(median(&mode.times)),
            ms(*mode.times.iter().min().unwrap_or(&Duration::ZERO)),
            ms(*mode.times.iter().max().unwrap_or(&Duration::ZERO)),
        );
        assert!(
            mode.requests.iter().all(|r| *r == 100),
            "{}: exactly 100 requests per run, got {:?}",
            mode.name,
            mode.requests
        );
    }
    let ratio = median(&modes[0].times).as_secs_f64() / median(&modes[1].times).as_secs_f64();
    println!("speed-up of the medians: {ratio:.1}x");
    Ok(())
}
