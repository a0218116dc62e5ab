//! Importing a folder of training files: reading it ([`read_folder`]) and comparing it with the
//! workspace as open.cx has it now ([`plan`]). The plan lists each update, move and new
//! training with its review, the trainings changed on open.cx since the export and in their
//! file too (conflicts: left as they are until the editor settles one in the conflict view,
//! [`ImportPlan::settle`]), the trainings on open.cx that have no file (deleted only when the
//! editor asks), the directory and segment names that match nothing in this workspace, and the
//! files that cannot be read. A file as it was exported (`base.rs`) of a training changed on
//! open.cx since is older, not a change: open.cx's version stays. [`ImportPlan::job`] is the
//! one bulk job that applies it.
//!
//! A file names its training by id; in another workspace (where that id is unknown) a training
//! with the same title in the same directory is the one it updates, otherwise it is created.
//! Directories and segments are matched by id, then by name. A training whose directory or
//! segments match nothing is left out and its names are said: importing it without them would
//! put it elsewhere or give it to every customer.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use opencx::{Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::conflict::{already_saved, Conflict};
use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::error::{Result, StudioError};
use crate::job_board::Seen;
use crate::jobs::{ImportItem, JobRequest};
use crate::review::{compare_drafts, review, Names, Review};
use crate::workspace::{WorkspaceData, WorkspaceSummary};

use super::base;
use super::export::{io_error, TRAINING_EXTENSION, WORKSPACE_FILE};
use super::format::{TrainingFile, WorkspaceFile};

/// A folder as read: its workspace file (if any) and each training file.
pub struct FolderContents {
    pub root: PathBuf,
    pub workspace: Option<WorkspaceFile>,
    pub files: Vec<FolderFile>,
    /// Files that could not be read at all (the workspace file included).
    pub problems: Vec<FileProblem>,
}

/// One training file: where it is (relative to the folder), the directory folder it is in
/// (`None` = the root), and what it holds.
pub struct FolderFile {
    pub path: PathBuf,
    pub folder: Option<String>,
    pub file: std::result::Result<TrainingFile, String>,
}

/// Reads `folder`: the workspace file, the `.md` files in it and in each folder inside it
/// (hidden ones such as `.git` aside), in name order.
pub fn read_folder(folder: &Path) -> Result<FolderContents> {
    if !folder.is_dir() {
        return Err(folder_missing(folder));
    }
    let mut contents = FolderContents {
        root: folder.to_owned(),
        workspace: None,
        files: Vec::new(),
        problems: Vec::new(),
    };
    let workspace_path = folder.join(WORKSPACE_FILE);
    match fs::read_to_string(&workspace_path) {
        Ok(text) => match WorkspaceFile::parse(&text) {
            Ok(file) => contents.workspace = Some(file),
            Err(why) => contents.problems.push(FileProblem {
                path: WORKSPACE_FILE.into(),
                message: format!("{WORKSPACE_FILE} cannot be read: {why}. Directories and segments are matched by name."),
            }),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(&workspace_path, &e)),
    }
    for (name, is_dir) in entries(folder)? {
        if is_dir {
            for (inner, inner_is_dir) in entries(&folder.join(&name))? {
                if !inner_is_dir && inner.ends_with(TRAINING_EXTENSION) {
                    contents.files.push(read_file(folder, Some(&name), &inner));
                }
            }
        } else if name.ends_with(TRAINING_EXTENSION) {
            contents.files.push(read_file(folder, None, &name));
        }
    }
    Ok(contents)
}

/// The names in `dir` that are not hidden, whether each is a folder, in name order.
fn entries(dir: &Path) -> Result<Vec<(String, bool)>> {
    let read = fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut names = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| io_error(dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            names.push((name, entry.path().is_dir()));
        }
    }
    names.sort();
    Ok(names)
}

fn read_file(root: &Path, folder: Option<&str>, name: &str) -> FolderFile {
    let path = folder.map_or_else(PathBuf::new, PathBuf::from).join(name);
    let file = match fs::read(root.join(&path)) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => TrainingFile::parse(&text),
            Err(_) => Err("it is not UTF-8 text; save it as UTF-8".into()),
        },
        Err(e) => Err(e.to_string()),
    };
    FolderFile {
        path,
        folder: folder.map(str::to_owned),
        file,
    }
}

