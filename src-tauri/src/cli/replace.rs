//! `training-studio replace`: find and replace across a workspace or one of its directories,
//! with the app's own code (`studio::find_replace` through the service, the review's plan and
//! the bulk job with its rate budget and the check for someone else's change per training). It
//! prints each match in its sentence, then what it changed (or, with `--dry-run`, nothing is
//! written); progress goes to stderr.

use std::io::Write;

use studio::{Exclusions, FindQuery, FindResults, FindScope, JobProgress, JobState, Studio};

use super::{open, Exit, Target};

const HELP: &str = "\
usage: training-studio replace (--workspace NAME | --demo) FIND REPLACEMENT [options]

Replaces FIND with REPLACEMENT in the titles and content of every training of the workspace
(the unpublished draft text where a training has one), as plain text, ignoring case. Every
change goes through the same checks as the app: a training changed on open.cx since it was read
is left as it is and listed as failed.

  --workspace NAME   the workspace the app knows by this name (its key comes from the keychain)
  --demo             the built-in demo workspace instead
  --directory NAME   only the trainings of this directory
  --dry-run          list the matches and what would change; write nothing
  --publish          publish the new text (default: saved as drafts beside the live version)
  -h, --help         this help

Exit status: 0 all went well, 1 some trainings failed (listed), 2 bad usage.
";

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Request {
    target: Target,
    find: String,
    replacement: String,
    directory: Option<String>,
    dry_run: bool,
    publish: bool,
}

/// The request, `None` for `--help`, or what is wrong with the arguments.
fn parse(args: &[String]) -> Result<Option<Request>, String> {
    let mut target = None;
    let mut directory = None;
    let (mut dry_run, mut publish) = (false, false);
    let mut words = Vec::new();
    let mut args = args.iter();
    let set_target = |t: Target, target: &mut Option<Target>| {
        if target.replace(t).is_some() {
            return Err("give one of --workspace NAME or --demo, once".to_owned());
        }
        Ok(())
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--demo" => set_target(Target::Demo, &mut target)?,
            "--workspace" => {
                let name = args.next().ok_or("--workspace needs a name")?;
                set_target(Target::Workspace(name.clone()), &mut target)?;
            }
            "--directory" => {
                directory = Some(args.next().ok_or("--directory needs a name")?.clone());
            }
            "--dry-run" => dry_run = true,
            "--publish" => publish = true,
            "--" => words.extend(args.by_ref().cloned()),
            other if other.starts_with("--") => return Err(format!("unknown option {other:?}")),
            word => words.push(word.to_owned()),
        }
    }
    let target = target.ok_or("say which workspace: --workspace NAME or --demo")?;
    let [find, replacement] = <[String; 2]>::try_from(words)
        .map_err(|words| format!("give FIND and REPLACEMENT (got {} words)", words.len()))?;
    if find.is_empty() {
        return Err("FIND is empty".into());
    }
    Ok(Some(Request {
        target,
        find,
        replacement,
        directory,
        dry_run,
        publish,
    }))
}

