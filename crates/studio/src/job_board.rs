//! The studio's bulk jobs: starting one (one at a time; a second answers `busy`), running it in
//! a tokio task on the open workspace's client, Cancel, "Retry failed" (a new job over the
//! failed items only), keeping the session's cache up to date (and the local history of
//! publishes), and telling the shell about progress through the job hook.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result, StudioError};
use crate::history::History;
use crate::job_runner::{JobRun, Queue};
use crate::jobs::{JobId, JobKind, JobProgress, JobRequest};
use crate::outbox::Outbox;
use crate::session::Session;
use crate::Studio;

/// The sentence of a start while another job runs.
pub const BUSY: &str = "Another bulk change is still running. Wait for it to finish or cancel \
it, then try again.";

type JobHook = Arc<dyn Fn(&JobProgress) + Send + Sync>;

/// The `updated_at` the editor saw, per training id.
pub type Seen = HashMap<String, DateTime<Utc>>;

/// A finished job's request, the ids that failed, and the versions a retry expects.
type Finished = (JobRequest, HashSet<String>, Seen);

/// The running job (at most one) and the finished jobs' failures.
#[derive(Default)]
pub(crate) struct JobBoard {
    running: Mutex<Option<Running>>,
    /// Per finished job: its request, the ids that failed and the versions a retry expects.
    finished: Mutex<HashMap<JobId, Finished>>,
    hook: RwLock<Option<JobHook>>,
}

struct Running {
    id: JobId,
    cancel: Arc<AtomicBool>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl JobBoard {
    fn tell(&self, progress: &JobProgress) {
        let hook = self.hook.read().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(hook) = hook {
            hook(progress);
        }
    }

    /// Records the end of a job, so Retry failed can find it and a new job may start.
    fn settle(&self, id: &str, request: JobRequest, seen: Seen, last: &JobProgress) {
        let failed = last.failed.iter().map(|f| f.id.clone()).collect();
        lock(&self.finished).insert(id.to_owned(), (request, failed, seen));
        let mut running = lock(&self.running);
        if running.as_ref().is_some_and(|r| r.id == id) {
            *running = None;
        }
    }
}

impl Studio {
    /// Told every progress report of every job ("job-progress"), after each item and at the end.
    pub fn set_job_hook(&self, hook: impl Fn(&JobProgress) + Send + Sync + 'static) {
        *self.jobs.hook.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(hook));
    }

    /// Whether a job is running now (closing the window should ask first).
    pub fn job_running(&self) -> bool {
        lock(&self.jobs.running).is_some()
    }

    /// Starts `request` in the background and answers its id at once. `seen` holds the
    /// `updated_at` the editor saw per training: an item open.cx has another version of is left
    /// as it is and fails as a `conflict`. Only one job runs at a time: while one runs this
    /// answers kind `busy`.
    pub fn start_job(&self, request: JobRequest, seen: Seen) -> Result<JobId> {
        request.validate()?;
        let session = self.require()?;
        let id = uuid::Uuid::new_v4().to_string();
        let cancel = Arc::new(AtomicBool::new(false));
        {
            let mut running = lock(&self.jobs.running);
            if running.is_some() {
                return Err(StudioError::new(ErrorKind::Busy, BUSY));
            }
            *running = Some(Running {
                id: id.clone(),
                cancel: Arc::clone(&cancel),
            });
        }
        let started = Started {
            board: Arc::clone(&self.jobs),
            session,
            history: self.history.clone(),
            outbox: self.outbox.clone(),
            job_id: id.clone(),
            request,
            seen,
            cancel,
        };
        tokio::spawn(started.run());
        tracing::info!(job = %id, "started a job");
        Ok(id)
    }

    /// Stops the job before its next item. A job that already ended is left as it is.
    pub fn cancel_job(&self, job_id: &str) -> Result<()> {
        if let Some(running) = lock(&self.jobs.running).as_ref().filter(|r| r.id == job_id) {
            running.cancel.store(true, Ordering::SeqCst);
            return Ok(());
        }
        if lock(&self.jobs.finished).contains_key(job_id) {
            return Ok(());
        }
        Err(unknown_job())
    }

