// Workers that cannot start or die (issue 16, "Faults"): the analysis worker's files unreachable
// on first use (the network gone; its first job is the summary of the article shown at load),
// then reachable again; the formats worker's files refused on
// first use, so an import and an export fail and say so; and a running worker whose wasm traps
// mid-job (a real panic in the release build: the test hands the worker's own message handler a
// message it cannot decode, through the DevTools protocol, so nothing is compiled in for it).
// Each time the job ends with a message naming what happened, nothing stays "Analysing…", the
// workspace is unchanged, and the next use starts a fresh worker that works.
'use strict';

const { test, expect, openApp, addArticle, button, chooseFiles, file, readDownload, articlesNav } = require('./support');

const TEXT = ['Ferry workers walked out on Monday, the union said.', '“We will fight on,” said Mara Lindqvist.', '“Nobody asked us,” said Tomas Brandt.'].join('\n');
const analysisStatus = (page) => page.getByRole('status', { name: 'Analysis status' });
const suggestions = (page) => page.getByRole('list', { name: 'Suggestions in text order' }).getByRole('listitem');
const alert = (page) => page.locator('.notice.error .notice-text');
const news = (page) => page.locator('.notice.info .notice-text');

/** Presses Suggest and waits for the analysis to end, one way or another. */
async function suggest(page) {
  await button(page, 'Suggest').click();
  await expect(analysisStatus(page)).toHaveText('');
}

/** The workers the page started, by the loader script they run. */
function watchWorkers(page) {
  const started = [];
  page.on('worker', (w) => started.push(w));
  return { count: (name) => started.filter((w) => w.url().endsWith(`/${name}_loader.js`)).length, last: () => started[started.length - 1] };
}

test('the analysis worker unreachable on first use: the summary and Suggest say why, and both work once the network is back', async ({ page }) => {
  // The summary of the article shown at load is the analysis worker's first job: every file of
  // the worker (its loader, its script, its wasm) fails to load from the start.
  const workers = watchWorkers(page);
  const refused = /newsmark-worker/;
  await page.route(refused, (route) => route.abort('internetdisconnected'));
  await openApp(page);
  await addArticle(page, 'Ferry strike', TEXT);
  const summaryNote = page.getByRole('region', { name: 'Summary', exact: true }).getByRole('status');
  await expect(summaryNote).toHaveText(
    /^The summary could not be made: the worker could not start because its files did not load\. Check the connection, then try again\./,
  );

  await suggest(page);
  await expect(alert(page)).toHaveText(
    /^The analysis could not finish: the worker could not start because its files did not load\. Check the connection, then try again\./,
  );
  await expect(suggestions(page)).toHaveCount(0);
  await expect(button(page, 'Suggest')).toBeEnabled();
  expect(workers.count('newsmark-worker'), 'no worker ran').toBe(0);

  await page.unroute(refused);
  await suggest(page);
  await expect(news(page)).toHaveText('3 suggestions to review.');
  await expect(suggestions(page)).toHaveCount(3);
  expect(workers.count('newsmark-worker')).toBe(1);
  // The next edit brings the summary up to date.
  await button(page, 'Accept all').click();
  await expect(page.getByRole('region', { name: 'Summary', exact: true }).getByRole('heading', { name: 'Speakers', exact: true })).toBeVisible();
  await expect(summaryNote).toHaveCount(0);
});

test('the formats worker refused on first use: an import and an export say why and change nothing, then both work', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Ferry strike', TEXT);
  const titles = () => articlesNav(page).getByRole('listitem').allTextContents();
  const before = await titles();
  // A failed fetch of every file of the formats worker (its loader, its script, its wasm).
  const refused = /newsmark-formats-worker/;
  await page.route(refused, (route) => route.abort('connectionreset'));
  const doccano = file('ferry.jsonl', `${JSON.stringify({ text: 'Ferries stop.', label: [[0, 7, 'claim']] })}\n`);

  await chooseFiles(page, 'Import', [doccano]);
  await expect(alert(page)).toHaveText(
    '“ferry.jsonl” was not imported, and nothing was changed: the worker could not start because its files did not load. Check the connection, then try again.',
  );
  expect(await titles()).toEqual(before);
  await expect(page.getByRole('status', { name: 'Import status' })).toHaveText('');

  await button(page, 'Export workspace (zip)').click();
  await expect(alert(page)).toHaveText(
    'The export could not be offered as a download: the worker could not start because its files did not load. Check the connection, then try again.',
  );

  await page.unroute(refused);
  await chooseFiles(page, 'Import', [doccano]);
  await expect(news(page)).toHaveText('Imported 1 article with 1 span from “ferry.jsonl”.');
  const zip = await readDownload(page, button(page, 'Export workspace (zip)'));
  expect(zip.name).toBe('newsmark-workspace.zip');
});

test('a worker whose wasm traps mid-job: the job ends with why, and the next Suggest starts a fresh worker', async ({ page }) => {
  // Watched from the start: the summary of the article shown at load starts the worker.
  const workers = watchWorkers(page);
  await openApp(page);
  await addArticle(page, 'Ferry strike', TEXT);
  await suggest(page);
  await expect(suggestions(page)).toHaveCount(3);

  // The next call reaches the worker's wasm as three bytes it cannot decode: it panics, and a
  // release build aborts, so the worker is left with no answer to give (as after any crash).
  await workers.last().evaluate(() => {
    const handler = self.onmessage;
    self.onmessage = () => handler.call(self, new MessageEvent('message', { data: new Uint8Array(3) }));
  });
  await suggest(page);
  await expect(alert(page)).toHaveText(
    'The analysis could not finish: the worker stopped unexpectedly. Trying again starts it afresh.',
  );
  expect(workers.count('newsmark-worker')).toBe(1);

  await suggest(page);
  await expect(suggestions(page)).toHaveCount(3);
  expect(workers.count('newsmark-worker'), 'a fresh worker answered').toBe(2);
});
