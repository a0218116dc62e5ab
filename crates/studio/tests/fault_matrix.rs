//! The fault matrix: each operation the app performs against open.cx (list, get, save, move,
//! publish, delete, create) under each fault the simulator can inject (500, 502, 503, 429, a
//! timeout, a connection dropped before or after the server handled the request, a malformed
//! answer, 401), once and persistently. Every cell must end in success, in the outbox, or in an
//! error with a sentence an editor can act on, and must leave the server with the editor's work
//! exactly once: nothing lost (the text is on the server, in the outbox or in the journal),
//! nothing duplicated (no second training, no second move). Each test prints its row of the
//! matrix (`cargo test -p studio --test fault_matrix -- --nocapture`).

use std::sync::Arc;
use std::time::Duration;

use opencx::Training;
use opencx_sim::{DropMode, Faults, SimConfig, SimHandle, DEFAULT_FULL_TOKEN};
use studio::{
    ErrorKind, JobProgress, JobRequest, JobState, MemoryStore, MoveItem, SaveOutcome, Studio,
    StudioError, TrainingDraft,
};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver};

/// A fault as the simulator injects it, on the next request only or on every request.
#[derive(Debug, Clone, Copy)]
enum Fault {
    Status(u16),
    Timeout,
    DropBefore,
    DropAfter,
    Malformed,
}

const FAULTS: [(&str, Fault); 9] = [
    ("500", Fault::Status(500)),
    ("502", Fault::Status(502)),
    ("503", Fault::Status(503)),
    ("429", Fault::Status(429)),
    ("timeout", Fault::Timeout),
    ("dropped before", Fault::DropBefore),
    ("dropped after", Fault::DropAfter),
    ("malformed JSON", Fault::Malformed),
    ("401", Fault::Status(401)),
];

impl Fault {
    /// The simulator's settings for `times` faulty requests in a row.
    fn settings(self, times: u32) -> Faults {
        let mut faults = Faults::default();
        match self {
            Fault::Status(status) => {
                faults.fail_next = times;
                faults.fail_status = Some(status);
            }
            Fault::Timeout => faults.timeout_next = times,
            Fault::DropBefore => faults.drop_connection = DropMode::Before(times),
            Fault::DropAfter => faults.drop_connection = DropMode::After(times),
            Fault::Malformed => faults.malformed_json_next = times,
        }
        faults
    }
}

/// "Once" hits the operation's first request; "always" outlasts the client's retries.
const ONCE: u32 = 1;
const ALWAYS: u32 = 1_000;

/// How one cell ended, as the matrix shows it.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    Queued,
    Refused(ErrorKind),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Done => write!(f, "ok"),
            Outcome::Queued => write!(f, "outbox"),
            Outcome::Refused(kind) => {
                let code = serde_json::to_value(kind).unwrap();
                write!(f, "{}", code.as_str().unwrap())
            }
        }
    }
}

/// An error an editor can act on: a whole sentence, no transport internals.
fn assert_clear(cell: &str, kind: ErrorKind, message: &str) -> Outcome {
    assert!(
        message.ends_with('.')
            && (message.starts_with("open.cx")
                || message.chars().next().is_some_and(char::is_uppercase)),
        "{cell}: not a sentence: {message}"
    );
    for internal in [
        "reqwest",
        "hyper",
        "error sending request",
        "tcp",
        "{",
        "Error(",
    ] {
        assert!(
            !message.contains(internal),
            "{cell}: transport internals in the message: {message}"
        );
    }
    assert!(message.len() < 400, "{cell}: too long: {message}");
    Outcome::Refused(kind)
}

/// [`assert_clear`] of an error a call answered.
fn refused(cell: &str, err: &StudioError) -> Outcome {
    assert_clear(cell, err.kind(), err.message())
}

struct Cell {
    sim: SimHandle,
    studio: Arc<Studio>,
    _dir: tempfile::TempDir,
    jobs: UnboundedReceiver<JobProgress>,
    trainings: Vec<Training>,
}

