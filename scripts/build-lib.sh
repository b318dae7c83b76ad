#!/usr/bin/env bash
# Builds the JavaScript/WebAssembly library of Apostil's core (crates/wasm) into pkg/:
#   pkg/web/    ES module for browsers and bundlers   (wasm-bindgen --target web)
#   pkg/node/   CommonJS module for Node.js            (wasm-bindgen --target nodejs)
# Both come with TypeScript types (apostil_wasm.d.ts).
#
#   bash scripts/build-lib.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

# The size-tuned profile the page uses (opt-level s, fat LTO, one codegen unit, panic=abort).
cargo build --profile wasm-release --target wasm32-unknown-unknown -p apostil-wasm
WASM=target/wasm32-unknown-unknown/wasm-release/apostil_wasm.wasm

rm -rf pkg/web pkg/node
for t in web nodejs; do
  out=pkg/${t/nodejs/node}
  wasm-bindgen --target "$t" --out-dir "$out" "$WASM"
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$out/apostil_wasm_bg.wasm" -o "$out/apostil_wasm_bg.wasm"
  fi
done
cat > pkg/package.json <<JSON
{
  "name": "apostil",
  "version": "$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)",
  "description": "Apostil's article annotator (entities, quotations, speakers) as WebAssembly",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "exports": {
    ".": {
      "types": "./web/apostil_wasm.d.ts",
      "node": "./node/apostil_wasm.js",
      "default": "./web/apostil_wasm.js"
    }
  },
  "files": ["web", "node"]
}
JSON
# The node build is CommonJS: mark its folder so "type": "module" above does not apply to it.
echo '{ "type": "commonjs" }' > pkg/node/package.json
ls -l pkg/web/*.wasm pkg/node/*.wasm
echo "build-lib: pkg/web (ES module), pkg/node (CommonJS) ready"
