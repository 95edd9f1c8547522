#!/usr/bin/env bash
# The README's two set-up commands, for a fresh Debian 12 machine:
#   build-aux/dev.sh run    install what is missing, build, launch on the embedded mock server
#   build-aux/dev.sh test   install what is missing, build, run every test (GUI ones under Xvfb)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
builddir=${TICKSCOPE_BUILDDIR:-build}

packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libgsl-dev libsqlite3-dev libcsv-dev glib-networking
  desktop-file-utils appstream
  xvfb xauth nodejs node-ws
)

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir"
  fi
  meson compile -C "$builddir"
}

run_app() {
  export GSETTINGS_SCHEMA_DIR="$top/$builddir/data"
  exec "$builddir/src/app/tickscope" --mock "$@"
}

run_tests() {
  local status=0
  xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?
  # One plain closing line: N passed, N failed, N skipped.
  python3 - "$builddir/meson-logs/testlog.json" <<'PY' || true
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0, "TIMEOUT": 0, "ERROR": 0, "EXPECTEDFAIL": 0, "UNEXPECTEDPASS": 0}
for line in open(sys.argv[1]):
    r = json.loads(line).get("result")
    counts[r] = counts.get(r, 0) + 1
failed = counts["FAIL"] + counts["TIMEOUT"] + counts["ERROR"] + counts["UNEXPECTEDPASS"]
print(f"{counts['OK'] + counts['EXPECTEDFAIL']} passed, {failed} failed, {counts['SKIP']} skipped")
PY
  return $status
}

case "${1:-}" in
  run)  shift; install_deps; build; run_app "$@" ;;
  test) shift; install_deps; build; run_tests "$@" ;;
  deps) install_deps ;;
  build) install_deps; build ;;
  *) echo "usage: $0 run|test|deps|build" >&2; exit 2 ;;
esac
