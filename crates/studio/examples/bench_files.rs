//! Benchmark: keeping a workspace as files (issue 14). Export of 10,000 trainings from the
//! workspace as loaded (the cached workspace: no request) to a new folder, and again to the same
//! folder (nothing to write); the import plan of the 10,000 unchanged files against the same
//! workspace. Beside each, the baseline of the file work alone: writing the same 10,000 texts
//! (already rendered) to the same paths, and reading them back. Prints a markdown table of the
//! medians over RUNS runs, alternated so both see the same load. Targets: export ≤ 3 s, import
//! plan ≤ 2 s. The folders live in the system's temp dir, or in the folder given as the first
//! argument.
//!
//! `cargo run --release -p studio --example bench_files [-- <folder>]`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use opencx::{Segment, Training};
use serde_json::json;
use studio::draft_rules::DraftSave;
use studio::workspace_files::{self, Target, TrainingFile};
use studio::{DirectoryEntry, WorkspaceData, WorkspaceSummary};

const RUNS: usize = 5;
const TRAININGS: usize = 10_000;
const DIRECTORIES: usize = 25;
const SEGMENTS: usize = 12;

/// About 1 KB of realistic instructions, varied per training.
fn content(i: usize) -> String {
    format!(
        "## Returns within {} days\n\nRefunds are possible **within {} days** of delivery, for \
         unworn items with their tags.\n\n1. Ask for the order number if it is not in the \
         conversation yet.\n2. Look up the delivery date on the order.\n3. If it is older, \
         explain the policy kindly and offer *store credit* instead.\n\n> Never refund shipping \
         costs unless the item was faulty (case {i}).\n\n| Plan | Returns |\n|---|---|\n| Free | \
         30 days |\n| Plus | 60 days |\n\nMore: [Refund policy](https://help.example.com/r/{i}).\n",
        14 + i % 60,
        14 + i % 60
    )
}

