//! The contact segment endpoints: every page of the list, and one segment.

use std::collections::HashSet;

use reqwest::Method;

use crate::endpoint::{Endpoint, On404, Scope};
use crate::models::envelope::Envelope;
use crate::transport::Call;
use crate::{Client, Result, Segment};

/// Segments asked for per page.
const SEGMENT_PAGE: usize = 100;

const LIST: Endpoint = Endpoint::new(
    Scope::SegmentsRead,
    On404::Feature {
        feature: "contact segments",
    },
    "the segment list",
);
const ONE: Endpoint = Endpoint::new(
    Scope::SegmentsRead,
    On404::Missing {
        subject: "This segment",
    },
    "the segment",
);

impl Client {
    /// Every segment: `GET /contacts/segments?page=1..&limit=100`, accepting the items under
    /// `data` or `items` (or a bare array), until a short page, the `total`, or a page with
    /// nothing new (a server that ignores `page`).
    pub async fn list_segments(&self) -> Result<Vec<Segment>> {
        let mut all = Vec::new();
        let mut seen = HashSet::new();
        for page in 1.. {
            let call = Call::new(Method::GET, &["contacts", "segments"], LIST).query(vec![
                ("page", page.to_string()),
                ("limit", SEGMENT_PAGE.to_string()),
            ]);
            let (items, total) = self.fetch::<Envelope<Segment>>(&call).await?.into_parts();
            let received = items.len();
            let before = all.len();
            all.extend(items.into_iter().filter(|s| seen.insert(s.id.clone())));
            let nothing_new = all.len() == before;
            let reached_total = total.is_some_and(|t| all.len() as u64 >= t);
            if received < SEGMENT_PAGE || nothing_new || reached_total {
                break;
            }
        }
        Ok(all)
    }

    /// `GET /contacts/segments/{id}`.
    pub async fn get_segment(&self, id: &str) -> Result<Segment> {
        self.fetch(&Call::new(Method::GET, &["contacts", "segments", id], ONE))
            .await
    }
}
