// Shared end-to-end harness: serve a built folder on 127.0.0.1 and drive Debian's Chromium.
//
// Every test file imports from here, so there is one server and one browser set-up.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Root of the repository (two levels above this file's folder). */
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
/** The built page. */
export const DIST = process.env.APOSTIL_DIST || path.join(REPO, 'dist');
/** Where tests leave screenshots and downloads (a CI artifact folder). */
export const ARTIFACTS = path.join(REPO, 'tests', 'e2e', 'artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/**
 * Serves `root` on 127.0.0.1 at `base` (default "/"), on a free port.
 * Returns { url, server, close(), requests } where `requests` lists every path asked for.
 */
export async function serve(root = DIST, base = '/') {
  const requests = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://127.0.0.1');
    requests.push(u.pathname);
    if (!u.pathname.startsWith(base)) {
      res.writeHead(404).end('outside base');
      return;
    }
    let rel = decodeURIComponent(u.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Chromium flags for this machine: no sandbox as root, and no background network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Debian Chromium. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a fresh browser context and page (own storage), collecting console errors and page
 * errors so tests can assert none happened.
 */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  if (url) await page.goto(url);
  return { context, page, errors };
}
