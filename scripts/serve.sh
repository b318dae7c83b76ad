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
trunk build --release --offline
echo "Apostil: http://127.0.0.1:$PORT/"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
