//! Every error kind as the simulator produces it: the kind, the server's message, the sentence,
//! and that refusals are not retried.

use opencx::{ApiToken, Channel, Client, ClientConfig, CreateTraining, ErrorKind, ListQuery};
use opencx_sim::{Faults, Seed};

use crate::support::{client, client_with, create, routes, sim, READ_ONLY};

#[tokio::test]
async fn validation_errors_carry_the_server_message_and_are_not_retried() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let err = client
        .create_training(&CreateTraining {
            restricted_to_channels: vec![Channel::Web, Channel::Other("tiktok".into())],
            ..CreateTraining::new("Hello", "Say hello")
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        err.server_message(),
        Some("body/restricted_to_channels/1 must be equal to one of the allowed values")
    );
    assert!(
        matches!(&err, opencx::Error::Validation { code: Some(c), status: 400, .. } if c == "FST_ERR_VALIDATION")
    );
    assert!(
        err.to_string().contains("restricted_to_channels/1"),
        "{err}"
    );

    let err = client
        .list_trainings(&ListQuery {
            limit: Some(0),
            ..ListQuery::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.server_message(), Some("querystring/limit must be >= 1"));
    assert_eq!(sim.requests().len(), 2, "refusals are not retried");
    assert!(sim.trainings().is_empty());
}

#[tokio::test]
async fn an_unknown_key_is_unauthorized() {
    let sim = sim(Seed::Demo).await;
    let client = client_with(&sim, "ocx_live_not_a_key", |_| {});
    let err = client
        .list_trainings(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.server_message(), Some("Unauthorized"));
    assert!(err.to_string().contains("Settings → Access"));
    assert!(!format!("{err:?}{err}").contains("ocx_live_not_a_key"));
    assert_eq!(sim.requests().len(), 1);
}

#[tokio::test]
async fn a_read_only_key_may_read_but_not_write() {
    let sim = sim(Seed::Demo).await;
    let client = client_with(&sim, READ_ONLY, |_| {});
    let first = client
        .list_trainings(&ListQuery::default())
        .await
        .unwrap()
        .items
        .remove(0);
    let err = client
        .update_training(&first.id, &opencx::UpdateTraining::from_training(&first))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Forbidden);
    assert_eq!(err.server_message(), Some("Missing scope: training:write"));
    assert!(
        err.to_string()
            .ends_with("Use a key with the training:write scope."),
        "{err}"
    );
    assert_eq!(routes(&sim).len(), 2, "a 403 is not retried");
}

#[tokio::test]
async fn unknown_ids_are_not_found() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let err = client.get_training("no-such-id").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.server_message(), Some("Training not found"));
    assert!(err.to_string().starts_with("This training was not found"));
    let err = client.delete_training("no-such-id").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = client.set_draft("no-such-id", false).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(sim.requests().len(), 3);
}

#[tokio::test]
async fn ids_are_encoded_into_the_path() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let err = client.get_training("a/b c").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(routes(&sim), ["GET /training/a%2Fb%20c"]);
}

#[tokio::test]
async fn malformed_json_on_success_is_a_decode_error() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let t = create(&client, "Hello", "Say hello").await;
    sim.set_faults(Faults {
        malformed_json_next: 1,
        ..Faults::default()
    });
    let err = client.get_training(&t.id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert!(err.to_string().contains("could not read"), "{err}");
    assert_eq!(sim.requests().len(), 2, "a decode error is not retried");
    assert_eq!(client.get_training(&t.id).await.unwrap(), t);
}

#[tokio::test]
async fn nothing_listening_is_a_network_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let mut config = ClientConfig::new(format!("http://{addr}"), ApiToken::new("k"));
    config.max_attempts = 2;
    let client = Client::new(config).unwrap();
    let err = client.get_training("x").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    assert_eq!(
        err.to_string(),
        format!("Couldn't reach open.cx at {addr}. Check your connection; your changes are kept.")
    );
    assert_eq!(client.requests_sent(), 2, "a failed connection is retried");
}

#[tokio::test]
async fn a_base_url_without_the_api_is_a_config_error() {
    let sim = sim(Seed::Empty).await;
    let client = Client::new(ClientConfig::new(
        format!("{}/not-the-api/", sim.base_url()),
        ApiToken::new(opencx_sim::DEFAULT_FULL_TOKEN),
    ))
    .unwrap();
    let err = client
        .list_trainings(&ListQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert_eq!(routes(&sim), ["GET /not-the-api/training"]);
}
