//! The `demo` seed: a realistic support organisation. Directories and segments are declared
//! here; the trainings' text lives in `demo.md` (parsed at start). Every id is derived from a
//! fixed key, so it is the same in every run and tests can name it.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Map, Value};

use super::stable_uuid;
use crate::clock;
use crate::model::{Directory, Segment, Training, TrainingRecord, TrainingType, CHANNELS};
use crate::store::State;

const DATA: &str = include_str!("demo.md");

/// The directories: (key, name), in sidebar order.
pub const DIRECTORIES: [(&str, &str); 6] = [
    ("billing", "Billing"),
    ("shipping", "Shipping"),
    ("returns", "Returns"),
    ("account", "Account & login"),
    ("tone", "Tone & policy"),
    ("product", "Product questions"),
];

/// The segments: (key, name, description, definition JSON).
pub const SEGMENTS: [(&str, &str, &str, &str); 5] = [
    (
        "vip",
        "VIP customers",
        "Customers with lifetime spend above $5,000 or a VIP tag",
        r#"{"any":[{"field":"lifetime_spend","op":"gte","value":5000},{"field":"tags","op":"contains","value":"vip"}]}"#,
    ),
    (
        "free",
        "Free plan",
        "Accounts on the free plan",
        r#"{"all":[{"field":"plan","op":"eq","value":"free"}]}"#,
    ),
    (
        "enterprise",
        "Enterprise",
        "Accounts on an Enterprise contract with a named account manager",
        r#"{"all":[{"field":"plan","op":"eq","value":"enterprise"}]}"#,
    ),
    (
        "eu",
        "EU customers",
        "Contacts whose billing country is in the European Union",
        r#"{"all":[{"field":"billing_country","op":"in_region","value":"EU"}]}"#,
    ),
    (
        "new",
        "New customers",
        "Signed up in the last 30 days",
        r#"{"all":[{"field":"signed_up_at","op":"within_days","value":30}]}"#,
    ),
];

/// A segment key used by one training but absent from the segment list ("Unknown segment").
pub const MISSING_SEGMENT_KEY: &str = "beta-testers";

/// The stable id of the demo training with this key (see `demo.md`).
pub fn training_id(key: &str) -> String {
    stable_uuid(&format!("opencx-sim/demo/training/{key}"))
}

/// The stable id of the demo directory with this key (see [`DIRECTORIES`]).
pub fn directory_id(key: &str) -> String {
    stable_uuid(&format!("opencx-sim/demo/directory/{key}"))
}

/// The stable id of the demo segment with this key (see [`SEGMENTS`]).
pub fn segment_id(key: &str) -> String {
    stable_uuid(&format!("opencx-sim/demo/segment/{key}"))
}

/// The keys of the demo trainings, in file order.
pub fn training_keys() -> Vec<&'static str> {
    parse(DATA)
        .map(|entries| entries.into_iter().map(|e| e.key).collect())
        .unwrap_or_default()
}

/// One `=== key` entry of `demo.md`.
#[derive(Debug)]
struct Entry {
    key: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    body: String,
    draft: Option<String>,
}

impl Entry {
    fn header(&self, name: &str) -> Option<&'static str> {
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
    }

    fn list(&self, name: &str) -> Vec<&'static str> {
        self.header(name)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

const HEADERS: [&str; 10] = [
    "title",
    "type",
    "dir",
    "state",
    "version",
    "channels",
    "segments",
    "handoffs",
    "metadata",
    "draft_title",
];

fn trim_blank_lines(lines: &[&str]) -> String {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        (Some(s), Some(e)) => lines[s..=e].join("\n"),
        _ => String::new(),
    }
}

