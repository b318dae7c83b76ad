// The JS/wasm library (crates/wasm) as Node.js loads it: pkg/node from scripts/build-lib.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const PKG = path.join(REPO, 'pkg');
const require = createRequire(import.meta.url);
const lib = require(path.join(PKG, 'node', 'apostil_wasm.js'));

// Written for this test: accented and astral characters before every name, so code-point and
// UTF-16 offsets differ.
const ARTICLE = [
  'Ferry link for Marrow Island approved',
  '',
  'PORT ELLIS, March 3 - The harbour council on Tuesday approved a $4.5 million ferry link. 😀',
  '',
  '“This is the day the island stops being an afterthought,” said councillor Wenna Trask, who',
  'first proposed the route in 2024. Zoë Ławecka of the Marrow Island Trust said the 𝕏 vote was',
  '“long overdue”. Trask said 40 percent of residents commute daily.',
].join('\n');

/** Checks both offset systems of one annotated span against the text. */
function checkSpan(text, s, what) {
  const cps = Array.from(text);
  assert.equal(cps.slice(s.start, s.end).join(''), s.text, `${what}: code points ${s.start}..${s.end}`);
  assert.equal(text.slice(s.start16, s.end16), s.text, `${what}: UTF-16 ${s.start16}..${s.end16}`);
  assert.ok(s.start <= s.end && s.start16 <= s.end16, `${what}: ordered`);
}

test('annotate returns entities, quotes and clusters with agreeing offsets', () => {
  const out = lib.annotate(ARTICLE);
  assert.equal(out.length, Array.from(ARTICLE).length);
  assert.equal(out.length16, ARTICLE.length);
  assert.ok(out.length16 > out.length, 'the text has astral characters');
  for (const key of ['entities', 'quotes', 'clusters']) assert.ok(Array.isArray(out[key]), key);
  assert.equal(out.regions, undefined, 'regions only on request');
  for (const e of out.entities) {
    checkSpan(ARTICLE, e, `entity ${e.label}`);
    assert.match(e.label, /^[A-Z_]+$/);
    assert.ok(['pattern', 'rule', 'model', 'document'].includes(e.source));
    assert.ok(e.score >= 0 && e.score <= 1);
    assert.ok(e.cluster === null || (e.cluster >= 0 && e.cluster < out.clusters.length));
  }
  for (const q of out.quotes) {
    checkSpan(ARTICLE, q, 'quote');
    checkSpan(ARTICLE, q.outer, 'quote with marks');
    assert.ok(['direct', 'scare'].includes(q.kind));
    if (q.speaker) checkSpan(ARTICLE, q.speaker, 'speaker');
  }
  out.clusters.forEach((c, i) => {
    assert.equal(c.id, i);
    for (const m of c.mentions) checkSpan(ARTICLE, m, `mention of ${c.canonical}`);
  });
});

test('annotate finds what the core finds: money, percent, a person, a quote and its speaker', () => {
  const out = lib.annotate(ARTICLE);
  const find = (label, text) => out.entities.find((e) => e.label === label && e.text === text);
  const money = find('MONEY', '$4.5 million');
  assert.ok(money, `MONEY $4.5 million in ${JSON.stringify(out.entities.map((e) => e.text))}`);
  assert.equal(money.start16, money.start, 'nothing astral before it');
  const pct = find('PERCENT', '40 percent');
  assert.ok(pct, 'PERCENT 40 percent');
  assert.equal(pct.start16 - pct.start, 2, '😀 and 𝕏 come before it: two extra UTF-16 units');
  assert.ok(out.entities.some((e) => e.label === 'PERSON' && e.text.includes('Trask')), 'a PERSON Trask');
  const q = out.quotes.find((x) => x.text.startsWith('This is the day'));
  assert.ok(q, 'the first quotation');
  assert.equal(q.kind, 'direct');
  assert.equal(q.outer.text, '“' + q.text + '”');
  assert.ok(q.speaker && q.speaker.text.includes('Trask'), `speaker: ${JSON.stringify(q.speaker)}`);
});

