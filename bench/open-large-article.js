#!/usr/bin/env node
// Benchmark, not a test: opens a generated 5 MB article in the release build (dist/) through
// "Open file" in headless Chromium, a few times, and prints how long it takes until the article
// is shown and until it is saved, and the longest main-thread tasks meanwhile.
// Run after a release build: `scripts/test build && node bench/open-large-article.js`.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');

const PORT = 8093;
const RUNS = Number(process.env.RUNS || 3);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

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

async function once(browser, text) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
      .observe({ entryTypes: ['longtask'] });
  });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('text=Open file')]);
  const started = Date.now();
  await chooser.setFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('[role=article]')?.getAttribute('aria-label') === 'big', null, { polling: 'raf' });
  const shown = Date.now() - started;
  await page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved', null, { polling: 'raf' });
  const saved = Date.now() - started;
  const tasks = (await page.evaluate(() => window.__longTasks)).sort((a, b) => b - a);
  await page.close();
  return { shown, saved, longest: tasks.slice(0, 3).map(Math.round) };
}

(async () => {
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'tests', 'e2e', 'serve-dist.js')], {
    env: { ...process.env, NEWSMARK_E2E_PORT: String(PORT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const text = article(5 * 1024 * 1024);
  console.log(`article: ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, ${[...text].length} code points, CRLF lines`);
  try {
    for (let i = 1; i <= RUNS; i++) {
      const r = await once(browser, text);
      console.log(`run ${i}: shown ${r.shown} ms, saved ${r.saved} ms, longest tasks ${r.longest.join(', ')} ms`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
})();