/// Parses `demo.md`: entries start with `=== key`, then `name: value` headers up to a blank
/// line, then the markdown body, optionally followed by `--- draft ---` and the draft body.
fn parse(data: &'static str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut lines = data.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(key) = line.strip_prefix("=== ") else {
            if line.trim().is_empty() || line.starts_with("//") {
                continue;
            }
            return Err(format!("unexpected line outside an entry: {line}"));
        };
        let key = key.trim();
        let mut headers = Vec::new();
        for line in lines.by_ref() {
            if line.trim().is_empty() {
                break;
            }
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("{key}: bad header line `{line}`"))?;
            let name = name.trim();
            if !HEADERS.contains(&name) {
                return Err(format!("{key}: unknown header `{name}`"));
            }
            headers.push((name, value.trim()));
        }
        let mut body = Vec::new();
        let mut draft: Option<Vec<&str>> = None;
        while let Some(line) = lines.next_if(|l| !l.starts_with("=== ")) {
            if line.trim() == "--- draft ---" {
                draft = Some(Vec::new());
            } else if let Some(d) = &mut draft {
                d.push(line);
            } else {
                body.push(line);
            }
        }
        entries.push(Entry {
            key,
            headers,
            body: trim_blank_lines(&body),
            draft: draft.map(|d| trim_blank_lines(&d)),
        });
    }
    Ok(entries)
}

fn base_time() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-01-06T09:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn directories() -> Vec<Directory> {
    let start = base_time() - Duration::days(14);
    DIRECTORIES
        .iter()
        .zip(0i64..)
        .map(|((key, name), i)| {
            let at = clock::format(start + Duration::minutes(17 * i));
            Directory {
                id: directory_id(key),
                name: (*name).to_string(),
                created_at: at.clone(),
                updated_at: at,
            }
        })
        .collect()
}

/// The demo segments (also used by the `scale` seed).
pub fn build_segments() -> Vec<Segment> {
    let start = base_time() - Duration::days(60);
    SEGMENTS
        .iter()
        .zip(0i64..)
        .map(|((key, name, description, definition), i)| {
            let at = clock::format(start + Duration::days(3 * i));
            Segment {
                id: segment_id(key),
                name: (*name).to_string(),
                description: Some((*description).to_string()),
                definition: serde_json::from_str(definition).ok(),
                created_at: at.clone(),
                updated_at: at,
            }
        })
        .collect()
}

fn training(entry: &Entry, index: i64) -> Result<TrainingRecord, String> {
    let key = entry.key;
    let title = entry
        .header("title")
        .ok_or_else(|| format!("{key}: no title"))?
        .to_string();
    let training_type = match entry.header("type").unwrap_or("scenario") {
        "behavioral" => TrainingType::Behavioral,
        "scenario" => TrainingType::ScenarioSpecific,
        other => return Err(format!("{key}: unknown type `{other}`")),
    };
    let directory_id = match entry.header("dir") {
        None | Some("none") => None,
        Some(dir) if DIRECTORIES.iter().any(|(k, _)| *k == dir) => Some(directory_id(dir)),
        Some(dir) => return Err(format!("{key}: unknown directory `{dir}`")),
    };
    let channels = entry.list("channels");
    if let Some(bad) = channels.iter().find(|c| !CHANNELS.contains(c)) {
        return Err(format!("{key}: unknown channel `{bad}`"));
    }
    let segments = entry.list("segments");
    if let Some(bad) = segments
        .iter()
        .find(|s| **s != MISSING_SEGMENT_KEY && !SEGMENTS.iter().any(|(k, ..)| k == *s))
    {
        return Err(format!("{key}: unknown segment `{bad}`"));
    }
    let number = |name: &str, default: u64| -> Result<u64, String> {
        entry.header(name).map_or(Ok(default), |v| {
            v.parse().map_err(|_| format!("{key}: bad {name}"))
        })
    };
    let version = number("version", 1)?;
    let metadata: Map<String, Value> = match entry.header("metadata") {
        None => Map::new(),
        Some(raw) => serde_json::from_str(raw).map_err(|e| format!("{key}: metadata: {e}"))?,
    };

    let created = base_time() + Duration::hours(47 * index) + Duration::minutes((index * 37) % 600);
    let published = created + Duration::days(i64::try_from(version).unwrap_or(1) * 3 - 2);
    let fmt = |t: DateTime<Utc>| clock::format(t);
    let body = entry.body.clone();
    let mut t = Training {
        id: training_id(key),
        title: title.clone(),
        content: body.clone(),
        draft_title: None,
        draft_content: None,
        training_type,
        is_draft: false,
        directory_id,
        restricted_to_channels: channels.iter().map(|c| c.to_string()).collect(),
        restricted_to_segments: segments.iter().map(|s| segment_id(s)).collect(),
        current_version: Some(version),
        metadata,
        published_at: Some(fmt(published)),
        start_time: None,
        end_time: None,
        created_at: fmt(created),
        updated_at: fmt(published),
    };
    match entry.header("state").unwrap_or("live") {
        "live" => {}
        "draft" => {
            t.is_draft = true;
            t.current_version = None;
            t.published_at = None;
            t.draft_title = Some(title);
            t.draft_content = Some(body);
            t.updated_at = fmt(created + Duration::minutes(42));
        }
        "edited" => {
            t.draft_title = Some(entry.header("draft_title").unwrap_or(&title).to_string());
            t.draft_content = Some(
                entry
                    .draft
                    .clone()
                    .ok_or_else(|| format!("{key}: state edited needs a `--- draft ---` body"))?,
            );
            t.updated_at = fmt(published + Duration::days(2) + Duration::minutes(13));
        }
        "paused" => {
            t.is_draft = true;
            t.updated_at = fmt(published + Duration::days(5));
        }
        other => return Err(format!("{key}: unknown state `{other}`")),
    }
    Ok(TrainingRecord {
        training: t,
        handoff_count: number("handoffs", 0)?,
    })
}

