//! The workspace check-up (issue 12, item 3): every near-duplicate pair, possible contradiction
//! and health note across the open workspace or one directory, worst first, each said in one
//! sentence with its fix, and which trainings need attention (the list's "Needs attention": an
//! item other than a health suggestion).
//!
//! Candidate pairs come from the workspace's full-text index: each training checked is paired
//! with its [`NEIGHBOURS`] nearest trainings by more-like-this (the index keeps only the best
//! while it searches; the searches, most of the check-up's time, run on every core), never with
//! every other training, and each pair is assessed once by the radar ([`similarity`], each
//! training read once into a [`Profile`]). A pair is listed when the two say nearly the same thing or may contradict each
//! other; two trainings merely about the same topic are not a problem.
//!
//! The order, worst first ([`Rank`]):
//! 1. possible contradictions between trainings the same customers can be given now (a shared
//!    channel, segment and time, both in use): the AI may answer two ways today;
//! 2. near-duplicates, those the same customers can be given first: one is likely not needed,
//!    and two copies drift apart;
//! 3. possible contradictions between trainings not given to the same customers now (one is a
//!    draft, or they never share a channel, segment or time): a problem once they meet;
//! 4. health notes: problems, then warnings, then suggestions.
//!
//! Within a rank: pairs with more possible contradictions first, then with more wording in
//! common; then by the first training's title and the ids, so a workspace always gives the same
//! order. A pair's two trainings are in title order.
//!
//! A directory's check-up holds the health notes of its trainings and every pair with at least
//! one training in it (the other may be elsewhere: the clash concerns this directory too).

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use opencx::{Segment, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::radar::{
    health, similarity, Compared, Examined, HealthFinding, Likeness, Profile, Severity, Similarity,
    Surroundings,
};
use crate::search_index::{Neighbour, Text, TrainingIndex};

/// How many of its nearest trainings (by the index) each training checked is paired with.
pub const NEIGHBOURS: usize = 10;

/// What to check: the whole workspace, the trainings in no directory, or one directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum CheckUpScope {
    Workspace,
    NoDirectory,
    Directory { id: String },
}

impl CheckUpScope {
    pub(crate) fn holds(&self, training: &Training) -> bool {
        match self {
            CheckUpScope::Workspace => true,
            CheckUpScope::NoDirectory => training.directory_id.is_none(),
            CheckUpScope::Directory { id } => training.directory_id.as_ref() == Some(id),
        }
    }
}

/// A training an item is about: its id and its title as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Concerned {
    pub id: String,
    pub title: String,
}

impl Concerned {
    fn of(training: &Training) -> Self {
        Concerned {
            id: training.id.clone(),
            title: training.shown_title().to_owned(),
        }
    }
}

/// Two trainings that may contradict each other or say nearly the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PairItem {
    /// The first training: the contradictions' `first` quotes are its sentences.
    pub first: Concerned,
    pub second: Concerned,
    /// One sentence: what is wrong.
    pub summary: String,
    /// One sentence: what to do about it.
    pub fix: String,
    /// The radar's assessment: why they are alike, whether the same customers can be given
    /// both, the sentences that may disagree.
    pub similarity: Similarity,
}

/// A health note on one training.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HealthItem {
    pub training: Concerned,
    /// What is wrong, how to fix it, and where in the training (UTF-16 positions).
    pub finding: HealthFinding,
}

/// One thing the check-up found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum CheckUpItem {
    Contradiction(PairItem),
    NearDuplicate(PairItem),
    Health(HealthItem),
}

impl CheckUpItem {
    /// The ids of the trainings it is about.
    pub fn training_ids(&self) -> Vec<&str> {
        match self {
            CheckUpItem::Contradiction(pair) | CheckUpItem::NearDuplicate(pair) => {
                vec![&pair.first.id, &pair.second.id]
            }
            CheckUpItem::Health(item) => vec![&item.training.id],
        }
    }
}

