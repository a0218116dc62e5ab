//! The command line, for people who script: `training-studio COMMAND …` runs one command on a
//! workspace without opening a window, through the same `studio` service the app uses (its
//! data folder, and the key the app keeps in the keychain for that workspace). Each command is
//! a module of its own; this one reads which command, opens the workspace (`--workspace NAME`
//! or `--demo`) and says how it ended: exit 0 when all went well, 1 when some items failed
//! (listed), 2 for bad usage. Results go to stdout, progress and errors to stderr.
//!
//! - `replace`: find and replace across the workspace or a directory (`replace.rs`).

mod replace;

use std::io::Write;

use studio::{KeyringStore, Studio, StudioError, WorkspaceSummary};

use crate::flavour;

/// The app's identifier (tauri.conf.json), under which its data folder and keys are kept.
const IDENTIFIER: &str = "cx.open.training-studio";

/// How a command ended, as its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    SomeFailed = 1,
    Usage = 2,
}

/// The commands, with one line each for the help.
const COMMANDS: &[(&str, &str)] = &[(
    "replace",
    "find and replace text across the workspace or a directory",
)];

/// Whether `first`, the first argument, names a command (else the app starts).
pub fn is_command(first: &str) -> bool {
    COMMANDS.iter().any(|(name, _)| *name == first)
}

/// The lines of the app's `--help` that list the commands.
pub fn commands_help() -> String {
    COMMANDS
        .iter()
        .map(|(name, what)| format!("  training-studio {name} …   {what} (see {name} --help)\n"))
        .collect()
}

/// Which workspace a command works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The workspace the app knows by this name, with its key from the keychain.
    Workspace(String),
    /// The built-in demo workspace (its local simulator).
    Demo,
}

/// Runs the command `args[0]` with the rest of `args`, on this build's data folder and keychain;
/// answers its exit status.
pub fn run(args: &[String]) -> i32 {
    let Some(data_dir) = flavour::data_dir(IDENTIFIER) else {
        eprintln!("training-studio: no data folder is known on this computer");
        return Exit::Usage as i32;
    };
    let keys = KeyringStore::for_service(flavour::storage_name(IDENTIFIER));
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("training-studio: {e}");
            return Exit::SomeFailed as i32;
        }
    };
    let studio = Studio::new(data_dir, Box::new(keys));
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    runtime.block_on(dispatch(&studio, args, &mut out, &mut err)) as i32
}

/// Runs command `args[0]` on `studio`, writing results to `out` and progress to `err`.
pub async fn dispatch(
    studio: &Studio,
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    match args.first().map(String::as_str) {
        Some("replace") => replace::run(studio, &args[1..], out, err).await,
        other => {
            let _ = writeln!(err, "training-studio: unknown command {other:?}");
            Exit::Usage
        }
    }
}

/// Opens `target` in `studio` as the app would.
pub async fn open(studio: &Studio, target: &Target) -> Result<WorkspaceSummary, StudioError> {
    match target {
        Target::Demo => studio.open_demo().await,
        Target::Workspace(name) => {
            let list = studio.list_workspaces()?;
            let found = list.workspaces.iter().find(|w| &w.name == name);
            let Some(workspace) = found else {
                let known: Vec<_> = list
                    .workspaces
                    .iter()
                    .map(|w| format!("“{}”", w.name))
                    .collect();
                return Err(StudioError::invalid_input(format!(
                    "No workspace is called “{name}”. Known: {}.",
                    if known.is_empty() {
                        "none (add one in the app first)".to_owned()
                    } else {
                        known.join(", ")
                    }
                )));
            };
            studio.switch_workspace(&workspace.id).await
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_identifier_is_the_apps() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../../tauri.conf.json"))
                .expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], super::IDENTIFIER);
    }
}
