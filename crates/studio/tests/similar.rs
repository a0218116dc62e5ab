//! "Similar trainings" through the service, on the demo workspace of a real simulator: the
//! demo's near-duplicate and its two price-match answers that disagree show, with why and the
//! contradiction quoted from both; the unsaved form is what is compared.

mod support;

use opencx_sim::seed::training_id;
use studio::radar::{ContradictionKind, Likeness};
use studio::similar_trainings::SimilarTraining;
use studio::TrainingDraft;
use support::fixture;

fn find<'a>(found: &'a [SimilarTraining], key: &str) -> &'a SimilarTraining {
    let id = training_id(key);
    found
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("{key} is not among {:?}", titles(found)))
}

fn titles(found: &[SimilarTraining]) -> Vec<&str> {
    found.iter().map(|s| s.title.as_str()).collect()
}

#[tokio::test]
async fn the_demo_shows_a_near_duplicate_and_a_contradiction_in_overlapping_reach() {
    let f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();

    let found = f
        .studio
        .similar_trainings(training_id("return-label"), None)
        .await
        .unwrap()
        .trainings;
    let copy = find(&found, "return-label-copy");
    assert_eq!(copy.similarity.likeness, Likeness::NearDuplicate);
    assert!(copy.notable);
    assert_eq!(found[0].id, copy.id, "{:?}", titles(&found));
    assert!(copy.similarity.reach.overlaps);
    assert_eq!(
        copy.similarity.reach.sentence,
        "Both on Web chat and Email for all customers"
    );

    let found = f
        .studio
        .similar_trainings(training_id("price-match"), None)
        .await
        .unwrap()
        .trainings;
    let other = find(&found, "price-match-whatsapp");
    assert!(other.notable);
    assert_eq!(
        other.similarity.reach.sentence,
        "Both on WhatsApp for all customers"
    );
    let contradiction = &other.similarity.contradictions[0];
    assert_eq!(contradiction.kind, ContradictionKind::DifferentNumbers);
    assert_eq!(
        contradiction.first.sentence,
        "We match a lower price from another shop within 14 days of purchase."
    );
    assert_eq!(
        contradiction.second.sentence,
        "We match a lower price from another shop within 30 days of purchase."
    );
    assert_eq!(
        contradiction.explanation,
        "One says within 14 days, the other within 30 days."
    );
}

#[tokio::test]
async fn the_unsaved_form_is_compared_and_the_training_never_lists_itself() {
    let f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();
    let id = training_id("price-match");
    let trainings = f.studio.load_workspace().await.unwrap().trainings;
    let saved = trainings.iter().find(|t| t.id == id).unwrap();
    let mut draft = TrainingDraft::from_training(saved);
    draft.content = draft.content.replace("14 days", "30 days");
    let found = f
        .studio
        .similar_trainings(id.clone(), Some(draft))
        .await
        .unwrap();
    assert_eq!(found.compared_percent, 100);
    let found = found.trainings;
    assert!(found.iter().all(|s| s.id != id));
    let other = find(&found, "price-match-whatsapp");
    assert_eq!(other.similarity.contradictions, []);
}

#[tokio::test]
async fn the_check_ups_compare_shows_the_demo_pair_with_each_side_quoted_where_it_is() {
    let f = fixture("demo").await;
    f.studio.load_workspace().await.unwrap();
    let pair = f
        .studio
        .compare_trainings(
            training_id("price-match"),
            training_id("price-match-whatsapp"),
        )
        .await
        .unwrap()
        .expect("the demo's price-match answers are alike");
    assert_eq!(pair.title, "Do you match a lower price?");
    assert_eq!(pair.other.title, "Price match on WhatsApp");
    let c = &pair.other.similarity.contradictions[0];
    let utf16 = |text: &str, start: usize, end: usize| {
        String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[start..end]).unwrap()
    };
    assert_eq!(
        utf16(&pair.content, c.first.start_utf16, c.first.end_utf16),
        "We match a lower price from another shop **within 14 days** of purchase."
    );
    assert_eq!(
        utf16(
            &pair.other.content,
            c.second.start_utf16,
            c.second.end_utf16
        ),
        "We match a lower price from another shop **within 30 days** of purchase."
    );
    let gone = f
        .studio
        .compare_trainings(training_id("price-match"), "no-such-training".into())
        .await
        .unwrap();
    assert!(gone.is_none());
}
