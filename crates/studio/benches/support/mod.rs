//! What the benches share: a latency's tail. Criterion reports means and medians; a target
//! stated as a p95 ("an answer within 10 ms p95") needs the slowest runs too, so these benches
//! also time a loop of single calls and print its p50 and p95.

use std::time::Instant;

/// Times `runs` calls of `call` one by one and prints their p50 and p95 after `what`: "reach
/// answer over 10000 trainings: p50 3.97 ms, p95 4.51 ms (300 runs)".
pub fn print_percentiles(what: &str, runs: usize, mut call: impl FnMut()) {
    let mut took: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            call();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    took.sort_by(f64::total_cmp);
    let (p50, p95) = (took[runs / 2], took[runs * 95 / 100]);
    println!("{what}: p50 {p50:.2} ms, p95 {p95:.2} ms ({runs} runs)");
}
