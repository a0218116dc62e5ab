//! Request validation with Fastify/ajv's messages (`body/title must be string`,
//! `querystring/limit must be <= 100`, ...): turns raw JSON bodies and query pairs into typed
//! inputs, or into the 400 answer.

use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::clock;
use crate::model::{TrainingType, CHANNELS};

/// A validated body of `POST /training` or `PUT /training/{id}`. Absent optional fields are
/// `None` (defaults on create, unchanged on update); `Some(None)` is an explicit `null`.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingInput {
    pub title: String,
    pub content: String,
    pub training_type: Option<TrainingType>,
    pub is_draft: Option<bool>,
    pub directory_id: Option<Option<String>>,
    pub restricted_to_channels: Option<Vec<String>>,
    pub restricted_to_segments: Option<Vec<String>>,
    pub metadata: Option<Map<String, Value>>,
    pub start_time: Option<Option<String>>,
    pub end_time: Option<Option<String>>,
}

/// The order of `GET /training`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Newest first.
    #[default]
    CreatedAt,
    /// Most handoffs first, then newest first.
    HandoffCount,
}

/// A validated query of `GET /training`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListQuery {
    pub search: Option<String>,
    pub training_type: Option<TrainingType>,
    pub is_draft: Option<bool>,
    pub limit: usize,
    pub offset: usize,
    pub sort_by: SortBy,
    pub metadata: Option<Map<String, Value>>,
}

/// A validated query of `GET /contacts/segments`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageQuery {
    pub page: usize,
    pub limit: usize,
}

/// Parses a request body; an empty body is `null` (which object schemas then refuse).
pub fn parse_json(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(bytes).map_err(|_| ApiError::invalid_json())
}

pub(crate) fn body_object(body: &Value) -> Result<&Map<String, Value>, ApiError> {
    body.as_object()
        .ok_or_else(|| ApiError::validation("body must be object"))
}

pub(crate) fn required<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<&'a Value, ApiError> {
    obj.get(key)
        .ok_or_else(|| ApiError::validation(format!("body must have required property '{key}'")))
}

pub(crate) fn string(value: &Value, path: &str) -> Result<String, ApiError> {
    value
        .as_str()
        .map(String::from)
        .ok_or_else(|| ApiError::validation(format!("{path} must be string")))
}

fn nullable_string(value: &Value, path: &str) -> Result<Option<String>, ApiError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        _ => Err(ApiError::validation(format!("{path} must be string,null"))),
    }
}

fn nullable_time(value: &Value, path: &str) -> Result<Option<String>, ApiError> {
    match nullable_string(value, path)? {
        None => Ok(None),
        Some(s) => clock::canonical(&s)
            .map(Some)
            .ok_or_else(|| ApiError::validation(format!("{path} must match format \"date-time\""))),
    }
}

pub(crate) fn boolean(value: &Value, path: &str) -> Result<bool, ApiError> {
    value
        .as_bool()
        .ok_or_else(|| ApiError::validation(format!("{path} must be boolean")))
}

fn array<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, ApiError> {
    value
        .as_array()
        .ok_or_else(|| ApiError::validation(format!("{path} must be array")))
}

pub(crate) fn one_of_allowed(path: &str) -> ApiError {
    ApiError::validation(format!("{path} must be equal to one of the allowed values"))
}

