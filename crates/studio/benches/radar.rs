//! The writing radar's cost: instruction health over a workspace of 10,000 generated trainings
//! (the workspace's always-on totals worked out once, as the check-up would), and possible
//! contradictions over 1,000 candidate pairs (the pairs the shared index would propose).
//!
//! The workspace check-up (`checkup.rs`) over 1,000 and 10,000 generated support trainings with
//! realistic overlap (topics shared by a few dozen trainings, sentences reused across them, a
//! near-copy every 40th, a different number of days every 60th), its candidate pairs from the
//! index (criterion), beside the all-pairs baseline in the same run: every pair assessed by the
//! radar, each training read once. At 1,000 the baseline's 499,500 pairs are timed in one run
//! (criterion's ten would take minutes); at 10,000 all pairs are 49,995,000: the baseline times a
//! fixed sample of 200,000 pairs (every training with the 20 after it, wrapping) and extrapolates
//! per pair, which it says when it prints.
//!
//! The editor's "Similar trainings" for one training while it is typed (an unsaved edit of a
//! training that has a near-copy), on the same workspaces at 1,000 and 10,000 (criterion, and the
//! p50/p95 of a timed loop, the target being a p95), beside the all-pairs baseline for one
//! training in the same run: the edit compared with every other training, each read for the
//! comparison as the lookup reads its candidates (the baseline skips the lookup's line diffs).
//! Run: `cargo bench -p studio --bench radar`.

mod support;

use std::collections::HashMap;
use std::time::Instant;

use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use opencx::Training;
use studio::checkup::{check_up, CheckUpScope};
use studio::radar::{
    contradictions, health, similarity, Compared, Examined, Profile, Similarity, Surroundings,
};
use studio::similar_trainings::similar_trainings;
use studio::{TrainingDraft, TrainingIndex};
use support::print_percentiles;

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

/// What support trainings are about: 60 subjects, each asked about in 8 ways.
const SUBJECTS: [&str; 60] = [
    "refund",
    "invoice",
    "order",
    "parcel",
    "password",
    "subscription",
    "discount code",
    "gift card",
    "warranty",
    "exchange",
    "two-factor login",
    "delivery slot",
    "price match",
    "data export",
    "team invite",
    "pickup point",
    "loyalty points",
    "store credit",
    "voucher",
    "bank transfer",
    "instalment plan",
    "newsletter",
    "account deletion",
    "address change",
    "express delivery",
    "customs fee",
    "size guide",
    "repair",
    "damaged item",
    "missing item",
    "late delivery",
    "courier",
    "parcel locker",
    "preorder",
    "backorder",
    "restock alert",
    "student discount",
    "business account",
    "bulk order",
    "wholesale price",
    "mobile app",
    "browser error",
    "cookie banner",
    "privacy request",
    "chargeback",
    "complaint",
    "VIP programme",
    "birthday reward",
    "referral bonus",
    "trial plan",
    "plan upgrade",
    "plan downgrade",
    "cancellation",
    "renewal",
    "receipt",
    "tax number",
    "VAT invoice",
    "opening hours",
    "holiday hours",
    "phone callback",
];

const ASKS: [&str; 8] = [
    "Customer asks about a late {s}",
    "How to cancel a {s}",
    "Customer cannot find their {s}",
    "Escalate a disputed {s}",
    "Explain {s} fees",
    "Change a {s} after purchase",
    "When the {s} is not working",
    "Questions about {s} limits",
];

/// Sentences trainings are written with; `{s}` is the subject, `{n}` a number of days.
const LINES: [&str; 24] = [
    "Greet the customer by name and confirm which {s} they mean before doing anything else.",
    "Check the account history for earlier conversations about the same {s}.",
    "If the customer is upset, acknowledge it in one short sentence and move on to the fix.",
    "Never promise a date you cannot see in the order system.",
    "Offer the self-service link first; hand off to a human only if it does not work.",
    "Quote amounts in the customer's own currency, with two decimals.",
    "When the {s} is older than {n} days, explain the policy and offer store credit.",
    "Ask for the order number if it is not already in the conversation.",
    "Keep answers under five sentences unless the customer asks for details.",
    "Summarise what you changed at the end of the conversation.",
    "Do not ask for full card numbers or passwords, ever.",
    "If the customer mentions a lawyer or a chargeback, hand off to a human agent.",
    "A {s} can be changed within {n} days from the account page.",
    "Always offer a discount code when a {s} went wrong twice.",
    "For questions about the {s}, email billing@example.com.",
    "Explain that the {s} is handled by the warehouse team within two working days.",
    "Share the help article about the {s} and ask whether it answered the question.",
    "Confirm the delivery address before changing anything about the {s}.",
    "If the {s} was bought in a shop, ask for the receipt.",
    "Tell the customer how long the {s} takes: usually {n} days.",
    "Do not offer compensation for the {s} without a lead's approval.",
    "Use the customer's language and keep the tone friendly and calm.",
    "Write the {s} reference in the note so the next agent sees it.",
    "Point VIP customers to the priority line for anything about the {s}.",
];

