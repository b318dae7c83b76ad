// The annotator page, end to end, in headless Chromium against the built dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, ARTIFACTS } from './lib/harness.mjs';
import { ARTICLE, fixtureDoc, importJson, selectText, highlights, collectDownloads, realErrors } from './lib/apostil.mjs';

let srv, browser;
before(async () => {
  srv = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: false });
const saved = (page) => page.waitForFunction(() => document.querySelector('#save-state')?.textContent === 'Saved');

test('start screen offers paste, file and sample; the sample opens with its text', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 900 } });
  await page.waitForSelector('#sample');
  assert.ok(await page.isVisible('#paste'));
  assert.ok(await page.isVisible('label[for="open-file"]'));
  await shot(page, 'start-desktop-light.png');
  await page.click('#sample');
  await page.waitForSelector('.article .para');
  const text = await page.textContent('.article');
  assert.match(text, /Port Alder City Council voted 7-2/);
  await saved(page);
  assert.equal(await page.locator('.library .doc').count(), 1);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('imported suggestions are highlighted by type with badges; quotes show their speakers; junk is collapsed', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  const hs = await highlights(page);
  const by = (t) => hs.find((h) => h.text.includes(t));
  assert.equal(by('Glenford Transport Authority').label, 'ORG');
  assert.equal(by('Ruth Calder').label, 'PERSON');
  assert.equal(by('$12 million').label, 'MONEY');
  // A PERSON inside a quote stays its own highlight (nested, readable).
  const speakers = await page.$$eval('.q.last', (els) => els.map((e) => e.dataset.speaker));
  assert.deepEqual(speakers, ['— Ruth Calder', '— Tomasz Wolny']);
  const badge = await page.$eval('.ent.first[data-label="PERSON"]', (e) => getComputedStyle(e, '::before').content);
  assert.equal(badge, '"P"');
  // Junk is present but collapsed.
  const junk = await page.$$eval('details.junk-block', (els) => els.map((e) => [e.open, e.textContent]));
  assert.equal(junk.length, 2);
  assert.ok(junk.every(([open]) => !open));
  assert.match(junk[0][1], /Comment form/);
  assert.ok(!(await page.isVisible('text=Your email stays private')));
  // Who said what.
  const who = await page.$$eval('.speaker h3', (els) => els.map((e) => e.textContent));
  assert.ok(who.some((w) => w.startsWith('Ruth Calder')));
  // Chart drawn by the app.
  assert.equal(await page.locator('.chart svg rect').count() >= 2, true);
  await shot(page, 'annotated-desktop-light.png');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('accept, reject, add by selection (snapped to words, across an emoji), delete, undo and redo', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  // Click a suggestion, accept it.
  await page.click('.ent[data-label="ORG"]');
  await page.click('.inspector button.accept');
  assert.ok(await page.$eval('.ent[data-label="ORG"]', (e) => e.classList.contains('accepted')));
  // Reject the FAC.
  await page.click('.ent[data-label="FAC"]');
  await page.click('.inspector button.reject');
  assert.ok(await page.$eval('.ent[data-label="FAC"]', (e) => e.classList.contains('rejected')));
  // Undo the rejection, redo it.
  await page.keyboard.press('Control+z');
  assert.ok(await page.$eval('.ent[data-label="FAC"]', (e) => e.classList.contains('suggested')));
  await page.keyboard.press('Control+Shift+z');
  assert.ok(await page.$eval('.ent[data-label="FAC"]', (e) => e.classList.contains('rejected')));
  // Select part of "Brightline Construction" (after the emoji): snaps to the whole words.
  await selectText(page, 'Brightline Construction', 0, 3, 4);
  await shot(page, 'add-bar.png');
  await page.click('.add-bar [data-add="ORG"]');
  const added = await page.$$eval('.ent[data-label="ORG"]', (els) => els.map((e) => e.textContent));
  assert.ok(added.includes('Brightline Construction'), JSON.stringify(added));
  assert.match(await page.textContent('.inspector'), /Brightline Construction/);
  // Delete it, undo, redo.
  await page.keyboard.press('Delete');
  assert.equal(await page.locator('.ent', { hasText: 'Brightline Construction' }).count(), 0);
  await page.click('#undo');
  assert.equal(await page.locator('.ent', { hasText: 'Brightline Construction' }).count(), 1);
  await page.click('#redo');
  assert.equal(await page.locator('.ent', { hasText: 'Brightline Construction' }).count(), 0);
  await page.click('#undo');
  // A custom label with its own colour.
  await selectText(page, 'bearing');
  await page.fill('#new-label', 'component');
  await page.click('.new-label button');
  assert.equal(await page.locator('.ent[data-label="COMPONENT"]').count(), 1);
  // Set a quote's speaker.
  await page.click('.q.first >> nth=1');
  await page.selectOption('#speaker', { label: 'Ruth Calder' });
  assert.deepEqual(await page.$$eval('.q.last', (els) => els.map((e) => e.dataset.speaker)), ['— Ruth Calder', '— Ruth Calder']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await page.$$eval('.q.last', (els) => els.map((e) => e.dataset.speaker)), ['— Ruth Calder', '— Tomasz Wolny']);
  await saved(page);
  // Reload: everything is still there.
  await page.reload();
  await page.waitForSelector('.article .para');
  assert.equal(await page.locator('.ent', { hasText: 'Brightline Construction' }).count(), 1);
  assert.ok(await page.$eval('.ent[data-label="FAC"]', (e) => e.classList.contains('rejected')));
  assert.equal(await page.locator('.ent[data-label="COMPONENT"]').count(), 1);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('entity groups light every mention and step through them; merge and split clusters', async () => {
  const { page, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  await page.click('.group-btn:has-text("Ruth Calder")');
  assert.equal(await page.locator('.ent.lit').count(), 2);
  assert.match(await page.textContent('.group.lit .group-tools'), /1 \/ 2/);
  await page.click('.group.lit button[aria-label^="Next mention"]');
  assert.match(await page.textContent('.group.lit .group-tools'), /2 \/ 2/);
  // Merge Tomasz Wolny into Ruth Calder (a test of the command, not of the facts).
  await page.selectOption('.group.lit select', { label: 'Tomasz Wolny (PERSON)' });
  assert.equal(await page.locator('.ent.lit').count(), 4);
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('.group-btn:has-text("Tomasz Wolny")').count(), 1);
  await context.close();
});

test('keyboard only: step, accept, reject, label with a number, help dialog', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  await page.keyboard.press('j');
  let sel = await page.$eval('.sel', (e) => e.textContent);
  assert.equal(sel, 'GLENFORD');
  await page.keyboard.press('a');
  assert.ok(await page.$eval('.ent[data-label="GPE"]', (e) => e.classList.contains('accepted')));
  // Accepting moved on to the next suggestion.
  sel = await page.$eval('.sel', (e) => e.textContent);
  assert.equal(sel, 'Glenford Transport Authority');
  await page.keyboard.press('x');
  assert.ok(await page.$eval('.ent[data-label="ORG"]', (e) => e.classList.contains('rejected')));
  // Rejecting moved on too.
  sel = await page.$eval('.sel', (e) => e.textContent);
  assert.equal(sel, 'Mill Street Bridge');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  assert.equal(await page.$eval('.sel', (e) => e.textContent), 'Mill Street Bridge');
  await page.keyboard.press('2'); // ORG
  assert.equal(await page.$eval('.sel', (e) => e.dataset.label), 'ORG');
  await page.keyboard.press('Control+z');
  assert.equal(await page.$eval('.sel', (e) => e.dataset.label), 'FAC');
  await page.keyboard.press('?');
  await page.waitForSelector('[role="dialog"]');
  assert.match(await page.textContent('[role="dialog"]'), /Next suggestion/);
  await shot(page, 'help-dialog.png');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[role="dialog"]').count(), 0);
  // Focus is visible on keyboard-selected highlights.
  await page.keyboard.press('j');
  const outline = await page.$eval('.sel', (e) => getComputedStyle(e).outlineStyle);
  assert.equal(outline, 'solid');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('pasted HTML is read as text: no script runs, no handler fires, nothing is inserted', async () => {
  const { page, errors, context } = await openPage(browser, srv.url);
  await page.waitForSelector('#paste');
  await page.evaluate(() => {
    window.__pwned = 0;
    const html = `<h1>Council meets</h1><p>Mayor Ann Lee spoke.<img src="x" onerror="window.__pwned=1"></p>
      <script>window.__pwned=2</script><p onmouseover="window.__pwned=3">"We will act," said Lee.</p>
      <iframe src="javascript:window.top.__pwned=4"></iframe><style>body{display:none}</style>`;
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'plain fallback');
    const ta = document.querySelector('#paste');
    ta.focus();
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  const value = await page.inputValue('#paste');
  assert.equal(value, 'Council meets\n\nMayor Ann Lee spoke.\n\n"We will act," said Lee.');
  await page.click('#annotate');
  await page.waitForSelector('.article .para');
  await page.hover('.article .para >> nth=2');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  assert.equal(await page.locator('.article img, .article script, .article iframe').count(), 0);
  assert.ok(await page.isVisible('body'));
  // The page's CSP may report that it blocked the parsed fragment's handlers: that is the second
  // line of defence; nothing else may be logged, and no resource of the fragment is fetched.
  assert.deepEqual(realErrors(errors).filter((e) => !/Content Security Policy.*blocked/.test(e)), []);
  assert.ok(!srv.requests.some((p) => p.endsWith('/x')), 'the pasted <img> was not fetched');
  await context.close();
});

test('export each format from the open document; the downloads hold the annotations', async () => {
  const { page, context } = await openPage(browser, srv.url);
  await page.waitForSelector('#sample');
  const dl = collectDownloads(page);
  await importJson(page, fixtureDoc());
  const expect = {
    apostil: (fs) => { const j = JSON.parse(fs[0].content); assert.equal(j.apostil, 1); assert.ok(JSON.stringify(j).includes('Glenford Transport Authority')); },
    w3c: (fs) => { assert.match(fs[0].content, /"@context"/); assert.match(fs[0].content, /Glenford Transport Authority/); },
    brat: (fs) => { const ann = fs.find((f) => f.name.endsWith('.ann')); assert.ok(ann, fs.map((f) => f.name).join()); assert.match(ann.content, /^T\d+\tORG \d+ \d+\tGlenford Transport Authority$/m); },
    conll: (fs) => { assert.match(fs[0].content, /^Glenford\s.*B-ORG$/m); assert.match(fs[0].content, /^Authority\s.*I-ORG$/m); },
    csv: (fs) => { assert.match(fs[0].content, /ORG/); assert.match(fs[0].content, /Glenford Transport Authority/); },
  };
  for (const [key, check] of Object.entries(expect)) {
    await page.selectOption('#format', key);
    await page.click('#export-doc');
    const files = await dl.wait(key === 'brat' ? 2 : 1);
    assert.ok(files.length >= 1, `no download for ${key}`);
    check(files);
  }
  await context.close();
});

test('import into an empty library gives the same annotations; malformed input is refused with a message', async () => {
  const a = await openPage(browser, srv.url);
  await a.page.waitForSelector('#sample');
  const dl = collectDownloads(a.page);
  await importJson(a.page, fixtureDoc());
  await a.page.click('.ent[data-label="ORG"]');
  await a.page.keyboard.press('a');
  await a.page.selectOption('#format', 'apostil');
  await a.page.click('#export-doc');
  const [file] = await dl.wait(1);
  const before = await highlights(a.page);
  await a.context.close();

  const b = await openPage(browser, srv.url);
  await b.page.waitForSelector('#sample');
  // Malformed first: a clear message, nothing added.
  await b.page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"apostil": 1, "documents": [ {"id": ') });
  await b.page.waitForSelector('.notice.error');
  assert.match(await b.page.textContent('.notice.error'), /broken\.json could not be imported as Apostil JSON: .*line 1.*Your library is unchanged/);
  assert.equal(await b.page.locator('.library .doc').count(), 0);
  await b.page.setInputFiles('#import-file', { name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(file.content.replace('GLENFORD —', 'GLENFORD -')) });
  await b.page.waitForSelector('.notice.error >> nth=1');
  assert.match(await b.page.textContent('.notice.error >> nth=1'), /hash|does not match/);
  assert.equal(await b.page.locator('.library .doc').count(), 0);
  // The real file: preview, then the same annotations.
  await b.page.setInputFiles('#import-file', { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.content) });
  await b.page.waitForSelector('.preview');
  assert.match(await b.page.textContent('.preview'), /Adds: River town opens new bridge/);
  await shot(b.page, 'import-preview.png');
  await b.page.click('#confirm-import');
  await b.page.waitForSelector('.article .para');
  assert.deepEqual(await highlights(b.page), before);
  assert.equal(await b.page.locator('.library .doc').count(), 1);
  await b.context.close();
});

test('library: rename, delete with undo, survives reload', async () => {
  const { page, context } = await openPage(browser, srv.url);
  await page.waitForSelector('#sample');
  await page.click('#sample');
  await saved(page);
  await page.click('.library .doc button[aria-label^="Rename"]');
  await page.fill('.rename input', 'My flood story');
  await page.click('.rename button');
  await page.waitForSelector('.doc-title:has-text("My flood story")');
  await saved(page);
  await page.reload();
  await page.waitForSelector('.doc-title:has-text("My flood story")');
  await page.click('.library .doc button[aria-label^="Delete"]');
  await page.waitForSelector('.notice button:has-text("Undo")');
  assert.equal(await page.locator('.library .doc').count(), 0);
  await page.click('.notice button:has-text("Undo")');
  await page.waitForSelector('.doc-title:has-text("My flood story")');
  await page.reload();
  await page.waitForSelector('.doc-title:has-text("My flood story")');
  await context.close();
});

test('two tabs: a save in one reaches the other; a stale tab is told instead of overwriting', async () => {
  const context = await browser.newContext();
  const p1 = await context.newPage();
  await p1.goto(srv.url);
  await p1.waitForSelector('#sample');
  await importJson(p1, fixtureDoc());
  await saved(p1);
  const p2 = await context.newPage();
  await p2.goto(srv.url);
  await p2.waitForSelector('.article .para');
  // Tab 1 accepts; tab 2 (no local changes) follows.
  await p1.click('.ent[data-label="ORG"]');
  await p1.keyboard.press('a');
  await saved(p1);
  await p2.waitForFunction(() => document.querySelector('.ent[data-label="ORG"]')?.classList.contains('accepted'));
  // Another writer that does not announce itself (a crashed or older tab) saves a newer version.
  await p2.evaluate(async () => {
    const db = await new Promise((ok, bad) => { const r = indexedDB.open('apostil'); r.onsuccess = () => ok(r.result); r.onerror = bad; });
    const tx = db.transaction('docs', 'readwrite');
    const os = tx.objectStore('docs');
    const rec = await new Promise((ok) => { const r = os.get('doc-fixture-1'); r.onsuccess = () => ok(r.result); });
    const doc = JSON.parse(rec.doc);
    doc.annotations.find((a) => a.label === 'FAC').status = 'rejected';
    rec.doc = JSON.stringify(doc);
    rec.version += 1;
    os.put(rec);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  });
  // This tab does not know: its next save must not overwrite silently.
  await p2.click('.ent[data-label="DATE"]');
  await p2.keyboard.press('x');
  await p2.waitForSelector('.notice.error');
  const msg = await p2.textContent('.notice.error');
  assert.match(msg, /changed in another tab/);
  // Choosing "Load the newer copy" brings tab 1's rejection in.
  await p2.click('.notice button:has-text("Load the newer copy")');
  await p2.waitForFunction(() => document.querySelector('.ent[data-label="FAC"]')?.classList.contains('rejected'));
  await context.close();
});

test('screenshots: light and dark, desktop and phone', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const [name, viewport] of [['desktop', { width: 1400, height: 1000 }], ['phone', { width: 390, height: 844 }]]) {
      const { page, context } = await openPage(browser, srv.url, { viewport, colorScheme: scheme, isMobile: name === 'phone', hasTouch: name === 'phone' });
      await page.waitForSelector('#sample');
      await importJson(page, fixtureDoc());
      await page.click('.ent[data-label="ORG"]');
      await page.keyboard.press('a');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `annotated-${name}-${scheme}.png`);
      if (name === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
      }
      await context.close();
    }
  }
});

test('opening an .html file reads its text through the parser; nothing from it runs', async () => {
  const { page, errors, context } = await openPage(browser, srv.url);
  await page.waitForSelector('#open-file', { state: 'attached' });
  await page.evaluate(() => { window.__pwned = 0; });
  const html = '<html><head><title>t</title><script>window.__pwned=1</script></head><body><h1>Dock strike ends</h1><p>Union leader Mira Sol said "we are back."<img src=x onerror="window.__pwned=2"></p></body></html>';
  await page.setInputFiles('#open-file', { name: 'story.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForSelector('.article .para');
  assert.match(await page.textContent('.article'), /Dock strike ends/);
  assert.match(await page.textContent('.article'), /Union leader Mira Sol said/);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), 0);
  assert.deepEqual(realErrors(errors).filter((e) => !/Content Security Policy.*blocked/.test(e)), []);
  await context.close();
});

test('re-analyse keeps the decisions and hand-made annotations', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  await page.click('.ent[data-label="FAC"]');
  await page.keyboard.press('x');
  await page.click('.ent[data-label="ORG"]');
  await page.keyboard.press('a');
  await selectText(page, 'bearing');
  await page.selectOption('.add-bar select.more-labels', 'PRODUCT');
  await page.click('#reanalyze');
  await page.waitForSelector('.notice:has-text("Analysed again")');
  assert.ok(await page.$eval('.ent[data-label="FAC"]:has-text("Mill Street Bridge")', (e) => e.classList.contains('rejected')));
  assert.ok(await page.$eval('.ent[data-label="ORG"]:has-text("Glenford Transport Authority")', (e) => e.classList.contains('accepted')));
  assert.equal(await page.locator('.ent[data-label="PRODUCT"]', { hasText: 'bearing' }).count(), 1);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('search marks every match and Enter walks through them', async () => {
  const { page, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await importJson(page, fixtureDoc());
  await page.keyboard.press('/');
  await page.keyboard.type('calder');
  assert.equal(await page.locator('mark.hit').count(), 2);
  assert.match(await page.textContent('.hits'), /2 matches/);
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('mark.hit[data-current]', (e) => e.textContent), 'Calder');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('mark.hit[data-current]').count(), 1);
  // Shortcuts are off while typing: "a" went into the box, not to the reviewer.
  await page.keyboard.type(' a');
  assert.equal(await page.inputValue('#search'), 'calder a');
  await context.close();
});