impl Cell {
    /// A demo-seeded simulator and a signed-in studio with the workspace loaded, its client
    /// giving up on an answer after one second.
    async fn new() -> Cell {
        let sim = opencx_sim::spawn(SimConfig {
            seed: "demo".parse().unwrap(),
            rate_limit_per_minute: 0,
            ..SimConfig::default()
        })
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let studio = Arc::new(
            Studio::new(dir.path(), Box::new(MemoryStore::new()))
                .with_requests_per_minute(0)
                .with_request_timeout(Duration::from_secs(1)),
        );
        let (tx, jobs) = unbounded_channel();
        studio.set_job_hook(move |p| {
            let _ = tx.send(p.clone());
        });
        studio
            .sign_in("Support", &sim.base_url(), DEFAULT_FULL_TOKEN)
            .await
            .unwrap();
        let trainings = studio.load_workspace().await.unwrap().trainings;
        Cell {
            sim,
            studio,
            _dir: dir,
            jobs,
            trainings,
        }
    }

    fn inject(&self, fault: Fault, times: u32) {
        self.sim.set_faults(fault.settings(times));
    }

    fn heal(&self) {
        self.sim.set_faults(Faults::default());
    }

    fn server(&self) -> Vec<Training> {
        self.sim
            .trainings()
            .into_iter()
            .map(|t| serde_json::from_value(t).unwrap())
            .collect()
    }

    fn server_training(&self, id: &str) -> Option<Training> {
        self.server().into_iter().find(|t| t.id == id)
    }

    /// A training that is live (published, no draft).
    fn live(&self) -> Training {
        self.trainings
            .iter()
            .find(|t| !t.is_draft && t.draft_content.is_none())
            .cloned()
            .expect("the demo has live trainings")
    }

    async fn job_end(&mut self, job: &str) -> JobProgress {
        loop {
            let p = tokio::time::timeout(Duration::from_secs(120), self.jobs.recv())
                .await
                .expect("the job ends")
                .expect("the hook stays");
            if p.job_id == job && p.state != JobState::Running {
                return p;
            }
        }
    }
}

