//! The find and replace commands: the matches of a search in the open workspace's trainings as
//! last loaded (`find_replace.rs`), and the review of a replace with the job that writes it and
//! the job that undoes it. Both read the session's cache on the blocking pool and send no
//! request beyond the first load of a workspace never loaded; the writes are a bulk job
//! (`Studio::start_job`).

use crate::atomic_file;
use crate::error::Result;
use crate::find_replace::{self, Exclusions, FindQuery, FindResults, FindScope, ReplaceReview};

use super::Studio;

impl Studio {
    /// Every match of `query` in the trainings of `scope`, grouped by training.
    pub async fn find_text(&self, query: FindQuery, scope: FindScope) -> Result<FindResults> {
        let matcher = find_replace::Matcher::new(&query)?;
        let session = self.require()?;
        session.names(&self.local_names(&session)?).await?;
        atomic_file::off_thread("find text", move || {
            let cache = session.cache();
            Ok(find_replace::find(
                cache.trainings.values(),
                &scope,
                &matcher,
                query.within,
            ))
        })
        .await
    }

    /// The review of replacing `query`'s matches in `scope`, without the trainings and matches
    /// in `excluded`, saved as drafts or published: a diff per training, the job that writes
    /// it and the job that puts the previous text back.
    pub async fn review_replace(
        &self,
        query: FindQuery,
        scope: FindScope,
        excluded: Exclusions,
        publish: bool,
    ) -> Result<ReplaceReview> {
        let matcher = find_replace::Matcher::new(&query)?;
        let session = self.require()?;
        let names = session.names(&self.local_names(&session)?).await?;
        let draft_save = session.draft_save();
        atomic_file::off_thread("review a replace", move || {
            let cache = session.cache();
            let plan = find_replace::plan(
                cache.trainings.values(),
                &scope,
                &matcher,
                query.within,
                &excluded,
            )?;
            Ok(find_replace::review_plan(
                plan,
                |id| cache.trainings.get(id),
                publish,
                draft_save,
                names.names(),
            ))
        })
        .await
    }
}
