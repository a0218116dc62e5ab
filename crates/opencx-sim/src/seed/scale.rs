//! The `scale:N` seed: N generated trainings of varied length, type, state, directory and
//! visibility, and N/8 extra segments (at most 1,000) beside the demo ones, for benchmarks and
//! paging tests. Deterministic for a given random seed.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map};

use super::{demo, stable_uuid};
use crate::clock;
use crate::model::{Directory, Segment, Training, TrainingRecord, TrainingType, CHANNELS};
use crate::store::State;

const DIRECTORY_NAMES: [&str; 12] = [
    "Billing",
    "Shipping",
    "Returns",
    "Account & login",
    "Tone & policy",
    "Product questions",
    "Subscriptions",
    "Promotions",
    "Integrations",
    "Security",
    "Partners",
    "Store pickup",
];

const SUBJECTS: [&str; 16] = [
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
];

const ASKS: [&str; 10] = [
    "Customer asks about a late {s}",
    "How to cancel a {s}",
    "Customer cannot find their {s}",
    "Escalate a disputed {s}",
    "Explain {s} fees",
    "Change a {s} after purchase",
    "Customer reports a duplicate {s}",
    "When the {s} is not working",
    "Questions about {s} limits",
    "Customer wants a {s} in another currency",
];

const SENTENCES: [&str; 12] = [
    "Greet the customer by name and confirm which {s} they mean before doing anything else.",
    "Check the account history for earlier conversations about the same {s}.",
    "If the customer is upset, acknowledge it in one short sentence and move on to the fix.",
    "Never promise a date you cannot see in the order system.",
    "Offer the self-service link first; hand off to a human only if it does not work.",
    "Quote amounts in the customer's own currency, with two decimals.",
    "When the {s} is older than 30 days, explain the policy and offer store credit.",
    "Ask for the order number if it is not already in the conversation.",
    "Keep answers under five sentences unless the customer asks for details.",
    "Summarise what you changed at the end of the conversation.",
    "Do not ask for full card numbers or passwords, ever.",
    "If the customer mentions a lawyer or a chargeback, hand off to a human agent.",
];

const PLANS: [&str; 3] = ["Free", "Plus", "Enterprise"];

const COUNTRIES: [&str; 12] = [
    "US",
    "Canada",
    "Germany",
    "France",
    "Netherlands",
    "Spain",
    "Italy",
    "Sweden",
    "UK",
    "Ireland",
    "Australia",
    "Japan",
];

const STAGES: [&str; 4] = ["new", "active", "at risk", "lapsed"];

/// The most segments `scale:N` adds.
const MAX_EXTRA_SEGMENTS: usize = 1_000;

fn base_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2023-06-01T08:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

fn content(rng: &mut fastrand::Rng, subject: &str) -> String {
    let paragraphs = rng.usize(1..=8);
    let mut out = String::new();
    for p in 0..paragraphs {
        if p > 0 {
            out.push_str("\n\n");
        }
        if rng.u8(..4) == 0 {
            out.push_str(&format!("## Step {}\n\n", p + 1));
        }
        let sentences = rng.usize(1..=4);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            out.push_str(&pick(rng, &SENTENCES).replace("{s}", subject));
        }
    }
    out
}

fn one(
    rng: &mut fastrand::Rng,
    i: usize,
    dirs: &[Directory],
    segments: &[String],
) -> TrainingRecord {
    let subject = pick(rng, &SUBJECTS);
    let title = format!("{} #{}", pick(rng, &ASKS).replace("{s}", subject), i + 1);
    let body = content(rng, subject);
    let training_type = if rng.u8(..5) == 0 {
        TrainingType::Behavioral
    } else {
        TrainingType::ScenarioSpecific
    };
    let minutes = i64::try_from(i).unwrap_or(i64::MAX / 2) * 53 + i64::from(rng.u16(..50));
    let created = base_time() + Duration::minutes(minutes);
    let updated = created + Duration::hours(i64::from(rng.u16(..2000)));
    let channels = if rng.u8(..10) < 7 {
        Vec::new()
    } else {
        let mut c: Vec<String> = CHANNELS
            .iter()
            .filter(|_| rng.u8(..3) == 0)
            .map(|c| c.to_string())
            .collect();
        if c.is_empty() {
            c.push("web".to_string());
        }
        c
    };
    let restricted_to_segments = if rng.u8(..100) < 15 && !segments.is_empty() {
        vec![segments[rng.usize(..segments.len())].clone()]
    } else {
        Vec::new()
    };
    let directory_id = (rng.u8(..10) != 0).then(|| dirs[rng.usize(..dirs.len())].id.clone());
    let version = u64::from(rng.u8(1..6));
    let mut t = Training {
        id: stable_uuid(&format!("opencx-sim/scale/{}/{i}", rng.u64(..))),
        title: title.clone(),
        content: body.clone(),
        draft_title: None,
        draft_content: None,
        training_type,
        is_draft: false,
        directory_id,
        restricted_to_channels: channels,
        restricted_to_segments,
        current_version: Some(version),
        metadata: Map::new(),
        published_at: Some(clock::format(updated)),
        start_time: None,
        end_time: None,
        created_at: clock::format(created),
        updated_at: clock::format(updated),
    };
    if rng.u8(..4) == 0 {
        t.metadata.insert("source".into(), json!("import"));
        t.metadata.insert("batch".into(), json!(i % 7));
    }
    match rng.u8(..100) {
        0..15 => {
            t.is_draft = true;
            t.current_version = None;
            t.published_at = None;
            t.draft_title = Some(title);
            t.draft_content = Some(body);
        }
        15..25 => {
            t.draft_title = Some(format!("{title} (revised)"));
            t.draft_content = Some(format!(
                "{body}\n\nRevised: confirm the {subject} details first."
            ));
        }
        25..30 => t.is_draft = true,
        _ => {}
    }
    TrainingRecord {
        training: t,
        handoff_count: u64::from(rng.u16(..500)),
    }
}

