//! The studio's local files: written atomically (temp file beside the target, fsync, rename,
//! fsync of the folder), so a crash mid-write leaves the previous copy; private to the user
//! (folders 0700, files 0600 on Unix: they hold trainings not yet published); named by ids made
//! file-name safe; and file work run on the blocking pool, away from the async threads.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{ErrorKind, Result, StudioError};

/// Replaces `path` with `bytes` atomically, creating its folder first.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    let tmp = write_temp(path, bytes)?;
    commit(&tmp, path)
}

/// The first half of an atomic write: the bytes in a synced temp file beside `path`
/// (`.<name>.<pid>.tmp`).
pub(crate) fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or(std::io::ErrorKind::InvalidInput)?
        .to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = private_file_options().open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(tmp)
}

/// Creates `dir` and its missing parents, each new one readable by this user only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the folder readable by this user only, or makes an existing one so (the data folder
/// may predate this rule); elsewhere than Unix the user's profile already is.
pub(crate) fn private_folder(dir: &Path) -> std::io::Result<()> {
    create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Options that create (or truncate) a file readable and writable by this user only.
fn private_file_options() -> fs::OpenOptions {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// The second half: the temp file renamed over `path`, and the rename made durable.
pub(crate) fn commit(tmp: &Path, path: &Path) -> std::io::Result<()> {
    if let Err(e) = fs::rename(tmp, path) {
        let _ = fs::remove_file(tmp);
        return Err(e);
    }
    if let Some(dir) = path.parent() {
        if let Ok(dir) = fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Whether `name` is a temp file of an atomic write; `Some(true)` when this process wrote it.
pub(crate) fn temp_file(name: &str) -> Option<bool> {
    let mine = format!(".{}.tmp", std::process::id());
    (name.starts_with('.') && name.ends_with(".tmp")).then(|| name.ends_with(&mine))
}

/// Removes the file or the folder (with all it holds) at `path`; nothing there is no error.
pub(crate) fn remove_all(path: &Path) -> std::io::Result<()> {
    let removed = match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) => Err(e),
    };
    match removed {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Reads `path`; `None` when it does not exist.
pub(crate) fn read_if_exists(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A file-name-safe form of an id: letters, digits, `-` and `_` as they are, anything else as
/// `~XX` bytes, so no id can climb out of its folder or clash with another.
pub fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("~{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push('~');
    }
    out
}

/// Runs blocking work on the blocking pool (file work that syncs files to disk, a search over
/// thousands of trainings); `what` names it in the sentence of the rare case the work itself
/// panics.
pub(crate) async fn off_thread<T: Send + 'static>(
    what: &'static str,
    call: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(call).await.unwrap_or_else(|e| {
        Err(StudioError::new(
            ErrorKind::Io,
            format!("Training Studio's {what} stopped unexpectedly: {e}."),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/file.json");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["file.json"]);
        assert_eq!(read_if_exists(&dir.path().join("none")).unwrap(), None);
    }

    #[cfg(unix)]
    #[test]
    fn folders_and_files_are_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal/w1/t1.json");
        write(&path, b"unsaved words").unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("journal/w1")), 0o700);
        assert_eq!(mode(&dir.path().join("journal")), 0o700);
        // A file that was readable by others becomes private when it is written again.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write(&path, b"more words").unwrap();
        assert_eq!(mode(&path), 0o600);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        private_folder(dir.path()).unwrap();
        assert_eq!(mode(dir.path()), 0o700);
        let new = dir.path().join("new/data");
        private_folder(&new).unwrap();
        assert_eq!(mode(&new), 0o700);
    }

    #[test]
    fn temp_files_are_told_apart_by_process() {
        let tmp = write_temp(&std::env::temp_dir().join("x.json"), b"").unwrap();
        let name = tmp.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(temp_file(&name), Some(true));
        fs::remove_file(tmp).unwrap();
        assert_eq!(temp_file(".x.json.999999999.tmp"), Some(false));
        assert_eq!(temp_file("x.json"), None);
    }

    #[test]
    fn ids_become_safe_names() {
        assert_eq!(encode("ab-C_1"), "ab-C_1");
        assert_eq!(encode("../x"), "~2E~2E~2Fx");
        assert_eq!(encode(""), "~");
        assert_ne!(encode("a.b"), encode("a_b"));
    }
}
