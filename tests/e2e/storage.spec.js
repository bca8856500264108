// How the workspace is stored: a workspace kept in the first layout is moved to the current one
// without loss; an edit writes only the annotations of its article; a tab never writes after a
// newer version took the database over, and a newer tab waits for an older one to let go.
'use strict';

const {
  test,
  expect,
  articleView,
  articlesNav,
  button,
  openApp,
  expectSaved,
  readDownload,
  saveStatus,
  chooseFiles,
  file,
  tagPhrase,
  articleButton,
  spanEditor,
  SAMPLE,
} = require('./support');
const { V1, blankPage, seedV1, closeV1, readDatabase, upgradeTo, logWrites, writes, afterSave } = require('./storage-support');

const FERRY = 'Ferry strike 🚢';

/** The documents and labels "Export…" writes for every article. */
async function exportEverything(page) {
  await button(page, 'Export…').click();
  const menu = page.getByRole('group', { name: 'Export' });
  await menu.getByRole('radio', { name: 'Every article', exact: true }).check();
  const doc = (await readDownload(page, menu.getByRole('button', { name: 'Download', exact: true }))).json();
  return { documents: doc.documents, labels: doc.labels };
}

/** Checks that the app shows the fixture's workspace, whole: every article with its text, spans,
 *  attributes and relations (through the export, which writes articles as the first layout did),
 *  the custom label, the open article and the settings. */
async function expectFixtureWorkspace(page) {
  await expect(articleView(page, FERRY)).toBeVisible();
  await expectSaved(page);
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (2)');
  await expect(page.getByRole('checkbox', { name: 'Snap to words' })).not.toBeChecked();
  await expect(page.getByRole('group', { name: 'Labels' }).getByRole('button', { name: 'Rumour', exact: true })).toBeVisible();
  const exported = await exportEverything(page);
  expect(exported.documents).toEqual(V1.articles.map(({ bytes }) => JSON.parse(bytes)));
  expect(exported.labels).toEqual(JSON.parse(JSON.parse(V1.meta[0].string).labels));
}

test.describe('a workspace stored by the first layout', () => {
  for (const articlesAs of ['bytes', 'strings']) {
    test(`(articles as ${articlesAs}) opens whole, is moved to the current layout, and the old records are not left to be read again`, async ({ page }) => {
      await blankPage(page);
      await seedV1(page, { articlesAs });
      await page.goto('/');
      await expectFixtureWorkspace(page);

      const stored = await readDatabase(page);
      expect(stored.version).toBe(4);
      // Moved, not copied: the first layout's stores are empty.
      expect(stored.stores.articles).toEqual([]);
      expect(stored.stores.meta).toEqual([]);
      const keys = (store) => stored.stores[store].map(([key]) => key);
      expect(keys('texts')).toEqual(['a1', 'x1']);
      expect(keys('annotations')).toEqual(['a1', 'x1']);
      expect(keys('workspace').sort()).toEqual(['counters', 'labels', 'order', 'settings']);
      const ferry = JSON.parse(V1.articles[1].bytes);
      expect(stored.stores.texts[1][1]).toEqual({ bytes: ferry.text });
      const annotations = stored.stores.annotations[1][1];
      // The text is kept apart, and the offsets in other units are derived from it.
      const spans = ferry.spans.map(({ utf16: _utf16, utf8: _utf8, ...span }) => span);
      expect(JSON.parse(annotations.document.bytes)).toEqual({ ...ferry, text: '', spans });
      expect(annotations).toMatchObject({ next_span: 6, next_relation: 2 });
      const workspace = Object.fromEntries(stored.stores.workspace.map(([k, v]) => [k, JSON.parse(v)]));
      expect(workspace).toMatchObject({ order: ['a1', 'x1'], counters: { next_article: 2 }, settings: { open: 'x1', snap_to_words: false } });

      // Read back from the current layout alone.
      await page.reload();
      await expectFixtureWorkspace(page);
    });
  }

  test('that is damaged is reported, is not moved, and nothing is saved over it', async ({ page }) => {
    await blankPage(page);
    await seedV1(page, { meta: '{"version": 1, "order": ["a1"' });
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('Your saved workspace could not be read');
    await expect(page.getByRole('alert')).toContainText('the workspace record is damaged');
    await button(page, 'New article').click();
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Unsaved');
    await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill('Some text.');
    await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
    await expect(articleView(page, 'Unsaved')).toBeVisible();
    await expect(saveStatus(page)).toHaveText('Not saved: storage could not be read');
    const stored = await readDatabase(page);
    expect(stored.stores.meta).toEqual([['workspace', '{"version": 1, "order": ["a1"']]);
    expect(stored.stores.articles.map(([key]) => key)).toEqual(['a1', 'x1']);
    expect(stored.stores.texts).toEqual([]);
    expect(stored.stores.workspace).toEqual([]);
  });
});

