//! Property tests of decoding what the API sends: any JSON value, a valid training with fields
//! replaced, removed or added, truncated or garbled text, and absurd nesting each decode to
//! `Ok` or `Err` without a panic; what decodes survives a round trip unchanged.

use opencx::{Channel, Directory, Segment, Training, TrainingPage, TrainingType};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

fn valid_training() -> Value {
    json!({
        "id": "t_1",
        "title": "Refunds",
        "content": "## Refunds\n\nOffer a refund within **30 days**.",
        "draft_title": null,
        "draft_content": "A draft",
        "type": "BEHAVIORAL",
        "is_draft": false,
        "directory_id": "d_1",
        "restricted_to_channels": ["web", "email", "carrier_pigeon"],
        "restricted_to_segments": ["s_1"],
        "current_version": 3,
        "metadata": {"client_id": "c", "nested": {"a": [1, 2]}},
        "published_at": "2026-01-02T03:04:05Z",
        "start_time": null,
        "end_time": "2027-01-01T00:00:00+02:00",
        "created_at": "2025-12-01T10:00:00.123Z",
        "updated_at": "2026-01-02T03:04:05Z"
    })
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
        prop::sample::select(vec![
            "web",
            "BEHAVIORAL",
            "SCENARIO_SPECIFIC",
            "2026-01-02T03:04:05Z",
            "",
            "t_1",
            "9999-99-99T99:99:99Z",
            "-0001-01-01T00:00:00Z",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Decodes `value` as `T`; if that works, the re-encoded value must decode to the same thing.
fn decodes_stably<T>(value: &Value) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(decoded) = serde_json::from_value::<T>(value.clone()) {
        let again: T = serde_json::from_value(serde_json::to_value(&decoded).unwrap())
            .map_err(|e| TestCaseError::fail(format!("re-decoding failed: {e}")))?;
        prop_assert_eq!(again, decoded);
    }
    Ok(())
}

fn every_model(value: &Value) -> Result<(), TestCaseError> {
    decodes_stably::<Training>(value)?;
    decodes_stably::<Segment>(value)?;
    decodes_stably::<Directory>(value)?;
    decodes_stably::<TrainingPage>(value)?;
    decodes_stably::<Vec<Training>>(value)?;
    let _ = serde_json::from_value::<Channel>(value.clone());
    let _ = serde_json::from_value::<TrainingType>(value.clone());
    Ok(())
}

#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, Value),
    Remove(usize),
    Add(String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
        any::<usize>().prop_map(Edit::Remove),
        (".{0,12}", json_value()).prop_map(|(k, v)| Edit::Add(k, v)),
    ]
}

fn apply(edits: &[Edit]) -> Value {
    let mut training = valid_training();
    let object = training.as_object_mut().unwrap();
    for e in edits {
        let keys: Vec<String> = object.keys().cloned().collect();
        match e {
            Edit::Replace(i, v) if !keys.is_empty() => {
                object.insert(keys[i % keys.len()].clone(), v.clone());
            }
            Edit::Remove(i) if !keys.is_empty() => {
                object.remove(&keys[i % keys.len()]);
            }
            Edit::Add(k, v) => {
                object.insert(k.clone(), v.clone());
            }
            _ => {}
        }
    }
    training
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_json_value_decodes_or_errs(value in json_value()) {
        every_model(&value)?;
    }

    #[test]
    fn an_edited_training_decodes_or_errs(edits in prop::collection::vec(edit(), 1..5)) {
        let value = apply(&edits);
        every_model(&value)?;
        let page = json!({"items": [value.clone()], "total": 1, "limit": 1, "offset": 0, "has_more": false});
        every_model(&page)?;
    }

    #[test]
    fn unknown_keys_never_break_a_training(extra in prop::collection::btree_map("x_[a-z]{1,10}", json_value(), 0..8)) {
        let mut training = valid_training();
        training.as_object_mut().unwrap().extend(extra);
        let decoded: Training = serde_json::from_value(training).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decoded.id, "t_1");
        prop_assert_eq!(decoded.restricted_to_channels[2].clone(), Channel::Other("carrier_pigeon".into()));
    }

    #[test]
    fn truncated_or_garbled_text_decodes_or_errs(cut in any::<prop::sample::Index>(), noise in prop::collection::vec(any::<u8>(), 0..16), at in any::<prop::sample::Index>()) {
        let text = serde_json::to_vec(&valid_training()).unwrap();
        let truncated = &text[..cut.index(text.len())];
        prop_assert!(serde_json::from_slice::<Training>(truncated).is_err());
        let mut garbled = text.clone();
        let i = at.index(garbled.len());
        garbled.splice(i..i, noise);
        let _ = serde_json::from_slice::<Training>(&garbled);
        let _ = serde_json::from_slice::<Vec<Segment>>(&garbled);
    }

    #[test]
    fn arbitrary_bytes_decode_or_err(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = serde_json::from_slice::<Training>(&bytes);
        let _ = serde_json::from_slice::<TrainingPage>(&bytes);
        let _ = serde_json::from_slice::<Segment>(&bytes);
        let _ = serde_json::from_slice::<Directory>(&bytes);
    }
}

#[test]
fn the_valid_training_decodes() {
    let training: Training = serde_json::from_value(valid_training()).unwrap();
    assert_eq!(training.training_type, TrainingType::Behavioral);
    assert_eq!(training.shown_content(), "A draft");
}

#[test]
fn absurd_nesting_and_size_are_errors_or_values_not_crashes() {
    // serde_json stops at 128 levels instead of overflowing the stack.
    let deep = format!(
        "{{\"id\":\"t\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"metadata\":{{\"a\":{}1{}}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(serde_json::from_str::<Training>(&deep).is_err());
    let mut big = valid_training();
    big["content"] = Value::String("x".repeat(5 * 1024 * 1024));
    big["restricted_to_segments"] =
        Value::Array((0..50_000).map(|i| json!(format!("s{i}"))).collect());
    let decoded: Training = serde_json::from_value(big).unwrap();
    assert_eq!(decoded.content.len(), 5 * 1024 * 1024);
    assert_eq!(decoded.restricted_to_segments.len(), 50_000);
}
