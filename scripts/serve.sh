#!/usr/bin/env bash
# THE run command: build the page and serve it on http://127.0.0.1:8080/
#
#   bash scripts/serve.sh           # release build, then a static server (Ctrl-C stops it)
#   PORT=9000 bash scripts/serve.sh
#
# dist/ is a plain static folder with relative paths: it can also be copied anywhere,
# including a sub-path such as https://example.org/apostil/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8080}"
bash scripts/setup.sh --build-only   # installs the wasm target, Trunk, wasm-bindgen, wasm-opt if missing
trunk build --release --offline
echo "Apostil: http://127.0.0.1:$PORT/"
# python3 -m http.server, plus the MIME types it lacks (web manifest, wasm on old Pythons).
exec python3 - "$PORT" <<'PY'
import functools, http.server, sys
H = http.server.SimpleHTTPRequestHandler
H.extensions_map.update({".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                         ".js": "text/javascript", ".mjs": "text/javascript"})
http.server.test(HandlerClass=functools.partial(H, directory="dist"), port=int(sys.argv[1]),
                 bind="127.0.0.1")
PY