test('formats: list, export, convert, readable errors', () => {
  const names = lib.formats().map((f) => f.name);
  assert.deepEqual(names, ['apostil', 'w3c', 'brat', 'conll', 'csv', 'jsonl']);
  assert.equal(lib.formats().find((f) => f.name === 'csv').canImport, false);
  const [json] = lib.exportAnnotations(ARTICLE, 'apostil', { id: 'ferry' });
  assert.match(json.name, /^ferry/);
  const doc = JSON.parse(json.content);
  assert.equal(doc.text, ARTICLE);
  const w3c = lib.exportAnnotations(ARTICLE, 'w3c');
  assert.equal(w3c.length, 1);
  JSON.parse(w3c[0].content);
  assert.equal(lib.exportAnnotations(ARTICLE, 'brat').length, 2, 'brat: .txt and .ann');
  const conll = lib.convert(json.content, 'apostil', 'conll');
  assert.match(conll[0].content, /Trask/);
  const back = lib.convert(json.content, 'apostil', 'apostil');
  assert.equal(JSON.parse(back[0].content).text, ARTICLE);
  assert.throws(() => lib.convert('{oops', 'apostil', 'w3c'), /not valid/);
  assert.throws(() => lib.exportAnnotations(ARTICLE, 'docx'), /unknown format "docx"/);
  assert.throws(() => lib.exportAnnotations(ARTICLE, 'csv', { name: 'x' }), /bad options/);
});

test('options: label filter, quotes off, regions on; bad options are an error', () => {
  const all = lib.annotate(ARTICLE, {});
  const dates = lib.annotate(ARTICLE, { labels: ['DATE'] });
  assert.ok(dates.entities.every((e) => e.label === 'DATE'));
  assert.equal(dates.entities.length, all.entities.filter((e) => e.label === 'DATE').length);
  assert.deepEqual(lib.annotate(ARTICLE, { quotes: false }).quotes, []);
  const withRegions = lib.annotate(ARTICLE, { regions: true });
  assert.ok(Array.isArray(withRegions.regions));
  for (const r of withRegions.regions) {
    checkSpan(ARTICLE, r, `region ${r.kind}`);
    assert.equal(typeof r.junk, 'boolean');
  }
  assert.throws(() => lib.annotate(ARTICLE, { label: ['DATE'] }), /bad options/);
  // Relative dates: news-wire practice by default, OntoNotes practice on request.
  const relative = 'Sales fell last week. In recent years the yard hired 40 welders.';
  const dateTexts = (o) => lib.annotate(relative, o).entities.filter((e) => e.label === 'DATE').map((e) => e.text);
  assert.deepEqual(dateTexts({}), []);
  assert.deepEqual(dateTexts({ relativeDates: true }), ['last week', 'recent years']);
  assert.throws(() => lib.annotate(ARTICLE, { labels: ['NOT_A_LABEL'] }), /bad options/);
});

test('edge inputs do not throw', () => {
  for (const text of ['', ' ', '😀😀😀', '“unclosed', 'a\r\n\r\nb', '\u0000', 'x'.repeat(20000)]) {
    const out = lib.annotate(text);
    assert.equal(out.length16, text.length);
  }
});

test('version and TypeScript types ship with both builds', () => {
  assert.match(lib.version(), /^\d+\.\d+\.\d+/);
  for (const dir of ['node', 'web']) {
    const dts = fs.readFileSync(path.join(PKG, dir, 'apostil_wasm.d.ts'), 'utf8');
    assert.match(dts, /export function annotate\(text: string, options\?: AnnotateOptions\): Annotated;/);
    assert.match(dts, /export interface AnnotatedEntity extends TextSpan/);
    assert.match(dts, /start16: number;/);
    assert.match(dts, /export function convert\(input: string, from: FormatName \| string, to: FormatName \| string\): ExportFile\[\];/);
  }
});
