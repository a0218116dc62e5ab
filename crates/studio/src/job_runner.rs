//! Running one job (one training or many) through one client: items one after another (the
//! client's rate budget paces them and it retries 429 and 5xx by itself), each item exactly
//! once, a Cancel checked before every item, a progress report after each item, every refused
//! item kept as an [`ItemFailure`] with the editor-facing sentence (an item someone else changed
//! since the editor saw it is left as it is, a conflict), each publish or unpublish compared
//! with what it promised ([`ItemDifferences`]), and a move, publish or unpublish that cannot
//! reach open.cx put in the outbox instead. A replace (find and replace) writes each training's
//! new text as the editor's save does, and is compared with what that save promised.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use chrono::{DateTime, Utc};
use opencx::{Client, Training};

use crate::conflict::changed_on_open_cx;
use crate::differences::differences;
use crate::draft::TrainingDraft;
use crate::draft_rules::DraftRules;
use crate::error::StudioError;
use crate::jobs::{
    ImportItem, ItemDifferences, ItemFailure, JobProgress, JobRequest, JobState, ReplaceItem,
};
use crate::moves::{move_body, visibility_body, without_identical_draft};
use crate::outbox::{Outbox, OutboxAction, OutboxEntry};
use crate::promise::Promise;
use crate::review::Names;
use crate::validation_message::explain;
use crate::workspace_files::refresh_file;

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
    /// The directory and segment names the differences from a promise are said with.
    pub names: Names<'a>,
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
            let mut said = Vec::new();
            let (updated, deleted) = match self.item(id).await {
                Ok(Some((answer, promise))) => {
                    let answer = without_identical_draft(answer);
                    let mut differences = promise
                        .map(|promise| differences(&promise, &answer, self.names))
                        .unwrap_or_default();
                    differences.extend(self.refresh(id, &answer));
                    if !differences.is_empty() {
                        said.push(ItemDifferences {
                            id: id.clone(),
                            differences,
                        });
                    }
                    (vec![answer], vec![])
                }
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
                differences: said,
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
            JobRequest::Delete { .. }
            | JobRequest::SetVisibility { .. }
            | JobRequest::Replace { .. }
            | JobRequest::Import { .. } => return None,
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

    /// Writes an imported training's file again from open.cx's answer (when the import names
    /// one); answers the sentence that says it could not.
    fn refresh(&self, id: &str, answer: &Training) -> Option<String> {
        let Some(
            ImportItem::Update {
                file: Some(file), ..
            }
            | ImportItem::Move {
                file: Some(file), ..
            }
            | ImportItem::Create {
                file: Some(file), ..
            },
        ) = self.request.import_item(id)
        else {
            return None;
        };
        refresh_file(file.as_ref(), answer, self.names.segments)
            .err()
            .map(|e| format!("open.cx has this change, but its file could not be updated: {e}"))
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
            differences: Vec::new(),
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
    /// (nothing when it already has the wanted setting); publish and unpublish always read it
    /// too, for what they promise, and use the draft route; a replace reads it and saves the new
    /// text over that copy (`replace`); delete deletes (one already gone
    /// counts as deleted). Answers the training as it is now with what a publish or unpublish
    /// promised, `None` when deleted.
    async fn item(&self, id: &str) -> Result<Option<(Training, Option<Promise>)>, Refusal> {
        let client = self.client;
        let guarded = self.seen.get(id);
        let import = self.request.import_item(id);
        let fresh = match (self.request, import) {
            (_, Some(ImportItem::Create { .. })) => None,
            (JobRequest::Delete { .. }, _) | (_, Some(ImportItem::Delete { .. }))
                if guarded.is_none() =>
            {
                None
            }
            (JobRequest::Delete { .. }, _) | (_, Some(ImportItem::Delete { .. })) => {
                match client.get_training(id).await {
                    Ok(fresh) => Some(fresh),
                    Err(e) if e.kind() == opencx::ErrorKind::NotFound => return Ok(None),
                    Err(e) => return Err(e.into()),
                }
            }
            (
                JobRequest::Move { .. }
                | JobRequest::SetVisibility { .. }
                | JobRequest::Publish { .. }
                | JobRequest::Unpublish { .. }
                | JobRequest::Replace { .. }
                | JobRequest::Import { .. },
                _,
            ) => Some(client.get_training(id).await?),
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
                let answer = if fresh.directory_id == target {
                    fresh
                } else {
                    let body = move_body(&fresh, target, &self.rules);
                    client.update_training(id, &body).await?
                };
                Some((answer, None))
            }
            (
                JobRequest::SetVisibility {
                    channels, segments, ..
                },
                Some(fresh),
            ) => {
                let answer = if &fresh.restricted_to_channels == channels
                    && &fresh.restricted_to_segments == segments
                {
                    fresh
                } else {
                    let body = visibility_body(&fresh, channels, segments, &self.rules);
                    client.update_training(id, &body).await?
                };
                Some((answer, None))
            }
            (JobRequest::Publish { .. } | JobRequest::Unpublish { .. }, Some(fresh)) => {
                let published = matches!(self.request, JobRequest::Publish { .. });
                let promise = Promise::of_set_published(&fresh, published);
                Some((client.set_draft(id, !published).await?, Some(promise)))
            }
            (JobRequest::Replace { publish, .. }, Some(fresh)) => {
                let Some(item) = self.request.replacement(id) else {
                    return Ok(Some((fresh, None)));
                };
                self.replace(&fresh, item, *publish).await?
            }
            (JobRequest::Import { publish, .. }, fresh) => {
                return self.import_item(id, import, fresh, *publish).await;
            }
            (JobRequest::Delete { .. }, _) => match client.delete_training(id).await {
                Ok(()) => None,
                Err(e) if e.kind() == opencx::ErrorKind::NotFound => None,
                Err(e) => return Err(e.into()),
            },
            (_, None) => None,
        };
        Ok(outcome)
    }

    /// One item of an import: the file's text saved (`publish` or as a draft), a move, a new
    /// training, or a deletion; `fresh` is open.cx's copy (none for a new one).
    async fn import_item(
        &self,
        id: &str,
        item: Option<&ImportItem>,
        fresh: Option<Training>,
        publish: bool,
    ) -> Result<Option<(Training, Option<Promise>)>, Refusal> {
        let client = self.client;
        let outcome = match (item, fresh) {
            (Some(ImportItem::Update { draft, .. }), Some(fresh)) => {
                let promise = Promise::of_save(&fresh, draft, publish, self.rules.draft_save);
                let body = draft.update_body(&fresh, publish);
                Some((client.update_training(id, &body).await?, Some(promise)))
            }
            (Some(ImportItem::Move { directory_id, .. }), Some(fresh)) => {
                let answer = if &fresh.directory_id == directory_id {
                    fresh
                } else {
                    let body = move_body(&fresh, directory_id.clone(), &self.rules);
                    client.update_training(id, &body).await?
                };
                Some((answer, None))
            }
            (Some(ImportItem::Create { draft, .. }), _) => {
                let promise = (!publish).then(|| Promise::of_new_draft(draft));
                let answer = client.create_training(&draft.create_body(publish)).await?;
                Some((answer, promise))
            }
            (Some(ImportItem::Delete { .. }), _) => match client.delete_training(id).await {
                Ok(()) => None,
                Err(e) if e.kind() == opencx::ErrorKind::NotFound => None,
                Err(e) => return Err(e.into()),
            },
            (_, _) => None,
        };
        Ok(outcome)
    }
}