/// The check-up of a workspace or a directory.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CheckUp {
    /// Worst first (see the module documentation).
    pub items: Vec<CheckUpItem>,
    /// How many trainings were checked.
    pub checked: usize,
    /// The trainings with at least one item other than a suggestion, by id: "Needs attention"
    /// leaves out a training whose only note would merely make it easier for the AI to use.
    pub needs_attention: Vec<String>,
}

/// How bad an item is: the order of the module documentation, worst (smallest) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    ContradictionForSameCustomers,
    NearDuplicate { for_different_customers: bool },
    ContradictionNotMetYet,
    Health(Severity),
}

/// The check-up of the trainings `scope` holds, read with the rest of the workspace: candidate
/// pairs from `index` (which holds `trainings`), segment names from `segments`, "now" for the
/// rules that need a date.
pub fn check_up(
    scope: &CheckUpScope,
    trainings: &HashMap<String, Training>,
    index: &TrainingIndex,
    segments: &[Segment],
    now: DateTime<Utc>,
) -> Result<CheckUp> {
    let mut checked: Vec<&Training> = trainings.values().filter(|t| scope.holds(t)).collect();
    checked.sort_by(|a, b| by_title(a, b));
    let mut ranked = pairs(&checked, trainings, index, segments)?;
    let around = Surroundings::new(trainings.values(), now);
    for training in &checked {
        for note in health(&Examined::training(training), &around) {
            let finding = HealthFinding::of(note, training.shown_title(), training.shown_content());
            ranked.push((
                Rank::Health(finding.severity),
                CheckUpItem::Health(HealthItem {
                    training: Concerned::of(training),
                    finding,
                }),
            ));
        }
    }
    // Stable: pairs keep their own order (below), health notes their training's title order
    // and the radar's order within one training.
    ranked.sort_by_key(|(rank, _)| *rank);
    let needs_attention: BTreeSet<String> = ranked
        .iter()
        .filter(|(rank, _)| *rank != Rank::Health(Severity::Suggestion))
        .flat_map(|(_, item)| item.training_ids())
        .map(str::to_owned)
        .collect();
    Ok(CheckUp {
        items: ranked.into_iter().map(|(_, item)| item).collect(),
        checked: checked.len(),
        needs_attention: needs_attention.into_iter().collect(),
    })
}

/// Every listed pair with at least one training in `checked`, ranked, in the order within a
/// rank of the module documentation.
fn pairs(
    checked: &[&Training],
    trainings: &HashMap<String, Training>,
    index: &TrainingIndex,
    segments: &[Segment],
) -> Result<Vec<(Rank, CheckUpItem)>> {
    // Each pair once, its two trainings in title order, however many sides found it.
    let mut candidates: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (training, neighbours) in checked.iter().zip(neighbours_of_each(checked, index)?) {
        for neighbour in neighbours {
            if let Some(other) = trainings.get(&neighbour.id) {
                let (a, b) = in_title_order(training, other);
                candidates.insert((&a.id, &b.id));
            }
        }
    }
    let mut profiles: HashMap<&str, Profile> = HashMap::new();
    let mut found = Vec::new();
    for (a, b) in candidates {
        let (a, b) = (&trainings[a], &trainings[b]);
        for t in [a, b] {
            profiles
                .entry(t.id.as_str())
                .or_insert_with(|| Profile::new(Compared::training(t)));
        }
        let assessed = similarity(&profiles[a.id.as_str()], &profiles[b.id.as_str()], segments);
        if let Some(ranked) = assessed.and_then(|s| pair_item(a, b, s)) {
            found.push(ranked);
        }
    }
    found.sort_by(|(rank_a, a), (rank_b, b)| {
        let key = |p: &PairItem| {
            (
                Reverse(p.similarity.contradictions.len()),
                Reverse(p.similarity.wording_percent),
                p.first.title.to_lowercase(),
                p.first.id.clone(),
                p.second.id.clone(),
            )
        };
        rank_a.cmp(rank_b).then_with(|| key(a).cmp(&key(b)))
    });
    Ok(found
        .into_iter()
        .map(|(rank, pair)| {
            let item = match rank {
                Rank::NearDuplicate { .. } => CheckUpItem::NearDuplicate(pair),
                _ => CheckUpItem::Contradiction(pair),
            };
            (rank, item)
        })
        .collect())
}

