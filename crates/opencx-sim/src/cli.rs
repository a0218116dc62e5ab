//! The command line of the `opencx-sim` binary: a small hand-written parser into a
//! `SimConfig`.

use std::net::SocketAddr;
use std::path::PathBuf;

use opencx_sim::{SimConfig, TokenSpec};

pub const USAGE: &str = "\
opencx-sim: a local open.cx API server for tests and the demo workspace

USAGE:
    opencx-sim [OPTIONS]

OPTIONS:
    --addr ADDR            address to listen on [default: 127.0.0.1:0]
    --token TOKEN[:SCOPES] accept this API key; SCOPES is a comma list of training:read,
                           training:write, segments:read, chat-sessions:read,
                           chat-sessions:write (none = full access). Repeatable.
                           [default: ocx_test_full (full access), ocx_test_read (read only)]
    --seed SEED            demo | empty | scale:N (N trainings, N/8 extra segments)
                           [default: empty]
    --state FILE           load state from FILE (created from the seed if missing) and save
                           every change to it
    --rate-limit N         requests per minute per token, 0 = unlimited [default: 100]
    --latency-ms N         delay added to every API request [default: 0]
    --seed-random N        seed for fault decisions and generated data [default: 0]
    --control-token T      enable the /_sim control routes for loopback callers with this token
    --no-directories       answer 404 on the directory routes, as open.cx may
    --refuse-channel C     answer open.cx's 400 (body/restricted_to_channels/N must be equal to
                           one of the allowed values) to a training restricted to channel C,
                           and to a chat session on it, as a workspace that does not offer it
                           would. Repeatable.
    --draft-mode MODE      fields | literal: how is_draft is read. open.cx documents only
                           \"if true, saved as draft and not used by the AI\"; both readings
                           are the simulator's own. fields: a draft waits beside the live
                           version in draft_title/draft_content and a PUT without is_draft:true
                           publishes at once. literal: title/content always replace the live
                           text, is_draft:true takes the training out of use, there are never
                           draft_* fields. [default: fields]
    --omitted-fields WHAT  kept | cleared: what a PUT that leaves out metadata, start_time or
                           end_time does with them (the simulator's reading; open.cx documents
                           neither). [default: kept]
    --chat-answer SHAPE    in-response | id-only: which of open.cx's two documented answers
                           POST /chat/sessions/{id}/send gives. in-response: the AI's answer,
                           sessionIsHandedOff and debugInfo (work_instructions_scanned, ...).
                           id-only: {success, data: {message: {id}}}, the answer then read from
                           GET /chat/sessions/{id}/history. The answer itself is the
                           simulator's own: its best word match among the trainings in use on
                           the session's channel (see the crate docs). [default: in-response]
    -h, --help             print this help

start_time/end_time are read as an active window (the simulator's reading; open.cx gives
only their names): a training is active iff start_time <= now < end_time, a missing bound
being open.

The first line printed on stdout is the server's base URL, e.g. http://127.0.0.1:4010.
Requests are logged on stderr. Stops cleanly on Ctrl-C or SIGTERM.";

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Run(SimConfig),
    Help,
}

fn value<'a>(flag: &str, args: &mut impl Iterator<Item = &'a str>) -> Result<&'a str, String> {
    args.next().ok_or_else(|| format!("{flag} needs a value"))
}

fn number<T: std::str::FromStr>(flag: &str, raw: &str) -> Result<T, String> {
    raw.parse()
        .map_err(|_| format!("{flag}: `{raw}` is not a whole number"))
}

