//! Where example questions are kept (`examples.rs`): one file per workspace on this computer,
//! `<data dir>/examples/<workspace id>/questions.json`, written atomically (`atomic_file`),
//! never sent to open.cx. The file has a format version ([`FORMAT_VERSION`]); a missing file
//! means no questions yet. A file that cannot be read is never overwritten: it is renamed aside
//! (`questions.unreadable-<time>.json`, beside it) and the error says where, so nothing is lost;
//! a file of a newer format is left exactly where it is and nothing is written over it.
//!
//! Export writes the questions alone (no results) to a file the editor chose; import reads such a
//! file, checks every question (with the question's number in the file when one is wrong),
//! and merges them by id into the workspace's questions.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::atomic_file::{self, encode};
use crate::error::{ErrorKind, Result, StudioError};
use crate::examples::{CheckResult, ExampleQuestion};

/// The folder inside the app data dir.
pub const EXAMPLES_DIR: &str = "examples";

/// The format of the file this version writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The largest file import reads: far more than any list of questions needs.
const LARGEST_IMPORT: u64 = 5 * 1024 * 1024;

/// A workspace's questions and the last results of "Run checks".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExampleBook {
    pub questions: Vec<ExampleQuestion>,
    /// The last result of each question's check, by question id.
    pub results: BTreeMap<String, CheckResult>,
}

/// The file: the book with its format version (an export has no results).
#[derive(Serialize, Deserialize)]
struct ExamplesFile {
    version: u32,
    questions: Vec<ExampleQuestion>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    results: BTreeMap<String, CheckResult>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Questions of trainings the workspace does not have (kept, not checked).
    pub without_training: u32,
    /// All of it in plain words.
    pub sentence: String,
    pub book: ExampleBook,
}

/// The example questions of one app data dir, one workspace file each.
#[derive(Clone)]
pub(crate) struct ExampleStore {
    root: PathBuf,
    /// Held around every read-change-write: one change at a time.
    lock: Arc<Mutex<()>>,
}

impl ExampleStore {
    pub(crate) fn in_dir(data_dir: &Path) -> Self {
        ExampleStore {
            root: data_dir.join(EXAMPLES_DIR),
            lock: Arc::default(),
        }
    }

    fn folder(&self, workspace_id: &str) -> PathBuf {
        self.root.join(encode(workspace_id))
    }

    fn path(&self, workspace_id: &str) -> PathBuf {
        self.folder(workspace_id).join("questions.json")
    }

    /// The workspace's questions and last results; none when nothing is kept yet.
    pub(crate) fn load(&self, workspace_id: &str) -> Result<ExampleBook> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.read(workspace_id)
    }

    /// Changes the workspace's book with `change` and keeps it; answers the book as kept.
    pub(crate) fn change(
        &self,
        workspace_id: &str,
        change: impl FnOnce(&mut ExampleBook) -> Result<()>,
    ) -> Result<ExampleBook> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut book = self.read(workspace_id)?;
        change(&mut book)?;
        self.write(workspace_id, &book)?;
        Ok(book)
    }

    /// Removes everything kept for the workspace (at sign-out, when asked), files set aside too.
    pub(crate) fn forget_workspace(&self, workspace_id: &str) -> std::io::Result<()> {
        let _one_at_a_time = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        atomic_file::remove_all(&self.folder(workspace_id))
    }

    fn read(&self, workspace_id: &str) -> Result<ExampleBook> {
        let path = self.path(workspace_id);
        let bytes = atomic_file::read_if_exists(&path).map_err(|e| {
            StudioError::new(
                ErrorKind::Io,
                format!(
                    "Training Studio could not read the example questions kept on this computer \
                     ({}): {e}.",
                    path.display()
                ),
            )
        })?;
        let Some(bytes) = bytes else {
            return Ok(ExampleBook::default());
        };
        match parse(&bytes) {
            Ok(file) => Ok(ExampleBook {
                questions: file.questions,
                results: file.results,
            }),
            Err(Unreadable::Newer(version)) => Err(newer_format(version)),
            Err(Unreadable::Damaged(problem)) => Err(self.set_aside(&path, &problem)),
        }
    }

    /// Renames a damaged file aside (never overwritten, never deleted) and says where it is.
    fn set_aside(&self, path: &Path, problem: &str) -> StudioError {
        let stamp = Utc::now().format("%Y%m%d-%H%M%S%.3f");
        let aside = path.with_file_name(format!("questions.unreadable-{stamp}.json"));
        match std::fs::rename(path, &aside) {
            Ok(()) => {
                tracing::warn!(file = %aside.display(), %problem, "example questions set aside");
                StudioError::new(
                    ErrorKind::Io,
                    format!(
                        "The example questions kept on this computer could not be read \
                         ({problem}). Nothing is lost: the file was set aside as {}. The list \
                         starts empty; questions added now are kept as usual.",
                        aside.display()
                    ),
                )
            }
            Err(e) => StudioError::new(
                ErrorKind::Io,
                format!(
                    "The example questions kept on this computer could not be read ({problem}), \
                     and the file could not be set aside ({e}). It stays as it is at {}; nothing \
                     is written over it.",
                    path.display()
                ),
            ),
        }
    }

    fn write(&self, workspace_id: &str, book: &ExampleBook) -> Result<()> {
        let path = self.path(workspace_id);
        let file = ExamplesFile {
            version: FORMAT_VERSION,
            questions: book.questions.clone(),
            results: book.results.clone(),
        };
        write_json(&path, &file).map_err(|e| {
            StudioError::new(
                ErrorKind::Io,
                format!(
                    "Training Studio could not keep the example questions on this computer \
                     ({}): {e}.",
                    path.display()
                ),
            )
        })
    }
}