/// A deterministic stream of numbers (a linear congruential generator).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// `n` support trainings: each about one of [`SUBJECTS`] (so each topic has n/60 trainings), 3
/// to 6 of [`LINES`]; every 40th a near-copy of the one before (one sentence more), every 60th
/// the one before with another number of days, every 25th a draft, every 7th on WhatsApp only.
fn support_workspace(n: usize) -> HashMap<String, Training> {
    let mut rng = Lcg(12);
    let mut made: Vec<(String, String)> = Vec::with_capacity(n);
    for i in 0..n {
        let (title, content) = if i % 40 == 39 {
            let (title, content) = &made[i - 1];
            (
                format!("{title} (copy)"),
                format!("{content} Thank them for waiting."),
            )
        } else if i % 60 == 59 {
            let (title, content) = &made[i - 1];
            (
                format!("{title}, again"),
                content.replace(" 30 days", " 14 days"),
            )
        } else {
            let subject = SUBJECTS[rng.below(SUBJECTS.len())];
            let title = ASKS[rng.below(ASKS.len())].replace("{s}", subject);
            let lines = 3 + rng.below(4);
            let content = (0..lines)
                .map(|_| {
                    LINES[rng.below(LINES.len())]
                        .replace("{s}", subject)
                        .replace("{n}", "30")
                })
                .collect::<Vec<_>>()
                .join(" ");
            (title, content)
        };
        made.push((title, content));
    }
    made.into_iter()
        .enumerate()
        .map(|(i, (title, content))| {
            let channels: &[&str] = if i % 7 == 0 { &["whatsapp"] } else { &[] };
            let training: Training = serde_json::from_value(serde_json::json!({
                "id": format!("t{i}"),
                "title": title,
                "content": content,
                "type": "SCENARIO_SPECIFIC",
                "is_draft": i % 25 == 0,
                "restricted_to_channels": channels,
                "current_version": if i % 25 == 0 { None } else { Some(1) },
                "created_at": "2025-01-01T00:00:00Z",
                "updated_at": "2025-01-01T00:00:00Z"
            }))
            .expect("a generated training decodes");
            (training.id.clone(), training)
        })
        .collect()
}

/// The all-pairs baseline's reading: every training read once.
fn profiles(workspace: &HashMap<String, Training>) -> Vec<Profile<'_>> {
    let mut trainings: Vec<&Training> = workspace.values().collect();
    trainings.sort_by(|a, b| a.id.cmp(&b.id));
    trainings
        .into_iter()
        .map(|t| Profile::new(Compared::training(t)))
        .collect()
}

/// How many of `pairs` the radar finds alike.
fn alike<'p>(pairs: impl Iterator<Item = (&'p Profile<'p>, &'p Profile<'p>)>) -> usize {
    pairs
        .filter_map(|(a, b)| similarity(a, b, &[]))
        .filter(|s: &Similarity| {
            s.likeness == studio::radar::Likeness::NearDuplicate || !s.contradictions.is_empty()
        })
        .count()
}

/// Every pair of `read`, assessed.
fn all_pairs(read: &[Profile]) -> usize {
    alike((0..read.len()).flat_map(|i| (i + 1..read.len()).map(move |j| (&read[i], &read[j]))))
}

/// How many pairs the baseline's sample at 10,000 assesses: every training with the next 20.
const SAMPLE_NEXT: usize = 20;