impl JobRun<'_> {
    /// Writes `item`'s text over `fresh` as a save from the editor would (the full body, saved
    /// as a draft or published, by the workspace's draft rules), with what that save promises.
    /// A training that already holds the text is not written again (a retry after a lost answer).
    async fn replace(
        &self,
        fresh: &Training,
        item: &ReplaceItem,
        publish: bool,
    ) -> Result<Option<(Training, Option<Promise>)>, Refusal> {
        let mut draft = TrainingDraft::from_training(fresh);
        if draft.title == item.title
            && draft.content == item.content
            && (!publish || !fresh.has_unpublished_changes() && fresh.is_live())
        {
            return Ok(Some((fresh.clone(), None)));
        }
        draft.title.clone_from(&item.title);
        draft.content.clone_from(&item.content);
        let promise = Promise::of_save(fresh, &draft, publish, self.rules.draft_save);
        let body = draft.update_body(fresh, publish);
        let answer = self
            .client
            .update_training(&fresh.id, &body)
            .await
            .map_err(|e| explain(e, &serde_json::to_value(&body).unwrap_or_default()))?;
        Ok(Some((answer, Some(promise))))
    }
}

#[cfg(test)]
mod tests {
    use axum::routing::{get, put};
    use axum::{Json, Router};
    use opencx::{ApiToken, ClientConfig};
    use serde_json::Value;

    use super::*;
    use crate::test_support::training;

    /// A server that answers a publish of training `t1`, a draft, by leaving it a draft: what
    /// no open.cx should do, and what a change made elsewhere between the job's read and its
    /// publish looks like.
    async fn server_that_keeps_drafts() -> String {
        let mut draft = training("t1");
        draft.is_draft = true;
        draft.current_version = None;
        draft.published_at = None;
        let draft: Value = serde_json::to_value(&draft).unwrap();
        let answer = draft.clone();
        let app = Router::new()
            .route("/training/t1", get(move || async move { Json(draft) }))
            .route(
                "/training/t1/draft",
                put(move || async move { Json(answer) }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        url
    }

    #[tokio::test]
    async fn a_job_of_one_reports_how_the_answer_differs_from_what_the_publish_promised() {
        let mut config = ClientConfig::new(server_that_keeps_drafts().await, ApiToken::new("k"));
        config.requests_per_minute = 0;
        let client = Client::new(config).unwrap();
        let request = JobRequest::Publish {
            ids: vec!["t1".into()],
        };
        let job = JobRun {
            client: &client,
            job_id: "one",
            request: &request,
            cancel: &AtomicBool::new(false),
            titles: HashMap::new(),
            queue: None,
            seen: HashMap::new(),
            rules: DraftRules::default(),
            names: Names {
                directories: &[],
                segments: &[],
            },
        };
        let mut reports = Vec::new();
        let last = job.run(|p| reports.push(p.clone())).await;
        assert_eq!((last.state, last.done), (JobState::Finished, 1));
        assert!(last.failed.is_empty(), "{:?}", last.failed);
        let [report] = &reports[..] else {
            panic!("one report per item: {reports:?}");
        };
        assert_eq!(report.updated[0].id, "t1");
        assert_eq!(
            report.differences,
            [ItemDifferences {
                id: "t1".into(),
                differences: vec!["open.cx did not put this training in use: it is still a \
                                   draft the AI agent does not use."
                    .into()],
            }]
        );
        assert!(last.differences.is_empty(), "only the news, as `updated`");
    }
}