fn write_json(path: &Path, file: &ExamplesFile) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(file).map_err(std::io::Error::other)?;
    atomic_file::write(path, &json)
}

enum Unreadable {
    /// A format this version does not know.
    Newer(u64),
    /// Not a file of example questions; the problem in words.
    Damaged(String),
}

fn parse(bytes: &[u8]) -> std::result::Result<ExamplesFile, Unreadable> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    match value.get("version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(FORMAT_VERSION) => {
            return Err(Unreadable::Newer(version))
        }
        Some(_) => {}
        None => return Err(Unreadable::Damaged("it has no format version".into())),
    }
    serde_json::from_value(value).map_err(|e| Unreadable::Damaged(e.to_string()))
}

fn newer_format(version: u64) -> StudioError {
    StudioError::new(
        ErrorKind::Unsupported,
        format!(
            "These example questions were written by a newer Training Studio (format {version}; \
             this one reads format {FORMAT_VERSION}). Update Training Studio to use them; the \
             file is left as it is."
        ),
    )
}

/// Writes the questions of `book` (no results) to `path`, a file the editor chose.
pub(crate) fn export(path: &Path, book: &ExampleBook) -> Result<()> {
    let file = ExamplesFile {
        version: FORMAT_VERSION,
        questions: book.questions.clone(),
        results: BTreeMap::new(),
    };
    write_json(path, &file).map_err(|e| {
        StudioError::new(
            ErrorKind::Io,
            format!(
                "Training Studio could not write the example questions to {}: {e}. Choose \
                 another place.",
                path.display()
            ),
        )
    })
}

/// The questions of an exported file at `path`, each checked; an error names what is wrong and,
/// for one question, its number in the file.
pub(crate) fn read_export(path: &Path) -> Result<Vec<ExampleQuestion>> {
    let refused = |why: String| StudioError::invalid_input(format!("Nothing was imported: {why}"));
    let size = std::fs::metadata(path)
        .map_err(|e| refused(format!("the file could not be read ({e}).")))?
        .len();
    if size > LARGEST_IMPORT {
        return Err(refused(
            "the file is too large to be exported example questions.".into(),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| refused(format!("the file could not be read ({e}).")))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        refused(format!(
            "the file is not JSON ({e}). Choose a file exported from Training Studio's example \
             questions."
        ))
    })?;
    let version = value.get("version").and_then(Value::as_u64);
    match version {
        None => {
            return Err(refused(
                "the file has no format version, so it is not an export of example questions. \
                 Choose a file exported from Training Studio."
                    .into(),
            ))
        }
        Some(v) if v > u64::from(FORMAT_VERSION) => return Err(newer_format(v)),
        Some(_) => {}
    }
    let Some(items) = value.get("questions").and_then(Value::as_array) else {
        return Err(refused("the file has no list of questions.".into()));
    };
    let mut seen = HashSet::new();
    let mut questions = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let number = n + 1;
        let question: ExampleQuestion = serde_json::from_value(item.clone()).map_err(|e| {
            refused(format!(
                "question {number} in the file cannot be read ({e})."
            ))
        })?;
        if question.id.trim().is_empty() || question.training_id.trim().is_empty() {
            return Err(refused(format!(
                "question {number} in the file has no id or no training."
            )));
        }
        if !seen.insert(question.id.clone()) {
            return Err(refused(format!(
                "question {number} in the file has the same id as an earlier one ({}).",
                question.id
            )));
        }
        let question = question
            .checked()
            .map_err(|e| refused(format!("question {number} in the file: {}", e.message())))?;
        questions.push(question);
    }
    Ok(questions)
}

