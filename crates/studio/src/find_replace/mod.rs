//! Find and replace across trainings: every match of a [`FindQuery`] in the trainings of a
//! [`FindScope`] (the workspace, a directory or the selection), grouped by training, each in its
//! sentence ([`find`]); and, with the matches and trainings the editor unticked left out, the new
//! text of each training ([`plan`]) and its review ([`review_plan`]): one diff per training,
//! collapsed to the lines that change, with what the write does to what the AI agent uses.
//!
//! The text searched is the text an editor edits: a training's unpublished draft text where it
//! has one, else its live text (`Training::shown_title`/`shown_content`). The plan is written by
//! a bulk job ([`JobRequest::Replace`], `job_runner.rs`) like any other: rate budget, progress,
//! Cancel, Retry failed and the check for someone else's change per training; its `undo`
//! request puts each training's previous text back through the same job.

mod matcher;
mod sentence;

use std::collections::HashSet;

use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::error::{Result, StudioError};
use crate::job_board::Seen;
use crate::jobs::{JobRequest, ReplaceItem};
use crate::review::{self, DiffLine, DiffTag, FieldChange, Names, OutOfUse};

pub use matcher::{FindIn, FindQuery, Found, Matcher};

/// Which trainings to look in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum FindScope {
    Workspace,
    /// The trainings of one directory (`null` = those in no directory).
    Directory {
        directory_id: Option<String>,
    },
    /// The trainings selected in the list.
    Selection {
        ids: Vec<String>,
    },
}

impl FindScope {
    /// Whether `training` is in this scope.
    pub fn holds(&self, training: &Training) -> bool {
        match self {
            FindScope::Workspace => true,
            FindScope::Directory { directory_id } => &training.directory_id == directory_id,
            FindScope::Selection { ids } => ids.contains(&training.id),
        }
    }
}

/// Which part of a training a match is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchField {
    Title,
    Content,
}

/// One match, shown in its sentence: `before` + `matched` + `after` is the sentence (cut to a
/// readable length, marked with "…").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TextMatch {
    /// Unique among all matches of a search (`{training id}:{field}:{n}`): what an exclusion names.
    pub id: String,
    pub field: MatchField,
    /// Byte offsets of the match in the field's text (UTF-8).
    pub start: u32,
    pub end: u32,
    pub before: String,
    pub matched: String,
    pub after: String,
    /// What the match becomes.
    pub replacement: String,
}

/// The matches in one training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrainingMatches {
    pub id: String,
    pub title: String,
    /// The text searched is unpublished draft text (the live text differs or is not in use).
    pub unpublished_draft: bool,
    pub matches: Vec<TextMatch>,
}

/// Every training with a match, ordered by title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindResults {
    pub trainings: Vec<TrainingMatches>,
    pub match_count: u32,
}

/// What the editor unticked: whole trainings, and single matches by their id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Exclusions {
    pub trainings: Vec<String>,
    pub matches: Vec<String>,
}

/// The review of a replace, shown once for all its trainings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReplaceReview {
    /// What the writes do to what the AI agent uses, in one sentence or two.
    pub lead: String,
    pub publish: bool,
    pub items: Vec<ReplaceReviewItem>,
    /// How many live trainings saving drafts takes (or may take) out of use.
    pub out_of_use: u32,
    /// The job that writes the new texts.
    pub request: JobRequest,
    /// The `updated_at` of each training the matches were found in: a training changed on
    /// open.cx since then is left as it is (a conflict).
    #[ts(type = "Record<string, string>")]
    pub seen: Seen,
    /// The job that puts back each training's previous text (Undo).
    pub undo: JobRequest,
}

/// One training's part of the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReplaceReviewItem {
    pub id: String,
    pub title: String,
    /// The title and state rows, as the single review says them.
    pub changes: Vec<FieldChange>,
    /// The content's diff, collapsed to the changed lines.
    pub diff: Vec<DiffLine>,
    pub out_of_use: Option<OutOfUse>,
}

