//! The simulator-only directory routes, and their absence when switched off.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{self, error_body, validation_body};

#[tokio::test]
async fn list_create_rename_delete() {
    let sim = common::demo().await;
    let list = sim.get("/training/directories").await.body;
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Billing",
            "Shipping",
            "Returns",
            "Account & login",
            "Tone & policy",
            "Product questions"
        ]
    );
    assert_eq!(list[0]["id"], opencx_sim::seed::directory_id("billing"));

    let created = sim
        .post("/training/directories", json!({"name": "Promotions"}))
        .await;
    assert_eq!(created.status, StatusCode::OK);
    let id = created.body["id"].as_str().unwrap().to_string();
    assert!(common::is_uuid_v4(&created.body["id"]));
    assert!(common::is_api_time(&created.body["created_at"]));
    let renamed = sim
        .put(
            &format!("/training/directories/{id}"),
            json!({"name": "Offers"}),
        )
        .await;
    assert_eq!(renamed.body["name"], "Offers");
    assert!(renamed.body["updated_at"].as_str() > created.body["updated_at"].as_str());
    assert_eq!(
        sim.get("/training/directories")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        7
    );

    let blank = sim
        .post("/training/directories", json!({"name": " "}))
        .await;
    assert_eq!(
        blank.body,
        validation_body("body/name must NOT have fewer than 1 characters")
    );
    let missing = sim
        .put("/training/directories/nope", json!({"name": "x"}))
        .await;
    assert_eq!(missing.body, error_body(404, "Directory not found"));
    assert_eq!(
        sim.delete("/training/directories/nope").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn deleting_a_directory_keeps_its_trainings_without_one() {
    let sim = common::demo().await;
    let billing = opencx_sim::seed::directory_id("billing");
    let in_billing = |sim: &common::Sim| {
        sim.handle
            .trainings()
            .into_iter()
            .filter(|t| t["directory_id"].as_str() == Some(billing.as_str()))
            .count()
    };
    let before = sim.handle.trainings().len();
    assert!(in_billing(&sim) >= 5);
    let a = sim
        .delete(&format!("/training/directories/{billing}"))
        .await;
    assert_eq!(a.body, json!({"success": true}));
    assert_eq!(in_billing(&sim), 0);
    assert_eq!(
        sim.handle.trainings().len(),
        before,
        "no training was deleted"
    );
    let refund = sim
        .get(&format!(
            "/training/{}",
            opencx_sim::seed::training_id("refund-window")
        ))
        .await;
    assert_eq!(refund.body["directory_id"], Value::Null);
}

#[tokio::test]
async fn switched_off_directory_routes_are_route_not_found() {
    let sim = common::demo().await;
    sim.handle.set_directories_enabled(false);
    let cases = [
        (Method::GET, "/training/directories", None),
        (
            Method::POST,
            "/training/directories",
            Some(json!({"name": "x"})),
        ),
        (
            Method::PUT,
            "/training/directories/abc",
            Some(json!({"name": "x"})),
        ),
        (Method::DELETE, "/training/directories/abc", None),
    ];
    for (method, path, body) in cases {
        for token in [Some(common::FULL), None] {
            let a = sim.call(method.clone(), path, token, body.as_ref()).await;
            assert_eq!(a.status, StatusCode::NOT_FOUND);
            assert_eq!(
                a.body,
                error_body(404, &format!("Route {method}:{path} not found"))
            );
        }
    }
    sim.handle.set_directories_enabled(true);
    assert_eq!(
        sim.get("/training/directories").await.status,
        StatusCode::OK
    );
}