fn trainings() -> Result<Vec<TrainingRecord>, String> {
    parse(DATA)?
        .iter()
        .zip(0i64..)
        .map(|(entry, i)| training(entry, i))
        .collect()
}

/// The demo organisation. `demo.md` is checked by the tests, so it always parses.
pub fn build() -> State {
    let trainings = trainings().unwrap_or_else(|e| panic!("seed/demo.md: {e}"));
    State {
        trainings,
        directories: directories(),
        segments: build_segments(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Whether a time is written the way the API writes it.
    fn is_canonical_time(s: &str) -> bool {
        clock::canonical(s).as_deref() == Some(s)
    }

    #[test]
    fn demo_parses_into_a_realistic_org() {
        let state = build();
        let t = &state.trainings;
        assert!(t.len() >= 40, "{} trainings", t.len());
        let ids: HashSet<_> = t.iter().map(|r| &r.training.id).collect();
        assert_eq!(ids.len(), t.len(), "keys are unique");
        let w = |f: &dyn Fn(&Training) -> bool| t.iter().filter(|r| f(&r.training)).count();
        assert!(w(&|t| t.training_type == TrainingType::Behavioral) >= 4);
        assert!(w(&|t| t.training_type == TrainingType::ScenarioSpecific) >= 20);
        assert!(
            w(&|t| t.is_draft && t.current_version.is_none()) >= 3,
            "drafts"
        );
        assert!(
            w(&|t| !t.is_draft && t.draft_title.is_some()) >= 3,
            "edited"
        );
        assert!(w(&|t| !t.restricted_to_channels.is_empty()) >= 3);
        assert!(w(&|t| !t.restricted_to_segments.is_empty()) >= 3);
        assert!(w(&|t| t.directory_id.is_none()) >= 2);
        assert!(w(&|t| t.content.contains("| ---")) >= 1, "a table");
        assert!(w(&|t| t.content.contains("](http")) >= 1, "a link");
        let missing = segment_id(MISSING_SEGMENT_KEY);
        assert_eq!(w(&|t| t.restricted_to_segments.contains(&missing)), 1);
        assert!(!state.segments.iter().any(|s| s.id == missing));
        for r in t {
            assert!(
                !r.training.content.is_empty(),
                "{} has content",
                r.training.title
            );
            assert!(is_canonical_time(&r.training.created_at));
            assert!(r.training.updated_at >= r.training.created_at);
        }
        assert_eq!(state.directories.len(), 6);
        assert_eq!(state.segments.len(), 5);
    }

    #[test]
    fn demo_ids_are_stable() {
        assert_eq!(build(), build());
        assert_eq!(directory_id("billing"), build().directories[0].id);
        let keys = training_keys();
        assert_eq!(training_id(keys[0]), build().trainings[0].training.id);
    }

    #[test]
    fn parser_reports_mistakes() {
        assert!(parse("stray").is_err());
        assert!(parse("=== a\nbogus: 1\n\nbody").is_err());
        let e = parse("=== a\ntitle: T\n\nbody\n--- draft ---\nnew").unwrap();
        assert_eq!(e[0].body, "body");
        assert_eq!(e[0].draft.as_deref(), Some("new"));
        assert_eq!(e[0].key, "a");
    }
}
