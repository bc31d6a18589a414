#!/usr/bin/env bash
# Builds the one-folder Linux app with PyInstaller and smoke-runs it headless.
#
#   packaging/build.sh            # venv in build/venv, result in dist/fulfillment-station/
#   PYTHON=python3.12 packaging/build.sh
#
# Steps: fresh venv -> pip install . + pyinstaller -> compile .ts to .qm inside the installed
# package (the frozen app has no lrelease) -> pyinstaller -> smoke: --version, then a sandbox
# started from the built app and `check` run against it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
BUILD="$ROOT/build"
VENV="$BUILD/venv"
DIST="$ROOT/dist"
APP="$DIST/fulfillment-station/fulfillment-station"
PYINSTALLER_VERSION="${PYINSTALLER_VERSION:-6.22.3}"

step() { printf '\n== %s\n' "$*"; }

step "venv ($PYTHON)"
rm -rf "$VENV"
mkdir -p "$BUILD"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . "pyinstaller==$PYINSTALLER_VERSION"

# From here on run outside the checkout: with the repo root as the working directory Python
# would import the source tree instead of the installed package (and write .qm files into it).
cd "$BUILD"

step "translations"
"$VENV/bin/python" -c 'import fulfillment_station as f; print("package:", f.__file__)
from fulfillment_station.ui.i18n import compile_bundled_translations as c
for qm in c(): print("compiled", qm.name)'

step "pyinstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath "$BUILD/pyinstaller" --distpath "$DIST" "$ROOT/packaging/fulfillment-station.spec"

step "smoke: --version"
export QT_QPA_PLATFORM=offscreen
"$APP" --version

step "smoke: sandbox + check"
LOG="$BUILD/smoke-sandbox.log"
"$APP" sandbox --dialect nexus --port 0 --token T >"$LOG" 2>&1 &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null || true' EXIT
BASE_URL=""
for _ in $(seq 1 300); do  # up to 30 s: the first start generates the orders
    BASE_URL="$(sed -n 's/^base URL: //p' "$LOG")"
    [ -n "$BASE_URL" ] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$LOG"; echo "sandbox died" >&2; exit 1; }
    sleep 0.1
done
[ -n "$BASE_URL" ] || { cat "$LOG"; echo "sandbox printed no base URL" >&2; exit 1; }
echo "sandbox at $BASE_URL"
"$APP" check --dialect nexus --base-url "$BASE_URL" --token T
kill "$SANDBOX_PID"
wait "$SANDBOX_PID" 2>/dev/null || true
trap - EXIT

step "done"
du -sh "$DIST/fulfillment-station"
echo "run: $APP"
