// Two tabs on one workspace (two pages of one browser context share IndexedDB, as two tabs do):
// every change made in either is saved and appears in the other without a reload, ids never
// collide, undo undoes only the tab's own actions, and when both change one span the later
// change wins everywhere. A third page opened afterwards shows everything.
'use strict';

const {
  test, expect, openApp, addArticle, articleView, articlesNav, articleButton, expectSaved, listEntry, spanEditor,
  tagPhrase, spanList,
} = require('./support');
const { readDatabase } = require('./storage-support');

const SHARED = 'The mayor said the bridge is safe. Workers demand a raise. Critics called the plan reckless.';

/** The labelled spans of the open article, as "Label: text", sorted. */
async function entries(page) {
  const items = await spanList(page).getByRole('listitem').allInnerTexts();
  return items.map((x) => x.replace(/\s+/g, ' ').trim()).sort();
}

/** The span ids stored for the article titled `title`, from a page of the same origin. */
async function storedSpanIds(page, title) {
  const db = await readDatabase(page);
  const docs = db.stores.annotations.map(([key, v]) => [key, JSON.parse(v.document.bytes)]);
  const doc = docs.find(([, d]) => d.title === title || (d.documents && d.documents[0].title === title));
  const spans = doc[1].spans || doc[1].documents[0].spans;
  return spans.map((s) => s.id);
}

async function open(page, title) {
  await articleButton(page, title).click();
  await expect(articleView(page, title)).toBeVisible();
}

test('work done in two tabs at once reaches both without a reload, with ids that never collide and undo per tab', async ({ page: a, context }) => {
  await openApp(a);
  const sharedA = await addArticle(a, 'Shared', SHARED);
  const b = await context.newPage();
  await openApp(b);
  await open(b, 'Shared');
  const sharedB = articleView(b, 'Shared');

  // Both tag the same article and both add an article, neither waiting for the other.
  await tagPhrase(b, sharedB, SHARED, 'The mayor', 'claim');
  await tagPhrase(a, sharedA, SHARED, 'Workers demand a raise', 'demand');
  await addArticle(b, 'From B', 'Tab B wrote this article about the harbour.');
  await addArticle(a, 'From A', 'Tab A wrote this article about the ferry.');
  await expectSaved(a);
  await expectSaved(b);

  // Each tab lists the other's article, and shows both tabs' spans in the shared one.
  for (const [page, other] of [[a, 'From B'], [b, 'From A']]) {
    await expect(articleButton(page, other)).toBeVisible();
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (4)');
    await open(page, 'Shared');
    await expect(spanList(page).getByRole('listitem')).toHaveCount(2);
    expect(await entries(page)).toEqual(['Claim: The mayor', 'Demand: Workers demand a raise']);
  }
  const ids = await storedSpanIds(a, 'Shared');
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.some((id) => id.endsWith('-2')), `tab B's span id carries its number: ${ids}`).toBe(true);

  // A third page, opened afterwards, shows all of it.
  const c = await context.newPage();
  await c.goto('/');
  await expect(articlesNav(c).getByRole('heading')).toHaveText('Articles (4)');
  await open(c, 'Shared');
  expect(await entries(c)).toEqual(['Claim: The mayor', 'Demand: Workers demand a raise']);
  await c.close();

  // Undo in A undoes A's last action (adding "From A"; opening is no step), not B's work; B sees it.
  await a.keyboard.press('Control+z');
  await expect(articleButton(a, 'From A')).toHaveCount(0);
  await expect(articleButton(a, 'From B')).toBeVisible();
  await expectSaved(a);
  await expect(articleButton(b, 'From A')).toHaveCount(0);
  await expect(articlesNav(b).getByRole('heading')).toHaveText('Articles (3)');
});

test('when two tabs change one span at once, the later change wins and both tabs show it', async ({ page: a, context }) => {
  await openApp(a);
  const sharedA = await addArticle(a, 'Shared', SHARED);
  await tagPhrase(a, sharedA, SHARED, 'The mayor', 'claim');
  await expectSaved(a);
  const b = await context.newPage();
  await openApp(b);
  await open(b, 'Shared');
  await listEntry(b, 'claim', 'The mayor').click();
  await expect(spanEditor(b)).toBeVisible();

  // A's change is saved first; B's, made before B has heard of A's, is saved later and wins.
  await spanEditor(a).getByRole('combobox', { name: 'Label' }).selectOption('quote');
  await spanEditor(b).getByRole('combobox', { name: 'Label' }).selectOption('opinion');
  await expectSaved(a);
  await expectSaved(b);
  for (const page of [a, b]) {
    await expect(listEntry(page, 'opinion', 'The mayor')).toBeVisible();
    await expect(spanList(page).getByRole('listitem')).toHaveCount(1);
  }
  const c = await context.newPage();
  await c.goto('/');
  await open(c, 'Shared');
  await expect(listEntry(c, 'opinion', 'The mayor')).toBeVisible();
});

test('an article deleted in one tab leaves the other, which was showing it, on another article', async ({ page: a, context }) => {
  await openApp(a);
  await addArticle(a, 'Doomed', SHARED);
  const b = await context.newPage();
  await openApp(b);
  await open(b, 'Doomed');
  await articlesNav(a).getByRole('button', { name: 'Delete “Doomed”' }).click();
  await expectSaved(a);
  await expect(articleButton(b, 'Doomed')).toHaveCount(0);
  await expect(articleView(b, 'Doomed')).toHaveCount(0);
  await expect(b.getByRole('article')).toBeVisible();
});