/// What an import would do, for the review, and the job that does it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPlan {
    pub folder: String,
    /// The workspace the files were exported from, as its workspace file names it.
    pub exported_from: Option<String>,
    /// Whether the changes are published (otherwise saved as drafts).
    pub publish: bool,
    pub changes: Vec<PlannedChange>,
    /// Changed on open.cx since the export and in the file too: left as they are.
    pub conflicts: Vec<PlannedConflict>,
    /// On open.cx (in the exported scope) with no file: deleted only when the editor asks.
    pub missing: Vec<MissingTraining>,
    pub unmatched: Vec<UnmatchedName>,
    pub problems: Vec<FileProblem>,
    /// Files that match open.cx as it is.
    pub unchanged: u32,
    /// Files as they were exported, of trainings changed on open.cx since: open.cx's version
    /// stays (the file is older, not a change).
    pub newer_on_open_cx: u32,
    /// Titles of the conflicts settled by keeping open.cx's version (their files left out).
    pub kept_theirs: Vec<String>,
}

/// Which kind of change a file makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeKind {
    Update,
    Move,
    Create,
}

/// One change: the file, the training, what changes (as the review dialog says it), and the
/// job item that makes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedChange {
    pub path: String,
    pub kind: ChangeKind,
    pub title: String,
    pub training_id: Option<String>,
    pub review: Review,
    pub item: ImportItem,
    /// open.cx's `updated_at` when planned: a training changed since is not overwritten.
    #[ts(type = "string | null")]
    pub seen: Option<DateTime<Utc>>,
}

/// A training changed both on open.cx since the export and in its file: how open.cx's version
/// differs from the file's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedConflict {
    pub path: String,
    pub training_id: String,
    pub title: String,
    pub message: String,
    /// From open.cx's version now to the file's.
    pub review: Review,
    /// The conflict view's three versions (the exported one as the common base), when the
    /// folder keeps the exported version; without it the conflict can only be listed.
    pub conflict: Option<Conflict>,
    /// Where the file is written again once an import settles it (an export of this workspace).
    #[serde(skip)]
    #[ts(skip)]
    pub file: Option<String>,
}

/// How the editor settles an import's conflict in the conflict view: the file's version, open.cx's
/// (the file is left out), or a merge of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "choice", rename_all = "snake_case")]
#[ts(export)]
pub enum ConflictChoice {
    KeepMine,
    TakeTheirs,
    Merge { draft: TrainingDraft },
}

/// A training on open.cx that no file names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MissingTraining {
    pub id: String,
    pub title: String,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// Whether an unmatched name is a directory's or a segment's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NameKind {
    Directory,
    Segment,
}

/// A directory or segment name no directory or segment of this workspace has, and the files
/// left out because of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnmatchedName {
    pub kind: NameKind,
    pub name: String,
    pub files: Vec<String>,
}

/// A file left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FileProblem {
    pub path: String,
    pub message: String,
}

impl ImportPlan {
    /// Whether there is nothing to apply (deletions aside).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Settles the conflict of file `path` as the editor chose: the file's version or the merge
    /// joins the changes (written only while open.cx still has the version compared with),
    /// or open.cx's version stays and the file is left out.
    pub fn settle(
        &mut self,
        path: &str,
        choice: ConflictChoice,
        draft_save: DraftSave,
        names: Names<'_>,
    ) -> Result<()> {
        let gone = || {
            StudioError::invalid_input(
                "That conflict can no longer be settled in this import. Choose the folder to \
                 import again.",
            )
        };
        let at = self
            .conflicts
            .iter()
            .position(|c| c.path == path)
            .ok_or_else(gone)?;
        let Some(conflict) = self.conflicts[at].conflict.clone() else {
            return Err(gone());
        };
        let draft = match choice {
            ConflictChoice::TakeTheirs => None,
            ConflictChoice::KeepMine => Some(conflict.mine.clone()),
            ConflictChoice::Merge { draft } => {
                draft.validate()?;
                Some(draft)
            }
        };
        let settled = self.conflicts.remove(at);
        match draft {
            None => self.kept_theirs.push(settled.title),
            Some(draft) => {
                let review = review(&conflict.theirs, &draft, self.publish, draft_save, names);
                let change = update(path, &conflict.theirs, draft, review, settled.file);
                self.changes.push(change);
            }
        }
        Ok(())
    }

