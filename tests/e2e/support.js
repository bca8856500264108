// Helpers for newsmark's end-to-end specs that drive the app itself (core-loop, mouse, keyboard,
// spans, workspace, bad-input, screenshot). They build on helpers.js (the guarded `test`,
// selectText, readDownload, spanCheck) and add the app's own vocabulary: its accessible names,
// its save indicator, its highlight registry, and real ways of getting text and files in.
//
//   const { test, expect, openApp, addArticle, ... } = require('./support');
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const helpers = require('./helpers');

const { test, expect, selectText, readDownload, spanCheck, guardContext } = helpers;

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA_PATH = path.join(ROOT, 'schema', 'newsmark-labelled-json.v1.schema.json');

const LABELS = ['claim', 'demand', 'quote', 'opinion'];
const TITLES = { claim: 'Claim', demand: 'Demand', quote: 'Quote', opinion: 'Opinion' };

/** Characters of a string as code points (what the model counts). */
const cps = (s) => [...s];

/** The code-point offset of the `nth` (0-based) occurrence of `needle` in `text`. */
function cpIndexOf(text, needle, nth = 0) {
  let from = 0;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`cpIndexOf: ${JSON.stringify(needle)} (occurrence ${nth}) is not in the text`);
    from = at + needle.length;
  }
  return cps(text.slice(0, at)).length;
}

/** [start, end) in code points of the `nth` occurrence of `needle` in `text`. */
function cpRange(text, needle, nth = 0) {
  const start = cpIndexOf(text, needle, nth);
  return [start, start + cps(needle).length];
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- Locators -------------------------------------------------------------------------------

const saveStatus = (page) => page.getByRole('status', { name: 'Save status' });
const articleView = (page, title) => page.getByRole('article', { name: title, exact: true });
const articlesNav = (page) => page.getByRole('navigation', { name: 'Articles' });
/** The button that opens an article in the list; its name is the title and "N spans". */
const articleButton = (page, title) =>
  articlesNav(page).getByRole('button', { name: new RegExp(`^${escapeRe(title)} \\d+ spans?$`) });
const spanList = (page) => page.getByRole('list', { name: 'Spans in text order' });
const spanEditor = (page) => page.getByRole('region', { name: 'Selected span' });
const labelButton = (page, label) => page.getByRole('button', { name: TITLES[label] || label, exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Waits until the app says everything is stored. */
async function expectSaved(page, timeout) {
  await expect(saveStatus(page)).toHaveText('All changes saved', timeout ? { timeout } : undefined);
}

/** Opens the app (a fresh profile shows the sample article) and waits for the first save. */
async function openApp(page) {
  await page.goto('/');
  await expect(page.getByRole('article')).toBeVisible();
  await expectSaved(page);
}

/** The entries of the side panel's span list, as their visible text ("Claim: …"). */
async function listEntries(page) {
  return spanList(page).getByRole('listitem').allInnerTexts().then((xs) => xs.map((x) => x.replace(/\s+/g, ' ').trim()));
}

/** Expects the side panel to list exactly these "Label: text" entries, in order. */
async function expectList(page, entries) {
  await expect(spanList(page).getByRole('listitem')).toHaveCount(entries.length);
  if (entries.length) {
    await expect(spanList(page).getByRole('listitem').locator('.label-name')).toHaveText(entries.map((e) => `${e[0]}:`));
    await expect(spanList(page).getByRole('listitem').locator('.span-text')).toHaveText(entries.map((e) => e[1]));
  }
}

/** The entry of the span list whose text is exactly `text`. */
const listEntry = (page, label, text) =>
  spanList(page).getByRole('button', { name: new RegExp(`^${escapeRe(TITLES[label] || label)}: ${escapeRe(text)}( |$)`) });

// ---- The highlight registry -----------------------------------------------------------------

/** Sizes of every highlight the app registered: { 'nm-claim-0': 1, ... }. */
async function highlightSizes(page) {
  return page.evaluate(() => {
    const out = {};
    if (!globalThis.CSS || !CSS.highlights) return out;
    for (const [name, h] of CSS.highlights) out[name] = h.size;
    return out;
  });
}

/**
 * The text each range of highlight `name` covers, sorted (Range#toString, so line breaks, which
 * the article keeps in the DOM, are included).
 */
async function highlightTexts(page, name) {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name);
    if (!h) return null;
    return [...h]
      .map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      })
      .sort();
  }, name);
}

/**
 * Expects the painted spans per label (all nesting levels together) to be exactly `expected`:
 * { claim: ['text', ...], quote: [...] }; labels not named must have nothing painted.
 */
async function expectPainted(page, expected) {
  const want = {};
  for (const label of LABELS) want[label] = [...(expected[label] || [])].sort();
  await expect
    .poll(async () => {
      const got = {};
      for (const label of LABELS) {
        const texts = [];
        for (let level = 0; level < 3; level++) texts.push(...((await highlightTexts(page, `nm-${label}-${level}`)) || []));
        got[label] = texts.sort();
      }
      return got;
    })
    .toEqual(want);
}

// ---- Geometry and real mouse input ----------------------------------------------------------

/**
 * The client rect of the code point at `cp` in the article (walking its text nodes as
 * selectText does), after scrolling it to the middle of the reader when `scroll` is set.
 */
