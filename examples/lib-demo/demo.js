// Apostil library demo: the browser (ES module) build in pkg/web.
import init, { annotate, version } from '../../pkg/web/apostil_wasm.js';

const $ = (id) => document.getElementById(id);

/** Renders `text` with its entities highlighted, using the UTF-16 offsets. */
function render(text, result) {
  const out = $('out');
  out.textContent = '';
  let at = 0;
  for (const e of result.entities) {
    if (e.start16 < at) continue;
    out.append(text.slice(at, e.start16));
    const mark = document.createElement('mark');
    mark.dataset.label = e.label;
    mark.dataset.testid = 'lib-entity';
    mark.textContent = text.slice(e.start16, e.end16);
    const tag = document.createElement('small');
    tag.textContent = e.label;
    mark.append(tag);
    out.append(mark);
    at = e.end16;
  }
  out.append(text.slice(at));

  const quotes = $('quotes');
  quotes.textContent = '';
  for (const q of result.quotes) {
    const li = document.createElement('li');
    li.textContent = `${q.outer.text} — ${q.speaker ? q.speaker.text : 'speaker unknown'} (${q.kind})`;
    quotes.append(li);
  }
  $('json').textContent = JSON.stringify(result, null, 2);
}

function run() {
  const text = $('text').value;
  const t0 = performance.now();
  const result = annotate(text, { regions: true });
  const ms = performance.now() - t0;
  render(text, result);
  $('status').textContent =
    `${result.entities.length} entities, ${result.quotes.length} quotations, ` +
    `${result.clusters.length} clusters in ${ms.toFixed(1)} ms (apostil ${version()})`;
}

await init();
$('status').textContent = `ready (apostil ${version()})`;
$('run').addEventListener('click', run);
run();
