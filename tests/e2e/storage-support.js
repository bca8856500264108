// Helpers for the storage specs: reading and writing newsmark's IndexedDB database from a test,
// a same-origin page that does not run the app, and a log of every write the app makes.
//
//   const { blankPage, seedV1, readDatabase, logWrites, writes } = require('./storage-support');
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** The workspace as the first storage layout wrote it (see the fixture's `_comment`). */
const V1 = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'workspace-v1.json'), 'utf8'));

/**
 * Opens a same-origin document that does not start the app (the analysis worker's loader script,
 * shown as text), so a test can prepare IndexedDB before the app ever opens it.
 */
async function blankPage(page) {
  await page.goto('/newsmark-worker_loader.js');
}

/**
 * Writes the first layout's records into database `newsmark` version 1, as that release did.
 * `articlesAs: 'strings'` stores the articles as JS strings, as its earliest saves did; `meta`
 * replaces the workspace record's text. With `keepOpen`, the connection stays open, like a tab
 * of that release left running, and `closeV1(page)` closes it later.
 */
async function seedV1(page, { articlesAs = 'bytes', meta = V1.meta[0].string, articles = V1.articles, keepOpen = false } = {}) {
  await page.evaluate(({ articles, meta, articlesAs, keepOpen }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('newsmark', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const stored = db.createObjectStore('articles');
      db.createObjectStore('meta');
      for (const { key, bytes } of articles) stored.put(articlesAs === 'strings' ? bytes : new TextEncoder().encode(bytes), key);
      open.transaction.objectStore('meta').put(meta, 'workspace');
    };
    open.onsuccess = () => {
      if (keepOpen) window.__v1 = open.result;
      else open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  }), { articles, meta, articlesAs, keepOpen });
}

/** Closes the connection `seedV1(page, { keepOpen: true })` left open, as closing that tab would. */
async function closeV1(page) {
  await page.evaluate(() => window.__v1.close());
}

/**
 * Every store of the database and its records, [key, value] in key order, at whatever version
 * it is. Bytes are decoded as UTF-8 text ({ bytes }); an annotations record's document too.
 * `connection: 'kept'` reads through (and keeps) a connection left in `window.__db`.
 */
async function readDatabase(page, { connection = 'fresh' } = {}) {
  return page.evaluate((connection) => new Promise((resolve, reject) => {
    const decode = (v) => {
      if (v instanceof Uint8Array) return { bytes: new TextDecoder().decode(v) };
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
      return v;
    };
    const read = (db, done) => {
      const out = { version: db.version, stores: {} };
      const names = [...db.objectStoreNames];
      if (!names.length) return done(out);
      const tx = db.transaction(names);
      for (const name of names) {
        const store = tx.objectStore(name);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => { out.stores[name] = values.result.map((v, i) => [keys.result[i], decode(v)]); };
      }
      tx.oncomplete = () => done(out);
      tx.onerror = () => reject(tx.error);
    };
    if (connection === 'kept') return read(window.__db, resolve);
    const open = indexedDB.open('newsmark');
    open.onsuccess = () => read(open.result, (out) => { open.result.close(); resolve(out); });
    open.onerror = () => reject(open.error);
  }), connection);
}

/**
 * Opens the database at `version` from a page that is not the app, as a newer release would,
 * and keeps that connection in `window.__db`. Resolves once the upgrade is done: only if every
 * other connection closed when asked.
 */
async function upgradeTo(page, version) {
  await page.evaluate((version) => new Promise((resolve, reject) => {
    const open = indexedDB.open('newsmark', version);
    open.onupgradeneeded = () => open.result.createObjectStore(`added-in-${version}`);
    open.onsuccess = () => { window.__db = open.result; resolve(); };
    open.onerror = () => reject(open.error);
  }), version);
}

/**
 * Makes every page of the context log each IndexedDB write the app makes: { op, store, key,
 * bytes }, bytes being the size of what is written (UTF-8 bytes of strings, byte length of
 * typed arrays, summed over an object's fields). Read the log with `writes(page)`.
 */
async function logWrites(context) {
  await context.addInitScript(() => {
    const size = (v) => {
      if (v instanceof Uint8Array) return v.byteLength;
      if (typeof v === 'string') return new TextEncoder().encode(v).length;
      if (typeof v === 'number') return 8;
      if (v && typeof v === 'object') return Object.values(v).reduce((sum, x) => sum + size(x), 0);
      return 0;
    };
    window.__writes = [];
    const proto = IDBObjectStore.prototype;
    for (const op of ['put', 'add', 'delete', 'clear']) {
      const original = proto[op];
      proto[op] = function logged(...args) {
        const [value, key] = op === 'delete' ? [undefined, args[0]] : args;
        window.__writes.push({ op, store: this.name, key: key === undefined ? null : String(key), bytes: size(value) });
        return original.apply(this, args);
      };
    }
  });
}

/** The writes logged since the last call (see `logWrites`), and forgets them. */
async function writes(page) {
  return page.evaluate(() => window.__writes.splice(0));
}

/**
 * Resolves after the work an edit schedules for after its frame (the save) has run: a task
 * queued from the next frame runs after the one the app queued from that frame before it.
 */
async function afterSave(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

module.exports = { V1, blankPage, seedV1, closeV1, readDatabase, upgradeTo, logWrites, writes, afterSave };
