//! Training Studio entry point: reads the command line and runs the app.
//!
//! `--demo` opens the demo workspace at start instead of the last one; `--demo-seed SEED`
//! chooses the demo simulator's data (`demo`, the default, `empty` or `scale:N`). A first
//! argument naming a command (`training-studio replace …`) runs that command without a window
//! and exits with its status (`training_studio_lib::cli`).
//!
//! On Linux it turns WebKitGTK's accelerated compositing off unless
//! `WEBKIT_DISABLE_COMPOSITING_MODE` is already set: the app draws text and forms, which gain
//! nothing from it. Measured under Xvfb without a GPU (BENCHMARKS.md), compositing drew 2–4 frames
//! a second while typing, and scrolling the list of 10,000 took 83 ms a frame; without it, 16 ms.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use training_studio_lib::{cli, LaunchOptions};

const USAGE: &str = "usage: training-studio [--demo] [--demo-seed demo|empty|scale:N]";

fn main() {
    #[cfg(target_os = "linux")]
    prefer_plain_compositing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|first| cli::is_command(first)) {
        std::process::exit(cli::run(&args));
    }
    match parse_args(args) {
        Ok(Some(options)) => training_studio_lib::run(options),
        Ok(None) => println!("{USAGE}\n\ncommands:\n{}", cli::commands_help()),
        Err(message) => {
            eprintln!("training-studio: {message}\n{USAGE}");
            std::process::exit(2);
        }
    }
}

/// Sets `WEBKIT_DISABLE_COMPOSITING_MODE=1` unless the person set it (before any thread starts).
#[cfg(target_os = "linux")]
fn prefer_plain_compositing() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}

/// The launch options, `None` for `--help`, or what is wrong with the arguments.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<LaunchOptions>, String> {
    let mut options = LaunchOptions::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let seed = match arg.as_str() {
            "--demo" => {
                options.demo = true;
                continue;
            }
            "-h" | "--help" => return Ok(None),
            "--demo-seed" => args
                .next()
                .ok_or_else(|| "--demo-seed needs a value".to_owned())?,
            other => match other.strip_prefix("--demo-seed=") {
                Some(value) => value.to_owned(),
                None => return Err(format!("unknown argument {other:?}")),
            },
        };
        options.demo_seed = seed
            .parse()
            .map_err(|e: studio::StudioError| e.to_string())?;
    }
    Ok(Some(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<LaunchOptions>, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn no_arguments_is_the_last_workspace_with_the_demo_seed() {
        let options = parse(&[]).unwrap().unwrap();
        assert!(!options.demo);
        assert_eq!(options.demo_seed.name(), "demo");
    }

    #[test]
    fn demo_and_seed() {
        let options = parse(&["--demo", "--demo-seed", "scale:1000"])
            .unwrap()
            .unwrap();
        assert!(options.demo);
        assert_eq!(options.demo_seed.name(), "scale:1000");
        let options = parse(&["--demo-seed=empty"]).unwrap().unwrap();
        assert!(!options.demo);
        assert_eq!(options.demo_seed.name(), "empty");
    }

    #[test]
    fn bad_arguments_are_refused() {
        assert!(parse(&["--demo-seed"])
            .unwrap_err()
            .contains("needs a value"));
        assert!(parse(&["--demo-seed", "lots"])
            .unwrap_err()
            .contains("scale:N"));
        assert!(parse(&["--frobnicate"])
            .unwrap_err()
            .contains("unknown argument"));
        assert_eq!(parse(&["--help"]).unwrap(), None);
    }
}
