//! The writing radar through the service, against a real simulator: the health of the form
//! being written, read with the workspace as loaded, placed in UTF-16 positions.

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
