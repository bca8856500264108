// Hostile input, end to end: the corpus of tests/hostile/payloads.json (script, event handlers,
// javascript: URLs, SVG and MathML, entities, CSS, direction overrides, invisible and control
// characters, extremely long lines) in article texts, titles, notes and attributes, custom label
// names and descriptions, relation kinds and a file name, imported at once in labelled JSON and
// then in every other format. For each: the text is shown literally (read back from the DOM;
// names with their invisible and direction characters as ⟨U+XXXX⟩), no dialog opens, no console
// error (the guard), the canary `window.__pwned` that every payload tries to set stays unset, and
// labelled JSON gives back exactly what went in. Colours that are not #rrggbb are refused, in an
// import and in the label editor; lone surrogates are refused in files and become U+FFFD in forms.
'use strict';

const {
  test,
  expect,
  articleView,
  articlesNav,
  button,
  openApp,
  expectSaved,
  spanList,
  chooseFiles,
  file,
  guardNewContext,
  SAMPLE,
} = require('./support');
const { importFiles, exportEvery, unzip } = require('./transfer');
const { payloads, canary, loneSurrogates, shown } = require('../hostile/payloads');

// ---- The workspace file: the corpus everywhere ----------------------------------------------

/** White space as Rust's `trim` sees it (JavaScript's also holds U+FEFF and lacks U+0085). */
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const trim = (s) => s.replace(new RegExp(`^${WS}+|${WS}+$`, 'gu'), '');
const cps = (s) => [...s];

/** Label names the corpus gives: each payload's first 40 characters, trimmed, where a label name can be that. */
function labelNames() {
  const names = [];
  for (const { text } of payloads) {
    const name = trim(cps(text).slice(0, 40).join(''));
    const control = /[\u0000-\u001f\u007f-\u009f]/.test(name);
    if (name && !control && !['claim', 'demand', 'quote', 'opinion'].includes(name.toLowerCase()) && !names.includes(name)) names.push(name);
  }
  return names;
}

const ALL = 'Every payload';
const NAMES = labelNames();
const ALL_TEXT = payloads.map((p) => p.text).join('\n');

/** The labelled JSON file: one article per payload (title and text), and one with every payload. */
function workspaceFile() {
  const labels = NAMES.map((name) => ({ name, colour: '#336699', description: payloads.find((p) => trim(cps(p.text).slice(0, 40).join('')) === name).text }));
  const documents = payloads.map((p, i) => ({ id: `a${i}`, title: p.text, text: p.text, spans: [] }));
  let start = 0;
  const spans = payloads.map((p, i) => {
    const end = start + cps(p.text).length;
    const v = p.text;
    const span = { id: `s${i + 1}`, label: NAMES[i % NAMES.length], start, end, text: v, attributes: { speaker: v, source: v, by: v, to: v, holder: v, note: v } };
    start = end + 1;
    return span;
  });
  const relations = payloads.slice(1).map((p, i) => ({ id: `r${i + 1}`, kind: trim(p.text), from: `s${i + 1}`, to: `s${i + 2}` }));
  documents.push({ id: 'all', title: ALL, text: ALL_TEXT, spans, relations });
  return { format: 'newsmark-labelled-json', version: 1, exported_at: '2026-01-01T00:00:00Z', labels, documents };
}

// ---- Watching for anything that runs ---------------------------------------------------------

/** Records every dialog (and dismisses it), so a payload that opens one fails the test. */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

async function expectNothingRan(page, dialogs) {
  expect(await page.evaluate((name) => window[name], canary), 'the canary').toBeUndefined();
  expect(dialogs, 'dialogs').toEqual([]);
  // Markup stayed text: no element a payload names exists anywhere in the page.
  await expect(page.locator('img, iframe, object, embed, video, math, form, marquee, details, meta[http-equiv="refresh"], base, body script')).toHaveCount(0);
}

const notice = (page) => page.locator('.notice');

/** Opens `title`'s article from the list and waits until all of its text is in. */
async function openArticle(page, title) {
  await articlesNav(page).locator('li', { has: page.locator('.title', { hasText: title }) }).first().locator('.open').click();
  const article = articleView(page, title);
  await expect(article).toBeVisible();
  await expect(article).not.toHaveAttribute('aria-busy', { timeout: 30_000 });
  return article;
}

// A file name is a payload too: markup and a right-to-left override before its extension.
const FILE_NAME = '"><img src=x onerror=window.__pwned=1>\u202enosj.json';

