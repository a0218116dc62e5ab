//! "What will the AI see?" over 10,000 trainings (issue 11): indexing them, answering one
//! customer message (the whole reach engine: every training sorted into the three lists, the
//! "when asked" ones ranked by BM25), answering it with one unsaved edit read in place, and
//! indexing one edited training again. Each beside a naive baseline in the same run: no index,
//! every training scanned at each question and scored by the lower-cased words it shares with
//! the message (its "index" is a word set per training, its re-index one word set made again).
//! A full rebuild, what one edit would cost without the index's own updates, is the first row.
//! Also prints the answer's p50/p95 over 300 runs (criterion reports means and medians).
//! Run: `cargo bench -p studio --bench reach`.

mod support;

use std::collections::HashSet;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use opencx::{Channel, Segment, Training, TrainingType};
use serde_json::Map;
use studio::{reach::reach, ReachEdit, ReachQuestion, TrainingDraft, TrainingIndex};
use support::print_percentiles;

const TRAININGS: usize = 10_000;

/// Words of support instructions, commonest first (picked with a skew towards the front).
const WORDS: &[&str] = &[
    "customer",
    "order",
    "ask",
    "the",
    "and",
    "to",
    "a",
    "of",
    "for",
    "if",
    "delivery",
    "parcel",
    "refund",
    "account",
    "card",
    "payment",
    "address",
    "days",
    "link",
    "tracking",
    "return",
    "item",
    "shipping",
    "email",
    "phone",
    "agent",
    "team",
    "policy",
    "store",
    "credit",
    "invoice",
    "subscription",
    "plan",
    "cancel",
    "upgrade",
    "discount",
    "code",
    "voucher",
    "gift",
    "size",
    "exchange",
    "warranty",
    "repair",
    "damaged",
    "missing",
    "late",
    "courier",
    "carrier",
    "pickup",
    "locker",
    "password",
    "login",
    "reset",
    "verify",
    "identity",
    "privacy",
    "data",
    "delete",
    "export",
    "newsletter",
    "unsubscribe",
    "complaint",
    "escalate",
    "manager",
    "apologise",
    "offer",
    "explain",
    "check",
    "confirm",
    "number",
    "reference",
    "receipt",
    "bank",
    "transfer",
    "paypal",
    "klarna",
    "instalment",
    "fee",
    "charge",
    "tax",
    "vat",
    "country",
    "customs",
    "duty",
    "international",
    "express",
    "standard",
    "weekend",
    "holiday",
    "opening",
    "hours",
    "chat",
    "whatsapp",
    "sms",
    "call",
    "back",
    "wait",
    "queue",
    "priority",
    "vip",
    "loyalty",
    "points",
    "reward",
    "birthday",
    "student",
    "business",
    "bulk",
    "wholesale",
    "stock",
    "restock",
    "preorder",
    "backorder",
    "colour",
    "material",
    "care",
    "wash",
    "fit",
    "measure",
    "guide",
    "app",
    "website",
    "browser",
    "cookie",
    "error",
    "crash",
    "update",
];

/// A fixed pseudo-random sequence, so every run indexes the same workspace.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn word(&mut self) -> &'static str {
        let (a, b) = (self.next() % WORDS.len(), self.next() % WORDS.len());
        WORDS[a * b / WORDS.len()]
    }

    fn words(&mut self, from: usize, to: usize) -> String {
        let n = from + self.next() % (to - from);
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }
}

/// A workspace of `n` trainings: titles of 3–6 words, contents of 60–150; one in ten always
/// on, one in seven WhatsApp only, one in eleven for VIP customers, one in thirteen a draft.
fn workspace(n: usize) -> Vec<Training> {
    let mut rng = Lcg(11);
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    (0..n)
        .map(|i| Training {
            id: format!("t{i:05}"),
            title: rng.words(3, 7),
            content: rng.words(60, 151),
            draft_title: None,
            draft_content: None,
            training_type: if i % 10 == 0 {
                TrainingType::Behavioral
            } else {
                TrainingType::ScenarioSpecific
            },
            is_draft: i % 13 == 0,
            directory_id: None,
            restricted_to_channels: if i % 7 == 0 {
                vec![Channel::Whatsapp]
            } else {
                Vec::new()
            },
            restricted_to_segments: if i % 11 == 0 {
                vec!["vip".into()]
            } else {
                Vec::new()
            },
            current_version: Some(1),
            metadata: Map::new(),
            published_at: Some(at),
            start_time: None,
            end_time: None,
            created_at: at,
            updated_at: at,
        })
        .collect()
}

