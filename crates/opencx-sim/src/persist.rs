//! The optional state file: loaded at start (a corrupt file is an error, never a silent
//! reset) and rewritten atomically after every change (temp file, fsync, rename).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::SimError;
use crate::store::State;

const FORMAT: &str = "opencx-sim-state";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StateFile {
    format: String,
    version: u32,
    #[serde(flatten)]
    state: State,
}

/// Reads the state file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<State>, SimError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SimError::StateIo {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let corrupt = |reason: String| SimError::CorruptState {
        path: path.to_path_buf(),
        reason,
    };
    let file: StateFile = serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(corrupt(format!(
            "expected format `{FORMAT}` version {VERSION}, found `{}` version {}",
            file.format, file.version
        )));
    }
    Ok(Some(file.state))
}

/// Serializes the state as the file holds it.
pub fn encode(state: &State) -> Vec<u8> {
    let file = StateFile {
        format: FORMAT.to_string(),
        version: VERSION,
        state: state.clone(),
    };
    // A State is plain data (strings, numbers, JSON values): serializing it cannot fail.
    serde_json::to_vec(&file).unwrap_or_default()
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "state.json".to_string());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Replaces the file with `bytes` atomically: a reader sees the old or the new file, whole.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SimError> {
    let io_err = |source| SimError::StateIo {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // Persist the rename itself; not every platform can open a directory.
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Directory;

    #[test]
    fn round_trip_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        assert!(load(&path).unwrap().is_none());
        let state = State {
            directories: vec![Directory {
                id: "d1".into(),
                name: "Billing".into(),
                created_at: "2025-01-01T00:00:00.000Z".into(),
                updated_at: "2025-01-01T00:00:00.000Z".into(),
            }],
            ..State::default()
        };
        write_atomically(&path, &encode(&state)).unwrap();
        assert_eq!(load(&path).unwrap(), Some(state));
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file is left behind");
    }

    #[test]
    fn corrupt_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.json");
        fs::write(&path, b"{\"format\": \"opencx-sim-state\", \"vers").unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(err, SimError::CorruptState { .. }));
        assert!(err.to_string().contains("broken.json"), "{err}");
        fs::write(
            &path,
            br#"{"format":"other","version":1,"trainings":[],"directories":[],"segments":[]}"#,
        )
        .unwrap();
        assert!(matches!(load(&path), Err(SimError::CorruptState { .. })));
        assert_eq!(fs::read(&path).unwrap().len(), 76, "left untouched");
    }
}
