//! Example questions with checks: a customer's question kept with one training ("Where is my
//! parcel?", asked on Web chat by any customer) and what should happen to it — the question
//! *uses this training*, or it *does not use* another training. [`run`] answers every check with
//! the reach engine (`reach.rs`, over the workspace's one full-text index), so a check says what
//! "What will the AI see?" would say for the same question:
//!
//! - a question uses a "when asked" training when the training applies and is among the
//!   [`LIKELY_TOP`] likely matches, by the words used (a training sharing no word with the
//!   question is no match, whatever its place);
//! - it uses an "always on" training when the training applies on the question's channel for its
//!   customer (always-on trainings are given in every conversation they apply to).
//!
//! A question asked by "any customer" (no segment chosen) is read as a customer in every
//! segment of the workspace, so no training is left out for its segments.
//!
//! With one training's unsaved edit ([`ReachEdit`], read as published), [`run`] answers each check
//! before and after the edit, and says every change of outcome in plain words ("This edit takes
//! “Where is my parcel?” from “Late deliveries”"). Where the questions are kept is
//! `example_store.rs`; they never go to open.cx.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use opencx::{Channel, Segment, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StudioError};
use crate::reach::{self, Reach, ReachEdit, ReachQuestion};
use crate::search_index::TrainingIndex;

/// How many likely matches count as "used": the places a check looks at.
pub const LIKELY_TOP: usize = 3;

/// The longest question kept, in characters.
const LONGEST_QUESTION: usize = 1_000;

/// A customer's question kept with a training, and what should happen to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExampleQuestion {
    pub id: String,
    /// The training the question belongs to.
    pub training_id: String,
    /// The customer's words.
    pub question: String,
    /// Where the customer asks (Web chat unless chosen).
    #[serde(default = "web_chat")]
    pub channel: Channel,
    /// The segments the customer is in; none means any customer.
    #[serde(default)]
    pub segment_ids: Vec<String>,
    pub check: ExampleCheck,
}

fn web_chat() -> Channel {
    Channel::Web
}

/// What should happen to an example question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ExampleCheck {
    /// The question's own training is used for it.
    UsesThisTraining,
    /// Another training is not used for it.
    DoesNotUse { training_id: String },
}

impl ExampleQuestion {
    /// The question as it may be kept: its words trimmed, and refused when it cannot be checked.
    pub fn checked(mut self) -> Result<Self> {
        self.question = self.question.trim().to_owned();
        if self.question.is_empty() {
            return Err(StudioError::invalid_input(
                "Write the customer's question, for example “Where is my parcel?”.",
            ));
        }
        if self.question.chars().count() > LONGEST_QUESTION {
            return Err(StudioError::invalid_input(format!(
                "Keep the question under {LONGEST_QUESTION} characters: a customer's first \
                 message is enough."
            )));
        }
        if let Channel::Other(code) = &self.channel {
            return Err(StudioError::invalid_input(format!(
                "Training Studio does not know the channel “{code}”. Choose one of the channels \
                 in the list."
            )));
        }
        if let ExampleCheck::DoesNotUse { training_id } = &self.check {
            if training_id == &self.training_id {
                return Err(StudioError::invalid_input(
                    "A question cannot be kept away from its own training. Choose “Uses this \
                     training”, or another training that should not be used.",
                ));
            }
            if training_id.trim().is_empty() {
                return Err(StudioError::invalid_input(
                    "Choose the training the question should not use.",
                ));
            }
        }
        Ok(self)
    }

