#!/usr/bin/env node
// Benchmark, not a test: pastes a generated 1 MB news article into the release build (dist/),
// presses Suggest, and prints how long until the suggestions are listed, and the longest tasks
// on the page's main thread meanwhile (the analysis itself runs in a worker).
// Run after a release build: `scripts/test build && node bench/suggest-large-article.js`.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');

const PORT = 8094;
const RUNS = Number(process.env.RUNS || 3);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

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

async function once(browser, text) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('text=Open file')]);
  await chooser.setFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('[role=article]')?.getAttribute('aria-label') === 'long');
  await page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
      .observe({ entryTypes: ['longtask'] });
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Suggest', exact: true }).click();
  await page.waitForFunction(() => /^Suggestions \(\d+\)/.test(document.querySelector('.suggestions h2, [aria-label="Suggestions"] h2')?.textContent || ''),
    null, { polling: 'raf', timeout: 120_000 });
  const listed = Date.now() - started;
  const heading = await page.evaluate(() => document.querySelector('.suggestions h2, [aria-label="Suggestions"] h2').textContent);
  const tasks = (await page.evaluate(() => window.__longTasks)).sort((a, b) => b - a);
  await page.close();
  return { listed, heading, longest: tasks.slice(0, 3).map(Math.round) };
}

(async () => {
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'tests', 'e2e', 'serve-dist.js')], {
    env: { ...process.env, NEWSMARK_E2E_PORT: String(PORT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const text = article(1024 * 1024);
  console.log(`article: ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB`);
  try {
    for (let i = 1; i <= RUNS; i++) {
      const r = await once(browser, text);
      console.log(`run ${i}: "${r.heading}" listed after ${r.listed} ms; longest main-thread tasks ${r.longest.join(', ') || 'none over 50'} ms`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
})();