test('the corpus in texts, titles, notes, attributes, label names and relation kinds is shown literally, never runs, and round-trips', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  await openApp(page);
  const source = workspaceFile();
  expect(payloads.length).toBeGreaterThanOrEqual(50);

  await test.step('import it: the label mapping shows every new name', async () => {
    await chooseFiles(page, 'Import', [file(FILE_NAME, JSON.stringify(source), 'application/json')]);
    const mapping = page.getByRole('dialog', { name: 'Map imported labels' });
    await expect(mapping).toBeVisible({ timeout: 30_000 });
    await expect(mapping.locator('tbody th')).toHaveText(NAMES.map(shown));
    await mapping.getByRole('button', { name: 'Import', exact: true }).click();
    // The file's name in the notice: its markup as text, its override shown.
    await expect(notice(page)).toContainText(`from “${shown(FILE_NAME)}”`);
    await expectSaved(page, 30_000);
  });

  await test.step('titles, label names and the texts read back from the page', async () => {
    await expect(articlesNav(page).locator('.title')).toHaveText([SAMPLE, ...payloads.map((p) => shown(p.text)), ALL].map((t) => t.replace(/\s+/g, ' ').trim()), { timeout: 30_000 });
    // The toolbar's label buttons: a built-in label's key and name; a custom label's name shown.
    const names = await page.locator('.toolbar .tag').allTextContents();
    expect(names).toEqual(['1Claim', '2Demand', '3Quote', '4Opinion', ...NAMES.map((n, i) => `${names[4 + i].match(/^\d?/)[0]}${shown(n)}`)]);
    // An article whose title ends in a right-to-left override: the heading shows the override,
    // the text is the payload itself, character for character.
    const turned = payloads.find((p) => p.id === 'rlo-extension').text;
    const article = await openArticle(page, shown(turned));
    await expect(page.locator('.article-title')).toHaveText(shown(turned));
    expect(await article.evaluate((el) => el.textContent)).toBe(turned);
    await expect(article).toHaveAttribute('aria-label', shown(turned));
  });

  await test.step('the article holding every payload: text, spans, notes and relation kinds', async () => {
    const article = await openArticle(page, ALL);
    expect(await article.evaluate((el) => el.textContent)).toBe(ALL_TEXT);
    await expect(article.locator('*:not(div.block):not(span.eol)')).toHaveCount(0);
    const entries = spanList(page).getByRole('listitem');
    await expect(entries).toHaveCount(payloads.length);
    const read = await spanList(page).evaluate((list) =>
      [...list.querySelectorAll(':scope > li')].map((li) => ({
        label: li.querySelector('.label-name').textContent,
        attrs: li.querySelector('.attrs') ? li.querySelector('.attrs').textContent : null,
      })),
    );
    expect(read.map((r) => r.label)).toEqual(payloads.map((_, i) => `${shown(NAMES[i % NAMES.length])}:`));
    // A custom label's span shows its note, the payload as it is.
    expect(read.map((r) => r.attrs)).toEqual(payloads.map((p) => `Note: ${p.text}`));
    const kinds = await page.locator('.relation-list .kind').allTextContents();
    expect(kinds).toEqual(source.documents.at(-1).relations.map((r) => ` —${shown(r.kind)}→ `));
    await expectNothingRan(page, dialogs);
  });

  await test.step('hovering and clicking over the payloads runs nothing', async () => {
    const article = articleView(page, ALL);
    const box = await article.boundingBox();
    for (let y = box.y + 5; y < Math.min(box.y + box.height, 880); y += 40) await page.mouse.move(box.x + 40, y);
    await page.mouse.click(box.x + 40, box.y + 10);
    await articlesNav(page).hover();
    await expectNothingRan(page, dialogs);
  });

  let exported;
  await test.step('labelled JSON gives back exactly what went in, and again after another import', async () => {
    exported = (await exportEvery(page, 'newsmark')).json();
    const ours = (doc) => ({
      title: doc.title,
      text: doc.text,
      spans: doc.spans.map((s) => ({ label: s.label, start: s.start, end: s.end, text: s.text, attributes: s.attributes })),
      relations: (doc.relations || []).map((r) => ({ kind: r.kind, from: r.from, to: r.to })),
    });
    const docs = exported.documents.filter((d) => d.title !== SAMPLE);
    expect(docs.map(ours)).toEqual(source.documents.map(ours));
    const labels = exported.labels.filter((l) => NAMES.includes(l.name));
    expect(labels.map((l) => [l.name, l.description])).toEqual(source.labels.map((l) => [l.name, l.description]));

    // Into a fresh profile, and out again: the same file.
    const { context, guard } = await guardNewContext(browser, baseURL);
    const second = await context.newPage();
    const secondDialogs = watchDialogs(second);
    await openApp(second);
    await importFiles(second, [file('again.json', JSON.stringify(exported), 'application/json')]);
    await expectSaved(second, 30_000);
    const again = (await exportEvery(second, 'newsmark')).json();
    const body = (d) => d.documents.filter((x) => x.title !== SAMPLE).map(ours);
    expect(body(again)).toEqual(body(exported));
    await expectNothingRan(second, secondDialogs);
    await context.close();
    guard.check();
  });
  await expectNothingRan(page, dialogs);
});

