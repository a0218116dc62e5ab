//! The writing radar's cost: instruction health over a workspace of 10,000 generated trainings
//! (the workspace's always-on totals worked out once, as the check-up would), and possible
//! contradictions over 1,000 candidate pairs (the pairs the shared index would propose).
//! Run: `cargo bench -p studio --bench radar`.

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use opencx::Training;
use studio::radar::{contradictions, health, Examined, Surroundings};

const TRAININGS: usize = 10_000;
const PAIRS: usize = 1_000;

/// Realistic sections a training is made of; each generated training takes three, with its own
/// numbers and addresses so contradictions have something to find.
const SECTIONS: [&str; 6] = [
    "## Refunds\n\nRefunds are possible **within {n} days** of delivery for unworn items. \
     Always offer store credit when the window has passed.\n",
    "- Ask for the order number.\n- Check the delivery date.\n- Never promise a refund \
     before the warehouse confirms it.\n",
    "For billing questions, email billing{n}@example.com or call +1 800 555 {n}0.\n",
    "VIP customers get a {n}% discount. You can offer free shipping on orders over €{n}.\n",
    "| Plan | Returns |\n|---|---|\n| Free | {n} days |\n| Plus | 60 days |\n\n\
     See the [refund policy](https://help.example.com/refunds/{n}).\n",
    "Be friendly and brief. Never offer store credit without asking a lead. TBD: holiday hours.\n",
];

fn training(i: usize) -> Training {
    let n = (i % 27 + 3).to_string();
    let content: String = (0..3)
        .map(|k| SECTIONS[(i + k * 2) % SECTIONS.len()].replace("{n}", &n))
        .collect::<Vec<_>>()
        .join("\n");
    let title = if i.is_multiple_of(2) {
        format!("Can I get a refund after {n} days?")
    } else {
        format!("Refund policy {i}")
    };
    let channels: &[&str] = match i % 5 {
        0 => &["sms"],
        1 => &["phone_voice", "web_voice"],
        2 => &["web", "email"],
        _ => &[],
    };
    serde_json::from_value(serde_json::json!({
        "id": format!("t{i}"),
        "title": title,
        "content": content,
        "type": if i.is_multiple_of(10) { "BEHAVIORAL" } else { "SCENARIO_SPECIFIC" },
        "is_draft": i.is_multiple_of(7),
        "restricted_to_channels": channels,
        "current_version": 1,
        "end_time": if i.is_multiple_of(9) { Some("2026-01-01T00:00:00Z") } else { None },
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z"
    }))
    .expect("a generated training decodes")
}

/// Every health note of every training, the workspace's surroundings worked out first.
fn health_of_all(workspace: &[Training], now: DateTime<Utc>) -> usize {
    let around = Surroundings::new(workspace, now);
    workspace
        .iter()
        .map(|t| health(&Examined::training(t), &around).len())
        .sum()
}

/// Every possible contradiction in [`PAIRS`] pairs: each training with the one 3 after it (made
/// of the other sections) or, for odd ones, 6 after it (the same sections, other numbers).
fn contradictions_of_pairs(workspace: &[Training]) -> usize {
    (0..PAIRS)
        .map(|i| {
            let other = i + 3 * (1 + i % 2);
            contradictions(&workspace[i].content, &workspace[other].content).len()
        })
        .sum()
}

fn radar(c: &mut Criterion) {
    let workspace: Vec<Training> = (0..TRAININGS).map(training).collect();
    let now: DateTime<Utc> = "2026-12-05T00:00:00Z".parse().unwrap();
    // What the measured work finds, so a figure is never of rules that found nothing.
    println!(
        "radar: {} health notes on {TRAININGS} trainings, {} possible contradictions in {PAIRS} pairs",
        health_of_all(&workspace, now),
        contradictions_of_pairs(&workspace)
    );
    let mut group = c.benchmark_group("radar");
    group.sample_size(10);

    group.throughput(Throughput::Elements(TRAININGS as u64));
    group.bench_function("health of 10,000 trainings", |b| {
        b.iter(|| health_of_all(&workspace, now))
    });

    group.throughput(Throughput::Elements(PAIRS as u64));
    group.bench_function("contradictions of 1,000 pairs", |b| {
        b.iter(|| contradictions_of_pairs(&workspace))
    });
    group.finish();
}

criterion_group!(benches, radar);
criterion_main!(benches);
