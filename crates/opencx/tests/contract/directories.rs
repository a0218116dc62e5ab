//! The directory endpoints, and `Unsupported` when a server has none.

use opencx::{CreateTraining, ErrorKind};
use opencx_sim::{Seed, SimConfig};

use crate::support::{client, routes, sim, sim_with};

#[tokio::test]
async fn create_list_rename_delete() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    assert!(client.list_directories().await.unwrap().is_empty());
    let billing = client.create_directory("Billing").await.unwrap();
    assert_eq!(billing.name, "Billing");
    let inside = client
        .create_training(&CreateTraining {
            directory_id: Some(billing.id.clone()),
            ..CreateTraining::new("Invoices", "Where invoices are.")
        })
        .await
        .unwrap();
    assert_eq!(inside.directory_id.as_deref(), Some(billing.id.as_str()));

    let renamed = client
        .rename_directory(&billing.id, "Billing & refunds")
        .await
        .unwrap();
    assert_eq!(renamed.id, billing.id);
    assert_eq!(renamed.name, "Billing & refunds");
    assert_eq!(client.list_directories().await.unwrap(), vec![renamed]);

    client.delete_directory(&billing.id).await.unwrap();
    assert!(client.list_directories().await.unwrap().is_empty());
    let orphan = client.get_training(&inside.id).await.unwrap();
    assert_eq!(
        orphan.directory_id, None,
        "its trainings leave the directory"
    );
}

#[tokio::test]
async fn an_unknown_directory_is_not_found_when_directories_exist() {
    let sim = sim(Seed::Empty).await;
    let client = client(&sim);
    let err = client.rename_directory("nope", "X").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.server_message(), Some("Directory not found"));
    let err = client.delete_directory("nope").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn a_server_without_directories_is_unsupported() {
    let sim = sim_with(SimConfig {
        directories_enabled: false,
        ..SimConfig::default()
    })
    .await;
    let client = client(&sim);
    let err = client.list_directories().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.server_message(),
        Some("Route GET:/training/directories not found")
    );
    assert_eq!(
        err.to_string(),
        "This open.cx workspace does not offer directories through its API."
    );
    for err in [
        client.create_directory("X").await.unwrap_err(),
        client.rename_directory("some-id", "X").await.unwrap_err(),
        client.delete_directory("some-id").await.unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::Unsupported, "{err:?}");
    }
    assert_eq!(routes(&sim).len(), 4, "an unsupported route is not retried");

    sim.set_directories_enabled(true);
    assert!(client.list_directories().await.unwrap().is_empty());
}