/// Per fault: its name, the fault, and how the operation ended once and always.
type Row = Vec<(&'static str, Fault, Outcome, Outcome)>;

fn print_row(op: &str, row: &Row) {
    let cells: Vec<String> = row
        .iter()
        .map(|(_, _, once, always)| format!("{once} / {always}"))
        .collect();
    let header: Vec<&str> = row.iter().map(|(name, ..)| *name).collect();
    eprintln!("| operation | {} |", header.join(" | "));
    eprintln!("| {op} | {} |", cells.join(" | "));
}

/// Runs `cell` for every fault, once and always, each on a fresh simulator and studio.
async fn row<F, Fut>(op: &str, cell: F) -> Row
where
    F: Fn(Cell, Fault, u32, String) -> Fut,
    Fut: std::future::Future<Output = Outcome>,
{
    let mut row = Vec::new();
    for (name, fault) in FAULTS {
        let once = cell(
            Cell::new().await,
            fault,
            ONCE,
            format!("{op} × {name} once"),
        )
        .await;
        let always = cell(
            Cell::new().await,
            fault,
            ALWAYS,
            format!("{op} × {name} always"),
        )
        .await;
        row.push((name, fault, once, always));
    }
    print_row(op, &row);
    row
}

/// Checks the row's "once" column: the operation succeeded exactly where `recovers(fault)`.
fn assert_once(op: &str, row: &Row, recovers: impl Fn(Fault) -> bool) {
    for (name, fault, once, _) in row {
        assert_eq!(
            *once == Outcome::Done,
            recovers(*fault),
            "{op} × {name} once: {once}"
        );
    }
}

/// What a single fault the client can retry must end in: success.
fn retried(fault: Fault) -> bool {
    matches!(
        fault,
        Fault::Status(500 | 502 | 503 | 429)
            | Fault::Timeout
            | Fault::DropBefore
            | Fault::DropAfter
    )
}

#[tokio::test]
async fn list_under_every_fault() {
    let row = row("list", |cell, fault, times, name| async move {
        cell.inject(fault, times);
        let outcome = match cell.studio.load_workspace().await {
            Ok(data) => {
                assert_eq!(data.trainings.len(), cell.trainings.len(), "{name}");
                Outcome::Done
            }
            Err(err) => refused(&name, &err),
        };
        // Whatever happened, the last good list is still there without a request.
        cell.heal();
        let cached = cell
            .studio
            .cached_workspace()
            .await
            .unwrap()
            .expect("cached");
        assert_eq!(cached.data.trainings.len(), cell.trainings.len(), "{name}");
        outcome
    })
    .await;
    assert_once("list", &row, retried);
}

#[tokio::test]
async fn get_under_every_fault() {
    let row = row("get", |cell, fault, times, name| async move {
        let id = cell.live().id;
        cell.inject(fault, times);
        match cell.studio.get_training(&id).await {
            Ok(t) => {
                assert_eq!(t.id, id, "{name}");
                Outcome::Done
            }
            Err(err) => refused(&name, &err),
        }
    })
    .await;
    assert_once("get", &row, retried);
}

#[tokio::test]
async fn save_under_every_fault() {
    let row = row("save", |cell, fault, times, name| async move {
        let base = cell.live();
        let mut draft = TrainingDraft::from_training(&base);
        draft.content = format!("{}\n\nEdited under {name}.", base.content);
        cell.studio
            .journal_write(&base.id, draft.clone(), Some(base.updated_at.to_rfc3339()))
            .await
            .unwrap();
        let versions_before = base.current_version;
        cell.inject(fault, times);
        let outcome = match cell
            .studio
            .save_training(&base.id, &draft, false, base.clone())
            .await
        {
            Ok(SaveOutcome::Saved { training, .. }) => {
                assert_eq!(training.shown_content(), draft.content, "{name}");
                Outcome::Done
            }
            Ok(SaveOutcome::Queued { waiting }) => {
                assert_eq!(waiting, 1, "{name}");
                Outcome::Queued
            }
            Ok(SaveOutcome::Conflict { .. }) => panic!("{name}: a fault is not a conflict"),
            Err(err) => refused(&name, &err),
        };
        cell.heal();
        let server = cell.server_training(&base.id).unwrap();
        match outcome {
            Outcome::Done => assert_eq!(server.shown_content(), draft.content, "{name}"),
            Outcome::Queued => {
                // Sent once the connection is back, exactly once.
                let view = cell.studio.send_outbox().await.unwrap();
                assert_eq!(view.waiting, 0, "{name}: {view:?}");
                let server = cell.server_training(&base.id).unwrap();
                assert_eq!(server.shown_content(), draft.content, "{name}");
            }
            Outcome::Refused(_) => {
                // Not on the server, unless the answer was lost after it landed; in the journal
                // either way.
                let kept = cell.studio.journal_list().await.unwrap();
                assert!(
                    kept.iter().any(|e| e.draft.content == draft.content),
                    "{name}: the edit is gone"
                );
            }
        }
        // A draft save never makes a version; nothing was saved twice into a new training.
        assert_eq!(
            cell.server_training(&base.id).unwrap().current_version,
            versions_before,
            "{name}"
        );
        assert_eq!(cell.server().len(), cell.trainings.len(), "{name}");
        outcome
    })
    .await;
    assert_once("save", &row, retried);
    // Beyond the client's retries, a save that cannot reach open.cx waits in the outbox.
    for (name, fault, _, always) in &row {
        if matches!(
            fault,
            Fault::Status(500 | 502 | 503) | Fault::Timeout | Fault::DropBefore
        ) {
            assert_eq!(*always, Outcome::Queued, "save × {name} always");
        }
    }
}

#[tokio::test]
async fn move_under_every_fault() {
    let row = row("move", |mut cell, fault, times, name| async move {
        let t = cell.live();
        let to = cell
            .trainings
            .iter()
            .filter_map(|o| o.directory_id.clone())
            .find(|d| Some(d) != t.directory_id.as_ref())
            .expect("another directory");
        let seen = [(t.id.clone(), t.updated_at)].into_iter().collect();
        cell.inject(fault, times);
        let request = JobRequest::Move {
            items: vec![MoveItem {
                id: t.id.clone(),
                directory_id: Some(to.clone()),
            }],
        };
        let job = cell.studio.start_job(request, seen).unwrap();
        let end = cell.job_end(&job).await;
        cell.heal();
        let outcome = if let Some(failure) = end.failed.first() {
            assert!(
                failure.message.ends_with('.'),
                "{name}: {}",
                failure.message
            );
            assert_ne!(
                cell.server_training(&t.id).unwrap().directory_id.as_ref(),
                Some(&to),
                "{name}: a failed move moved"
            );
            Outcome::Refused(failure.kind)
        } else if end.queued.contains(&t.id) {
            let view = cell.studio.send_outbox().await.unwrap();
            assert_eq!(view.waiting, 0, "{name}: {view:?}");
            Outcome::Queued
        } else {
            Outcome::Done
        };
        if !matches!(outcome, Outcome::Refused(_)) {
            let server = cell.server_training(&t.id).unwrap();
            assert_eq!(server.directory_id.as_ref(), Some(&to), "{name}");
            // A move never changes the text nor what is in use. On this ("fields") server a
            // live training without a draft is published again with the same text (moves.rs):
            // a new version, two when the PUT is sent again after its answer was lost.
            assert_eq!(server.content, t.content, "{name}");
            assert_eq!(server.title, t.title, "{name}");
            assert!(
                server.is_live() && !server.has_unpublished_changes(),
                "{name}"
            );
            let (before, after) = (t.current_version.unwrap(), server.current_version.unwrap());
            assert!(
                after == before + 1 || after == before + 2,
                "{name}: {before} → {after}"
            );
        }
        outcome
    })
    .await;
    assert_once("move", &row, retried);
}

/// A publish, unpublish or delete of training `id` as the editor starts it for one training (a
/// job of one, guarded by the version the editor saw): how it ended and its last report.
async fn one(cell: &mut Cell, request: JobRequest, seen: &Training, name: &str) -> Outcome {
    let seen = [(seen.id.clone(), seen.updated_at)].into_iter().collect();
    let job = cell.studio.start_job(request, seen).unwrap();
    let end = cell.job_end(&job).await;
    match (end.failed.first(), end.queued.first()) {
        (Some(failure), _) => assert_clear(name, failure.kind, &failure.message),
        (None, Some(_)) => Outcome::Queued,
        (None, None) => Outcome::Done,
    }
}

#[tokio::test]
async fn publish_under_every_fault() {
    let row = row("publish", |mut cell, fault, times, name| async move {
        let t = cell
            .trainings
            .iter()
            .find(|t| t.is_draft)
            .cloned()
            .expect("the demo has drafts");
        cell.inject(fault, times);
        let publish = JobRequest::Publish {
            ids: vec![t.id.clone()],
        };
        let outcome = one(&mut cell, publish, &t, &name).await;
        cell.heal();
        if outcome == Outcome::Queued {
            // It waited in the outbox; once open.cx answers again it is sent.
            let view = cell.studio.send_outbox().await.unwrap();
            assert_eq!(view.waiting, 0, "{name}: {view:?}");
        }
        let server = cell.server_training(&t.id).unwrap();
        if outcome != Outcome::Done && outcome != Outcome::Queued {
            assert!(server.is_draft, "{name}: refused but published");
        } else {
            assert!(!server.is_draft, "{name}");
        }
        assert_eq!(
            server.shown_content(),
            t.shown_content(),
            "{name}: text changed"
        );
        assert_eq!(cell.server().len(), cell.trainings.len(), "{name}");
        outcome
    })
    .await;
    assert_once("publish", &row, retried);
}

#[tokio::test]
async fn delete_under_every_fault() {
    let row = row("delete", |mut cell, fault, times, name| async move {
        let t = cell.live();
        cell.inject(fault, times);
        let delete = JobRequest::Delete {
            ids: vec![t.id.clone()],
        };
        let outcome = one(&mut cell, delete, &t, &name).await;
        cell.heal();
        let gone = cell.server_training(&t.id).is_none();
        if outcome == Outcome::Done {
            assert!(gone, "{name}: said deleted but is there");
        }
        // Nothing else went with it, and a delete never waits in the outbox.
        assert_ne!(outcome, Outcome::Queued, "{name}");
        let left = cell.server().len();
        assert_eq!(left + usize::from(gone), cell.trainings.len(), "{name}");
        outcome
    })
    .await;
    assert_once("delete", &row, retried);
}

#[tokio::test]
async fn create_under_every_fault() {
    let row = row("create", |cell, fault, times, name| async move {
        cell.inject(fault, times);
        let outcome = match cell.studio.create_training(None).await {
            Ok(t) => {
                assert!(t.is_draft, "{name}");
                Outcome::Done
            }
            Err(err) => refused(&name, &err),
        };
        cell.heal();
        let made = cell.server().len() - cell.trainings.len();
        // Never two: the client id finds a create whose answer was lost.
        assert!(made <= 1, "{name}: {made} trainings created");
        if outcome == Outcome::Done {
            assert_eq!(made, 1, "{name}");
        }
        outcome
    })
    .await;
    // A create is never blindly retried: after a 5xx or a lost answer it is looked up by its
    // client id and sent again only if absent; an unreadable answer is looked up too.
    assert_once("create", &row, |fault| {
        retried(fault) || matches!(fault, Fault::Malformed)
    });
}
