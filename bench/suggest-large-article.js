#!/usr/bin/env node
// Benchmark, not a test: opens a generated 1 MB news article in a release build (dist/ by default),
// presses Suggest, and prints how long until the suggestions are listed, and the longest tasks
// on the page's main thread meanwhile (the analysis itself runs in a worker).
// Run after a release build: `scripts/test build && node bench/suggest-large-article.js` (or
// `npm run bench:suggest`); `--dist DIR` or DIST=DIR measures another build. RUNS (default 3).
'use strict';

const { withApp, openApp, saved, watchLongTasks, openFile } = require('./common');

const RUNS = Number(process.env.RUNS || 3);

// The same paragraphs as crates/analysis/examples/bench_suggest.rs.
const PARAGRAPHS = [
  '“We are not going to balance the budget on the backs of commuters,” Mayor Ines Carvalho told reporters on Tuesday. “This council heard them.”',
  'According to the authority’s annual report, ridership fell by 7 percent in 2025, and two officials familiar with the talks said the routes could be cut by summer.',
  'The union called on the council to freeze fares for two years, to publish the accounts, and to give commuters a seat on the board 😀.',
  'Lena Fischer, a transport economist at the University of Westmarch, said the rise was overdue. “I don’t think a pause is a victory,” she said.',
  'The council will take up the budget again in June. Fares remain at 2.40 euros for a single crossing.',
];

function article(bytes) {
  let out = '';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += PARAGRAPHS[i % PARAGRAPHS.length] + '\n\n';
  return out;
}

withApp(8094, async (browser, baseURL) => {
  const text = article(1024 * 1024);
  console.log(`article: ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB`);
  for (let i = 1; i <= RUNS; i++) {
    const page = await openApp(browser, baseURL);
    await openFile(page, 'long.txt', text);
    await saved(page);
    const longest = await watchLongTasks(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Suggest', exact: true }).click();
    // The last batch ends the job with a message giving the total.
    await page.waitForFunction(() => /suggestions? to review/.test(document.querySelector('.notice')?.textContent || ''),
      null, { polling: 'raf', timeout: 120_000 });
    const listed = Date.now() - started;
    const heading = await page.evaluate(() => document.querySelector('.suggestions h2').textContent);
    console.log(`run ${i}: "${heading}" listed after ${listed} ms; longest main-thread tasks ${(await longest()).join(', ') || 'none over 50'} ms`);
    await page.close();
  }
});
