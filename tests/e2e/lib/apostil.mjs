// Apostil-specific helpers for the e2e tests: a hand-written article, an Apostil JSON builder
// for it, and page actions (import, select text, read highlights). Uses the one harness.
import crypto from 'node:crypto';
import fs from 'node:fs';

/** An invented article (with an emoji, so UTF-16 and code points differ after it). */
export const ARTICLE = `River town opens new bridge after $12 million upgrade

By Lena Park 📷

GLENFORD — The Glenford Transport Authority opened the rebuilt Mill Street Bridge on Friday, three months ahead of schedule.

"This bridge carries nine thousand people a day, and now it will carry them safely," said Mayor Ruth Calder. Calder thanked the crews from Brightline Construction.

Engineer Tomasz Wolny said the upgrade cost $12 million. "We replaced every bearing," Wolny said.

Leave a Reply
Your email stays private.

You May Also Like
Glenford library extends opening hours`;

/** Code-point span of the nth occurrence of `needle` in `text`. */
export function span(text, needle, nth = 0) {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`${needle} #${nth} not in text`);
  }
  const start = Array.from(text.slice(0, idx)).length;
  return { start, end: start + Array.from(needle).length };
}

/** An Apostil JSON library holding the article with machine suggestions (as the analyser makes them). */
export function fixtureDoc(id = 'doc-fixture-1') {
  const t = ARTICLE;
  let next = 1;
  const clusters = [
    { id: next++, canonical: 'Ruth Calder', label: 'PERSON' },
    { id: next++, canonical: 'Tomasz Wolny', label: 'PERSON' },
  ];
  const annotations = [];
  const ent = (needle, label, nth = 0, cluster) => {
    const s = span(t, needle, nth);
    const a = { id: next++, kind: 'entity', label, span: s, exact: needle, origin: 'auto', status: 'suggested' };
    if (cluster) a.cluster = cluster;
    annotations.push(a);
    return a;
  };
  ent('GLENFORD', 'GPE');
  ent('Glenford Transport Authority', 'ORG');
  ent('Mill Street Bridge', 'FAC');
  ent('Friday', 'DATE');
  const calder = ent('Ruth Calder', 'PERSON', 0, 1);
  ent('Calder', 'PERSON', 1, 1);
  ent('Tomasz Wolny', 'PERSON', 0, 2);
  ent('$12 million', 'MONEY', 1);
  const wolny = ent('Wolny', 'PERSON', 1, 2);
  const quote = (needle, who) => {
    const s = span(t, needle);
    annotations.push({
      id: next++, kind: 'quote', label: 'QUOTE', span: s, exact: needle, origin: 'auto', status: 'suggested',
      quote_kind: 'direct', speaker: { span: who.span, cluster: who.cluster },
    });
  };
  quote('This bridge carries nine thousand people a day, and now it will carry them safely,', calder);
  quote('We replaced every bearing,', wolny);
  annotations.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const junk1 = span(t, 'Leave a Reply\nYour email stays private.');
  const junk2 = span(t, 'You May Also Like\nGlenford library extends opening hours');
  return {
    apostil: 1,
    documents: [{
      id,
      text: t,
      text_hash: 'sha256:' + crypto.createHash('sha256').update(t, 'utf8').digest('hex'),
      meta: { title: 'River town opens new bridge after $12 million upgrade' },
      regions: [
        { span: span(t, 'River town opens new bridge after $12 million upgrade'), kind: 'headline' },
        { span: span(t, 'By Lena Park 📷'), kind: 'byline' },
        { span: junk1, kind: 'comment_form' }, { span: junk2, kind: 'related_links' }],
      annotations,
      clusters,
      next_id: next,
    }],
  };
}

/** Imports an Apostil JSON object through the page's Import button and confirms the preview. */
export async function importJson(page, obj, name = 'fixture.json') {
  await page.setInputFiles('#import-file', {
    name, mimeType: 'application/json', buffer: Buffer.from(typeof obj === 'string' ? obj : JSON.stringify(obj)),
  });
  await page.waitForSelector('#confirm-import');
  await page.click('#confirm-import');
  await page.waitForSelector('.article .para');
}

/** Selects the nth occurrence of `needle` inside the article (by DOM text) and releases the mouse. */
export async function selectText(page, needle, nth = 0, trimStart = 0, trimEnd = 0) {
  await page.evaluate(({ needle, nth, trimStart, trimEnd }) => {
    const root = document.querySelector('.article');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let full = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, full.length]); full += n.textContent; }
    let idx = -1;
    for (let i = 0; i <= nth; i++) idx = full.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error('not found: ' + needle);
    const at = (off) => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]]; };
    const [sn, so] = at(idx + trimStart);
    const [en, eo] = at(idx + needle.length - trimEnd);
    const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
    const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    sn.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, { needle, nth, trimStart, trimEnd });
  await page.waitForSelector('.add-bar');
}

/** Highlights in the article: [{id, label, text, status}] (first pieces only). */
export async function highlights(page) {
  return page.$$eval('.article [data-id].first', (els) => els.map((e) => ({
    id: e.dataset.id,
    label: e.dataset.label || 'QUOTE',
    text: e.textContent,
    status: ['suggested', 'accepted', 'rejected'].find((s) => e.classList.contains(s)),
    speaker: e.closest('.q') === e ? null : undefined,
  })));
}

/** Collects every download the page starts; returns { files, wait(n) }. */
export function collectDownloads(page) {
  const files = [];
  page.on('download', async (d) => {
    const p = await d.path();
    files.push({ name: d.suggestedFilename(), content: fs.readFileSync(p, 'utf8') });
  });
  return {
    files,
    async wait(n, ms = 5000) {
      const t0 = Date.now();
      while (files.length < n && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 50));
      return files.splice(0, files.length);
    },
  };
}

/** Console/page errors that matter (the missing favicon does not). */
export function realErrors(errors) {
  return errors.filter((e) => !/Failed to load resource.*404|favicon/i.test(e));
}
