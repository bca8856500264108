// Storage under faults: the browser's storage full (the origin's quota lowered through the
// DevTools protocol), stored records damaged, the page closed without unload handlers or its
// renderer crashed, and the request that the browser keep the workspace.
'use strict';

const {
  test, expect, openApp, addArticle, articleView, articlesNav, articleButton, button, expectSaved, saveStatus, tagPhrase, spanList,
  readDownload, chooseFiles, file,
} = require('./support');
const { blankPage, readDatabase } = require('./storage-support');

const SMALL = 'The mayor said the bridge is safe. Workers demand a raise.';

/** Sets (or with no size, resets) the app origin's storage quota. The override lasts as long as
 *  the DevTools session that set it, so the session is kept (one per page). */
const sessions = new WeakMap();
async function setQuota(page, quotaSize) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const origin = new URL(page.url()).origin;
  await sessions.get(page).send('Storage.overrideQuotaForOrigin', quotaSize === undefined ? { origin } : { origin, quotaSize });
}

/** The span texts stored for the article with `id`. */
async function storedSpans(page, id) {
  const db = await readDatabase(page);
  const record = db.stores.annotations.find(([key]) => key === id);
  if (!record) return null;
  const doc = JSON.parse(record[1].document.bytes);
  return doc.spans.map((s) => s.label);
}

test('storage full: a clear warning, the work kept and exportable, other articles still saved, and saving resumes', async ({ launchProfile }) => {
  // A browser of its own: the lowered quota is the origin's, and must not reach other tests.
  const { page } = await launchProfile();
  // Chrome applies a lowered quota to an origin's storage when that storage is first used, so
  // it is lowered before the app opens: room for the sample and a small article, not a big one.
  await blankPage(page);
  await setQuota(page, 1_500_000);
  await openApp(page);
  const small = await addArticle(page, 'Small', SMALL);
  await expectSaved(page);

  // An article far larger than the room left cannot be saved: the toolbar and a banner say so.
  // Letters from a fixed pseudo-random sequence, so that storage cannot compress them away.
  let seed = 7;
  const letter = () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26));
  const words = Array.from({ length: 1000000 }, (_, i) => letter() + letter() + letter() + letter() + (i % 12 === 11 ? '.\n' : ' '));
  const big = `Opening line of the big one.\n${words.join('')}`;
  await chooseFiles(page, 'Open file', [file('Big.txt', big)]);
  await expect(articleView(page, 'Big')).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Not saved: this browser's storage for newsmark is full");
  const banner = page.locator('.storage-notice');
  await expect(banner).toContainText("this browser's storage for newsmark is full");
  await expect(banner).toContainText('kept in this tab');

  // The small article's edits are still saved, whatever the big one does.
  await articleButton(page, 'Small').click();
  await tagPhrase(page, small, SMALL, 'Workers demand a raise', 'demand');
  await expect.poll(() => storedSpans(page, 'a2')).toEqual(['demand']);
  await expect(saveStatus(page)).toHaveText("Not saved: this browser's storage for newsmark is full");

  // "Export your work" downloads every article, the unsaved one too.
  const exported = (await readDownload(page, banner.getByRole('button', { name: 'Export your work' }))).json();
  expect(exported.documents.map((d) => d.title)).toEqual([expect.stringMatching(/^Sample: /), 'Small', 'Big']);

  // Space returns: saving resumes by itself (the retry) and the warning goes.
  await setQuota(page);
  await expectSaved(page, 20_000);
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (3)');
  await articleButton(page, 'Small').click();
  await expect(spanList(page).getByRole('listitem')).toHaveCount(1);
});

test('damaged stored records: the app starts with every readable article, keeps the rest and offers it for download', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Second', SMALL);
  await addArticle(page, 'Third', 'A third article, which stays readable.');
  await page.close();
  const other = await page.context().newPage();
  await blankPage(other);
  // Break the second article's annotations and the label list, as a failing disk might.
  await other.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('newsmark');
    open.onsuccess = () => {
      const tx = open.result.transaction(['annotations', 'workspace'], 'readwrite');
      tx.objectStore('annotations').put({ document: new TextEncoder().encode('{"title": "Sec'), next_span: 1, next_relation: 1 }, 'a2');
      tx.objectStore('workspace').put('[{"name": ', 'labels');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await other.goto('/');
  await expect(articlesNav(other).getByRole('heading')).toHaveText('Articles (2)');
  await expect(articleButton(other, 'Third')).toBeVisible();
  const alert = other.locator('.notice');
  await expect(alert).toContainText('article a2 is damaged');
  await expect(alert).toContainText('the label set is damaged');

  // Work goes on and is saved, and the damaged records stay as they were.
  await expectSaved(other);
  await addArticle(other, 'Fourth', 'Written after the damage was found.');
  const db = await readDatabase(other);
  expect(db.stores.annotations.find(([key]) => key === 'a2')[1].document.bytes).toBe('{"title": "Sec');
  expect(db.stores.texts.map(([key]) => key)).toEqual(['a1', 'a2', 'a3', 'a4']);

  const kept = (await readDownload(other, other.locator('.storage-notice').getByRole('button', { name: 'Download unreadable records' }))).json();
  expect(kept.newsmark_unreadable_records).toEqual([
    expect.objectContaining({ id: 'a2', text: SMALL, annotations: '{"title": "Sec' }),
  ]);
});

for (const how of ['closed without unload handlers', 'crashed']) {
  test(`a page ${how} mid-session: reopening restores every change shown as saved`, async ({ page, context }) => {
    await openApp(page);
    const article = await addArticle(page, 'Crash', SMALL);
    await tagPhrase(page, article, SMALL, 'The mayor', 'claim');
    await tagPhrase(page, article, SMALL, 'Workers demand a raise', 'demand');
    await expectSaved(page);
    if (how === 'crashed') {
      const crashed = page.waitForEvent('crash');
      const cdp = await context.newCDPSession(page);
      // The renderer dies before it can answer, so the answer is not waited for.
      cdp.send('Page.crash').catch(() => {});
      await crashed;
    } else {
      await page.close({ runBeforeUnload: false });
    }
    const again = await context.newPage();
    await again.goto('/');
    await articleButton(again, 'Crash').click();
    await expect(spanList(again).getByRole('listitem')).toHaveCount(2);
  });
}

test('the app asks the browser to keep the workspace, and says whether it will', async ({ page }) => {
  await openApp(page);
  const kept = await page.evaluate(() => navigator.storage.persisted());
  await expect(saveStatus(page)).toHaveAttribute('data-kept', String(kept));
  await expect(saveStatus(page)).toHaveAttribute('title', kept ? /keeps it until you delete it/ : /may clear it when space runs low/);
  await expect(button(page, 'New article')).toBeVisible();
});
