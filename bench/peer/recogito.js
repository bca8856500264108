// The peer's side of the side-by-side benchmark: @recogito/text-annotator on bench/peer/index.html
// (peer.js, bundled by run.js), driven through its own mouse selection and its API as an app
// embedding it would. Every step goes through `attempt`, so one that fails is reported in the
// table as failed and the run goes on.
// Owns: driving the peer's page. Must never: time anything itself (page.js's `__arm` does).
'use strict';

const { selectText } = require('../../tests/e2e/helpers');
const data = require('./data');
const { median, p95, p95Text, log, attempt, notMeasured, newPage, heap, scrollThrough, editTargets, keyFloor, editLoop, newResult } = require('./page');

const EDIT_TIMEOUT = 10_000;
// The W3C serialiser is timed on an even sample of this many annotations and scaled (see below).
const SAMPLE = 20;

/** Puts the article and its annotations in a fresh peer page, until its highlights are painted. */
async function openOnce(browser, base, text, annos, replace) {
  const page = await newPage(browser, base);
  try {
    await page.goto(base);
    await page.waitForFunction(() => window.peer);
    await page.evaluate(({ text, annos }) => { window.__text = text; window.__annos = annos; }, { text, annos });
    const ms = await page.evaluate((replace) => {
      window.__arm(null, () => window.peer.painted() > 0, 300_000);
      window.peer.load(window.__text, window.__annos, replace);
      return window.__result;
    }, replace);
    return { page, ms, count: await page.evaluate(() => window.peer.count()) };
  } catch (e) {
    await page.context().close();
    throw e;
  }
}

/**
 * Selecting with the mouse (the peer's own selection handler creates the annotation), then
 * tagging and relabelling (`store.updateAnnotation`), deleting (`store.deleteAnnotation`) and
 * undoing (`annotator.undo()`), each from the call until the repainted frame.
 */
function editSteps(page) {
  const article = page.locator('#article');
  const styled = (id, body, fn) => page.evaluate(({ id, body, fn, timeout }) => {
    const el = () => document.querySelector(`.r6o-span-highlight-layer [data-annotation="${CSS.escape(id)}"]`);
    const before = el() && el().style.backgroundColor;
    if (fn === 'update') {
      window.__arm(null, () => el() && el().style.backgroundColor !== before, timeout);
      // Through the store (the internal model): the W3C adapter's serialize, which
      // annotator.getAnnotationById/updateAnnotation run, throws on this annotation in 4.1.1.
      const store = window.annotator.state.store;
      const a = store.getAnnotation(id);
      store.updateAnnotation({ ...a, bodies: [{ id: `${id}-tag`, annotation: id, purpose: 'tagging', value: body }] });
    } else if (fn === 'remove') {
      window.__arm(null, () => !el(), timeout);
      window.annotator.state.store.deleteAnnotation(id);
    } else {
      window.__arm(null, () => !!el(), timeout);
      window.annotator.undo();
    }
    return window.__result;
  }, { id, body, fn, timeout: EDIT_TIMEOUT });
  return [
    ['select', async (ctx) => {
      const [s, e] = ctx.target;
      await page.evaluate(() => { window.annotator.cancelSelected(); window.getSelection().removeAllRanges(); window.peer.takeCreated(); });
      await page.evaluate((timeout) => window.__arm('pointerup', () => {
        const a = window.peer.lastCreatedPeek();
        return a && window.peer.isPainted(a.id);
      }, timeout), EDIT_TIMEOUT);
      await selectText(page, article, s, e);
      const ms = await page.evaluate(() => window.__result);
      ctx.id = await page.evaluate(() => window.peer.takeCreated().id);
      return ms;
    }],
    ['tag', ({ id }) => styled(id, 'claim', 'update')],
    ['relabel', ({ id }) => styled(id, 'demand', 'update')],
    ['delete', async ({ id }) => {
      // The peer's undo stack merges a change made within 250 ms of the one before into the same
      // undo step (@annotorious/core's createUndoStack). Created, tagged, relabelled and deleted
      // within that window, the annotation comes and goes in one step, and undo() brings nothing
      // back. A person does not delete within a quarter second of relabelling: the deletion is
      // made its own undo step, as newsmark's Delete is, by waiting (untimed) until the window
      // since the store's last change has passed.
      await page.waitForFunction(() => window.peer.undoStepClosed(), null, { polling: 'raf', timeout: EDIT_TIMEOUT });
      return styled(id, null, 'remove');
    }],
    ['undo', ({ id }) => styled(id, null, 'undo')],
  ];
}

