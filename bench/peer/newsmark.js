// newsmark's side of the side-by-side benchmark: its release build driven as a person would
// (Import, mouse selection, keys 1, 2, Delete, Ctrl+Z, Export JSON), and the 500-article
// workspace. Every step goes through `attempt`, so one that fails is reported in the table.
// Owns: driving newsmark's page. Must never: time anything itself (page.js's `__arm` does).
'use strict';

const fs = require('node:fs');
const { selectText } = require('../../tests/e2e/helpers');
const data = require('./data');
const { median, p95, p95Text, log, attempt, notMeasured, newPage, heap, scrollThrough, editTargets, keyFloor, editLoop, newResult } = require('./page');

const TITLE = 'Bench article';
const EDIT_TIMEOUT = 10_000;

/** Sizes of the span highlights per label, all nesting levels together. */
const nmCounts = () => {
  const out = { claim: 0, demand: 0, quote: 0, opinion: 0, total: 0 };
  for (const [name, h] of CSS.highlights) {
    const m = /^nm-(claim|demand|quote|opinion)-\d$/.exec(name);
    if (m) { out[m[1]] += h.size; out.total += h.size; }
  }
  return out;
};

/** Whether a span of `label` with exactly the range window.__target is painted. */
const nmHas = (label) => {
  const t = window.__target;
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith(`nm-${label}-`)) continue;
    for (const r of h) {
      if (r.startContainer === t.sn && r.startOffset === t.so && r.endContainer === t.en && r.endOffset === t.eo) return true;
    }
  }
  return false;
};

const saved = (page, timeout = 120_000) =>
  page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved', null, { polling: 'raf', timeout });

async function nmOpenApp(browser, base) {
  const page = await newPage(browser, base);
  await page.goto(base);
  await saved(page);
  await page.evaluate(`window.__nmCounts = ${nmCounts}`);
  return page;
}

/** Imports labelled JSON through "Import" and waits for the "Imported …" notice. */
async function nmImport(page, name, json, pattern, timeout = 300_000) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByRole('status').filter({ hasText: pattern }).first().waitFor({ timeout });
}

const nmArticleButton = (page, title) =>
  page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).first();

/**
 * The floor of a highlight edit on newsmark's page: from a key whose handler (not the app's) moves
 * one painted range from one label's highlight to another's, until that frame is painted. No app
 * code runs for it: it is the least a change painted with the CSS Custom Highlight API costs on
 * this page.
 */
async function highlightFloor(page, n) {
  await page.evaluate(() => {
    const names = [...CSS.highlights.keys()].filter((k) => /^nm-(claim|demand)-0$/.test(k)).sort();
    const [a, b] = names.map((k) => CSS.highlights.get(k));
    window.__moved = 0;
    window.__moveRange = (e) => {
      if (e.key !== 'F9') return;
      const [from, to] = window.__moved % 2 ? [b, a] : [a, b];
      const r = [...from][0];
      from.delete(r);
      to.add(r);
      window.__moved++;
    };
    addEventListener('keydown', window.__moveRange);
  });
  const out = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate((want) => window.__arm('keydown', () => window.__moved === want), i + 1);
    await page.keyboard.press('F9');
    out.push(await page.evaluate(() => window.__result));
  }
  await page.evaluate(() => removeEventListener('keydown', window.__moveRange));
  return out;
}

/**
 * One open: "Import" of the labelled JSON, timed from the file input's `change` event (the moment
 * the browser hands the chosen file to the page) until its highlights are painted. Playwright
 * first copies the 5 MB file into the page, which a person's file picker does not; that copy is
 * printed apart and not counted.
 */
async function openOnce(page, json, r, i) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import', exact: true }).click()]);
  await page.evaluate((title) => window.__arm('change', () => {
    const a = document.querySelector('[role=article]');
    return a && a.getAttribute('aria-label') === title && window.__nmCounts().total > 0;
  }, 120_000), TITLE);
  await chooser.setFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  const shown = await page.evaluate(() => window.__result);
  const copy = await page.evaluate(() => window.__eventAt - window.__armedAt);
  // A long article's text comes into the page a slice per frame after the first: until the
  // article is no longer busy, and the longest main-thread task from the file chosen to then.
  const [whole, longest] = await page.evaluate(() => new Promise((resolve) => {
    const tick = () => requestAnimationFrame(() => {
      const a = document.querySelector('[role=article]');
      if (!a || a.hasAttribute('aria-busy')) return tick();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        const tasks = window.__longTaskEntries.filter((t) => t.start >= window.__eventAt).map((t) => t.duration);
        resolve([performance.now() - window.__eventAt, Math.max(0, ...tasks)]);
      };
      ch.port2.postMessage(0);
    });
    tick();
  }));
  await page.getByRole('status').filter({ hasText: /^Imported 1 article with 10000 spans/ }).first().waitFor({ timeout: 120_000 });
  const savedAt = await page.waitForFunction(() => document.querySelector('.save')?.textContent === 'All changes saved' && performance.now(), null, { polling: 'raf', timeout: 120_000 });
  const savedMs = Math.round((await savedAt.jsonValue()) - (await page.evaluate(() => window.__eventAt)));
  r.open.push(shown);
  r.openSaved.push(savedMs);
  r.openWhole.push(whole);
  r.openLongest.push(longest);
  log(`  newsmark open ${i + 1}: painted ${shown.toFixed(0)} ms after the file was chosen, whole article in the page after ${whole.toFixed(0)} ms (longest task meanwhile ${longest.toFixed(0)} ms), saved after ${savedMs} ms (Playwright's copy of the file into the page before: ${copy.toFixed(0)} ms)`);
}

