#!/usr/bin/env bash
# Builds the live preview's renderer for the page (crates/preview-wasm: the app's own markdown
# renderer and sanitizer, compiled to WebAssembly) into ui/src/lib/generated/preview.wasm, which
# the page loads for the live preview. Run by the UI's npm scripts before dev, build and test; adds Rust's
# wasm32 target first if this machine lacks it. Cargo rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
cargo build --quiet --release -p preview-wasm --target wasm32-unknown-unknown
mkdir -p ui/src/lib/generated
cp target/wasm32-unknown-unknown/release/preview_wasm.wasm ui/src/lib/generated/preview.wasm
