//! The command line: `training-studio export|import|replace …` for people who script, run without a
//! window. This file parses the whole command line ([`Cli`]: the app's own `--demo` and
//! `--demo-seed` too), opens the workspace a command names ([`WorkspaceChoice`]: by the name
//! the app knows it by, with the key the app keeps in the keychain, or the demo) through the
//! same `studio::Studio` service the app uses, and turns what happened into the exit code
//! ([`Outcome`]). Each command is one module beside this one (`export.rs`, `import.rs`,
//! `replace.rs`) with
//! its arguments and its `run`; a new command adds a module and a [`Command`] variant.
//!
//! Conventions every command follows: what it changes (or would change) goes to stdout, one
//! line each; progress and errors go to stderr; exit code 0 when all went well, 1 when some
//! items failed (each listed) or the command could not finish, 2 for bad usage (clap's own
//! errors, an unknown workspace, a folder that cannot be used).

mod export;
mod import;
mod replace;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use studio::{DemoSeed, ErrorKind, KeyringStore, Studio, StudioError, WorkspaceData};

use crate::flavour;

/// Write, preview, organise and publish open.cx trainings. Without a command it opens the app.
#[derive(Debug, Parser)]
#[command(name = "training-studio", version)]
pub struct Cli {
    /// Open the app on the demo workspace instead of the last one.
    #[arg(long)]
    pub demo: bool,
    /// The demo workspace's data: demo, empty or scale:N (N generated trainings). Its changes
    /// are kept per seed.
    #[arg(long, value_name = "SEED", default_value = "demo", global = true)]
    pub demo_seed: DemoSeed,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a workspace (or one directory) to a folder: one markdown file per training in a
    /// folder per directory, and workspace.toml with the directory and segment names.
    Export(export::ExportArgs),
    /// Bring a folder of training files back: updates, moves and new trainings (saved as
    /// drafts unless --publish), deletions only with --delete-missing. A training changed on
    /// open.cx since the export is left as it is and listed.
    Import(import::ImportArgs),
    /// Find and replace text across the workspace or one directory, with the app's checks
    /// (saved as drafts unless --publish; --dry-run lists the matches and writes nothing).
    Replace(replace::ReplaceArgs),
}

/// Which workspace a command works on.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct WorkspaceChoice {
    /// The workspace with this name in Training Studio (add it in the app first; its API key
    /// is read from the system's keychain).
    #[arg(long, value_name = "NAME")]
    pub workspace: Option<String>,
    /// The demo workspace (its local simulator, started for the command; see --demo-seed).
    #[arg(long)]
    pub demo: bool,
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went well.
    Done,
    /// Some items failed (listed), or the command could not finish.
    Failed,
    /// The command was given something it cannot use.
    BadUsage,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(match outcome {
            Outcome::Done => 0,
            Outcome::Failed => 1,
            Outcome::BadUsage => 2,
        })
    }
}

/// Runs `command` to its end and answers how it ended.
pub fn run(command: Command, demo_seed: DemoSeed) -> Outcome {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("training-studio: could not start ({e})");
            return Outcome::Failed;
        }
    };
    let outcome = runtime.block_on(async {
        let studio = open_studio(demo_seed)?;
        match command {
            Command::Export(args) => export::run(&studio, args).await,
            Command::Import(args) => import::run(&studio, args).await,
            Command::Replace(args) => {
                let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
                replace::run(&studio, args, &mut out, &mut err).await
            }
        }
    });
    outcome.unwrap_or_else(|e| {
        eprintln!("training-studio: {}", e.message());
        failure(&e)
    })
}

/// The service on this build's data folder and keychain entries (those the app uses).
fn open_studio(demo_seed: DemoSeed) -> Result<Studio, StudioError> {
    let data_dir = flavour::data_dir(flavour::IDENTIFIER).ok_or_else(|| {
        StudioError::new(ErrorKind::Config, "No data folder is known for this user.")
    })?;
    let keys = KeyringStore::for_service(flavour::storage_name(flavour::IDENTIFIER));
    Ok(Studio::new(data_dir, Box::new(keys)).with_demo_seed(demo_seed))
}

/// Opens the chosen workspace and loads it; says so on stderr.
async fn open(studio: &Studio, choice: &WorkspaceChoice) -> Result<(), StudioError> {
    let workspace = studio.open_for_script(choice.workspace.as_deref()).await?;
    eprintln!("Loading “{}” from open.cx…", workspace.name);
    Ok(())
}

/// The id of the directory of `data` named `name` (without regard to case).
fn directory_named(data: &WorkspaceData, name: &str) -> Result<String, StudioError> {
    data.directories
        .iter()
        .find(|d| d.name.to_lowercase() == name.to_lowercase())
        .map(|d| d.id.clone())
        .ok_or_else(|| {
            let known: Vec<String> = data
                .directories
                .iter()
                .map(|d| format!("“{}”", d.name))
                .collect();
            StudioError::invalid_input(format!(
                "This workspace has no directory named “{name}” (known: {}).",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ))
        })
}

/// The exit code of an error that stopped a command.
fn failure(e: &StudioError) -> Outcome {
    match e.kind() {
        ErrorKind::InvalidInput => Outcome::BadUsage,
        _ => Outcome::Failed,
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("training-studio").chain(args.iter().copied()))
    }

    #[test]
    fn the_help_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_app_keeps_its_options() {
        let cli = parse(&[]).unwrap();
        assert!(!cli.demo && cli.command.is_none());
        assert_eq!(cli.demo_seed.name(), "demo");
        let cli = parse(&["--demo", "--demo-seed", "scale:1000"]).unwrap();
        assert!(cli.demo);
        assert_eq!(cli.demo_seed.name(), "scale:1000");
        let cli = parse(&["--demo-seed=empty"]).unwrap();
        assert_eq!(cli.demo_seed.name(), "empty");
    }

    #[test]
    fn a_command_names_one_workspace() {
        let cli = parse(&["export", "--demo", "out"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Export(_))));
        let cli = parse(&["export", "--workspace", "Support", "out"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Export(_))));
        for bad in [
            &["export", "out"][..],
            &["export", "--demo", "--workspace", "Support", "out"],
            &["export", "--demo"],
            &["--demo-seed", "lots"],
            &["--frobnicate"],
        ] {
            let err = parse(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}: {err}");
        }
    }
}
