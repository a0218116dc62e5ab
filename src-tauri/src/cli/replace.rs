//! `training-studio replace`: find and replace across a workspace or one of its directories,
//! with the app's own code (`studio::find_replace` through the service, the review's plan and
//! the bulk job with its rate budget and the check for someone else's change per training). It
//! prints each match in its sentence, then what it changed (or, with `--dry-run`, nothing is
//! written); progress goes to stderr.

use std::io::Write;

use clap::Args;
use studio::{
    Exclusions, FindQuery, FindResults, FindScope, JobProgress, JobState, Studio, StudioError,
};

use super::{directory_named, open, Outcome, WorkspaceChoice};

/// Replaces FIND with REPLACEMENT in the titles and content of every training of the workspace
/// (the unpublished draft text where a training has one), as plain text, ignoring case. Every
/// change goes through the same checks as the app: a training changed on open.cx since it was
/// read is left as it is and listed as failed.
#[derive(Debug, Args)]
pub struct ReplaceArgs {
    #[command(flatten)]
    pub workspace: WorkspaceChoice,
    /// Only the trainings of this directory (by name).
    #[arg(long, value_name = "NAME")]
    pub directory: Option<String>,
    /// List the matches and what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish the new text (otherwise it is saved as drafts beside the live version).
    #[arg(long)]
    pub publish: bool,
    /// The text to find (`--` before it when it starts with a dash).
    #[arg(value_name = "FIND", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub find: String,
    /// What to put in its place (may be empty).
    #[arg(value_name = "REPLACEMENT")]
    pub replacement: String,
}