test('every other format brings the corpus back in, shown literally, and nothing runs', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const dialogs = watchDialogs(page);
  await openApp(page);
  await importFiles(page, [file('hostile.json', JSON.stringify(workspaceFile()), 'application/json')]);
  await expectSaved(page, 30_000);
  const files = {};
  for (const format of ['brat', 'doccano', 'labelstudio', 'w3c', 'spacy']) {
    const d = await exportEvery(page, format);
    // Label Studio's zip holds the tasks and a configuration to paste into a project.
    files[format] = format === 'labelstudio' ? file('tasks.json', unzip(d.buffer)['labelstudio/tasks.json']) : file(d.name, d.buffer, d.name.endsWith('.zip') ? 'application/zip' : 'application/json');
  }
  await expectNothingRan(page, dialogs);

  for (const [format, f] of Object.entries(files)) {
    await test.step(format, async () => {
      const { context, guard } = await guardNewContext(browser, baseURL);
      const fresh = await context.newPage();
      const freshDialogs = watchDialogs(fresh);
      await openApp(fresh);
      await importFiles(fresh, [f]);
      await expectSaved(fresh, 30_000);
      // brat names its files after the titles, keeping letters, digits, - _ and . only.
      const title = format === 'brat' ? 'Every_payload' : ALL;
      if (format !== 'brat') {
        // The fresh profile's sample, then the export: the sample too, and the corpus.
        await expect(articlesNav(fresh).locator('.title')).toHaveText([SAMPLE, SAMPLE, ...payloads.map((p) => shown(p.text)), ALL].map((t) => t.replace(/\s+/g, ' ').trim()), { timeout: 30_000 });
      }
      const article = await openArticle(fresh, title);
      expect(await article.evaluate((el) => el.textContent), `${format}: the text`).toBe(ALL_TEXT);
      await expect(spanList(fresh).getByRole('listitem')).toHaveCount(payloads.length);
      await expectNothingRan(fresh, freshDialogs);
      await context.close();
      guard.check();
    });
  }
});

test('a colour that is not #rrggbb is refused by an import and by the label editor, and changes nothing', async ({ page }) => {
  await openApp(page);
  const labels = page.getByRole('dialog', { name: 'Labels' });
  const claimColour = () => page.evaluate(() => {
    const el = document.createElement('span');
    el.className = 'label-claim';
    document.body.append(el);
    const c = getComputedStyle(el).getPropertyValue('--label');
    el.remove();
    return c;
  });
  const before = await claimColour();

  for (const colour of ['red;background:url(//x.invalid/c)', '</style><script>window.__pwned=1</script>', '#12345']) {
    const doc = { format: 'newsmark-labelled-json', version: 1, exported_at: '2026-01-01T00:00:00Z', labels: [{ name: 'Person', colour }], documents: [{ title: 't', text: 'x', spans: [] }] };
    await chooseFiles(page, 'Import', [file('colour.json', JSON.stringify(doc), 'application/json')]);
    await expect(page.getByRole('alert')).toContainText(`field colour: “${colour}” is not a colour written as #rrggbb`);
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
  }

  await button(page, 'Labels').click();
  const code = labels.getByRole('textbox', { name: 'Colour code of Claim', exact: true });
  await expect(code).toHaveValue(before.trim());
  for (const typed of ['red;background:url(//x.invalid/c)', 'red', '#12345', '123456', '</style>']) {
    await code.fill(typed);
    await code.press('Tab');
    await expect(labels.getByRole('alert')).toHaveText(`“${typed}” is not a colour; write it as #rrggbb.`);
    // Not applied: the picker, the stylesheet and Undo are as before.
    await expect(labels.getByLabel('Colour of Claim', { exact: true })).toHaveValue(before.trim());
    expect(await claimColour()).toBe(before);
    await expect(button(page, 'Undo')).toBeDisabled();
  }
  // A colour code that is one is applied, from the same field, in either case.
  await code.fill('#1A2B3C');
  await code.press('Tab');
  await expect(labels.getByLabel('Colour of Claim', { exact: true })).toHaveValue('#1a2b3c');
  await expect.poll(async () => (await claimColour()).trim()).toBe('#1a2b3c');
  await expect(labels.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expectSaved(page);
});

test('a lone surrogate is refused in a file, saying where, and becomes U+FFFD when typed', async ({ page }) => {
  await openApp(page);
  for (const escaped of loneSurrogates) {
    const text = `{"format": "newsmark-labelled-json", "version": 1, "exported_at": "2026-01-01T00:00:00Z",\n"documents": [{"title": ${escaped}, "text": "x", "spans": []}]}`;
    await chooseFiles(page, 'Import', [file('surrogate.json', text, 'application/json')]);
    await expect(page.getByRole('alert')).toContainText(/“surrogate\.json” was not imported, and nothing was changed: .*not valid JSON.*line 2/);
    await expect(articlesNav(page).getByRole('heading')).toHaveText('Articles (1)');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
  }
  // A string in the page may hold a lone surrogate; the app's text cannot, and gets U+FFFD.
  await button(page, 'New article').click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Half a character');
  // Set in the page itself, so that no protocol on the way can replace the half character first.
  await dialog.getByRole('textbox', { name: 'Article text', exact: true }).evaluate((el) => {
    el.value = `lead ${String.fromCharCode(0xd800)} alone`;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(await dialog.getByRole('textbox', { name: 'Article text', exact: true }).evaluate((el) => el.value.charCodeAt(5))).toBe(0xd800);
  await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
  const article = articleView(page, 'Half a character');
  await expect(article).toBeVisible();
  expect(await article.evaluate((el) => el.textContent)).toBe('lead \ufffd alone');
  await expectSaved(page);
});
