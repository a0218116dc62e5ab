//! The `opencx-sim` binary: first stdout line is the URL, requests on stderr without tokens,
//! clean exit on SIGTERM, `--help`, bad options.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_opencx-sim");

#[test]
fn help_and_bad_options() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    for flag in [
        "--addr",
        "--token",
        "--seed",
        "--state",
        "--rate-limit",
        "--latency-ms",
        "--seed-random",
        "--control-token",
        "--no-directories",
        "--draft-mode",
        "--omitted-fields",
    ] {
        assert!(text.contains(flag), "{flag}");
    }
    assert!(
        text.contains("both readings") && text.contains("the simulator's reading"),
        "the help says the readings are the simulator's own"
    );
    let bad = Command::new(BIN).arg("--frobnicate").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--frobnicate"));
}

#[cfg(unix)]
#[tokio::test]
async fn serves_logs_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let mut child = Command::new(BIN)
        .args([
            "--addr",
            "127.0.0.1:0",
            "--seed",
            "demo",
            "--token",
            "ocx_secret_cli:training:read",
        ])
        .arg("--state")
        .arg(&state)
        .args(["--no-directories", "--rate-limit", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base = first.trim().to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");

    let http = crate::common::client();
    let ok = http
        .get(format!("{base}/training"))
        .bearer_auth("ocx_secret_cli")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let dirs = http
        .get(format!("{base}/training/directories"))
        .bearer_auth("ocx_secret_cli")
        .send()
        .await
        .unwrap();
    assert_eq!(dirs.status(), 404, "--no-directories");
    let write = http
        .delete(format!("{base}/training/x"))
        .bearer_auth("ocx_secret_cli")
        .send()
        .await
        .unwrap();
    assert_eq!(write.status(), 403, "scopes from --token");
    assert!(state.exists());

    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    assert!(log.contains("GET /training 200"), "{log}");
    assert!(log.contains("GET /training/directories 404"), "{log}");
    assert!(
        !log.contains("ocx_secret_cli"),
        "the token is never logged: {log}"
    );
}