    /// The training the check is about: its own, or the one it should not use.
    fn checked_training(&self) -> &str {
        match &self.check {
            ExampleCheck::UsesThisTraining => &self.training_id,
            ExampleCheck::DoesNotUse { training_id } => training_id,
        }
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckResult {
    pub question_id: String,
    /// The question's own training, and its title when checked.
    pub training_id: String,
    pub training_title: String,
    pub question: String,
    pub passed: bool,
    /// Where the checked training stands for the question, in plain words: "“Late deliveries”
    /// is the 2nd likely match."
    pub sentence: String,
    pub checked_at: DateTime<Utc>,
}

/// A check whose outcome an unsaved edit changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckChange {
    pub question_id: String,
    /// The outcome with the edit.
    pub passed: bool,
    /// The change in plain words: "This edit takes “Where is my parcel?” from “Late deliveries”."
    pub sentence: String,
}

/// The checks run: their outcomes, failing first, and (with an edit) what the edit changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckRun {
    /// Every check run (without an edit), or those the edit touches: the edited training's own,
    /// those about it, and those whose outcome it changes.
    pub results: Vec<CheckResult>,
    pub changes: Vec<CheckChange>,
}

/// The workspace the checks run over: its trainings as loaded, their index, its segments.
pub struct Workspace<'a> {
    pub trainings: &'a HashMap<String, Training>,
    pub index: &'a TrainingIndex,
    pub segments: &'a [Segment],
}

/// Where one training stands for one question.
#[derive(Debug, Clone, PartialEq)]
enum Standing {
    AlwaysOn,
    /// A "when asked" training that applies, at `place` (0 = first), with its score.
    Ranked {
        place: usize,
        score: f32,
    },
    /// Left out, with the reach engine's reason ("Not on WhatsApp").
    LeftOut(String),
    /// Not in the workspace.
    Absent,
}

impl Standing {
    /// Where `id` stands in `reach`, an answer that names every training it can (`known`: the
    /// workspace or the edit holds it).
    fn of(reach: &Reach, id: &str, known: bool) -> Self {
        if reach.always_on.iter().any(|t| t.id == id) {
            return Standing::AlwaysOn;
        }
        if let Some(place) = reach.when_asked.iter().position(|m| m.id == id) {
            let score = reach.when_asked[place].score;
            return Standing::Ranked { place, score };
        }
        let left_out = reach.left_out.iter().flat_map(|group| &group.trainings);
        match left_out.clone().find(|l| l.id == id) {
            Some(left) => Standing::LeftOut(left.sentence.clone()),
            // Applies, but shares no word with the question: counted after the matches, unnamed.
            None if known => Standing::Ranked {
                place: reach.when_asked.len(),
                score: 0.0,
            },
            None => Standing::Absent,
        }
    }

    /// Whether the AI is likely given the training for the question.
    fn used(&self) -> bool {
        match self {
            Standing::AlwaysOn => true,
            Standing::Ranked { place, score } => *place < LIKELY_TOP && *score > 0.0,
            Standing::LeftOut(_) | Standing::Absent => false,
        }
    }

