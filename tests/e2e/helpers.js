// Shared helpers for newsmark's end-to-end tests.
//
//   const { test, expect, selectText, readDownload, spanCheck } = require('./helpers');
//
// `test` is Playwright's test with a guard fixture (`guard`, automatic): every test gets a fresh
// browser context (a new, empty profile: no storage, no cookies, no IndexedDB), every request of
// every page in it is recorded, anything that is not the local test server (or a page-local
// scheme such as blob: or data:) is blocked and fails the test at teardown, and so does any
// console error, uncaught page error or HTTP error status from the local server.
// Options, per file or describe block: test.use({ allowConsoleErrors: [/regex/], allowHttpErrors: [/regex/] }).
// `launchProfile` (fixture) starts a persistent Chromium profile in a temporary directory that
// can be closed and started again, for tests that must survive a browser restart; it is guarded
// the same way.
'use strict';

const fs = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const base = require('@playwright/test');

const { expect } = base;

// Schemes that never leave the page: allowed whatever their "origin".
const LOCAL_SCHEMES = new Set(['blob:', 'data:', 'about:', 'javascript:', 'chrome-error:']);

function isAllowedUrl(url, origin) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}` === origin;
  }
  return u.origin === origin;
}

function matchesAny(text, patterns) {
  return patterns.some((p) => (p instanceof RegExp ? p.test(text) : text.includes(p)));
}

/**
 * Watches a browser context: records every request (and WebSocket) of all its pages, blocks any
 * that would leave `origin`, and collects console errors, page errors and HTTP errors.
 * `check()` throws if anything went wrong; the `guard` fixture calls it at teardown.
 */
async function guardContext(context, origin, { allowConsoleErrors = [], allowHttpErrors = [] } = {}) {
  const state = {
    origin,
    requests: [], // { url, method, resourceType }
    offOrigin: [], // urls of requests and WebSockets that would have left the machine
    consoleErrors: [], // text of console.error messages
    pageErrors: [], // uncaught exceptions and unhandled rejections
    httpErrors: [], // "status url" of responses >= 400 from the local server
  };
  const watchPage = (page) => {
    page.on('websocket', (ws) => {
      state.requests.push({ url: ws.url(), method: 'WEBSOCKET', resourceType: 'websocket' });
      if (!isAllowedUrl(ws.url(), origin)) state.offOrigin.push(ws.url());
    });
  };
  context.on('request', (req) => {
    state.requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType() });
    if (!isAllowedUrl(req.url(), origin)) state.offOrigin.push(req.url());
  });
  context.on('response', (res) => {
    if (res.status() >= 400) {
      const line = `${res.status()} ${res.url()}`;
      if (!matchesAny(line, allowHttpErrors)) state.httpErrors.push(line);
    }
  });
  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const text = loc && loc.url ? `${msg.text()} (at ${loc.url}:${loc.lineNumber})` : msg.text();
    if (!matchesAny(text, allowConsoleErrors)) state.consoleErrors.push(text);
  });
  context.on('weberror', (err) => {
    const e = err.error();
    const text = (e && (e.stack || e.message)) || String(e);
    if (!matchesAny(text, allowConsoleErrors)) state.pageErrors.push(text);
  });
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  // Nothing leaves: off-origin requests are aborted before they reach the network (they were
  // recorded above and fail the test all the same).
  await context.route((url) => !isAllowedUrl(url.href, origin), (route) => route.abort('blockedbyclient'));
  await context.routeWebSocket((url) => !isAllowedUrl(url.href, origin), (ws) => ws.close());

  return {
    ...state,
    get state() {
      return state;
    },
    /** Returns and forgets the off-origin requests so far (for tests of the guard itself). */
    takeOffOrigin() {
      return state.offOrigin.splice(0);
    },
    /** Returns and forgets the console errors so far (for tests that provoke one on purpose). */
    takeConsoleErrors() {
      return state.consoleErrors.splice(0);
    },
    /** Throws with a readable list if anything went off-origin or errored. */
    check() {
      const problems = [];
      if (state.offOrigin.length) problems.push(`requests that left ${origin}:\n  ${state.offOrigin.join('\n  ')}`);
      if (state.pageErrors.length) problems.push(`uncaught page errors:\n  ${state.pageErrors.join('\n  ')}`);
      if (state.consoleErrors.length) problems.push(`console errors:\n  ${state.consoleErrors.join('\n  ')}`);
      if (state.httpErrors.length) problems.push(`HTTP errors:\n  ${state.httpErrors.join('\n  ')}`);
      if (problems.length) throw new Error(`guard: ${problems.join('\n')}`);
    },
  };
}

function originOf(baseURL) {
  if (!baseURL) throw new Error('guard: no baseURL in the Playwright config');
  return new URL(baseURL).origin;
}

const test = base.test.extend({
  allowConsoleErrors: [[], { option: true }],
  allowHttpErrors: [[], { option: true }],

  // Playwright's own `context` is already a new context per test (a fresh, empty profile); this
  // guards it before the test's first navigation and checks it when the test is over.
  guard: [
    async ({ context, baseURL, allowConsoleErrors, allowHttpErrors }, use) => {
      const guard = await guardContext(context, originOf(baseURL), { allowConsoleErrors, allowHttpErrors });
      await use(guard);
      guard.check();
    },
    { auto: true },
  ],

  // A persistent profile in a fresh temporary directory: `await launchProfile()` starts Chromium
  // on it and returns a guarded context; close that context and call it again to "restart the
  // browser" on the same profile. Everything is checked and removed at teardown.
  launchProfile: async ({ playwright, baseURL, allowConsoleErrors, allowHttpErrors }, use, testInfo) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsmark-profile-'));
    const project = testInfo.project.use;
    const opened = [];
    const launch = async () => {
      const context = await playwright.chromium.launchPersistentContext(dir, {
        ...project.launchOptions,
        headless: project.headless !== false,
        baseURL,
        viewport: project.viewport,
        locale: project.locale,
        timezoneId: project.timezoneId,
        acceptDownloads: true,
      });
      const guard = await guardContext(context, originOf(baseURL), { allowConsoleErrors, allowHttpErrors });
      opened.push({ context, guard });
      return { context, guard, page: context.pages()[0] || (await context.newPage()) };
    };
    launch.dir = dir;
    try {
      await use(launch);
      for (const { guard } of opened) guard.check();
    } finally {
      for (const { context } of opened) await context.close().catch(() => {});
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
});

/**
 * Drags the real mouse across the article from the character at code point `startCp` to the end
 * of the character at `endCp - 1` (end exclusive), as a person selecting text would.
 *
 * Code points count the article's text as the DOM holds it: the text nodes inside
 * `articleLocator`, in document order. If elements inside it carry `data-cp` attributes (the
 * code point at which their text starts in the document), each such element resets the count,
 * so blocks whose line breaks are not in the DOM still map exactly (the returned text then
 * leaves those line breaks out).
 *
 * Drops any earlier selection and scrolls the start into view first; throws if the whole range then does not fit on screen or
 * something covers it. Returns { text, selection }: the text the code points cover, and the
 * window's selection text right after the mouse was released.
 */
async function selectText(page, articleLocator, startCp, endCp, { steps = 8 } = {}) {
  if (!(Number.isInteger(startCp) && Number.isInteger(endCp) && startCp >= 0 && startCp < endCp)) {
    throw new Error(`selectText: bad range ${startCp}..${endCp}`);
  }
  await articleLocator.waitFor({ state: 'visible' });
  const geometry = await articleLocator.evaluate(
    (root, { startCp, endCp }) => {
      // Every code point from startCp to endCp - 1 that the DOM holds, as { node, offset (UTF-16), ch }.
      const chars = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let cp = 0;
      let anchor = null;
      let anchored = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement && node.parentElement.closest('[data-cp]');
        if (el && root.contains(el) && el !== anchor) {
          anchor = el;
          anchored = true;
          cp = Number(el.getAttribute('data-cp'));
        }
        if (cp >= endCp) break;
        let u16 = 0;
        for (const ch of node.data) {
          if (cp >= startCp && cp < endCp) chars.push({ node, offset: u16, ch });
          cp++;
          u16 += ch.length;
        }
      }
      // Without data-cp the DOM must hold every code point; with it, those between two blocks
      // (their line breaks) may be missing.
      if (chars.length === 0 || (!anchored && chars.length !== endCp - startCp)) {
        return { error: `the article has no code points ${startCp}..${endCp} (found ${chars.length})` };
      }
      const rectOf = ({ node, offset, ch }) => {
        const r = document.createRange();
        r.setStart(node, offset);
        r.setEnd(node, offset + ch.length);
        const rects = [...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
        return rects.length ? rects[0] : null;
      };
      // The first and last characters that are drawn (zero-width ones, such as a line break or a
      // joiner, cannot be pointed at).
      const firstIdx = chars.findIndex((c) => rectOf(c));
      let lastIdx = -1;
      for (let i = chars.length - 1; i >= 0; i--) if (rectOf(chars[i])) { lastIdx = i; break; }
      if (firstIdx < 0) return { error: `no character of ${startCp}..${endCp} is drawn` };

      // A press inside an existing selection would drag the selected text instead of starting a
      // new selection, so drop any earlier selection first (as a click elsewhere would).
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) sel.removeAllRanges();

      // Bring the start to the upper third of every scrolling box around it, then of the window.
      const first = chars[firstIdx];
      for (let el = first.node.parentElement; el; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (el.scrollHeight > el.clientHeight && /(auto|scroll)/.test(style.overflowY)) {
          const box = el.getBoundingClientRect();
          const r = rectOf(first);
          el.scrollTo({ top: el.scrollTop + (r.top - box.top) - el.clientHeight / 3, behavior: 'instant' });
        }
      }
      const r0 = rectOf(first);
      window.scrollTo({ top: window.scrollY + r0.top - window.innerHeight / 3, behavior: 'instant' });

      const a = rectOf(first);
      const b = rectOf(chars[lastIdx]);
      const inView = (r) => r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
      if (!inView(a) || !inView(b)) {
        return { error: `code points ${startCp}..${endCp} do not fit on screen (${Math.round(b.bottom - a.top)} px tall)` };
      }
      const point = (r, atEnd) => ({
        x: atEnd ? r.right - Math.min(r.width / 4, 2) : r.left + Math.min(r.width / 4, 2),
        y: r.top + r.height / 2,
      });
      const from = point(a, false);
      const to = point(b, true);
      for (const [p, c] of [[from, first], [to, chars[lastIdx]]]) {
        const hit = document.elementFromPoint(p.x, p.y);
        if (!hit || !(root.contains(hit) || hit.contains(c.node))) {
          return { error: `the point (${p.x}, ${p.y}) over ${JSON.stringify(c.ch)} is covered by ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}` };
        }
      }
      return { from, to, text: chars.map((c) => c.ch).join('') };
    },
    { startCp, endCp },
  );
  if (geometry.error) throw new Error(`selectText: ${geometry.error}`);
  const { from, to, text } = geometry;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
  const selection = await page.evaluate(() => String(window.getSelection()));
  return { text, selection };
}

/**
 * Runs `trigger` (a function, or a locator to click) and reads the file it downloads.
 * Returns { name, buffer, text, json() }.
 */
async function readDownload(page, trigger, { timeout } = {}) {
  const waiting = page.waitForEvent('download', timeout ? { timeout } : undefined);
  if (typeof trigger === 'function') await trigger();
  else await trigger.click();
  const download = await waiting;
  const failure = await download.failure();
  if (failure) throw new Error(`readDownload: download of ${download.suggestedFilename()} failed: ${failure}`);
  const buffer = await fs.readFile(await download.path());
  const text = buffer.toString('utf8');
  return {
    name: download.suggestedFilename(),
    buffer,
    text,
    json: () => JSON.parse(text),
  };
}

// Field spellings accepted for the documents of an export, their spans, and the offsets.
const pick = (obj, ...keys) => keys.map((k) => obj && obj[k]).find((v) => v !== undefined);

function offsetsIn(span, unit) {
  const nested = pick(span, unit, `${unit}_offsets`);
  if (nested && typeof nested === 'object') return { start: nested.start, end: nested.end };
  const start = pick(span, `${unit}_start`, `${unit}Start`, `start_${unit}`);
  const end = pick(span, `${unit}_end`, `${unit}End`, `end_${unit}`);
  return start === undefined && end === undefined ? null : { start, end };
}

/**
 * Checks the offsets of every span of every document in an export against the document's text:
 *   [...text].slice(start, end).join('') === span.text        (code points, the model's unit)
 *   text.slice(utf16.start, utf16.end)   === span.text        (UTF-16 code units, the DOM's)
 *   utf8 bytes [utf8.start, utf8.end) decode to span.text     (UTF-8 bytes, Rust's)
 * `exported` is the parsed export: { documents: [...] }, { articles: [...] }, an array of
 * documents, or one document; a document has `text` and `spans`. Set requireUtf16/requireUtf8
 * to false for formats without those offsets. Returns the number of spans checked.
 */
function spanCheck(exported, { requireUtf16 = true, requireUtf8 = true, allowEmpty = false } = {}) {
  const docs = Array.isArray(exported)
    ? exported
    : pick(exported, 'documents', 'articles') || [exported];
  expect(Array.isArray(docs) && docs.length > 0, 'spanCheck: the export has no documents').toBe(true);
  let checked = 0;
  docs.forEach((doc, d) => {
    const text = pick(doc, 'text');
    expect(typeof text, `spanCheck: document ${d} has no text`).toBe('string');
    const spans = pick(doc, 'spans', 'annotations') || [];
    const cps = [...text];
    const bytes = Buffer.from(text, 'utf8');
    spans.forEach((span, s) => {
      const where = `document ${d} (${pick(doc, 'id', 'title') ?? ''}) span ${s} (${pick(span, 'id') ?? ''})`;
      const { start, end } = span;
      expect(Number.isInteger(start) && Number.isInteger(end), `${where}: start/end must be integers`).toBe(true);
      expect(start < end && end <= cps.length, `${where}: ${start}..${end} outside 0..${cps.length}`).toBe(true);
      expect(typeof span.text, `${where}: no span text`).toBe('string');
      expect(cps.slice(start, end).join(''), `${where}: code points ${start}..${end}`).toBe(span.text);

      const u16 = offsetsIn(span, 'utf16');
      if (u16 || requireUtf16) {
        expect(u16, `${where}: no UTF-16 offsets`).not.toBeNull();
        expect(text.slice(u16.start, u16.end), `${where}: UTF-16 ${u16.start}..${u16.end}`).toBe(span.text);
      }
      const u8 = offsetsIn(span, 'utf8');
      if (u8 || requireUtf8) {
        expect(u8, `${where}: no UTF-8 offsets`).not.toBeNull();
        expect(
          bytes.subarray(u8.start, u8.end).toString('utf8'),
          `${where}: UTF-8 ${u8.start}..${u8.end}`,
        ).toBe(span.text);
        expect(u8.end - u8.start, `${where}: UTF-8 length`).toBe(Buffer.byteLength(span.text, 'utf8'));
      }
      checked++;
    });
  });
  if (!allowEmpty) expect(checked, 'spanCheck: the export has no spans').toBeGreaterThan(0);
  return checked;
}

module.exports = { test, expect, selectText, readDownload, spanCheck, isAllowedUrl, guardContext };
