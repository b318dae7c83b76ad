// Offline, packaged, embeddable: the built page in Debian's headless Chromium.
//
// Needs dist/ (trunk build --release --offline) and dist-single/apostil.html
// (scripts/build-single-file.sh). Relies only on stable hooks: the page title, `#app` or
// `main` existing, Trunk's `TrunkApplicationStarted` event, <meta name="apostil-build"> (written
// by scripts/postbuild.py), and for the paste step the data-testid contract
// `article-input` (the text box) and `annotate` (the button; optional when annotation is live).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, DIST, REPO, ARTIFACTS } from './lib/harness.mjs';

const SINGLE = process.env.APOSTIL_SINGLE || path.join(REPO, 'dist-single', 'apostil.html');
const APP = '#app, main';
const TIMEOUT = { timeout: 120_000 };

// An article written for this test (not from any corpus).
const ARTICLE = [
  'Harbour council approves new ferry link',
  '',
  'PORT ELLIS, March 3 (Tidewater Times) - The Port Ellis harbour council on Tuesday approved a',
  '$4.5 million ferry link to Marrow Island, ending a debate that lasted 18 months.',
  '',
  '"This is the day the island stops being an afterthought," said councillor Wenna Trask,',
  'who first proposed the route in 2024. 😀 Residents cheered.',
].join('\n');

let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ missing: run trunk build first');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens a context that records every request, CSP violations and the app start. */
async function open(url, options) {
  const { context, page, errors } = await openPage(browser, null, options);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__apostil = { started: false, csp: [] };
    addEventListener('TrunkApplicationStarted', () => { window.__apostil.started = true; });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__apostil.csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { context, page, errors, requests };
}

/** Waits until the wasm app started and rendered, then checks the page is healthy. */
async function appRunning(page, errors, what) {
  await page.waitForFunction(() => window.__apostil && window.__apostil.started, null, { timeout: 30_000 });
  await page.waitForSelector(APP, { state: 'attached', timeout: 10_000 });
  assert.equal(await page.title(), 'Apostil', `${what}: title`);
  const csp = await page.evaluate(() => window.__apostil.csp);
  assert.deepEqual(csp, [], `${what}: CSP violations`);
  assert.deepEqual(errors, [], `${what}: console/page errors`);
}

async function buildId(page) {
  return page.evaluate(() => document.querySelector('meta[name="apostil-build"]')?.content);
}

/** Waits until a service worker controls the page (first visit: after install + claim). */
async function controlled(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
    null,
    { timeout: 30_000 },
  );
}

/**
 * Pastes the article and presses Annotate, when the app offers those hooks (`#paste` or
 * [data-testid=article-input]; `#annotate` or [data-testid=annotate]); then waits for entity
 * highlights (`.ent`, [data-testid=entity]). Returns false when the page has no text box.
 */
async function pasteAndAnnotate(page) {
  const input = page.locator('#paste, [data-testid="article-input"], textarea').first();
  if ((await input.count()) === 0) return false;
  await input.fill(ARTICLE);
  const button = page.locator('#annotate, [data-testid="annotate"]').first();
  if ((await button.count()) === 0) return true;
  await button.click();
  await page.waitForSelector('.ent, [data-testid="entity"]', { timeout: 30_000 });
  return true;
}

function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

test('every request of a session is same-origin, under a strict CSP', TIMEOUT, async () => {
  const site = await serve(DIST);
  try {
    const { context, page, errors, requests } = await open(site.url);
    await appRunning(page, errors, 'load');
    const pasted = await pasteAndAnnotate(page);
    await controlled(page);
    const origin = new URL(site.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'third-party requests');
    assert.ok(requests.length >= 3, `page, glue and wasm were requested: ${requests}`);
    // The policy really is in force, and strict.
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
    );
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /https?:|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    assert.deepEqual(errors, [], 'no errors after paste');
    await page.screenshot({ path: path.join(ARTIFACTS, `offline-session${pasted ? '-pasted' : ''}.png`) });
    await context.close();
  } finally {
    await site.close();
  }
});

test('after one visit the page works with the network off', TIMEOUT, async () => {
  const site = await serve(DIST);
  try {
    const { context, page, errors } = await open(site.url);
    await appRunning(page, errors, 'online');
    await controlled(page);
    const manifest = await page.evaluate(async () => {
      const r = await fetch(document.querySelector('link[rel="manifest"]').href);
      return r.json();
    });
    assert.equal(manifest.short_name, 'Apostil');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));

    await context.setOffline(true);
    const before = site.requests.length;
    await page.reload();
    await appRunning(page, errors, 'offline reload');
    await pasteAndAnnotate(page);
    assert.deepEqual(site.requests.slice(before), [], 'no request reached the server while offline');
    await page.screenshot({ path: path.join(ARTIFACTS, 'offline-reload.png') });
    await context.close();
  } finally {
    await site.close();
  }
});

