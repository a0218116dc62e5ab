//! The board of bulk jobs: which job runs now (at most one; a second start answers `busy`),
//! its Cancel switch, the finished jobs' requests and failures (for "Retry failed"), and the
//! hook told every progress report. It only keeps books: running a job is the service's
//! (`service/jobs.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use chrono::{DateTime, Utc};

use crate::error::{ErrorKind, Result, StudioError};
use crate::jobs::{JobId, JobProgress, JobRequest};

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
    /// Tells `hook` every progress report from now on.
    pub(crate) fn set_hook(&self, hook: impl Fn(&JobProgress) + Send + Sync + 'static) {
        *self.hook.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(hook));
    }

    pub(crate) fn tell(&self, progress: &JobProgress) {
        let hook = self.hook.read().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(hook) = hook {
            hook(progress);
        }
    }

    /// Whether a job is running now.
    pub(crate) fn is_running(&self) -> bool {
        lock(&self.running).is_some()
    }

    /// Makes `id` the running job and answers its Cancel switch; kind `busy` while another
    /// job runs.
    pub(crate) fn begin(&self, id: &str) -> Result<Arc<AtomicBool>> {
        let mut running = lock(&self.running);
        if running.is_some() {
            return Err(StudioError::new(ErrorKind::Busy, BUSY));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *running = Some(Running {
            id: id.to_owned(),
            cancel: Arc::clone(&cancel),
        });
        Ok(cancel)
    }

    /// Stops the job before its next item. A job that already ended is left as it is.
    pub(crate) fn cancel(&self, job_id: &str) -> Result<()> {
        if let Some(running) = lock(&self.running).as_ref().filter(|r| r.id == job_id) {
            running.cancel.store(true, Ordering::SeqCst);
            return Ok(());
        }
        if lock(&self.finished).contains_key(job_id) {
            return Ok(());
        }
        Err(unknown_job())
    }

    /// The job over the items of finished job `job_id` that failed, with the versions a retry
    /// expects; kind `busy` while that job still runs.
    pub(crate) fn retry_of(&self, job_id: &str) -> Result<(JobRequest, Seen)> {
        let retry = lock(&self.finished)
            .get(job_id)
            .map(|(request, failed, seen)| (request.only(failed), seen.clone()));
        let Some((retry, seen)) = retry else {
            if lock(&self.running).as_ref().is_some_and(|r| r.id == job_id) {
                return Err(StudioError::new(ErrorKind::Busy, BUSY));
            }
            return Err(unknown_job());
        };
        if retry.ids().is_empty() {
            return Err(StudioError::invalid_input(
                "Nothing failed in that job, so there is nothing to retry.",
            ));
        }
        Ok((retry, seen))
    }

    /// Records the end of a job, so Retry failed can find it and a new job may start.
    pub(crate) fn settle(&self, id: &str, request: JobRequest, seen: Seen, last: &JobProgress) {
        let failed = last.failed.iter().map(|f| f.id.clone()).collect();
        lock(&self.finished).insert(id.to_owned(), (request, failed, seen));
        let mut running = lock(&self.running);
        if running.as_ref().is_some_and(|r| r.id == id) {
            *running = None;
        }
    }
}

fn unknown_job() -> StudioError {
    StudioError::new(
        ErrorKind::NotFound,
        "That bulk change is not known (it may be from before a restart). Select the trainings \
         and start it again.",
    )
}