    /// The bulk job applying the changes, and the deletions when `delete_missing`; with the
    /// `updated_at` each training had when planned (one changed since is left as it is).
    pub fn job(&self, delete_missing: bool) -> (JobRequest, Seen) {
        let mut seen = Seen::new();
        let mut items: Vec<ImportItem> = Vec::new();
        for change in &self.changes {
            if let (Some(id), Some(at)) = (&change.training_id, change.seen) {
                seen.insert(id.clone(), at);
            }
            items.push(change.item.clone());
        }
        if delete_missing {
            for missing in &self.missing {
                seen.insert(missing.id.clone(), missing.updated_at);
                items.push(ImportItem::Delete {
                    id: missing.id.clone(),
                    title: missing.title.clone(),
                });
            }
        }
        let request = JobRequest::Import {
            items,
            publish: self.publish,
        };
        (request, seen)
    }
}

/// What the plan is made against: the workspace as open.cx has it now.
pub struct Target<'a> {
    pub data: &'a WorkspaceData,
    pub workspace: &'a WorkspaceSummary,
    pub draft_save: DraftSave,
    pub publish: bool,
}

/// Compares the folder with the workspace.
pub fn plan(contents: &FolderContents, target: &Target<'_>) -> ImportPlan {
    Planner::new(contents, target).run(contents)
}

struct Planner<'a> {
    target: &'a Target<'a>,
    names: Names<'a>,
    by_id: HashMap<&'a str, &'a Training>,
    /// Whether the folder was exported from this very workspace (files are then refreshed
    /// from open.cx's answers, so a later import compares with the new version).
    same_workspace: bool,
    from: Option<&'a WorkspaceFile>,
    root: &'a Path,
    matched: HashSet<&'a str>,
    unmatched: BTreeMap<(NameKind, String), Vec<String>>,
    plan: ImportPlan,
}

impl<'a> Planner<'a> {
    fn new(contents: &'a FolderContents, target: &'a Target<'a>) -> Self {
        let from = contents.workspace.as_ref();
        Planner {
            target,
            names: Names {
                directories: &target.data.directories,
                segments: &target.data.segments,
            },
            by_id: target
                .data
                .trainings
                .iter()
                .map(|t| (t.id.as_str(), t))
                .collect(),
            same_workspace: from.is_some_and(|w| w.workspace_id == target.workspace.id),
            from,
            root: &contents.root,
            matched: HashSet::new(),
            unmatched: BTreeMap::new(),
            plan: ImportPlan {
                folder: contents.root.display().to_string(),
                exported_from: from.map(|w| w.workspace.clone()),
                publish: target.publish,
                changes: Vec::new(),
                conflicts: Vec::new(),
                missing: Vec::new(),
                unmatched: Vec::new(),
                problems: contents.problems.clone(),
                unchanged: 0,
                newer_on_open_cx: 0,
                kept_theirs: Vec::new(),
            },
        }
    }

    fn run(mut self, contents: &'a FolderContents) -> ImportPlan {
        for file in &contents.files {
            let path = file.path.to_string_lossy().into_owned();
            match &file.file {
                Ok(training_file) => self.file(&path, file.folder.as_deref(), training_file),
                Err(why) => self.problem(&path, format!("{path} was left out: {why}.")),
            }
        }
        self.missing();
        self.plan.unmatched = self
            .unmatched
            .into_iter()
            .map(|((kind, name), files)| UnmatchedName { kind, name, files })
            .collect();
        self.plan
    }

    fn problem(&mut self, path: &str, message: String) {
        self.plan.problems.push(FileProblem {
            path: path.to_owned(),
            message,
        });
    }

    fn file(&mut self, path: &str, folder: Option<&str>, file: &TrainingFile) {
        let directory = match folder.map(|f| self.directory(f)) {
            None => Ok(None),
            Some(Ok(id)) => Ok(Some(id)),
            Some(Err(name)) => Err(name),
        };
        let training = self.training(path, file, directory.as_ref().ok());
        let Some(training) = training else { return };
        if let Some(t) = training {
            self.matched.insert(&t.id);
        }
        let segments = self.segments(file);
        let mut left_out = false;
        if let Err(name) = &directory {
            self.left_out(NameKind::Directory, name, path);
            left_out = true;
        }
        for name in segments.as_ref().err().into_iter().flatten() {
            self.left_out(NameKind::Segment, name, path);
            left_out = true;
        }
        let (Ok(directory_id), Ok(segments), false) = (directory, segments, left_out) else {
            return;
        };
        let draft = TrainingDraft {
            title: file.title.clone(),
            content: file.content.clone(),
            training_type: file.training_type,
            directory_id,
            restricted_to_channels: file.channels.clone(),
            restricted_to_segments: segments,
            start_time: file.window_start,
            end_time: file.window_end,
            window_from_training: false,
        };
        if let Err(e) = draft.validate() {
            let message = format!("{path} was left out: {}", e.message());
            return self.problem(path, message);
        }
        match training {
            Some(server) => self.change(path, file, server, draft),
            None => self.create(path, draft),
        }
    }