/// Every match of `matcher` in the trainings of `scope`, grouped by training.
pub fn find<'a>(
    trainings: impl IntoIterator<Item = &'a Training>,
    scope: &FindScope,
    matcher: &Matcher,
    within: FindIn,
) -> FindResults {
    let mut found: Vec<TrainingMatches> = in_scope(trainings, scope)
        .into_iter()
        .filter_map(|t| matches_in(t, matcher, within))
        .collect();
    let match_count = found.iter().map(|t| t.matches.len()).sum::<usize>();
    found.sort_by_cached_key(|t| (t.title.to_lowercase(), t.id.clone()));
    FindResults {
        trainings: found,
        match_count: u32::try_from(match_count).unwrap_or(u32::MAX),
    }
}

fn in_scope<'a>(
    trainings: impl IntoIterator<Item = &'a Training>,
    scope: &FindScope,
) -> Vec<&'a Training> {
    trainings.into_iter().filter(|t| scope.holds(t)).collect()
}

/// The fields of `training` searched, with their text.
fn fields(training: &Training, within: FindIn) -> Vec<(MatchField, &str)> {
    let mut fields = Vec::with_capacity(2);
    if within.titles() {
        fields.push((MatchField::Title, training.shown_title()));
    }
    if within.content() {
        fields.push((MatchField::Content, training.shown_content()));
    }
    fields
}

/// What every match id in `field` of training `id` starts with; the match's number follows. The
/// results name matches by it and the plan reads the unticked ones by it.
fn match_id_prefix(id: &str, field: MatchField) -> String {
    let field = match field {
        MatchField::Title => "title",
        MatchField::Content => "content",
    };
    format!("{id}:{field}:")
}

fn matches_in(training: &Training, matcher: &Matcher, within: FindIn) -> Option<TrainingMatches> {
    let mut matches = Vec::new();
    for (field, text) in fields(training, within) {
        let prefix = match_id_prefix(&training.id, field);
        for (n, found) in matcher.find_in(text).into_iter().enumerate() {
            let (before, after) = sentence::around(text, found.start, found.end);
            matches.push(TextMatch {
                id: format!("{prefix}{n}"),
                field,
                start: u32::try_from(found.start).unwrap_or(u32::MAX),
                end: u32::try_from(found.end).unwrap_or(u32::MAX),
                before,
                matched: text[found.start..found.end].to_owned(),
                after,
                replacement: found.replacement,
            });
        }
    }
    (!matches.is_empty()).then(|| TrainingMatches {
        id: training.id.clone(),
        title: training.shown_title().to_owned(),
        unpublished_draft: training.has_unpublished_changes() || !training.is_live(),
        matches,
    })
}

/// `text` with the matches whose id is not excluded replaced.
fn replaced(text: &str, prefix: &str, found: &[Found], excluded: &HashSet<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (n, f) in found.iter().enumerate() {
        if excluded.contains(format!("{prefix}{n}").as_str()) {
            continue;
        }
        out.push_str(&text[at..f.start]);
        out.push_str(&f.replacement);
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The trainings a replace writes, each with its new text, and the same trainings with their
/// text before (for Undo), in the order of [`find`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacePlan {
    pub items: Vec<ReplaceItem>,
    pub previous: Vec<ReplaceItem>,
}

/// The new text of each training of `scope` with a match that is not excluded. Refuses (kind
/// `invalid_input`, naming them) a replace that would leave a title or the content empty.
pub fn plan<'a>(
    trainings: impl IntoIterator<Item = &'a Training>,
    scope: &FindScope,
    matcher: &Matcher,
    within: FindIn,
    excluded: &Exclusions,
) -> Result<ReplacePlan> {
    let left_out: HashSet<&str> = excluded.trainings.iter().map(String::as_str).collect();
    let unticked: HashSet<&str> = excluded.matches.iter().map(String::as_str).collect();
    let mut trainings = in_scope(trainings, scope);
    trainings.retain(|t| !left_out.contains(t.id.as_str()));
    trainings.sort_by_cached_key(|t| (t.shown_title().to_lowercase(), t.id.clone()));
    let mut plan = ReplacePlan {
        items: Vec::new(),
        previous: Vec::new(),
    };
    let mut emptied = Vec::new();
    for training in trainings {
        let mut item = ReplaceItem {
            id: training.id.clone(),
            title: training.shown_title().to_owned(),
            content: training.shown_content().to_owned(),
        };
        let previous = item.clone();
        for (field, text) in fields(training, within) {
            let prefix = match_id_prefix(&training.id, field);
            let new = replaced(text, &prefix, &matcher.find_in(text), &unticked);
            match field {
                MatchField::Title => item.title = new,
                MatchField::Content => item.content = new,
            }
        }
        if item == previous {
            continue;
        }
        if item.title.trim().is_empty() || item.content.trim().is_empty() {
            emptied.push(format!("“{}”", previous.title));
        }
        plan.items.push(item);
        plan.previous.push(previous);
    }
    if !emptied.is_empty() {
        return Err(StudioError::invalid_input(format!(
            "This would leave {} without a title or instructions. Untick {} or change the \
             replacement.",
            emptied.join(", "),
            if emptied.len() == 1 { "it" } else { "them" }
        )));
    }
    if plan.items.is_empty() {
        return Err(StudioError::invalid_input(
            "Nothing to replace: every match is unticked.",
        ));
    }
    Ok(plan)
}

