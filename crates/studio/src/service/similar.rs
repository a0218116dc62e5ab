//! The similar-trainings commands: the trainings of the open workspace like the one being edited
//! (`similar_trainings.rs`), and two of them side by side for the check-up's "Compare", from
//! the trainings as last loaded (and their full-text index), on the blocking pool, so typing
//! never waits for it. No request is sent beyond the first load of a workspace never loaded.

use crate::atomic_file;
use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::similar_trainings::{self, Comparison, SimilarTrainings};

use super::Studio;

impl Studio {
    /// The trainings like training `id` as edited (`draft`; as saved when `None`), and how much
    /// of its text was compared.
    pub async fn similar_trainings(
        &self,
        id: String,
        draft: Option<TrainingDraft>,
    ) -> Result<SimilarTrainings> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("search for similar trainings", move || {
            let candidates = {
                let mut cache = session.cache();
                let (trainings, index) = cache.indexed_trainings()?;
                similar_trainings::candidates(&id, draft.as_ref(), trainings, index)?
            };
            // Assessed with the cache free: a save or a review never waits for a long draft's.
            Ok(SimilarTrainings {
                trainings: similar_trainings::assess(
                    &id,
                    draft.as_ref(),
                    &candidates,
                    names.segments(),
                ),
                compared_percent: candidates.compared_percent(),
            })
        })
        .await
    }

    /// Training `id` and training `other_id` side by side (see `similar_trainings::compare`).
    pub async fn compare_trainings(
        &self,
        id: String,
        other_id: String,
    ) -> Result<Option<Comparison>> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("comparison of two trainings", move || {
            let cache = session.cache();
            Ok(similar_trainings::compare(
                &id,
                &other_id,
                &cache.trainings,
                names.segments(),
            ))
        })
        .await
    }
}
