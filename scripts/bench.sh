#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md, printing markdown tables:
#   1. list-all of scale:10000 from the simulator (20 ms latency): serial against concurrent;
#   2. preview render + sanitize in Rust for 1, 10 and 100 KB (criterion medians);
#   3. the release app: binary size, launch → list shown and resident memory with scale:1000.
# Release builds with LTO are slow (several minutes on 2 cores): this is not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --test

echo "## list-all (cargo run --release -p opencx --example bench_list_all)"
cargo run --quiet --release -p opencx --example bench_list_all

echo
echo "## preview (cargo bench -p studio --bench preview)"
cargo bench --quiet -p studio --bench preview -- --noplot >/dev/null 2>&1
node scripts/criterion-table.mjs target/criterion/preview

echo
echo "## release app"
npm --prefix ui run --silent build
cargo build --quiet --release --features custom-protocol --bin training-studio
echo "binary: target/release/training-studio, $(du -k target/release/training-studio | cut -f1) KiB"
NO_AT_BRIDGE=1 xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
  node ui/e2e/bench/startup.mjs "${@:-1000}"
