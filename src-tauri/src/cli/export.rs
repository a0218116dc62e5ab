//! `training-studio export (--workspace NAME | --demo) DIR [--directory NAME]`: writes the
//! workspace as loaded from open.cx now (or one directory of it) to DIR.

use std::path::PathBuf;

use clap::Args;
use studio::{Studio, StudioError};

use super::{directory_named, open, Outcome, WorkspaceChoice};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceChoice,
    /// Only this directory (by name).
    #[arg(long, value_name = "NAME")]
    pub directory: Option<String>,
    /// The folder to write to: new, empty, or one exported to before (its files are brought up
    /// to date; files of trainings no longer there are removed).
    #[arg(value_name = "DIR")]
    pub folder: PathBuf,
}

pub async fn run(studio: &Studio, args: ExportArgs) -> Result<Outcome, StudioError> {
    open(studio, &args.workspace).await?;
    let data = studio.load_workspace().await?;
    let directory = match &args.directory {
        None => None,
        Some(name) => Some(directory_named(&data, name)?),
    };
    let summary = studio.export_to_folder(args.folder, directory).await?;
    println!(
        "Exported {} trainings in {} directories to {} ({} files written, {} removed).",
        summary.trainings, summary.directories, summary.folder, summary.written, summary.removed
    );
    Ok(Outcome::Done)
}
