//! The reach command: what open.cx's AI would likely be given for a customer's message in the
//! open workspace ("What will the AI see?"), answered by the reach engine (`reach.rs`) from the
//! trainings as last loaded and their full-text index, on the blocking pool. No request is sent
//! beyond the first load of a workspace never loaded.

use crate::atomic_file;
use crate::error::Result;
use crate::reach::{self, Reach, ReachQuestion};

use super::Studio;

impl Studio {
    /// What the AI would likely be given for `question` (see `reach.rs`).
    pub async fn what_will_the_ai_see(&self, question: ReachQuestion) -> Result<Reach> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("search of the trainings", move || {
            let mut cache = session.cache();
            let (trainings, index) = cache.indexed_trainings()?;
            reach::reach(&question, trainings.values(), index, names.segments())
        })
        .await
    }
}
