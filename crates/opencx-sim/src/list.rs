//! `GET /training` semantics: filters (search, type, is_draft, metadata containment), order
//! (created_at newest first, or handoff_count most first) and the page envelope.

use serde::Serialize;
use serde_json::Value;

use crate::model::{Training, TrainingRecord};
use crate::validation::{ListQuery, SortBy};

/// The list envelope `{items, total, limit, offset, has_more}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingPage {
    pub items: Vec<Training>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    pub has_more: bool,
}

/// JSON containment: every key of `needle` is in `hay` with a contained value (recursively);
/// every element of a needle array is contained in some element of the hay array; scalars equal.
pub fn contains(hay: &Value, needle: &Value) -> bool {
    match (hay, needle) {
        (Value::Object(h), Value::Object(n)) => n
            .iter()
            .all(|(k, nv)| h.get(k).is_some_and(|hv| contains(hv, nv))),
        (Value::Array(h), Value::Array(n)) => {
            n.iter().all(|nv| h.iter().any(|hv| contains(hv, nv)))
        }
        (h, n) => h == n,
    }
}

fn matches(record: &TrainingRecord, query: &ListQuery, search: Option<&str>) -> bool {
    let t = &record.training;
    if query.training_type.is_some_and(|ty| ty != t.training_type) {
        return false;
    }
    if query.is_draft.is_some_and(|d| d != t.is_draft) {
        return false;
    }
    if let Some(needle) = &query.metadata {
        let found = needle
            .iter()
            .all(|(k, nv)| t.metadata.get(k).is_some_and(|hv| contains(hv, nv)));
        if !found {
            return false;
        }
    }
    if let Some(search) = search {
        let texts = [
            Some(&t.title),
            Some(&t.content),
            t.draft_title.as_ref(),
            t.draft_content.as_ref(),
        ];
        if !texts
            .into_iter()
            .flatten()
            .any(|text| text.to_lowercase().contains(search))
        {
            return false;
        }
    }
    true
}

/// Filters, sorts and slices one page. Ties are broken by id so pages never overlap.
pub fn page(records: &[TrainingRecord], query: &ListQuery) -> TrainingPage {
    let search = query.search.as_ref().map(|s| s.to_lowercase());
    let mut hits: Vec<&TrainingRecord> = records
        .iter()
        .filter(|r| matches(r, query, search.as_deref()))
        .collect();
    let newest_first = |a: &&TrainingRecord, b: &&TrainingRecord| {
        b.training
            .created_at
            .cmp(&a.training.created_at)
            .then_with(|| a.training.id.cmp(&b.training.id))
    };
    match query.sort_by {
        SortBy::CreatedAt => hits.sort_by(newest_first),
        SortBy::HandoffCount => hits.sort_by(|a, b| {
            b.handoff_count
                .cmp(&a.handoff_count)
                .then_with(|| newest_first(a, b))
        }),
    }
    let total = hits.len();
    let items: Vec<Training> = hits
        .into_iter()
        .skip(query.offset)
        .take(query.limit)
        .map(|r| r.training.clone())
        .collect();
    TrainingPage {
        has_more: query.offset.saturating_add(items.len()) < total,
        items,
        total,
        limit: query.limit,
        offset: query.offset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn containment_is_recursive() {
        let hay = json!({"a": 1, "b": {"c": "x", "d": [1, 2, {"e": true}]}, "f": null});
        assert!(contains(&hay, &json!({})));
        assert!(contains(&hay, &json!({"a": 1})));
        assert!(contains(&hay, &json!({"b": {"c": "x"}})));
        assert!(contains(&hay, &json!({"b": {"d": [2, {"e": true}]}})));
        assert!(contains(&hay, &json!({"f": null})));
        assert!(!contains(&hay, &json!({"a": 2})));
        assert!(!contains(&hay, &json!({"b": {"c": "y"}})));
        assert!(!contains(&hay, &json!({"z": 1})));
        assert!(!contains(&hay, &json!({"b": {"d": [3]}})));
    }
}
