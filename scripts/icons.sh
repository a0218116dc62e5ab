#!/usr/bin/env bash
# Generates the app icons in icons/ from the one source image icons/source.svg.
#   scripts/icons.sh           regenerate icons/
#   scripts/icons.sh --check   fail if the committed icons differ from what the source gives
# Uses the Tauri CLI from ui/node_modules (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

DESKTOP_ICONS=(32x32.png 64x64.png 128x128.png 128x128@2x.png icon.png icon.ico icon.icns)
tauri_cli=ui/node_modules/.bin/tauri
[ -x "$tauri_cli" ] || { echo "icons: $tauri_cli is missing; run scripts/setup.sh first" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$tauri_cli" icon icons/source.svg -o "$out" >/dev/null

if [ "${1:-}" = "--check" ]; then
  stale=0
  for name in "${DESKTOP_ICONS[@]}"; do
    if [ "$name" = icon.icns ]; then
      # The CLI's icns encoder orders its entries differently on each run: compare the size only.
      [ "$(stat -c %s "$out/$name")" = "$(stat -c %s "icons/$name" 2>/dev/null || echo 0)" ] || { echo "stale: icons/$name"; stale=1; }
    else
      cmp -s "$out/$name" "icons/$name" || { echo "stale: icons/$name"; stale=1; }
    fi
  done
  [ "$stale" = 0 ] || { echo "icons are stale: run scripts/icons.sh and commit icons/" >&2; exit 1; }
  echo "icons: up to date"
else
  for name in "${DESKTOP_ICONS[@]}"; do cp "$out/$name" "icons/$name"; done
  echo "icons: regenerated ${#DESKTOP_ICONS[@]} files from icons/source.svg"
fi
