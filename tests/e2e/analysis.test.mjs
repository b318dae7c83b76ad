// The real analyser in the page: paste an article → highlights, speakers and junk appear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, ARTIFACTS } from './lib/harness.mjs';
import { ARTICLE, highlights, realErrors } from './lib/apostil.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('a pasted article gets entity highlights and quotes with speakers', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#paste');
  await page.fill('#paste', ARTICLE);
  await page.click('#annotate');
  await page.waitForSelector('.article .para');
  await page.screenshot({ path: path.join(ARTIFACTS, 'analysis-pasted.png') });
  const hs = await highlights(page);
  const has = (label, text) => hs.some((h) => h.label === label && h.text.includes(text));
  const report = JSON.stringify(hs.map((h) => `${h.label}:${h.text}`));
  assert.ok(has('PERSON', 'Ruth Calder'), report);
  // Every name is highlighted (its type is the analyser's call; the user corrects it).
  assert.ok(hs.some((h) => h.text.includes('Tomasz Wolny')), report);
  assert.ok(has('ORG', 'Glenford Transport Authority'), report);
  assert.ok(has('MONEY', '12 million'), report);
  assert.ok(has('DATE', 'Friday'), report);
  const speakers = await page.$$eval('.q.last', (els) => els.map((e) => e.dataset.speaker || ''));
  assert.ok(speakers.some((s) => /Calder/.test(s)), JSON.stringify(speakers));
  assert.ok(speakers.some((s) => /Wolny/.test(s)), JSON.stringify(speakers));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

// Junk detection is the core intake's job (text::intake); the page shows it greyed and collapsed.
test('the analyser marks the comment form and related links as junk, shown collapsed', async () => {
  const { page, context } = await openPage(browser, srv.url);
  await page.waitForSelector('#paste');
  await page.fill('#paste', ARTICLE);
  await page.click('#annotate');
  await page.waitForSelector('.article .para');
  const junk = await page.$$eval('details.junk-block', (els) => els.map((e) => e.open));
  try {
    assert.ok(junk.length >= 1 && junk.every((o) => !o), 'junk is collapsed');
    assert.ok(!(await page.isVisible('text=Your email stays private')));
  } finally {
    await context.close();
  }
});

test('the sample article shows its people, organisation, money and speakers', async () => {
  const { page, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  await page.waitForSelector('#sample');
  await page.click('#sample');
  await page.waitForSelector('.article .para');
  await page.screenshot({ path: path.join(ARTIFACTS, 'analysis-sample.png') });
  const hs = await highlights(page);
  const report = JSON.stringify(hs.map((h) => `${h.label}:${h.text}`));
  assert.ok(hs.some((h) => h.label === 'PERSON' && h.text.includes('Helena Okafor')), report);
  assert.ok(hs.some((h) => h.label === 'ORG' && h.text.includes('Port Alder City Council')), report);
  assert.ok(hs.some((h) => h.text.includes('Caldera Engineering')), report);
  assert.ok(hs.some((h) => h.label === 'MONEY' && h.text.includes('48 million')), report);
  const who = await page.$$eval('.speaker h3', (els) => els.map((e) => e.textContent));
  assert.ok(who.some((w) => /Marchetti/.test(w)), JSON.stringify(who));
  assert.ok(who.some((w) => /Raman/.test(w)), JSON.stringify(who));
  await context.close();
});

test('relative dates: off by default (calendar dates only); the switch re-analyses, keeps the choice on reload', async () => {
  const { page, errors, context } = await openPage(browser, srv.url, { viewport: { width: 1400, height: 1000 } });
  const text = 'Dock repairs begin\n\nThe yard council met on Friday. Repairs stalled last week, and in recent years the yard lost 40 welders.';
  await page.waitForSelector('#paste');
  assert.equal(await page.isChecked('#relative-dates'), false);
  await page.fill('#paste', text);
  await page.click('#annotate');
  await page.waitForSelector('.article .para');
  const dates = async () => (await highlights(page)).filter((h) => h.label === 'DATE').map((h) => h.text);
  assert.deepEqual(await dates(), ['Friday']);
  // Switching it on in the toolbar re-analyses the open document.
  await page.check('#relative-dates-doc');
  await page.waitForFunction(() => document.querySelectorAll('.article .ent[data-label="DATE"]').length >= 3);
  assert.deepEqual(await dates(), ['Friday', 'last week', 'recent years']);
  // The choice is remembered.
  await page.reload();
  await page.waitForSelector('#relative-dates-doc');
  assert.equal(await page.isChecked('#relative-dates-doc'), true);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
