//! The version each training file was exported from, kept beside the files in a hidden folder
//! (`.training-studio/exported/<training id>.json`, open.cx's copy as it was). An import reads
//! it to tell what changed in the file from what changed on open.cx since: a file nobody
//! touched is not imported over a newer version, and a training changed on both sides opens
//! the conflict view with the exported version as the common base. Export writes them, an
//! import that lands writes the training's again, and an export removes those of trainings no
//! longer in the folder. A folder without them (written by hand, or by an older export) still
//! imports; its conflicts are listed without the side-by-side view.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use opencx::Training;

use crate::atomic_file::encode;
use crate::error::Result;

use super::export::{io_error, write_if_changed, WORKSPACE_FILE};

/// Where the exported versions are, inside the folder.
const BASE_DIR: &str = ".training-studio/exported";

fn base_path(root: &Path, id: &str) -> PathBuf {
    root.join(BASE_DIR).join(format!("{}.json", encode(id)))
}

fn text(training: &Training) -> String {
    // Pretty, so a folder kept in git shows a changed field on a line of its own.
    serde_json::to_string_pretty(training).expect("a training serializes") + "\n"
}

/// Keeps `trainings` as the exported versions in `root`, and removes those of every other
/// training; answers how many files were written.
pub fn keep_all<'a>(root: &Path, trainings: impl IntoIterator<Item = &'a Training>) -> Result<u32> {
    let mut written = 0;
    let mut kept = HashSet::new();
    for training in trainings {
        let path = base_path(root, &training.id);
        if write_if_changed(&path, &text(training))? {
            written += 1;
        }
        kept.insert(path);
    }
    let dir = root.join(BASE_DIR);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(written);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") && !kept.contains(&path) {
            fs::remove_file(&path).map_err(|e| io_error(&path, &e))?;
        }
    }
    Ok(written)
}

/// Keeps `training` as the exported version of the folder that holds `file` (the folder with
/// the workspace file: the file's own, or the one above its directory folder).
pub fn keep_one(file: &Path, training: &Training) -> std::io::Result<()> {
    let Some(root) = file
        .ancestors()
        .skip(1)
        .take(2)
        .find(|dir| dir.join(WORKSPACE_FILE).is_file())
    else {
        return Ok(());
    };
    let path = base_path(root, &training.id);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text(training))
}

/// The version of training `id` exported to `root`, when the folder keeps one.
pub fn exported(root: &Path, id: &str) -> Option<Training> {
    let bytes = fs::read(base_path(root, id)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    #[test]
    fn a_kept_version_reads_back_and_the_others_are_removed() {
        let root = tempfile::tempdir().unwrap();
        let (a, b) = (training("t/1"), training("t2"));
        assert_eq!(keep_all(root.path(), [&a, &b]).unwrap(), 2);
        assert_eq!(exported(root.path(), "t/1"), Some(a.clone()));
        assert_eq!(
            keep_all(root.path(), [&a]).unwrap(),
            0,
            "unchanged: not written"
        );
        assert_eq!(exported(root.path(), "t2"), None);
        assert_eq!(exported(root.path(), "t/1"), Some(a));
    }

    #[test]
    fn keeping_one_finds_the_folder_from_a_file_in_a_directory_folder() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join(WORKSPACE_FILE), "").unwrap();
        let mut t = training("t1");
        keep_one(&root.path().join("Billing").join("a.md"), &t).unwrap();
        assert_eq!(exported(root.path(), "t1"), Some(t.clone()));
        t.title = "Changed".into();
        keep_one(&root.path().join("a.md"), &t).unwrap();
        assert_eq!(exported(root.path(), "t1"), Some(t));
    }

    #[test]
    fn a_folder_without_a_workspace_file_keeps_nothing() {
        let root = tempfile::tempdir().unwrap();
        keep_one(&root.path().join("a.md"), &training("t1")).unwrap();
        assert!(!root.path().join(BASE_DIR).exists());
    }
}
