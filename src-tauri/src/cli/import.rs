//! `training-studio import (--workspace NAME | --demo) DIR [--dry-run] [--publish]
//! [--delete-missing]`: compares DIR with the workspace on open.cx, prints each change (and
//! what is left out, and why), then applies the changes as one bulk job with progress on
//! stderr, unless `--dry-run`.

use std::path::PathBuf;

use clap::Args;
use studio::workspace_files::{ChangeKind, ImportPlan, NameKind, PlannedChange};
use studio::{JobProgress, JobState, Studio, StudioError};

use super::{open, Outcome, WorkspaceChoice};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceChoice,
    /// The folder to read (exported before, edited by hand or in git, or from another
    /// workspace: directories and segments are then matched by name).
    #[arg(value_name = "DIR")]
    pub folder: PathBuf,
    /// Print what would change; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish what changes (the AI agent uses it at once); otherwise it is saved as drafts.
    #[arg(long)]
    pub publish: bool,
    /// Also delete the trainings on open.cx that have no file in the folder (in the exported
    /// directory only, when one directory was exported).
    #[arg(long)]
    pub delete_missing: bool,
}

pub async fn run(studio: &Studio, args: ImportArgs) -> Result<Outcome, StudioError> {
    open(studio, &args.workspace).await?;
    eprintln!("Comparing {} with open.cx…", args.folder.display());
    let plan = studio
        .plan_import(args.folder.clone(), args.publish)
        .await?;
    print_plan(&plan, args.delete_missing);
    let left_out =
        !plan.conflicts.is_empty() || !plan.unmatched.is_empty() || !plan.problems.is_empty();
    let deletions = if args.delete_missing {
        plan.missing.len()
    } else {
        0
    };
    let outcome = if left_out {
        Outcome::Failed
    } else {
        Outcome::Done
    };
    if plan.changes.is_empty() && deletions == 0 {
        println!("Nothing to change: {} files match open.cx.", plan.unchanged);
        return Ok(outcome);
    }
    if args.dry_run {
        println!("Nothing was changed (--dry-run).");
        return Ok(outcome);
    }
    let failed = apply(studio, args.delete_missing).await?;
    Ok(if failed { Outcome::Failed } else { outcome })
}

/// One line per change, then what is left out and why.
fn print_plan(plan: &ImportPlan, delete_missing: bool) {
    for change in &plan.changes {
        println!("{}", change_line(change));
    }
    for missing in &plan.missing {
        if delete_missing {
            println!("delete    “{}” (no file in the folder)", missing.title);
        }
    }
    if !delete_missing && !plan.missing.is_empty() {
        eprintln!(
            "{} trainings on open.cx have no file in the folder and are kept (--delete-missing \
             deletes them).",
            plan.missing.len()
        );
    }
    if plan.newer_on_open_cx > 0 {
        eprintln!(
            "{} files are as exported, and their trainings were changed on open.cx since: \
             open.cx's version stays (export again to bring it into the folder).",
            plan.newer_on_open_cx
        );
    }
    for conflict in &plan.conflicts {
        println!("conflict  {}: {}", conflict.path, conflict.message);
    }
    if plan.conflicts.iter().any(|c| c.conflict.is_some()) {
        eprintln!(
            "Import the folder in the app (Import… in the workspace menu) to compare each \
             conflict side by side and choose."
        );
    }
    for name in &plan.unmatched {
        let what = match name.kind {
            NameKind::Directory => "directory",
            NameKind::Segment => "segment",
        };
        println!(
            "left out  {}: no {what} is named “{}” in this workspace",
            name.files.join(", "),
            name.name
        );
    }
    for problem in &plan.problems {
        println!("problem   {}", problem.message);
    }
}

/// `update  path: what changes`, in the review's words.
fn change_line(change: &PlannedChange) -> String {
    let kind = match change.kind {
        ChangeKind::Update => "update",
        ChangeKind::Move => "move",
        ChangeKind::Create => "create",
    };
    let mut said: Vec<String> = change
        .review
        .changes
        .iter()
        .filter(|c| change.kind != ChangeKind::Create || !c.after.is_empty())
        .map(|c| format!("{}: “{}” → “{}”", c.label, c.before, c.after))
        .collect();
    let (added, removed) =
        change
            .review
            .content_diff
            .iter()
            .fold((0, 0), |(a, r), line| match line.tag {
                studio::review::DiffTag::Insert => (a + 1, r),
                studio::review::DiffTag::Delete => (a, r + 1),
                studio::review::DiffTag::Equal => (a, r),
            });
    if added + removed > 0 {
        said.push(format!("text: +{added} −{removed} lines"));
    }
    if change.review.out_of_use.is_some() {
        said.push(change.review.lead.clone());
    }
    format!("{kind:<9} {}: {}", change.path, said.join("; "))
}

/// Runs the job of the plan just made, progress on stderr; answers whether any item failed (each printed).
async fn apply(studio: &Studio, delete_missing: bool) -> Result<bool, StudioError> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<JobProgress>();
    studio.set_job_hook(move |progress| {
        let _ = tx.send(progress.clone());
    });
    let job = studio.start_import(delete_missing)?;
    let mut last = None;
    loop {
        tokio::select! {
            progress = rx.recv() => {
                let Some(progress) = progress else { break };
                if progress.job_id != job {
                    continue;
                }
                if progress.state == JobState::Running {
                    eprint!("\r{} of {} done", progress.done, progress.total);
                    for said in &progress.differences {
                        eprintln!("\n{}: {}", said.id, said.differences.join(" "));
                    }
                } else {
                    eprintln!();
                    last = Some(progress);
                    break;
                }
            }
            _ = tokio::signal::ctrl_c() => {
                eprintln!("\nStopping after the current item…");
                studio.cancel_job(&job)?;
            }
        }
    }
    let Some(last) = last else {
        return Ok(true);
    };
    for failure in &last.failed {
        println!("failed    “{}”: {}", failure.title, failure.message);
    }
    let applied = last.done as usize - last.failed.len();
    println!(
        "{} of {} changes applied{}.",
        applied,
        last.total,
        if last.state == JobState::Cancelled {
            " (stopped)"
        } else {
            ""
        }
    );
    Ok(!last.failed.is_empty() || last.state == JobState::Cancelled)
}
