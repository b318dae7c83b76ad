// Long articles (> 200 KB) are analysed in a Web Worker: the page stays responsive, shows
// progress, can cancel (leaving the library unchanged), and otherwise ends with highlights.
// The worker is fetched only on the first long article; short ones stay on the fast path. It
// runs the page's own wasm: no second binary is ever requested.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './lib/harness.mjs';
import { ARTICLE, highlights, realErrors } from './lib/apostil.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** An invented ~1 MB article: paragraphs built from hand-written sentences with varied names. */
function bigArticle(bytes = 1_000_000) {
  const people = ['Mara Quill', 'Osric Dunmore', 'Helena Vasquez', 'Tobias Reinholt', 'Priya Nandakumar', 'Felix Abernathy'];
  const orgs = ['the Harbour Water Board', 'Northgate Rail', 'the Kestrel Institute', 'Bluefield Council'];
  const places = ['Eastbrook', 'Port Amsel', 'Lowfield', 'Carrow Bay'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const paras = ['Coastal towns weigh the cost of the new flood walls', ''];
  let n = 0;
  let size = 0;
  while (size < bytes) {
    const p = people[n % people.length];
    const q = people[(n + 2) % people.length];
    const o = orgs[n % orgs.length];
    const pl = places[(n + 1) % places.length];
    const d = days[n % days.length];
    const para = `${pl.toUpperCase()} — ${o.replace(/^the /, 'The ')} said on ${d} that repairs in ${pl} would cost $${(n % 40) + 2} million. ` +
      `"We cannot wait for another storm," said ${p}, who chairs the committee. ` +
      `${q} told reporters the plan had been discussed for ${(n % 9) + 2} years. ` +
      `Residents of ${pl} met at the town hall, where ${p.split(' ')[1]} answered questions for two hours.`;
    paras.push(para);
    size += para.length + 2;
    n++;
  }
  return paras.join('\n\n');
}

/** Watches the main thread: the longest rAF gap and long task while the analysis runs, and after. */
async function probe(page) {
  await page.evaluate(() => {
    const p = { busyGap: 0, afterGap: 0, longTasks: [], sawBusy: false };
    window.__probe = p;
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) p.longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask', buffered: false });
    } catch { /* no long-task API */ }
    let last = performance.now();
    const frame = (t) => {
      const busy = !!document.getElementById('analysis-progress');
      p.sawBusy ||= busy;
      const gap = t - last;
      if (busy) p.busyGap = Math.max(p.busyGap, gap);
      else if (p.sawBusy) p.afterGap = Math.max(p.afterGap, gap);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** URLs of the worker script requested from now on (and, in `.wasm`, every wasm file). */
function workerRequests(page) {
  const urls = [];
  Object.defineProperty(urls, 'wasm', { value: [] }); // not enumerable: deepEqual(urls, []) still works
  page.on('request', (r) => {
    const u = r.url();
    if (/analysis-worker|apostil-worker/.test(u)) urls.push(u);
    if (/\.wasm(\?|$)/.test(u)) urls.wasm.push(u);
  });
  return urls;
}

/** The wasm file the page's own loader imports (from index.html). */
async function pageWasm(page) {
  return page.evaluate(() => {
    const s = [...document.querySelectorAll('script[type=module]')].map((e) => e.textContent).join('\n');
    return (s.match(/'\.\/([^']+_bg\.wasm)'/) || [])[1];
  });
}

async function paste(page, text) {
  await page.waitForSelector('#paste');
  await page.$eval('#paste', (el, t) => { el.value = t; }, text);
}

test('a short article stays on the fast path: the worker is never fetched', async () => {
  const { page, errors, context } = await openPage(browser, srv.url);
  const fetched = workerRequests(page);
  await paste(page, ARTICLE);
  await page.click('#annotate');
  await page.waitForSelector('.article .para');
  assert.ok((await highlights(page)).length > 3);
  assert.equal(await page.$('#analysis-progress'), null);
  assert.deepEqual(fetched, []);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a 1 MB article: progress and Cancel; cancelling leaves the library unchanged', async () => {
  const { page, errors, context } = await openPage(browser, srv.url);
  const fetched = workerRequests(page);
  await page.waitForSelector('.library .count');
  await paste(page, bigArticle());
  assert.deepEqual(fetched, [], 'worker fetched before any long article');
  await page.click('#annotate');
  await page.waitForSelector('#analysis-progress');
  const txt = await page.textContent('#analysis-progress');
  assert.match(txt, /Analysing a long article \(1\.0 MB\)/);
  assert.ok(await page.isDisabled('#annotate'));
  await page.waitForTimeout(300);
  await page.click('#cancel-analysis');
  await page.waitForSelector('#analysis-progress', { state: 'detached' });
  assert.equal(await page.$('.article'), null);
  assert.ok(await page.isEnabled('#annotate'));
  await page.waitForSelector('.notice:has-text("Analysis cancelled")');
  // Wait past the time the analysis would have taken: no document appears, none is saved.
  await page.waitForTimeout(1500);
  assert.equal(await page.$('.article'), null);
  assert.equal(await page.textContent('.library .count'), '0');
  assert.ok(fetched.some((u) => /\/analysis-worker\.js\?v=[0-9a-f]{16}$/.test(u)), JSON.stringify(fetched));
  assert.ok(!fetched.some((u) => /apostil-worker/.test(u)), JSON.stringify(fetched));
  // The worker ran the page's own wasm: no other wasm file was requested.
  const own = await pageWasm(page);
  assert.ok(own, 'the page loader names its wasm');
  assert.deepEqual(fetched.wasm.filter((u) => !u.endsWith('/' + own)), [], JSON.stringify(fetched.wasm));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a 1 MB article is analysed in the worker: the page stays responsive and ends with highlights', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  const text = bigArticle();
  await paste(page, text);
  await probe(page);
  const t0 = Date.now();
  await page.click('#annotate');
  await page.waitForSelector('#analysis-progress');
  // The page answers while the worker works.
  const echo = await page.evaluate(() => new Promise((r) => setTimeout(() => r('pong'), 10)));
  assert.equal(echo, 'pong');
  await page.waitForSelector('.article .para', { timeout: 240_000 });
  const total = Date.now() - t0;
  await page.waitForTimeout(500);
  const p = await page.evaluate(() => window.__probe);
  const longest = p.longTasks.reduce((m, t) => Math.max(m, t.ms), 0);
  console.log(`# 1 MB article (${text.length} chars): done in ${total} ms; longest rAF gap while analysing ${Math.round(p.busyGap)} ms, ` +
    `after (opening + rendering the document) ${Math.round(p.afterGap)} ms; longest long task ${longest} ms; long tasks ${JSON.stringify(p.longTasks.slice(0, 12))}`);
  assert.ok(p.sawBusy);
  assert.ok(p.busyGap < 1000, `main thread blocked ${p.busyGap} ms while analysing`);
  const hs = await highlights(page);
  assert.ok(hs.some((h) => h.text.includes('Mara Quill')), `${hs.length} highlights`);
  assert.ok(hs.some((h) => h.label === 'MONEY'), `${hs.length} highlights`);
  assert.equal(await page.$('#analysis-progress'), null);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