/**
 * Export. getAnnotations() with the W3C adapter serialises each annotation with a prefix and
 * suffix found by cloning the DOM from the container's start to the annotation, so on this
 * article it does not finish in minutes: it is timed on an even sample of SAMPLE annotations
 * (getAnnotationById, the same serialiser) and scaled to all of them. The internal model
 * (state.store.all(), JSON.stringify without the DOM ranges) is timed whole as well.
 */
function exportOnce(page) {
  return page.evaluate((SAMPLE) => {
    const all = window.annotator.state.store.all();
    const ids = [];
    for (let k = 0; k < SAMPLE; k++) ids.push(all[Math.floor((k + 0.5) * all.length / SAMPLE)].id);
    let failed = 0;
    const t0 = performance.now();
    const out = [];
    for (const id of ids) {
      try { out.push(window.annotator.getAnnotationById(id)); } catch { failed++; }
    }
    const json = JSON.stringify(out);
    const sample = performance.now() - t0;
    if (failed === SAMPLE) throw new Error(`the W3C serialiser threw on all ${SAMPLE} sampled annotations`);
    const t1 = performance.now();
    const internal = JSON.stringify(all, (k, v) => (k === 'range' || k === 'offsetReference' ? undefined : v));
    const internalMs = performance.now() - t1;
    return { ms: sample * all.length / (SAMPLE - failed), failed, size: json.length * all.length / SAMPLE, internalMs, internalSize: internal.length };
  }, SAMPLE);
}

async function benchPeer(browser, base, text, spans, runs, reps) {
  const annos = data.w3c(spans);
  const r = { ...newResult(), openRanges: [], exportInternal: [], heap: null, scroll: null, blocked: 0 };
  let page = null;
  let ready = false;
  for (const replace of [true, false]) {
    const key = replace ? 'open' : 'openRanges';
    for (let i = 0; i < runs; i++) {
      if (page) await page.context().close();
      page = null;
      ready = await attempt(r, key, `peer open ${i + 1}, setAnnotations(annotations, ${replace})`, async () => {
        const opened = await openOnce(browser, base, text, annos, replace);
        page = opened.page;
        r[key].push(opened.ms);
        log(`  peer open ${i + 1}, setAnnotations(annotations, ${replace}): ${opened.ms.toFixed(0)} ms painted (${opened.count} annotations)`);
        return true;
      }) || false;
    }
  }
  try {
    // The page left open has every target resolved to a range (replace = false), so
    // getAnnotations() works on it.
    if (!ready) {
      notMeasured(r, ['heap', 'add', 'tag', 'relabel', 'delete', 'undo', 'floor', 'scroll', 'export', 'exportInternal'], 'the last open failed');
      return r;
    }
    await page.evaluate(() => { delete window.__text; delete window.__annos; });
    r.heap = await attempt(r, 'heap', 'peer heap', () => heap(page));
    if (r.heap) log(`  peer heap: JS ${(r.heap.js / 1e6).toFixed(1)} MB, array buffers ${(r.heap.backing / 1e6).toFixed(1)} MB`);

    await editLoop(r, 'peer', editTargets(text, reps), editSteps(page));
    log(`  peer edits: add p95 ${p95Text(r.add)} (select ${p95Text(r.select)} + tag ${p95Text(r.tag)}), relabel ${p95Text(r.relabel)}, delete ${p95Text(r.delete)}, undo ${p95Text(r.undo)} ms`);

    await attempt(r, 'floor', 'peer floor', async () => {
      await page.evaluate(() => { window.annotator.cancelSelected(); window.getSelection().removeAllRanges(); });
      r.floor = await keyFloor(page, reps);
      log(`  peer floor (a key changing one character outside the article, until painted): p95 ${p95(r.floor).toFixed(0)} ms, median ${median(r.floor).toFixed(0)} ms`);
    });
    await attempt(r, 'scroll', 'peer scroll', async () => {
      r.scroll = await scrollThrough(page, '#article');
      log(`  peer scroll: ${r.scroll.steps} steps over ${r.scroll.height} px in ${r.scroll.total.toFixed(0)} ms, longest task ${r.scroll.longest.toFixed(0)} ms (${r.scroll.longTaskCount} long tasks, ${r.scroll.longTaskSum.toFixed(0)} ms)`);
    });
    for (let i = 0; i < runs; i++) {
      await attempt(r, ['export', 'exportInternal'], `peer export ${i + 1}`, async () => {
        const x = await exportOnce(page);
        r.export.push(x.ms);
        r.exportInternal.push(x.internalMs);
        log(`  peer export ${i + 1}: W3C getAnnotations ≈ ${x.ms.toFixed(0)} ms (scaled from ${SAMPLE} annotations, ${x.failed} threw, ≈ ${(x.size / 1e6).toFixed(1)} MB); internal model ${x.internalMs.toFixed(0)} ms (${(x.internalSize / 1e6).toFixed(1)} MB)`);
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

module.exports = { benchPeer };