test('a new deploy is picked up cleanly: page told, old files kept until reload', TIMEOUT, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apostil-deploy-'));
  copyDir(DIST, root);
  const site = await serve(root);
  try {
    const { context, page, errors } = await open(site.url);
    await appRunning(page, errors, 'v1');
    await controlled(page);
    const v1 = await buildId(page);
    assert.match(v1 || '', /^[0-9a-f]{16}$/, 'build id meta');

    // Deploy a second build over the first: a changed page, then the post-build hook again
    // (new precache list, new version, new cache), exactly as a fresh trunk build would do.
    const index = path.join(root, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="apostil-test" content="v2">\n</head>'));
    execFileSync('python3', [path.join(REPO, 'scripts', 'postbuild.py'), root]);

    const told = page.evaluate(
      () => new Promise((ok) => addEventListener('apostil:update-ready', () => ok(true), { once: true })),
    );
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    assert.equal(await told, true, 'apostil:update-ready fired');
    await page.waitForSelector('[data-testid="update-banner"]', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.apostilUpdate.ready), true);
    // Until the user accepts, the page stays on build 1 (a reload would too: old cache).
    assert.equal(await buildId(page), v1);

    await Promise.all([page.waitForEvent('load'), page.click('[data-testid="update-reload"]')]);
    await appRunning(page, errors, 'v2');
    const v2 = await buildId(page);
    assert.notEqual(v2, v1, 'new build shown after reload');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="apostil-test"]')?.content), 'v2');
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 1, `old cache removed: ${keys}`);
    assert.ok(keys[0].endsWith(':' + v2), `cache of build 2: ${keys}`);
    await context.close();
  } finally {
    await site.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('dist/ works from a sub-path (/apostil/)', TIMEOUT, async () => {
  const site = await serve(DIST, '/apostil/');
  try {
    const { context, page, errors } = await open(site.url);
    const bad = [];
    page.on('response', (r) => { if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`); });
    await appRunning(page, errors, 'sub-path');
    await controlled(page);
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
    assert.equal(new URL(scope).pathname, '/apostil/');
    assert.deepEqual(bad, [], 'no failed requests');
    assert.deepEqual(site.requests.filter((p) => !p.startsWith('/apostil/')), [], 'all requests under /apostil/');
    await context.close();
  } finally {
    await site.close();
  }
});

/** Runs `fn(file)` on a copy of the single-file build in a fresh folder, far from dist/, so
 *  nothing else can be loaded by accident; the folder is removed afterwards. */
async function withSingleFileCopy(fn) {
  if (!fs.existsSync(SINGLE)) {
    assert.fail(`${SINGLE} missing: run scripts/build-single-file.sh`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apostil-single-'));
  const file = path.join(dir, 'apostil.html');
  fs.copyFileSync(SINGLE, file);
  try {
    await fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the single-file build renders from file://', TIMEOUT, () => withSingleFileCopy(async (file) => {
    const { context, page, errors, requests } = await open('file://' + file);
    await appRunning(page, errors, 'file://');
    await pasteAndAnnotate(page);
    const other = requests.filter((u) => u !== 'file://' + file && !u.startsWith('data:'));
    assert.deepEqual(other, [], 'the single file loads nothing else');
    const storage = await page.evaluate(async () => {
      await window.apostilStorage.checked;
      const { checked, ...rest } = window.apostilStorage;
      return rest;
    });
    assert.equal(storage.singleFile, true);
    assert.equal(typeof storage.persistent, 'boolean');
    const note = await page.locator('[data-testid="storage-note"]').count();
    assert.equal(note, storage.persistent ? 0 : 1, 'storage note shown exactly when storage is unavailable');
    await page.screenshot({ path: path.join(ARTIFACTS, 'single-file.png') });
    await context.close();
}));

test('the single-file build analyses a long article on the page (no workers from file://)', TIMEOUT, () => withSingleFileCopy(async (file) => {
    const { context, page, errors, requests } = await open('file://' + file);
    await appRunning(page, errors, 'file://');
    // Over the worker threshold (200 KB): the page would use the worker if it could.
    const paras = [];
    for (let i = 0; paras.join('\n\n').length < 230_000; i++) {
      paras.push(`Councillor Wenna Trask said on Tuesday that the ferry to Marrow Island would cost $${i % 9 + 2} million. ` +
        `"We will not wait another year," Trask said in Port Ellis.`);
    }
    // Set as a paste would (as bigdoc.test.mjs does): typing 230 KB into a textarea with
    // `fill` takes Chromium over 30 s on a loaded 2-core machine, page or no page.
    await page.$eval('#paste', (el, t) => { el.value = t; }, paras.join('\n\n'));
    await page.locator('#annotate, [data-testid="annotate"]').first().click();
    await page.waitForSelector('.ent, [data-testid="entity"]', { timeout: 60_000 });
    assert.deepEqual(requests.filter((u) => /analysis-worker/.test(u)), [], 'no worker script requested');
    assert.deepEqual(errors, [], 'no errors');
    await context.close();
}));