async function charRect(article, cp, { scroll = true } = {}) {
  const rect = await article.evaluate(
    (root, { cp, scroll }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let u16 = 0;
        for (const ch of node.data) {
          if (at === cp) {
            const range = document.createRange();
            range.setStart(node, u16);
            range.setEnd(node, u16 + ch.length);
            if (scroll) node.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
            const r = [...range.getClientRects()].find((x) => x.width > 0 && x.height > 0);
            return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : { error: `code point ${cp} is not drawn` };
          }
          at++;
          u16 += ch.length;
        }
      }
      return { error: `the article has no code point ${cp}` };
    },
    { cp, scroll },
  );
  if (rect.error) throw new Error(`charRect: ${rect.error}`);
  return rect;
}

/**
 * Clicks the real mouse `clickCount` times on the code point at `cp`: on its middle, or with
 * `before: true` just inside its left edge (where a click puts the caret before it).
 */
async function clickChar(page, article, cp, { clickCount = 1, before = false } = {}) {
  const r = await charRect(article, cp);
  const x = before ? r.x + Math.min(1, r.width / 4) : r.x + r.width / 2;
  await page.mouse.click(x, r.y + r.height / 2, { clickCount });
}

/** Drags the mouse over the `nth` occurrence of `phrase` in `text` (the article's text). */
async function selectPhrase(page, article, text, phrase, nth = 0) {
  const [start, end] = cpRange(text, phrase, nth);
  return selectText(page, article, start, end);
}

/** Drags the mouse over `phrase` of `text`, tags it with `label`, and waits for the span editor to
 *  show it. */
async function tagPhrase(page, article, text, phrase, label) {
  await selectPhrase(page, article, text, phrase);
  await labelButton(page, label).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(phrase);
}

// ---- Getting articles and files in ----------------------------------------------------------

/** Adds an article through the "New article" dialog and waits until it is open and saved. */
async function addArticle(page, title, text) {
  await button(page, 'New article').click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill(text);
  await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(articleView(page, title)).toBeVisible();
  await expectSaved(page);
  return articleView(page, title);
}

/** Deletes the sample article a fresh profile starts with, leaving an empty workspace. */
async function deleteSample(page) {
  const del = articlesNav(page).getByRole('button', { name: /^Delete “Sample: / });
  await del.click();
  await expect(del).toHaveCount(0);
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (0)');
  await expectSaved(page);
}

/** Chooses files in the chooser that the toolbar button `buttonName` opens. */
/** Opens the app, then `text` as the file `${title}.txt` through "Open file"; returns the article. */
async function openTextFile(page, title, text) {
  await openApp(page);
  await chooseFiles(page, 'Open file', [file(`${title}.txt`, text)]);
  const article = articleView(page, title);
  await expect(article).toBeVisible();
  return article;
}

async function chooseFiles(page, buttonName, files) {
  const chooser = page.waitForEvent('filechooser');
  await button(page, buttonName).click();
  await (await chooser).setFiles(files);
}

/** A file for setFiles / a drop: { name, mimeType, buffer }. */
function file(name, contents, mimeType = 'text/plain') {
  return { name, mimeType, buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents, 'utf8') };
}

/**
 * Drops files on `target` (a locator) the way a person dragging them from a file manager would:
 * dragenter, dragover and drop events that carry a DataTransfer holding the files.
 */
async function dropFiles(page, target, files) {
  const transfer = await page.evaluateHandle(
    (files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
      return dt;
    },
    files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
  await transfer.dispose();
}

/** The export of the open article, parsed: clicks "Export JSON" and reads the download. */
async function exportOpen(page) {
  const download = await readDownload(page, button(page, 'Export JSON'));
  return { ...download, doc: download.json() };
}

// ---- The export format ----------------------------------------------------------------------

let validator = null;
/** Validates `doc` against the v1 JSON Schema with Ajv (draft 2020-12); returns Ajv's errors. */
function schemaErrors(doc) {
  if (!validator) {
    const Ajv2020 = require('ajv/dist/2020');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    require('ajv-formats')(ajv);
    // The schema's "uint"/"uint32"/"double" formats come from the Rust generator; they mean what
    // their "minimum" and type already say.
    ajv.addFormat('uint', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 });
    ajv.addFormat('uint32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32 });
    ajv.addFormat('double', { type: 'number', validate: (n) => Number.isFinite(n) });
    validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  }
  return validator(doc) ? [] : validator.errors;
}

/** The parts of an export two exports of the same workspace must share (not exported_at). */
function comparable(doc) {
  const { exported_at: _when, ...rest } = doc;
  return rest;
}

/** Guards a browser context made in a test, as the `guard` fixture guards the default one. */
async function guardNewContext(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true, ...options });
  const guard = await guardContext(context, new URL(baseURL).origin);
  return { context, guard };
}

/** The title of the sample article a fresh profile opens with (crates/core/src/sample.rs). */
const SAMPLE = 'Sample: Harbour city council delays ferry fare rise after dockworkers’ protest';

module.exports = {
  SAMPLE,
  openTextFile,
  tagPhrase,
  test,
  expect,
  selectText,
  readDownload,
  spanCheck,
  LABELS,
  TITLES,
  cps,
  cpIndexOf,
  cpRange,
  saveStatus,
  articleView,
  articlesNav,
  articleButton,
  spanList,
  spanEditor,
  labelButton,
  button,
  expectSaved,
  openApp,
  listEntries,
  expectList,
  listEntry,
  highlightSizes,
  highlightTexts,
  expectPainted,
  charRect,
  clickChar,
  selectPhrase,
  addArticle,
  deleteSample,
  chooseFiles,
  file,
  dropFiles,
  exportOpen,
  schemaErrors,
  comparable,
  guardNewContext,
};
