// Other tools' files in and out: a brat pair dropped on the page (CRLF text with an emoji, a
// discontinuous span and a relation) goes through the label-mapping step; a zip of several
// formats and another file import at once with a progress bar; a malformed doccano file is
// refused naming its file, line and field, and changes nothing; the workspace exports as one zip
// (a brat folder and one file per other format), and "Export…" writes one format.
'use strict';

const zlib = require('node:zlib');
const {
  test,
  expect,
  cps,
  cpRange,
  articleView,
  articlesNav,
  articleButton,
  spanList,
  button,
  openApp,
  expectSaved,
  chooseFiles,
  file,
  dropFiles,
  exportOpen,
  highlightTexts,
  readDownload,
  spanCheck,
  schemaErrors,
  SAMPLE,
} = require('./support');

// ---- A tiny zip writer and reader, so the test needs no package ------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip (stored entries, UTF-8 names) of { name: string contents }. */
function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, contents] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(contents, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a zip, from its central directory: { name: text }. */
function readZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('readZip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`readZip: bad central entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out[name] = (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8');
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// ---- A brat document written here: CRLF lines, an emoji, a discontinuous span, a relation ---

const BRAT_TEXT = 'Harbour pilots 🚢 walked out on Monday.\r\n"We will not sail," said Ana Lima, the union chair.\r\nThe port authority urged the pilots to return.\r\n';
/** brat counts a CRLF as one character (it reads texts with universal newlines). */
function bratRange(phrase, nth = 0) {
  const [start, end] = cpRange(BRAT_TEXT, phrase, nth);
  const crlfsBefore = (cp) => (cps(BRAT_TEXT).slice(0, cp).join('').match(/\r\n/g) || []).length;
  return [start - crlfsBefore(start), end - crlfsBefore(end)];
}
function bratAnn() {
  const [q1, q2] = bratRange('"We will not sail,"');
  const [a1, a2] = bratRange('Ana Lima');
  const [c1, c2] = bratRange('the union chair');
  const [p1, p2] = bratRange('The port authority');
  return [
    `T1\tQuotation ${q1} ${q2}\t"We will not sail,"`,
    `T2\tSpeaker ${a1} ${a2};${c1} ${c2}\tAna Lima the union chair`,
    `T3\tSpeaker ${p1} ${p2}\tThe port authority`,
    'R1\tSaidBy Arg1:T1 Arg2:T2',
    '',
  ].join('\n');
}

test('a dropped brat pair goes through the label mapping: one label onto quote, one kept as a new label', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, page.locator('main'), [file('pilots.txt', BRAT_TEXT), file('pilots.ann', bratAnn())]);
  const dialog = page.getByRole('dialog', { name: 'Map imported labels' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('hold 1 article with 3 spans');
  // Nothing is added before the person decides.
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
  const quotation = dialog.getByRole('combobox', { name: 'Import “Quotation” as', exact: true });
  const speaker = dialog.getByRole('combobox', { name: 'Import “Speaker” as', exact: true });
  await expect(quotation.locator('option:checked')).toHaveText('Keep as new label “Quotation”');
  await expect(speaker.locator('option:checked')).toHaveText('Keep as new label “Speaker”');
  await expect(dialog.getByRole('row', { name: /Quotation/ }).locator('.count')).toHaveText('1');
  await expect(dialog.getByRole('row', { name: /Speaker/ }).locator('.count')).toHaveText('2');
  await quotation.selectOption({ label: 'Quote' });
  await expect(quotation.locator('option:checked')).toHaveText('Quote');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  const article = articleView(page, 'pilots');
  await expect(article).toBeVisible();
  // The text is kept exactly: CRLF line ends and the emoji.
  expect(await article.evaluate((el) => el.textContent)).toBe(BRAT_TEXT);
  await expect(articleButton(page, 'pilots')).toHaveAccessibleName('pilots 3 spans');
  await expect(page.getByRole('status').filter({ hasText: /^Imported 1 article with 3 spans and 1 relation from “pilots\.(txt|ann)”|^Imported 1 article with 3 spans and 1 relation from 2 files/ })).toBeVisible();
  // "Speaker" became the workspace's own label; "Quotation" spans are quotes.
  const labels = page.getByRole('group', { name: 'Labels' });
  await expect(labels.getByRole('button', { name: 'Speaker', exact: true })).toBeVisible();
  await expect(labels.getByRole('button', { name: 'Quotation', exact: true })).toHaveCount(0);
  await expect.poll(() => highlightTexts(page, 'nm-quote-0')).toEqual(['"We will not sail,"']);
  // The discontinuous span paints its two pieces, not the gap.
  await expect.poll(() => highlightTexts(page, 'nm-custom-1-0')).toEqual(['Ana Lima', 'The port authority', 'the union chair']);

  const { doc } = await exportOpen(page);
  expect(schemaErrors(doc)).toEqual([]);
  expect(spanCheck(doc)).toBe(3);
  const spans = doc.documents[0].spans;
  expect(spans.map((s) => s.label)).toEqual(['quote', 'Speaker', 'Speaker']);
  expect(spans.map((s) => s.text)).toEqual(['"We will not sail,"', 'Ana Lima, the union chair', 'The port authority']);
  const [a, c] = [cpRange(BRAT_TEXT, 'Ana Lima'), cpRange(BRAT_TEXT, 'the union chair')];
  expect(spans[1].fragments).toEqual([{ start: a[0], end: a[1] }, { start: c[0], end: c[1] }]);
  const relations = doc.documents[0].relations;
  expect(relations).toHaveLength(1);
  expect(relations[0].from).toBe(spans[0].id);
  expect(relations[0].to).toBe(spans[1].id);
  expect(doc.labels.map((l) => l.name)).toContain('Speaker');
  await expectSaved(page);

  // One undo step takes the whole import back.
  await page.keyboard.press('Control+z');
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
});

test('Cancel in the mapping step imports nothing', async ({ page }) => {
  await openApp(page);
  await chooseFiles(page, 'Import', [file('pilots.txt', BRAT_TEXT), file('pilots.ann', bratAnn())]);
  const dialog = page.getByRole('dialog', { name: 'Map imported labels' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
  await expect(button(page, 'Undo')).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Labels' }).getByRole('button', { name: 'Speaker', exact: true })).toHaveCount(0);
});

test('a zip of several formats and another file import at once, with a progress bar', async ({ page }) => {
  await openApp(page);
  const doccano = [
    { text: 'The council said fares would rise.', label: [[4, 11, 'CLAIM']] },
    { text: 'Unions demand a pay review 💶.', label: [[0, 6, 'claim'], [7, 13, 'demand']] },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  const labelStudio = JSON.stringify([
    {
      data: { text: '“We are ready,” said the mayor.' },
      annotations: [
        { result: [{ id: 'r1', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 0, end: 15, text: '“We are ready,”', labels: ['Quote'] } }] },
      ],
    },
  ]);
  const zip = makeZip({
    'corpus/doccano.jsonl': doccano,
    'corpus/tasks.json': labelStudio,
    'corpus/brat/pilots.txt': BRAT_TEXT,
    'corpus/brat/pilots.ann': `T1\tQuote ${bratRange('"We will not sail,"').join(' ')}\t"We will not sail,"\n`,
  });
  const extra = JSON.stringify({ text: 'Opinion: the plan is weak.', label: [[9, 25, 'opinion']] });

  // Watch the import status from now on: every state it shows, however briefly.
  const status = page.getByRole('status', { name: 'Import status' });
  await status.evaluate((el) => {
    window.importSeen = [];
    const note = () => {
      const bar = el.querySelector('progress');
      window.importSeen.push({ text: el.textContent, max: bar ? bar.max : null, value: bar ? bar.value : null });
    };
    new MutationObserver(note).observe(el, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await chooseFiles(page, 'Import', [file('corpus.zip', zip, 'application/zip'), file('extra.jsonl', extra, 'application/jsonl')]);
  // Every label is known, so there is no mapping step.
  await expect(page.getByRole('status').filter({ hasText: /^Imported 5 articles with 6 spans from 2 files\./ })).toBeVisible();
  await expect(status).toHaveText('');
  await expect(status.locator('progress')).toHaveCount(0);
  const seen = await page.evaluate(() => window.importSeen);
  const shown = seen.filter((s) => s.max !== null);
  expect(shown.length, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(shown.every((s) => s.max === 2)).toBe(true);
  expect(shown.some((s) => /^Reading [0-2] of 2 files…$/.test(s.text))).toBe(true);

  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (6)');
  await expect(articleButton(page, 'pilots')).toHaveAccessibleName('pilots 1 span');
  await articleButton(page, 'pilots').click();
  expect(await articleView(page, 'pilots').evaluate((el) => el.textContent)).toBe(BRAT_TEXT);
  await expect.poll(() => highlightTexts(page, 'nm-quote-0')).toEqual(['"We will not sail,"']);
  const { doc } = await exportOpen(page);
  expect(spanCheck(doc)).toBe(1);
  await expectSaved(page);
});

test('a malformed doccano file is refused naming its file, line and field, and nothing changes', async ({ page }) => {
  await openApp(page);
  const bad = [
    JSON.stringify({ text: 'First record is fine.', label: [[0, 5, 'CLAIM']] }),
    JSON.stringify({ text: 'Second record is not.', label: [[0, 'six', 'CLAIM']] }),
  ].join('\n');
  await chooseFiles(page, 'Import', [file('bad.jsonl', bad, 'application/jsonl'), file('good.jsonl', JSON.stringify({ text: 'Fine.', label: [] }))]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“bad.jsonl” was not imported, and nothing was changed: line 2, field label[0][1]: ');
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
  await expect(articleView(page, SAMPLE)).toBeVisible();
  await expect(button(page, 'Undo')).toBeDisabled();
  await expect(page.getByRole('status', { name: 'Import status' })).toHaveText('');
  await expectSaved(page);
});

test('"Export workspace (zip)" holds newsmark JSON, a brat folder and one file per other format; "Export…" writes one format', async ({ page }) => {
  await openApp(page);
  // A label of the person's own, which the lossless file must carry.
  await button(page, 'Labels').click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByRole('textbox', { name: 'Name', exact: true }).fill('Source');
  await labels.getByRole('button', { name: 'Add label', exact: true }).click();
  await expect(labels.getByRole('textbox', { name: 'Name of Source', exact: true })).toBeVisible();
  await labels.getByRole('button', { name: 'Done', exact: true }).click();
  await expectSaved(page);
  const download = await readDownload(page, button(page, 'Export workspace (zip)'));
  expect(download.name).toBe('newsmark-workspace.zip');
  const entries = readZip(download.buffer);
  const names = Object.keys(entries);
  expect(names).toContain('README.txt');
  expect(names).toContain('newsmark.json');
  expect(names.some((n) => /^brat\/.+\.txt$/.test(n))).toBe(true);
  expect(names.some((n) => /^brat\/.+\.ann$/.test(n))).toBe(true);
  for (const format of ['doccano', 'labelstudio', 'w3c', 'spacy', 'conll']) {
    expect(names.some((n) => n.startsWith(format)), `${format} in ${names.join(', ')}`).toBe(true);
  }
  const lossless = JSON.parse(entries['newsmark.json']);
  expect(schemaErrors(lossless)).toEqual([]);
  expect(lossless.documents.map((d) => d.title)).toEqual([SAMPLE]);
  expect(spanCheck(lossless)).toBe(4);
  expect(lossless.labels.map((l) => l.name)).toContain('Source');

  // "Export…": brat for the open article comes as a zip of its .txt and .ann…
  const menuButton = button(page, 'Export…');
  await menuButton.click();
  const menu = page.getByRole('group', { name: 'Export' });
  await expect(menu).toBeVisible();
  await menu.getByRole('combobox', { name: 'Format', exact: true }).selectOption('brat');
  const brat = await readDownload(page, menu.getByRole('button', { name: 'Download', exact: true }));
  expect(brat.name).toMatch(/^newsmark-.+-brat\.zip$/);
  const bratNames = Object.keys(readZip(brat.buffer));
  expect(bratNames.some((n) => n.endsWith('.txt'))).toBe(true);
  expect(bratNames.some((n) => n.endsWith('.ann'))).toBe(true);
  await expect(menu).toBeHidden();
  // …and doccano, for every article, as one JSON Lines file.
  await menuButton.click();
  await menu.getByRole('combobox', { name: 'Format', exact: true }).selectOption('doccano');
  await menu.getByRole('radio', { name: 'Every article', exact: true }).check();
  const jsonl = await readDownload(page, menu.getByRole('button', { name: 'Download', exact: true }));
  expect(jsonl.name).toBe('newsmark-workspace-doccano.jsonl');
  const records = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  expect(records).toHaveLength(1);
  expect(records[0].text).toBe(lossless.documents[0].text);
});