test.describe('saving', () => {
  test.beforeEach(async ({ context }) => {
    await logWrites(context);
  });

  test('writes an article\'s text once, and an edit writes only that article\'s annotations', async ({ page }) => {
    await openApp(page);
    // A long article, so that writing its text again could not go unnoticed.
    const line = 'The council said on Tuesday that the harbour fares would rise by six percent.\n';
    const text = `Opening line of the long one.\n${line.repeat(4000)}`;
    await writes(page);
    await chooseFiles(page, 'Open file', [file('Long.txt', text)]);
    const article = articleView(page, 'Long');
    await expect(article).toBeVisible();
    await expectSaved(page);
    const added = await writes(page);
    expect(added.filter((w) => w.store === 'texts')).toEqual([{ op: 'put', store: 'texts', key: 'a2', bytes: Buffer.byteLength(text) }]);
    expect(added.map((w) => `${w.store} ${w.key}`).sort()).toEqual(['annotations a2', 'texts a2', 'workspace counters', 'workspace order', 'workspace settings']);

    await tagPhrase(page, article, text, 'Opening line', 'claim');
    await expectSaved(page);
    const tagged = await writes(page);
    expect(tagged.map(({ op, store, key }) => ({ op, store, key }))).toEqual([{ op: 'put', store: 'annotations', key: 'a2' }]);
    // The annotations of one span, not the 320 KB text.
    expect(tagged[0].bytes).toBeLessThan(1000);

    await spanEditor(page).getByRole('combobox', { name: 'Label' }).selectOption('quote');
    await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toBeVisible();
    await expectSaved(page);
    expect((await writes(page)).map((w) => `${w.op} ${w.store} ${w.key}`)).toEqual(['put annotations a2']);

    // Opening another article writes the setting alone; nothing is written for a selection.
    await articleButton(page, SAMPLE).click();
    await expect(articleView(page, SAMPLE)).toBeVisible();
    await expectSaved(page);
    expect((await writes(page)).map((w) => `${w.op} ${w.store} ${w.key}`)).toEqual(['put workspace settings']);

    // Deleting an article deletes both its records.
    await articlesNav(page).getByRole('button', { name: 'Delete “Long”' }).click();
    await expect(articleView(page, 'Long')).toHaveCount(0);
    await expectSaved(page);
    expect((await writes(page)).map((w) => `${w.op} ${w.store} ${w.key}`).sort()).toEqual(['delete annotations a2', 'delete texts a2', 'put workspace order']);
  });
});

test.describe('two versions of newsmark in two tabs', () => {
  test('a tab stops saving, and says why, once another tab opens a newer version', async ({ page, context }) => {
    await logWrites(context);
    await openApp(page);
    const addArticleByHand = async (title, text) => {
      await button(page, 'New article').click();
      const dialog = page.getByRole('dialog', { name: 'New article' });
      await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
      await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill(text);
      await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
      await expect(articleView(page, title)).toBeVisible();
      await afterSave(page);
    };
    // Before the upgrade, an article added is written by the time `afterSave` resolves.
    await writes(page);
    await addArticleByHand('In time', 'Written before the upgrade.');
    expect((await writes(page)).map((w) => `${w.store} ${w.key}`)).toContain('texts a2');
    await expectSaved(page);
    const newer = await context.newPage();
    await blankPage(newer);
    // Resolves only if the app's tab closed its connection when asked.
    await upgradeTo(newer, 5);
    await expect(saveStatus(page)).toHaveText('Not saved: newsmark was updated in another tab; reload this tab to go on saving');

    // Work done in the old tab now is not written.
    await addArticleByHand('Too late', 'Written after the upgrade.');
    await expect(saveStatus(page)).toHaveText('Not saved: newsmark was updated in another tab; reload this tab to go on saving');
    expect(await writes(page)).toEqual([]);
    const stored = await readDatabase(newer, { connection: 'kept' });
    expect(stored.version).toBe(5);
    expect(JSON.parse(Object.fromEntries(stored.stores.workspace).order)).toEqual(['a1', 'a2']);
    expect(stored.stores.texts.map(([key]) => key)).toEqual(['a1', 'a2']);

    // Reloaded, this version cannot open the newer database, and writes nothing to it.
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('Your saved workspace could not be read');
    await expect(saveStatus(page)).toHaveText('Not saved: storage could not be read');
  });

  test('a tab of this version waits for a tab of the first version to close, then moves what it left', async ({ page, context }) => {
    const older = await context.newPage();
    await blankPage(older);
    await seedV1(older, { keepOpen: true });
    await page.goto('/');
    await expect(page.getByRole('status').filter({ hasText: 'Another tab runs an older version of newsmark' })).toBeVisible();
    await expect(page.getByText('Loading your workspace…')).toBeVisible();

    // The older tab goes on saving while it is open; what it wrote last is what is moved.
    await older.evaluate(() => new Promise((resolve, reject) => {
      const tx = window.__v1.transaction('meta', 'readwrite');
      const store = tx.objectStore('meta');
      const get = store.get('workspace');
      get.onsuccess = () => store.put(get.result.replace('"open":"x1"', '"open":"a1"'), 'workspace');
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    }));
    await closeV1(older);
    await expect(articleView(page, SAMPLE)).toBeVisible();
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (2)');
    await expect(page.getByRole('status').filter({ hasText: 'Another tab runs an older version' })).toHaveCount(0);
    await expectSaved(page);
    const stored = await readDatabase(page);
    expect(stored.stores.meta).toEqual([]);
    expect(JSON.parse(Object.fromEntries(stored.stores.workspace).settings)).toEqual({ open: 'a1', snap_to_words: false });
  });
});
