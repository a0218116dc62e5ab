use opencx::Training;

use super::*;
use crate::draft_rules::DraftSave;
use crate::error::ErrorKind;
use crate::test_support::training;

const NO_NAMES: Names<'static> = Names {
    directories: &[],
    segments: &[],
};

fn with_text(id: &str, title: &str, content: &str) -> Training {
    let mut t = training(id);
    t.title = title.into();
    t.content = content.into();
    t
}

fn workspace() -> Vec<Training> {
    let mut draft = with_text("d", "Late returns", "Live: within 30 days.");
    draft.draft_content = Some("Draft: within 30 days, or 30 days for members.".into());
    let mut billing = with_text("b", "Invoices", "Pay within 30 days net.");
    billing.directory_id = Some("billing".into());
    vec![
        with_text(
            "r",
            "Refunds (30 days)",
            "Refund within 30 days. Not after 30 DAYS.",
        ),
        draft,
        billing,
        with_text("n", "Greeting", "Say hello."),
    ]
}

fn query(find: &str, replacement: &str) -> FindQuery {
    FindQuery {
        find: find.into(),
        replacement: replacement.into(),
        ..FindQuery::default()
    }
}

fn results(q: &FindQuery, scope: &FindScope) -> FindResults {
    find(&workspace(), scope, &Matcher::new(q).unwrap(), q.within)
}

#[test]
fn results_are_grouped_by_training_in_title_order_each_match_in_its_sentence() {
    let r = results(&query("30 days", "45 days"), &FindScope::Workspace);
    let titles: Vec<_> = r.trainings.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Invoices", "Late returns", "Refunds (30 days)"]);
    assert_eq!(r.match_count, 1 + 2 + 3);
    let refunds = &r.trainings[2];
    let m = &refunds.matches[1];
    assert_eq!(
        (
            m.field,
            m.before.as_str(),
            m.matched.as_str(),
            m.after.as_str()
        ),
        (MatchField::Content, "Refund within ", "30 days", ".")
    );
    assert_eq!((m.start, m.end), (14, 21));
    assert_eq!(m.replacement, "45 days");
    assert_eq!(refunds.matches[0].field, MatchField::Title);
    assert_eq!(refunds.matches[2].matched, "30 DAYS");
    assert_eq!(m.id, "r:content:0");
    assert!(!refunds.unpublished_draft);
}

#[test]
fn the_unpublished_draft_text_is_what_is_searched() {
    let r = results(&query("30 days", ""), &FindScope::Workspace);
    let draft = r.trainings.iter().find(|t| t.id == "d").unwrap();
    assert!(draft.unpublished_draft);
    assert_eq!(draft.matches[0].before, "Draft: within ");
    let r = results(&query("Live:", ""), &FindScope::Workspace);
    assert!(
        r.trainings.is_empty(),
        "the live text under a draft is not edited"
    );
}

#[test]
fn titles_content_match_case_and_scope() {
    let mut q = query("30 days", "");
    q.within = FindIn::Titles;
    assert_eq!(results(&q, &FindScope::Workspace).match_count, 1);
    q.within = FindIn::Content;
    q.match_case = true;
    assert_eq!(results(&q, &FindScope::Workspace).match_count, 1 + 2 + 1);
    let dir = FindScope::Directory {
        directory_id: Some("billing".into()),
    };
    assert_eq!(results(&q, &dir).trainings[0].id, "b");
    let none = FindScope::Directory { directory_id: None };
    assert_eq!(results(&q, &none).trainings.len(), 2);
    let selection = FindScope::Selection {
        ids: vec!["r".into(), "n".into()],
    };
    assert_eq!(results(&q, &selection).trainings.len(), 1);
}

fn plan_of(q: &FindQuery, excluded: &Exclusions) -> Result<ReplacePlan> {
    plan(
        &workspace(),
        &FindScope::Workspace,
        &Matcher::new(q).unwrap(),
        q.within,
        excluded,
    )
}