/// Runs `replace` with `args` (after the command's name).
pub(super) async fn run(
    studio: &Studio,
    args: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Exit {
    let request = match parse(args) {
        Ok(Some(request)) => request,
        Ok(None) => {
            let _ = write!(out, "{HELP}");
            return Exit::Ok;
        }
        Err(why) => {
            let _ = writeln!(err, "training-studio replace: {why}\n\n{HELP}");
            return Exit::Usage;
        }
    };
    match replace(studio, &request, out, err).await {
        Ok(exit) => exit,
        Err(e) => {
            let _ = writeln!(err, "training-studio replace: {}", e.message());
            if e.kind() == studio::ErrorKind::InvalidInput {
                Exit::Usage
            } else {
                Exit::SomeFailed
            }
        }
    }
}

async fn replace(
    studio: &Studio,
    request: &Request,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Exit, studio::StudioError> {
    let workspace = open(studio, &request.target).await?;
    let _ = writeln!(err, "Reading “{}”…", workspace.name);
    let data = studio.load_workspace().await?;
    let scope = match &request.directory {
        None => FindScope::Workspace,
        Some(name) => {
            let Some(dir) = data.directories.iter().find(|d| &d.name == name) else {
                let known: Vec<_> = data
                    .directories
                    .iter()
                    .map(|d| format!("“{}”", d.name))
                    .collect();
                return Err(studio::StudioError::invalid_input(format!(
                    "No directory is called “{name}”. Known: {}.",
                    known.join(", ")
                )));
            };
            FindScope::Directory {
                directory_id: Some(dir.id.clone()),
            }
        }
    };
    let query = FindQuery {
        find: request.find.clone(),
        replacement: request.replacement.clone(),
        ..FindQuery::default()
    };
    let found = studio.find_text(query.clone(), scope.clone()).await?;
    print_matches(&found, out);
    if found.trainings.is_empty() {
        return Ok(Exit::Ok);
    }
    let review = studio
        .review_replace(query, scope, Exclusions::default(), request.publish)
        .await?;
    let _ = writeln!(out, "{}", review.lead);
    if request.dry_run {
        let _ = writeln!(
            out,
            "Dry run: would change {}; nothing was written.",
            trainings(review.items.len())
        );
        return Ok(Exit::Ok);
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<JobProgress>();
    studio.set_job_hook(move |p| {
        let _ = tx.send(p.clone());
    });
    let job = studio.start_job(review.request, review.seen)?;
    let last = loop {
        let Some(p) = rx.recv().await else {
            return Err(studio::StudioError::invalid_input(
                "The job stopped unexpectedly.",
            ));
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
    let verb = if request.publish {
        "Replaced and published in"
    } else {
        "Replaced (saved as drafts) in"
    };
    let _ = writeln!(out, "{verb} {}.", trainings(changed));
    if last.failed.is_empty() {
        return Ok(Exit::Ok);
    }
    let _ = writeln!(out, "{} failed:", trainings(last.failed.len()));
    for failure in &last.failed {
        let _ = writeln!(
            out,
            "  “{}” ({}): {}",
            failure.title, failure.id, failure.message
        );
    }
    Ok(Exit::SomeFailed)
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
    use studio::MemoryStore;

    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_and_bad_usage() {
        let r = parse(&args(&["--demo", "30 days", "45 days", "--dry-run"]))
            .unwrap()
            .unwrap();
        assert_eq!(r.target, Target::Demo);
        assert_eq!(
            (r.find.as_str(), r.replacement.as_str()),
            ("30 days", "45 days")
        );
        assert!(r.dry_run && !r.publish);
        let r = parse(&args(&[
            "--workspace",
            "Acme",
            "--directory",
            "Billing",
            "--publish",
            "--",
            "--x",
            "",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(r.target, Target::Workspace("Acme".into()));
        assert_eq!(r.directory.as_deref(), Some("Billing"));
        assert_eq!((r.find.as_str(), r.replacement.as_str()), ("--x", ""));
        assert!(r.publish);
        assert_eq!(parse(&args(&["--help"])).unwrap(), None);
        for bad in [
            &["30 days", "45 days"][..],
            &["--demo", "30 days"],
            &["--demo", "--workspace", "A", "x", "y"],
            &["--demo", "x", "y", "--frobnicate"],
            &["--demo", "--directory"],
            &["--demo", "", "y"],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?}");
        }
        for flag in [
            "--workspace",
            "--demo",
            "--directory",
            "--dry-run",
            "--publish",
            "--help",
        ] {
            assert!(HELP.contains(flag), "--help documents {flag}");
        }
    }

    /// `replace --dry-run` on a workspace signed in against the simulator's demo lists the
    /// matches and writes nothing; bad usage exits 2.
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
            let exit = super::super::dispatch(
                &studio,
                &args(&[
                    "replace",
                    "--workspace",
                    "Acme",
                    "30 days",
                    "45 days",
                    "--dry-run",
                ]),
                &mut out,
                &mut err,
            )
            .await;
            let out = String::from_utf8(out).unwrap();
            assert_eq!(exit, Exit::Ok, "{out}\n{}", String::from_utf8_lossy(&err));
            assert!(out.contains("“How returns work”"), "{out}");
            assert!(out.contains("[30 days → 45 days]"), "{out}");
            assert!(out.contains("matches in "), "{out}");
            assert!(out.contains("Dry run: would change "), "{out}");
            assert_eq!(sim.trainings(), before);
            assert!(sim.requests().iter().all(|r| r.method == "GET"));

            let (mut out, mut err) = (Vec::new(), Vec::new());
            let exit = super::super::dispatch(
                &studio,
                &args(&["replace", "--workspace", "Nobody", "a", "b"]),
                &mut out,
                &mut err,
            )
            .await;
            assert_eq!(exit, Exit::Usage);
            assert!(String::from_utf8(err)
                .unwrap()
                .contains("No workspace is called “Nobody”"));
            sim.shutdown().await;
        });
    }
}
