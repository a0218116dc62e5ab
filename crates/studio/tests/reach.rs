//! "What will the AI see?" through the service, against a real simulator: the answer comes from
//! the workspace as loaded, and the full-text index follows every change the app keeps (a save,
//! a load of someone else's edit and delete) without being asked to.

mod support;

use chrono::Utc;
use opencx::{Channel, CreateTraining, TrainingType, UpdateTraining};
use studio::{Reach, ReachEdit, ReachQuestion, SaveOutcome, TrainingDraft};
use support::{fixture, Fixture};

fn question(message: &str) -> ReachQuestion {
    ReachQuestion {
        message: message.into(),
        channel: Channel::Whatsapp,
        segment_ids: Vec::new(),
        at: Utc::now(),
        utc_offset_minutes: 0,
        edit: None,
    }
}

async fn ask(f: &Fixture, question: ReachQuestion) -> Reach {
    f.studio.what_will_the_ai_see(question).await.unwrap()
}

fn asked_ids(reach: &Reach) -> Vec<&str> {
    reach.when_asked.iter().map(|m| m.id.as_str()).collect()
}

/// A workspace with an always-on rule, an email-only one and two "when asked" answers, made
/// by someone else and loaded by the studio; the ids of the two answers.
async fn support_workspace(f: &Fixture) -> (String, String) {
    let other = f.other_client();
    let mut tone = CreateTraining::new("Tone of voice", "Be warm and brief.");
    tone.training_type = TrainingType::Behavioral;
    other.create_training(&tone).await.unwrap();
    let mut email = CreateTraining::new("Email signature", "Sign with the team's name.");
    email.training_type = TrainingType::Behavioral;
    email.restricted_to_channels = vec![Channel::Email];
    other.create_training(&email).await.unwrap();
    let parcel = CreateTraining::new(
        "Where is my parcel?",
        "Ask for the order number and share the tracking link.",
    );
    let parcel = other.create_training(&parcel).await.unwrap().id;
    let refund = CreateTraining::new("Refunds", "Refunds reach the card within 5 days.");
    let refund = other.create_training(&refund).await.unwrap().id;
    f.studio.load_workspace().await.unwrap();
    (parcel, refund)
}

#[tokio::test]
async fn the_answer_follows_a_save_and_a_load_of_someone_elses_changes() {
    let f = fixture("empty").await;
    let (parcel, refund) = support_workspace(&f).await;

    let reach = ask(&f, question("Where is my parcel?")).await;
    assert_eq!(asked_ids(&reach)[0], parcel);
    assert_eq!(reach.always_on.len(), 1);
    assert_eq!(reach.always_on[0].title, "Tone of voice");
    assert_eq!(reach.left_out.len(), 1);
    assert_eq!(reach.left_out[0].count, 1);
    assert_eq!(reach.left_out[0].trainings[0].sentence, "Not on WhatsApp");

    // The refund answer is published with words about parcels: the next answer knows.
    let base = f.studio.get_training(&refund).await.unwrap();
    let mut draft = TrainingDraft::from_training(&base);
    draft.content = "A lost parcel is refunded in full; a parcel late by 10 days too.".into();
    let saved = f
        .studio
        .save_training(&refund, &draft, true, base)
        .await
        .unwrap();
    assert!(matches!(saved, SaveOutcome::Saved { .. }));
    let reach = ask(&f, question("my parcel is lost")).await;
    assert_eq!(asked_ids(&reach)[0], refund);
    assert_eq!(reach.when_asked[0].matched_words, ["parcel", "lost"]);

    // Someone else rewrites the parcel answer and deletes the refund one; the next load
    // brings both into the answers.
    let other = f.other_client();
    let mut rewrite = UpdateTraining::from_training(&f.server(&parcel));
    rewrite.content = "Gift cards never expire.".into();
    rewrite.is_draft = Some(false);
    other.update_training(&parcel, &rewrite).await.unwrap();
    other.delete_training(&refund).await.unwrap();
    f.studio.load_workspace().await.unwrap();
    let reach = ask(&f, question("Does my gift card expire?")).await;
    assert_eq!(asked_ids(&reach), [parcel.as_str()]);
    assert_eq!(
        reach.when_asked[0].matched_words,
        ["gift", "card", "expire"]
    );
    let left_out = reach.left_out.iter().flat_map(|g| &g.trainings);
    assert!(left_out.clone().all(|l| l.id != refund));
    assert_eq!(left_out.count(), 1, "the email signature");
}

#[tokio::test]
async fn an_unsaved_edit_counts_for_its_question_only() {
    let f = fixture("empty").await;
    let (parcel, refund) = support_workspace(&f).await;
    let base = f.studio.get_training(&refund).await.unwrap();
    let mut draft = TrainingDraft::from_training(&base);
    draft.title = "Lost parcels".into();
    draft.content = "A lost parcel is refunded; a new parcel is sent.".into();
    let mut asked = question("I lost my parcel");
    asked.edit = Some(ReachEdit {
        id: refund.clone(),
        draft,
    });
    let with_edit = ask(&f, asked).await;
    assert_eq!(asked_ids(&with_edit)[0], refund);
    assert_eq!(with_edit.when_asked[0].title, "Lost parcels");

    let without = ask(&f, question("I lost my parcel")).await;
    assert_eq!(asked_ids(&without), [parcel.as_str()]);
    assert_eq!(
        (without.when_asked_count, without.when_asked_unmatched),
        (2, 1),
        "the refund answer applies but shares no word with the message"
    );
}

#[tokio::test]
async fn asking_before_sign_in_says_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let studio = studio::Studio::new(dir.path(), Box::new(studio::MemoryStore::new()));
    let err = studio
        .what_will_the_ai_see(question("hello"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), studio::ErrorKind::NoWorkspace);
}
