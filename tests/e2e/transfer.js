// Files in and out of the app for the privacy and hostile-input specs: importing files through
// the label mapping, exporting every article in a format through "Export…", and reading the
// entries of a zip the app wrote (Node's standard library only).
'use strict';

const zlib = require('node:zlib');
const { expect, button, chooseFiles, readDownload } = require('./support');

/** Imports `files` through "Import", confirming the label mapping if it opens; returns the notice. */
async function importFiles(page, files) {
  await chooseFiles(page, 'Import', files);
  const mapping = page.getByRole('dialog', { name: 'Map imported labels' });
  const done = page.locator('.notice').filter({ hasText: /^Imported \d+ articles? / });
  await expect(mapping.or(done)).toBeVisible({ timeout: 30_000 });
  if (await mapping.isVisible()) await mapping.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(done).toBeVisible({ timeout: 30_000 });
  return done;
}

/** Downloads every article in `format` (a name of the Format menu) through "Export…". */
async function exportEvery(page, format) {
  await button(page, 'Export…').click();
  const menu = page.getByRole('group', { name: 'Export' });
  await menu.getByRole('combobox', { name: 'Format', exact: true }).selectOption(format);
  await menu.getByRole('radio', { name: 'Every article', exact: true }).check();
  return readDownload(page, menu.getByRole('button', { name: 'Download', exact: true }));
}

/** The entries of the zip in `buf`: { name: Buffer }. */
function unzip(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('unzip: no end of central directory');
  const out = {};
  let at = buf.readUInt32LE(end + 16);
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('unzip: a bad central directory entry');
    const [method, size, nameLength] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20), buf.readUInt16LE(at + 28)];
    const local = buf.readUInt32LE(at + 42);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out[buf.toString('utf8', at + 46, at + 46 + nameLength)] = method === 8 ? zlib.inflateRawSync(raw) : raw;
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

module.exports = { importFiles, exportEvery, unzip };
