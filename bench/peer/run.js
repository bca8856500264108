#!/usr/bin/env node
// Benchmark, not a test (issue #5): a release build of newsmark (dist/ unless told otherwise) side
// by side with @recogito/text-annotator (the peer, bench/peer/index.html + peer.js bundled here by
// esbuild) on the same generated 1 MB news article with the same 10,000 spans, in headless
// Chromium, in one run. Then a 500-article (about 20 MB) workspace in newsmark alone.
// Run after a release build: `scripts/test build && npm run bench:peer` (or `node bench/peer/run.js`).
// `--dist DIR` (or DIST=DIR) measures the build in DIR, so that two builds can be measured back
// to back: `npm run bench:peer -- --dist /tmp/before/dist`.
// Environment: RUNS (opens and exports, default 3), REPS (edits, default 30), PEER=0 to skip the
// peer, WORKSPACE=0 to skip the workspace, SCROLL_STEP (px per frame while scrolling, default the
// viewport height). A step that fails is printed as failed in the table; the run goes on.
// Owns: the run's order, its servers and browser. The parts: page.js (the instruments),
// newsmark.js, recogito.js (the two sides), table.js, data.js (the generated article).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');
const { distDir } = require('../common');
const data = require('./data');
const { VIEWPORT, median, p95, log, reasonOf, blankFloor } = require('./page');
const { benchNewsmark, benchWorkspace } = require('./newsmark');
const { benchPeer } = require('./recogito');
const { table } = require('./table');

const ROOT = path.join(__dirname, '..', '..');
const DIST = distDir();
const PEER = process.env.PEER !== '0';
const PEER_DIST = path.join(__dirname, 'dist');
const RUNS = Number(process.env.RUNS || 3);
const REPS = Number(process.env.REPS || 30);
const WORKSPACE = process.env.WORKSPACE !== '0';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];
const SPANS = 10_000;

function buildPeer() {
  const esbuild = require('esbuild');
  fs.mkdirSync(PEER_DIST, { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'peer.js')],
    bundle: true, format: 'iife', target: 'chrome120', minify: true, outdir: PEER_DIST, logLevel: 'warning',
  });
  fs.copyFileSync(path.join(__dirname, 'index.html'), path.join(PEER_DIST, 'index.html'));
}

function serve(dir, port) {
  const server = spawn(process.execPath, [path.join(ROOT, 'tests', 'e2e', 'serve-dist.js')], {
    env: { ...process.env, NEWSMARK_E2E_PORT: String(port), NEWSMARK_E2E_DIST: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', () => resolve(server));
  });
}

/**
 * Runs one side's part. An error that escapes its own steps (the browser's page crashing, say)
 * is still only that part's failure: every row of it is printed as failed.
 */
async function part(name, fn) {
  log(`${name}:`);
  try {
    return await fn();
  } catch (e) {
    const reason = reasonOf(e);
    log(`  ${name} failed: ${reason}`);
    const failed = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? reason : undefined) });
    return { failed, failures: {}, blocked: 0 };
  }
}

async function main() {
  const started = Date.now();
  buildPeer();
  const text = data.article(42, 1024 * 1024);
  const spans = data.spans(7, text, SPANS);
  log(`build measured: ${DIST}`);
  log(`article: ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, ${[...text].length} code points, ${spans.length} spans; Chromium ${VIEWPORT.width}×${VIEWPORT.height}`);
  const servers = [await serve(DIST, 8097), await serve(PEER_DIST, 8098)];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  log(`browser: ${browser.version()}; peer: @recogito/text-annotator ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@recogito/text-annotator/package.json'), 'utf8')).version}`);
  try {
    const nm = await part('newsmark', async () => {
      const blank = await blankFloor(browser, REPS);
      log(`  blank page floor (a key changing one character on a page with nothing else, until painted): p95 ${p95(blank).toFixed(0)} ms, median ${median(blank).toFixed(0)} ms`);
      const r = await benchNewsmark(browser, 'http://127.0.0.1:8097/', text, spans, RUNS, REPS);
      r.blankFloor = blank;
      return r;
    });
    const peer = PEER ? await part('peer', () => benchPeer(browser, 'http://127.0.0.1:8098/', text, spans, RUNS, REPS)) : null;
    const ws = WORKSPACE ? await part('workspace (newsmark)', () => benchWorkspace(browser, 'http://127.0.0.1:8097/', RUNS, REPS)) : undefined;
    table({ nm, peer, ws, runs: RUNS, reps: REPS, spans: SPANS, dist: DIST, peerDist: PEER_DIST });
    const blocked = [nm, peer, ws].reduce((sum, r) => sum + ((r && r.blocked) || 0), 0);
    log(`\nbuild measured: ${DIST}`);
    log(`requests to other origins (blocked): ${blocked}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    servers.forEach((s) => s.kill());
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
