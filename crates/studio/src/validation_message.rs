//! open.cx's validation refusals in the form's words. open.cx (Fastify/ajv) answers a body it
//! will not take with a 400 whose message is a path and a rule, such as
//! `body/restricted_to_channels/0 must be equal to one of the allowed values`. Here that becomes
//! a sentence an editor can act on ("open.cx does not accept the channel “WhatsApp”. Untick it,
//! then save again."), naming the offending value from the body that was sent, and the form
//! field to mark ([`FormField`]). A path or rule not known here still reads as a sentence.

use opencx::{Channel, TrainingType};
use serde_json::Value;

use crate::error::{ErrorKind, StudioError};
use crate::form_field::FormField;
use crate::vocabulary::{channel_label, type_label};

/// What the rule after the path says is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    NotAllowed,
    Required,
    TooShort(u64),
    TooLong(u64),
    TooFew(u64),
    TooMany(u64),
    /// The wrong JSON type or format: how the app sent it, not what the editor wrote.
    Unreadable,
    Unknown,
}

/// One refusal: the body field, the list index when it names one, and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Refusal {
    key: String,
    index: Option<usize>,
    rule: Rule,
}

/// The number in "must NOT have fewer than 3 characters".
fn count_in(rule: &str) -> Option<u64> {
    rule.split_whitespace().find_map(|word| word.parse().ok())
}

fn rule_of(text: &str) -> Rule {
    let text = text.trim();
    let counted = |make: fn(u64) -> Rule| count_in(text).map_or(Rule::Unknown, make);
    if text.contains("equal to one of the allowed values") || text.contains("equal to constant") {
        Rule::NotAllowed
    } else if text.contains("characters")
        && (text.contains("fewer than") || text.contains("shorter than"))
    {
        counted(Rule::TooShort)
    } else if text.contains("characters")
        && (text.contains("more than") || text.contains("longer than"))
    {
        counted(Rule::TooLong)
    } else if text.contains("fewer than") && text.contains("items") {
        counted(Rule::TooFew)
    } else if text.contains("more than") && text.contains("items") {
        counted(Rule::TooMany)
    } else if text.starts_with("must be ")
        || text.starts_with("should be ")
        || text.contains("match format")
        || text.contains("match pattern")
    {
        Rule::Unreadable
    } else {
        Rule::Unknown
    }
}

/// Reads `body/<field>[/<index>] <rule>` (also Fastify 3's `body.<field>[<index>] should …`) and
/// `body must have required property '<field>'`. `None` when the message is about something
/// else (a query string, the whole body) or has another shape.
fn parse(message: &str) -> Option<Refusal> {
    let message = message.trim();
    if let Some(rest) = message
        .strip_prefix("body must have required property ")
        .or_else(|| message.strip_prefix("body should have required property "))
    {
        let key = rest.trim_matches(|c| c == '\'' || c == '"' || c == '.');
        return Some(Refusal {
            key: key.to_string(),
            index: None,
            rule: Rule::Required,
        });
    }
    let (pointer, rule) = message.split_once(' ')?;
    let mut parts = pointer
        .split(['/', '.', '[', ']'])
        .filter(|p| !p.is_empty());
    if parts.next()? != "body" {
        return None;
    }
    let key = parts.next()?.to_string();
    let index = parts.next().and_then(|i| i.parse().ok());
    Some(Refusal {
        key,
        index,
        rule: rule_of(rule),
    })
}

/// How a refused body field is named in a sentence, and which form field it is.
struct Subject {
    /// "the channel “WhatsApp”", "the title".
    name: String,
    field: Option<FormField>,
    /// What to do, e.g. "Untick it".
    undo: &'static str,
}

