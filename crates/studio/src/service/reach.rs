//! The reach commands: what open.cx's AI would likely be given for a customer's message in the
//! open workspace ("What will the AI see?"), answered by the reach engine (`reach.rs`) from the
//! trainings as last loaded and their full-text index, and the coverage map of the workspace or
//! a directory (`coverage.rs`) with one cell's trainings, all on the blocking pool. No request
//! is sent beyond the first load of a workspace never loaded.

use chrono::Utc;
use opencx::Channel;

use crate::atomic_file;
use crate::checkup::CheckUpScope;
use crate::coverage::{self, CellTrainings, CoverageMap};
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

    /// The coverage map of the trainings `scope` holds, now (see `coverage.rs`).
    pub async fn coverage_map(&self, scope: CheckUpScope) -> Result<CoverageMap> {
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("coverage of the trainings", move || {
            let cache = session.cache();
            Ok(coverage::coverage(
                cache.trainings.values(),
                names.segments(),
                &scope,
                Utc::now(),
            ))
        })
        .await
    }

    /// The trainings `scope` holds that apply now on `channel` for a customer in `segment_id`
    /// (`None`: in no segment): one cell of the coverage map.
    pub async fn coverage_cell(
        &self,
        scope: CheckUpScope,
        channel: Channel,
        segment_id: Option<String>,
    ) -> Result<CellTrainings> {
        let session = self.require()?;
        atomic_file::off_thread("coverage of the trainings", move || {
            let cache = session.cache();
            Ok(coverage::cell_trainings(
                cache.trainings.values(),
                &scope,
                &channel,
                segment_id.as_deref(),
                Utc::now(),
            ))
        })
        .await
    }
}
