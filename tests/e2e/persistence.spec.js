// What the workspace keeps and gives back: "Export…" for every article carries them all, each
// article is stored as its text and its annotations, and a stored workspace that cannot be read
// is reported and never written over. (How storage moves and writes records: storage.spec.js.)
'use strict';

const {
  test,
  expect,
  articleView,
  articlesNav,
  button,
  openApp,
  addArticle,
  expectSaved,
  readDownload,
  spanCheck,
  schemaErrors,
  saveStatus,
  SAMPLE,
} = require('./support');
const { readDatabase } = require('./storage-support');


test('"Export…" for every article downloads them all with their spans, valid against the schema', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Second', 'Line one 😀\nLine two “quoted”.');
  await expectSaved(page);
  await button(page, 'Export…').click();
  const menu = page.getByRole('group', { name: 'Export' });
  // newsmark's own format is the first offered.
  await expect(menu.getByRole('combobox', { name: 'Format', exact: true })).toHaveValue('newsmark');
  await menu.getByRole('radio', { name: 'Every article', exact: true }).check();
  const download = await readDownload(page, menu.getByRole('button', { name: 'Download', exact: true }));
  expect(download.name).toBe('newsmark-workspace.json');
  const doc = download.json();
  expect(doc.format).toBe('newsmark-labelled-json');
  expect(doc.documents.map((d) => d.title)).toEqual([SAMPLE, 'Second']);
  expect(doc.documents[0].spans).toHaveLength(4);
  expect(doc.documents[1].text).toBe('Line one 😀\nLine two “quoted”.');
  expect(schemaErrors(doc)).toEqual([]);
  spanCheck(doc);
});

test.describe('a damaged stored workspace', () => {
  // The app reports the unreadable record; that report is the expected console-free alert.
  test('is reported, every article still opens, and work goes on being saved', async ({ page }) => {
    await openApp(page);
    await expectSaved(page);
    // Damage the workspace's order record the way a broken write or a foreign script might.
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('newsmark');
      open.onsuccess = () => {
        const tx = open.result.transaction('workspace', 'readwrite');
        tx.objectStore('workspace').put('["a1"', 'order');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    }));
    await page.reload();
    await expect(page.getByRole('alert').first()).toContainText('Part of your stored workspace could not be read');
    await expect(page.getByRole('alert').first()).toContainText('the workspace record is damaged (order');
    // The order is only a list of the stored articles: they are all there, in storage's order.
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
    await button(page, 'New article').click();
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Saved');
    await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill('Some text.');
    await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
    await expect(articleView(page, 'Saved')).toBeVisible();
    await expectSaved(page);
    await page.reload();
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (2)');
  });
});

test('each article is stored as its text and its annotations, as bytes keyed by its id', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Second', 'Line one 😀\nLine two “quoted”.');
  await expectSaved(page);
  const stored = await readDatabase(page);
  const kinds = (store) => stored.stores[store].map(([key, value]) => [key, Object.keys(value)]);
  expect(kinds('texts')).toEqual([['a1', ['bytes']], ['a2', ['bytes']]]);
  expect(stored.stores.texts[1][1].bytes).toBe('Line one 😀\nLine two “quoted”.');
  expect(kinds('annotations')).toEqual([['a1', ['document', 'next_span', 'next_relation', 'stamp']], ['a2', ['document', 'next_span', 'next_relation', 'stamp']]]);
  const documents = stored.stores.annotations.map(([, value]) => JSON.parse(value.document.bytes));
  expect(documents.map((d) => d.title)).toEqual([SAMPLE, 'Second']);
  // The text is kept once, in its own record.
  expect(documents.map((d) => d.text)).toEqual(['', '']);
  expect(documents[0].spans).toHaveLength(4);

  await page.reload();
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (2)');
  await articlesNav(page).getByRole('button', { name: /^Second\b/ }).click();
  await expect(articleView(page, 'Second')).toHaveText('Line one 😀\nLine two “quoted”.');
  await expect(saveStatus(page)).toHaveText('All changes saved');
});
