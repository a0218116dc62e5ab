//! Running one bulk job through one client: items one after another (the client's rate budget
//! paces them and it retries 429 and 5xx by itself), each item exactly once, a Cancel checked
//! before every item, a progress report after each item, every refused item kept as an
//! [`ItemFailure`] with the editor-facing sentence (an item someone else changed since the
//! editor saw it is left as it is, a conflict), and a move, publish or unpublish that cannot
//! reach open.cx put in the outbox instead.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::{DateTime, Utc};
use opencx::{Client, Training};

use crate::conflict::changed_on_open_cx;
use crate::draft_rules::DraftRules;
use crate::error::StudioError;
use crate::jobs::{ItemFailure, JobProgress, JobRequest, JobState};
use crate::moves::{move_body, visibility_body, without_identical_draft};
use crate::outbox::{Outbox, OutboxAction, OutboxEntry};

/// One job's run: what to do, and what is known so far.
pub struct JobRun<'a> {
    pub client: &'a Client,
    pub job_id: &'a str,
    pub request: &'a JobRequest,
    /// Set by Cancel; read before every item.
    pub cancel: &'a AtomicBool,
    /// Titles to name failed items by (the session's cache); the id when a title is missing.
    pub titles: HashMap<String, String>,
    /// Where a move, publish or unpublish that cannot reach open.cx waits to be sent; `None`
    /// = such an item fails like any other.
    pub queue: Option<Queue<'a>>,
    /// The `updated_at` the editor saw per training: an item open.cx has another version of
    /// is left as it is and fails as a conflict. Trainings not named here are not checked.
    pub seen: HashMap<String, DateTime<Utc>>,
    /// How the workspace's server treats drafts: moves and visibility changes are built from it.
    pub rules: DraftRules,
}

/// Why an item was not done.
enum Refusal {
    /// open.cx has another version than the editor saw (this one).
    Changed(Box<Training>),
    Error(StudioError),
}

impl From<StudioError> for Refusal {
    fn from(err: StudioError) -> Self {
        Refusal::Error(err)
    }
}

impl From<opencx::Error> for Refusal {
    fn from(err: opencx::Error) -> Self {
        Refusal::Error(err.into())
    }
}

/// The outbox of the job's workspace, and the version of each training the change is made
/// against (the session's cache).
pub struct Queue<'a> {
    pub outbox: &'a Outbox,
    pub workspace_id: &'a str,
    pub bases: HashMap<String, DateTime<Utc>>,
}

