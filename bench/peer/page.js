// The measuring instruments of the side-by-side benchmark, shared by both sides: a page that
// refuses other origins, the in-page clock (`__arm`: from an input event or a call until the
// frame that shows the result is painted), the floors of that measure, memory, scrolling, and
// recording a step that fails so that the run goes on.
// Owns: how a figure is taken. Must never: drive an app (newsmark.js and recogito.js do).
'use strict';

const VIEWPORT = { width: 1400, height: 900 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN; };
const log = (...a) => console.log(...a);
/** A p95 for the log: whole milliseconds, or "—" when the step never succeeded. */
const p95Text = (xs) => (xs.length ? p95(xs).toFixed(0) : '—');

/** The first line of an error's message: what the table shows as the reason a step failed. */
const reasonOf = (e) => String((e && e.message) || e).split('\n')[0].replace(/^page\.evaluate: (Error: )?/, '');

/**
 * Runs one measured step. When it throws, the reason is recorded under each of `keys` in
 * `r.failed` (the table prints "failed: <reason>" for them), counted in `r.failures`, and
 * logged, and `undefined` is returned: a step that fails never ends the run.
 */
async function attempt(r, keys, what, fn) {
  try {
    return await fn();
  } catch (e) {
    const reason = reasonOf(e);
    for (const k of [].concat(keys)) {
      r.failed[k] = r.failed[k] || reason;
      r.failures[k] = (r.failures[k] || 0) + 1;
    }
    log(`  ${what} failed: ${reason}`);
    return undefined;
  }
}

/** Marks `keys` as not measured because an earlier step they need failed. */
function notMeasured(r, keys, why) {
  for (const k of keys) r.failed[k] = r.failed[k] || `not measured: ${why}`;
}

