// Shared by the browser benchmarks: which build is measured (`--dist DIR`, the DIST variable, or
// dist/), serving it on a local port, launching Debian's Chromium, and recording the page's long
// main-thread tasks.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const ROOT = path.join(__dirname, '..');

/**
 * The release build to measure: `--dist DIR` (or `--dist=DIR`) on the command line, else the DIST
 * variable, else dist/. Exits with a message when it holds no build, so that two builds (the
 * commit before a change and the one after) can be measured back to back in one sitting.
 */
function distDir(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--dist');
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--dist='))?.slice('--dist='.length);
  if (at >= 0 && !given) {
    console.error('bench: --dist needs a directory');
    process.exit(2);
  }
  const dir = path.resolve(given || process.env.DIST || path.join(ROOT, 'dist'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`bench: no release build in ${dir} (no index.html): run \`scripts/test build\` first, or give --dist DIR`);
    process.exit(1);
  }
  return dir;
}

/** Serves the build (`distDir()`) on `port`, launches Chromium, runs `body(browser, baseURL)`, then stops both. */
async function withApp(port, body) {
  const dist = distDir();
  console.log(`build measured: ${dist}`);
  const server = spawn(process.execPath, [path.join(ROOT, 'tests', 'e2e', 'serve-dist.js')], {
    env: { ...process.env, NEWSMARK_E2E_PORT: String(port), NEWSMARK_E2E_DIST: dist },
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

module.exports = { distDir, withApp, openApp, saved, watchLongTasks, openFile };
