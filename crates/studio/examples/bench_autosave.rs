//! Benchmark: the cost of autosave, i.e. one journal write of the editor's form the way the app
//! makes it (JSON, temp file, fsync, rename, fsync of the folder), for trainings of 1, 10 and
//! 100 KB, beside a naive baseline that only overwrites the file (no temp file, no fsync: not
//! crash-safe). Each run writes the same entry WRITES times back to back; prints a markdown table
//! of the medians over RUNS runs: time per write (median and p95 within a run) and writes per
//! second (WRITES ÷ the run's wall time). The journal lives in a temp folder of the system's temp
//! dir, or in the folder given as the first argument (use one on the disk the app's data dir is on).
//!
//! `cargo run --release -p studio --example bench_autosave [-- <folder>]`

use std::path::Path;
use std::time::{Duration, Instant};

use opencx::TrainingType;
use studio::journal::{Journal, JournalEntry};
use studio::TrainingDraft;

const RUNS: usize = 5;
const WRITES: usize = 200;
/// The UI writes the form this long after typing stops (ui/src/lib/journal.ts).
const JOURNAL_DELAY_MS: f64 = 800.0;

/// One realistic training section, repeated to the size (as in benches/preview.rs).
const SECTION: &str = "## Refunds after 30 days\n\n\
Refunds are possible **within 30 days** of delivery, for unworn items with their tags.\n\n\
1. Ask for the order number if it is not in the conversation yet.\n\
2. Look up the delivery date on the order.\n\
3. If it is older, explain the policy kindly and offer *store credit* instead.\n\n\
> Never refund shipping costs unless the item was faulty.\n\n\
| Plan | Price | Returns |\n|---|---|---|\n| Free | 0 € | 30 days |\n| Plus | 5 € | 60 days |\n\n\
More detail: [Refund policy](https://help.example.com/refunds).\n\n";

fn document(bytes: usize) -> String {
    let mut doc = SECTION.repeat(bytes.div_ceil(SECTION.len()));
    let mut end = bytes;
    while !doc.is_char_boundary(end) {
        end -= 1;
    }
    doc.truncate(end);
    doc
}

fn entry(content: &str, keystroke: usize) -> JournalEntry {
    JournalEntry {
        training_id: "bench-training".into(),
        draft: TrainingDraft {
            title: format!("Refunds, edit {keystroke}"),
            content: content.to_owned(),
            training_type: TrainingType::Behavioral,
            directory_id: Some("bench-directory".into()),
            restricted_to_channels: vec![],
            restricted_to_segments: vec![],
            start_time: None,
            end_time: None,
            window_from_training: false,
        },
        base_updated_at: Some("2026-11-28T10:00:00.000Z".into()),
        written_at: chrono::Utc::now(),
    }
}

/// What one run measured.
struct Run {
    per_write: Vec<Duration>,
    wall: Duration,
}

impl Run {
    fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.per_write.clone();
        sorted.sort();
        sorted[((sorted.len() - 1) as f64 * p).round() as usize]
    }
    fn writes_per_second(&self) -> f64 {
        self.per_write.len() as f64 / self.wall.as_secs_f64()
    }
}

fn run(content: &str, write: &mut dyn FnMut(&JournalEntry)) -> Run {
    let entries: Vec<JournalEntry> = (0..WRITES).map(|i| entry(content, i)).collect();
    let mut per_write = Vec::with_capacity(WRITES);
    let started = Instant::now();
    for entry in &entries {
        let t = Instant::now();
        write(entry);
        per_write.push(t.elapsed());
    }
    Run {
        per_write,
        wall: started.elapsed(),
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = match std::env::args().nth(1) {
        Some(dir) => tempfile::tempdir_in(Path::new(&dir))?,
        None => tempfile::tempdir()?,
    };
    let journal = Journal::in_dir(base.path());
    let naive_path = base.path().join("naive.json");

    println!(
        "| size | mode | time per write, median (p95) | writes per second | share of the time \
         at the app's most (1 write per {JOURNAL_DELAY_MS:.0} ms) |"
    );
    println!("|---|---|---:|---:|---:|");
    for kb in [1, 10, 100] {
        let content = document(kb * 1024);
        let mut journal_runs = Vec::new();
        let mut naive_runs = Vec::new();
        // Alternate the two modes so both see the same machine load.
        for _ in 0..RUNS {
            journal_runs.push(run(&content, &mut |e| {
                journal.write("bench-workspace", e).expect("journal write");
            }));
            naive_runs.push(run(&content, &mut |e| {
                let json = serde_json::to_vec_pretty(e).expect("json");
                std::fs::write(&naive_path, json).expect("plain write");
            }));
        }
        for (mode, runs) in [
            ("journal (atomic: temp + fsync + rename)", &journal_runs),
            ("naive baseline (overwrite, no fsync)", &naive_runs),
        ] {
            let med = median(runs.iter().map(|r| ms(r.percentile(0.5))).collect());
            let p95 = median(runs.iter().map(|r| ms(r.percentile(0.95))).collect());
            let rate = median(runs.iter().map(Run::writes_per_second).collect());
            let share = med / JOURNAL_DELAY_MS * 100.0;
            println!("| {kb} KB | {mode} | {med:.2} ms ({p95:.2} ms) | {rate:.0} | {share:.2} % |");
        }
    }
    eprintln!(
        "{RUNS} runs of {WRITES} writes per size and mode, in {}",
        base.path().display()
    );
    Ok(())
}
