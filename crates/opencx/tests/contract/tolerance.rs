//! Answers other plausible open.cx servers may give, served by a scripted stub: the client
//! accepts them instead of failing.

use opencx::{ApiToken, Channel, Client, ClientConfig, ErrorKind, ListQuery, TrainingType};
use serde_json::{json, Value};

use crate::stub::{Answer, Stub};

fn client(stub: &Stub) -> Client {
    Client::new(ClientConfig::new(&stub.base_url, ApiToken::new("k"))).unwrap()
}

fn segment(i: usize) -> Value {
    json!({"id": format!("seg-{i}"), "name": format!("Segment {i}")})
}

fn training(i: usize) -> Value {
    json!({
        "id": format!("t-{i}"), "title": format!("T{i}"), "content": "C",
        "created_at": "2025-01-01T00:00:00.000Z", "updated_at": "2025-01-01T00:00:00.000Z"
    })
}

/// The value of `name` in a request target's query.
fn param(target: &str, name: &str) -> Option<usize> {
    let query = target.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn segments_are_paged_under_items_until_a_short_page() {
    let stub = Stub::start(|_, target| {
        let page = param(target, "page").unwrap();
        let limit = param(target, "limit").unwrap();
        let items: Vec<Value> = ((page - 1) * limit..(page * limit).min(250))
            .map(segment)
            .collect();
        Answer::json(200, json!({ "items": items }))
    })
    .await;
    let segments = client(&stub).list_segments().await.unwrap();
    assert_eq!(segments.len(), 250);
    assert_eq!(segments[249].id, "seg-249");
    assert_eq!(
        stub.requests(),
        [
            "GET /contacts/segments?page=1&limit=100",
            "GET /contacts/segments?page=2&limit=100",
            "GET /contacts/segments?page=3&limit=100",
        ]
    );
}

#[tokio::test]
async fn segment_paging_stops_at_the_total() {
    let stub = Stub::start(|_, target| {
        let page = param(target, "page").unwrap();
        let items: Vec<Value> = ((page - 1) * 100..page * 100).map(segment).collect();
        Answer::json(
            200,
            json!({ "data": items, "page": page, "limit": 100, "total": 200 }),
        )
    })
    .await;
    assert_eq!(client(&stub).list_segments().await.unwrap().len(), 200);
    assert_eq!(stub.requests().len(), 2);
}

#[tokio::test]
async fn a_server_that_ignores_the_page_is_read_once() {
    let stub = Stub::start(|_, _| {
        let items: Vec<Value> = (0..100).map(segment).collect();
        Answer::json(200, Value::Array(items))
    })
    .await;
    assert_eq!(client(&stub).list_segments().await.unwrap().len(), 100);
    assert_eq!(
        stub.requests().len(),
        2,
        "the repeated page ends the paging"
    );
}

#[tokio::test]
async fn directories_as_a_bare_array() {
    let stub = Stub::start(|_, _| {
        Answer::json(200, json!([{"id": "d1", "name": "Billing", "extra": true}]))
    })
    .await;
    let dirs = client(&stub).list_directories().await.unwrap();
    assert_eq!(dirs[0].name, "Billing");
    assert_eq!(dirs[0].created_at, None);
}

#[tokio::test]
async fn created_201_and_deleted_204_are_success() {
    let stub = Stub::start(|method, _| match method {
        "POST" => Answer::json(201, training(1)),
        _ => Answer::raw(204, "text/plain", ""),
    })
    .await;
    let client = client(&stub);
    let t = client
        .create_training(&opencx::CreateTraining::new("T1", "C"))
        .await
        .unwrap();
    assert_eq!(
        t.training_type,
        TrainingType::ScenarioSpecific,
        "no type sent"
    );
    client.delete_training(&t.id).await.unwrap();
    client.delete_directory("d1").await.unwrap();
}

#[tokio::test]
async fn an_html_error_page_is_a_server_error_without_a_message() {
    let stub =
        Stub::start(|_, _| Answer::raw(502, "text/html", "<html><body>Bad Gateway</body></html>"))
            .await;
    let mut config = ClientConfig::new(&stub.base_url, ApiToken::new("k"));
    config.max_attempts = 2;
    let err = Client::new(config)
        .unwrap()
        .get_training("x")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(err.server_message(), None);
    assert_eq!(stub.requests().len(), 2);
}

#[tokio::test]
async fn a_429_with_a_date_and_a_long_wait_is_reported_not_waited_out() {
    let stub = Stub::start(|_, _| {
        let mut answer = Answer::json(
            429,
            json!({"statusCode": 429, "message": "Too Many Requests"}),
        );
        answer.headers.push(("retry-after", "3600".into()));
        answer
    })
    .await;
    let err = client(&stub)
        .list_trainings(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(
        err.retry_after(),
        Some(std::time::Duration::from_secs(3600))
    );
    assert_eq!(stub.requests().len(), 1);
}

#[tokio::test]
async fn unknown_channels_and_missing_types_do_not_break_the_list() {
    let stub = Stub::start(|_, _| {
        let mut odd = training(2);
        odd["restricted_to_channels"] = json!(["web", "tiktok"]);
        odd["type"] = Value::Null;
        Answer::json(200, json!({"items": [training(1), odd], "total": 2}))
    })
    .await;
    let page = client(&stub)
        .list_trainings(&ListQuery::default())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.items[1].restricted_to_channels,
        [Channel::Web, Channel::Other("tiktok".into())]
    );
    assert!(!page.has_more, "has_more derived from total");
}

#[tokio::test]
async fn list_all_follows_a_server_that_caps_pages_at_50() {
    let stub = Stub::start(|_, target| {
        let offset = param(target, "offset").unwrap_or(0);
        let items: Vec<Value> = (offset..(offset + 50).min(120)).map(training).collect();
        Answer::json(
            200,
            json!({"items": items, "total": 120, "limit": 50, "offset": offset}),
        )
    })
    .await;
    let all = client(&stub)
        .list_all_trainings(&ListQuery::default())
        .await
        .unwrap();
    let ids: Vec<String> = all.into_iter().map(|t| t.id).collect();
    assert_eq!(ids, (0..120).map(|i| format!("t-{i}")).collect::<Vec<_>>());
    assert_eq!(stub.requests().len(), 3);
}