/// The [`NEIGHBOURS`] nearest trainings of each of `checked`, in its order: its share of the
/// queries to each core.
fn neighbours_of_each(checked: &[&Training], index: &TrainingIndex) -> Result<Vec<Vec<Neighbour>>> {
    let nearest = |training: &&Training| {
        let text = Text {
            title: training.shown_title(),
            content: training.shown_content(),
        };
        index.neighbours(&training.id, text, NEIGHBOURS)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = checked.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let searches: Vec<_> = checked
            .chunks(share)
            .map(|part| scope.spawn(move || part.iter().map(nearest).collect::<Result<Vec<_>>>()))
            .collect();
        let mut found = Vec::with_capacity(checked.len());
        for search in searches {
            let part = search
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            found.extend(part);
        }
        Ok(found)
    })
}

/// The pair as an item and its rank, when it is one to list.
fn pair_item(a: &Training, b: &Training, similarity: Similarity) -> Option<(Rank, PairItem)> {
    let (first, second) = (Concerned::of(a), Concerned::of(b));
    let contradictions = similarity.contradictions.len();
    let same_customers = similarity.reach.overlaps;
    let (rank, summary, fix) = if contradictions > 0 && same_customers {
        (
            Rank::ContradictionForSameCustomers,
            format!(
                "“{}” and “{}” may tell the same customers different things ({}).",
                first.title,
                second.title,
                count(contradictions, "possible contradiction")
            ),
            "Make the two agree, merge them, or restrict one so the same customers never get both."
                .to_owned(),
        )
    } else if similarity.likeness == Likeness::NearDuplicate {
        (
            Rank::NearDuplicate {
                for_different_customers: !same_customers,
            },
            format!(
                "“{}” and “{}” say nearly the same thing ({}% of their wording is shared).",
                first.title, second.title, similarity.wording_percent
            ),
            "Merge them into one, or delete the one not needed, so the two cannot drift apart."
                .to_owned(),
        )
    } else if contradictions > 0 {
        (
            Rank::ContradictionNotMetYet,
            format!(
                "“{}” and “{}” may disagree ({}), though the same customers are not given both now.",
                first.title,
                second.title,
                count(contradictions, "possible contradiction")
            ),
            "Make the two agree before both are in use for the same customers.".to_owned(),
        )
    } else {
        return None;
    };
    let pair = PairItem {
        first,
        second,
        summary,
        fix,
        similarity,
    };
    Some((rank, pair))
}

/// "1 possible contradiction", "3 possible contradictions".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn by_title(a: &Training, b: &Training) -> std::cmp::Ordering {
    a.shown_title()
        .to_lowercase()
        .cmp(&b.shown_title().to_lowercase())
        .then_with(|| a.id.cmp(&b.id))
}