impl JobRun<'_> {
    /// Processes the items, calls `report` after each, and returns the final report (state
    /// finished or cancelled, with every failure; nothing in `updated`/`deleted`) without
    /// passing it to `report`, so the caller can settle its books before announcing it.
    pub async fn run(&self, mut report: impl FnMut(&JobProgress)) -> JobProgress {
        let ids = self.request.ids();
        let total = ids.len();
        let started = Instant::now();
        let mut done: HashSet<&str> = HashSet::new();
        let mut failed = Vec::new();
        let mut queued = Vec::new();
        let mut state = JobState::Finished;
        for id in &ids {
            if self.cancel.load(Ordering::SeqCst) {
                state = JobState::Cancelled;
                break;
            }
            if !done.insert(id.as_str()) {
                continue;
            }
            let (updated, deleted) = match self.item(id).await {
                Ok(Some(t)) => (vec![without_identical_draft(t)], vec![]),
                Ok(None) => (vec![], vec![id.clone()]),
                Err(Refusal::Changed(fresh)) => {
                    let title = self
                        .titles
                        .get(id)
                        .map_or(fresh.shown_title(), String::as_str);
                    failed.push(self.failure(id, &changed_on_open_cx(title)));
                    // The editor's view gets open.cx's version; nothing was written.
                    (vec![without_identical_draft(*fresh)], vec![])
                }
                Err(Refusal::Error(err)) => {
                    match self.queued(id, &err).await {
                        Some(Ok(())) => queued.push(id.clone()),
                        Some(Err(not_kept)) => failed.push(self.failure(id, &not_kept)),
                        None => failed.push(self.failure(id, &err)),
                    }
                    (vec![], vec![])
                }
            };
            let per_item = started.elapsed().as_secs_f64() / done.len() as f64;
            let left = (total - done.len()) as f64 * per_item;
            report(&JobProgress {
                updated,
                deleted,
                seconds_left: Some(left.ceil() as u32),
                state: JobState::Running,
                ..self.progress(total, done.len(), &failed, &queued)
            });
        }
        JobProgress {
            state,
            ..self.progress(total, done.len(), &failed, &queued)
        }
    }

    /// Puts an item that could not reach open.cx in the outbox (moves, publishes and
    /// unpublishes, when the job has an outbox and knows the training's version); `None` when
    /// it is not queued and stays a failure.
    async fn queued(&self, id: &str, err: &StudioError) -> Option<Result<(), StudioError>> {
        let queue = self.queue.as_ref()?;
        if !err.kind().is_unreachable() {
            return None;
        }
        let base_updated_at = *queue.bases.get(id)?;
        let action = match self.request {
            JobRequest::Move { .. } => OutboxAction::Move {
                directory_id: self
                    .request
                    .targets()
                    .get(id)
                    .copied()
                    .flatten()
                    .map(str::to_owned),
                base_updated_at,
            },
            JobRequest::Publish { .. } => OutboxAction::SetPublished {
                published: true,
                base_updated_at,
            },
            JobRequest::Unpublish { .. } => OutboxAction::SetPublished {
                published: false,
                base_updated_at,
            },
            JobRequest::Delete { .. } | JobRequest::SetVisibility { .. } => return None,
        };
        let title = self.titles.get(id).map_or(id, String::as_str);
        let entry = OutboxEntry::new(id, title, action);
        Some(
            queue
                .outbox
                .queue(queue.workspace_id, entry)
                .await
                .map(|_| ()),
        )
    }

    fn progress(
        &self,
        total: usize,
        done: usize,
        failed: &[ItemFailure],
        queued: &[String],
    ) -> JobProgress {
        JobProgress {
            job_id: self.job_id.to_owned(),
            kind: self.request.kind(),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            done: u32::try_from(done).unwrap_or(u32::MAX),
            failed: failed.to_vec(),
            queued: queued.to_vec(),
            updated: Vec::new(),
            deleted: Vec::new(),
            seconds_left: None,
            state: JobState::Running,
        }
    }

    fn failure(&self, id: &str, err: &StudioError) -> ItemFailure {
        ItemFailure {
            id: id.to_owned(),
            title: self
                .titles
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_owned()),
            kind: err.kind(),
            message: err.message().to_owned(),
        }
    }

    /// One item. Each reads the training fresh when the editor's view of it is known (`seen`)
    /// and leaves it as it is when open.cx has another version ([`Refusal::Changed`]). A move
    /// or visibility change always reads it and PUTs the full body built from that copy
    /// (nothing when it already has the wanted setting); publish and unpublish use the draft
    /// route; delete deletes (one already gone counts as deleted). Answers the training as it
    /// is now, `None` when deleted.
    async fn item(&self, id: &str) -> Result<Option<Training>, Refusal> {
        let client = self.client;
        let guarded = self.seen.get(id);
        let fresh = match self.request {
            JobRequest::Move { .. } | JobRequest::SetVisibility { .. } => {
                Some(client.get_training(id).await?)
            }
            _ if guarded.is_none() => None,
            JobRequest::Delete { .. } => match client.get_training(id).await {
                Ok(fresh) => Some(fresh),
                Err(e) if e.kind() == opencx::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e.into()),
            },
            _ => Some(client.get_training(id).await?),
        };
        if let (Some(seen), Some(fresh)) = (guarded, &fresh) {
            if fresh.updated_at != *seen {
                return Err(Refusal::Changed(Box::new(fresh.clone())));
            }
        }
        let outcome = match (self.request, fresh) {
            (JobRequest::Move { .. }, Some(fresh)) => {
                let target = self
                    .request
                    .targets()
                    .get(id)
                    .copied()
                    .flatten()
                    .map(str::to_owned);
                if fresh.directory_id == target {
                    Some(fresh)
                } else {
                    let body = move_body(&fresh, target, &self.rules);
                    Some(client.update_training(id, &body).await?)
                }
            }
            (
                JobRequest::SetVisibility {
                    channels, segments, ..
                },
                Some(fresh),
            ) => {
                if &fresh.restricted_to_channels == channels
                    && &fresh.restricted_to_segments == segments
                {
                    Some(fresh)
                } else {
                    let body = visibility_body(&fresh, channels, segments, &self.rules);
                    Some(client.update_training(id, &body).await?)
                }
            }
            (JobRequest::Publish { .. }, _) => Some(client.set_draft(id, false).await?),
            (JobRequest::Unpublish { .. }, _) => Some(client.set_draft(id, true).await?),
            (JobRequest::Delete { .. }, _) => match client.delete_training(id).await {
                Ok(()) => None,
                Err(e) if e.kind() == opencx::ErrorKind::NotFound => None,
                Err(e) => return Err(e.into()),
            },
            (JobRequest::Move { .. } | JobRequest::SetVisibility { .. }, None) => None,
        };
        Ok(outcome)
    }
}
