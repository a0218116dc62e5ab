//! The job commands, for one training or many (a publish, unpublish, delete or move of one
//! training is a job of one): start a job (the board in `job_board.rs` lets one run at a time),
//! run it in a tokio task on the open workspace's client (`job_runner.rs`), keeping the
//! session's cache up to date and each publish or unpublish in the local history (with how
//! open.cx's answer differs from what it promised), Cancel, and "Retry failed" (a new job over
//! the failed items only). Progress reaches the shell through the job hook.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::draft::TrainingDraft;
use crate::error::{ErrorKind, Result};
use crate::history::History;
use crate::job_board::{JobBoard, Seen};
use crate::job_runner::{JobRun, Queue};
use crate::jobs::{JobId, JobProgress, JobRequest};
use crate::open_workspace::Session;
use crate::outbox::Outbox;

use super::Studio;

impl Studio {
    /// Told every progress report of every job ("job-progress"), after each item and at the end.
    pub fn set_job_hook(&self, hook: impl Fn(&JobProgress) + Send + Sync + 'static) {
        self.jobs.set_hook(hook);
    }

    /// Whether a job is running now (closing the window should ask first).
    pub fn job_running(&self) -> bool {
        self.jobs.is_running()
    }

    /// Starts `request` in the background and answers its id at once. `seen` holds the
    /// `updated_at` the editor saw per training: an item open.cx has another version of is left
    /// as it is and fails as a `conflict`. Only one job runs at a time: while one runs this
    /// answers kind `busy`.
    pub fn start_job(&self, request: JobRequest, seen: Seen) -> Result<JobId> {
        request.validate()?;
        let session = self.require()?;
        let id = uuid::Uuid::new_v4().to_string();
        let cancel = self.jobs.begin(&id)?;
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
        self.jobs.cancel(job_id)
    }

    /// Starts a new job over the items of `job_id` that failed; an item that met someone
    /// else's change is retried against the version open.cx had then.
    pub fn retry_failed(&self, job_id: &str) -> Result<JobId> {
        let (retry, seen) = self.jobs.retry_of(job_id)?;
        self.start_job(retry, seen)
    }
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
    /// Runs the job, keeping the session's cache in step and each publish, unpublish or
    /// replace in the local history (the one place a job's versions are kept), then settles (with the versions seen for a retry: open.cx's for the
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
        let (mut titles, mut bases): (HashMap<_, _>, Seen) = session
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
        titles.extend(request.titles());
        let names = session.cache().names.clone().unwrap_or_default();
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
            names: names.names(),
        };
        // The writes kept in the history, with whether each published.
        let published = match &request {
            JobRequest::Publish { .. } => Some(true),
            JobRequest::Unpublish { .. } => Some(false),
            JobRequest::Replace { publish, .. } => Some(*publish),
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
                        let said = progress
                            .differences
                            .iter()
                            .find(|d| d.id == training.id)
                            .map(|d| d.differences.clone())
                            .unwrap_or_default();
                        recording.push(tokio::spawn(async move {
                            let sent = TrainingDraft::from_training(&training);
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
        for failure in last.failed.iter().filter(|f| f.kind == ErrorKind::Conflict) {
            if let Some(t) = cache.trainings.get(&failure.id) {
                seen.insert(t.id.clone(), t.updated_at);
            }
        }
        drop(cache);
        board.settle(&job_id, request, seen, &last);
        board.tell(&last);
    }
}
