//! Exporting a workspace, or one directory of it, to a folder: where each training's file goes
//! ([`layout`], also what import reads the folder by) and writing them ([`export`]). A file
//! whose text is already what it would be is not written again, and the files of an earlier
//! export that no longer belong (a training deleted or renamed) are removed, so a folder kept
//! in git shows exactly what changed. A folder holding anything else is refused. Each
//! training's exported version is kept beside the files (`base.rs`) for the import's conflict
//! check.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorKind, Result, StudioError};
use crate::workspace::{WorkspaceData, WorkspaceSummary};

use super::base;
use super::file_names::Folder;
use super::format::{DirectoryRef, SegmentRef, TrainingFile, WorkspaceFile, FORMAT};

/// The workspace file's name, in the folder's root.
pub const WORKSPACE_FILE: &str = "workspace.toml";
/// The extension of a training's file.
pub const TRAINING_EXTENSION: &str = ".md";

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportSummary {
    pub folder: String,
    pub trainings: u32,
    pub directories: u32,
    /// Files written because they were new or differed.
    pub written: u32,
    /// Files of an earlier export removed (trainings deleted or renamed since).
    pub removed: u32,
}

/// Where each training goes: its directory's folder (the root for none) and a file name.
pub struct Layout<'a> {
    pub directories: Vec<DirectoryRef>,
    /// Each training's path relative to the folder, in the order of `data.trainings`' copy
    /// sorted oldest first.
    pub files: Vec<(PathBuf, &'a Training)>,
}

/// The layout of `data`'s trainings (those of `only_directory` when given).
pub fn layout<'a>(data: &'a WorkspaceData, only_directory: Option<&str>) -> Layout<'a> {
    let mut directories: Vec<_> = data
        .directories
        .iter()
        .filter(|d| only_directory.is_none_or(|only| only == d.id))
        .collect();
    directories.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    let mut root = Folder::with_taken([WORKSPACE_FILE]);
    let directories: Vec<DirectoryRef> = directories
        .into_iter()
        .map(|d| DirectoryRef {
            folder: root.name(&d.name, &d.id, ""),
            id: d.id.clone(),
            name: d.name.clone(),
        })
        .collect();
    let mut trainings: Vec<&Training> = data
        .trainings
        .iter()
        .filter(|t| only_directory.is_none_or(|only| t.directory_id.as_deref() == Some(only)))
        .collect();
    trainings.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let mut folders: Vec<Folder> = directories.iter().map(|_| Folder::default()).collect();
    let files = trainings
        .into_iter()
        .map(|t| {
            let place = t
                .directory_id
                .as_deref()
                .and_then(|id| directories.iter().position(|d| d.id == id));
            let (dir, folder) = match place {
                Some(i) => (PathBuf::from(&directories[i].folder), &mut folders[i]),
                None => (PathBuf::new(), &mut root),
            };
            let name = folder.name(t.shown_title(), &t.id, TRAINING_EXTENSION);
            (dir.join(name), t)
        })
        .collect();
    Layout { directories, files }
}

/// Writes `data` (only the trainings of directory `only_directory` when given) to `folder`:
/// one file per training in its directory's folder and the workspace file. `folder` must be
/// new, empty (hidden entries such as `.git` aside) or hold an earlier export.
pub fn export(
    data: &WorkspaceData,
    workspace: &WorkspaceSummary,
    only_directory: Option<&str>,
    folder: &Path,
) -> Result<ExportSummary> {
    let earlier = earlier_export(folder)?;
    let layout = layout(data, only_directory);
    let mut written = 0;
    let mut kept: HashSet<PathBuf> = HashSet::new();
    for (path, training) in &layout.files {
        let text = TrainingFile::of(training, &data.segments).render();
        if write_if_changed(&folder.join(path), &text)? {
            written += 1;
        }
        kept.insert(path.clone());
    }
    // The root and every directory folder, this export's and the earlier one's.
    let mut places: Vec<PathBuf> = vec![PathBuf::new()];
    let folders = layout.directories.iter().map(|d| &d.folder);
    let earlier_folders = earlier
        .iter()
        .flat_map(|w| w.directories.iter().map(|d| &d.folder));
    for name in folders.chain(earlier_folders) {
        places.push(PathBuf::from(name));
    }
    let mut removed = 0;
    for place in &places {
        removed += remove_stale(folder, place, &kept)?;
    }
    base::keep_all(folder, layout.files.iter().map(|(_, training)| *training))?;
    let file = WorkspaceFile {
        format: FORMAT,
        workspace: workspace.name.clone(),
        workspace_id: workspace.id.clone(),
        only_directory: only_directory.map(str::to_owned),
        directories: layout.directories.clone(),
        segments: data
            .segments
            .iter()
            .map(|s| SegmentRef {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
    };
    if write_if_changed(&folder.join(WORKSPACE_FILE), &file.render())? {
        written += 1;
    }
    Ok(ExportSummary {
        folder: folder.display().to_string(),
        trainings: layout.files.len() as u32,
        directories: layout.directories.len() as u32,
        written,
        removed,
    })
}

/// The workspace file of an earlier export in `folder`; refuses a folder with other things.
fn earlier_export(folder: &Path) -> Result<Option<WorkspaceFile>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(folder, &e)),
    };
    let mut other = false;
    for entry in entries {
        let name = entry.map_err(|e| io_error(folder, &e))?.file_name();
        let name = name.to_string_lossy();
        if name == WORKSPACE_FILE {
            let text = fs::read_to_string(folder.join(WORKSPACE_FILE))
                .map_err(|e| io_error(&folder.join(WORKSPACE_FILE), &e))?;
            return WorkspaceFile::parse(&text).map(Some).map_err(|why| {
                StudioError::invalid_input(format!(
                    "{} cannot be read ({why}), so this folder was left as it is.",
                    folder.join(WORKSPACE_FILE).display()
                ))
            });
        }
        other |= !name.starts_with('.');
    }
    if other {
        return Err(StudioError::invalid_input(format!(
            "{} already holds other files. Choose an empty folder, or one Training Studio \
             exported to before.",
            folder.display()
        )));
    }
    Ok(None)
}

/// Writes `text` to `path` (making its folder) unless the file already holds exactly that.
pub(super) fn write_if_changed(path: &Path, text: &str) -> Result<bool> {
    if fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    fs::write(path, text).map_err(|e| io_error(path, &e))?;
    Ok(true)
}

/// Removes the training files in `folder/place` that are not in `kept`, and the directory
/// folder itself once empty; answers how many files went.
fn remove_stale(folder: &Path, place: &Path, kept: &HashSet<PathBuf>) -> Result<u32> {
    let dir = folder.join(place);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(0);
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = PathBuf::from(entry.file_name());
        let is_training = name.to_string_lossy().ends_with(TRAINING_EXTENSION)
            && entry.file_type().is_ok_and(|t| t.is_file());
        if is_training && !kept.contains(&place.join(&name)) {
            fs::remove_file(entry.path()).map_err(|e| io_error(&entry.path(), &e))?;
            removed += 1;
        }
    }
    if !place.as_os_str().is_empty() {
        // Only when empty; a folder with anything else in it stays.
        let _ = fs::remove_dir(&dir);
    }
    Ok(removed)
}

pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> StudioError {
    StudioError::new(
        ErrorKind::Io,
        format!("Training Studio could not use {} ({e}).", path.display()),
    )
}