    /// Where `name` stands, as a sentence.
    fn sentence(&self, name: &str) -> String {
        match self {
            Standing::AlwaysOn => format!("{name} is always on here."),
            Standing::Ranked { score, .. } if *score <= 0.0 => {
                format!("{name} shares no word with the question.")
            }
            Standing::Ranked { place, .. } if *place < LIKELY_TOP => {
                format!("{name} is the {} likely match.", ordinal(place + 1))
            }
            Standing::Ranked { place, .. } => format!(
                "{name} is only the {} likely match; the top {LIKELY_TOP} count.",
                ordinal(place + 1)
            ),
            Standing::LeftOut(reason) => format!("{name} is left out: {reason}."),
            Standing::Absent => format!("{name} is not in this workspace."),
        }
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "22nd".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// One question's check, answered on one side of an edit.
struct Answer {
    passed: bool,
    /// Where the checked training stands.
    checked: Standing,
    /// Where the edited training stands (with an edit).
    edited: Option<Standing>,
}

/// Runs the checks of `questions` whose training `workspace` holds (or the edit names), at
/// `at`. Without an edit: every such check. With one: each before and after the edit; the
/// results of those the edit touches, and a sentence for every outcome it changes.
pub fn run(
    questions: &[ExampleQuestion],
    workspace: &Workspace<'_>,
    edit: Option<&ReachEdit>,
    at: DateTime<Utc>,
) -> Result<CheckRun> {
    let names = Names { workspace, edit };
    let everyone: Vec<String> = workspace.segments.iter().map(|s| s.id.clone()).collect();
    let mut results = Vec::new();
    let mut changes = Vec::new();
    for question in questions {
        let own_known = workspace.trainings.contains_key(&question.training_id)
            || edit.is_some_and(|e| e.id == question.training_id);
        if !own_known {
            continue;
        }
        let asked = |edit: Option<&ReachEdit>| ReachQuestion {
            message: question.question.clone(),
            channel: question.channel.clone(),
            segment_ids: if question.segment_ids.is_empty() {
                everyone.clone()
            } else {
                question.segment_ids.clone()
            },
            at,
            utc_offset_minutes: 0,
            edit: edit.cloned(),
        };
        let after = answer(question, workspace, &asked(edit), edit)?;
        let touched = match edit {
            None => true,
            Some(edit) => {
                let before = answer(question, workspace, &asked(None), None)?;
                if before.passed != after.passed {
                    changes.push(CheckChange {
                        question_id: question.id.clone(),
                        passed: after.passed,
                        sentence: change_sentence(question, &after, &names),
                    });
                }
                before.passed != after.passed
                    || question.training_id == edit.id
                    || question.checked_training() == edit.id
            }
        };
        if touched {
            let checked = question.checked_training();
            results.push(CheckResult {
                question_id: question.id.clone(),
                training_id: question.training_id.clone(),
                training_title: names.title(&question.training_id),
                question: question.question.clone(),
                passed: after.passed,
                sentence: after.checked.sentence(&names.quoted(checked)),
                checked_at: at,
            });
        }
    }
    results.sort_by(|a, b| {
        (a.passed, &a.training_title, &a.question).cmp(&(b.passed, &b.training_title, &b.question))
    });
    Ok(CheckRun { results, changes })
}

fn answer(
    question: &ExampleQuestion,
    workspace: &Workspace<'_>,
    asked: &ReachQuestion,
    edit: Option<&ReachEdit>,
) -> Result<Answer> {
    // Every training named, so each check finds its own.
    let reach = reach::reach_naming(
        asked,
        workspace.trainings.values(),
        workspace.index,
        workspace.segments,
        usize::MAX,
    )?;
    let known = |id: &str| workspace.trainings.contains_key(id) || edit.is_some_and(|e| e.id == id);
    let checked_id = question.checked_training();
    let checked = Standing::of(&reach, checked_id, known(checked_id));
    let passed = match question.check {
        ExampleCheck::UsesThisTraining => checked.used(),
        ExampleCheck::DoesNotUse { .. } => !checked.used(),
    };
    Ok(Answer {
        passed,
        checked,
        edited: edit.map(|e| Standing::of(&reach, &e.id, true)),
    })
}

/// The titles the sentences name trainings by; the edited training is "this training".
struct Names<'a> {
    workspace: &'a Workspace<'a>,
    edit: Option<&'a ReachEdit>,
}

impl Names<'_> {
    fn title(&self, id: &str) -> String {
        if let Some(edit) = self.edit.filter(|e| e.id == id) {
            return edit.draft.title.clone();
        }
        match self.workspace.trainings.get(id) {
            Some(training) => training.shown_title().to_owned(),
            None => "A training no longer in this workspace".to_owned(),
        }
    }

    /// “Title”, or "this training" for the one being edited.
    fn quoted(&self, id: &str) -> String {
        if self.edit.is_some_and(|e| e.id == id) {
            "This training".to_owned()
        } else {
            format!("“{}”", self.title(id))
        }
    }

    /// The training named inside a sentence.
    fn named(&self, id: &str) -> String {
        if self.edit.is_some_and(|e| e.id == id) {
            "this training".to_owned()
        } else {
            format!("“{}”", self.title(id))
        }
    }
}

