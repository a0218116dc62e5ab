//! The editor's "Similar trainings" (issue 12, item 1): for one training as the editor has it
//! (its unsaved form, or as saved), the trainings of the workspace that say nearly the same
//! thing or are about the same thing, each with the radar's assessment of the pair
//! (`radar::similarity`: why, whether their reach overlaps, the sentences that may disagree)
//! and a line diff of the two contents for the compare view.
//!
//! The candidates are the index's nearest neighbours of the text (`search_index.rs`), never
//! every training: the answer stays quick enough to follow typing (the UI asks a moment after
//! typing stops, and the service answers on the blocking pool).
//!
//! [`compare`] gives the same assessment and diff for two saved trainings the workspace
//! check-up named as a pair, for its "Compare".

use std::collections::HashMap;

use opencx::{Segment, Training};
use serde::Serialize;
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::error::Result;
use crate::radar::{similarity, Compared, Likeness, Profile, Similarity};
use crate::review::{content_diff, DiffLine};
use crate::search_index::{Text, TrainingIndex};

/// How many of the index's nearest trainings are assessed.
pub const CANDIDATES: usize = 10;

/// How much of the edited text is compared (its beginning, up to the end of a line): a pasted
/// megabyte was assessed sentence by sentence for 36 s, a core busy all the while; 64 KB is far
/// more than a training the AI agent reads in full.
pub const COMPARED_BYTES: usize = 64 * 1024;

/// The share of `content` that is compared, in percent (100 when all of it is).
pub fn compared_percent(content: &str) -> u8 {
    let compared = compared_beginning(content).len();
    if compared == content.len() {
        return 100;
    }
    u8::try_from(compared * 100 / content.len()).unwrap_or(100)
}

/// The beginning of `content` that is compared: all of it up to [`COMPARED_BYTES`], else what
/// comes before the last line break within them (or the last whole character, for one long line).
fn compared_beginning(content: &str) -> &str {
    if content.len() <= COMPARED_BYTES {
        return content;
    }
    let mut end = COMPARED_BYTES;
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    let head = &content[..end];
    head.rfind('\n').map_or(head, |at| &head[..=at])
}

/// A training like the one being edited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SimilarTraining {
    pub id: String,
    /// Its title and content as the editor would show them (its draft text if it has one).
    pub title: String,
    pub content: String,
    pub similarity: Similarity,
    /// Worth the editor's attention now: a near-duplicate, or a possible contradiction for the
    /// same customers. The section stays folded when no training is.
    pub notable: bool,
    /// From the edited training's content to this one's, line by line.
    pub content_diff: Vec<DiffLine>,
}

/// The trainings like training `id` as edited (`draft`; as saved when `None`), most notable
/// first (near-duplicates, then those with more possible contradictions, then more wording in
/// common), then by title. Empty when `id` is not in `trainings` and no draft is given.
pub fn similar_trainings(
    id: &str,
    draft: Option<&TrainingDraft>,
    trainings: &HashMap<String, Training>,
    index: &TrainingIndex,
    segments: &[Segment],
) -> Result<Vec<SimilarTraining>> {
    let candidates = candidates(id, draft, trainings, index)?;
    Ok(assess(id, draft, &candidates, segments))
}

/// What [`assess`] compares: the saved training `id` and the index's nearest trainings to it as
/// edited, copied, so the workspace's cache is held only while they are found (assessing a long
/// draft takes far longer, and a review must not wait for it).
pub struct Candidates {
    saved: Option<Training>,
    nearest: Vec<Training>,
    compared_percent: u8,
}

impl Candidates {
    /// The share of the edited text compared with them, in percent.
    pub fn compared_percent(&self) -> u8 {
        self.compared_percent
    }
}

/// The editor's answer: the trainings like the one edited, and how much of its text was compared
/// (its beginning: see [`COMPARED_BYTES`]).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SimilarTrainings {
    pub trainings: Vec<SimilarTraining>,
    /// The share of the text compared, in percent: under 100 when it is longer than what is
    /// compared, and the list says so.
    pub compared_percent: u8,
}

/// The trainings nearest to training `id` as edited (`draft`; as saved when `None`).
pub fn candidates(
    id: &str,
    draft: Option<&TrainingDraft>,
    trainings: &HashMap<String, Training>,
    index: &TrainingIndex,
) -> Result<Candidates> {
    let saved = trainings.get(id);
    let compared_percent = edited_whole(draft, saved).map_or(100, |e| compared_percent(e.content));
    let Some(edited) = edited(draft, saved) else {
        return Ok(Candidates {
            saved: None,
            nearest: Vec::new(),
            compared_percent,
        });
    };
    let text = Text {
        title: edited.title,
        content: edited.content,
    };
    let nearest = index
        .neighbours(id, text, CANDIDATES)?
        .iter()
        .filter_map(|neighbour| trainings.get(&neighbour.id).cloned())
        .collect();
    Ok(Candidates {
        saved: saved.cloned(),
        nearest,
        compared_percent,
    })
}

