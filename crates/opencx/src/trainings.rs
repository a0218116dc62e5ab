//! The training endpoints: list (one page, or all pages concurrently within the rate budget),
//! get, update, delete, publish/unpublish. Creating is in `create.rs`.

use std::collections::HashSet;

use futures::StreamExt;
use reqwest::Method;
use serde_json::json;

use crate::endpoint::{Endpoint, On404, Scope};
use crate::models::WirePage;
use crate::transport::{Call, Repeat};
use crate::{Client, ListQuery, Result, Training, TrainingPage, UpdateTraining};

/// The largest page the list allows.
pub const PAGE_SIZE: u32 = 100;
/// Pages [`Client::list_all_trainings`] fetches at once.
pub const LIST_ALL_CONCURRENCY: usize = 8;

const LIST: Endpoint = Endpoint::new(Scope::TrainingRead, On404::Api, "the training list");
const READ: Endpoint = Endpoint::new(
    Scope::TrainingRead,
    On404::Missing {
        subject: "This training",
    },
    "the training",
);
const WRITE: Endpoint = Endpoint::new(
    Scope::TrainingWrite,
    On404::Missing {
        subject: "This training",
    },
    "the training",
);

impl Client {
    /// One page of `GET /training`.
    pub async fn list_trainings(&self, q: &ListQuery) -> Result<TrainingPage> {
        let call = Call::new(Method::GET, &["training"], LIST).query(q.pairs());
        let page: WirePage = self.fetch(&call).await?;
        Ok(page.into_page(q))
    }

    /// Every training matching `q` (its `limit`/`offset` are ignored), ordered as the server
    /// orders them: ⌈N/100⌉ requests, the first alone (it tells the total), the rest
    /// [`LIST_ALL_CONCURRENCY`] at a time within the rate budget.
    pub async fn list_all_trainings(&self, q: &ListQuery) -> Result<Vec<Training>> {
        self.list_all_trainings_with_concurrency(q, LIST_ALL_CONCURRENCY)
            .await
    }

    /// [`Client::list_all_trainings`] with `concurrency` pages in flight (1 = one after the
    /// other; 0 counts as 1).
    pub async fn list_all_trainings_with_concurrency(
        &self,
        q: &ListQuery,
        concurrency: usize,
    ) -> Result<Vec<Training>> {
        self.list_all_trainings_as_they_arrive(q, None, concurrency, |_, _| {})
            .await
    }

    /// [`Client::list_all_trainings`], telling `on_page` each page's trainings (those not seen on
    /// an earlier page) and the total as the pages arrive, in order. `first`, when given, is the
    /// answer to the first page (`limit` 100, `offset` 0 of `q`) already in hand, e.g. from the
    /// request that checked the key: it is not asked again, so the whole list costs ⌈N/100⌉
    /// requests counting that one.
    pub async fn list_all_trainings_as_they_arrive(
        &self,
        q: &ListQuery,
        first: Option<TrainingPage>,
        concurrency: usize,
        mut on_page: impl FnMut(&[Training], u64),
    ) -> Result<Vec<Training>> {
        let first = match first {
            Some(page) => page,
            None => self.list_trainings(&first_page(q)).await?,
        };
        let total = first.total;
        // A server that caps pages below 100 is followed at its own page size.
        let step = match first.items.len() as u64 {
            0 => u64::from(PAGE_SIZE),
            n => n.min(u64::from(PAGE_SIZE)),
        };
        let offsets = (1..total.div_ceil(step))
            .map(|i| u32::try_from(i * step).unwrap_or(u32::MAX))
            .collect::<Vec<_>>();
        // Offset paging over a list that changes meanwhile can repeat an item: keep the first.
        let mut seen = HashSet::new();
        let mut all = Vec::new();
        let mut take = |page: TrainingPage, all: &mut Vec<Training>| {
            let from = all.len();
            all.extend(page.items.into_iter().filter(|t| seen.insert(t.id.clone())));
            on_page(&all[from..], total);
        };
        take(first, &mut all);
        let mut rest = futures::stream::iter(offsets)
            .map(|offset| {
                let q = page_at(q, offset);
                async move { self.list_trainings(&q).await }
            })
            .buffered(concurrency.max(1));
        while let Some(page) = rest.next().await {
            take(page?, &mut all);
        }
        Ok(all)
    }

    /// `GET /training/{id}`.
    pub async fn get_training(&self, id: &str) -> Result<Training> {
        self.fetch(&Call::new(Method::GET, &["training", id], READ))
            .await
    }

    /// `PUT /training/{id}` with the full body.
    pub async fn update_training(&self, id: &str, body: &UpdateTraining) -> Result<Training> {
        self.fetch(&Call::new(Method::PUT, &["training", id], WRITE).json(body)?)
            .await
    }

    /// `DELETE /training/{id}`; any 2xx (200 `{"success":true}` or 204) is success.
    pub async fn delete_training(&self, id: &str) -> Result<()> {
        let call = Call::new(Method::DELETE, &["training", id], WRITE);
        self.send(&call, Repeat::Idempotent).await.map(drop)
    }

    /// `PUT /training/{id}/draft`: `false` publishes (the draft becomes a new version), `true`
    /// takes the training out of use.
    pub async fn set_draft(&self, id: &str, is_draft: bool) -> Result<Training> {
        let call = Call::new(Method::PUT, &["training", id, "draft"], WRITE)
            .json(&json!({ "is_draft": is_draft }))?;
        self.fetch(&call).await
    }
}

/// The first page of `q` as [`Client::list_all_trainings`] asks for it: `limit` 100, `offset` 0.
pub fn first_page(q: &ListQuery) -> ListQuery {
    page_at(q, 0)
}

fn page_at(q: &ListQuery, offset: u32) -> ListQuery {
    ListQuery {
        limit: Some(PAGE_SIZE),
        offset: Some(offset),
        ..q.clone()
    }
}
