#!/usr/bin/env bash
# Installs what Training Studio needs to build and run (and, with --test, to run every test),
# but only what is missing: Debian/Ubuntu packages, Rust, Node.js 20+, the UI's npm packages,
# and (for tests) the end-to-end suite's npm packages and tauri-driver.
#   scripts/setup.sh          build and run
#   scripts/setup.sh --test   build, run and test
set -euo pipefail
cd "$(dirname "$0")/.."

TAURI_DRIVER_VERSION=2.1.0
BUILD_PACKAGES=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev libdbus-1-dev)
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth gnome-keyring dbus-x11 xdotool imagemagick libsecret-tools)

with_test=false
[ "${1:-}" = "--test" ] && with_test=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} = 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_rust() {
  command -v cargo >/dev/null && return
  [ -x "$HOME/.cargo/bin/cargo" ] || {
    say "installing Rust with rustup"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
  }
  export PATH="$HOME/.cargo/bin:$PATH"
}

ensure_node() {
  local major=0
  command -v node >/dev/null && major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    say "installing Node.js 20 (found: ${major})"
    install_missing_packages ca-certificates gnupg
    curl -fsSL https://deb.nodesource.com/setup_20.x | as_root bash - >/dev/null
    as_root apt-get install -y -qq nodejs >/dev/null
  fi
}

# npm ci when node_modules is missing or older than the lock file.
ensure_npm_packages() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing npm packages in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}

ensure_tauri_driver() {
  # tauri-driver has no --version flag: ask cargo which version it installed.
  if ! command -v tauri-driver >/dev/null ||
    ! cargo install --list | grep -qx "tauri-driver v$TAURI_DRIVER_VERSION:"; then
    say "installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
  fi
}

install_missing_packages "${BUILD_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_packages ui
if $with_test; then
  install_missing_packages "${TEST_PACKAGES[@]}"
  ensure_npm_packages ui/e2e
  export PATH="$HOME/.cargo/bin:$PATH"
  ensure_tauri_driver
fi
say "ready"