/** Selecting with the mouse, then keys 1 (tag), 2 (relabel), Delete and Ctrl+Z, each until painted. */
function editSteps(page) {
  const article = page.locator('[role=article]');
  // `cond` runs in the page in each frame; the key's time ends at the first frame it holds.
  const key = async (k, cond) => {
    await page.evaluate(`window.__arm('keydown', ${cond}, ${EDIT_TIMEOUT})`);
    await page.keyboard.press(k);
    return page.evaluate(() => window.__result);
  };
  return [
    ['select', async ({ target: [s, e] }) => {
      await page.keyboard.press('Escape');
      // Where the new span's range starts and ends in the DOM, to find it among the highlights
      // (newsmark paints the spans near the viewport, so counts alone would follow the scrolling).
      await page.evaluate(({ s, e }) => { window.__target = window.__domRange(document.querySelector('[role=article]'), s, e); }, { s, e });
      // Selecting: mouse release → the next painted frame.
      await page.evaluate((timeout) => window.__arm('pointerup', () => true, timeout), EDIT_TIMEOUT);
      await selectText(page, article, s, e);
      return page.evaluate(() => window.__result);
    }],
    ['tag', () => key('1', () => window.__nmHas('claim'))], // key 1, Claim → the new span painted
    ['relabel', () => key('2', () => window.__nmHas('demand') && !window.__nmHas('claim'))], // key 2, Demand
    ['delete', () => key('Delete', () => !window.__nmHas('demand'))],
    ['undo', () => key('Control+z', () => window.__nmHas('demand'))], // undoing the deletion
  ];
}

async function benchNewsmark(browser, base, text, spans, runs, reps) {
  const json = data.labelledJson([{ title: TITLE, text, spans }]);
  const r = { ...newResult(), openSaved: [], openWhole: [], openLongest: [], heap: null, hlFloor: [], scroll: null };
  let page = null;
  let ready = false;
  for (let i = 0; i < runs; i++) {
    if (page) await page.context().close();
    page = null;
    ready = await attempt(r, ['open', 'openWhole', 'openLongest', 'openSaved'], `newsmark open ${i + 1}`, async () => {
      page = await nmOpenApp(browser, base);
      await openOnce(page, json, r, i);
      return true;
    }) || false;
  }
  try {
    if (!ready) {
      notMeasured(r, ['heap', 'add', 'tag', 'relabel', 'delete', 'undo', 'floor', 'hlFloor', 'scroll', 'export'], 'the last open failed');
      return r;
    }
    r.heap = await attempt(r, 'heap', 'newsmark heap', async () => {
      await saved(page);
      return heap(page);
    });
    if (r.heap) log(`  newsmark heap: JS ${(r.heap.js / 1e6).toFixed(1)} MB, wasm memory ${(r.heap.wasm / 1e6).toFixed(1)} MB, array buffers ${(r.heap.backing / 1e6).toFixed(1)} MB`);

    await page.evaluate(`window.__nmHas = ${nmHas}`);
    await editLoop(r, 'newsmark', editTargets(text, reps), editSteps(page));
    log(`  newsmark edits: add p95 ${p95Text(r.add)} (select ${p95Text(r.select)} + tag ${p95Text(r.tag)}), relabel ${p95Text(r.relabel)}, delete ${p95Text(r.delete)}, undo ${p95Text(r.undo)} ms`);

    await attempt(r, 'floor', 'newsmark floor', async () => {
      await page.keyboard.press('Escape');
      await saved(page);
      r.floor = await keyFloor(page, reps);
      log(`  newsmark floor (a key changing one character outside the article, until painted): p95 ${p95(r.floor).toFixed(0)} ms, median ${median(r.floor).toFixed(0)} ms`);
    });
    await attempt(r, 'hlFloor', 'newsmark highlight floor', async () => {
      r.hlFloor = await highlightFloor(page, reps);
      log(`  newsmark highlight floor (a key moving one painted range to another label's highlight, no app code, until painted): p95 ${p95(r.hlFloor).toFixed(0)} ms, median ${median(r.hlFloor).toFixed(0)} ms`);
    });
    await attempt(r, 'scroll', 'newsmark scroll', async () => {
      r.scroll = await scrollThrough(page, '[role=article]');
      log(`  newsmark scroll: ${r.scroll.steps} steps over ${r.scroll.height} px in ${r.scroll.total.toFixed(0)} ms, longest task ${r.scroll.longest.toFixed(0)} ms (${r.scroll.longTaskCount} long tasks, ${r.scroll.longTaskSum.toFixed(0)} ms)`);
    });

    // From the click on "Export JSON" until the file is handed to the browser (in the page), and
    // until Playwright has it on disk (node side, which adds the transfer of the file).
    const exportButton = page.getByRole('button', { name: 'Export JSON', exact: true });
    for (let i = 0; i < runs; i++) {
      await attempt(r, 'export', `newsmark export ${i + 1}`, async () => {
        const before = await page.evaluate(() => window.__downloads);
        await page.evaluate((n) => window.__arm('click', () => window.__downloads > n, 120_000), before);
        const t0 = Date.now();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), exportButton.click()]);
        const offered = await page.evaluate(() => window.__result);
        const ms = Date.now() - t0;
        const size = fs.statSync(await download.path()).size;
        r.export.push(offered);
        log(`  newsmark export ${i + 1}: offered after ${offered.toFixed(0)} ms, on disk after ${ms} ms (${(size / 1e6).toFixed(1)} MB)`);
      });
    }
    return r;
  } finally {
    if (page) {
      r.blocked = page.blocked.length;
      await page.context().close();
    }
  }
}