/// Parses the arguments (without the program name).
pub fn parse<'a>(args: impl IntoIterator<Item = &'a str>) -> Result<Command, String> {
    let mut config = SimConfig::default();
    let mut tokens: Vec<TokenSpec> = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v)),
            _ => (arg, None),
        };
        let mut take = || inline.map_or_else(|| value(flag, &mut args), Ok);
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--addr" => {
                let raw = take()?;
                config.addr = raw.parse::<SocketAddr>().map_err(|_| {
                    format!("--addr: `{raw}` is not an address like 127.0.0.1:8080")
                })?;
            }
            "--token" => tokens.push(take()?.parse().map_err(|e| format!("--token: {e}"))?),
            "--seed" => config.seed = take()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--state" => config.state_file = Some(PathBuf::from(take()?)),
            "--rate-limit" => config.rate_limit_per_minute = number(flag, take()?)?,
            "--latency-ms" => config.latency_ms = number(flag, take()?)?,
            "--seed-random" => config.random_seed = number(flag, take()?)?,
            "--control-token" => {
                let token = take()?;
                if token.is_empty() {
                    return Err("--control-token must not be empty".to_string());
                }
                config.control_token = Some(token.to_string());
            }
            "--no-directories" => config.directories_enabled = false,
            "--refuse-channel" => config.refused_channels.push(take()?.to_string()),
            "--draft-mode" => {
                config.draft_mode = take()?.parse().map_err(|e| format!("{flag}: {e}"))?
            }
            "--omitted-fields" => {
                config.omitted_fields = take()?.parse().map_err(|e| format!("{flag}: {e}"))?
            }
            "--chat-answer" => {
                config.chat_answer = take()?.parse().map_err(|e| format!("{flag}: {e}"))?
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if !tokens.is_empty() {
        config.tokens = tokens;
    }
    Ok(Command::Run(config))
}

#[cfg(test)]
mod tests {
    use super::*;
    use opencx_sim::{ChatAnswer, DraftMode, OmittedFields, Seed};

    fn run(args: &[&str]) -> SimConfig {
        match parse(args.iter().copied()).unwrap() {
            Command::Run(c) => c,
            Command::Help => panic!("help"),
        }
    }

    #[test]
    fn defaults() {
        let c = run(&[]);
        assert_eq!(c.addr.to_string(), "127.0.0.1:0");
        assert_eq!(c.tokens.len(), 2);
        assert_eq!(c.seed, Seed::Empty);
        assert!(c.directories_enabled);
        assert_eq!(c.draft_mode, DraftMode::Fields);
        assert_eq!(c.omitted_fields, OmittedFields::Kept);
        assert_eq!(c.chat_answer, ChatAnswer::InResponse);
    }

    #[test]
    fn every_option() {
        let c = run(&[
            "--addr",
            "127.0.0.1:4010",
            "--token",
            "a",
            "--token=b:training:read",
            "--seed",
            "scale:20",
            "--state",
            "s.json",
            "--rate-limit",
            "0",
            "--latency-ms",
            "5",
            "--seed-random",
            "9",
            "--control-token",
            "ctl",
            "--no-directories",
            "--draft-mode",
            "literal",
            "--omitted-fields=cleared",
            "--chat-answer",
            "id-only",
            "--refuse-channel",
            "whatsapp",
        ]);
        assert_eq!(c.addr.port(), 4010);
        assert_eq!(c.tokens.len(), 2);
        assert_eq!(c.tokens[1].scopes, Some(vec!["training:read".to_string()]));
        assert_eq!(c.seed, Seed::Scale(20));
        assert_eq!(c.state_file, Some(PathBuf::from("s.json")));
        assert_eq!(
            (c.rate_limit_per_minute, c.latency_ms, c.random_seed),
            (0, 5, 9)
        );
        assert_eq!(c.control_token.as_deref(), Some("ctl"));
        assert!(!c.directories_enabled);
        assert_eq!(c.draft_mode, DraftMode::Literal);
        assert_eq!(c.omitted_fields, OmittedFields::Cleared);
        assert_eq!(c.chat_answer, ChatAnswer::IdOnly);
        assert_eq!(c.refused_channels, ["whatsapp"]);
    }

    #[test]
    fn mistakes_and_help() {
        assert!(matches!(parse(["--help"]), Ok(Command::Help)));
        assert!(parse(["--seed"]).is_err());
        assert!(parse(["--seed", "big"]).is_err());
        assert!(parse(["--rate-limit", "-1"]).is_err());
        assert!(parse(["--frobnicate"]).is_err());
        assert!(parse(["--addr", "localhost"]).is_err());
        assert!(parse(["--draft-mode", "both"]).is_err());
        assert!(parse(["--omitted-fields"]).is_err());
        assert!(parse(["--chat-answer", "both"]).is_err());
    }
}