/// What an edit does to one check, whose outcome it changes (`after` is with the edit).
fn change_sentence(question: &ExampleQuestion, after: &Answer, names: &Names<'_>) -> String {
    let asked = format!("“{}”", question.question);
    let edited_id = names.edit.map(|e| e.id.as_str()).unwrap_or_default();
    let own = names.named(&question.training_id);
    match (&question.check, after.passed) {
        (ExampleCheck::UsesThisTraining, false) => {
            let edited_takes_it = after.edited.as_ref().is_some_and(Standing::used);
            if question.training_id != edited_id && edited_takes_it {
                format!("This edit takes {asked} from {own}.")
            } else {
                format!("{asked} no longer uses {own}.")
            }
        }
        (ExampleCheck::UsesThisTraining, true) => format!("{asked} now uses {own}."),
        (ExampleCheck::DoesNotUse { training_id }, false) => {
            let other = names.named(training_id);
            if question.training_id == edited_id {
                format!("{asked} now uses {other}, which this training's check says it should not.")
            } else {
                format!("{asked} now uses {other}, which a check of {own} says it should not.")
            }
        }
        (ExampleCheck::DoesNotUse { training_id }, true) => {
            format!(
                "{asked} no longer uses {}, as its check asks.",
                names.named(training_id)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use opencx::TrainingType;

    use super::*;
    use crate::draft::TrainingDraft;
    use crate::test_support::{segment, training};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 12, 0, 0).unwrap()
    }

    fn support(id: &str, kind: TrainingType, title: &str, content: &str) -> Training {
        let mut t = training(id);
        t.training_type = kind;
        t.title = title.into();
        t.content = content.into();
        t.start_time = None;
        t
    }

    /// A web shop's support workspace.
    fn shop() -> HashMap<String, Training> {
        use TrainingType::{Behavioral as Always, ScenarioSpecific as Asked};
        let mut short = support(
            "short",
            Always,
            "Keep WhatsApp answers short",
            "On WhatsApp, answer in at most three sentences.",
        );
        short.restricted_to_channels = vec![Channel::Whatsapp];
        let mut vip = support(
            "vip",
            Asked,
            "Free express shipping for VIP customers",
            "VIP customers get express shipping for free on every order.",
        );
        vip.restricted_to_segments = vec!["vip".into()];
        [
            short,
            vip,
            support(
                "tone",
                Always,
                "Brand voice and tone",
                "Be warm and brief. Use the customer's first name.",
            ),
            support(
                "late",
                Asked,
                "Late deliveries",
                "When a parcel is late, look up the tracking number and tell the customer where \
                 the parcel is. A parcel more than 5 days late is sent again.",
            ),
            support(
                "refund",
                Asked,
                "Customer asks for a refund",
                "Refunds go back to the original payment method within 30 days of delivery.",
            ),
            support(
                "address",
                Asked,
                "Changing the delivery address",
                "Before the order ships, the delivery address can be changed from the account \
                 page.",
            ),
            support(
                "damaged",
                Asked,
                "Item arrived damaged",
                "Ask for a photo of the damaged item, then send a replacement.",
            ),
        ]
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect()
    }

    fn segments() -> Vec<Segment> {
        vec![segment("vip", "VIP"), segment("new", "New customers")]
    }

    fn question(id: &str, training: &str, words: &str, check: ExampleCheck) -> ExampleQuestion {
        ExampleQuestion {
            id: id.into(),
            training_id: training.into(),
            question: words.into(),
            channel: Channel::Web,
            segment_ids: Vec::new(),
            check,
        }
    }

    fn not(training: &str) -> ExampleCheck {
        ExampleCheck::DoesNotUse {
            training_id: training.into(),
        }
    }

    fn check(
        trainings: &HashMap<String, Training>,
        questions: &[ExampleQuestion],
        edit: Option<&ReachEdit>,
    ) -> CheckRun {
        let index = TrainingIndex::build(trainings.values()).unwrap();
        let segments = segments();
        let workspace = Workspace {
            trainings,
            index: &index,
            segments: &segments,
        };
        run(questions, &workspace, edit, now()).unwrap()
    }

    fn edit_of(trainings: &HashMap<String, Training>, id: &str) -> ReachEdit {
        ReachEdit {
            id: id.into(),
            draft: TrainingDraft::from_training(&trainings[id]),
        }
    }

    fn outcome(run: &CheckRun) -> Vec<(&str, bool, &str)> {
        run.results
            .iter()
            .map(|r| (r.question_id.as_str(), r.passed, r.sentence.as_str()))
            .collect()
    }

    #[test]
    fn checks_pass_and_fail_by_what_the_ai_would_likely_be_given() {
        let shop = shop();
        let mut whatsapp = question(
            "q-short",
            "short",
            "hi, can I return these shoes?",
            ExampleCheck::UsesThisTraining,
        );
        whatsapp.channel = Channel::Whatsapp;
        let mut vip_customer = question(
            "q-vip",
            "vip",
            "Do I pay for express shipping?",
            ExampleCheck::UsesThisTraining,
        );
        vip_customer.segment_ids = vec!["new".into()];
        let questions = [
            question(
                "q-parcel",
                "late",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question(
                "q-refund",
                "refund",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question("q-not-refund", "late", "My parcel is late", not("refund")),
            question(
                "q-not-damaged",
                "late",
                "My parcel is late and the box is damaged",
                not("damaged"),
            ),
            whatsapp,
            vip_customer,
            question(
                "q-tone",
                "tone",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
        ];
        let run = check(&shop, &questions, None);
        assert!(run.changes.is_empty());
        assert_eq!(
            outcome(&run),
            [
                (
                    "q-refund",
                    false,
                    "“Customer asks for a refund” shares no word with the question."
                ),
                (
                    "q-vip",
                    false,
                    "“Free express shipping for VIP customers” is left out: Only for VIP."
                ),
                (
                    "q-not-damaged",
                    false,
                    "“Item arrived damaged” is the 2nd likely match."
                ),
                ("q-tone", true, "“Brand voice and tone” is always on here."),
                (
                    "q-short",
                    true,
                    "“Keep WhatsApp answers short” is always on here."
                ),
                (
                    "q-not-refund",
                    true,
                    "“Customer asks for a refund” shares no word with the question."
                ),
                (
                    "q-parcel",
                    true,
                    "“Late deliveries” is the 1st likely match."
                ),
            ],
            "failing first, then by training title and question"
        );
        let first = &run.results[0];
        assert_eq!(first.training_title, "Customer asks for a refund");
        assert_eq!(first.checked_at, now());
    }

    #[test]
    fn any_customer_is_in_every_segment_and_the_channel_counts() {
        let shop = shop();
        let any = question(
            "q-vip",
            "vip",
            "Is express shipping free?",
            ExampleCheck::UsesThisTraining,
        );
        let run = check(&shop, std::slice::from_ref(&any), None);
        assert!(run.results[0].passed, "{:?}", run.results[0]);
        let mut on_web = question(
            "q-short",
            "short",
            "Where is my parcel?",
            ExampleCheck::UsesThisTraining,
        );
        let run = check(&shop, std::slice::from_ref(&on_web), None);
        assert_eq!(
            outcome(&run),
            [(
                "q-short",
                false,
                "“Keep WhatsApp answers short” is left out: Not on Web chat."
            )]
        );
        on_web.channel = Channel::Whatsapp;
        assert!(check(&shop, &[on_web], None).results[0].passed);
    }

    #[test]
    fn only_the_top_three_count() {
        let mut shop = shop();
        // Three short trainings about parcels outrank the long one that mentions them twice.
        for (id, title) in [
            ("p1", "Parcel lockers"),
            ("p2", "Parcel insurance"),
            ("p3", "Parcel sizes"),
        ] {
            let t = support(
                id,
                TrainingType::ScenarioSpecific,
                title,
                "A parcel can be picked up from a parcel locker. Parcel parcel parcel.",
            );
            shop.insert(id.into(), t);
        }
        let run = check(
            &shop,
            &[question(
                "q",
                "late",
                "parcel",
                ExampleCheck::UsesThisTraining,
            )],
            None,
        );
        let result = &run.results[0];
        assert!(!result.passed);
        assert!(
            result
                .sentence
                .starts_with("“Late deliveries” is only the 4th likely match"),
            "{}",
            result.sentence
        );
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(103), "103rd");
    }

    #[test]
    fn an_edit_that_takes_a_question_from_another_training_says_so() {
        let shop = shop();
        let questions = [
            question(
                "q-parcel",
                "late",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question(
                "q-address",
                "address",
                "Can I change the delivery address?",
                ExampleCheck::UsesThisTraining,
            ),
        ];
        // "Parcel arrived damaged" is rewritten about where parcels are, three times over:
        // it outranks "Late deliveries", which drops out of the top 3 behind two more.
        let mut shop_more = shop.clone();
        for (id, title) in [("p1", "Parcel lockers"), ("p2", "Parcel insurance")] {
            shop_more.insert(
                id.into(),
                support(
                    id,
                    TrainingType::ScenarioSpecific,
                    title,
                    "Where a parcel is: a parcel locker holds the parcel for 7 days.",
                ),
            );
        }
        let mut edit = edit_of(&shop_more, "damaged");
        edit.draft.title = "Where is my parcel".into();
        edit.draft.content = "Where is the parcel? Parcel tracking: the parcel is on its way. \
                              Parcel, parcel, parcel."
            .into();
        let run = check(&shop_more, &questions, Some(&edit));
        assert_eq!(
            run.changes,
            [CheckChange {
                question_id: "q-parcel".into(),
                passed: false,
                sentence: "This edit takes “Where is my parcel?” from “Late deliveries”.".into(),
            }]
        );
        // Only the touched check is listed: the address question neither changed nor is about
        // the edited training.
        assert_eq!(
            outcome(&run),
            [(
                "q-parcel",
                false,
                "“Late deliveries” is only the 4th likely match; the top 3 count."
            )]
        );
    }

    #[test]
    fn an_edit_of_the_training_itself_says_what_it_loses_and_gains() {
        let shop = shop();
        let questions = [
            question(
                "q-parcel",
                "late",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question(
                "q-resend",
                "late",
                "Will you send the parcel again?",
                not("address"),
            ),
            question(
                "q-address",
                "address",
                "Can I change the delivery address?",
                ExampleCheck::UsesThisTraining,
            ),
            question("q-not-late", "refund", "I want my money back", not("late")),
        ];
        // Before: every check passes.
        let run = check(&shop, &questions, None);
        assert!(run.results.iter().all(|r| r.passed), "{:?}", outcome(&run));

        // "Late deliveries" limited to WhatsApp: the web question no longer uses it.
        let mut edit = edit_of(&shop, "late");
        edit.draft.restricted_to_channels = vec![Channel::Whatsapp];
        let run = check(&shop, &questions, Some(&edit));
        assert_eq!(
            run.changes,
            [CheckChange {
                question_id: "q-parcel".into(),
                passed: false,
                sentence: "“Where is my parcel?” no longer uses this training.".into(),
            }]
        );
        assert_eq!(
            outcome(&run),
            [
                (
                    "q-parcel",
                    false,
                    "This training is left out: Not on Web chat."
                ),
                (
                    "q-not-late",
                    true,
                    "This training is left out: Not on Web chat."
                ),
                (
                    "q-resend",
                    true,
                    "“Changing the delivery address” shares no word with the question."
                ),
            ],
            "its own checks and the one about it; the address check is untouched"
        );

        // Rewritten about refunds and money: a refund question now uses it, against the
        // refund training's check.
        let mut edit = edit_of(&shop, "late");
        edit.draft.content = "Offer money back: a refund of the shipping costs.".into();
        let run = check(&shop, &questions, Some(&edit));
        let changes: Vec<_> = run.changes.iter().map(|c| c.sentence.as_str()).collect();
        assert_eq!(
            changes,
            [
                "“Where is my parcel?” no longer uses this training.",
                "“I want my money back” now uses this training, which a check of “Customer asks \
                 for a refund” says it should not."
            ]
        );
    }

    #[test]
    fn a_change_back_to_passing_is_said_too() {
        let mut shop = self::shop();
        shop.get_mut("late").unwrap().restricted_to_channels = vec![Channel::Email];
        let questions = [
            question(
                "q-parcel",
                "late",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question("q-damaged", "damaged", "Where is my parcel?", not("late")),
        ];
        let mut edit = edit_of(&shop, "late");
        edit.draft.restricted_to_channels = Vec::new();
        let run = check(&shop, &questions, Some(&edit));
        let changes: Vec<_> = run
            .changes
            .iter()
            .map(|c| (c.passed, c.sentence.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (true, "“Where is my parcel?” now uses this training."),
                (
                    false,
                    "“Where is my parcel?” now uses this training, which a check of “Item \
                     arrived damaged” says it should not."
                ),
            ]
        );

        // The way back: live on every channel, limited to Email by the edit.
        let shop = self::shop();
        let mut edit = edit_of(&shop, "late");
        edit.draft.restricted_to_channels = vec![Channel::Email];
        let run = check(&shop, &questions, Some(&edit));
        let changes: Vec<_> = run
            .changes
            .iter()
            .map(|c| (c.passed, c.sentence.as_str()))
            .collect();
        assert_eq!(
            changes,
            [
                (false, "“Where is my parcel?” no longer uses this training."),
                (
                    true,
                    "“Where is my parcel?” no longer uses this training, as its check asks."
                ),
            ]
        );

        // An edit of "Item arrived damaged" that turns no check: its own check alone is listed.
        let mut edit = edit_of(&shop, "damaged");
        edit.draft.content = "Ask for a photo of the box.".into();
        let run = check(&shop, &questions, Some(&edit));
        assert!(run.changes.is_empty());
        assert_eq!(outcome(&run).len(), 1);
        assert_eq!(run.results[0].question_id, "q-damaged");
    }

    #[test]
    fn questions_of_a_training_no_longer_there_are_not_run() {
        let shop = shop();
        let questions = [
            question(
                "q-gone",
                "gone",
                "Where is my parcel?",
                ExampleCheck::UsesThisTraining,
            ),
            question("q-other-gone", "late", "Where is my parcel?", not("gone")),
        ];
        let run = check(&shop, &questions, None);
        assert_eq!(
            outcome(&run),
            [(
                "q-other-gone",
                true,
                "“A training no longer in this workspace” is not in this workspace."
            )]
        );
    }

    #[test]
    fn a_question_is_checked_before_it_is_kept() {
        let ok = question(
            "q",
            "late",
            "  Where is my parcel?  ",
            ExampleCheck::UsesThisTraining,
        );
        assert_eq!(ok.checked().unwrap().question, "Where is my parcel?");
        let blank = question("q", "late", " \n ", ExampleCheck::UsesThisTraining);
        assert!(blank.checked().unwrap_err().message().contains("Write the"));
        let long = question(
            "q",
            "late",
            &"parcel ".repeat(200),
            ExampleCheck::UsesThisTraining,
        );
        assert!(long.checked().is_err());
        let own = question("q", "late", "late?", not("late"));
        assert!(own.checked().unwrap_err().message().contains("its own"));
        let mut fax = question("q", "late", "late?", ExampleCheck::UsesThisTraining);
        fax.channel = Channel::Other("fax".into());
        assert!(fax.checked().unwrap_err().message().contains("“fax”"));
    }

    #[test]
    fn the_check_crosses_ipc_tagged_with_defaults_for_channel_and_segments() {
        let read: ExampleQuestion = serde_json::from_value(serde_json::json!({
            "id": "q", "training_id": "late", "question": "Where is my parcel?",
            "check": {"kind": "does_not_use", "training_id": "refund"}
        }))
        .unwrap();
        assert_eq!(read.channel, Channel::Web);
        assert!(read.segment_ids.is_empty());
        assert_eq!(read.check, not("refund"));
        let json = serde_json::to_value(question("q", "late", "x", ExampleCheck::UsesThisTraining))
            .unwrap();
        assert_eq!(
            json["check"],
            serde_json::json!({"kind": "uses_this_training"})
        );
        assert_eq!(json["channel"], "web");
    }
}