/// The `candidates` like training `id` as edited, assessed and ranked (see
/// [`similar_trainings`]).
pub fn assess(
    id: &str,
    draft: Option<&TrainingDraft>,
    candidates: &Candidates,
    segments: &[Segment],
) -> Vec<SimilarTraining> {
    let Some(edited) = edited(draft, candidates.saved.as_ref()) else {
        return Vec::new();
    };
    let edited = Profile::new(Compared {
        id: Some(id),
        ..edited
    });
    let mut found: Vec<SimilarTraining> = candidates
        .nearest
        .iter()
        .filter_map(|other| assessed(&edited, other, segments))
        .collect();
    found.sort_by(|a, b| {
        let rank = |s: &SimilarTraining| {
            (
                !s.notable,
                s.similarity.likeness != Likeness::NearDuplicate,
                std::cmp::Reverse(s.similarity.contradictions.len()),
                std::cmp::Reverse(s.similarity.wording_percent),
            )
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    found
}

/// Training `id` as the editor has it (`draft` over the saved one, or the saved one), all of it.
fn edited_whole<'a>(
    draft: Option<&'a TrainingDraft>,
    saved: Option<&'a Training>,
) -> Option<Compared<'a>> {
    match (draft, saved) {
        (Some(draft), saved) => Some(Compared::draft(draft, saved)),
        (None, Some(saved)) => Some(Compared::training(saved)),
        (None, None) => None,
    }
}

/// Training `id` as the editor has it, the beginning of its content that is compared.
fn edited<'a>(
    draft: Option<&'a TrainingDraft>,
    saved: Option<&'a Training>,
) -> Option<Compared<'a>> {
    let edited = edited_whole(draft, saved)?;
    Some(Compared {
        content: compared_beginning(edited.content),
        ..edited
    })
}

/// Two saved trainings side by side: the first as the editor would show it, the other assessed
/// against it (the contradictions' `first` quotes are the first's sentences).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Comparison {
    pub id: String,
    pub title: String,
    pub content: String,
    pub other: SimilarTraining,
}

/// Training `id` and training `other_id` side by side, as the check-up's "Compare" shows a pair.
/// `None` when either is gone or they are no longer alike (either was changed since).
pub fn compare(
    id: &str,
    other_id: &str,
    trainings: &HashMap<String, Training>,
    segments: &[Segment],
) -> Option<Comparison> {
    let first = trainings.get(id)?;
    let other = assessed(
        &Profile::new(Compared::training(first)),
        trainings.get(other_id)?,
        segments,
    )?;
    Some(Comparison {
        id: first.id.clone(),
        title: first.shown_title().to_owned(),
        content: first.shown_content().to_owned(),
        other,
    })
}

/// `other` assessed against `edited`, with the diff between their contents; `None` when the
/// two are not alike.
fn assessed(edited: &Profile, other: &Training, segments: &[Segment]) -> Option<SimilarTraining> {
    let similarity = similarity(edited, &Profile::new(Compared::training(other)), segments)?;
    Some(SimilarTraining {
        id: other.id.clone(),
        title: other.shown_title().to_owned(),
        content: other.shown_content().to_owned(),
        notable: is_notable(&similarity),
        content_diff: content_diff(edited.compared().content, other.shown_content()),
        similarity,
    })
}

/// A near-duplicate, or a possible contradiction for the same customers.
fn is_notable(similarity: &Similarity) -> bool {
    similarity.likeness == Likeness::NearDuplicate
        || (similarity.reach.overlaps && !similarity.contradictions.is_empty())
}

#[cfg(test)]
mod tests {
    use opencx::Channel;

    use super::*;
    use crate::review::DiffTag;
    use crate::test_support::training;

    fn support(id: &str, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.title = title.into();
        t.content = content.into();
        t
    }

    /// A small support workspace: a refund answer, its near-copy, one that disagrees on the
    /// number of days (WhatsApp only), and two about other things.
    fn workspace() -> HashMap<String, Training> {
        let mut whatsapp = support(
            "refund-whatsapp",
            "How long do I have to ask for a refund?",
            "On WhatsApp, keep it short. Refunds are possible within 14 days of delivery.",
        );
        whatsapp.restricted_to_channels = vec![Channel::Whatsapp];
        [
            support(
                "refund",
                "Can I get a refund?",
                "Refunds are possible within 30 days of delivery. Ask for the order number, \
                 then send the refund form by email.",
            ),
            support(
                "refund-copy",
                "Refunds",
                "Refunds are possible within 30 days of delivery. Ask for the order number, \
                 then send the refund form by email today.",
            ),
            whatsapp,
            support(
                "password",
                "How do I reset my password?",
                "Send the reset link from the login page. Never ask for the password.",
            ),
            support(
                "tone",
                "Tone of voice",
                "Be warm and brief. Use the customer's first name.",
            ),
        ]
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect()
    }

