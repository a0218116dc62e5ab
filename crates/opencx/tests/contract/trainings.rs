//! The training endpoints: paging, list-all, filters, and the create → edit → publish →
//! delete cycle; the draft-relevant cases in both draft readings of the simulator.

use std::collections::HashSet;

use opencx::{
    Channel, CreateTraining, ErrorKind, ListQuery, TrainingType, UpdateTraining, CLIENT_ID_KEY,
};
use opencx_sim::{DraftMode, Seed};
use serde_json::json;

use crate::support::{client, create, log, routes, sim, sim_in, DRAFT_MODES};

fn page(offset: u32) -> ListQuery {
    ListQuery {
        limit: Some(100),
        offset: Some(offset),
        ..ListQuery::default()
    }
}

#[tokio::test]
async fn pages_over_250_trainings_report_total_and_has_more() {
    let sim = sim(Seed::Scale(250)).await;
    let client = client(&sim);
    let first = client.list_trainings(&page(0)).await.unwrap();
    assert_eq!(
        (
            first.items.len(),
            first.total,
            first.limit,
            first.offset,
            first.has_more
        ),
        (100, 250, 100, 0, true)
    );
    let second = client.list_trainings(&page(100)).await.unwrap();
    assert_eq!((second.items.len(), second.has_more), (100, true));
    let last = client.list_trainings(&page(200)).await.unwrap();
    assert_eq!(
        (last.items.len(), last.total, last.offset, last.has_more),
        (50, 250, 200, false)
    );
    let beyond = client.list_trainings(&page(300)).await.unwrap();
    assert_eq!((beyond.items.len(), beyond.has_more), (0, false));

    let paged: Vec<String> = [first, second, last]
        .into_iter()
        .flat_map(|p| p.items)
        .map(|t| t.id)
        .collect();
    let all: Vec<String> = client
        .list_all_trainings(&ListQuery::default())
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(all, paged, "list-all keeps the server's order");
    let on_server: HashSet<String> = sim
        .trainings()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(all.iter().cloned().collect::<HashSet<_>>(), on_server);
}

#[tokio::test]
async fn list_all_makes_exactly_one_request_per_hundred() {
    for (n, expected) in [(0, 1), (1, 1), (100, 1), (101, 2), (250, 3), (1000, 10)] {
        let sim = sim(Seed::Scale(n)).await;
        let client = client(&sim);
        let all = client
            .list_all_trainings(&ListQuery::default())
            .await
            .unwrap();
        assert_eq!(all.len(), n, "scale:{n}");
        let requests = log(&sim);
        assert_eq!(requests.len(), expected, "scale:{n}: {requests:?}");
        assert_eq!(client.requests_sent(), expected as u64);
        let offsets: HashSet<String> = sim
            .requests()
            .iter()
            .map(|r| {
                let q = r.query.clone().unwrap_or_default();
                assert!(q.contains("limit=100"), "{q}");
                q
            })
            .collect();
        assert_eq!(offsets.len(), expected, "every page asked once");
    }
}

#[tokio::test]
async fn serial_and_concurrent_list_all_agree() {
    let sim = sim(Seed::Scale(530)).await;
    let client = client(&sim);
    let q = ListQuery::default();
    let serial = client
        .list_all_trainings_with_concurrency(&q, 1)
        .await
        .unwrap();
    let concurrent = client
        .list_all_trainings_with_concurrency(&q, 8)
        .await
        .unwrap();
    assert_eq!(serial.len(), 530);
    assert_eq!(serial, concurrent);
    assert_eq!(client.requests_sent(), 12);
}

