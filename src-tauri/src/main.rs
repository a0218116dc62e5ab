//! Training Studio entry point: reads the command line, then runs a command without a window
//! (`export`, `import`, `replace`: `cli/`) or the app.
//!
//! `--demo` opens the demo workspace at start instead of the last one; `--demo-seed SEED`
//! chooses the demo simulator's data (`demo`, the default, `empty` or `scale:N`).
//!
//! On Linux it turns WebKitGTK's accelerated compositing off unless
//! `WEBKIT_DISABLE_COMPOSITING_MODE` is already set: the app draws text and forms, which gain
//! nothing from it. Measured under Xvfb without a GPU (BENCHMARKS.md), compositing drew 2–4 frames
//! a second while typing, and scrolling the list of 10,000 took 83 ms a frame; without it, 16 ms.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use training_studio_lib::cli::{self, Cli};
use training_studio_lib::LaunchOptions;

fn main() -> ExitCode {
    // clap prints --help and --version (exit 0) and bad usage (exit 2) itself.
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return cli::run(command, cli.demo_seed).into();
    }
    #[cfg(target_os = "linux")]
    prefer_plain_compositing();
    training_studio_lib::run(LaunchOptions {
        demo: cli.demo,
        demo_seed: cli.demo_seed,
    });
    ExitCode::SUCCESS
}

/// Sets `WEBKIT_DISABLE_COMPOSITING_MODE=1` unless the person set it (before any thread starts).
#[cfg(target_os = "linux")]
fn prefer_plain_compositing() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}
