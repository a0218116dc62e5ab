//! "Try it on open.cx": what an editor asks ([`TryQuestion`]), what comes back ([`TryAnswer`]),
//! the test contact a workspace's tries are sent as ([`test_contact`]), the instructions open.cx
//! says its AI scanned matched to the workspace's trainings ([`scanned_trainings`]), and the
//! sentences for what can go wrong ([`try_error`]). Each try is a real conversation in the
//! workspace's inbox; the editor agrees to that once per workspace (kept in the settings file).

use opencx::{Channel, ChatAnswer, ChatContact, ScannedInstruction, Training};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorKind, StudioError};

/// The name the test contact is given.
pub const TEST_CONTACT_NAME: &str = "Training Studio test";

/// What the editor agrees to before the first try in a workspace.
pub const CONSENT_SENTENCE: &str = "This creates a real conversation in this workspace's inbox.";

/// How many characters of an unknown instruction's text stand in for its title.
const EXCERPT_CHARS: usize = 60;

/// A customer message to send to the workspace's live AI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TryQuestion {
    pub message: String,
    pub channel: Channel,
    /// Who to send it as; `None`: the workspace's test contact ([`test_contact`]).
    pub contact: Option<TestContact>,
}

/// A contact to send a try as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TestContact {
    pub name: String,
    pub email: String,
}

/// What open.cx's AI answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TryAnswer {
    /// The answer as open.cx gave it (shown as plain text).
    pub answer: String,
    /// Whether the conversation was handed to a person; `null` when open.cx did not say.
    pub handed_off: Option<bool>,
    /// The instructions its AI scanned, in open.cx's order; `null` when open.cx did not say.
    pub scanned: Option<Vec<ScannedTraining>>,
    /// The email of the contact the conversation is with, to find it in the inbox.
    pub contact_email: String,
    /// The channel the conversation was opened on: the one asked for, or API when open.cx
    /// did not take a conversation on that one.
    pub channel: Channel,
}

/// One instruction open.cx's AI scanned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ScannedTraining {
    /// The workspace's training it is, when it is one of those loaded.
    pub training_id: Option<String>,
    /// That training's title; otherwise the title open.cx gave, or the start of its text.
    pub title: String,
}

/// The workspace's test contact: [`TEST_CONTACT_NAME`] with an email of its own on the
/// reserved `example.com` domain, the same every time for the same workspace.
pub fn test_contact(workspace_id: &str) -> TestContact {
    let tag: String = workspace_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    TestContact {
        name: TEST_CONTACT_NAME.to_owned(),
        email: format!("training-studio-test+{tag}@example.com"),
    }
}

impl From<&TestContact> for ChatContact {
    fn from(contact: &TestContact) -> Self {
        ChatContact {
            email: Some(contact.email.clone()),
            name: Some(contact.name.clone()),
            phone_number: None,
        }
    }
}

/// The start of `text` on one line, cut at [`EXCERPT_CHARS`] characters.
fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT_CHARS {
        return line;
    }
    let cut: String = line.chars().take(EXCERPT_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// One scanned instruction as the editor is shown it: the training with its id, else the one
/// whose live text is its text, else what open.cx said about it.
fn scanned_training<'a>(
    scanned: &ScannedInstruction,
    trainings: impl Iterator<Item = &'a Training> + Clone,
) -> ScannedTraining {
    let mut all = trainings;
    let by_id = scanned
        .id
        .as_deref()
        .and_then(|id| all.clone().find(|t| t.id == id));
    let found = by_id.or_else(|| {
        let content = scanned.content.trim();
        (!content.is_empty())
            .then(|| all.find(|t| t.content.trim() == content))
            .flatten()
    });
    match found {
        Some(training) => ScannedTraining {
            training_id: Some(training.id.clone()),
            title: training.title.clone(),
        },
        None => ScannedTraining {
            training_id: None,
            title: scanned
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .or_else(|| (!scanned.content.trim().is_empty()).then(|| excerpt(&scanned.content)))
                .unwrap_or_else(|| "An instruction open.cx did not name".to_owned()),
        },
    }
}

/// The scanned instructions of `answer` matched to `trainings` (`None` when open.cx gave none).
pub fn scanned_trainings<'a>(
    answer: &ChatAnswer,
    trainings: impl Iterator<Item = &'a Training> + Clone,
) -> Option<Vec<ScannedTraining>> {
    answer.scanned.as_ref().map(|list| {
        list.iter()
            .map(|s| scanned_training(s, trainings.clone()))
            .collect()
    })
}

/// Whether open.cx refused to open a conversation on the channel asked for (its validation
/// answer names the channel), so the try can go out as an API conversation, the one channel
/// its docs show for sessions.
pub fn channel_refused(error: &opencx::Error) -> bool {
    error.kind() == opencx::ErrorKind::Validation
        && error
            .server_message()
            .is_some_and(|m| m.to_ascii_lowercase().contains("channel"))
}

