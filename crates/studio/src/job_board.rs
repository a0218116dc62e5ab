//! The studio's bulk jobs: starting one (one at a time; a second answers `busy`), running it in
//! a tokio task on the open workspace's client, Cancel, "Retry failed" (a new job over the
//! failed items only), keeping the session's cache up to date (and the local history of
//! publishes), and telling the shell about progress through the job hook.

use std::collections::{HashMap, HashSet};
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

/// The running job (at most one) and the finished jobs' failures.
#[derive(Default)]
pub(crate) struct JobBoard {
    running: Mutex<Option<Running>>,
    /// Per finished job: its request and the ids that failed.
    finished: Mutex<HashMap<JobId, (JobRequest, HashSet<String>)>>,
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
    fn settle(&self, id: &str, request: JobRequest, last: &JobProgress) {
        let failed = last.failed.iter().map(|f| f.id.clone()).collect();
        lock(&self.finished).insert(id.to_owned(), (request, failed));
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

    /// Starts `request` in the background and answers its id at once. Only one job runs at a
    /// time: while one runs this answers kind `busy`.
    pub fn start_job(&self, request: JobRequest) -> Result<JobId> {
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
        let board = Arc::clone(&self.jobs);
        let (history, outbox) = (self.history.clone(), self.outbox.clone());
        let job_id = id.clone();
        tokio::spawn(async move {
            run(
                &board, &session, &history, &outbox, &job_id, request, &cancel,
            )
            .await;
        });
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

    /// Starts a new job over the items of `job_id` that failed.
    pub fn retry_failed(&self, job_id: &str) -> Result<JobId> {
        let retry = lock(&self.jobs.finished)
            .get(job_id)
            .map(|(request, failed)| request.only(failed));
        let Some(retry) = retry else {
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
        self.start_job(retry)
    }
}

fn unknown_job() -> StudioError {
    StudioError::new(
        ErrorKind::NotFound,
        "That bulk change is not known (it may be from before a restart). Select the trainings \
         and start it again.",
    )
}

/// Runs the job, keeping the session's cache in step and each publish or unpublish in the
/// local history, then settles and announces the end.
async fn run(
    board: &JobBoard,
    session: &Session,
    history: &History,
    outbox: &Outbox,
    job_id: &str,
    request: JobRequest,
    cancel: &AtomicBool,
) {
    let (titles, bases) = session
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
    let job = JobRun {
        client: &session.client,
        job_id,
        request: &request,
        cancel,
        titles,
        queue: Some(Queue {
            outbox,
            workspace_id: &session.workspace.id,
            bases,
        }),
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
                if let Some(published) = published {
                    let (history, workspace) = (history.clone(), session.workspace.id.clone());
                    recording.push(tokio::spawn(async move {
                        let sent = TrainingDraft::from_training(&training);
                        history.keep(&workspace, published, sent, training).await;
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
    board.settle(job_id, request, &last);
    board.tell(&last);
}