#[test]
fn the_plan_leaves_out_unticked_trainings_and_matches() {
    let q = query("30 days", "45 days");
    let excluded = Exclusions {
        trainings: vec!["b".into()],
        matches: vec!["r:content:1".into(), "d:content:0".into()],
    };
    let plan = plan_of(&q, &excluded).unwrap();
    let ids: Vec<_> = plan.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["d", "r"]);
    assert_eq!(
        plan.items[0].content,
        "Draft: within 30 days, or 45 days for members."
    );
    assert_eq!(plan.items[0].title, "Late returns");
    assert_eq!(plan.items[1].title, "Refunds (45 days)");
    assert_eq!(
        plan.items[1].content,
        "Refund within 45 days. Not after 30 DAYS."
    );
    // Undo's texts are the shown texts before, draft text included.
    assert_eq!(
        plan.previous[0].content,
        "Draft: within 30 days, or 30 days for members."
    );
    assert_eq!(plan.previous[1].title, "Refunds (30 days)");
}

#[test]
fn a_plan_with_nothing_left_or_an_emptied_field_is_refused() {
    let q = query("30 days", "x");
    let all = Exclusions {
        trainings: vec!["b".into(), "d".into(), "r".into()],
        matches: vec![],
    };
    let err = plan_of(&q, &all).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().starts_with("Nothing to replace"), "{err}");
    let mut q = query("Say hello.", "  ");
    q.match_case = true;
    let err = plan_of(&q, &Exclusions::default()).unwrap_err();
    assert_eq!(
        err.message(),
        "This would leave “Greeting” without a title or instructions. Untick it or change the \
         replacement."
    );
}

fn review_of(publish: bool, draft_save: DraftSave) -> ReplaceReview {
    let trainings = workspace();
    let q = query("30 days", "45 days");
    let plan = plan_of(&q, &Exclusions::default()).unwrap();
    review_plan(
        plan,
        |id| trainings.iter().find(|t| t.id == id),
        publish,
        draft_save,
        NO_NAMES,
    )
}

#[test]
fn the_review_has_a_collapsed_diff_per_training_and_the_jobs_to_write_and_undo() {
    let r = review_of(false, DraftSave::BesideLive);
    assert_eq!(r.items.len(), 3);
    let refunds = r.items.iter().find(|i| i.id == "r").unwrap();
    assert_eq!(
        refunds
            .diff
            .iter()
            .map(|l| (l.tag, l.text.as_str()))
            .collect::<Vec<_>>(),
        [
            (DiffTag::Delete, "Refund within 30 days. Not after 30 DAYS."),
            (DiffTag::Insert, "Refund within 45 days. Not after 45 days."),
        ]
    );
    assert_eq!(refunds.changes[0].after, "Refunds (45 days)");
    assert_eq!(r.out_of_use, 0);
    assert!(r.lead.starts_with("Saving drafts keeps them"), "{}", r.lead);
    let JobRequest::Replace { items, publish } = &r.request else {
        panic!("a replace job: {:?}", r.request);
    };
    assert!(!publish);
    assert_eq!(items.len(), 3);
    let JobRequest::Replace { items: undo, .. } = &r.undo else {
        panic!("an undo replace: {:?}", r.undo);
    };
    assert_eq!(undo[2].content, "Refund within 30 days. Not after 30 DAYS.");
    assert_eq!(r.seen.len(), 3);
    assert!(r.request.validate().is_ok());
}

#[test]
fn the_review_says_which_live_trainings_saving_drafts_takes_out_of_use() {
    let r = review_of(false, DraftSave::TakesOutOfUse);
    assert_eq!(r.out_of_use, 3);
    assert_eq!(
        r.lead,
        "Saving drafts takes 3 live trainings out of use until they are published: “Invoices”, \
         “Late returns”, “Refunds (30 days)”. Choose “Replace and publish” to keep them in use."
    );
    assert!(r.items.iter().all(|i| i.out_of_use.is_some()));
    let r = review_of(false, DraftSave::BesideLive);
    assert!(r.items.iter().all(|i| i.out_of_use.is_none()));
    let r = review_of(false, DraftSave::Unknown);
    assert!(r.lead.starts_with("Saving drafts may take"), "{}", r.lead);
    assert!(r.lead.contains("could not learn"), "{}", r.lead);
    let r = review_of(true, DraftSave::Unknown);
    assert_eq!(r.out_of_use, 0);
    assert!(r.lead.starts_with("Publishing makes the new text live"));
}
