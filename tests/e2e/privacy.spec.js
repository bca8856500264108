// Privacy by construction, end to end: a whole session (paste an article, annotate it with the
// mouse and the keys, run the suggestions, export every format, import a file of every format
// that can be read, open a text file, reload) sends no request anywhere but the app's own origin,
// and breaks no rule of the page's Content-Security-Policy, which allows no inline script or
// style. The figures are printed ("privacy: … requests …, 0 off origin, 0 CSP violations").
// The last tests show that the watch would see a violation: an inline script and a style
// attribute put in by hand are refused, reported, and never run.
'use strict';

const {
  test,
  expect,
  articleView,
  articlesNav,
  button,
  expectSaved,
  openApp,
  selectPhrase,
  labelButton,
  spanEditor,
  clickChar,
  cpRange,
  highlightTexts,
  chooseFiles,
  file,
  readDownload,
} = require('./support');
const { importFiles, exportEvery, unzip } = require('./transfer');

const LINES = [
  'Ferry pilots 🚢 walk out',
  'Mayor Ines Carvalho said: “We will listen to them.” The union demands an audit of the fares.',
  'Critics said the plan was “a disgrace”, and the council agreed to meet on Monday.',
];
const PASTED = LINES.map((l) => `${l}\r\n`).join('');
const TITLE = LINES[0];

/**
 * Watches `page` for Content-Security-Policy violations from its very first script on, across
 * reloads: an init script (which the DevTools protocol injects, so the policy does not apply to
 * it) reports each `securitypolicyviolation` event to the test through a binding.
 */
async function watchViolations(page) {
  const seen = [];
  await page.exposeBinding('__nmViolation', (_source, v) => seen.push(v));
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) =>
      window.__nmViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile }),
    );
  });
  return seen;
}

