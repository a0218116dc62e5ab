//! Keeping a workspace as files: one markdown file per training with TOML front matter
//! (`format.rs`), in a folder per directory with a workspace file of directory and segment
//! names; file and folder names safe on every system (`file_names.rs`); exporting a workspace
//! or a directory (`export.rs`); and reading a folder back into a plan of changes against
//! open.cx, applied as one bulk job (`import.rs`), with the version each file was exported
//! from kept beside them (`base.rs`). The app and the command line both call the
//! service (`service/files.rs`), which calls these.

mod base;
mod export;
mod file_names;
mod format;
mod import;

use std::path::Path;

use opencx::{Segment, Training};

pub use export::{export, layout, ExportSummary, Layout, TRAINING_EXTENSION, WORKSPACE_FILE};
pub use file_names::safe_name;
pub use format::{DirectoryRef, LiveText, SegmentRef, TrainingFile, WorkspaceFile};
pub use import::{
    plan, read_folder, ChangeKind, ConflictChoice, FileProblem, FolderContents, ImportPlan,
    MissingTraining, NameKind, PlannedChange, PlannedConflict, Target, UnmatchedName,
};

/// Writes `training`'s file at `path` again from open.cx's copy (after an import changed it),
/// and keeps that copy as the version the file now comes from.
pub fn refresh_file(path: &Path, training: &Training, segments: &[Segment]) -> std::io::Result<()> {
    std::fs::write(path, TrainingFile::of(training, segments).render())?;
    base::keep_one(path, training)
}