/// The review of `plan` over the trainings as cached (`by_id`), written as drafts or
/// published, on a workspace where a saved draft does what `draft_save` says.
pub fn review_plan<'a>(
    plan: ReplacePlan,
    by_id: impl Fn(&str) -> Option<&'a Training>,
    publish: bool,
    draft_save: DraftSave,
    names: Names<'_>,
) -> ReplaceReview {
    let mut items = Vec::with_capacity(plan.items.len());
    let mut seen = Seen::new();
    let mut taken_out = Vec::new();
    for item in &plan.items {
        let Some(training) = by_id(&item.id) else {
            continue;
        };
        seen.insert(item.id.clone(), training.updated_at);
        let mut draft = TrainingDraft::from_training(training);
        draft.title.clone_from(&item.title);
        draft.content.clone_from(&item.content);
        let one = review::review(training, &draft, publish, draft_save, names);
        if one.out_of_use.is_some() {
            taken_out.push(format!("“{}”", training.shown_title()));
        }
        items.push(ReplaceReviewItem {
            id: item.id.clone(),
            title: training.shown_title().to_owned(),
            changes: one.changes,
            diff: one
                .content_diff
                .into_iter()
                .filter(|line| line.tag != DiffTag::Equal)
                .collect(),
            out_of_use: one.out_of_use,
        });
    }
    ReplaceReview {
        lead: lead(publish, &taken_out, draft_save),
        publish,
        out_of_use: u32::try_from(taken_out.len()).unwrap_or(u32::MAX),
        items,
        request: JobRequest::Replace {
            items: plan.items,
            publish,
        },
        seen,
        undo: JobRequest::Replace {
            items: plan.previous,
            publish,
        },
    }
}

/// The review's first sentences: what the writes do to what the AI agent uses.
fn lead(publish: bool, taken_out: &[String], draft_save: DraftSave) -> String {
    if publish {
        return "Publishing makes the new text live: the AI agent starts using it right away."
            .into();
    }
    if taken_out.is_empty() {
        return "Saving drafts keeps them in open.cx without changing what the AI agent uses."
            .into();
    }
    let names = taken_out.join(", ");
    let (verb, why) = match draft_save {
        DraftSave::TakesOutOfUse => ("takes", ""),
        _ => (
            "may take",
            " (Training Studio could not learn how this workspace treats drafts, so it plans \
             for the safest case)",
        ),
    };
    format!(
        "Saving drafts {verb} {n} live {trainings} out of use until {they} published{why}: \
         {names}. Choose “Replace and publish” to keep {them} in use.",
        n = taken_out.len(),
        trainings = if taken_out.len() == 1 {
            "training"
        } else {
            "trainings"
        },
        they = if taken_out.len() == 1 {
            "it is"
        } else {
            "they are"
        },
        them = if taken_out.len() == 1 { "it" } else { "them" },
    )
}

#[cfg(test)]
mod tests;
