// Benchmark of the built page (reported, not asserted). Run after `trunk build --release --offline`:
//   cd tests/e2e && node bench.mjs
// Prints: gzipped first-load bytes of dist/, time to first highlights (sample and a pasted
// 10,000-word article), and edit-to-repaint on a 10,000-word document with 1,000 annotations.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { serve, launch, openPage, DIST, ARTIFACTS } from './lib/harness.mjs';
import { importJson } from './lib/apostil.mjs';

const FIRST = ['Ruth', 'Tomasz', 'Priya', 'Denis', 'Helena', 'Samuel', 'Ines', 'Kofi', 'Mara', 'Oskar'];
const LAST = ['Calder', 'Wolny', 'Raman', 'Marchetti', 'Okafor', 'Achterberg', 'Lindqvist', 'Mensah', 'Novak', 'Berg'];
const ORGS = ['Glenford Transport Authority', 'Brightline Construction', 'Northgate University', 'Caldera Engineering'];

/** A generated article of about `words` words, with code-point spans of four entities per paragraph. */
function longArticle(words) {
  const paras = [];
  const anns = [];
  let text = '';
  let n = 0;
  let i = 0;
  while (n < words) {
    const who = `${FIRST[i % 10]} ${LAST[(i * 3) % 10]}`;
    const org = ORGS[i % ORGS.length];
    const p = `${who} told reporters on Monday that ${org} would review the plan for the river district again, and that residents would be asked for their views before any decision about the budget was made.`;
    const start = text.length + (text ? 2 : 0);
    if (text) text += '\n\n';
    text += p;
    anns.push({ label: 'PERSON', start, end: start + who.length, exact: who });
    for (const [label, needle] of [['DATE', 'Monday'], ['ORG', org], ['LOC', 'river district']]) {
      const o = p.indexOf(needle);
      anns.push({ label, start: start + o, end: start + o + needle.length, exact: needle });
    }
    n += p.split(/\s+/).length;
    paras.push(p);
    i++;
  }
  return { text, anns, words: n };
}

function libraryJson(text, anns) {
  return {
    apostil: 1,
    documents: [{
      id: 'doc-bench',
      text,
      text_hash: 'sha256:' + crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
      meta: { title: 'Benchmark article' },
      annotations: anns.map((a, i) => ({
        id: i + 1, kind: 'entity', label: a.label, span: { start: a.start, end: a.end }, exact: a.exact, origin: 'auto', status: 'suggested',
      })),
      clusters: [],
      next_id: anns.length + 1,
    }],
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const srv = await serve();
const browser = await launch();
const out = {};
try {
  // 1. First-load bytes.
  {
    const { page, context } = await openPage(browser, srv.url);
    await page.waitForSelector('#sample');
    const files = [...new Set(srv.requests.map((p) => (p === '/' ? '/index.html' : p)))].filter((p) => fs.existsSync(path.join(DIST, p)));
    const sum = (list) => {
      let raw = 0, gz = 0;
      for (const f of list) {
        const b = fs.readFileSync(path.join(DIST, f));
        raw += b.length;
        gz += zlib.gzipSync(b, { level: 9 }).length;
      }
      return { rawBytes: raw, gzipBytes: gz };
    };
    // The page itself (what the first paint needs) and everything fetched, service-worker precache included.
    const page1 = files.filter((f) => /\.(html|css|js|wasm)$/.test(f) && !f.endsWith('/sw.js'));
    out.firstLoad = { page: { files: page1, ...sum(page1) }, all: { files: files.length, ...sum(files) } };
    await context.close();
  }
  // 2. Time to first highlights: the sample, then a pasted 10,000-word article (real analyser).
  {
    const { page, context } = await openPage(browser, srv.url);
    await page.waitForSelector('#sample');
    const t0 = Date.now();
    await page.click('#sample');
    await page.waitForSelector('.article .para');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    out.sampleToHighlightsMs = Date.now() - t0;
    out.sampleHighlights = await page.locator('.article [data-id].first').count();
    await context.close();
  }
  const long = longArticle(10000);
  {
    const { page, context } = await openPage(browser, srv.url);
    await page.waitForSelector('#paste');
    await page.fill('#paste', long.text);
    const t0 = Date.now();
    await page.click('#annotate');
    await page.waitForSelector('.article .para', { timeout: 120000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    out.paste10kWords = { words: long.words, msToFirstHighlights: Date.now() - t0, highlights: await page.locator('.article [data-id].first').count() };
    await context.close();
  }
  // 3. 10,000 words and 1,000 annotations: open, then edit-to-repaint.
  {
    const { page, context } = await openPage(browser, srv.url);
    await page.waitForSelector('#sample');
    const lib = libraryJson(long.text, long.anns.slice(0, 1000));
    const t0 = Date.now();
    await importJson(page, lib, 'bench.json');
    await page.waitForFunction(() => document.querySelectorAll('.article .ent').length >= 1000, null, { timeout: 120000 });
    out.open10k1000 = { annotations: 1000, msToRendered: Date.now() - t0 };
    const times = [];
    await page.keyboard.press('j');
    for (let i = 0; i < 25; i++) {
      const ms = await page.evaluate(() => new Promise((resolve) => {
        const el = document.querySelector('.ent.sel');
        const id = el.dataset.id;
        const t = performance.now();
        const obs = new MutationObserver(() => {
          const now = document.querySelector(`[data-id="${id}"]`);
          if (now && now.classList.contains('accepted')) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t));
          }
        });
        obs.observe(document.querySelector('.article'), { attributes: true, subtree: true, attributeFilter: ['class'] });
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      }));
      times.push(ms);
    }
    out.editToRepaintMs = { median: +median(times).toFixed(1), max: +Math.max(...times).toFixed(1), samples: times.length };
    await page.screenshot({ path: path.join(ARTIFACTS, 'bench-10k.png') });
    await context.close();
  }
} finally {
  await browser.close();
  await srv.close();
}
console.log(JSON.stringify(out, null, 2));
fs.writeFileSync(path.join(ARTIFACTS, 'bench.json'), JSON.stringify(out, null, 2));
