// Playwright configuration for newsmark's end-to-end tests.
// Run through `scripts/test e2e` (or `npm run e2e` after a release build): the tests drive Debian's
// Chromium (/usr/bin/chromium; Playwright never downloads a browser here) against the release
// build in dist/, served by serve-dist.js on 127.0.0.1 only.
'use strict';

const path = require('node:path');
const { defineConfig } = require('@playwright/test');

const port = Number(process.env.NEWSMARK_E2E_PORT || 8091);
const baseURL = `http://127.0.0.1:${port}`;

// Headless Chromium as root on a machine with no network but the package registries: no sandbox,
// no GPU, and none of the background services that would call out (and be refused) at start.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.js',
  // Failure artefacts (screenshots, traces) go under target/, which is never committed.
  outputDir: path.join(__dirname, '..', '..', 'target', 'e2e-results'),
  fullyParallel: false,
  // Two cores: one test file per core at most.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.NEWSMARK_CHROMIUM || '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `node ${JSON.stringify(path.join(__dirname, 'serve-dist.js'))}`,
    url: `${baseURL}/`,
    env: { NEWSMARK_E2E_PORT: String(port) },
    // A stale server on the port would serve another build: always start our own.
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
