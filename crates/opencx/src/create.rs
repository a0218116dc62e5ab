//! Creating a training without ever creating it twice. `POST` is not idempotent, so it is never
//! repeated blindly: each create carries `metadata.client_id` (a UUID v4 unless the caller set
//! one), and after a failure that may have reached the server (timeout, connection lost after
//! sending, 5xx) the client first asks `GET /training?metadata={"client_id":…}`; it sends again
//! only when the training is not there. While that lookup itself fails, the POST is never sent
//! again (the answer is the error). Rate-limit refusals and failed connections are resent as
//! they are.

use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::endpoint::{Endpoint, On404, Scope};
use crate::transport::{decode, Call, Verdict};
use crate::{Client, CreateTraining, Error, ListQuery, Result, Training};

/// The metadata key holding the create's idempotency id.
pub const CLIENT_ID_KEY: &str = "client_id";

const CREATE: Endpoint = Endpoint::new(Scope::TrainingWrite, On404::Api, "the new training");

impl Client {
    /// `POST /training`. Adds `metadata.client_id` when absent; see the module documentation
    /// for how failures are handled.
    pub async fn create_training(&self, body: &CreateTraining) -> Result<Training> {
        let mut body = body.clone();
        let client_id = body
            .metadata
            .entry(CLIENT_ID_KEY)
            .or_insert_with(|| Value::String(Uuid::new_v4().to_string()))
            .clone();
        let call = Call::new(Method::POST, &["training"], CREATE).json(&body)?;
        let mut attempt = 1;
        // Set after a failure that may have reached the server: until a lookup answers that the
        // training is not there, the POST is not sent again.
        let mut maybe_created = false;
        loop {
            let error = if maybe_created {
                match self.find_by_client_id(&client_id).await {
                    Ok(Some(found)) => return Ok(found),
                    Ok(None) => {
                        maybe_created = false;
                        continue;
                    }
                    Err(error) => error,
                }
            } else {
                let failure = match self.attempt(&call).await {
                    Ok(answer) => return self.read_created(&answer, &client_id).await,
                    Err(failure) => failure,
                };
                match failure.verdict {
                    Verdict::Final => return Err(failure.error),
                    Verdict::Resend => {}
                    Verdict::Ambiguous => maybe_created = true,
                }
                failure.error
            };
            if attempt >= self.inner.max_attempts || !self.pause_before_retry(&error, attempt).await
            {
                return Err(error);
            }
            attempt += 1;
        }
    }

    /// Decodes a create's answer; if it cannot be read, the training was still created, so it
    /// is fetched by its client id instead.
    async fn read_created(&self, answer: &[u8], client_id: &Value) -> Result<Training> {
        match decode(answer, &CREATE) {
            Ok(training) => Ok(training),
            Err(error @ Error::Decode { .. }) => match self.find_by_client_id(client_id).await {
                Ok(Some(found)) => Ok(found),
                _ => Err(error),
            },
            Err(error) => Err(error),
        }
    }

    /// The training whose `metadata.client_id` is `client_id`, if the server has one.
    async fn find_by_client_id(&self, client_id: &Value) -> Result<Option<Training>> {
        let query = ListQuery {
            metadata: Some(json!({ CLIENT_ID_KEY: client_id })),
            limit: Some(10),
            ..ListQuery::default()
        };
        let page = self.list_trainings(&query).await?;
        // Checked again here in case a server ignores the metadata filter.
        Ok(page
            .items
            .into_iter()
            .find(|t| t.metadata.get(CLIENT_ID_KEY) == Some(client_id)))
    }
}
