#!/usr/bin/env bash
# copydesk in real editors: headless Neovim 0.11 and VS Code (code-server in
# Chromium). Installs what it needs (cached under $COPYDESK_EDITOR_CACHE),
# builds the release server if missing, packages the .vsix, runs both tests.
#
#   bash tests/editors/run.sh                 # both editors
#   COPYDESK_EDITORS=nvim bash tests/editors/run.sh
#   COPYDESK_EDITORS=vscode bash tests/editors/run.sh
#
# Exits non-zero on any failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
EDITORS="${COPYDESK_EDITORS:-nvim vscode}"
START=$(date +%s)
log() { printf '[editors %3ss] %s\n' "$(($(date +%s) - START))" "$*" >&2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-editors.XXXXXX")"
CS_PGID=""
BUILD_PID=""
cleanup() {
  local rc=$?
  if [ -n "$BUILD_PID" ]; then
    kill "$BUILD_PID" 2>/dev/null || true
  fi
  if [ -n "$CS_PGID" ]; then
    kill -TERM -- "-$CS_PGID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$CS_PGID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  fi
  if [ -n "${COPYDESK_KEEP_WORK:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Cargo's target folder: $CARGO_TARGET_DIR when set (made absolute against
# the folder this was started in, as cargo takes it), else the repository's.
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
  case "$CARGO_TARGET_DIR" in
    /*) ;;
    *) CARGO_TARGET_DIR="$PWD/$CARGO_TARGET_DIR" ;;
  esac
  export CARGO_TARGET_DIR
fi
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"

# The release server builds while the editors install (both take minutes);
# cargo does nothing when it is up to date, and a server left from an older
# checkout is never tested by mistake. COPYDESK_BIN names a server to test as is.
BIN="${COPYDESK_BIN:-$TARGET/release/copydesk}"
if [ -z "${COPYDESK_BIN:-}" ]; then
  log "building the release server (in the background)"
  (cd "$REPO" && cargo build --release --quiet) >"$WORK/cargo.log" 2>&1 &
  BUILD_PID=$!
fi

# shellcheck source=install.sh
source "$HERE/install.sh"
log "tools ready"

if [ -n "$BUILD_PID" ]; then
  if ! wait "$BUILD_PID"; then
    BUILD_PID=""
    cat "$WORK/cargo.log" >&2
    log "cargo build --release FAILED"
    exit 1
  fi
  BUILD_PID=""
  log "release server built"
fi
[ -x "$BIN" ] || { log "no server at $BIN"; exit 1; }
export COPYDESK_BIN="$BIN" COPYDESK_REPO="$REPO"
# The .vsix bundles the server under test (editors/vscode/scripts/copy-server.mjs).
export COPYDESK_SERVER_BINARY="$BIN"

ARTICLE=harbour-bridge.txt
FIXTURE="$HERE/fixtures/$ARTICLE"
failures=0

# COPYDESK_EDITOR_TOML=path puts that copydesk.toml beside the article (to try
# the clients against a server whose built-in rules are not there yet).
extra_config() {
  if [ -n "${COPYDESK_EDITOR_TOML:-}" ]; then
    cp "$COPYDESK_EDITOR_TOML" "$1/copydesk.toml"
  fi
}

run_nvim() {
  # Twice: the Neovim 0.11 way (vim.lsp.enable), then the 0.8-0.10 way
  # (FileType autocmd + vim.lsp.start), which 0.11 also runs.
  run_nvim_once 0 enable
  run_nvim_once 1 autocmd
}

run_nvim_once() {
  log "neovim ($2): $("$NVIM_BIN" --version | head -n1)"
  local d="$WORK/nvim-$2"
  mkdir -p "$d/config" "$d/data" "$d/state" "$d/cache" "$d/article"
  cp "$FIXTURE" "$HERE/fixtures/wire-update.md" "$d/article/"
  cp -r "$HERE/fixtures/school-board.md" "$HERE/fixtures/school-board.sources" "$d/article/"
  extra_config "$d/article"
  if (cd "$d/article" && HOME="$d" XDG_CONFIG_HOME="$d/config" XDG_DATA_HOME="$d/data" \
    XDG_STATE_HOME="$d/state" XDG_CACHE_HOME="$d/cache" COPYDESK_NVIM_AUTOCMD="$1" \
    timeout 300 "$NVIM_BIN" --headless --clean -u "$HERE/nvim/init.lua" "$ARTICLE"); then
    log "neovim ($2): passed"
  else
    log "neovim ($2): FAILED"
    failures=$((failures + 1))
  fi
}

# `npm ci` in the current folder, skipped when node_modules was installed from
# this very package-lock.json.
npm_ci_cached() {
  local stamp=node_modules/.copydesk-lock.sha256 want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  npm ci --loglevel=error --no-audit --no-fund >/dev/null
  echo "$want" >"$stamp"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

run_vscode() {
  log "packaging the VS Code extension"
  (cd "$REPO/editors/vscode" && npm_ci_cached && npm run --silent package >"$WORK/package.log" 2>&1) || {
    cat "$WORK/package.log" >&2; log "vscode: packaging FAILED"; failures=$((failures + 1)); return; }
  local vsix="$REPO/editors/vscode/copydesk.vsix"
  # The package must carry the server under test, and the extension must
  # find it there (test.mjs checks the "found via bundled" line).
  if ! python3 - "$vsix" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
sys.exit(0 if "extension/server/copydesk" in names else 1)
PY
  then
    log "vscode: $vsix has no extension/server/copydesk"; failures=$((failures + 1)); return
  fi
  log "vscode: the .vsix bundles the server ($(du -h "$vsix" | cut -f1))"
  (cd "$HERE/vscode" && npm_ci_cached)

  local d="$WORK/vscode"
  mkdir -p "$d/config" "$d/data/User" "$d/ext" "$d/ws"
  cp "$FIXTURE" "$HERE/fixtures/wire-update.md" "$d/ws/"
  cp -r "$HERE/fixtures/school-board.md" "$HERE/fixtures/school-board.sources" "$d/ws/"
  extra_config "$d/ws"
  local csenv=(env HOME="$d" XDG_CONFIG_HOME="$d/config" XDG_DATA_HOME="$d/data" XDG_CACHE_HOME="$d/cache")
  "${csenv[@]}" "$CODE_SERVER_BIN" --user-data-dir "$d/data" --extensions-dir "$d/ext" \
    --install-extension "$vsix" >"$d/install.log" 2>&1 || {
    cat "$d/install.log" >&2; log "vscode: extension install FAILED"; failures=$((failures + 1)); return; }
  cat >"$d/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "editor.wordWrap": "on",
  "window.commandCenter": false,
  "chat.commandCenter.enabled": false,
  "workbench.colorTheme": "Default Light Modern",
  "copydesk.trace.server": "messages"
}
JSON
  local port
  port="$(free_port)"
  setsid "${csenv[@]}" "$CODE_SERVER_BIN" --bind-addr "127.0.0.1:$port" --auth none \
    --user-data-dir "$d/data" --extensions-dir "$d/ext" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    >"$d/code-server.log" 2>&1 </dev/null &
  CS_PGID=$!
  local up=""
  for _ in $(seq 1 120); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=2)" 2>/dev/null; then
      up=1; break
    fi
    kill -0 "$CS_PGID" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$up" ]; then
    cat "$d/code-server.log" >&2; log "vscode: code-server did not start"; failures=$((failures + 1)); return
  fi
  log "vscode: code-server 4.100.3 on 127.0.0.1:$port"
  if CODE_SERVER_URL="http://127.0.0.1:$port" WORKSPACE="$d/ws" ARTICLE="$ARTICLE" \
    USER_SETTINGS="$d/data/User/settings.json" SCREENSHOTS="$HERE/screenshots" \
    timeout 600 node "$HERE/vscode/test.mjs"; then
    log "vscode: passed"
  else
    log "vscode: FAILED; code-server log tail:"
    tail -n 30 "$d/code-server.log" >&2 || true
    find "$d/data/logs" -name '*copydesk*' -exec tail -n 40 {} + >&2 2>/dev/null || true
    failures=$((failures + 1))
  fi
  kill -TERM -- "-$CS_PGID" 2>/dev/null || true
}

for editor in $EDITORS; do
  case "$editor" in
    nvim) run_nvim ;;
    vscode) run_vscode ;;
    *) log "unknown editor $editor"; exit 2 ;;
  esac
done

log "done in $(($(date +%s) - START))s with $failures failing editor test(s)"
[ "$failures" -eq 0 ]
