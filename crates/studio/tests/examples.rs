//! Example questions through the service, against a real simulator: kept per workspace on this
//! computer, checked over the workspace as loaded (with and without one training's unsaved
//! edit), the last results kept, and exported to and imported from a file.

mod support;

use opencx::{Channel, CreateTraining, TrainingType};
use studio::{ErrorKind, ExampleCheck, ExampleQuestion, ReachEdit, TrainingDraft};
use support::{fixture, Fixture};

/// A support workspace: an always-on tone rule and three "when asked" answers; the ids of
/// (late deliveries, refunds, tone).
async fn support_workspace(f: &Fixture) -> (String, String, String) {
    let other = f.other_client();
    let mut tone = CreateTraining::new("Brand voice and tone", "Be warm and brief.");
    tone.training_type = TrainingType::Behavioral;
    let tone = other.create_training(&tone).await.unwrap().id;
    let late = CreateTraining::new(
        "Late deliveries",
        "When a parcel is late, share the tracking link. A parcel 5 days late is sent again.",
    );
    let late = other.create_training(&late).await.unwrap().id;
    let refund = CreateTraining::new(
        "Customer asks for a refund",
        "Refunds reach the card within 5 days.",
    );
    let refund = other.create_training(&refund).await.unwrap().id;
    let address = CreateTraining::new(
        "Changing the delivery address",
        "Before the order ships the address can be changed.",
    );
    other.create_training(&address).await.unwrap();
    f.studio.load_workspace().await.unwrap();
    (late, refund, tone)
}

fn question(training: &str, words: &str, check: ExampleCheck) -> ExampleQuestion {
    ExampleQuestion {
        id: String::new(),
        training_id: training.into(),
        question: words.into(),
        channel: Channel::Web,
        segment_ids: Vec::new(),
        check,
    }
}

#[tokio::test]
async fn questions_are_kept_checked_and_their_last_results_remembered() {
    let f = fixture("empty").await;
    let (late, refund, tone) = support_workspace(&f).await;
    assert!(f
        .studio
        .example_questions()
        .await
        .unwrap()
        .questions
        .is_empty());
    assert!(f
        .studio
        .run_example_checks(None)
        .await
        .unwrap()
        .results
        .is_empty());

    let book = f
        .studio
        .keep_example_question(question(
            &late,
            "  Where is my parcel? ",
            ExampleCheck::UsesThisTraining,
        ))
        .await
        .unwrap();
    let parcel = book.questions[0].clone();
    assert_eq!(parcel.question, "Where is my parcel?");
    assert!(!parcel.id.is_empty());
    f.studio
        .keep_example_question(question(
            &late,
            "Where is my parcel?",
            ExampleCheck::DoesNotUse {
                training_id: refund.clone(),
            },
        ))
        .await
        .unwrap();
    let book = f
        .studio
        .keep_example_question(question(
            &tone,
            "Where is my parcel?",
            ExampleCheck::UsesThisTraining,
        ))
        .await
        .unwrap();
    assert_eq!(book.questions.len(), 3);
    let refused = f
        .studio
        .keep_example_question(question(&late, "", ExampleCheck::UsesThisTraining))
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);

    let run = f.studio.run_example_checks(None).await.unwrap();
    assert_eq!(run.results.len(), 3);
    assert!(run.results.iter().all(|r| r.passed), "{run:?}");
    let kept = f.studio.example_questions().await.unwrap();
    assert_eq!(
        kept.results[&parcel.id].sentence,
        "“Late deliveries” is the 1st likely match."
    );

    // The unsaved edit limits "Late deliveries" to email: said, and nothing kept.
    let base = f.studio.get_training(&late).await.unwrap();
    let mut draft = TrainingDraft::from_training(&base);
    draft.restricted_to_channels = vec![Channel::Email];
    let run = f
        .studio
        .run_example_checks(Some(ReachEdit {
            id: late.clone(),
            draft,
        }))
        .await
        .unwrap();
    let changes: Vec<_> = run.changes.iter().map(|c| c.sentence.as_str()).collect();
    assert_eq!(
        changes,
        ["“Where is my parcel?” no longer uses this training."]
    );
    assert_eq!(run.results.len(), 2, "the edited training's two checks");
    assert!(!run.results[0].passed);
    assert_eq!(
        run.results[0].sentence,
        "This training is left out: Not on Web chat."
    );
    assert!(
        f.studio.example_questions().await.unwrap().results[&parcel.id].passed,
        "a run with an edit keeps no result"
    );

    // Changing a question drops its last result; removing one drops it and its result.
    let mut changed = parcel.clone();
    changed.channel = Channel::Whatsapp;
    let book = f.studio.keep_example_question(changed).await.unwrap();
    assert_eq!(book.questions.len(), 3);
    assert!(!book.results.contains_key(&parcel.id));
    let book = f.studio.remove_example_question(&parcel.id).await.unwrap();
    assert_eq!(book.questions.len(), 2);
}

#[tokio::test]
async fn questions_go_to_a_file_and_come_back_merged() {
    let f = fixture("empty").await;
    let (late, _, _) = support_workspace(&f).await;
    for words in ["Where is my parcel?", "My order is late"] {
        f.studio
            .keep_example_question(question(&late, words, ExampleCheck::UsesThisTraining))
            .await
            .unwrap();
    }
    let file = f.dir.path().join("exported/examples.json");
    let said = f
        .studio
        .export_example_questions(file.clone())
        .await
        .unwrap();
    assert_eq!(said, "Exported 2 example questions to “examples.json”.");

    let kept = f.studio.example_questions().await.unwrap();
    let first = kept.questions[0].id.clone();
    f.studio.remove_example_question(&first).await.unwrap();
    let mut second = kept.questions[1].clone();
    second.question = "Has my order shipped?".into();
    f.studio.keep_example_question(second).await.unwrap();

    let summary = f
        .studio
        .import_example_questions(file.clone())
        .await
        .unwrap();
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (1, 1, 0)
    );
    assert_eq!(
        summary.sentence,
        "Imported 2 example questions: 1 new, 1 updated, 0 unchanged."
    );
    let mut back = f.studio.example_questions().await.unwrap().questions;
    back.sort_by(|a, b| a.id.cmp(&b.id));
    let mut exported = kept.questions;
    exported.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(back, exported);

    std::fs::write(&file, "{\"version\": 1, \"questions\": [{\"id\": 1}]}").unwrap();
    let refused = f.studio.import_example_questions(file).await.unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert!(refused.message().starts_with("Nothing was imported"));
    assert_eq!(
        f.studio.example_questions().await.unwrap().questions.len(),
        2
    );
}
