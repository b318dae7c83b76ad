// The JS/wasm library's example page (examples/lib-demo) with the browser build in pkg/web
// (scripts/build-lib.sh), under its strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, REPO } from './lib/harness.mjs';

test('examples/lib-demo annotates with pkg/web', { timeout: 60_000 }, async () => {
  assert.ok(fs.existsSync(path.join(REPO, 'pkg', 'web', 'apostil_wasm.js')), 'pkg/web missing: run scripts/build-lib.sh');
  const site = await serve(REPO);
  const browser = await launch();
  try {
    const { page, errors } = await openPage(browser, site.url + 'examples/lib-demo/');
    await page.waitForFunction(() => /entities, \d+ quotations/.test(document.getElementById('status').textContent), null, { timeout: 30_000 });
    const [input, output] = await page.evaluate(() => [
      document.getElementById('text').value,
      document.getElementById('out').textContent,
    ]);
    // Highlighting never changes the text: the rendered text minus label tags is the input.
    const labels = await page.$$eval('[data-testid="lib-entity"] small', (els) => els.map((e) => e.textContent));
    let stripped = output;
    for (const l of labels) stripped = stripped.replace(l, '');
    assert.equal(stripped, input);
    const json = JSON.parse(await page.textContent('[data-testid="lib-json"]'));
    assert.equal(json.length16, input.length);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