/// A failed try in words for the editor: a key without the chat-sessions scope and a
/// workspace without chat sessions say so; the rest as the client says it.
pub fn try_error(error: opencx::Error) -> StudioError {
    match error.kind() {
        opencx::ErrorKind::Forbidden => StudioError::new(
            ErrorKind::Forbidden,
            "This workspace's API key may not start conversations (it has no chat-sessions \
             scope), so questions cannot be tried on open.cx. Add a key with chat-sessions \
             access in open.cx under Settings → Access and sign in with it.",
        ),
        opencx::ErrorKind::Unsupported => StudioError::new(
            ErrorKind::Unsupported,
            "This open.cx workspace does not offer chat sessions through its API, so questions \
             cannot be tried here. \"What will the AI see?\" still shows what would likely apply.",
        ),
        _ => error.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn training(id: &str, title: &str, content: &str) -> Training {
        Training {
            title: title.into(),
            content: content.into(),
            draft_title: Some(format!("{title} (draft)")),
            ..crate::test_support::training(id)
        }
    }

    fn scanned(id: Option<&str>, title: Option<&str>, content: &str) -> ScannedInstruction {
        ScannedInstruction {
            id: id.map(String::from),
            title: title.map(String::from),
            content: content.to_owned(),
        }
    }

    #[test]
    fn scanned_instructions_are_matched_by_id_then_by_live_text() {
        let list = [
            training("t1", "Refunds", "Refunds take 5 days."),
            training("t2", "Tone", "Be kind."),
        ];
        let answer = ChatAnswer {
            text: "x".into(),
            handed_off: Some(false),
            scanned: Some(vec![
                scanned(Some("t1"), Some("Old title"), ""),
                scanned(None, None, " Be kind.\n"),
                scanned(Some("gone"), Some("Deleted one"), "whatever"),
                scanned(None, None, &"long words ".repeat(20)),
                scanned(None, None, ""),
            ]),
        };
        let found = scanned_trainings(&answer, list.iter()).unwrap();
        let shown: Vec<(Option<&str>, &str)> = found
            .iter()
            .map(|s| (s.training_id.as_deref(), s.title.as_str()))
            .collect();
        assert_eq!(
            shown[0],
            (Some("t1"), "Refunds"),
            "the live title from the workspace"
        );
        assert_eq!(shown[1], (Some("t2"), "Tone"));
        assert_eq!(shown[2], (None, "Deleted one"));
        assert!(shown[3].1.ends_with('…') && shown[3].1.chars().count() <= EXCERPT_CHARS + 1);
        assert_eq!(shown[4], (None, "An instruction open.cx did not name"));
        let silent = ChatAnswer {
            scanned: None,
            ..answer
        };
        assert_eq!(scanned_trainings(&silent, list.iter()), None);
    }

    #[test]
    fn the_test_contact_is_stable_per_workspace_and_on_a_reserved_domain() {
        let a = test_contact("0F3A-demo/../x");
        assert_eq!(a, test_contact("0F3A-demo/../x"));
        assert_eq!(a.email, "training-studio-test+0f3a-demox@example.com");
        assert_eq!(a.name, TEST_CONTACT_NAME);
        assert_ne!(test_contact("demo").email, test_contact("other").email);
    }

    #[test]
    fn only_a_refusal_naming_the_channel_is_a_refused_channel() {
        let refusal = |message: &str| opencx::Error::Validation {
            status: 400,
            message: Some(message.into()),
            code: None,
        };
        assert!(channel_refused(&refusal(
            "body/channel/type must be equal to one of the allowed values"
        )));
        assert!(!channel_refused(&refusal("body/contact must be object")));
        assert!(!channel_refused(&opencx::Error::Server {
            status: 500,
            message: Some("channel down".into())
        }));
    }

    #[test]
    fn a_key_without_the_scope_and_a_workspace_without_the_routes_say_so() {
        let forbidden = try_error(opencx::Error::Forbidden {
            scope: "chat-sessions:write",
            message: None,
        });
        assert_eq!(forbidden.kind(), ErrorKind::Forbidden);
        assert!(forbidden.message().contains("no chat-sessions scope"));
        let unsupported = try_error(opencx::Error::Unsupported {
            feature: "chat sessions",
            message: None,
        });
        assert_eq!(unsupported.kind(), ErrorKind::Unsupported);
        let late = try_error(opencx::Error::NoAnswer {
            after: std::time::Duration::from_secs(30),
        });
        assert_eq!(late.kind(), ErrorKind::Timeout);
        assert!(late.message().contains("inbox"));
    }
}