    /// The training `file` is about: by its id, else (in another workspace) the one with its
    /// title in its directory (`directory_id`, `None` when its folder matched no directory);
    /// `Some(None)` = a new one; `None` = the file is left out (its id is another file's).
    fn training(
        &mut self,
        path: &str,
        file: &TrainingFile,
        directory_id: Option<&Option<String>>,
    ) -> Option<Option<&'a Training>> {
        if let Some(server) = file.id.as_deref().and_then(|id| self.by_id.get(id)) {
            if self.matched.contains(server.id.as_str()) {
                let message = format!(
                    "{path} was left out: another file has the same id. Remove the id line from \
                     the copy to create a new training."
                );
                self.problem(path, message);
                return None;
            }
            return Some(Some(server));
        }
        let same_title = self
            .target
            .data
            .trainings
            .iter()
            .filter(|t| {
                t.shown_title() == file.title
                    && directory_id.is_some_and(|d| &t.directory_id == d)
                    && !self.matched.contains(t.id.as_str())
            })
            .collect::<Vec<_>>();
        Some(match same_title[..] {
            [one] if !self.same_workspace || file.id.is_none() => Some(one),
            _ => None,
        })
    }

    /// The directory id of folder `folder`: the workspace file's directory of that folder by
    /// id, else by name; else a directory named like the folder. `Err` = the name matched none.
    fn directory(&self, folder: &str) -> std::result::Result<String, String> {
        let directories = &self.target.data.directories;
        let exported = self
            .from
            .and_then(|w| w.directories.iter().find(|d| d.folder == folder));
        if let Some(d) = exported.and_then(|d| directories.iter().find(|t| t.id == d.id)) {
            return Ok(d.id.clone());
        }
        let name = exported.map_or(folder, |d| d.name.as_str());
        directories
            .iter()
            .find(|d| d.name.trim().to_lowercase() == name.trim().to_lowercase())
            .map(|d| d.id.clone())
            .ok_or_else(|| name.to_owned())
    }

    /// The segment ids of `file`, each by id, else by name (in the workspace exported from, an
    /// id is kept even when the segment list lacks it); `Err` = the names that matched none.
    fn segments(&self, file: &TrainingFile) -> std::result::Result<Vec<String>, Vec<String>> {
        let segments = &self.target.data.segments;
        let mut ids = Vec::new();
        let mut unmatched = Vec::new();
        for wanted in &file.segments {
            let name = || {
                let known = self
                    .from
                    .and_then(|w| w.segments.iter().find(|s| s.id == wanted.id))
                    .map(|s| s.name.as_str());
                let name = if wanted.name.is_empty() {
                    known.unwrap_or(&wanted.id)
                } else {
                    &wanted.name
                };
                name.to_owned()
            };
            let found = segments.iter().find(|s| s.id == wanted.id).or_else(|| {
                let name = name().trim().to_lowercase();
                segments
                    .iter()
                    .find(|s| s.name.trim().to_lowercase() == name)
            });
            match found {
                Some(s) => ids.push(s.id.clone()),
                // This workspace's own id, of a segment its list does not show: kept as is.
                None if self.same_workspace => ids.push(wanted.id.clone()),
                None => unmatched.push(name()),
            }
        }
        if unmatched.is_empty() {
            Ok(ids)
        } else {
            Err(unmatched)
        }
    }

    fn left_out(&mut self, kind: NameKind, name: &str, path: &str) {
        self.unmatched
            .entry((kind, name.to_owned()))
            .or_default()
            .push(path.to_owned());
    }

    /// Where a change of this file is written back once open.cx has it.
    fn refreshed(&self, path: &str) -> Option<String> {
        self.same_workspace
            .then(|| self.root.join(path).display().to_string())
    }

    fn change(&mut self, path: &str, file: &TrainingFile, server: &Training, draft: TrainingDraft) {
        if already_saved(server, &draft, false) {
            self.plan.unchanged += 1;
            return;
        }
        let (publish, draft_save) = (self.target.publish, self.target.draft_save);
        let guarded = file.id.as_deref() == Some(server.id.as_str()) && file.updated_at.is_some();
        if guarded && file.updated_at != Some(server.updated_at) {
            let base = base::exported(self.root, &server.id)
                .filter(|base| Some(base.updated_at) == file.updated_at);
            if base
                .as_ref()
                .is_some_and(|base| already_saved(base, &draft, false))
            {
                // The file is as exported: only open.cx changed, and its version stays.
                self.plan.newer_on_open_cx += 1;
                return;
            }
            let title = server.shown_title();
            let message = if base.is_some() {
                format!(
                    "“{title}” was changed on open.cx since it was exported, and its file was \
                     changed too, so it is not imported until you choose which version to keep."
                )
            } else {
                format!(
                    "“{title}” was changed on open.cx since it was exported, and its file was \
                     changed too, so it was left as it is. Export it again and make the change \
                     there, or change it in the app."
                )
            };
            let conflict = base.map(|base| {
                Conflict::new(
                    base,
                    server.clone(),
                    draft.clone(),
                    publish,
                    draft_save,
                    self.names,
                )
            });
            self.plan.conflicts.push(PlannedConflict {
                path: path.to_owned(),
                training_id: server.id.clone(),
                title: title.to_owned(),
                message,
                review: review(server, &draft, publish, draft_save, self.names),
                conflict,
                file: self.refreshed(path),
            });
            return;
        }
        let review = review(server, &draft, publish, draft_save, self.names);
        let file_path = self.refreshed(path);
        self.plan
            .changes
            .push(update(path, server, draft, review, file_path));
    }

    fn create(&mut self, path: &str, draft: TrainingDraft) {
        let blank = TrainingDraft {
            title: String::new(),
            content: String::new(),
            training_type: TrainingType::default(),
            directory_id: None,
            restricted_to_channels: Vec::new(),
            restricted_to_segments: Vec::new(),
            start_time: None,
            end_time: None,
            window_from_training: false,
        };
        let mut review = compare_drafts(&blank, &draft, self.names);
        review.publish = self.target.publish;
        review.lead = if self.target.publish {
            "A new training, published: the AI agent starts using it right away.".into()
        } else {
            "A new training, saved as a draft the AI agent does not use yet.".into()
        };
        self.plan.changes.push(PlannedChange {
            path: path.to_owned(),
            kind: ChangeKind::Create,
            title: draft.title.clone(),
            training_id: None,
            review,
            item: ImportItem::Create {
                id: format!("file:{path}"),
                title: draft.title.clone(),
                draft,
                file: self.refreshed(path),
            },
            seen: None,
        });
    }

    /// The trainings of the exported scope (one directory, or all) that no file names.
    fn missing(&mut self) {
        let only = self.from.and_then(|w| w.only_directory.as_deref());
        let only = only.map(|id| match self.same_workspace {
            true => Some(id.to_owned()),
            false => {
                let folder = self
                    .from
                    .and_then(|w| w.directories.iter().find(|d| d.id == id))
                    .map(|d| d.folder.clone());
                folder.and_then(|f| self.directory(&f).ok())
            }
        });
        let mut missing: Vec<&Training> = self
            .target
            .data
            .trainings
            .iter()
            .filter(|t| !self.matched.contains(t.id.as_str()))
            .filter(|t| match &only {
                None => true,
                Some(dir) => dir.is_some() && t.directory_id == *dir,
            })
            .collect();
        missing.sort_by(|a, b| (a.shown_title(), &a.id).cmp(&(b.shown_title(), &b.id)));
        self.plan.missing = missing
            .into_iter()
            .map(|t| MissingTraining {
                id: t.id.clone(),
                title: t.shown_title().to_owned(),
                updated_at: t.updated_at,
            })
            .collect();
    }
}