fn text_of(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn subject(refusal: &Refusal, sent: &Value) -> Subject {
    let value = |key: &str| match refusal.index {
        Some(i) => sent.get(key).and_then(|list| list.get(i)),
        None => sent.get(key),
    };
    let item = refusal.index.is_some();
    let (name, field, undo) = match refusal.key.as_str() {
        "title" => ("the title".to_string(), Some(FormField::Title), "Change it"),
        "content" => (
            "the content".to_string(),
            Some(FormField::Content),
            "Change it",
        ),
        "type" => {
            let label = value("type")
                .and_then(|v| serde_json::from_value::<TrainingType>(v.clone()).ok())
                .map(|t| format!("the type “{}”", type_label(t)));
            (
                label.unwrap_or_else(|| "the type".into()),
                Some(FormField::Type),
                "Choose the other type",
            )
        }
        "directory_id" => (
            "the directory this training is in".to_string(),
            Some(FormField::Directory),
            "Choose another directory",
        ),
        "restricted_to_channels" if item => {
            let label = text_of(value("restricted_to_channels"))
                .map(|c| format!("the channel “{}”", channel_label(&Channel::from(c))));
            (
                label.unwrap_or_else(|| "one of the ticked channels".into()),
                Some(FormField::Channels),
                "Untick it",
            )
        }
        "restricted_to_channels" => (
            "the ticked channels".to_string(),
            Some(FormField::Channels),
            "Change them",
        ),
        "restricted_to_segments" if item => (
            "one of the ticked segments".to_string(),
            Some(FormField::Segments),
            "Untick it",
        ),
        "restricted_to_segments" => (
            "the ticked segments".to_string(),
            Some(FormField::Segments),
            "Change them",
        ),
        "start_time" => (
            "when this training starts to apply".to_string(),
            Some(FormField::Window),
            "Change it",
        ),
        "end_time" => (
            "when this training stops applying".to_string(),
            Some(FormField::Window),
            "Change it",
        ),
        "metadata" => ("this training's extra data".to_string(), None, "Change it"),
        "is_draft" => ("whether this is a draft".to_string(), None, "Change it"),
        other => (
            format!("this training's “{}”", other.replace('_', " ")),
            None,
            "Change it",
        ),
    };
    Subject { name, field, undo }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The sentence for a refusal we could read.
fn sentence(refusal: &Refusal, subject: &Subject) -> String {
    let name = &subject.name;
    let undo = subject.undo;
    let items = match subject.field {
        Some(FormField::Channels) => "channels",
        Some(FormField::Segments) => "segments",
        _ => "items",
    };
    match refusal.rule {
        Rule::NotAllowed => format!("open.cx does not accept {name}. {undo}, then save again."),
        Rule::Required => format!("open.cx needs {name}. Fill it in, then save again."),
        Rule::TooShort(1) => format!(
            "{} cannot be empty on open.cx. Fill it in, then save again.",
            capitalised(name)
        ),
        Rule::TooShort(n) => format!(
            "open.cx needs at least {n} characters in {name}. Make it longer, then save again."
        ),
        Rule::TooLong(n) => format!(
            "open.cx accepts at most {n} characters in {name}. Shorten it, then save again."
        ),
        Rule::TooFew(n) => {
            format!("open.cx needs at least {n} {items} ticked. Tick more, then save again.")
        }
        Rule::TooMany(n) => {
            format!("open.cx accepts at most {n} {items}. Untick some, then save again.")
        }
        Rule::Unreadable => format!(
            "open.cx could not read {name} as Training Studio sent it. Your changes are kept; \
             try again, and if it happens again, tell whoever looks after Training Studio."
        ),
        Rule::Unknown => format!(
            "{} was not accepted by open.cx. {undo}, then save again.",
            capitalised(name)
        ),
    }
}

/// Said when open.cx refused the body in a way we cannot place.
pub const UNPLACED: &str = "open.cx did not accept this training as it is. Check the title, the \
content and where it applies, then save again.";

/// The error an editor sees for `err`, the answer to sending `sent` (the JSON body). A
/// validation refusal is explained in the form's words with the field to mark; any other error
/// is the client's own sentence.
pub fn explain(err: opencx::Error, sent: &Value) -> StudioError {
    if err.kind() != opencx::ErrorKind::Validation {
        return err.into();
    }
    let message = err.server_message().unwrap_or_default();
    tracing::info!(refusal = message, "open.cx refused a training body");
    let Some(refusal) = parse(message) else {
        return StudioError::new(ErrorKind::Validation, UNPLACED);
    };
    let subject = subject(&refusal, sent);
    let error = StudioError::new(ErrorKind::Validation, sentence(&refusal, &subject));
    match subject.field {
        Some(field) => error.with_field(field),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn refused(message: &str) -> opencx::Error {
        opencx::Error::Validation {
            status: 400,
            message: Some(message.into()),
            code: Some("FST_ERR_VALIDATION".into()),
        }
    }

    fn sent() -> Value {
        json!({
            "title": "Refunds",
            "content": "Offer a refund.",
            "type": "BEHAVIORAL",
            "is_draft": true,
            "directory_id": "dir-1",
            "restricted_to_channels": ["web", "telegram", "whatsapp"],
            "restricted_to_segments": ["seg-1"],
            "metadata": {"client_id": "c-1"},
            "start_time": null,
            "end_time": "2030-01-01T00:00:00Z"
        })
    }

    fn explained(message: &str) -> (String, Option<FormField>) {
        let e = explain(refused(message), &sent());
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert!(!e.message().contains("body/"), "{}", e.message());
        assert!(!e.message().contains("must"), "{}", e.message());
        (e.message().to_string(), e.field())
    }

    #[test]
    fn a_refused_channel_is_named_by_its_label_and_the_channels_are_marked() {
        let (text, field) =
            explained("body/restricted_to_channels/2 must be equal to one of the allowed values");
        assert_eq!(
            text,
            "open.cx does not accept the channel “WhatsApp”. Untick it, then save again."
        );
        assert_eq!(field, Some(FormField::Channels));
        let (text, _) =
            explained("body/restricted_to_channels/1 must be equal to one of the allowed values");
        // A channel this app does not know is named as its checkbox is, so the editor finds it.
        assert_eq!(
            text,
            "open.cx does not accept the channel “Other channel (telegram)”. Untick it, then save \
             again."
        );
    }

    #[test]
    fn lengths_and_required_fields_say_what_to_do() {
        assert_eq!(
            explained("body/title must NOT have fewer than 3 characters"),
            (
                "open.cx needs at least 3 characters in the title. Make it longer, then save again."
                    .to_string(),
                Some(FormField::Title)
            )
        );
        assert_eq!(
            explained("body/content must NOT have fewer than 1 characters").0,
            "The content cannot be empty on open.cx. Fill it in, then save again."
        );
        assert_eq!(
            explained("body/content must NOT have more than 20000 characters").0,
            "open.cx accepts at most 20000 characters in the content. Shorten it, then save again."
        );
        assert_eq!(
            explained("body must have required property 'title'"),
            (
                "open.cx needs the title. Fill it in, then save again.".to_string(),
                Some(FormField::Title)
            )
        );
        assert_eq!(
            explained("body/restricted_to_segments must NOT have more than 5 items"),
            (
                "open.cx accepts at most 5 segments. Untick some, then save again.".to_string(),
                Some(FormField::Segments)
            )
        );
    }

    #[test]
    fn type_directory_segments_and_window_get_their_fields() {
        assert_eq!(
            explained("body/type must be equal to one of the allowed values"),
            (
                "open.cx does not accept the type “Always on”. Choose the other type, then save again."
                    .to_string(),
                Some(FormField::Type)
            )
        );
        assert_eq!(
            explained("body/directory_id must be equal to one of the allowed values").1,
            Some(FormField::Directory)
        );
        assert_eq!(
            explained("body/restricted_to_segments/0 must be equal to one of the allowed values").0,
            "open.cx does not accept one of the ticked segments. Untick it, then save again."
        );
        assert_eq!(
            explained("body/end_time must match format \"date-time\"").1,
            Some(FormField::Window)
        );
    }

    #[test]
    fn wrong_types_say_it_is_not_the_editor_s_text() {
        let (text, field) = explained("body/title must be string");
        assert!(text.starts_with("open.cx could not read the title as Training Studio sent it."));
        assert!(text.contains("Your changes are kept"));
        assert_eq!(field, Some(FormField::Title));
        let (text, field) = explained("body/metadata must be object");
        assert!(text.starts_with("open.cx could not read this training's extra data"));
        assert_eq!(field, None);
    }

    #[test]
    fn fastify_3_wording_is_read_too() {
        assert_eq!(
            explained(
                "body.restricted_to_channels[1] should be equal to one of the allowed values"
            )
            .1,
            Some(FormField::Channels)
        );
        assert_eq!(
            explained("body.title should NOT be shorter than 3 characters").1,
            Some(FormField::Title)
        );
    }

    #[test]
    fn unknown_paths_and_rules_still_read_as_sentences() {
        assert_eq!(
            explained("body/priority must be equal to one of the allowed values"),
            (
                "open.cx does not accept this training's “priority”. Change it, then save again."
                    .to_string(),
                None
            )
        );
        assert_eq!(
            explained("body/title must be a kind of thing we invented").0,
            "open.cx could not read the title as Training Studio sent it. Your changes are kept; \
             try again, and if it happens again, tell whoever looks after Training Studio."
        );
        assert_eq!(
            explained("body/title is odd").0,
            "The title was not accepted by open.cx. Change it, then save again."
        );
        for message in [
            "querystring/limit must be <= 100",
            "body must be object",
            "",
            "???",
        ] {
            assert_eq!(
                explained(message),
                (UNPLACED.to_string(), None),
                "{message}"
            );
        }
        let no_message = opencx::Error::Validation {
            status: 422,
            message: None,
            code: None,
        };
        assert_eq!(explain(no_message, &sent()).message(), UNPLACED);
    }

    #[test]
    fn other_errors_keep_the_client_sentence_and_no_field() {
        let err = opencx::Error::Server {
            status: 502,
            message: None,
        };
        let expected = err.to_string();
        let e = explain(err, &sent());
        assert_eq!(
            (e.kind(), e.message(), e.field()),
            (ErrorKind::Server, expected.as_str(), None)
        );
    }
}