/** The page's policy, as { directive: [sources] }. */
async function policyOf(page) {
  const text = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  return Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const notice = (page) => page.locator('.notice');

test('a whole session sends nothing off the origin and breaks no rule of the CSP', async ({ page, context, baseURL, guard }) => {
  const origin = new URL(baseURL).origin;
  const violations = await watchViolations(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await openApp(page);

  await test.step('the policy allows no inline script or style, and nothing but this origin', async () => {
    const csp = await policyOf(page);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    for (const d of ['connect-src', 'img-src', 'worker-src']) expect(csp[d], d).toEqual(["'self'"]);
    for (const d of ['object-src', 'base-uri', 'form-action']) expect(csp[d], d).toEqual(["'none'"]);
    // No inline script or style element in the page as served, and none made since (line boxes
    // are placed through the CSSOM, which the policy allows, and so carry style attributes).
    await expect(page.locator('script:not([src])')).toHaveCount(0);
    await expect(page.locator('style')).toHaveCount(0);
  });

  const article = articleView(page, TITLE);
  await test.step('paste an article and annotate it with the mouse and the keys', async () => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
    await page.locator('.article-title').click();
    await page.keyboard.press('Control+V');
    // With articles open, a paste offers the "New article" dialog with the text in it.
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
    await expect(article).toBeVisible();
    await selectPhrase(page, article, PASTED, 'The union demands an audit of the fares.');
    await labelButton(page, 'demand').click();
    await expect(spanEditor(page).locator('blockquote')).toHaveText('The union demands an audit of the fares.');
    await spanEditor(page).getByRole('textbox', { name: 'Note', exact: true }).fill('checked by phone');
    // By keyboard: a caret before the phrase, Shift+ArrowRight over it, and the key 4.
    const [start, end] = cpRange(PASTED, '“a disgrace”');
    await clickChar(page, article, start, { before: true });
    await expect.poll(() => page.evaluate(() => getSelection().isCollapsed)).toBe(true);
    for (let i = start; i < end; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['“a disgrace”']);
    await page.keyboard.press('4');
    await expect(spanEditor(page).locator('blockquote')).toHaveText('“a disgrace”');
    await expectSaved(page);
  });

  await test.step('run the suggestions and accept them all', async () => {
    await button(page, 'Suggest').click();
    await expect(notice(page).filter({ hasText: /to review\.|nothing new to suggest/ })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Analysis status', exact: true })).toHaveText('');
    const all = page.getByRole('region', { name: 'Suggestions' }).getByRole('button', { name: 'Accept all', exact: true }).first();
    if (await all.isVisible()) await all.click();
    await expectSaved(page);
  });

  const exported = {};
  await test.step('export every format, and the workspace', async () => {
    exported.json = await readDownload(page, button(page, 'Export JSON'));
    exported.workspace = await readDownload(page, button(page, 'Export workspace (zip)'));
    for (const format of ['newsmark', 'brat', 'doccano', 'labelstudio', 'w3c', 'spacy', 'conll']) {
      exported[format] = await exportEvery(page, format);
      expect(exported[format].buffer.length, format).toBeGreaterThan(0);
    }
  });

  await test.step('import a file of every format that can be read, and open a text file', async () => {
    const before = await articlesNav(page).getByRole('listitem').count();
    // Each format as the app wrote it; Label Studio's tasks without the configuration beside
    // them in its zip, which is pasted into a project rather than imported.
    const tasks = unzip(exported.labelstudio.buffer)['labelstudio/tasks.json'];
    const files = [
      ...['json', 'workspace', 'newsmark', 'brat', 'doccano', 'w3c', 'spacy'].map((key) => exported[key]),
      { name: 'tasks.json', buffer: tasks },
    ];
    for (const d of files) {
      const type = d.name.endsWith('.zip') ? 'application/zip' : 'application/json';
      await importFiles(page, [file(d.name, d.buffer, type)]);
      await page.getByRole('button', { name: 'Dismiss message' }).click();
      await expect(notice(page)).toHaveCount(0);
    }
    await chooseFiles(page, 'Open file', [file('letter.txt', 'A reader writes: the fares are too high.\n')]);
    await expect(articleView(page, 'letter')).toBeVisible();
    expect(await articlesNav(page).getByRole('listitem').count()).toBeGreaterThan(before + files.length);
    await expectSaved(page);
  });

  await test.step('reload: the workspace comes back', async () => {
    const count = await articlesNav(page).getByRole('listitem').count();
    await page.reload();
    await expect(page.getByRole('article')).toBeVisible();
    await expectSaved(page);
    await expect(articlesNav(page).getByRole('listitem')).toHaveCount(count);
  });

  const requests = guard.requests.length;
  const offOrigin = guard.offOrigin.length;
  const workers = new Set(guard.requests.filter((r) => /worker/.test(r.url)).map((r) => new URL(r.url).pathname)).size;
  console.log(`privacy: ${requests} requests in the session (${workers} worker files), all to ${origin}; ${offOrigin} off origin; ${violations.length} CSP violations`);
  expect(guard.requests.every((r) => r.url.startsWith(`${origin}/`) || /^(blob|data):/.test(r.url)), JSON.stringify(guard.requests)).toBe(true);
  expect(offOrigin).toBe(0);
  expect(violations).toEqual([]);
});

test.describe('the CSP watch sees a violation', () => {
  // The browser logs each refusal as a console error; these tests provoke them on purpose.
  test.use({ allowConsoleErrors: [/Content Security Policy/] });

  test('an inline script put into the page is refused, reported and never run', async ({ page }) => {
    const violations = await watchViolations(page);
    await openApp(page);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true;';
      document.head.append(s);
    });
    await expect.poll(() => violations.map((v) => v.directive)).toContain('script-src-elem');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('a style attribute and a <style> element are refused and reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await openApp(page);
    const applied = await page.evaluate(() => {
      const title = document.querySelector('.article-title');
      title.setAttribute('style', 'color: rgb(255, 0, 0)');
      const style = document.createElement('style');
      style.textContent = '.article-title { background-color: rgb(0, 255, 0); }';
      document.head.append(style);
      const s = getComputedStyle(title);
      return [s.color, s.backgroundColor];
    });
    expect(applied).not.toContain('rgb(255, 0, 0)');
    expect(applied).not.toContain('rgb(0, 255, 0)');
    await expect.poll(() => violations.map((v) => v.directive).sort()).toEqual(['style-src-attr', 'style-src-elem']);
  });
});
