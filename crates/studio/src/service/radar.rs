//! The writing radar's commands: the health notes of the training being written (its unsaved
//! form, read against the open workspace as last loaded), and the check-up of the workspace or
//! one directory (`checkup.rs`). Worked out on the blocking pool, never on the caller's thread;
//! nothing is sent to open.cx beyond the first load of a workspace never loaded.

use chrono::Utc;

use crate::atomic_file;
use crate::checkup::{self, CheckUp, CheckUpScope};
use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::radar::{self, Examined, HealthFinding, Surroundings};

use super::Studio;

impl Studio {
    /// The health notes of `draft`, the editor's form of training `id` (`None` for one never
    /// saved), worst first, each placed in UTF-16 positions of the form's text. The rest of the
    /// workspace counts where a rule needs it (the always-on text per channel).
    pub async fn instruction_health(
        &self,
        id: Option<String>,
        draft: TrainingDraft,
    ) -> Result<Vec<HealthFinding>> {
        let session = self.require()?;
        atomic_file::off_thread("check of the training", move || {
            let cache = session.cache();
            let saved = id.as_deref().and_then(|id| cache.trainings.get(id));
            let around = Surroundings::new(cache.trainings.values(), Utc::now());
            let notes = radar::health(&Examined::draft(&draft, saved), &around);
            Ok(notes
                .into_iter()
                .map(|note| HealthFinding::of(note, &draft.title, &draft.content))
                .collect())
        })
        .await
    }

    /// Every near-duplicate pair, possible contradiction and health note of the trainings
    /// `scope` holds, worst first (see `checkup.rs`), from the trainings as last loaded.
    pub async fn check_up(&self, scope: CheckUpScope) -> Result<CheckUp> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("check-up of the trainings", move || {
            let mut cache = session.cache();
            let (trainings, index) = cache.indexed_trainings()?;
            checkup::check_up(&scope, trainings, index, names.segments(), Utc::now())
        })
        .await
    }
}
