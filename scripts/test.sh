#!/usr/bin/env bash
# Runs every test of Training Studio, installing what is missing first:
# static checks (fmt, clippy, eslint, svelte-check/tsc, stale icons and bindings), Rust tests
# (units, contract tests against opencx-sim over loopback), keychain tests against the real Secret
# Service, UI unit tests, and the end-to-end suite: the real app in a real WebKitGTK webview.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --test

# One feature set for every build of the app package, so tauri is compiled once.
APP_FEATURES=(--features training-studio/custom-protocol)

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

source scripts/lib/sessions.sh

step "formatting"
cargo fmt --all --check

step "UI lint and type checks"
npm --prefix ui run --silent lint
npm --prefix ui run --silent check

step "generated icons are up to date"
bash scripts/icons.sh --check

step "UI build (bundled into the app)"
npm --prefix ui run --silent build

step "clippy"
cargo clippy --workspace --all-targets "${APP_FEATURES[@]}" --features studio/keychain-it -- -D warnings

step "Rust tests"
cargo test --workspace "${APP_FEATURES[@]}"

step "generated TypeScript (IPC bindings, vocabulary.ts) is up to date"
if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  git status --short -- ui/src/lib/bindings
  echo "The generated files in ui/src/lib/bindings are stale: run 'cargo test' and commit them." >&2
  exit 1
fi

step "keychain tests against the real Secret Service"
in_keyring_session cargo test -p studio --features keychain-it --test keychain -- --test-threads=1

step "UI unit tests"
npm --prefix ui run --silent test

step "end-to-end tests in the real webview"
bash scripts/e2e.sh
