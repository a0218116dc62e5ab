#!/usr/bin/env bash
# Runs the end-to-end suite (or the named spec files) against the real app in a real WebKitGTK
# webview, with the real Secret Service, under Xvfb. Expects ui/dist to be built and the
# end-to-end npm packages installed (scripts/test.sh does both); builds the binaries it drives.
#   scripts/e2e.sh                                   every spec
#   scripts/e2e.sh ui/e2e/specs/05-organise.e2e.mjs  one spec
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/lib/sessions.sh

# The app and the simulator the specs start (some with options newer than an old build knows).
cargo build --bins -p training-studio -p opencx-sim --features training-studio/custom-protocol
specs=()
for spec in "$@"; do specs+=(--spec "$(realpath "$spec")"); done
on_display_in_keyring_session npm --prefix ui/e2e run --silent test -- "${specs[@]}"