const MESSAGE: &str = "Where is my parcel? The tracking link says delivery was late and the \
                       courier never came to my address.";

fn question() -> ReachQuestion {
    ReachQuestion {
        message: MESSAGE.into(),
        channel: Channel::Web,
        segment_ids: vec!["vip".into()],
        at: Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap(),
        utc_offset_minutes: 0,
        edit: None,
    }
}

/// The naive baseline's words: lower-cased, split on anything that is not a letter or digit.
fn naive_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The naive baseline's answer: every training scanned, scored by the message's words it
/// shares, best first.
fn naive_answer<'a>(trainings: &'a [Training], message: &str) -> Vec<(usize, &'a str)> {
    let asked = naive_words(message);
    let mut scored: Vec<(usize, &str)> = trainings
        .iter()
        .map(|t| {
            let words = naive_words(&format!("{} {}", t.title, t.content));
            (asked.intersection(&words).count(), t.id.as_str())
        })
        .filter(|(shared, _)| *shared > 0)
        .collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    scored
}

fn segments() -> Vec<Segment> {
    serde_json::from_value(serde_json::json!([{"id": "vip", "name": "VIP"}])).unwrap()
}

fn reach_bench(c: &mut Criterion) {
    let trainings = workspace(TRAININGS);
    let segments = segments();
    let asked = question();
    let mut index = TrainingIndex::build(&trainings).unwrap();
    let mut edited = question();
    let mut draft = TrainingDraft::from_training(&trainings[1]);
    draft.content = "Tracking a parcel: share the courier's tracking link.".into();
    edited.edit = Some(ReachEdit {
        id: trainings[1].id.clone(),
        draft,
    });
    print_percentiles(
        &format!("reach answer over {TRAININGS} trainings"),
        300,
        || {
            reach(&asked, &trainings, &index, &segments).unwrap();
        },
    );
    print_percentiles(
        &format!("naive answer over {TRAININGS} trainings"),
        300,
        || {
            naive_answer(&trainings, MESSAGE);
        },
    );

    // Rows are the tasks, columns the two ways (scripts/criterion-table.mjs).
    const ENGINE: &str = "reach engine, tantivy";
    const NAIVE: &str = "naive baseline";
    let task = |name: &str| BenchmarkId::new(ENGINE, name);
    let naive = |name: &str| BenchmarkId::new(NAIVE, name);
    let mut group = c.benchmark_group("reach");
    group.sample_size(10);
    group.bench_function(task("index 10000 trainings"), |b| {
        b.iter(|| TrainingIndex::build(&trainings).unwrap())
    });
    group.bench_function(naive("index 10000 trainings"), |b| {
        b.iter(|| {
            trainings
                .iter()
                .map(|t| naive_words(&format!("{} {}", t.title, t.content)))
                .collect::<Vec<_>>()
        })
    });
    group.sample_size(50);
    group.bench_function(task("answer one message over 10000"), |b| {
        b.iter(|| reach(&asked, &trainings, &index, &segments).unwrap())
    });
    group.bench_function(task("answer with one unsaved edit"), |b| {
        b.iter(|| reach(&edited, &trainings, &index, &segments).unwrap())
    });
    group.bench_function(naive("answer one message over 10000"), |b| {
        b.iter(|| naive_answer(&trainings, MESSAGE))
    });
    let (mut before, mut after) = (trainings[2].clone(), trainings[2].clone());
    before.content.push_str(" courier");
    after.content.push_str(" locker");
    let mut flip = false;
    group.bench_function(task("re-index after one edit"), |b| {
        b.iter(|| {
            flip = !flip;
            index.put(if flip { &before } else { &after }).unwrap()
        })
    });
    group.bench_function(naive("re-index after one edit"), |b| {
        b.iter(|| naive_words(&format!("{} {}", after.title, after.content)))
    });
    group.finish();
}

criterion_group!(benches, reach_bench);
criterion_main!(benches);