/** 500 articles of 40 KB with 100 spans each: import until saved, reload until ready, switching. */
async function benchWorkspace(browser, base, runs, reps) {
  const docs = [];
  for (let i = 0; i < 500; i++) {
    const text = data.article(1000 + i, 40 * 1024);
    docs.push({ title: `Workspace article ${String(i + 1).padStart(3, '0')}`, text, spans: data.spans(5000 + i, text, 100) });
  }
  const json = data.labelledJson(docs);
  log(`  workspace: 500 articles, ${(Buffer.byteLength(json) / 1048576).toFixed(1)} MB of labelled JSON, 50,000 spans`);
  const r = { failed: {}, failures: {}, import: null, ready: [], switch: [], blocked: 0 };
  const page = await attempt(r, ['wsImport', 'wsReady', 'wsSwitch'], 'workspace open', () => nmOpenApp(browser, base));
  if (!page) return r;
  try {
    const imported = await attempt(r, ['wsImport', 'wsReady', 'wsSwitch'], 'workspace import', async () => {
      const t0 = Date.now();
      await nmImport(page, 'workspace.json', json, /^Imported 500 articles/, 600_000);
      const done = Date.now() - t0;
      await saved(page, 600_000);
      r.import = Date.now() - t0;
      log(`  workspace import: ${done} ms until imported, ${r.import} ms until saved`);
      return true;
    });
    if (!imported) return r;
    for (let i = 0; i < runs; i++) {
      await attempt(r, 'wsReady', `workspace reload ${i + 1}`, async () => {
        const t1 = Date.now();
        await page.reload();
        await page.waitForFunction(() => /Articles \(501\)/.test(document.querySelector('nav[aria-label=Articles] h2, nav[aria-label=Articles] [role=heading], nav h2')?.textContent || '')
          && document.querySelector('.save')?.textContent === 'All changes saved', null, { polling: 'raf', timeout: 300_000 });
        r.ready.push(Date.now() - t1);
        log(`  workspace reload ${i + 1}: ready (501 articles listed, saved state read) in ${Date.now() - t1} ms`);
      });
    }
    await page.evaluate(`window.__nmCounts = ${nmCounts}`);
    for (let i = 0; i < reps && (r.failures.wsSwitch || 0) < 3; i++) {
      const title = docs[(i * 37) % 500].title;
      await attempt(r, 'wsSwitch', `workspace switch ${i + 1}`, async () => {
        await page.evaluate(({ title, timeout }) => window.__arm('click', () => {
          const a = document.querySelector('[role=article]');
          return a && a.getAttribute('aria-label') === title && window.__nmCounts().total > 0;
        }, timeout), { title, timeout: EDIT_TIMEOUT });
        await nmArticleButton(page, title).click();
        r.switch.push(await page.evaluate(() => window.__result));
      });
    }
    log(`  workspace switch: p95 ${p95(r.switch).toFixed(0)} ms, median ${median(r.switch).toFixed(0)} ms over ${r.switch.length}`);
    return r;
  } finally {
    r.blocked = page.blocked.length;
    await page.context().close();
  }
}

module.exports = { benchNewsmark, benchWorkspace };
