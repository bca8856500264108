// Panics in the wasm code (issue 16, "Faults"), with the test-only trigger of the cargo feature
// `fault-trigger` (src/fault_trigger.rs), which only the build in dist-faults/ holds (served at
// /faults/; scripts/test build makes it). A panic while the page renders shows a banner built
// without Yew, whose "Export your work" downloads every saved article as labelled JSON that
// Import reads back, and a reload finds the saved work; a panic in the analysis worker ends the
// job with why, shows no banner, and the next Suggest starts a fresh worker. First of all, the
// release build in dist/ holds no trigger.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  test,
  expect,
  button,
  addArticle,
  articleView,
  articlesNav,
  articleButton,
  tagPhrase,
  expectSaved,
  readDownload,
  chooseFiles,
  file,
  openApp,
  spanCheck,
  guardNewContext,
  SAMPLE,
} = require('./support');

const TRIGGER = 'newsmark-fault-trigger';
const ROOT = path.join(__dirname, '..', '..');
// The page's panic hook logs the panic, then the wasm aborts: the browser reports the trap as
// uncaught.
// (One pattern: Playwright would read a second as the option's settings.)
test.use({ allowConsoleErrors: [/RuntimeError: unreachable|^panicked at src\/fault_trigger\.rs/] });

const TITLE = 'Ferry strike';
const TEXT = 'Ferry workers walked out on Monday.\n“We will fight on,” said Mara Lindqvist.';
const banner = (page) => page.locator('#nm-panic');

/** Opens the build with the test-only faults, as openApp opens the release. */
async function openFaultsBuild(page) {
  expect(fs.existsSync(path.join(ROOT, 'dist-faults', 'index.html')), 'dist-faults/ is built (scripts/test build)').toBe(true);
  await page.goto('/faults/');
  await expect(page.getByRole('article')).toBeVisible();
  await expectSaved(page);
}

/** Whether any of the built files in `dir` (wasm and scripts) holds `needle`. */
function holds(dir, needle) {
  const files = fs.readdirSync(path.join(ROOT, dir)).filter((f) => /\.(wasm|js|html)$/.test(f));
  expect(files.length).toBeGreaterThan(3);
  return files.some((f) => fs.readFileSync(path.join(ROOT, dir, f)).includes(needle));
}

test('the release build holds no fault trigger (and the faults build does)', async () => {
  expect(holds('dist-faults', TRIGGER), 'the check finds the trigger where it is').toBe(true);
  expect(holds('dist', TRIGGER), 'dist/ must not contain the test-only trigger').toBe(false);
});

test('a panic while the page renders: a banner exports the saved work, which Import reads back, and a reload keeps it', async ({
  page,
  browser,
  baseURL,
}) => {
  await openFaultsBuild(page);
  const article = await addArticle(page, TITLE, TEXT);
  await tagPhrase(page, article, TEXT, 'walked out', 'claim');
  await expectSaved(page);

  await expect(banner(page)).toBeHidden();
  const logged = [];
  page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
  await page.evaluate((name) => window.dispatchEvent(new Event(name)), TRIGGER);
  await expect(page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Export your work' }) })).toBeVisible();
  await expect(banner(page).locator('p').first()).toHaveText(
    'newsmark ran into an internal error and may not respond any more. What it saved is kept: export it, then reload the page.',
  );
  expect(logged.join('\n'), 'the panic is logged for a bug report').toContain(`${TRIGGER}: a test-only panic while the page renders`);
  // Yew is stuck after the abort: the notice that set the panic off never rendered.
  await expect(page.locator('.notice')).toHaveCount(0);

  const rescued = await readDownload(page, banner(page).getByRole('button', { name: 'Export your work' }));
  expect(rescued.name).toBe('newsmark-saved-work.json');
  await expect(banner(page).getByRole('status')).toHaveText('Downloaded newsmark-saved-work.json: every saved article, which Import reads back.');
  const doc = rescued.json();
  expect(doc.documents.map((d) => d.title)).toEqual([SAMPLE, TITLE]);
  expect(doc.documents[1].text).toBe(TEXT);
  expect(doc.documents[1].spans.map((s) => [s.label, s.text])).toEqual([['claim', 'walked out']]);
  spanCheck(doc);

  await test.step('Import reads the rescued file back in a fresh profile', async () => {
    const { context, guard } = await guardNewContext(browser, baseURL);
    const fresh = await context.newPage();
    await openApp(fresh);
    await chooseFiles(fresh, 'Import', [file('newsmark-saved-work.json', rescued.buffer, 'application/json')]);
    const spans = doc.documents.reduce((n, d) => n + d.spans.length, 0);
    await expect(fresh.locator('.notice.info .notice-text')).toHaveText(`Imported 2 articles with ${spans} spans from “newsmark-saved-work.json”.`);
    await expect(articleButton(fresh, TITLE)).toBeVisible();
    await context.close();
    guard.check();
  });

  await page.reload();
  await expect(articleView(page, TITLE)).toBeVisible();
  await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (2)');
  await expect(banner(page)).toBeHidden();
});

test('a panic in the analysis worker ends the job with why, shows no banner, and the next Suggest starts a fresh worker', async ({ page }) => {
  // Watched from the start: the summary of the article shown at load starts the worker.
  const started = [];
  page.on('worker', (w) => started.push(w.url()));
  await openFaultsBuild(page);
  await addArticle(page, 'Trigger', `${TEXT}\n${TRIGGER}`);
  await button(page, 'Suggest').click();
  await expect(page.locator('.notice.error .notice-text')).toHaveText(
    new RegExp(`^The analysis could not finish: the analysis stopped: panicked at .*\\n${TRIGGER}: a test-only panic in the analysis$`),
  );
  await expect(page.getByRole('status', { name: 'Analysis status' })).toHaveText('');
  await expect(banner(page)).toBeHidden();

  await addArticle(page, TITLE, TEXT);
  await button(page, 'Suggest').click();
  await expect(page.locator('.notice.info .notice-text')).toHaveText('1 suggestion to review.');
  expect(started.filter((url) => url.endsWith('/faults/newsmark-worker_loader.js'))).toHaveLength(2);
});
