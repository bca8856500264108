// Shared by the browser benchmarks: serving dist/ on a local port, launching Debian's Chromium,
// and recording the page's long main-thread tasks.
'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serves dist/ on `port`, launches Chromium, runs `body(browser, baseURL)`, then stops both. */
async function withApp(port, body) {
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'tests', 'e2e', 'serve-dist.js')], {
    env: { ...process.env, NEWSMARK_E2E_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    await body(browser, `http://127.0.0.1:${port}/`);
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Opens the app in a new page and waits for the first save. */
async function openApp(browser, baseURL) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(baseURL);
  await saved(page);
  return page;
}

/** Waits until the save indicator says everything is stored. */
function saved(page) {
  return page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved', null, { polling: 'raf', timeout: 120_000 });
}

/** Starts recording long tasks; the returned function gives the three longest, in ms. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration)))
      .observe({ entryTypes: ['longtask'] });
  });
  return async () => (await page.evaluate(() => window.__longTasks)).sort((a, b) => b - a).slice(0, 3).map(Math.round);
}

/** Opens `text` as the file `name` through "Open file" and waits until it is shown. */
async function openFile(page, name, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('text=Open file')]);
  await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  const title = name.replace(/\.[^.]*$/, '');
  await page.waitForFunction((t) => document.querySelector('[role=article]')?.getAttribute('aria-label') === t, title, { polling: 'raf', timeout: 120_000 });
}

module.exports = { withApp, openApp, saved, watchLongTasks, openFile };