/// The two in title order (the pair's key, so a pair found from either side is found once).
fn in_title_order<'a>(a: &'a Training, b: &'a Training) -> (&'a Training, &'a Training) {
    if by_title(a, b).is_le() {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests {
    use opencx::Channel;

    use super::*;
    use crate::radar::HealthCode;
    use crate::test_support::training;
    use crate::vocabulary::Field;

    fn support(id: &str, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.title = title.into();
        t.content = content.into();
        t
    }

    const REFUNDS: &str = "Refunds are possible within 30 days of delivery. Ask for the order \
                           number, then send the refund form by email.";

    /// A support workspace with one of each thing the check-up lists, and two healthy
    /// trainings about other things.
    fn workspace() -> HashMap<String, Training> {
        let mut whatsapp = support(
            "refund-whatsapp",
            "How long do I have to ask for a refund?",
            "On WhatsApp, keep it short. Refunds are possible within 14 days of delivery.",
        );
        whatsapp.restricted_to_channels = vec![Channel::Whatsapp];
        let mut draft_discount = support(
            "discount-draft",
            "Can I get a discount on my order?",
            "Never offer a discount on a first order. Point to the newsletter instead, it \
             lists every promotion of the month.",
        );
        draft_discount.is_draft = true;
        draft_discount.current_version = None;
        [
            support("refund", "Can I get a refund?", REFUNDS),
            support(
                "refund-copy",
                "Refunds",
                &format!("{REFUNDS} Thank the customer."),
            ),
            whatsapp,
            support(
                "discount",
                "Do you offer discounts on orders?",
                "Always offer a discount on a first order: ten percent with the code WELCOME. \
                 The newsletter lists every promotion of the month.",
            ),
            draft_discount,
            support(
                "hours",
                "What are your opening hours? 🕘",
                "Our café is open from nine to five. Holiday hours: TBD.",
            ),
            support(
                "password",
                "How do I reset my password?",
                "Send the reset link from the login page. Never ask for the password itself, \
                 and never read it out over the phone.",
            ),
        ]
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect()
    }

    fn run(scope: &CheckUpScope, trainings: &HashMap<String, Training>) -> CheckUp {
        let index = TrainingIndex::build(trainings.values()).unwrap();
        let now = "2026-12-05T12:00:00Z".parse().unwrap();
        check_up(scope, trainings, &index, &[], now).unwrap()
    }

    /// Each item as (kind, the ids it concerns, and for a health note its code).
    fn said(check_up: &CheckUp) -> Vec<(&'static str, Vec<&str>, Option<HealthCode>)> {
        check_up
            .items
            .iter()
            .map(|item| {
                let (kind, code) = match item {
                    CheckUpItem::Contradiction(_) => ("contradiction", None),
                    CheckUpItem::NearDuplicate(_) => ("near_duplicate", None),
                    CheckUpItem::Health(h) => ("health", Some(h.finding.code)),
                };
                (kind, item.training_ids(), code)
            })
            .collect()
    }

    #[test]
    fn the_workspace_is_listed_worst_first() {
        let found = run(&CheckUpScope::Workspace, &workspace());
        assert_eq!(
            said(&found),
            [
                // The same customers (all channels, all segments, both live) told 30 and 14
                // days: on WhatsApp both apply.
                ("contradiction", vec!["refund", "refund-whatsapp"], None),
                (
                    "contradiction",
                    vec!["refund-whatsapp", "refund-copy"],
                    None
                ),
                ("near_duplicate", vec!["refund", "refund-copy"], None),
                // A draft saying never where a live one says always: not met yet.
                ("contradiction", vec!["discount-draft", "discount"], None),
                // A problem, then a suggestion ("Refunds" is no customer's question).
                ("health", vec!["hours"], Some(HealthCode::Placeholder)),
                (
                    "health",
                    vec!["refund-copy"],
                    Some(HealthCode::TitleNotAsked)
                ),
            ],
            "{:#?}",
            found.items
        );
        assert_eq!(found.checked, 7);
        assert_eq!(
            found.needs_attention,
            [
                "discount",
                "discount-draft",
                "hours",
                "refund",
                "refund-copy",
                "refund-whatsapp"
            ]
        );
    }

    #[test]
    fn each_item_says_what_it_is_and_its_fix_in_one_sentence() {
        let found = run(&CheckUpScope::Workspace, &workspace());
        let CheckUpItem::Contradiction(first) = &found.items[0] else {
            panic!("a contradiction comes first");
        };
        assert_eq!(
            first.summary,
            "“Can I get a refund?” and “How long do I have to ask for a refund?” may tell the \
             same customers different things (1 possible contradiction)."
        );
        assert!(first.similarity.reach.overlaps);
        assert_eq!(
            first.similarity.contradictions[0].first.sentence,
            "Refunds are possible within 30 days of delivery."
        );
        let CheckUpItem::NearDuplicate(copy) = &found.items[2] else {
            panic!("then the near-duplicate");
        };
        assert!(copy
            .summary
            .starts_with("“Can I get a refund?” and “Refunds” say nearly"));
        let CheckUpItem::Contradiction(draft) = &found.items[3] else {
            panic!("then the contradiction not met yet");
        };
        assert!(draft
            .summary
            .ends_with("though the same customers are not given both now."));
        assert!(!draft.similarity.reach.overlaps);
        for item in &found.items {
            let (summary, fix) = match item {
                CheckUpItem::Contradiction(p) | CheckUpItem::NearDuplicate(p) => {
                    (&p.summary, &p.fix)
                }
                CheckUpItem::Health(h) => (&h.finding.explanation, &h.finding.fix),
            };
            for sentence in [summary, fix] {
                assert!(sentence.ends_with('.'), "{sentence}");
            }
        }
    }

    #[test]
    fn a_health_note_is_placed_in_utf16_units_past_emoji_and_accents() {
        let found = run(&CheckUpScope::Workspace, &workspace());
        let place = found
            .items
            .iter()
            .find_map(|item| match item {
                CheckUpItem::Health(h) if h.finding.code == HealthCode::Placeholder => {
                    h.finding.place.clone()
                }
                _ => None,
            })
            .expect("the TBD is noted");
        let content = "Our café is open from nine to five. Holiday hours: TBD.";
        assert_eq!(place.field, Field::Content);
        assert_eq!((place.start, place.end), (51, 54));
        let units: Vec<u16> = content.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[51..54]).unwrap(), "TBD");
        // The byte offset would have been one further, past the two bytes of "é".
        assert_eq!(content.find("TBD"), Some(52));
    }

    #[test]
    fn a_directory_holds_its_health_notes_and_every_pair_touching_it() {
        let mut trainings = workspace();
        for id in ["refund-whatsapp", "hours"] {
            trainings.get_mut(id).unwrap().directory_id = Some("whatsapp".into());
        }
        let found = run(
            &CheckUpScope::Directory {
                id: "whatsapp".into(),
            },
            &trainings,
        );
        assert_eq!(
            said(&found),
            [
                ("contradiction", vec!["refund", "refund-whatsapp"], None),
                (
                    "contradiction",
                    vec!["refund-whatsapp", "refund-copy"],
                    None
                ),
                ("health", vec!["hours"], Some(HealthCode::Placeholder)),
            ]
        );
        assert_eq!(found.checked, 2);

        let outside = run(&CheckUpScope::NoDirectory, &trainings);
        let ids: BTreeSet<&str> = outside
            .items
            .iter()
            .flat_map(CheckUpItem::training_ids)
            .collect();
        assert!(!ids.contains("hours"));
        assert_eq!(outside.checked, 5);
        assert!(said(&outside).contains(&("near_duplicate", vec!["refund", "refund-copy"], None)));
    }

    #[test]
    fn a_pair_is_listed_once_and_a_training_never_with_itself() {
        let found = run(&CheckUpScope::Workspace, &workspace());
        let mut pairs = BTreeSet::new();
        for item in &found.items {
            if let CheckUpItem::Contradiction(p) | CheckUpItem::NearDuplicate(p) = item {
                assert_ne!(p.first.id, p.second.id);
                assert!(pairs.insert((p.first.id.clone(), p.second.id.clone())));
                assert!(!pairs.contains(&(p.second.id.clone(), p.first.id.clone())));
            }
        }
        assert_eq!(pairs.len(), 4);
    }

    #[test]
    fn a_suggestion_alone_is_listed_but_needs_no_attention() {
        let only = support(
            "topic",
            "Refund policy",
            "Refunds are possible within 30 days of delivery, to the card that paid.",
        );
        let trainings = HashMap::from([(only.id.clone(), only)]);
        let found = run(&CheckUpScope::Workspace, &trainings);
        assert_eq!(
            said(&found),
            [("health", vec!["topic"], Some(HealthCode::TitleNotAsked))]
        );
        assert_eq!(found.needs_attention, Vec::<String>::new());
    }

    #[test]
    fn an_empty_workspace_has_nothing_to_say() {
        let found = run(&CheckUpScope::Workspace, &HashMap::new());
        assert_eq!(
            found,
            CheckUp {
                items: Vec::new(),
                checked: 0,
                needs_attention: Vec::new()
            }
        );
    }
}
