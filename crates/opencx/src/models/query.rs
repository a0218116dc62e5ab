//! The training list's filters and one page of its answer.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Training, TrainingType};

/// The training list's sort orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SortBy {
    CreatedAt,
    HandoffCount,
}

impl SortBy {
    /// The wire string.
    pub fn as_str(&self) -> &'static str {
        match self {
            SortBy::CreatedAt => "created_at",
            SortBy::HandoffCount => "handoff_count",
        }
    }
}

/// Filters and paging of `GET /training`. `None` leaves a parameter out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ListQuery {
    /// Case-insensitive match over title or content.
    pub search: Option<String>,
    pub training_type: Option<TrainingType>,
    pub is_draft: Option<bool>,
    /// 1..=100; the server's default is 50.
    pub limit: Option<u32>,
    pub offset: Option<u32>,
    pub sort_by: Option<SortBy>,
    /// Matches trainings whose metadata contains this JSON object.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub metadata: Option<Value>,
}

impl ListQuery {
    /// The query-string pairs, in a stable order.
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(search) = &self.search {
            pairs.push(("search", search.clone()));
        }
        if let Some(t) = self.training_type {
            pairs.push(("type", t.as_str().to_string()));
        }
        if let Some(d) = self.is_draft {
            pairs.push(("is_draft", d.to_string()));
        }
        if let Some(limit) = self.limit {
            pairs.push(("limit", limit.to_string()));
        }
        if let Some(offset) = self.offset {
            pairs.push(("offset", offset.to_string()));
        }
        if let Some(sort) = self.sort_by {
            pairs.push(("sort_by", sort.as_str().to_string()));
        }
        if let Some(metadata) = &self.metadata {
            pairs.push(("metadata", metadata.to_string()));
        }
        pairs
    }
}

/// One page of the training list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrainingPage {
    pub items: Vec<Training>,
    /// How many trainings match the filters, over all pages.
    #[cfg_attr(feature = "ts", ts(as = "u32"))]
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub has_more: bool,
}

/// The list answer as it may arrive: anything but `items` may be missing.
#[derive(Deserialize)]
pub(crate) struct WirePage {
    #[serde(default, alias = "data")]
    items: Vec<Training>,
    total: Option<u64>,
    limit: Option<u32>,
    offset: Option<u32>,
    has_more: Option<bool>,
}

impl WirePage {
    /// Fills what the server left out from what was asked and what came back.
    pub(crate) fn into_page(self, asked: &ListQuery) -> TrainingPage {
        let offset = self.offset.or(asked.offset).unwrap_or(0);
        let limit = self
            .limit
            .or(asked.limit)
            .unwrap_or(self.items.len() as u32);
        let seen = u64::from(offset) + self.items.len() as u64;
        let total = self.total.unwrap_or(seen);
        let has_more = self.has_more.unwrap_or(seen < total);
        TrainingPage {
            items: self.items,
            total,
            limit,
            offset,
            has_more,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn pairs_leave_out_unset_filters_and_encode_metadata_as_json() {
        assert!(ListQuery::default().pairs().is_empty());
        let q = ListQuery {
            search: Some("refund".into()),
            training_type: Some(TrainingType::Behavioral),
            is_draft: Some(false),
            limit: Some(100),
            offset: Some(200),
            sort_by: Some(SortBy::HandoffCount),
            metadata: Some(json!({"client_id": "abc"})),
        };
        let pairs = q.pairs();
        assert_eq!(
            pairs,
            vec![
                ("search", "refund".to_string()),
                ("type", "BEHAVIORAL".to_string()),
                ("is_draft", "false".to_string()),
                ("limit", "100".to_string()),
                ("offset", "200".to_string()),
                ("sort_by", "handoff_count".to_string()),
                ("metadata", r#"{"client_id":"abc"}"#.to_string()),
            ]
        );
    }

    #[test]
    fn a_full_page_decodes_as_sent() {
        let wire: WirePage = serde_json::from_value(json!({
            "items": [], "total": 250, "limit": 100, "offset": 200, "has_more": false
        }))
        .unwrap();
        let page = wire.into_page(&ListQuery::default());
        assert_eq!(
            (page.total, page.limit, page.offset, page.has_more),
            (250, 100, 200, false)
        );
    }

    #[test]
    fn a_page_missing_its_counts_is_completed_from_the_request() {
        let wire: WirePage = serde_json::from_value(json!({"items": []})).unwrap();
        let asked = ListQuery {
            limit: Some(100),
            offset: Some(300),
            ..ListQuery::default()
        };
        let page = wire.into_page(&asked);
        assert_eq!(
            (page.total, page.limit, page.offset, page.has_more),
            (300, 100, 300, false)
        );
    }
}
