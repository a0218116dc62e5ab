//! The organise command beyond jobs: "+" creates a draft training in a directory, kept in the
//! session's cache. Publishing, unpublishing, deleting and moving one training are jobs of one
//! (`jobs.rs`), as they are for many.

use opencx::{CreateTraining, Training, TrainingType};

use crate::error::Result;

use super::Studio;

/// The title of a training made with "+".
pub const NEW_TITLE: &str = "New training";
/// The content of a training made with "+".
pub const NEW_CONTENT: &str = "Describe how the AI agent should answer.";

impl Studio {
    /// Creates a draft "New training" in `directory_id` (`None` = no directory).
    pub async fn create_training(&self, directory_id: Option<String>) -> Result<Training> {
        let session = self.require()?;
        let body = CreateTraining {
            title: NEW_TITLE.into(),
            content: NEW_CONTENT.into(),
            training_type: TrainingType::ScenarioSpecific,
            is_draft: true,
            directory_id,
            ..CreateTraining::default()
        };
        let created = session.client.create_training(&body).await?;
        Ok(session.keep(created))
    }
}
