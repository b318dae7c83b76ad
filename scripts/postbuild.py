#!/usr/bin/env python3
"""Trunk post_build hook: content-security hashes and the service worker's precache list.

Runs over Trunk's staging folder ($TRUNK_STAGING_DIR) after index.html is written, or over any
built folder given as the argument (it is idempotent: run it again after changing files).

1. CSP: the page's <meta http-equiv="Content-Security-Policy"> allows scripts and styles only
   from 'self'. Trunk writes one inline module script (the wasm loader); its sha256 is added to
   script-src (and any inline <style> to style-src), so no 'unsafe-inline' is needed.
2. Service worker: web/sw.js is copied to sw.js with this build's file list and version (a hash
   over every file), so each deploy has a byte-different worker and its own cache.
3. Analysis worker: web/analysis-worker.js is copied to analysis-worker.js with the names of
   this build's hashed wasm-bindgen glue and wasm (the ones Trunk's loader imports), so the
   worker runs the page's own wasm and nothing is downloaded twice.
4. <meta name="apostil-build" content="VERSION"> tells the page (and tests) which build it is.

    python3 scripts/postbuild.py [DIR]
"""
import base64
import hashlib
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SW_TEMPLATE = os.path.join(ROOT, "web", "sw.js")
WORKER_TEMPLATE = os.path.join(ROOT, "web", "analysis-worker.js")
WORKER_NAME = "analysis-worker.js"

CSP_RE = re.compile(
    r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE
)
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_RE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
BUILD_META_RE = re.compile(r'\s*<meta name="apostil-build" content="[^"]*">')


def sha256_source(text):
    """The CSP source expression for an inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-%s'" % base64.b64encode(digest).decode("ascii")


def inline_scripts(html):
    """Contents of the <script> elements without a src attribute."""
    return [body for attrs, body in SCRIPT_RE.findall(html) if not re.search(r"\bsrc\s*=", attrs)]


def apply_csp_hashes(html):
    """Adds the hashes of the inline scripts and styles of `html` to its CSP meta tag.

    Old hashes are dropped first, so running twice gives the same result. Fails when the page
    has inline code but no CSP meta tag (that would mean the policy was lost)."""
    scripts = [sha256_source(s) for s in inline_scripts(html)]
    styles = [sha256_source(s) for s in STYLE_RE.findall(html)]
    m = CSP_RE.search(html)
    if not m:
        raise SystemExit("postbuild: index.html has no Content-Security-Policy meta tag")
    directives = []
    for d in m.group(2).split(";"):
        words = [w for w in d.split() if not w.startswith("'sha256-")]
        if not words:
            continue
        if words[0] == "script-src":
            words += scripts
        elif words[0] == "style-src" and styles:
            words += styles
        directives.append(" ".join(words))
    policy = "; ".join(directives)
    return html[: m.start(2)] + policy + html[m.end(2) :]


def loader_files(html):
    """The glue (.js) and wasm file names that Trunk's inline loader script imports."""
    for body in inline_scripts(html):
        glue = re.search(r"from\s+'([^']+\.js)'", body)
        wasm = re.search(r"'([^']+_bg\.wasm)'", body)
        if glue and wasm:
            return glue.group(1), wasm.group(1)
    raise SystemExit("postbuild: no Trunk wasm loader in index.html")


def write_worker(folder, html):
    """Writes the analysis worker script for this build (see web/analysis-worker.js)."""
    glue, wasm = loader_files(html)
    for name in (glue, wasm):
        if not os.path.exists(os.path.join(folder, name)):
            raise SystemExit("postbuild: %s (from the loader) is not in %s" % (name, folder))
    with open(WORKER_TEMPLATE, encoding="utf-8") as f:
        js = f.read()
    if "__APOSTIL_GLUE__" not in js or "__APOSTIL_WASM__" not in js:
        raise SystemExit("postbuild: web/analysis-worker.js lost its placeholders")
    js = js.replace("__APOSTIL_GLUE__", glue).replace("__APOSTIL_WASM__", wasm)
    with open(os.path.join(folder, WORKER_NAME), "w", encoding="utf-8") as f:
        f.write(js)


def list_files(folder):
    """Every file under `folder` as a sorted list of '/'-joined relative paths."""
    out = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if f.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(base, f), folder).replace(os.sep, "/")
            out.append(rel)
    return sorted(out)


def build_version(folder, files, template):
    h = hashlib.sha256(template.encode("utf-8"))
    for rel in files:
        h.update(rel.encode("utf-8") + b"\0")
        with open(os.path.join(folder, rel), "rb") as f:
            h.update(f.read())
        h.update(b"\0")
    return h.hexdigest()[:16]


def process(folder):
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    html = BUILD_META_RE.sub("", html)
    html = apply_csp_hashes(html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    write_worker(folder, html)

    with open(SW_TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    files = [p for p in list_files(folder) if p != "sw.js"]
    version = build_version(folder, files, template)

    # The version goes in after hashing: it names the build, it is not part of it.
    html = re.sub(
        r"(<meta charset=\"utf-8\">)",
        r'\1\n  <meta name="apostil-build" content="%s">' % version,
        html,
        count=1,
        flags=re.IGNORECASE,
    )
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)

    assets = files
    sw = template.replace("'__APOSTIL_VERSION__'", json.dumps(version)).replace(
        "__APOSTIL_ASSETS__", json.dumps(assets, indent=2)
    )
    with open(os.path.join(folder, "sw.js"), "w", encoding="utf-8") as f:
        f.write(sw)
    print("postbuild: %s: build %s, %d files precached, CSP hashed" % (folder, version, len(assets)))
    return version


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        raise SystemExit("usage: postbuild.py DIR (or run as a Trunk hook with TRUNK_STAGING_DIR)")
    process(folder)


if __name__ == "__main__":
    main()