fn checkup_bench(c: &mut Criterion) {
    let now: DateTime<Utc> = "2026-12-05T00:00:00Z".parse().unwrap();
    let mut group = c.benchmark_group("checkup");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let workspace = support_workspace(n);
        let index = TrainingIndex::build(workspace.values()).unwrap();
        let started = Instant::now();
        let found = check_up(&CheckUpScope::Workspace, &workspace, &index, &[], now).unwrap();
        println!(
            "check-up of {n} trainings: {} items ({} trainings need attention), once in {:.2} s",
            found.items.len(),
            found.needs_attention.len(),
            started.elapsed().as_secs_f64()
        );
        group.bench_function(BenchmarkId::new("check-up, index neighbours", n), |b| {
            b.iter(|| check_up(&CheckUpScope::Workspace, &workspace, &index, &[], now).unwrap())
        });
        if n == 1_000 {
            // 499,500 pairs, about half a minute a run on this machine: timed once, whole.
            let started = Instant::now();
            let listed = all_pairs(&profiles(&workspace));
            println!(
                "all pairs of {n} trainings: {listed} pairs listed, one run in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        } else {
            // 49,995,000 pairs: a fixed sample, extrapolated per pair (reading every training
            // once is timed whole).
            let started = Instant::now();
            let read = profiles(&workspace);
            let reading = started.elapsed().as_secs_f64();
            let started = Instant::now();
            let sample = alike((0..n).flat_map(|i| {
                let read = &read;
                (1..=SAMPLE_NEXT).map(move |d| (&read[i], &read[(i + d) % n]))
            }));
            let per_pair = started.elapsed().as_secs_f64() / (n * SAMPLE_NEXT) as f64;
            let pairs = n * (n - 1) / 2;
            println!(
                "all pairs of {n} trainings (extrapolated): reading {reading:.2} s + {pairs} pairs × {:.2} µs (timed on a sample of {} pairs, {sample} of them listed) = {:.0} s",
                per_pair * 1e6,
                n * SAMPLE_NEXT,
                reading + per_pair * pairs as f64
            );
        }
    }
    group.finish();
}

/// The training whose edit the similar-trainings lookup follows: `t39` is its near-copy.
const EDITED: &str = "t38";

/// The all-pairs baseline for one training: `draft` of training `id` compared with every other
/// training of `workspace`, each read for the comparison; how many are alike, and how many of
/// those are notable (near-duplicates, or contradictions for the same customers).
fn similar_to_every_other(
    id: &str,
    draft: &TrainingDraft,
    workspace: &HashMap<String, Training>,
) -> (usize, usize) {
    let edited = Profile::new(Compared {
        id: Some(id),
        ..Compared::draft(draft, workspace.get(id))
    });
    let alike: Vec<Similarity> = workspace
        .values()
        .filter_map(|other| similarity(&edited, &Profile::new(Compared::training(other)), &[]))
        .collect();
    let notable = alike.iter().filter(|s| is_notable(s)).count();
    (alike.len(), notable)
}

/// What the lookup marks notable (`similar_trainings.rs`).
fn is_notable(s: &Similarity) -> bool {
    s.likeness == studio::radar::Likeness::NearDuplicate
        || (s.reach.overlaps && !s.contradictions.is_empty())
}

fn similar_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("similar");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let workspace = support_workspace(n);
        let index = TrainingIndex::build(workspace.values()).unwrap();
        // Typing: a sentence added to the saved text, not indexed yet.
        let mut draft = TrainingDraft::from_training(&workspace[EDITED]);
        draft
            .content
            .push_str(" Always offer a discount code when the refund is late.");
        let lookup = || similar_trainings(EDITED, Some(&draft), &workspace, &index, &[]).unwrap();
        let found = lookup();
        let (alike, notable) = similar_to_every_other(EDITED, &draft, &workspace);
        println!(
            "similar trainings of one edit among {n}: the lookup lists {} ({} notable), comparing \
             with every other finds {alike} alike ({notable} notable)",
            found.len(),
            found.iter().filter(|s| s.notable).count()
        );
        print_percentiles(&format!("similar lookup among {n} trainings"), 300, || {
            lookup();
        });
        let baseline_runs = if n == 1_000 { 100 } else { 20 };
        print_percentiles(
            &format!("all-pairs lookup among {n} trainings"),
            baseline_runs,
            || {
                similar_to_every_other(EDITED, &draft, &workspace);
            },
        );
        group.bench_function(BenchmarkId::new("lookup, index neighbours", n), |b| {
            b.iter(lookup)
        });
        group.bench_function(BenchmarkId::new("all pairs for one", n), |b| {
            b.iter(|| similar_to_every_other(EDITED, &draft, &workspace))
        });
    }
    group.finish();
}

criterion_group!(benches, radar, checkup_bench, similar_bench);
criterion_main!(benches);