/// The change that makes `server` what `draft` says: a move when only the directory differs
/// (it never touches the text or its state), otherwise an update; `file` is written again
/// from open.cx's answer.
fn update(
    path: &str,
    server: &Training,
    draft: TrainingDraft,
    review: Review,
    file: Option<String>,
) -> PlannedChange {
    let in_place = TrainingDraft {
        directory_id: server.directory_id.clone(),
        ..draft.clone()
    };
    let (kind, item) = if already_saved(server, &in_place, false) {
        let item = ImportItem::Move {
            id: server.id.clone(),
            title: draft.title.clone(),
            directory_id: draft.directory_id.clone(),
            file,
        };
        (ChangeKind::Move, item)
    } else {
        let item = ImportItem::Update {
            id: server.id.clone(),
            title: draft.title.clone(),
            draft,
            file,
        };
        (ChangeKind::Update, item)
    };
    PlannedChange {
        path: path.to_owned(),
        kind,
        title: server.shown_title().to_owned(),
        training_id: Some(server.id.clone()),
        review,
        item,
        seen: Some(server.updated_at),
    }
}

/// The folder to import is not there.
fn folder_missing(folder: &Path) -> StudioError {
    StudioError::invalid_input(format!(
        "{} is not a folder Training Studio can read. Choose the folder you exported to.",
        folder.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{segment, training};
    use crate::workspace::DirectoryEntry;
    use crate::workspace_files::export;

    fn workspace(id: &str) -> WorkspaceSummary {
        WorkspaceSummary {
            id: id.into(),
            name: format!("Workspace {id}"),
            base_url: "https://api.open.cx".into(),
            is_demo: false,
        }
    }

    fn directory(id: &str, name: &str) -> DirectoryEntry {
        DirectoryEntry {
            id: id.into(),
            name: name.into(),
            local_name_only: false,
        }
    }

    /// Three trainings: one in "Returns" for VIPs, one in "Billing", one in no directory.
    fn data() -> WorkspaceData {
        let mut a = training("a");
        a.title = "Late parcels".into();
        a.directory_id = Some("d1".into());
        a.restricted_to_segments = vec!["s1".into()];
        let mut b = training("b");
        b.title = "Refunds".into();
        b.directory_id = Some("d2".into());
        let mut c = training("c");
        c.title = "Tone".into();
        WorkspaceData {
            trainings: vec![a, b, c],
            directories: vec![directory("d1", "Returns"), directory("d2", "Billing")],
            directories_supported: true,
            segments: vec![segment("s1", "VIP")],
        }
    }

    fn plan_of(folder: &Path, data: &WorkspaceData, into: &str) -> ImportPlan {
        let contents = read_folder(folder).unwrap();
        let workspace = workspace(into);
        let target = Target {
            data,
            workspace: &workspace,
            draft_save: DraftSave::BesideLive,
            publish: false,
        };
        plan(&contents, &target)
    }

    fn exported(data: &WorkspaceData) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        export(data, &workspace("w1"), None, dir.path()).unwrap();
        dir
    }

    #[test]
    fn an_unchanged_export_plans_nothing_and_exports_again_to_the_same_files() {
        let data = data();
        let dir = exported(&data);
        let plan = plan_of(dir.path(), &data, "w1");
        assert!(
            plan.changes.is_empty() && plan.conflicts.is_empty(),
            "{plan:?}"
        );
        assert!(
            plan.missing.is_empty() && plan.problems.is_empty(),
            "{plan:?}"
        );
        assert_eq!(plan.unchanged, 3);
        let again = export(&data, &workspace("w1"), None, dir.path()).unwrap();
        assert_eq!((again.written, again.removed), (0, 0));
        assert!(dir.path().join("Returns/Late parcels.md").is_file());
        assert!(dir.path().join("Tone.md").is_file());
    }

    #[test]
    fn edits_moves_new_files_and_missing_ones_become_changes() {
        let data = data();
        let dir = exported(&data);
        let root = dir.path();
        let late = root.join("Returns/Late parcels.md");
        let text = std::fs::read_to_string(&late).unwrap();
        std::fs::write(&late, format!("{text}More.\n")).unwrap();
        std::fs::rename(
            root.join("Billing/Refunds.md"),
            root.join("Returns/Refunds.md"),
        )
        .unwrap();
        std::fs::remove_file(root.join("Tone.md")).unwrap();
        std::fs::write(
            root.join("Billing/New.md"),
            "+++\ntitle = \"New\"\n+++\nHello.",
        )
        .unwrap();
        std::fs::write(root.join("Broken.md"), "no front matter").unwrap();
        let plan = plan_of(root, &data, "w1");
        let kinds: Vec<(ChangeKind, &str)> = plan
            .changes
            .iter()
            .map(|c| (c.kind, c.path.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (ChangeKind::Create, "Billing/New.md"),
                (ChangeKind::Update, "Returns/Late parcels.md"),
                (ChangeKind::Move, "Returns/Refunds.md"),
            ]
        );
        assert_eq!(plan.missing.len(), 1);
        assert_eq!(plan.missing[0].title, "Tone");
        assert_eq!(plan.problems.len(), 1);
        assert!(plan.problems[0]
            .message
            .starts_with("Broken.md was left out"));
        let (JobRequest::Import { items, publish }, seen) = plan.job(false) else {
            panic!("an import job");
        };
        assert!(!publish);
        assert_eq!(items.len(), 3);
        assert_eq!(seen.len(), 2, "the update and the move are guarded");
        let (JobRequest::Import { items, .. }, _) = plan.job(true) else {
            panic!("an import job");
        };
        assert!(matches!(&items[3], ImportItem::Delete { id, .. } if id == "c"));
    }

    /// `data` exported, then "Late parcels" changed on open.cx (its text) and, unless
    /// `file_too` is false, in its file (a line added).
    fn changed_on_both_sides(data: &mut WorkspaceData, file_too: bool) -> tempfile::TempDir {
        let dir = exported(data);
        data.trainings[0].content = "Changed on open.cx.".into();
        data.trainings[0].updated_at += chrono::Duration::minutes(5);
        if file_too {
            let late = dir.path().join("Returns/Late parcels.md");
            let text = std::fs::read_to_string(&late).unwrap();
            std::fs::write(&late, format!("{text}More.\n")).unwrap();
        }
        dir
    }

    fn names(data: &WorkspaceData) -> Names<'_> {
        Names {
            directories: &data.directories,
            segments: &data.segments,
        }
    }

    #[test]
    fn a_file_as_exported_is_older_not_a_change_when_open_cx_changed_since() {
        let mut data = data();
        let dir = changed_on_both_sides(&mut data, false);
        let plan = plan_of(dir.path(), &data, "w1");
        assert!(
            plan.conflicts.is_empty() && plan.changes.is_empty(),
            "{plan:?}"
        );
        assert_eq!((plan.newer_on_open_cx, plan.unchanged), (1, 2));
    }

    #[test]
    fn a_training_changed_on_both_sides_opens_the_conflict_view_from_the_exported_version() {
        let mut data = data();
        let exported_version = data.trainings[0].clone();
        let dir = changed_on_both_sides(&mut data, true);
        let plan = plan_of(dir.path(), &data, "w1");
        assert!(plan.changes.is_empty(), "{plan:?}");
        let [planned] = &plan.conflicts[..] else {
            panic!("one conflict: {plan:?}");
        };
        assert!(planned
            .message
            .contains("until you choose which version to keep"));
        let conflict = planned.conflict.as_ref().expect("the conflict view");
        assert_eq!(conflict.base, exported_version);
        assert_eq!(conflict.theirs.content, "Changed on open.cx.");
        assert_eq!(
            conflict.mine.content,
            format!("{}More.\n", exported_version.content)
        );
        let added = |review: &Review, text: &str| {
            review
                .content_diff
                .iter()
                .any(|l| l.tag != crate::review::DiffTag::Equal && l.text.contains(text))
        };
        assert!(
            added(&conflict.mine_changes, "More."),
            "the file's change from the export"
        );
        assert!(
            added(&conflict.theirs_changes, "Changed on open.cx."),
            "and theirs"
        );
    }

    #[test]
    fn keeping_the_files_version_or_a_merge_imports_it_over_open_cx_as_it_is_now() {
        let mut data = data();
        let dir = changed_on_both_sides(&mut data, true);
        let theirs_at = data.trainings[0].updated_at;
        let planned = plan_of(dir.path(), &data, "w1");
        let mut plan = planned.clone();
        let path = "Returns/Late parcels.md";
        plan.settle(
            path,
            ConflictChoice::KeepMine,
            DraftSave::BesideLive,
            names(&data),
        )
        .unwrap();
        assert!(plan.conflicts.is_empty());
        let [change] = &plan.changes[..] else {
            panic!("{plan:?}")
        };
        assert_eq!(
            (change.kind, change.seen),
            (ChangeKind::Update, Some(theirs_at))
        );
        assert!(
            matches!(&change.item, ImportItem::Update { draft, file: Some(_), .. } if draft.content.ends_with("More.\n"))
        );
        assert!(change
            .review
            .content_diff
            .iter()
            .any(|l| l.text.contains("More.")));
        let (_, seen) = plan.job(false);
        assert_eq!(
            seen.get("a"),
            Some(&theirs_at),
            "guarded against a later change"
        );

        let mut merged = planned.clone();
        let mut draft = planned.conflicts[0].conflict.as_ref().unwrap().mine.clone();
        draft.content = "Changed on open.cx.\nMore.\n".into();
        let choice = ConflictChoice::Merge { draft };
        merged
            .settle(path, choice, DraftSave::BesideLive, names(&data))
            .unwrap();
        assert!(
            matches!(&merged.changes[0].item, ImportItem::Update { draft, .. } if draft.content == "Changed on open.cx.\nMore.\n")
        );

        let mut empty = planned;
        let mut draft = empty.conflicts[0].conflict.as_ref().unwrap().mine.clone();
        draft.title = " ".into();
        let refused = empty.settle(
            path,
            ConflictChoice::Merge { draft },
            DraftSave::BesideLive,
            names(&data),
        );
        assert!(refused.is_err(), "a merge without a title is refused");
        assert_eq!(empty.conflicts.len(), 1, "and the conflict stays");
    }

    #[test]
    fn taking_theirs_leaves_the_file_out_and_says_so() {
        let mut data = data();
        let dir = changed_on_both_sides(&mut data, true);
        let mut plan = plan_of(dir.path(), &data, "w1");
        let path = "Returns/Late parcels.md";
        plan.settle(
            path,
            ConflictChoice::TakeTheirs,
            DraftSave::BesideLive,
            names(&data),
        )
        .unwrap();
        assert!(plan.conflicts.is_empty() && plan.changes.is_empty());
        assert_eq!(plan.kept_theirs, ["Late parcels"]);
        let again = plan.settle(
            path,
            ConflictChoice::KeepMine,
            DraftSave::BesideLive,
            names(&data),
        );
        assert!(again.is_err(), "settled once");
    }

    #[test]
    fn without_the_exported_version_a_conflict_is_listed_and_cannot_be_settled() {
        let mut data = data();
        let dir = changed_on_both_sides(&mut data, true);
        std::fs::remove_dir_all(dir.path().join(".training-studio")).unwrap();
        let mut plan = plan_of(dir.path(), &data, "w1");
        let [planned] = &plan.conflicts[..] else {
            panic!("{plan:?}")
        };
        assert!(planned.conflict.is_none());
        assert!(planned.message.contains("Export it again"));
        let path = planned.path.clone();
        let refused = plan.settle(
            &path,
            ConflictChoice::KeepMine,
            DraftSave::BesideLive,
            names(&data),
        );
        assert!(refused.is_err());
        assert_eq!(plan.conflicts.len(), 1);
    }

    #[test]
    fn an_untouched_file_of_a_training_changed_on_open_cx_without_its_exported_version_is_still_a_conflict(
    ) {
        let mut data = data();
        let dir = changed_on_both_sides(&mut data, false);
        std::fs::remove_dir_all(dir.path().join(".training-studio")).unwrap();
        let plan = plan_of(dir.path(), &data, "w1");
        assert_eq!(
            plan.conflicts.len(),
            1,
            "nothing tells the file is as exported: {plan:?}"
        );
        assert_eq!(plan.newer_on_open_cx, 0);
    }

    #[test]
    fn another_workspace_is_matched_by_names_and_says_which_it_lacks() {
        let data = data();
        let dir = exported(&data);
        let mut other = data.clone();
        for (t, id) in other.trainings.iter_mut().zip(["x", "y", "z"]) {
            t.id = id.into();
        }
        other.directories = vec![directory("e2", "billing")];
        other.trainings[1].directory_id = Some("e2".into());
        other.trainings.remove(0);
        other.segments = vec![];
        let plan = plan_of(dir.path(), &other, "w2");
        assert_eq!(
            plan.unchanged, 2,
            "matched by title in the same directory: {plan:?}"
        );
        assert!(plan.changes.is_empty(), "{:?}", plan.changes);
        let unmatched: Vec<(NameKind, &str)> = plan
            .unmatched
            .iter()
            .map(|u| (u.kind, u.name.as_str()))
            .collect();
        assert_eq!(
            unmatched,
            [(NameKind::Directory, "Returns"), (NameKind::Segment, "VIP")]
        );
        assert_eq!(plan.unmatched[0].files, ["Returns/Late parcels.md"]);
        assert_eq!(plan.exported_from.as_deref(), Some("Workspace w1"));
    }
}
