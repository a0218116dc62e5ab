//! The `opencx-sim` binary: parses the command line, starts the simulator, prints its base
//! URL as the first stdout line, logs requests on stderr, and stops on Ctrl-C or SIGTERM.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use opencx_sim::{default_tokens, SimConfig};
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match cli::parse(args.iter().map(String::as_str)) {
        Ok(cli::Command::Run(config)) => config,
        Ok(cli::Command::Help) => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("opencx-sim: {e}\nTry `opencx-sim --help`.");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_target(false)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("opencx-sim: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(config))
}

/// Which tokens are accepted, without ever showing a configured token.
fn token_note(config: &SimConfig) -> String {
    if config.tokens == default_tokens() {
        let names: Vec<String> = config
            .tokens
            .iter()
            .map(|t| format!("{} ({})", t.token, t.access_label()))
            .collect();
        format!("accepting the default test tokens: {}", names.join(", "))
    } else {
        let kinds: Vec<String> = config.tokens.iter().map(|t| t.access_label()).collect();
        format!(
            "accepting {} configured token(s): {}",
            config.tokens.len(),
            kinds.join("; ")
        )
    }
}

async fn run(config: SimConfig) -> ExitCode {
    let note = token_note(&config);
    let seed = config.seed;
    let state = config.state_file.clone();
    let readings = format!(
        "draft mode {}, omitted fields {}",
        config.draft_mode, config.omitted_fields
    );
    let sim = match opencx_sim::spawn(config).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("opencx-sim: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", sim.base_url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        eprintln!("opencx-sim: could not write the address to stdout");
    }
    drop(stdout);
    match &state {
        Some(path) => tracing::info!("state file {} (seed {seed} if new)", path.display()),
        None => tracing::info!("seed {seed}, state in memory only"),
    }
    tracing::info!("{note}");
    tracing::info!("{readings}");
    wait_for_signal().await;
    tracing::info!("shutting down");
    sim.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}