#[tokio::test]
async fn list_all_keeps_the_filters() {
    let sim = sim(Seed::Scale(250)).await;
    let client = client(&sim);
    let drafts = client
        .list_all_trainings(&ListQuery {
            is_draft: Some(true),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    let expected = sim
        .trainings()
        .iter()
        .filter(|t| t["is_draft"] == json!(true))
        .count();
    assert!(expected > 0);
    assert_eq!(drafts.len(), expected);
    assert!(drafts.iter().all(|t| t.is_draft));
    assert!(log(&sim).iter().all(|r| r.contains("is_draft=true")));
}

#[tokio::test]
async fn each_filter_narrows_the_list() {
    for mode in DRAFT_MODES {
        each_filter_narrows_the_list_in(mode).await;
    }
}

async fn each_filter_narrows_the_list_in(mode: DraftMode) {
    let sim = sim_in(mode).await;
    let client = client(&sim);
    let refund = client
        .create_training(&CreateTraining {
            training_type: TrainingType::Behavioral,
            metadata: json!({"team": "billing", "tier": 2})
                .as_object()
                .unwrap()
                .clone(),
            ..CreateTraining::new("Refund policy", "Refunds within 30 days.")
        })
        .await
        .unwrap();
    let shipping = client
        .create_training(&CreateTraining {
            is_draft: true,
            ..CreateTraining::new("Shipping times", "Orders ship in two days.")
        })
        .await
        .unwrap();
    let exceptions = create(&client, "Exceptions", "No REFUNDS on gift cards.").await;

    let ids = |q: ListQuery| {
        let client = client.clone();
        async move {
            let mut ids: Vec<String> = client
                .list_trainings(&q)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|t| t.id)
                .collect();
            ids.sort();
            ids
        }
    };
    let sorted = |mut v: Vec<&str>| {
        v.sort();
        v.into_iter().map(String::from).collect::<Vec<_>>()
    };

    let search = ids(ListQuery {
        search: Some("refund".into()),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(search, sorted(vec![&refund.id, &exceptions.id]));

    let behavioral = ids(ListQuery {
        training_type: Some(TrainingType::Behavioral),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(behavioral, vec![refund.id.clone()]);

    let scenario = ids(ListQuery {
        training_type: Some(TrainingType::ScenarioSpecific),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(scenario, sorted(vec![&shipping.id, &exceptions.id]));

    let drafts = ids(ListQuery {
        is_draft: Some(true),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(drafts, vec![shipping.id.clone()]);

    let published = ids(ListQuery {
        is_draft: Some(false),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(published, sorted(vec![&refund.id, &exceptions.id]));

    let billing = ids(ListQuery {
        metadata: Some(json!({"team": "billing"})),
        ..ListQuery::default()
    })
    .await;
    assert_eq!(billing, vec![refund.id.clone()]);

    let nobody = ids(ListQuery {
        metadata: Some(json!({"team": "support"})),
        ..ListQuery::default()
    })
    .await;
    assert!(nobody.is_empty());

    let requests = log(&sim);
    assert!(
        requests
            .iter()
            .any(|r| r.contains("metadata=%7B%22team%22%3A%22billing%22%7D")),
        "metadata is sent as URL-encoded JSON: {requests:?}"
    );
}

#[tokio::test]
async fn create_edit_publish_delete() {
    for mode in DRAFT_MODES {
        create_edit_publish_delete_in(mode).await;
    }
}

async fn create_edit_publish_delete_in(mode: DraftMode) {
    let sim = sim_in(mode).await;
    let client = client(&sim);

    let created = client
        .create_training(&CreateTraining {
            restricted_to_channels: vec![Channel::Web, Channel::PhoneVoice],
            restricted_to_segments: vec!["seg-1".into()],
            ..CreateTraining::new("Greeting", "Say hello warmly.")
        })
        .await
        .unwrap();
    assert_eq!(created.current_version, Some(1));
    assert!(created.is_live() && !created.has_unpublished_changes());
    assert_eq!(
        created.restricted_to_channels,
        vec![Channel::Web, Channel::PhoneVoice]
    );
    assert_eq!(created.restricted_to_segments, vec!["seg-1".to_string()]);
    assert_eq!(created.training_type, TrainingType::ScenarioSpecific);

    let mut edit = UpdateTraining::from_training(&created);
    edit.content = "Say hello warmly, then ask how to help.".into();
    edit.is_draft = Some(true);
    let drafted = client.update_training(&created.id, &edit).await.unwrap();
    assert_eq!(drafted.shown_content(), edit.content, "{mode}");
    assert_eq!(drafted.current_version, Some(1), "{mode}");
    match mode {
        DraftMode::Fields => {
            assert_eq!(drafted.content, "Say hello warmly.", "live text untouched");
            assert!(drafted.has_unpublished_changes() && drafted.is_live());
        }
        DraftMode::Literal => {
            assert_eq!(
                drafted.content, edit.content,
                "the text replaces the live one"
            );
            assert!(!drafted.has_unpublished_changes() && !drafted.is_live());
        }
    }

    let published = client.set_draft(&created.id, false).await.unwrap();
    assert_eq!(published.content, edit.content);
    assert_eq!(published.current_version, Some(2));
    assert!(!published.has_unpublished_changes());
    assert!(published.is_live());

    let unpublished = client.set_draft(&created.id, true).await.unwrap();
    assert!(unpublished.is_draft && !unpublished.is_live());
    assert_eq!(unpublished.current_version, Some(2));

    let fetched = client.get_training(&created.id).await.unwrap();
    assert_eq!(fetched, unpublished);

    client.delete_training(&created.id).await.unwrap();
    let gone = client.get_training(&created.id).await.unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::NotFound);
    assert!(sim.trainings().is_empty());

    assert_eq!(
        routes(&sim),
        [
            "POST /training",
            format!("PUT /training/{}", created.id).as_str(),
            format!("PUT /training/{}/draft", created.id).as_str(),
            format!("PUT /training/{}/draft", created.id).as_str(),
            format!("GET /training/{}", created.id).as_str(),
            format!("DELETE /training/{}", created.id).as_str(),
            format!("GET /training/{}", created.id).as_str(),
        ]
    );
}

#[tokio::test]
async fn create_adds_a_client_id_and_keeps_a_given_one() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let fresh = create(&client, "One", "First body").await;
    let id = fresh.metadata[CLIENT_ID_KEY].as_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);

    let mut given = CreateTraining::new("Two", "Second body");
    given
        .metadata
        .insert(CLIENT_ID_KEY.into(), json!("mine-123"));
    let two = client.create_training(&given).await.unwrap();
    assert_eq!(two.metadata[CLIENT_ID_KEY], json!("mine-123"));

    let sent = sim.requests();
    assert_eq!(
        sent[1].body.as_ref().unwrap()["metadata"][CLIENT_ID_KEY],
        json!("mine-123")
    );
}

#[tokio::test]
async fn an_update_moves_a_training_into_and_out_of_a_directory() {
    for mode in DRAFT_MODES {
        an_update_moves_a_training_in(mode).await;
    }
}

async fn an_update_moves_a_training_in(mode: DraftMode) {
    let sim = sim_in(mode).await;
    let client = client(&sim);
    let dir = client.create_directory("Billing").await.unwrap();
    let t = create(&client, "Invoices", "Where to find invoices.").await;
    let mut body = UpdateTraining::from_training(&t);
    body.directory_id = Some(dir.id.clone());
    let moved = client.update_training(&t.id, &body).await.unwrap();
    assert_eq!(moved.directory_id.as_deref(), Some(dir.id.as_str()));
    assert!(moved.is_live(), "{mode}");
    let expected_version = match mode {
        DraftMode::Fields => 2,
        DraftMode::Literal => 1,
    };
    assert_eq!(
        moved.current_version,
        Some(expected_version),
        "{mode}: is_draft:false publishes at once in fields, only changed text in literal"
    );
    body.directory_id = None;
    let back = client.update_training(&t.id, &body).await.unwrap();
    assert_eq!(back.directory_id, None);
    let sent = sim.requests().last().unwrap().body.clone().unwrap();
    assert_eq!(
        sent["directory_id"],
        serde_json::Value::Null,
        "null is sent"
    );
}