/// Generated segments: plan × country × lifecycle stage, numbered so names stay unique.
fn extra_segments(count: usize, random_seed: u64) -> Vec<Segment> {
    (0..count)
        .map(|i| {
            let plan = PLANS[i % PLANS.len()];
            let country = COUNTRIES[(i / PLANS.len()) % COUNTRIES.len()];
            let stage = STAGES[(i / (PLANS.len() * COUNTRIES.len())) % STAGES.len()];
            let at = clock::format(base_time() - Duration::days(90) + Duration::minutes(i as i64));
            Segment {
                id: stable_uuid(&format!("opencx-sim/scale/{random_seed}/segment/{i}")),
                name: format!("{plan} · {country} · {stage} #{}", i + 1),
                description: Some(format!("{stage} {plan} customers in {country}")),
                definition: Some(json!({"all": [
                    {"field": "plan", "op": "eq", "value": plan.to_lowercase()},
                    {"field": "billing_country", "op": "eq", "value": country},
                    {"field": "lifecycle_stage", "op": "eq", "value": stage},
                ]})),
                created_at: at.clone(),
                updated_at: at,
            }
        })
        .collect()
}

/// N trainings across 12 directories; the demo segments plus N/8 generated ones.
pub fn build(n: usize, random_seed: u64) -> State {
    let mut rng = fastrand::Rng::with_seed(random_seed);
    let directories: Vec<Directory> = DIRECTORY_NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let at = clock::format(base_time() - Duration::days(30) + Duration::hours(i as i64));
            Directory {
                id: stable_uuid(&format!("opencx-sim/scale/{random_seed}/directory/{i}")),
                name: (*name).to_string(),
                created_at: at.clone(),
                updated_at: at,
            }
        })
        .collect();
    let mut segments = demo::build_segments();
    segments.extend(extra_segments((n / 8).min(MAX_EXTRA_SEGMENTS), random_seed));
    let segment_ids: Vec<String> = segments.iter().map(|s| s.id.clone()).collect();
    let trainings = (0..n)
        .map(|i| one(&mut rng, i, &directories, &segment_ids))
        .collect();
    State {
        trainings,
        directories,
        segments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::time::Instant;

    #[test]
    fn ten_thousand_quickly_varied_and_repeatable() {
        let started = Instant::now();
        let state = build(10_000, 42);
        assert!(
            started.elapsed().as_millis() < 3_000,
            "{:?}",
            started.elapsed()
        );
        let t = &state.trainings;
        assert_eq!(t.len(), 10_000);
        let ids: HashSet<_> = t.iter().map(|r| &r.training.id).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(t.iter().any(|r| r.training.is_draft));
        assert!(t
            .iter()
            .any(|r| r.training.draft_title.is_some() && !r.training.is_draft));
        assert!(t
            .iter()
            .any(|r| r.training.training_type == TrainingType::Behavioral));
        assert!(t.iter().any(|r| r.training.directory_id.is_none()));
        assert!(t
            .iter()
            .any(|r| !r.training.restricted_to_channels.is_empty()));
        let lengths: HashSet<_> = t.iter().map(|r| r.training.content.len() / 200).collect();
        assert!(lengths.len() > 3, "content lengths vary");
        assert_eq!(state.segments.len(), 5 + 1_000);
        let names: HashSet<_> = state.segments.iter().map(|s| &s.name).collect();
        assert_eq!(
            names.len(),
            state.segments.len(),
            "segment names are unique"
        );
        assert_eq!(build(1_000, 1).segments.len(), 5 + 125);
        assert_eq!(build(7, 1).segments.len(), 5);
        assert_eq!(build(50, 42), build(50, 42));
        assert_ne!(build(50, 42), build(50, 43));
    }
}
