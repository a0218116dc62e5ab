//! The directory endpoints, which open.cx does not publish: a server without them answers 404
//! on the route, reported as [`crate::ErrorKind::Unsupported`]. The rule for a 404: on the list
//! and create routes it always means unsupported; on `…/directories/{id}` it means the id is
//! unknown (`NotFound`) when the server's message speaks of a directory ("Directory not found"),
//! and unsupported when it is a framework's route-not-found answer ("Route PUT:/… not found",
//! "Cannot PUT /…") or says nothing about directories.

use reqwest::Method;
use serde_json::json;

use crate::endpoint::{Endpoint, On404, Scope};
use crate::models::envelope::Envelope;
use crate::transport::{decode, Call, Repeat};
use crate::{Client, Directory, Result};

const FEATURE: &str = "directories";

const LIST: Endpoint = Endpoint::new(
    Scope::TrainingRead,
    On404::Feature { feature: FEATURE },
    "the directory list",
);
const CREATE: Endpoint = Endpoint::new(
    Scope::TrainingWrite,
    On404::Feature { feature: FEATURE },
    "the new directory",
);
const ONE: Endpoint = Endpoint::new(
    Scope::TrainingWrite,
    On404::FeatureItem {
        feature: FEATURE,
        subject: "This directory",
        noun: "directory",
    },
    "the directory",
);

impl Client {
    /// `GET /training/directories` (a bare array or an object with `data`/`items`).
    pub async fn list_directories(&self) -> Result<Vec<Directory>> {
        let call = Call::new(Method::GET, &["training", "directories"], LIST);
        let envelope: Envelope<Directory> = self.fetch(&call).await?;
        Ok(envelope.into_parts().0)
    }

    /// `POST /training/directories {name}`. Not repeated after a failure that may have reached
    /// the server: the error is returned and the editor can look before trying again.
    pub async fn create_directory(&self, name: &str) -> Result<Directory> {
        let call = Call::new(Method::POST, &["training", "directories"], CREATE)
            .json(&json!({ "name": name }))?;
        let body = self.send(&call, Repeat::SafeOnly).await?;
        decode(&body, &CREATE)
    }

    /// `PUT /training/directories/{id} {name}`.
    pub async fn rename_directory(&self, id: &str, name: &str) -> Result<Directory> {
        let call = Call::new(Method::PUT, &["training", "directories", id], ONE)
            .json(&json!({ "name": name }))?;
        self.fetch(&call).await
    }

    /// `DELETE /training/directories/{id}`; its trainings lose their `directory_id`.
    pub async fn delete_directory(&self, id: &str) -> Result<()> {
        let call = Call::new(Method::DELETE, &["training", "directories", id], ONE);
        self.send(&call, Repeat::Idempotent).await.map(drop)
    }
}