/// Runs `replace`: the matches and the changes to `out`, progress to `err`.
pub async fn run(
    studio: &Studio,
    args: ReplaceArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, StudioError> {
    open(studio, &args.workspace).await?;
    let data = studio.load_workspace().await?;
    let scope = match &args.directory {
        None => FindScope::Workspace,
        Some(name) => FindScope::Directory {
            directory_id: Some(directory_named(&data, name)?),
        },
    };
    let query = FindQuery {
        find: args.find.clone(),
        replacement: args.replacement.clone(),
        ..FindQuery::default()
    };
    let found = studio.find_text(query.clone(), scope.clone()).await?;
    print_matches(&found, out);
    if found.trainings.is_empty() {
        return Ok(Outcome::Done);
    }
    let review = studio
        .review_replace(query, scope, Exclusions::default(), args.publish)
        .await?;
    let _ = writeln!(out, "{}", review.lead);
    if args.dry_run {
        let _ = writeln!(
            out,
            "Dry run: would change {}; nothing was written.",
            trainings(review.items.len())
        );
        return Ok(Outcome::Done);
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<JobProgress>();
    studio.set_job_hook(move |p| {
        let _ = tx.send(p.clone());
    });
    let job = studio.start_job(review.request, review.seen)?;
    let last = loop {
        let Some(p) = rx.recv().await else {
            return Err(StudioError::invalid_input("The job stopped unexpectedly."));
        };
        if p.job_id != job {
            continue;
        }
        if p.state != JobState::Running {
            break p;
        }
        let _ = writeln!(err, "{} of {}", p.done, p.total);
    };
    let changed = last.total as usize - last.failed.len();
    let verb = if args.publish {
        "Replaced and published in"
    } else {
        "Replaced (saved as drafts) in"
    };
    let _ = writeln!(out, "{verb} {}.", trainings(changed));
    if last.failed.is_empty() {
        return Ok(Outcome::Done);
    }
    let _ = writeln!(out, "{} failed:", trainings(last.failed.len()));
    for failure in &last.failed {
        let _ = writeln!(
            out,
            "  “{}” ({}): {}",
            failure.title, failure.id, failure.message
        );
    }
    Ok(Outcome::Failed)
}

/// Each training with a match, then each match in its sentence, the match marked `[old → new]`.
fn print_matches(found: &FindResults, out: &mut dyn Write) {
    if found.trainings.is_empty() {
        let _ = writeln!(out, "No matches.");
        return;
    }
    for training in &found.trainings {
        let draft = if training.unpublished_draft {
            " (unpublished draft text)"
        } else {
            ""
        };
        let _ = writeln!(out, "“{}” ({}){draft}", training.title, training.id);
        for m in &training.matches {
            let field = match m.field {
                studio::find_replace::MatchField::Title => "title",
                studio::find_replace::MatchField::Content => "content",
            };
            let _ = writeln!(
                out,
                "  {field}: {}[{} → {}]{}",
                m.before, m.matched, m.replacement, m.after
            );
        }
    }
    let matches = if found.match_count == 1 {
        "1 match".to_owned()
    } else {
        format!("{} matches", found.match_count)
    };
    let _ = writeln!(out, "{matches} in {}.", trainings(found.trainings.len()));
}

fn trainings(n: usize) -> String {
    if n == 1 {
        "1 training".into()
    } else {
        format!("{n} trainings")
    }
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};
    use studio::MemoryStore;

    use super::super::{failure, Cli, Command};
    use super::*;

    fn parse(words: &[&str]) -> Result<ReplaceArgs, clap::Error> {
        let all = ["training-studio", "replace"]
            .into_iter()
            .chain(words.iter().copied());
        match Cli::try_parse_from(all)?.command {
            Some(Command::Replace(args)) => Ok(args),
            other => panic!("not a replace: {other:?}"),
        }
    }

    #[test]
    fn arguments_and_bad_usage() {
        let r = parse(&["--demo", "30 days", "45 days", "--dry-run"]).unwrap();
        assert!(r.workspace.demo && r.workspace.workspace.is_none());
        assert_eq!(
            (r.find.as_str(), r.replacement.as_str()),
            ("30 days", "45 days")
        );
        assert!(r.dry_run && !r.publish);
        let r = parse(&[
            "--workspace",
            "Acme",
            "--directory",
            "Billing",
            "--publish",
            "--",
            "--x",
            "",
        ])
        .unwrap();
        assert_eq!(r.workspace.workspace.as_deref(), Some("Acme"));
        assert_eq!(r.directory.as_deref(), Some("Billing"));
        assert_eq!((r.find.as_str(), r.replacement.as_str()), ("--x", ""));
        assert!(r.publish);
        for bad in [
            &["30 days", "45 days"][..],
            &["--demo", "30 days"],
            &["--demo", "--workspace", "A", "x", "y"],
            &["--demo", "x", "y", "--frobnicate"],
            &["--demo", "--directory"],
            &["--demo", "", "y"],
        ] {
            let err = parse(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}: {err}");
        }
        let help = Cli::command()
            .find_subcommand_mut("replace")
            .expect("replace is a command")
            .render_help()
            .to_string();
        for flag in [
            "--workspace",
            "--demo",
            "--directory",
            "--dry-run",
            "--publish",
            "--help",
        ] {
            assert!(help.contains(flag), "--help documents {flag}");
        }
    }

    /// `replace --dry-run` on a workspace signed in against the simulator's demo lists the
    /// matches and writes nothing; an unknown workspace is bad usage.
    #[test]
    fn a_dry_run_lists_the_matches_and_writes_nothing() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let sim = opencx_sim::spawn(opencx_sim::SimConfig {
                seed: "demo".parse().unwrap(),
                ..opencx_sim::SimConfig::default()
            })
            .await
            .unwrap();
            let dir = tempfile::tempdir().unwrap();
            let studio = Studio::new(dir.path(), Box::new(MemoryStore::new()));
            studio
                .sign_in("Acme", &sim.base_url(), opencx_sim::DEFAULT_FULL_TOKEN)
                .await
                .unwrap();
            let before = sim.trainings();
            sim.clear_requests();
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let args = parse(&["--workspace", "Acme", "30 days", "45 days", "--dry-run"]).unwrap();
            let outcome = run(&studio, args, &mut out, &mut err).await;
            let out = String::from_utf8(out).unwrap();
            assert_eq!(
                outcome.unwrap(),
                Outcome::Done,
                "{out}\n{}",
                String::from_utf8_lossy(&err)
            );
            assert!(out.contains("“How returns work”"), "{out}");
            assert!(out.contains("[30 days → 45 days]"), "{out}");
            assert!(out.contains("matches in "), "{out}");
            assert!(out.contains("Dry run: would change "), "{out}");
            assert_eq!(sim.trainings(), before);
            assert!(sim.requests().iter().all(|r| r.method == "GET"));

            let (mut out, mut err) = (Vec::new(), Vec::new());
            let args = parse(&["--workspace", "Nobody", "a", "b"]).unwrap();
            let e = run(&studio, args, &mut out, &mut err).await.unwrap_err();
            assert_eq!(failure(&e), Outcome::BadUsage);
            assert!(e.message().contains("“Nobody”"), "{}", e.message());
            sim.shutdown().await;
        });
    }
}