/** A fresh context that refuses every request to another origin, and counts them. */
async function newPage(browser, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const blocked = [];
  await context.route((url) => !url.href.startsWith(origin) && !/^(blob|data|about):/.test(url.href), (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  page.blocked = blocked;
  return page;
}

// Runs in every page before its own scripts: long-task recording, the wasm memory of newsmark,
// and `__arm`, which measures from an input event (or now) to the first frame painted after a
// condition holds: the condition is checked in each animation frame, and the frame counts as
// painted when a message posted from that frame's callback arrives (after style, layout, paint).
const INSTRUMENT = () => {
  window.__longTasks = [];
  window.__longTaskEntries = [];
  try {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => {
      window.__longTasks.push(e.duration);
      window.__longTaskEntries.push({ start: e.startTime, duration: e.duration });
    })).observe({ entryTypes: ['longtask'] });
  } catch {}
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail && e.detail.wasm; });
  // Counts downloads handed to the browser (newsmark offers a file by clicking an <a download>).
  window.__downloads = 0;
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () { if (this.download) window.__downloads++; return click.call(this); };
  const afterPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    });
  });
  window.__afterPaint = afterPaint;
  /** The text node and UTF-16 offset of code points `s` and `e` inside `root`. */
  window.__domRange = (root, s, e) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const out = {};
    let cp = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let u = 0;
      for (const ch of node.data) {
        if (cp === s) { out.sn = node; out.so = u; }
        cp++;
        u += ch.length;
        if (cp === e) { out.en = node; out.eo = u; return out; }
      }
    }
    return out;
  };
  /** Arms a measurement: from the next `eventType` event (or now, when null) until `cond()`. */
  window.__arm = (eventType, cond, timeoutMs = 60_000) => {
    let t0 = eventType ? null : performance.now();
    window.__armedAt = performance.now();
    if (eventType) {
      addEventListener(eventType, (e) => { if (t0 === null) t0 = e.timeStamp; window.__eventAt = e.timeStamp; }, { capture: true, once: true });
    }
    window.__result = new Promise((resolve, reject) => {
      const started = performance.now();
      const tick = () => requestAnimationFrame(() => {
        let ok = false;
        try { ok = t0 !== null && cond(); } catch (e) { reject(e); return; }
        if (ok) {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        } else if (performance.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${cond}`));
        else tick();
      });
      tick();
    });
  };
};

async function heap(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => (window.__wasm && window.__wasm.memory ? window.__wasm.memory.buffer.byteLength : 0));
  return { js: usage.usedSize, backing: usage.backingStorageSize || 0, wasm };
}

/** Scrolls the article's scroll box (or the window) top to bottom, a step per frame. */
async function scrollThrough(page, selector) {
  return page.evaluate(async ({ selector, step }) => {
    const article = document.querySelector(selector);
    let box = null;
    for (let el = article; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(s.overflowY)) { box = el; break; }
    }
    const scroller = box || document.scrollingElement;
    scroller.scrollTop = 0;
    await window.__afterPaint();
    window.__longTasks = [];
    const frames = [];
    const t0 = performance.now();
    let last = t0;
    const dy = step || scroller.clientHeight;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += dy;
      const t = await window.__afterPaint();
      frames.push(t - last);
      last = t;
    }
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
    const lt = window.__longTasks;
    return { total, steps: frames.length, height: scroller.scrollHeight, longest: Math.max(0, ...lt), longTaskCount: lt.length,
      longTaskSum: lt.reduce((a, b) => a + b, 0), p95Frame: frames.sort((a, b) => a - b)[Math.ceil(0.95 * frames.length) - 1] };
  }, { selector, step: Number(process.env.SCROLL_STEP || 0) });
}

/** Word-aligned targets for new spans: the word "the" at REPS points spread over the article (code points). */
function editTargets(text, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const from = Math.floor(((i + 0.5) / n) * text.length);
    const at = text.indexOf(' the ', from);
    const startCp = [...text.slice(0, at + 1)].length;
    out.push([startCp, startCp + 'the'.length]);
  }
  return out;
}

/**
 * The floor of the edit measure on a page: from a key that changes one character outside the
 * article (a tiny fixed element this adds) until that frame is painted, the same way edits are
 * measured. Nothing of the app runs for it, so it is the wait for the next frame plus what
 * Chromium spends on any frame of that page.
 */
async function keyFloor(page, n) {
  await page.evaluate(() => {
    const el = document.createElement('span');
    el.id = '__tick';
    el.textContent = '0';
    el.style.cssText = 'position: fixed; left: 0; bottom: 0; font-size: 8px';
    document.body.append(el);
    addEventListener('keydown', (e) => { if (e.key === 'F8') el.textContent = String(Number(el.textContent) + 1); });
  });
  const out = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate((want) => window.__arm('keydown', () => document.getElementById('__tick').textContent === want), String(i + 1));
    await page.keyboard.press('F8');
    out.push(await page.evaluate(() => window.__result));
  }
  await page.evaluate(() => document.getElementById('__tick').remove());
  return out;
}

/**
 * The same floor on a page holding one character and nothing else: what the edit measure gives
 * in this browser when a page does no work at all.
 */
async function blankFloor(browser, n) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  await page.setContent('<!doctype html><title>floor</title><body></body>');
  const out = await keyFloor(page, n);
  await context.close();
  return out;
}

/** After this many failures a step is not tried again: a broken step costs a few timeouts, not one per target. */
const FAIL_LIMIT = 3;

/**
 * Runs the edit steps (`[key, fn(ctx)]`, each returning milliseconds) for each target in order,
 * pushing each figure to `r[key]`. A step that fails is recorded (`attempt`) and the rest of that
 * target's steps are passed over, since each needs the one before; a step that has failed
 * FAIL_LIMIT times is not tried again. `ctx` holds the target and what the steps pass on.
 */
async function editLoop(r, what, targets, steps) {
  for (const target of targets) {
    const ctx = { target };
    for (const [key, fn] of steps) {
      if ((r.failures[key] || 0) >= FAIL_LIMIT) break;
      const ms = await attempt(r, key, `${what} ${key}`, () => fn(ctx));
      if (ms === undefined) break;
      ctx[key] = ms;
      r[key].push(ms);
    }
    if (ctx.select !== undefined && ctx.tag !== undefined) r.add.push(ctx.select + ctx.tag);
  }
  const cause = r.failed.select || r.failed.tag;
  if (cause) r.failed.add = cause;
  for (const [key] of steps) if (!r[key].length) notMeasured(r, [key], 'an edit step before it failed');
}

/** A side's figures, empty: arrays per row key, and the reasons of the rows that failed. */
const newResult = () => ({ failed: {}, failures: {}, open: [], add: [], select: [], tag: [], relabel: [], delete: [], undo: [], export: [], floor: [] });

module.exports = { VIEWPORT, FAIL_LIMIT, newResult, editLoop, median, p95, p95Text, log, reasonOf, attempt, notMeasured, newPage, heap, scrollThrough, editTargets, keyFloor, blankFloor };