/// "1 example question", "3 example questions".
fn questions(n: u32) -> String {
    match n {
        1 => "1 example question".into(),
        n => format!("{n} example questions"),
    }
}

/// Merges `incoming` into `book` by question id; `known` tells whether a training is in the
/// workspace. An updated question's last result goes: it is no longer the same question.
pub(crate) fn merge(
    book: &mut ExampleBook,
    incoming: Vec<ExampleQuestion>,
    known: impl Fn(&str) -> bool,
) -> ImportSummary {
    let (mut added, mut updated, mut unchanged, mut without_training) = (0, 0, 0, 0);
    for question in incoming {
        if !known(&question.training_id) {
            without_training += 1;
        }
        match book.questions.iter_mut().find(|q| q.id == question.id) {
            Some(kept) if *kept == question => unchanged += 1,
            Some(kept) => {
                book.results.remove(&question.id);
                *kept = question;
                updated += 1;
            }
            None => {
                book.questions.push(question);
                added += 1;
            }
        }
    }
    let total = added + updated + unchanged;
    let mut sentence = format!(
        "Imported {}: {added} new, {updated} updated, {unchanged} unchanged.",
        questions(total)
    );
    match without_training {
        0 => {}
        1 => sentence.push_str(
            " 1 belongs to a training this workspace does not have: it is kept, and checked once \
             that training is here.",
        ),
        n => sentence.push_str(&format!(
            " {n} belong to trainings this workspace does not have: they are kept, and checked \
             once those trainings are here."
        )),
    }
    ImportSummary {
        added,
        updated,
        unchanged,
        without_training,
        sentence,
        book: book.clone(),
    }
}

#[cfg(test)]
mod tests {
    use opencx::Channel;

    use super::*;
    use crate::examples::ExampleCheck;

    fn question(id: &str, words: &str) -> ExampleQuestion {
        ExampleQuestion {
            id: id.into(),
            training_id: "late".into(),
            question: words.into(),
            channel: Channel::Whatsapp,
            segment_ids: vec!["vip".into()],
            check: ExampleCheck::DoesNotUse {
                training_id: "refund".into(),
            },
        }
    }

