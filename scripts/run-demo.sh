#!/usr/bin/env bash
# Builds Training Studio and opens it on the built-in demo workspace (a local open.cx simulator
# with realistic data; no account or API key needed). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
npm --prefix ui run --silent build
cargo run --features custom-protocol --bin training-studio -- --demo "$@"
