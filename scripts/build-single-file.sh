#!/usr/bin/env bash
# Builds ONE self-contained HTML file of Apostil (JS and wasm inlined as base64) that works
# opened straight from disk (file://):
#
#   bash scripts/build-single-file.sh           # → dist-single/apostil.html
#   SKIP_TRUNK=1 bash scripts/build-single-file.sh   # reuse an existing dist/
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
if [ -z "${SKIP_TRUNK:-}" ] || [ ! -f dist/index.html ]; then
  trunk build --release --offline
fi
python3 scripts/build-single-file.py dist dist-single/apostil.html
