#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md, printing markdown tables:
#   1. list-all of scale:10000 from the simulator (20 ms latency): serial against concurrent;
#   2. preview render + sanitize in Rust for 1, 10 and 100 KB (criterion medians);
#   3. local search over 10,000 trainings per keystroke (vitest bench) against a naive baseline;
#      "What will the AI see?" over 10,000 trainings (index, answer, re-index; criterion medians
#      and the answer's p50/p95) against a naive scan; the writing radar: health of 10,000,
#      contradictions of 1,000 pairs, the workspace check-up at 1,000 and 10,000 against
#      every pair (criterion medians; at 10,000 the all-pairs figure is a timed sample,
#      extrapolated, as it prints), and "Similar trainings" for one edit at 1,000 and 10,000
#      against comparing it with every other training (criterion medians and p50/p95);
#   4. autosave: journal writes of a 1, 10 and 100 KB training, against a plain overwrite;
#      the workspace as files: export of 10,000 trainings and the import plan of 10,000
#      unchanged files, against writing and reading the files alone;
#   5. the release build: binary and .deb sizes (no AppImage: its bundler downloads linuxdeploy
#      from GitHub);
#   6. the release app in the real webview (Xvfb, D-Bus, an unlocked keyring): launch → list shown
#      and memory (PSS of the app and its WebKit processes) at 1,000 and 10,000 trainings beside a
#      bare Tauri 2 window (crates/bare-window), with where the app's start goes; keystroke →
#      preview latency at 1, 10 and 100 KB (WebKit's defaults, then with compositing off) against
#      baselines; the list at 10,000, virtualised against every row in the DOM; search as you type
#      over 10,000 against a naive search; "Review changes" after pasting 100 KB and 1 MB, drawn in
#      parts against everything drawn at once; cold start with a cached workspace of 10,000
#      against no cache; a first load of 10,000 with nothing cached at open.cx's 100 requests a
#      minute (first trainings, whole list, requests); a working day's soak (500 trainings
#      opened, typing, saving, searching, moving) with the memory of the app and its WebKit
#      processes along the way.
# The bulk move at the rate limit (BENCHMARKS.md, issue 4) takes 20 minutes: run it on its own,
#   cargo run --release -p studio --example bench_bulk_move -- 150
# Release builds with LTO are slow (several minutes on 2 cores): this is not part of the tests.
# On a shared machine, BENCH_NICE=-10 (as root) runs the webview benchmarks at a higher priority.
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
echo "## What will the AI see? over 10,000 trainings (cargo bench -p studio --bench reach)"
cargo bench --quiet -p studio --bench reach -- --noplot 2>/dev/null | grep -E '^(reach|naive) answer'
node scripts/criterion-table.mjs target/criterion/reach

echo
echo "## The writing radar, the workspace check-up and Similar trainings (cargo bench -p studio --bench radar)"
cargo bench --quiet -p studio --bench radar -- --noplot 2>/dev/null |
  grep -E -A1 '^(radar:|radar/|checkup/|check-up of|all pairs of|similar|all-pairs lookup)' |
  grep -v -e '^--$' -e '^Benchmarking'
node scripts/criterion-table.mjs target/criterion/checkup
node scripts/criterion-table.mjs target/criterion/similar

echo
echo "## local search over 10,000 trainings (npm --prefix ui run bench:search)"
npm --prefix ui run --silent bench:search 2>/dev/null | grep -e '^|' -e 'search index over'

echo
echo "## autosave (cargo run --release -p studio --example bench_autosave)"
cargo run --quiet --release -p studio --example bench_autosave

echo
echo "## the workspace as files (cargo run --release -p studio --example bench_files)"
cargo run --quiet --release -p studio --example bench_files

echo
echo "## release build (tauri build --bundles deb)"
npm --prefix ui run --silent build
# The UI is built just above; the CLI would run its beforeBuildCommand from ui/.
ui/node_modules/.bin/tauri build --bundles deb --config '{"build":{"beforeBuildCommand":""}}' >/dev/null
# The simulator, and the bare Tauri 2 window the start and memory figures are ratios against.
cargo build --quiet --release -p opencx-sim -p bare-window --features bare-window/custom-protocol
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "| what | size |"
echo "|---|---:|"
echo "| release binary target/release/training-studio | $(du -k target/release/training-studio | cut -f1) KiB |"
echo "| $deb | $(du -k "$deb" | cut -f1) KiB |"

echo
echo "## the release app in the real webview"
keyring=$(mktemp -d)
trap 'rm -rf "$keyring"' EXIT
run_in_webview() {
  local nice=()
  [ -n "${BENCH_NICE:-}" ] && nice=(nice -n "$BENCH_NICE")
  NO_AT_BRIDGE=1 "${nice[@]}" xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- sh -c '
    printf %s bench | XDG_DATA_HOME="$0" gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
    set -e
    echo "### launch → list shown, memory, beside a bare Tauri 2 window (node ui/e2e/bench/startup.mjs --stages 1000 10000)"
    node ui/e2e/bench/startup.mjs --stages 1000 10000
    echo
    echo "### keystroke → preview (node ui/e2e/bench/preview-latency.mjs)"
    node ui/e2e/bench/preview-latency.mjs
    echo
    echo "### keystroke → preview, compositing off (WEBKIT_DISABLE_COMPOSITING_MODE=1 node ui/e2e/bench/preview-latency.mjs)"
    WEBKIT_DISABLE_COMPOSITING_MODE=1 node ui/e2e/bench/preview-latency.mjs
    echo
    echo "### the list at 10,000 (node ui/e2e/bench/list.mjs 10000)"
    node ui/e2e/bench/list.mjs 10000
    echo
    echo "### search as you type over 10,000 (node ui/e2e/bench/search.mjs 10000)"
    node ui/e2e/bench/search.mjs 10000
    echo
    echo "### Review changes after pasting 100 KB and 1 MB (node ui/e2e/bench/review.mjs)"
    node ui/e2e/bench/review.mjs
    echo
    echo "### cold start with a cached workspace (node ui/e2e/bench/cold-start.mjs 10000)"
    node ui/e2e/bench/cold-start.mjs 10000
    echo
    echo "### first load with nothing cached, at the open.cx rate limit (node ui/e2e/bench/first-load.mjs 10000)"
    node ui/e2e/bench/first-load.mjs 10000
    echo
    echo "### a working day: 500 trainings opened (node ui/e2e/bench/soak.mjs)"
    node ui/e2e/bench/soak.mjs
  ' "$keyring" 2> >(grep -v -e dbus-daemon -e WARNING -e pw.conf -e portal -e '^$' >&2)
}
run_in_webview
