// The peer page's script, bundled by esbuild (bench/peer/run.js) into bench/peer/dist/peer.js.
// It exposes window.peer for the benchmark to drive @recogito/text-annotator exactly as an app
// embedding it would: W3C annotations in (TextQuoteSelector + TextPositionSelector, UTF-16
// offsets into the container's text), its own mouse selection to create, its API to tag, relabel,
// delete, undo and serialise.
import { createTextAnnotator, W3CTextFormat } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

const COLOURS = { claim: '#1f77b4', demand: '#d62728', quote: '#2ca02c', opinion: '#9467bd' };
const tagOf = (a) => (a.bodies || []).find((b) => b.purpose === 'tagging')?.value;

// @annotorious/core's undo stack (createUndoStack, its DEBOUNCE) merges a local change made
// within this many milliseconds of the one before into the same undo step.
const UNDO_MERGE_MS = 250;

let annotator = null;
let lastCreated = null;
let lastChange = -Infinity;
const created = [];

/** Waits for the frame after the next one that paints (two animation frames). */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

window.peer = {
  /**
   * Puts `text` in the container (one div per line with its line break as text, so that the
   * container's textContent is exactly `text`) and creates the annotator with the W3C
   * annotations. Returns when done (painting is checked by the caller).
   */
  load(text, annotations, replace) {
    const root = document.getElementById('article');
    const frag = document.createDocumentFragment();
    const lines = text.split(/(?<=\n)/);
    for (const line of lines) {
      const div = document.createElement('div');
      div.textContent = line;
      frag.appendChild(div);
    }
    root.replaceChildren(frag);
    if (root.textContent.length !== text.length) throw new Error('peer: container text differs');
    annotator = createTextAnnotator(root, {
      adapter: W3CTextFormat('urn:newsmark-bench:article', root),
      style: (a) => {
        const c = COLOURS[tagOf(a)] || '#ff7f0e';
        return { fill: c, fillOpacity: 0.25 };
      },
    });
    annotator.on('createAnnotation', (a) => {
      lastCreated = a;
      created.push(a);
    });
    annotator.state.store.observe(() => {
      lastChange = performance.now();
    });
    // replace = true (the default, what the docs show) goes through the store's syncAnnotations,
    // which in 4.1.1 keeps the targets without DOM ranges: highlights are painted, but
    // getAnnotations() with the W3C adapter then throws. replace = false goes through
    // bulkUpsertAnnotations, which resolves every target to a DOM range as it adds it.
    annotator.setAnnotations(annotations, replace);
    window.annotator = annotator;
  },
  /** How many highlights the renderer has painted (SPANS: boxes in its layer; CSS: registered). */
  painted() {
    const boxes = document.querySelectorAll('.r6o-span-highlight-layer .r6o-annotation').length;
    return boxes || (globalThis.CSS && CSS.highlights ? [...CSS.highlights.keys()].filter((k) => k.startsWith('_')).length : 0);
  },
  isPainted(id) {
    if (document.querySelector(`.r6o-span-highlight-layer [data-annotation="${CSS.escape(id)}"]`)) return true;
    return !!(globalThis.CSS && CSS.highlights && CSS.highlights.has(`_${id}`));
  },
  lastCreatedPeek: () => lastCreated,
  takeCreated() {
    const a = lastCreated;
    lastCreated = null;
    return a;
  },
  count: () => annotator.state.store.all().length,
  /** Whether the next change to the store becomes an undo step of its own (not merged). */
  undoStepClosed: () => performance.now() - lastChange > UNDO_MERGE_MS,
  frame,
};