    fn ids(found: &[SimilarTraining]) -> Vec<&str> {
        found.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn the_copy_comes_first_then_the_contradiction_and_unrelated_ones_never() {
        let trainings = workspace();
        let index = TrainingIndex::build(trainings.values()).unwrap();
        let found = similar_trainings("refund", None, &trainings, &index, &[]).unwrap();
        assert_eq!(ids(&found), ["refund-copy", "refund-whatsapp"]);
        assert!(found.iter().all(|s| s.notable));
        assert_eq!(found[0].similarity.likeness, Likeness::NearDuplicate);
        let contradiction = &found[1].similarity.contradictions[0];
        assert_eq!(
            contradiction.first.sentence,
            "Refunds are possible within 30 days of delivery."
        );
        assert_eq!(
            contradiction.second.sentence,
            "Refunds are possible within 14 days of delivery."
        );
        assert_eq!(
            found[1].similarity.reach.sentence,
            "Both on WhatsApp for all customers"
        );
        assert!(found[0]
            .content_diff
            .iter()
            .any(|l| l.text.ends_with("by email today.")));
    }

    #[test]
    fn a_pair_compares_with_quotes_from_each_side_and_nothing_when_gone_or_unlike() {
        let trainings = workspace();
        let pair = compare("refund", "refund-whatsapp", &trainings, &[]).unwrap();
        assert_eq!(pair.title, "Can I get a refund?");
        assert_eq!(pair.other.id, "refund-whatsapp");
        let contradiction = &pair.other.similarity.contradictions[0];
        let quoted = |content: &str, start: usize, end: usize| {
            String::from_utf16(&content.encode_utf16().collect::<Vec<_>>()[start..end]).unwrap()
        };
        assert_eq!(
            quoted(
                &pair.content,
                contradiction.first.start_utf16,
                contradiction.first.end_utf16
            ),
            contradiction.first.sentence
        );
        assert_eq!(
            quoted(
                &pair.other.content,
                contradiction.second.start_utf16,
                contradiction.second.end_utf16
            ),
            contradiction.second.sentence
        );
        assert!(pair
            .other
            .content_diff
            .iter()
            .any(|l| l.tag != DiffTag::Equal));
        assert_eq!(compare("refund", "gone", &trainings, &[]), None);
        assert_eq!(compare("refund", "tone", &trainings, &[]), None);
    }

    #[test]
    fn the_unsaved_form_is_what_is_compared() {
        let trainings = workspace();
        let index = TrainingIndex::build(trainings.values()).unwrap();
        let mut draft = TrainingDraft::from_training(&trainings["tone"]);
        draft.content = "Be warm and brief. Refunds are possible within 14 days of delivery, \
                         ask for the order number."
            .into();
        let found = similar_trainings("tone", Some(&draft), &trainings, &index, &[]).unwrap();
        assert!(ids(&found).contains(&"refund"), "{:?}", ids(&found));
        assert!(!ids(&found).contains(&"tone"));
        let saved = similar_trainings("tone", None, &trainings, &index, &[]).unwrap();
        assert_eq!(ids(&saved), Vec::<&str>::new());
    }

    #[test]
    fn only_the_beginning_of_a_long_text_is_compared() {
        let trainings = workspace();
        let index = TrainingIndex::build(trainings.values()).unwrap();
        let mut draft = TrainingDraft::from_training(&trainings["tone"]);
        let filler =
            "Be warm and brief with every customer today.\n".repeat(2 * COMPARED_BYTES / 45);
        // What the refund answers say comes only after the compared beginning.
        draft.content = format!("{filler}Refunds are possible within 14 days of delivery.\n");
        let found = similar_trainings("tone", Some(&draft), &trainings, &index, &[]).unwrap();
        assert!(!ids(&found).contains(&"refund"), "{:?}", ids(&found));
        assert!(found
            .iter()
            .all(|s| s.content_diff.iter().all(|l| !l.text.contains("14 days"))));
        let percent = compared_percent(&draft.content);
        assert!((40..60).contains(&percent), "{percent}");
        assert!(compared_beginning(&draft.content).ends_with('\n'));
        assert_eq!(compared_percent("short"), 100);
        // One long line is cut at a character, never inside one.
        let line = "é".repeat(COMPARED_BYTES);
        assert_eq!(compared_beginning(&line).len(), COMPARED_BYTES);
    }

    #[test]
    fn a_training_the_workspace_does_not_hold_has_none_without_a_draft() {
        let trainings = workspace();
        let index = TrainingIndex::build(trainings.values()).unwrap();
        assert_eq!(
            similar_trainings("gone", None, &trainings, &index, &[]).unwrap(),
            []
        );
    }
}
