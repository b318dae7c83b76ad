#!/usr/bin/env python3
"""Turns a Trunk build (dist/) into ONE self-contained HTML file: CSS, JS and wasm inlined.

The result opens from file:// (double-click it, mail it, put it on a USB stick). There is no
service worker there (browsers refuse them on file://). A small inline script checks whether
the browser lets the page store data; if not, it says plainly that work will not be kept.

    python3 scripts/build-single-file.py [DIST] [OUT]     (default: dist dist-single/apostil.html)
"""
import base64
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("postbuild", os.path.join(HERE, "postbuild.py"))
postbuild = importlib.util.module_from_spec(spec)
spec.loader.exec_module(postbuild)

STORAGE_CHECK = r"""
(function () {
  'use strict';
  // The single-file copy: can this browser keep data (localStorage and IndexedDB) for a page
  // opened from a file? If not, say so plainly at the top of the page.
  var local = false;
  try {
    var k = '__apostil_probe__';
    window.localStorage.setItem(k, '1');
    local = window.localStorage.getItem(k) === '1';
    window.localStorage.removeItem(k);
  } catch (e) { local = false; }
  var idb = new Promise(function (ok) {
    try {
      var req = window.indexedDB.open('__apostil_probe__');
      req.onsuccess = function () { req.result.close(); ok(true); };
      req.onerror = function () { ok(false); };
      req.onblocked = function () { ok(false); };
    } catch (e) { ok(false); }
  });
  var state = { singleFile: true, persistent: null, localStorage: local, indexedDB: null };
  window.apostilStorage = state;
  state.checked = idb.then(function (db) {
    state.indexedDB = db;
    state.persistent = local && db;
    if (!state.persistent) {
      var show = function () {
        var p = document.createElement('p');
        p.className = 'apostil-storage-note';
        p.setAttribute('role', 'note');
        p.setAttribute('data-testid', 'storage-note');
        p.textContent = 'This is the single-file copy of Apostil, opened from a file. This browser ' +
          'does not let it store anything here: your text and annotations are lost when you ' +
          'close the tab. Export them to keep them.';
        document.body.insertBefore(p, document.body.firstChild);
      };
      if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
    }
    return state.persistent;
  });
})();
"""


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def local(dist, href):
    """Path inside dist of a relative href like './app-123.css'."""
    href = href.split("?")[0].split("#")[0]
    if re.match(r"^[a-z]+:", href) or href.startswith("//"):
        raise SystemExit("build-single-file: remote reference %r" % href)
    return os.path.join(dist, href[2:] if href.startswith("./") else href.lstrip("/"))


def attr(tag, name):
    m = re.search(r'\b%s\s*=\s*"([^"]*)"' % name, tag) or re.search(
        r"\b%s\s*=\s*([^\s>]+)" % name, tag
    )
    return m.group(1) if m else None


def glue_as_inline(js):
    """wasm-bindgen's --target web module without its exports, so it can sit in one script."""
    if re.search(r"^\s*import\s", js, re.MULTILINE):
        raise SystemExit(
            "build-single-file: the wasm-bindgen glue imports other files (snippets); "
            "they cannot be inlined yet"
        )
    js = re.sub(r"^export\s+\{[^}]*\};?\s*$", "", js, flags=re.MULTILINE)
    js = re.sub(r"^export\s+default\s+", "const __apostil_default = ", js, flags=re.MULTILINE)
    js = re.sub(r"^export\s+(?=(async\s+)?function|class|const|let|var)", "", js, flags=re.MULTILINE)
    if re.search(r"^\s*export\b", js, re.MULTILINE):
        raise SystemExit("build-single-file: unexpected export left in the glue")
    return js


def build(dist, out):
    html = read(os.path.join(dist, "index.html"))

    # The wasm loader Trunk wrote: find the glue and wasm file names.
    loader = None
    for m in postbuild.SCRIPT_RE.finditer(html):
        if "TrunkApplicationStarted" in m.group(2) or "_bg.wasm" in m.group(2):
            loader = m
    if loader is None:
        raise SystemExit("build-single-file: no Trunk loader script in index.html")
    js_name = re.search(r"from\s+'([^']+\.js)'", loader.group(2)).group(1)
    wasm_name = re.search(r"'([^']+_bg\.wasm)'", loader.group(2)).group(1)
    glue = glue_as_inline(read(local(dist, js_name)))
    wasm_b64 = base64.b64encode(read(local(dist, wasm_name), "rb")).decode("ascii")
    if "__wbg_init" not in glue:
        raise SystemExit("build-single-file: the glue has no __wbg_init")
    boot = (
        "\n%s\n"
        "const __apostil_b64 = '%s';\n"
        "const __apostil_bin = atob(__apostil_b64);\n"
        "const __apostil_bytes = new Uint8Array(__apostil_bin.length);\n"
        "for (let i = 0; i < __apostil_bin.length; i++) __apostil_bytes[i] = __apostil_bin.charCodeAt(i);\n"
        "const __apostil_wasm = await __wbg_init({ module_or_path: __apostil_bytes });\n"
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm: __apostil_wasm}}));\n'
    ) % (glue, wasm_b64)
    html = html[: loader.start()] + '<script type="module">' + boot + "</script>" + html[loader.end() :]

    def link(m):
        tag = m.group(0)
        rel = (attr(tag, "rel") or "").lower()
        href = attr(tag, "href") or ""
        if rel == "stylesheet":
            css = read(local(dist, href))
            if re.search(r"url\(\s*['\"]?(?!data:)", css):
                raise SystemExit("build-single-file: %s refers to other files" % href)
            return "<style>%s</style>" % css
        if rel in ("icon",):
            data = base64.b64encode(read(local(dist, href), "rb")).decode("ascii")
            return '<link rel="icon" type="%s" href="data:%s;base64,%s">' % (
                attr(tag, "type") or "image/png",
                attr(tag, "type") or "image/png",
                data,
            )
        # Manifest, apple-touch-icon, modulepreload and preload links have no place in one file.
        if rel in ("manifest", "apple-touch-icon", "modulepreload", "preload"):
            return ""
        return tag

    html = re.sub(r"<link\b[^>]*>", link, html, flags=re.IGNORECASE)

    # Scripts with src: the service-worker registration is dropped (no service workers on
    # file://); any other script is inlined.
    def script(m):
        src = attr(m.group(1), "src")
        if not src:
            return m.group(0)
        if "register-sw" in src:
            return ""
        body = read(local(dist, src))
        kind = ' type="module"' if attr(m.group(1), "type") == "module" else ""
        return "<script%s>%s</script>" % (kind, body)

    html = postbuild.SCRIPT_RE.sub(script, html)
    html = html.replace("</head>", "<script>%s</script>\n</head>" % STORAGE_CHECK, 1)
    html = postbuild.apply_csp_hashes(html)

    # Whatever still points at a file would break from file://.
    # (Links a user clicks, <a href>, are fine: only what the page loads by itself counts.)
    loads = re.compile(
        r'<(?:script|link|img|iframe|source|video|audio|embed|object|track)\b[^>]*?'
        r'\b(?:src|href)\s*=\s*"(?!data:|#)([^"]+)"',
        re.IGNORECASE,
    )
    for m in loads.finditer(html):
        raise SystemExit("build-single-file: %r is still an external reference" % m.group(1))

    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print("build-single-file: wrote %s (%.0f KB)" % (out, os.path.getsize(out) / 1024))


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join("dist-single", "apostil.html")
    build(dist, out)


if __name__ == "__main__":
    main()