/// Validates a training body (create and update share one schema).
pub fn training_body(body: &Value) -> Result<TrainingInput, ApiError> {
    let obj = body_object(body)?;
    let title = string(required(obj, "title")?, "body/title")?;
    let content = string(required(obj, "content")?, "body/content")?;
    let training_type = obj
        .get("type")
        .map(|v| {
            v.as_str()
                .and_then(TrainingType::parse)
                .ok_or_else(|| match v {
                    Value::String(_) => one_of_allowed("body/type"),
                    _ => ApiError::validation("body/type must be string"),
                })
        })
        .transpose()?;
    let is_draft = obj
        .get("is_draft")
        .map(|v| boolean(v, "body/is_draft"))
        .transpose()?;
    let directory_id = obj
        .get("directory_id")
        .map(|v| nullable_string(v, "body/directory_id"))
        .transpose()?;
    let restricted_to_channels = obj
        .get("restricted_to_channels")
        .map(|v| {
            array(v, "body/restricted_to_channels")?
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let path = format!("body/restricted_to_channels/{i}");
                    match c.as_str() {
                        Some(s) if CHANNELS.contains(&s) => Ok(s.to_string()),
                        Some(_) => Err(one_of_allowed(&path)),
                        None => Err(ApiError::validation(format!("{path} must be string"))),
                    }
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let restricted_to_segments = obj
        .get("restricted_to_segments")
        .map(|v| {
            array(v, "body/restricted_to_segments")?
                .iter()
                .enumerate()
                .map(|(i, s)| string(s, &format!("body/restricted_to_segments/{i}")))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let metadata = obj
        .get("metadata")
        .map(|v| {
            v.as_object()
                .cloned()
                .ok_or_else(|| ApiError::validation("body/metadata must be object"))
        })
        .transpose()?;
    let start_time = obj
        .get("start_time")
        .map(|v| nullable_time(v, "body/start_time"))
        .transpose()?;
    let end_time = obj
        .get("end_time")
        .map(|v| nullable_time(v, "body/end_time"))
        .transpose()?;
    Ok(TrainingInput {
        title,
        content,
        training_type,
        is_draft,
        directory_id,
        restricted_to_channels,
        restricted_to_segments,
        metadata,
        start_time,
        end_time,
    })
}

/// Refuses a channel this workspace does not offer the way open.cx's schema refuses one it does
/// not know (`body/restricted_to_channels/{i} must be equal to one of the allowed values`).
pub fn offered_channels(input: &TrainingInput, refused: &[String]) -> Result<(), ApiError> {
    let channels = input.restricted_to_channels.as_deref().unwrap_or_default();
    match channels.iter().position(|c| refused.contains(c)) {
        Some(i) => Err(one_of_allowed(&format!("body/restricted_to_channels/{i}"))),
        None => Ok(()),
    }
}

/// Validates `{ "is_draft": bool }` of `PUT /training/{id}/draft`.
pub fn draft_body(body: &Value) -> Result<bool, ApiError> {
    let obj = body_object(body)?;
    boolean(required(obj, "is_draft")?, "body/is_draft")
}

/// Validates `{ "name": string }` of the directory routes; the name must not be blank.
pub fn directory_body(body: &Value) -> Result<String, ApiError> {
    let obj = body_object(body)?;
    let name = string(required(obj, "name")?, "body/name")?;
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::validation(
            "body/name must NOT have fewer than 1 characters",
        ));
    }
    Ok(name.to_string())
}

pub(crate) fn first<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

pub(crate) fn query_integer(
    pairs: &[(String, String)],
    key: &str,
    default: usize,
    min: i64,
    max: Option<i64>,
) -> Result<usize, ApiError> {
    let Some(raw) = first(pairs, key) else {
        return Ok(default);
    };
    let path = format!("querystring/{key}");
    let n = raw
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && n.fract() == 0.0 && n.abs() < 9e15)
        .ok_or_else(|| ApiError::validation(format!("{path} must be integer")))?;
    let n = n as i64;
    if n < min {
        return Err(ApiError::validation(format!("{path} must be >= {min}")));
    }
    if let Some(max) = max.filter(|max| n > *max) {
        return Err(ApiError::validation(format!("{path} must be <= {max}")));
    }
    usize::try_from(n).map_err(|_| ApiError::validation(format!("{path} must be integer")))
}

/// Validates the query of `GET /training`: `limit` 1..=100 (50), `offset` >= 0 (0),
/// `type`, `is_draft`, `sort_by` created_at|handoff_count, `metadata` a JSON object, `search`.
pub fn list_query(pairs: &[(String, String)]) -> Result<ListQuery, ApiError> {
    let limit = query_integer(pairs, "limit", 50, 1, Some(100))?;
    let offset = query_integer(pairs, "offset", 0, 0, None)?;
    let training_type = first(pairs, "type")
        .map(|t| TrainingType::parse(t).ok_or_else(|| one_of_allowed("querystring/type")))
        .transpose()?;
    let is_draft = first(pairs, "is_draft")
        .map(|b| match b {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(ApiError::validation("querystring/is_draft must be boolean")),
        })
        .transpose()?;
    let sort_by = match first(pairs, "sort_by") {
        None | Some("created_at") => SortBy::CreatedAt,
        Some("handoff_count") => SortBy::HandoffCount,
        Some(_) => return Err(one_of_allowed("querystring/sort_by")),
    };
    let metadata = first(pairs, "metadata")
        .map(|raw| match serde_json::from_str::<Value>(raw) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(ApiError::validation(
                "querystring/metadata must be a JSON object",
            )),
        })
        .transpose()?;
    let search = first(pairs, "search")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from);
    Ok(ListQuery {
        search,
        training_type,
        is_draft,
        limit,
        offset,
        sort_by,
        metadata,
    })
}