    fn result(id: &str) -> CheckResult {
        CheckResult {
            question_id: id.into(),
            training_id: "late".into(),
            training_title: "Late deliveries".into(),
            question: "Where is my parcel?".into(),
            passed: true,
            sentence: "“Late deliveries” is the 1st likely match.".into(),
            checked_at: Utc::now(),
        }
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_missing_file_is_no_questions_and_a_book_round_trips_per_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let store = ExampleStore::in_dir(dir.path());
        assert_eq!(store.load("w1").unwrap(), ExampleBook::default());
        let kept = store
            .change("w1", |book| {
                book.questions.push(question("q1", "Where is my parcel?"));
                book.results.insert("q1".into(), result("q1"));
                Ok(())
            })
            .unwrap();
        assert_eq!(store.load("w1").unwrap(), kept);
        assert!(store.load("w2").unwrap().questions.is_empty());
        let text = std::fs::read_to_string(dir.path().join("examples/w1/questions.json")).unwrap();
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["questions"][0]["channel"], "whatsapp");
        // A refused change writes nothing.
        let refused = store.change("w1", |book| {
            book.questions.clear();
            Err(StudioError::invalid_input("no"))
        });
        assert!(refused.is_err());
        assert_eq!(store.load("w1").unwrap(), kept);
        store.forget_workspace("w1").unwrap();
        assert!(!dir.path().join("examples/w1").exists());
        assert!(store.load("w1").unwrap().questions.is_empty());
    }

    #[test]
    fn a_damaged_file_is_set_aside_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = ExampleStore::in_dir(dir.path());
        let folder = dir.path().join("examples/w1");
        std::fs::create_dir_all(&folder).unwrap();
        let damaged = b"{\"version\": 1, \"questions\": [{\"id\": \"q1\", \"quest";
        std::fs::write(folder.join("questions.json"), damaged).unwrap();
        let err = store.load("w1").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.message().contains("Nothing is lost"), "{err}");
        let names = files_in(&folder);
        assert_eq!(names.len(), 1);
        assert!(names[0].starts_with("questions.unreadable-"), "{names:?}");
        assert_eq!(std::fs::read(folder.join(&names[0])).unwrap(), damaged);
        assert!(err.message().contains(&names[0]));
        // The list starts again; the set-aside file stays beside it.
        store
            .change("w1", |book| {
                book.questions.push(question("q2", "Refund?"));
                Ok(())
            })
            .unwrap();
        assert_eq!(files_in(&folder).len(), 2);
        // Sign-out's removal takes the set-aside file too.
        store.forget_workspace("w1").unwrap();
        assert!(!folder.exists());
    }

    #[test]
    fn a_newer_format_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let store = ExampleStore::in_dir(dir.path());
        let path = dir.path().join("examples/w1/questions.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let newer = br#"{"version": 2, "questions": [], "tags": {}}"#;
        std::fs::write(&path, newer).unwrap();
        let err = store.load("w1").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unsupported);
        assert!(err.message().contains("newer Training Studio"));
        assert!(store.change("w1", |_| Ok(())).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), newer);
    }

    #[test]
    fn an_export_holds_the_questions_alone_and_imports_back_merged_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let mut book = ExampleBook::default();
        book.questions.push(question("q1", "Where is my parcel?"));
        book.questions.push(question("q2", "My parcel is late"));
        book.results.insert("q1".into(), result("q1"));
        let path = dir.path().join("chosen/examples.json");
        export(&path, &book).unwrap();
        let json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert!(json.get("results").is_none());
        let read = read_export(&path).unwrap();
        assert_eq!(read, book.questions);

        let mut here = ExampleBook::default();
        here.questions.push(question("q1", "Where is my parcel?"));
        here.questions.push(question("q2", "Old words"));
        here.results.insert("q2".into(), result("q2"));
        let mut incoming = read;
        let mut other = question("q3", "Can I pay by card?");
        other.training_id = "gone".into();
        incoming.push(other);
        let summary = merge(&mut here, incoming, |id| id == "late");
        assert_eq!(
            (
                summary.added,
                summary.updated,
                summary.unchanged,
                summary.without_training
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(
            summary.sentence,
            "Imported 3 example questions: 1 new, 1 updated, 1 unchanged. 1 belongs to a \
             training this workspace does not have: it is kept, and checked once that training \
             is here."
        );
        assert_eq!(here.questions[1].question, "My parcel is late");
        assert!(
            here.results.is_empty(),
            "the updated question's result goes"
        );
        assert_eq!(summary.book, here);
    }

    fn import_error(dir: &Path, text: &str) -> String {
        let path = dir.join("in.json");
        std::fs::write(&path, text).unwrap();
        let err = read_export(&path).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.message().starts_with("Nothing was imported: "), "{err}");
        err.message().to_owned()
    }

    #[test]
    fn an_import_names_what_is_wrong_and_imports_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        assert!(import_error(dir, "not json").contains("is not JSON"));
        assert!(import_error(dir, r#"{"questions": []}"#).contains("no format version"));
        assert!(import_error(dir, r#"{"version": 1}"#).contains("no list of questions"));
        let ok = r#"{"id": "q1", "training_id": "late", "question": "Late?", "check": {"kind": "uses_this_training"}}"#;
        let message = import_error(
            dir,
            &format!(
                r#"{{"version": 1, "questions": [{ok}, {{"id": "q2", "training_id": "late", "question": "Late?", "check": {{"kind": "sometimes"}}}}]}}"#
            ),
        );
        assert!(
            message.contains("question 2 in the file cannot be read"),
            "{message}"
        );
        let message = import_error(
            dir,
            &format!(r#"{{"version": 1, "questions": [{ok}, {ok}]}}"#),
        );
        assert!(
            message.contains("question 2 in the file has the same id"),
            "{message}"
        );
        let blank = r#"{"id": "q1", "training_id": "late", "question": "  ", "check": {"kind": "uses_this_training"}}"#;
        let message = import_error(dir, &format!(r#"{{"version": 1, "questions": [{blank}]}}"#));
        assert!(
            message.contains("question 1 in the file: Write the customer's question"),
            "{message}"
        );
        let fax = r#"{"id": "q1", "training_id": "late", "question": "Late?", "channel": "fax", "check": {"kind": "uses_this_training"}}"#;
        let message = import_error(dir, &format!(r#"{{"version": 1, "questions": [{fax}]}}"#));
        assert!(message.contains("“fax”"), "{message}");
        let path = dir.join("newer.json");
        std::fs::write(&path, r#"{"version": 7, "questions": []}"#).unwrap();
        assert_eq!(
            read_export(&path).unwrap_err().kind(),
            ErrorKind::Unsupported
        );
    }
}
