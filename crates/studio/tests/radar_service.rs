//! The writing radar through the service, against a real simulator: the health of the form
//! being written, read with the workspace as loaded, placed in UTF-16 positions; the check-up,
//! which follows every change the app keeps.

mod support;

use opencx::{CreateTraining, TrainingType};
use studio::radar::{HealthCode, ALWAYS_ON_BUDGET_CHARS};
use studio::vocabulary::Field;
use studio::TrainingDraft;
use support::fixture;

/// The form of a training never saved.
fn new_draft(title: &str, content: &str, training_type: TrainingType) -> TrainingDraft {
    TrainingDraft {
        title: title.into(),
        content: content.into(),
        training_type,
        directory_id: None,
        restricted_to_channels: Vec::new(),
        restricted_to_segments: Vec::new(),
        start_time: None,
        end_time: None,
        window_from_training: false,
    }
}

#[tokio::test]
async fn the_form_s_notes_are_placed_in_utf16_positions_of_its_text() {
    let f = fixture("empty").await;
    let other = f.other_client();
    let made = CreateTraining::new(
        "Can I pay with a gift card?",
        "Gift cards work online and in shops.",
    );
    let id = other.create_training(&made).await.unwrap().id;
    f.studio.load_workspace().await.unwrap();
    let saved = f.studio.get_training(&id).await.unwrap();

    let mut draft = TrainingDraft::from_training(&saved);
    draft.content =
        "Gift cards 🎁 work in café shops.\nThe balance is TBD for now, check it online.".into();
    let notes = f
        .studio
        .instruction_health(Some(id.clone()), draft.clone())
        .await
        .unwrap();
    let placeholder = notes
        .iter()
        .find(|n| n.code == HealthCode::Placeholder)
        .expect("the TBD is noted");
    let place = placeholder.place.as_ref().expect("it points at the text");
    assert_eq!(place.field, Field::Content);
    assert_eq!(place.line, 2);
    assert_eq!(place.text, "TBD");
    let utf16: Vec<u16> = draft.content.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[place.start..place.end]).unwrap(),
        "TBD"
    );

    // The saved text has no note: the notes are of the form, not of the saved training.
    let clean = f
        .studio
        .instruction_health(Some(id), TrainingDraft::from_training(&saved))
        .await
        .unwrap();
    assert_eq!(clean, []);
}

#[tokio::test]
async fn the_always_on_budget_counts_the_rest_of_the_workspace() {
    let f = fixture("empty").await;
    let mut long = CreateTraining::new(
        "House rules",
        "Answer kindly and in full sentences. ".repeat(ALWAYS_ON_BUDGET_CHARS / 37),
    );
    long.training_type = TrainingType::Behavioral;
    f.other_client().create_training(&long).await.unwrap();

    let draft = new_draft(
        "Tone",
        "Be warm and brief with every customer, and thank them for waiting.",
        TrainingType::Behavioral,
    );
    let before_load = f
        .studio
        .instruction_health(None, draft.clone())
        .await
        .unwrap();
    assert!(before_load
        .iter()
        .all(|n| n.code != HealthCode::AlwaysOnTooLong));

    f.studio.load_workspace().await.unwrap();
    let loaded = f.studio.instruction_health(None, draft).await.unwrap();
    assert!(
        loaded.iter().any(|n| n.code == HealthCode::AlwaysOnTooLong),
        "{loaded:?}"
    );
}

#[tokio::test]
async fn asking_before_sign_in_says_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let studio = studio::Studio::new(dir.path(), Box::new(studio::MemoryStore::new()));
    let draft = new_draft("t", "c", TrainingType::ScenarioSpecific);
    let err = studio.instruction_health(None, draft).await.unwrap_err();
    assert_eq!(err.kind(), studio::ErrorKind::NoWorkspace);
}

#[tokio::test]
async fn the_check_up_follows_the_workspace_as_it_changes() {
    use studio::checkup::{CheckUpItem, CheckUpScope};
    let f = fixture("empty").await;
    let other = f.other_client();
    let long = other
        .create_training(&CreateTraining::new(
            "Can I get a refund?",
            "Refunds are possible within 30 days of delivery. Ask for the order number first.",
        ))
        .await
        .unwrap();
    let short = other
        .create_training(&CreateTraining::new(
            "How long do I have to ask for a refund?",
            "Keep it short. Refunds are possible within 14 days of delivery.",
        ))
        .await
        .unwrap();
    f.studio.load_workspace().await.unwrap();

    let found = f.studio.check_up(CheckUpScope::Workspace).await.unwrap();
    let CheckUpItem::Contradiction(pair) = &found.items[0] else {
        panic!("the contradiction comes first: {:#?}", found.items);
    };
    assert_eq!(
        (pair.first.id.as_str(), pair.second.id.as_str()),
        (long.id.as_str(), short.id.as_str())
    );
    assert_eq!(found.needs_attention, {
        let mut ids = vec![long.id.clone(), short.id.clone()];
        ids.sort();
        ids
    });

    // Published to agree: the next check-up no longer lists them.
    let base = f.studio.get_training(&short.id).await.unwrap();
    let mut draft = TrainingDraft::from_training(&base);
    draft.content = "Keep it short. Refunds are possible within 30 days of delivery.".into();
    f.studio
        .save_training(&short.id, &draft, true, base)
        .await
        .unwrap();
    let found = f.studio.check_up(CheckUpScope::Workspace).await.unwrap();
    assert!(
        found
            .items
            .iter()
            .all(|item| !matches!(item, CheckUpItem::Contradiction(_))),
        "{:#?}",
        found.items
    );
}

#[tokio::test]
async fn a_check_up_before_sign_in_says_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let studio = studio::Studio::new(dir.path(), Box::new(studio::MemoryStore::new()));
    let err = studio
        .check_up(studio::checkup::CheckUpScope::Workspace)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), studio::ErrorKind::NoWorkspace);
}
