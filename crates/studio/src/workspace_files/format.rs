//! One training as a markdown file with TOML front matter ([`TrainingFile`]), and the folder's
//! workspace file ([`WorkspaceFile`]): how each is written and read back.
//!
//! A training file opens with a `+++` line, the front matter in TOML, another `+++` line, and
//! then the text, byte for byte (whatever it holds: colons, quotes, `---` or `+++` lines,
//! emoji, right-to-left text). TOML rather than YAML because its strings are always strings (a
//! title "no", "1.0" or "null" stays what it is, where YAML 1.1 readers turn it into a
//! boolean, a number or nothing) and `toml` is already in the app's dependency tree (Tauri's
//! config); `+++` is the usual fence of TOML front matter (Hugo, Zola).
//!
//! The title and the text are what the editor sees in the app: an unpublished draft's when
//! there is one. Then `state` says so and the `[live]` table keeps the text the AI agent uses
//! now, for reference. Reading finds the closing fence as the first `+++` line before which
//! the front matter reads as TOML (a `+++` line inside a multi-line string is not one).

use chrono::{DateTime, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::vocabulary::{type_label, PublicationState, TRAINING_TYPES};

/// The fence around the front matter.
const FENCE: &str = "+++";

/// What every training file says first, for a person opening it.
const HEADER: &str = "\
# A training exported by Training Studio. Change the title, the settings or the text below the
# closing +++, then import the folder. channels = [] and segments = [] mean all of them.
# type: \"When asked\" or \"Always on\". The file's folder is the training's directory.
";

/// Said when the title and text are an unpublished draft.
const DRAFT_NOTE: &str = "\
# UNPUBLISHED DRAFT: the title and the text below are saved but not published; the AI agent
# uses the [live] version until they are published.
";

/// The front matter of a training file, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingFile {
    /// open.cx's id; a file written by hand has none (importing it creates a training).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    #[serde(rename = "type", default, with = "type_words")]
    pub training_type: TrainingType,
    /// The publication state when exported, in the app's words (for reading; import does not
    /// change it: it saves drafts, or publishes when asked to).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state: String,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_start: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_end: Option<DateTime<Utc>>,
    /// open.cx's `updated_at` when exported: a training changed on open.cx since then is not
    /// overwritten by an import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub segments: Vec<SegmentRef>,
    /// The live version, when the title and text are an unpublished draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub live: Option<LiveText>,
    /// The text after the front matter.
    #[serde(skip)]
    pub content: String,
}

/// A segment by id, with its name (to read, and to match it in another workspace).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentRef {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// The title and text the AI agent uses while an unpublished draft waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiveText {
    pub title: String,
    pub content: String,
}

/// The folder's `workspace.toml`: where the files came from, and the names of its directories
/// (with the folder each is in) and segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    /// The version of this layout.
    pub format: u32,
    pub workspace: String,
    pub workspace_id: String,
    /// The directory exported when only one was (its id); deletions on import stay inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_directory: Option<String>,
    #[serde(default)]
    pub directories: Vec<DirectoryRef>,
    #[serde(default)]
    pub segments: Vec<SegmentRef>,
}

/// A directory and the folder its trainings are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryRef {
    pub folder: String,
    pub id: String,
    pub name: String,
}

/// The version of the folder layout written now.
pub const FORMAT: u32 = 1;

/// What the workspace file says first.
const WORKSPACE_HEADER: &str = "\
# The workspace these trainings were exported from by Training Studio: its directories (each
# in the folder named here) and segments, by id and name. Importing into another workspace
# matches directories and segments by name.
";

