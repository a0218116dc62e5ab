//! How a workspace's server treats drafts ([`DraftRules`]), learned per workspace by the check
//! in `draft_check.rs` and kept per workspace in the settings file. The service
//! (`service/workspaces.rs`) answers the rules as kept and "Check again", and runs the check
//! when a workspace is added and on the next load after a check that failed or never ran.
//!
//! Why the app has to learn this: open.cx documents `is_draft` on `PUT /training/{id}` only as
//! "If true, saved as draft and not used by the AI". Two servers follow that sentence:
//! - "fields" (what `opencx-sim` does by default): `is_draft: true` on a published training
//!   writes only `draft_title`/`draft_content` beside the live version; `false` or an omitted
//!   `is_draft` publishes at once (version + 1, `draft_*` cleared).
//! - "literal": `is_draft: true` replaces the live text and takes the training out of use (no
//!   `draft_*` fields); `false` publishes (a new version only when the text changed or it was a
//!   draft); an omitted `is_draft` keeps the state.
//!
//! Whether a `PUT` that leaves out `metadata`, `start_time` or `end_time` keeps or clears them
//! is not documented either. A body built from these rules never depends on a guess: while
//! they are unknown (never checked, or the check had a `problem`) every write takes the path
//! that is right on both kinds of server (see `moves.rs`), and the UI says so.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What `PUT` with `is_draft: true` does to a published training.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DraftSave {
    /// The draft is kept beside the live version, which the AI keeps using.
    BesideLive,
    /// The text replaces the live one and the AI stops using the training until it is
    /// published.
    TakesOutOfUse,
    #[default]
    Unknown,
}

/// What `PUT` without `is_draft` does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OmittedIsDraft {
    /// It publishes the text sent.
    Publishes,
    /// A draft stays a draft, a live training stays live.
    KeepsState,
    #[default]
    Unknown,
}

/// What `PUT` without `metadata`, `start_time` and `end_time` does to them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OmittedFields {
    Kept,
    /// At least one of them is cleared.
    Cleared,
    #[default]
    Unknown,
}

/// How a workspace's server treats drafts, as its last check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DraftRules {
    pub draft_save: DraftSave,
    pub omitted_is_draft: OmittedIsDraft,
    pub omitted_fields: OmittedFields,
    /// When the last check ran; `None` = never.
    pub checked_at: Option<DateTime<Utc>>,
    /// Why the check could not finish (a sentence); then every write takes the safest path.
    pub problem: Option<String>,
}

impl DraftRules {
    /// Whether the next load should check (again): never checked, or the last check failed.
    pub fn needs_check(&self) -> bool {
        self.checked_at.is_none() || self.problem.is_some()
    }

    /// Whether a `PUT` may leave `is_draft` out to keep a live training live without
    /// publishing it again: only where a finished check saw exactly that.
    pub fn omitting_is_draft_keeps_state(&self) -> bool {
        self.problem.is_none() && self.omitted_is_draft == OmittedIsDraft::KeepsState
    }
}

/// The rules kept for each workspace id.
pub type RulesByWorkspace = BTreeMap<String, DraftRules>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_are_snake_case() {
        let rules = DraftRules {
            draft_save: DraftSave::TakesOutOfUse,
            omitted_is_draft: OmittedIsDraft::KeepsState,
            omitted_fields: OmittedFields::Cleared,
            checked_at: None,
            problem: None,
        };
        assert_eq!(
            serde_json::to_value(&rules).unwrap(),
            serde_json::json!({
                "draft_save": "takes_out_of_use",
                "omitted_is_draft": "keeps_state",
                "omitted_fields": "cleared",
                "checked_at": null,
                "problem": null
            })
        );
        assert_eq!(
            serde_json::to_value(DraftSave::BesideLive).unwrap(),
            "beside_live"
        );
    }

    #[test]
    fn only_a_finished_check_lets_is_draft_be_left_out() {
        let mut rules = DraftRules {
            omitted_is_draft: OmittedIsDraft::KeepsState,
            checked_at: Some(Utc::now()),
            ..DraftRules::default()
        };
        assert!(rules.omitting_is_draft_keeps_state());
        assert!(!rules.needs_check());
        rules.problem = Some("The network is down.".into());
        assert!(!rules.omitting_is_draft_keeps_state());
        assert!(rules.needs_check());
        assert!(DraftRules::default().needs_check());
        assert!(!DraftRules::default().omitting_is_draft_keeps_state());
    }
}
