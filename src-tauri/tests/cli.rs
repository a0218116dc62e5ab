//! The command line against the demo workspace's open.cx simulator, as a person scripts it:
//! the real binary, a data folder of its own. Export the demo, change one file, `import
//! --dry-run` names exactly that change and changes nothing, `import` applies it and open.cx
//! holds it (a second export shows it), a second `import` finds nothing to do; bad usage
//! exits 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EDIT: &str = "\nOffer a prepaid label when the customer asks (changed in the CLI test).\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` on the data folder `data`.
fn studio(data: &Path, args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_training-studio"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .output()
        .expect("the binary runs");
    Run {
        code: status.code().expect("it exits by itself"),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

fn check(run: &Run, code: i32) {
    assert_eq!(
        run.code, code,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

/// Every training file under `folder`, relative, sorted.
fn training_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in walk(folder) {
        if entry.extension().is_some_and(|e| e == "md") {
            files.push(entry.strip_prefix(folder).unwrap().to_owned());
        }
    }
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            all.extend(walk(&path));
        } else {
            all.push(path);
        }
    }
    all
}

#[test]
fn export_edit_import_and_nothing_twice() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("support");
    let folder_arg = folder.to_str().unwrap();

    let export = studio(data.path(), &["export", "--demo", folder_arg]);
    check(&export, 0);
    assert!(export.stdout.starts_with("Exported "), "{}", export.stdout);
    let files = training_files(&folder);
    assert!(files.len() > 10, "{files:?}");
    assert!(folder.join("workspace.toml").is_file());
    assert!(
        files.iter().any(|f| f.components().count() == 2),
        "a folder per directory"
    );

    // One file changed by hand: a line added to its text.
    let edited = files
        .iter()
        .find(|f| f.components().count() == 2)
        .unwrap()
        .clone();
    let path = folder.join(&edited);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(EDIT);
    std::fs::write(&path, &text).unwrap();
    let shown = edited.to_string_lossy().into_owned();

    let dry = studio(data.path(), &["import", "--demo", folder_arg, "--dry-run"]);
    check(&dry, 0);
    let changes: Vec<&str> = dry
        .stdout
        .lines()
        .filter(|l| !l.starts_with("Nothing was changed"))
        .collect();
    assert_eq!(changes.len(), 1, "exactly the one change:\n{}", dry.stdout);
    assert!(
        changes[0].starts_with(&format!("update    {shown}: ")),
        "{}",
        changes[0]
    );
    assert!(
        changes[0].contains("text: +") && changes[0].ends_with(" −0 lines"),
        "{}",
        changes[0]
    );
    assert!(dry.stdout.contains("Nothing was changed (--dry-run)."));

    let again = studio(data.path(), &["import", "--demo", folder_arg, "--dry-run"]);
    check(&again, 0);
    assert_eq!(again.stdout, dry.stdout, "a dry run changed nothing");

    let import = studio(data.path(), &["import", "--demo", folder_arg]);
    check(&import, 0);
    assert!(
        import.stdout.contains("1 of 1 changes applied."),
        "{}",
        import.stdout
    );

    // open.cx holds it: a fresh export of the demo has the edited text.
    let check_folder = out.path().join("check");
    check(
        &studio(
            data.path(),
            &["export", "--demo", check_folder.to_str().unwrap()],
        ),
        0,
    );
    let exported = std::fs::read_to_string(check_folder.join(&edited)).unwrap();
    assert!(exported.ends_with(EDIT), "{exported}");

    let second = studio(data.path(), &["import", "--demo", folder_arg]);
    check(&second, 0);
    assert!(
        second.stdout.starts_with("Nothing to change: "),
        "{}",
        second.stdout
    );
    assert_eq!(second.stdout.lines().count(), 1, "{}", second.stdout);
}

#[test]
fn bad_usage_exits_2_and_says_why() {
    let data = tempfile::tempdir().unwrap();
    let run = studio(data.path(), &["export", "somewhere"]);
    check(&run, 2);
    assert!(run.stderr.contains("--workspace"), "{}", run.stderr);
    let run = studio(data.path(), &["import", "--workspace", "Nobody", "x"]);
    check(&run, 2);
    assert!(
        run.stderr.contains("No single workspace is named “Nobody”"),
        "{}",
        run.stderr
    );
    let busy = tempfile::tempdir().unwrap();
    std::fs::write(busy.path().join("notes.txt"), "mine").unwrap();
    let run = studio(
        data.path(),
        &["export", "--demo", busy.path().to_str().unwrap()],
    );
    check(&run, 2);
    assert!(
        run.stderr.contains("already holds other files"),
        "{}",
        run.stderr
    );
    let help = studio(data.path(), &["import", "--help"]);
    check(&help, 0);
    for flag in [
        "--workspace",
        "--demo",
        "--dry-run",
        "--publish",
        "--delete-missing",
    ] {
        assert!(help.stdout.contains(flag), "{flag}: {}", help.stdout);
    }
}