fn workspace_data() -> WorkspaceData {
    let directories: Vec<DirectoryEntry> = (0..DIRECTORIES)
        .map(|d| DirectoryEntry {
            id: format!("dir-{d}"),
            name: format!("Topic {d}: returns & refunds"),
            local_name_only: false,
        })
        .collect();
    let segments: Vec<Segment> = (0..SEGMENTS)
        .map(|s| {
            serde_json::from_value(
                json!({"id": format!("seg-{s}"), "name": format!("Segment {s}")}),
            )
            .unwrap()
        })
        .collect();
    let trainings: Vec<Training> = (0..TRAININGS)
        .map(|i| {
            let draft = i % 10 == 0;
            serde_json::from_value(json!({
                "id": format!("{:08x}-1111-4222-8333-{:012x}", i, i),
                "title": format!("Returns question {i}: “how long?”"),
                "content": content(i),
                "draft_title": if draft { json!(format!("Returns question {i}, new")) } else { json!(null) },
                "draft_content": if draft { json!(content(i + 1)) } else { json!(null) },
                "type": if i % 7 == 0 { "BEHAVIORAL" } else { "SCENARIO_SPECIFIC" },
                "is_draft": false,
                "directory_id": if i % 13 == 0 { json!(null) } else { json!(format!("dir-{}", i % DIRECTORIES)) },
                "restricted_to_channels": if i % 3 == 0 { json!(["web", "email"]) } else { json!([]) },
                "restricted_to_segments": if i % 5 == 0 { json!([format!("seg-{}", i % SEGMENTS)]) } else { json!([]) },
                "current_version": 1,
                "metadata": {},
                "published_at": "2026-01-02T03:04:05.000Z",
                "start_time": null,
                "end_time": null,
                "created_at": format!("2026-01-01T00:00:{:02}.{:03}Z", i / 1000 % 60, i % 1000),
                "updated_at": "2026-01-02T03:04:05.000Z",
            }))
            .unwrap()
        })
        .collect();
    WorkspaceData {
        trainings,
        directories,
        directories_supported: true,
        segments,
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed(work: impl FnOnce()) -> Duration {
    let start = Instant::now();
    work();
    start.elapsed()
}

/// Every `.md` file under `dir`.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files
}

fn main() {
    let base = std::env::args().nth(1).map(PathBuf::from);
    let scratch = match &base {
        Some(dir) => tempfile::tempdir_in(dir).unwrap(),
        None => tempfile::tempdir().unwrap(),
    };
    let data = workspace_data();
    let workspace = WorkspaceSummary {
        id: "bench".into(),
        name: "Bench".into(),
        base_url: "http://localhost".into(),
        is_demo: false,
    };
    // The baseline's input: every file's path and text, rendered once before timing.
    let layout = workspace_files::layout(&data, None);
    let rendered: Vec<(PathBuf, String)> = layout
        .files
        .iter()
        .map(|(path, t)| (path.clone(), TrainingFile::of(t, &data.segments).render()))
        .collect();
    let bytes: usize = rendered.iter().map(|(_, text)| text.len()).sum();

    let (mut write_base, mut export, mut export_again) = (vec![], vec![], vec![]);
    let (mut read_base, mut plan_times) = (vec![], vec![]);
    for run in 0..RUNS {
        let baseline_dir = scratch.path().join(format!("baseline-{run}"));
        write_base.push(timed(|| {
            for (path, text) in &rendered {
                let path = baseline_dir.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
        }));
        let folder = scratch.path().join(format!("export-{run}"));
        export.push(timed(|| {
            workspace_files::export(&data, &workspace, None, &folder).unwrap();
        }));
        export_again.push(timed(|| {
            let summary = workspace_files::export(&data, &workspace, None, &folder).unwrap();
            assert_eq!(summary.written, 0);
        }));
        read_base.push(timed(|| {
            let mut read = 0;
            for path in markdown_files(&folder) {
                read += std::fs::read_to_string(path).unwrap().len();
            }
            assert_eq!(read, bytes);
        }));
        plan_times.push(timed(|| {
            let contents = workspace_files::read_folder(&folder).unwrap();
            let target = Target {
                data: &data,
                workspace: &workspace,
                draft_save: DraftSave::BesideLive,
                publish: false,
            };
            let plan = workspace_files::plan(&contents, &target);
            assert_eq!(plan.unchanged as usize, TRAININGS);
            assert!(plan.changes.is_empty() && plan.missing.is_empty());
        }));
        std::fs::remove_dir_all(&baseline_dir).unwrap();
        std::fs::remove_dir_all(&folder).unwrap();
    }
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let ratio = |a: Duration, b: Duration| format!("{:.1}×", a.as_secs_f64() / b.as_secs_f64());
    let (wb, ex, ea, rb, pl) = (
        median(write_base),
        median(export),
        median(export_again),
        median(read_base),
        median(plan_times),
    );
    println!(
        "{TRAININGS} trainings in {DIRECTORIES} directories, {:.1} MB of files; medians of {RUNS} runs\n",
        bytes as f64 / 1e6
    );
    println!("| what | median | against the baseline | target |");
    println!("|---|---:|---:|---:|");
    println!(
        "| baseline: write the {TRAININGS} rendered files | {} | 1.0× | |",
        ms(wb)
    );
    println!(
        "| export to a new folder | {} | {} | ≤ 3 s |",
        ms(ex),
        ratio(ex, wb)
    );
    println!(
        "| export again, nothing changed (reads and compares) | {} | {} | |",
        ms(ea),
        ratio(ea, wb)
    );
    println!(
        "| baseline: read the {TRAININGS} files | {} | 1.0× | |",
        ms(rb)
    );
    println!(
        "| import plan, every file unchanged | {} | {} | ≤ 2 s |",
        ms(pl),
        ratio(pl, rb)
    );
}