impl TrainingFile {
    /// The file of `training`, its segments named from `segments` (an unknown one by its id).
    pub fn of(training: &Training, segments: &[Segment]) -> Self {
        let state = PublicationState::of(training);
        let live = training.has_unpublished_changes().then(|| LiveText {
            title: training.title.clone(),
            content: training.content.clone(),
        });
        TrainingFile {
            id: Some(training.id.clone()),
            title: training.shown_title().to_owned(),
            training_type: training.training_type,
            state: state.label().to_owned(),
            channels: training.restricted_to_channels.clone(),
            window_start: training.start_time,
            window_end: training.end_time,
            updated_at: Some(training.updated_at),
            segments: training
                .restricted_to_segments
                .iter()
                .map(|id| SegmentRef {
                    id: id.clone(),
                    name: segments
                        .iter()
                        .find(|s| &s.id == id)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            live,
            content: training.shown_content().to_owned(),
        }
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let front = toml::to_string(self).unwrap_or_else(|e| {
            // Every field is a string, a list or a table of them: TOML can write it.
            unreachable!("a training's front matter is always TOML: {e}")
        });
        let note = if self.live.is_some() { DRAFT_NOTE } else { "" };
        let mut text = String::with_capacity(front.len() + self.content.len() + 400);
        text.push_str(FENCE);
        text.push('\n');
        text.push_str(HEADER);
        text.push_str(note);
        text.push_str(&front);
        if !front.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(FENCE);
        text.push('\n');
        text.push_str(&self.content);
        text
    }

    /// Reads a file's text; the error says what is wrong in words an editor can act on.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Some(rest) = text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("+++\r\n"))
        else {
            return Err("it does not start with a +++ line (the settings above the text)".into());
        };
        let mut first_error = None;
        let mut at = 0;
        for line in rest.split_inclusive('\n') {
            let start = at;
            at += line.len();
            if line.trim_end_matches(['\n', '\r']) != FENCE {
                continue;
            }
            match toml::from_str::<TrainingFile>(&rest[..start]) {
                Ok(mut file) => {
                    file.content = rest[at..].to_owned();
                    return file.checked();
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(match first_error {
            Some(e) => format!(
                "its settings between the +++ lines cannot be read: {}",
                e.message()
            ),
            None => "the +++ line that ends the settings above the text is missing".into(),
        })
    }

    fn checked(self) -> Result<Self, String> {
        if self.id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err("its id is empty: remove the line to create a new training".into());
        }
        if let Some(Channel::Other(unknown)) = self
            .channels
            .iter()
            .find(|c| matches!(c, Channel::Other(_)))
        {
            let known: Vec<&str> = Channel::KNOWN.iter().map(Channel::as_str).collect();
            return Err(format!(
                "“{unknown}” is not a channel; use {}",
                known.join(", ")
            ));
        }
        Ok(self)
    }
}

impl WorkspaceFile {
    pub fn render(&self) -> String {
        let body = toml::to_string(self)
            .unwrap_or_else(|e| unreachable!("the workspace file is always TOML: {e}"));
        format!("{WORKSPACE_HEADER}{body}")
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: WorkspaceFile = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        if file.format > FORMAT {
            return Err(format!(
                "it was written by a newer Training Studio (format {}); update the app",
                file.format
            ));
        }
        Ok(file)
    }
}

/// The training type as the app names it ("When asked", "Always on"); the wire names are read
/// too, any case.
mod type_words {
    use super::*;

    pub fn serialize<S: Serializer>(t: &TrainingType, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(type_label(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<TrainingType, D::Error> {
        let word = String::deserialize(d)?;
        TRAINING_TYPES
            .into_iter()
            .find(|t| {
                type_label(*t).eq_ignore_ascii_case(word.trim())
                    || t.as_str().eq_ignore_ascii_case(word.trim())
            })
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "type “{word}” is not one of “When asked”, “Always on”"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::test_support::training;

    fn segment(id: &str, name: &str) -> Segment {
        serde_json::from_value(serde_json::json!({"id": id, "name": name})).unwrap()
    }

    #[test]
    fn a_training_reads_back_as_written_and_reads_like_a_page() {
        let mut t = training("t1");
        t.title = "Returns: \"30 days\" --- no 'questions'".into();
        t.content = "---\ntitle: fake\n---\n+++\nمرحبا 👋 bonjour\n".into();
        t.restricted_to_channels = vec![Channel::Email, Channel::PhoneVoice];
        t.restricted_to_segments = vec!["s1".into(), "gone".into()];
        let file = TrainingFile::of(&t, &[segment("s1", "VIP customers")]);
        let text = file.render();
        assert!(text.starts_with("+++\n# A training exported by Training Studio."));
        assert!(text.contains("type = \"When asked\""), "{text}");
        assert!(text.contains("state = \"Live\""), "{text}");
        assert!(text.contains("name = \"VIP customers\""), "{text}");
        assert!(text.ends_with("\n+++\n---\ntitle: fake\n---\n+++\nمرحبا 👋 bonjour\n"));
        assert_eq!(TrainingFile::parse(&text).unwrap(), file);
    }

    #[test]
    fn an_unpublished_draft_is_marked_and_keeps_the_live_text() {
        let mut t = training("t1");
        t.draft_title = Some("New title".into());
        t.draft_content = Some("New text".into());
        let file = TrainingFile::of(&t, &[]);
        let text = file.render();
        assert!(text.contains("# UNPUBLISHED DRAFT"), "{text}");
        assert!(text.contains("[live]"), "{text}");
        assert!(text.ends_with("+++\nNew text"));
        assert_eq!(file.title, "New title");
        assert_eq!(TrainingFile::parse(&text).unwrap(), file);
    }

    #[test]
    fn a_hand_written_file_needs_little_and_bad_ones_say_why() {
        let file = TrainingFile::parse("+++\ntitle = \"Hi\"\ntype = \"always on\"\n+++\nBe kind.")
            .unwrap();
        assert_eq!(file.id, None);
        assert_eq!(file.training_type, TrainingType::Behavioral);
        assert_eq!(file.content, "Be kind.");
        let windows = TrainingFile::parse("\u{feff}+++\r\ntitle = \"Hi\"\r\n+++\r\nText").unwrap();
        assert_eq!(windows.content, "Text");
        for (text, says) in [
            ("title = \"x\"", "does not start with a +++"),
            ("+++\ntitle = \"x\"\n", "is missing"),
            ("+++\ntitel = \"x\"\n+++\n", "cannot be read"),
            (
                "+++\ntitle = \"x\"\ntype = \"Sometimes\"\n+++\n",
                "When asked",
            ),
            (
                "+++\ntitle = \"x\"\nchannels = [\"fax\"]\n+++\n",
                "“fax” is not a channel",
            ),
            ("+++\nid = \" \"\ntitle = \"x\"\n+++\n", "id is empty"),
        ] {
            let err = TrainingFile::parse(text).unwrap_err();
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }

    #[test]
    fn the_workspace_file_reads_back() {
        let file = WorkspaceFile {
            format: FORMAT,
            workspace: "Support \"EU\"".into(),
            workspace_id: "w1".into(),
            only_directory: None,
            directories: vec![DirectoryRef {
                folder: "Returns".into(),
                id: "d1".into(),
                name: "Returns".into(),
            }],
            segments: vec![SegmentRef {
                id: "s1".into(),
                name: "VIP".into(),
            }],
        };
        assert_eq!(WorkspaceFile::parse(&file.render()).unwrap(), file);
        let newer = file.render().replace("format = 1", "format = 9");
        assert!(WorkspaceFile::parse(&newer).unwrap_err().contains("newer"));
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            // Lines that look like fences, front matter, TOML and markdown.
            proptest::collection::vec(
                prop_oneof![
                    Just("+++".to_owned()),
                    Just("---".to_owned()),
                    Just("\"\"\"".to_owned()),
                    Just("'''".to_owned()),
                    Just("title = \"x\"".to_owned()),
                    Just("[live]".to_owned()),
                    Just("\r".to_owned()),
                    Just("שלום: “quoted” 🎉".to_owned()),
                    any::<String>(),
                ],
                0..6
            )
            .prop_map(|lines| lines.join("\n")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_title_and_text_read_back_exactly(
            title in any_text(),
            content in any_text(),
            draft in proptest::option::of((any_text(), any_text())),
            segment_name in any_text(),
            behavioral in any::<bool>(),
        ) {
            let mut t = training("t1");
            t.title = title.clone();
            t.content = content.clone();
            t.restricted_to_segments = vec!["s1".into()];
            if behavioral {
                t.training_type = TrainingType::Behavioral;
            }
            if let Some((draft_title, draft_content)) = draft {
                t.draft_title = Some(draft_title);
                t.draft_content = Some(draft_content);
            }
            let file = TrainingFile::of(&t, &[segment("s1", &segment_name)]);
            let back = TrainingFile::parse(&file.render());
            prop_assert_eq!(back, Ok(file));
        }
    }
}
