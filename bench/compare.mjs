// Apostil's JS/wasm library (pkg/node, from scripts/build-lib.sh) against the in-browser NLP
// libraries it replaces, compromise and wink-nlp (with its lite English model): start-up time,
// time per article, throughput, shipped size (gzipped) and what each finds.
//
//   bash scripts/build-lib.sh && npm install --prefix bench && node bench/compare.mjs [FILE...]
//
// Texts: the files given, else ../shared/data/samples/*.txt when present (read at run time,
// never copied into the repo), else a synthetic article made here. Each text is also repeated
// ×10 to see how time grows with length. APOSTIL_SHARED=/path/to/shared overrides ../shared.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const REPO = path.resolve(HERE, '..');
const require = createRequire(import.meta.url);

function synthetic() {
  const people = ['Wenna Trask', 'Idris Malone', 'Zoë Ławecka', 'Tomasz Reyes'];
  const places = ['Port Ellis', 'Marrow Island', 'Lowport', 'Kestrel Bay'];
  const out = ['Harbour council approves ferry link', ''];
  for (let i = 0; i < 40; i++) {
    const p = people[i % people.length];
    const q = places[(i * 3) % places.length];
    out.push(
      `${q.toUpperCase()}, March ${(i % 27) + 1} - The ${q} council on Tuesday approved a $${i + 2}.5 million ` +
        `plan, ${p} said. "This is the day we stop waiting," ${p.split(' ')[1]} told reporters, adding ` +
        `that ${20 + i} percent of residents commute to ${places[(i + 1) % places.length]} daily.`,
      '',
    );
  }
  return out.join('\n');
}

function texts() {
  const args = process.argv.slice(2);
  if (args.length) return args.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]);
  const dir = path.join(process.env.APOSTIL_SHARED || path.resolve(REPO, '..', 'shared'), 'data', 'samples');
  if (fs.existsSync(dir)) {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    if (files.length) return files.map((f) => [`sample ${f.slice(0, 3)}`, fs.readFileSync(path.join(dir, f), 'utf8')]);
  }
  return [['synthetic', synthetic()]];
}

function time(fn, minMs = 300) {
  const runs = [];
  const t0 = performance.now();
  while (performance.now() - t0 < minMs || runs.length < 5) {
    const s = performance.now();
    fn();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

// Start-up: loading and compiling each library.
let t = performance.now();
const apostil = require(path.join(REPO, 'pkg', 'node', 'apostil_wasm.js'));
apostil.annotate('warm up');
const apostilStart = performance.now() - t;
t = performance.now();
const nlp = (await import('compromise')).default;
nlp('warm up').people();
const compromiseStart = performance.now() - t;
t = performance.now();
const wink = require('wink-nlp')(require('wink-eng-lite-web-model'));
wink.readDoc('warm up').entities().out();
const winkStart = performance.now() - t;

const wasmFile = path.join(REPO, 'pkg', 'web', 'apostil_wasm_bg.wasm');
const glueFile = path.join(REPO, 'pkg', 'web', 'apostil_wasm.js');
const compromiseFile = path.join(HERE, 'node_modules', 'compromise', 'builds', 'compromise.js');
const winkFiles = ['wink-nlp/src', 'wink-eng-lite-web-model/dist'].flatMap((d) => {
  const dir = path.join(HERE, 'node_modules', d);
  return fs.readdirSync(dir).filter((f) => /\.(js|json)$/.test(f)).map((f) => path.join(dir, f));
});

console.log('Apostil wasm library vs compromise', nlp.version || '', 'and wink-nlp');
console.log(`node ${process.version}; median of repeated runs\n`);
console.log('shipped size, gzipped:');
console.log(`  apostil   ${((gz(wasmFile) + gz(glueFile)) / 1024).toFixed(1)} KB (wasm + glue)`);
console.log(`  compromise ${(gz(compromiseFile) / 1024).toFixed(1)} KB (builds/compromise.js)`);
console.log(`  wink-nlp  ${(winkFiles.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(1)} KB (library + lite model)`);
console.log('start-up (load + first call):');
console.log(`  apostil   ${apostilStart.toFixed(1)} ms`);
console.log(`  compromise ${compromiseStart.toFixed(1)} ms`);
console.log(`  wink-nlp  ${winkStart.toFixed(1)} ms\n`);

function compromiseFind(text) {
  const doc = nlp(text);
  return {
    people: doc.people().length,
    places: doc.places().length,
    orgs: doc.organizations().length,
    quotes: doc.quotations().length,
  };
}

const rows = [];
for (const [name, base] of texts()) {
  for (const [label, text] of [[name, base], [`${name} ×10`, Array(10).fill(base).join('\n\n')]]) {
    const a = time(() => apostil.annotate(text));
    const c = time(() => compromiseFind(text));
    const w = time(() => wink.readDoc(text).entities().out());
    const found = apostil.annotate(text);
    const cf = compromiseFind(text);
    rows.push({
      text: label,
      chars: text.length,
      'apostil ms': a.toFixed(2),
      'compromise ms': c.toFixed(2),
      'wink ms': w.toFixed(2),
      'apostil MB/s': (text.length / 1e6 / (a / 1000)).toFixed(2),
      'compromise MB/s': (text.length / 1e6 / (c / 1000)).toFixed(2),
      'wink MB/s': (text.length / 1e6 / (w / 1000)).toFixed(2),
      'apostil ents/quotes': `${found.entities.length}/${found.quotes.length}`,
      'compromise ppl+plc+org/quotes': `${cf.people + cf.places + cf.orgs}/${cf.quotes}`,
    });
  }
}
console.table(rows);