/// Validates the query of `GET /contacts/segments`: `page` >= 1 (1), `limit` 1..=100 (20).
pub fn segment_query(pairs: &[(String, String)]) -> Result<PageQuery, ApiError> {
    Ok(PageQuery {
        page: query_integer(pairs, "page", 1, 1, None)?,
        limit: query_integer(pairs, "limit", 20, 1, Some(100))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(result: Result<impl std::fmt::Debug, ApiError>) -> String {
        result.unwrap_err().message
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn training_body_requires_title_and_content_as_strings() {
        assert_eq!(message(training_body(&json!(null))), "body must be object");
        assert_eq!(
            message(training_body(&json!({"content": "x"}))),
            "body must have required property 'title'"
        );
        assert_eq!(
            message(training_body(&json!({"title": "x"}))),
            "body must have required property 'content'"
        );
        assert_eq!(
            message(training_body(&json!({"title": 5, "content": "x"}))),
            "body/title must be string"
        );
    }

    #[test]
    fn training_body_checks_enums_and_types() {
        let base = |extra: Value| {
            let mut b = json!({"title": "t", "content": "c"});
            for (k, v) in extra.as_object().unwrap() {
                b[k] = v.clone();
            }
            training_body(&b)
        };
        assert_eq!(
            message(base(json!({"type": "OTHER"}))),
            "body/type must be equal to one of the allowed values"
        );
        assert_eq!(
            message(base(json!({"is_draft": "yes"}))),
            "body/is_draft must be boolean"
        );
        assert_eq!(
            message(base(json!({"restricted_to_channels": ["web", "fax"]}))),
            "body/restricted_to_channels/1 must be equal to one of the allowed values"
        );
        assert_eq!(
            message(base(json!({"restricted_to_segments": [1]}))),
            "body/restricted_to_segments/0 must be string"
        );
        assert_eq!(
            message(base(json!({"metadata": []}))),
            "body/metadata must be object"
        );
        assert_eq!(
            message(base(json!({"directory_id": 3}))),
            "body/directory_id must be string,null"
        );
        assert_eq!(
            message(base(json!({"start_time": "soon"}))),
            "body/start_time must match format \"date-time\""
        );
        let ok = base(json!({"type": "BEHAVIORAL", "directory_id": null, "restricted_to_channels": CHANNELS, "end_time": "2025-01-01T00:00:00Z"})).unwrap();
        assert_eq!(ok.training_type, Some(TrainingType::Behavioral));
        assert_eq!(ok.directory_id, Some(None));
        assert_eq!(ok.end_time, Some(Some("2025-01-01T00:00:00.000Z".into())));
        assert_eq!(ok.is_draft, None);
    }

    #[test]
    fn list_query_bounds() {
        let q = list_query(&[]).unwrap();
        assert_eq!((q.limit, q.offset, q.sort_by), (50, 0, SortBy::CreatedAt));
        assert_eq!(
            message(list_query(&pairs(&[("limit", "0")]))),
            "querystring/limit must be >= 1"
        );
        assert_eq!(
            message(list_query(&pairs(&[("limit", "101")]))),
            "querystring/limit must be <= 100"
        );
        assert_eq!(
            message(list_query(&pairs(&[("limit", "ten")]))),
            "querystring/limit must be integer"
        );
        assert_eq!(
            message(list_query(&pairs(&[("offset", "-1")]))),
            "querystring/offset must be >= 0"
        );
        assert_eq!(
            message(list_query(&pairs(&[("sort_by", "title")]))),
            "querystring/sort_by must be equal to one of the allowed values"
        );
        assert_eq!(
            message(list_query(&pairs(&[("metadata", "[1]")]))),
            "querystring/metadata must be a JSON object"
        );
        assert_eq!(
            message(list_query(&pairs(&[("is_draft", "maybe")]))),
            "querystring/is_draft must be boolean"
        );
        let q = list_query(&pairs(&[
            ("limit", "100"),
            ("offset", "7"),
            ("sort_by", "handoff_count"),
            ("type", "BEHAVIORAL"),
            ("is_draft", "false"),
            ("metadata", r#"{"a":1}"#),
            ("search", "  Refund "),
        ]))
        .unwrap();
        assert_eq!((q.limit, q.offset), (100, 7));
        assert_eq!(q.sort_by, SortBy::HandoffCount);
        assert_eq!(q.training_type, Some(TrainingType::Behavioral));
        assert_eq!(q.is_draft, Some(false));
        assert_eq!(q.search.as_deref(), Some("Refund"));
        assert_eq!(q.metadata.unwrap()["a"], json!(1));
    }

    #[test]
    fn segment_query_bounds() {
        assert_eq!(
            segment_query(&[]).unwrap(),
            PageQuery { page: 1, limit: 20 }
        );
        assert_eq!(
            message(segment_query(&pairs(&[("page", "0")]))),
            "querystring/page must be >= 1"
        );
    }

    #[test]
    fn small_bodies() {
        assert!(draft_body(&json!({"is_draft": true})).unwrap());
        assert_eq!(
            message(draft_body(&json!({}))),
            "body must have required property 'is_draft'"
        );
        assert_eq!(
            directory_body(&json!({"name": " Billing "})).unwrap(),
            "Billing"
        );
        assert!(directory_body(&json!({"name": "  "})).is_err());
        assert_eq!(parse_json(b"").unwrap(), Value::Null);
        assert_eq!(
            parse_json(b"{").unwrap_err().code,
            Some("FST_ERR_CTP_INVALID_JSON_BODY")
        );
    }
}
