#!/usr/bin/env bash
# Installs everything the build and tests need, skipping what is already there.
# Safe to run again. Network: crates.io, npm, Debian apt only.
#
#   bash scripts/setup.sh                # everything (build + tests)
#   bash scripts/setup.sh --build-only   # only what building the page needs (no chromium, e2e)
set -euo pipefail
BUILD_ONLY=""; [ "${1:-}" = "--build-only" ] && BUILD_ONLY=1
cd "$(dirname "$0")/.."
ROOT=$PWD

section() { printf '\n===== setup: %s =====\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Rust toolchain (rustup is expected on the machine; cargo may not be on PATH yet).
if ! have cargo && [ -f "$HOME/.cargo/env" ]; then . "$HOME/.cargo/env"; fi
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
have cargo || { echo "setup: cargo not found (install rustup first)" >&2; exit 1; }

section "rust targets and components"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed)
for c in rustfmt clippy; do
  if ! grep -q "^$c" <<<"$installed_components"; then rustup component add "$c"; fi
done
rustc --version

section "apt packages (chromium, chromedriver, node, python3, a C compiler for mimalloc)"
apt_pkgs=()
if [ -z "$BUILD_ONLY" ]; then
  [ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_pkgs+=(chromium-driver)
fi
have node || apt_pkgs+=(nodejs)
have npm || apt_pkgs+=(npm)
have python3 || apt_pkgs+=(python3)
have cc || apt_pkgs+=(gcc libc6-dev)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${apt_pkgs[@]}"
else
  echo "apt: nothing to install (node $(node --version) and python3 present)"
  [ -n "$BUILD_ONLY" ] || echo "apt: chromium and chromedriver present"
fi

section "trunk 0.21.14"
TRUNK_VERSION=0.21.14
if have trunk && trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  echo "already installed: $(trunk --version)"
else
  # 0.22 needs a newer rustc. No LTO and many codegen units: a much faster install.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION"
fi

section "wasm-bindgen-cli (same version as Cargo.lock)"
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if grep -q "^wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then :; else
  echo "setup: Trunk.toml [tools] wasm_bindgen does not match Cargo.lock ($WB_VERSION)" >&2; exit 1
fi
if have wasm-bindgen && wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\b" \
  && have wasm-bindgen-test-runner; then
  echo "already installed: $(wasm-bindgen --version)"
else
  # Not --locked: the CLI's own lock file pins crates that no longer build on this rustc.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

section "wasm-opt (binaryen 132 from npm, into .tools/)"
if [ -x .tools/node_modules/.bin/wasm-opt ] && .tools/node_modules/.bin/wasm-opt --version | grep -q "version 132"; then
  echo "already installed: $(.tools/node_modules/.bin/wasm-opt --version)"
else
  npm install --no-audit --no-fund --prefix .tools binaryen@132.0.0
fi

if [ -n "$BUILD_ONLY" ]; then echo; echo "setup: build tools ready"; exit 0; fi

section "e2e test dependencies (playwright-core; uses Debian's chromium)"
if [ -d tests/e2e/node_modules/playwright-core ] \
  && node -e 'const w=require("./tests/e2e/package.json").dependencies["playwright-core"];const h=require("./tests/e2e/node_modules/playwright-core/package.json").version;process.exit(w===h?0:1)'; then
  echo "already installed: playwright-core $(node -p 'require("./tests/e2e/node_modules/playwright-core/package.json").version')"
else
  npm install --no-audit --no-fund --prefix tests/e2e
fi

echo
echo "setup: done. Add to PATH for manual use: export PATH=\"$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:\$PATH\""
