//! Instruction health on any text: it never panics, and every place a note points at lies inside
//! the field it names, on character boundaries (the editor highlights it by these ranges).

use opencx::{Channel, Training, TrainingType};
use proptest::prelude::*;
use studio::radar::{health, Examined, Surroundings};
use studio::vocabulary::Field;

/// Pieces of markdown and support text that make the rules fire, mixed with odd characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("## Refunds\n".to_owned()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_owned()),
        Just("[policy](".to_owned()),
        Just("[link]".to_owned()),
        Just("](".to_owned()),
        Just("[x]()".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("![logo](/a.png)".to_owned()),
        Just("<insert name>".to_owned()),
        Just("TBD ".to_owned()),
        Just("lorem ipsum".to_owned()),
        Just("`TODO`".to_owned()),
        Just("```\nXXX\n```\n".to_owned()),
        Just("- item\n".to_owned()),
        Just("Refunds within 30 days. ".to_owned()),
        Just("é€😀\u{301}".to_owned()),
        "[ -~]{0,12}",
        any::<String>(),
    ]
}

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..12).prop_map(|pieces| pieces.concat())
}

fn channels() -> impl Strategy<Value = Vec<Channel>> {
    prop::sample::subsequence(
        vec![
            Channel::PhoneVoice,
            Channel::Sms,
            Channel::WebVoice,
            Channel::Web,
        ],
        0..4,
    )
}

fn training(title: &str, content: &str, channels: Vec<Channel>, always_on: bool) -> Training {
    let mut t: Training = serde_json::from_value(serde_json::json!({
        "id": "t1",
        "title": title,
        "content": content,
        "current_version": 1,
        "end_time": "2026-01-01T00:00:00Z",
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z"
    }))
    .unwrap();
    t.restricted_to_channels = channels;
    if always_on {
        t.training_type = TrainingType::Behavioral;
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn health_never_panics_and_points_inside_the_text(
        title in markdownish(),
        content in markdownish(),
        channels in channels(),
        always_on in any::<bool>(),
    ) {
        let t = training(&title, &content, channels, always_on);
        let around = Surroundings::new(
            std::slice::from_ref(&t),
            "2026-12-05T00:00:00Z".parse().unwrap(),
        );
        for note in health(&Examined::training(&t), &around) {
            prop_assert!(!note.explanation.is_empty() && !note.fix.is_empty());
            let Some(span) = note.span else { continue };
            let text = if span.field == Field::Title { &title } else { &content };
            prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?} in {text:?}");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{span:?} in {text:?}");
        }
    }
}
