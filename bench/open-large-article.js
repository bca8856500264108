#!/usr/bin/env node
// Benchmark, not a test: opens a generated 5 MB article in a release build (dist/ by default) through
// "Open file" in headless Chromium, a few times, and prints how long it takes until the article
// is shown and until it is saved, and the longest main-thread tasks meanwhile.
// Run after a release build: `scripts/test build && node bench/open-large-article.js` (or
// `npm run bench:open`); `--dist DIR` or DIST=DIR measures another build. RUNS (default 3).
'use strict';

const { withApp, openApp, saved, watchLongTasks, openFile } = require('./common');

const RUNS = Number(process.env.RUNS || 3);

/** Deterministic wire-like text: curly quotes, an em dash, an accent and an emoji per line. */
function article(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const line = `Paragraph ${i}. The ferry council met in Port Ellison and said “fares will rise” — café owners 😀 disagreed.`;
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return lines.join('\r\n');
}

withApp(8093, async (browser, baseURL) => {
  const text = article(5 * 1024 * 1024);
  console.log(`article: ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, ${[...text].length} code points, CRLF lines`);
  for (let i = 1; i <= RUNS; i++) {
    const page = await openApp(browser, baseURL);
    const longest = await watchLongTasks(page);
    const started = Date.now();
    await openFile(page, 'big.txt', text);
    const shown = Date.now() - started;
    await saved(page);
    console.log(`run ${i}: shown ${shown} ms, saved ${Date.now() - started} ms, longest tasks ${(await longest()).join(', ')} ms`);
    await page.close();
  }
});