    /// Starts a new job over the items of `job_id` that failed; an item that met someone
    /// else's change is retried against the version open.cx had then.
    pub fn retry_failed(&self, job_id: &str) -> Result<JobId> {
        let retry = lock(&self.jobs.finished)
            .get(job_id)
            .map(|(request, failed, seen)| (request.only(failed), seen.clone()));
        let Some((retry, seen)) = retry else {
            if lock(&self.jobs.running)
                .as_ref()
                .is_some_and(|r| r.id == job_id)
            {
                return Err(StudioError::new(ErrorKind::Busy, BUSY));
            }
            return Err(unknown_job());
        };
        if retry.ids().is_empty() {
            return Err(StudioError::invalid_input(
                "Nothing failed in that job, so there is nothing to retry.",
            ));
        }
        self.start_job(retry, seen)
    }
}

fn unknown_job() -> StudioError {
    StudioError::new(
        ErrorKind::NotFound,
        "That bulk change is not known (it may be from before a restart). Select the trainings \
         and start it again.",
    )
}

/// A job started in the background, with everything it needs.
struct Started {
    board: Arc<JobBoard>,
    session: Arc<Session>,
    history: History,
    outbox: Outbox,
    job_id: JobId,
    request: JobRequest,
    seen: Seen,
    cancel: Arc<AtomicBool>,
}

impl Started {
    /// Runs the job, keeping the session's cache in step and each publish or unpublish in the
    /// local history, then settles (with the versions seen for a retry: open.cx's for the
    /// items that met a change) and announces the end.
    async fn run(self) {
        let Started {
            board,
            session,
            history,
            outbox,
            job_id,
            request,
            mut seen,
            cancel,
        } = self;
        let (titles, mut bases): (HashMap<_, _>, Seen) = session
            .cache()
            .trainings
            .values()
            .map(|t| {
                (
                    (t.id.clone(), t.shown_title().to_owned()),
                    (t.id.clone(), t.updated_at),
                )
            })
            .unzip();
        bases.extend(seen.clone());
        let job = JobRun {
            client: &session.client,
            job_id: &job_id,
            request: &request,
            cancel: &cancel,
            titles,
            queue: Some(Queue {
                outbox: &outbox,
                workspace_id: &session.workspace.id,
                bases,
            }),
            seen: seen.clone(),
            rules: session.rules(),
        };
        let published = match request.kind() {
            JobKind::Publish => Some(true),
            JobKind::Unpublish => Some(false),
            _ => None,
        };
        let mut recording = Vec::new();
        let last = job
            .run(|progress| {
                for training in &progress.updated {
                    let training = session.keep(training.clone());
                    let refused = progress.failed.iter().any(|f| f.id == training.id);
                    if let (Some(published), false) = (published, refused) {
                        let (history, workspace) = (history.clone(), session.workspace.id.clone());
                        recording.push(tokio::spawn(async move {
                            let sent = TrainingDraft::from_training(&training);
                            // No review promised a bulk job's items one by one.
                            let said = Vec::new();
                            history
                                .keep(&workspace, published, sent, training, said)
                                .await;
                        }));
                    }
                }
                for id in &progress.deleted {
                    session.forget(id);
                }
                board.tell(progress);
            })
            .await;
        for recorded in recording {
            let _ = recorded.await;
        }
        tracing::info!(job = %job_id, done = last.done, failed = last.failed.len(), "job ended");
        let cache = session.cache();
        for failure in last
            .failed
            .iter()
            .filter(|f| f.kind == ErrorKind::Conflict.as_str())
        {
            if let Some(t) = cache.trainings.get(&failure.id) {
                seen.insert(t.id.clone(), t.updated_at);
            }
        }
        drop(cache);
        board.settle(&job_id, request, seen, &last);
        board.tell(&last);
    }
}
