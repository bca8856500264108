// The core loop, end to end, as a person does it: a fresh profile, an article pasted in, spans
// drawn with the mouse and tagged by button and by hotkey, relabelled, undone and redone, saved,
// found again after a reload, exported, checked against the schema and the offsets, and imported
// into a second, empty profile that exports the very same document.
'use strict';

const {
  test,
  expect,
  spanCheck,
  cps,
  articleView,
  articleButton,
  spanList,
  spanEditor,
  labelButton,
  button,
  expectSaved,
  openApp,
  expectList,
  listEntry,
  highlightSizes,
  expectPainted,
  clickChar,
  cpIndexOf,
  selectPhrase,
  deleteSample,
  chooseFiles,
  file,
  exportOpen,
  schemaErrors,
  comparable,
  guardNewContext,
} = require('./support');

// Curly quotes, an astral emoji (one code point, two UTF-16 units), a ZWJ family (five code
// points, one glyph), Windows line ends and a blank paragraph: every offset unit differs.
const LINES = [
  'Ferry “fares” protest 😀 grows',
  'The union says 👩‍👩‍👧 families pay “too much” for tickets.',
  '',
  'Mayor Ines Carvalho said: “We will listen to them.” Critics 😀 demand an audit.',
];
const PASTED = LINES.map((l) => `${l}\r\n`).join('');
const TITLE = LINES[0];
const CLAIM = '👩‍👩‍👧 families pay “too much” for tickets.';
const QUOTE = '“We will listen to them.”';

test('paste, tag, relabel, undo/redo, reload, export, import into a new profile', async ({ page, context, baseURL, browser }) => {
  const origin = new URL(baseURL).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await openApp(page);
  await deleteSample(page);
  const article = articleView(page, TITLE);

  await test.step('paste an article into the empty workspace', async () => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
    // A real paste: Ctrl+V with nothing focused; Chromium fires `paste` on the page with the
    // clipboard's text/plain (Windows line ends included).
    await page.locator('main').click();
    await page.keyboard.press('Control+V');
    await expect(article).toBeVisible();
    await expect(articleButton(page, TITLE)).toHaveAttribute('aria-current', 'true');
    // The DOM holds the text exactly, CRLF included ...
    expect(await article.evaluate((el) => el.textContent)).toBe(PASTED);
    // ... and shows it as paragraphs, each on lines of its own.
    const shown = await article.evaluate((el) => el.innerText);
    expect(shown.split('\n').filter((l) => l.trim())).toEqual(LINES.filter((l) => l));
    const tops = await article.evaluate((el) => [...el.children].map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.length).toBe(LINES.length);
    for (let i = 1; i < tops.length; i++) expect(tops[i], `paragraph ${i} starts below paragraph ${i - 1}`).toBeGreaterThan(tops[i - 1]);
    await expectList(page, []);
    await expectSaved(page);
  });

  await test.step('drag over a phrase and tag it with the Claim button', async () => {
    const { text } = await selectPhrase(page, article, PASTED, CLAIM);
    expect(text).toBe(CLAIM);
    await expect(labelButton(page, 'claim')).toBeEnabled();
    await labelButton(page, 'claim').click();
    await expectList(page, [['Claim', CLAIM]]);
    await expectPainted(page, { claim: [CLAIM] });
    expect((await highlightSizes(page))['nm-claim-0']).toBe(1);
    // The new span is selected and shown in the editor.
    await expect(spanEditor(page).locator('blockquote')).toHaveText(CLAIM);
    await expect(listEntry(page, 'claim', CLAIM)).toHaveAttribute('aria-current', 'true');
  });

  await test.step('drag over another phrase and tag it with the hotkey 3 (Quote)', async () => {
    const { text } = await selectPhrase(page, article, PASTED, QUOTE);
    expect(text).toBe(QUOTE);
    await page.keyboard.press('3');
    await expectList(page, [['Claim', CLAIM], ['Quote', QUOTE]]);
    await expectPainted(page, { claim: [CLAIM], quote: [QUOTE] });
    const sizes = await highlightSizes(page);
    expect(sizes['nm-claim-0']).toBe(1);
    expect(sizes['nm-quote-0']).toBe(1);
    expect(sizes['nm-selected']).toBe(1);
  });

  await test.step('relabel: click the quote and press 4; pick the claim in the list and use the Label select', async () => {
    await clickChar(page, article, cpIndexOf(PASTED, 'listen') + 2);
    await expect(spanEditor(page).locator('blockquote')).toHaveText(QUOTE);
    await expect(listEntry(page, 'quote', QUOTE)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('4');
    await expectList(page, [['Claim', CLAIM], ['Opinion', QUOTE]]);
    await expectPainted(page, { claim: [CLAIM], opinion: [QUOTE] });

    await listEntry(page, 'claim', CLAIM).click();
    await expect(spanEditor(page).locator('blockquote')).toHaveText(CLAIM);
    await spanEditor(page).getByRole('combobox', { name: 'Label' }).selectOption('demand');
    await expectList(page, [['Demand', CLAIM], ['Opinion', QUOTE]]);
    await expectPainted(page, { demand: [CLAIM], opinion: [QUOTE] });
    expect((await highlightSizes(page))['nm-claim-0']).toBe(0);
    await expectSaved(page);
  });

  await test.step('undo with Ctrl+Z and the Undo button, redo with Ctrl+Shift+Z and Ctrl+Y', async () => {
    // Keys typed into a form field belong to the field: move focus out of the Label select first.
    await page.locator('.article-title').click();
    const states = {
      all: [[['Demand', CLAIM], ['Opinion', QUOTE]], { demand: [CLAIM], opinion: [QUOTE] }],
      claimBack: [[['Claim', CLAIM], ['Opinion', QUOTE]], { claim: [CLAIM], opinion: [QUOTE] }],
      quoteBack: [[['Claim', CLAIM], ['Quote', QUOTE]], { claim: [CLAIM], quote: [QUOTE] }],
      oneSpan: [[['Claim', CLAIM]], { claim: [CLAIM] }],
    };
    const expectState = async ([list, painted]) => {
      await expectList(page, list);
      await expectPainted(page, painted);
    };
    await page.keyboard.press('Control+z');
    await expectState(states.claimBack);
    await button(page, 'Undo').click();
    await expectState(states.quoteBack);
    await button(page, 'Undo').click();
    await expectState(states.oneSpan);
    await page.keyboard.press('Control+Shift+Z');
    await expectState(states.quoteBack);
    await page.keyboard.press('Control+y');
    await expectState(states.claimBack);
    await button(page, 'Redo').click();
    await expectState(states.all);
    await expect(button(page, 'Redo')).toBeDisabled();
    await expectSaved(page);
  });

  const before = await spanList(page).getByRole('listitem').allInnerTexts();

  await test.step('reload: the same article is open with the same spans', async () => {
    await page.reload();
    await expect(article).toBeVisible();
    await expectSaved(page);
    await expect(articleButton(page, TITLE)).toHaveAttribute('aria-current', 'true');
    expect(await article.evaluate((el) => el.textContent)).toBe(PASTED);
    await expect(spanList(page).getByRole('listitem')).toHaveText(before);
    await expectPainted(page, { demand: [CLAIM], opinion: [QUOTE] });
  });

  let first;
  await test.step('export JSON: offsets in all three units, valid against the schema', async () => {
    first = await exportOpen(page);
    expect(first.name).toMatch(/\.json$/);
    const doc = first.doc;
    expect(doc.format).toBe('newsmark-labelled-json');
    expect(doc.version).toBe(1);
    expect(doc.documents).toHaveLength(1);
    const [d] = doc.documents;
    expect(d.title).toBe(TITLE);
    expect(d.text).toBe(PASTED);
    expect(d.spans.map((s) => [s.label, s.text])).toEqual([['demand', CLAIM], ['opinion', QUOTE]]);
    for (const s of d.spans) {
      expect([...d.text].slice(s.start, s.end).join('')).toBe(s.text);
      expect(d.text.slice(s.utf16.start, s.utf16.end)).toBe(s.text);
      expect(Buffer.from(d.text, 'utf8').subarray(s.utf8.start, s.utf8.end).toString('utf8')).toBe(s.text);
    }
    // The claim starts after an emoji and a CRLF: code points, UTF-16 units and bytes all differ.
    const claim = d.spans[0];
    expect(claim.start).toBe(cps(PASTED.slice(0, PASTED.indexOf(CLAIM))).length);
    expect(claim.utf16.start).toBe(PASTED.indexOf(CLAIM));
    expect(new Set([claim.start, claim.utf16.start, claim.utf8.start]).size).toBe(3);
    expect(spanCheck(doc)).toBe(2);
    expect(schemaErrors(doc)).toEqual([]);
  });

  await test.step('import the file into a new profile and export the same document', async () => {
    const { context: fresh, guard } = await guardNewContext(browser, baseURL);
    try {
      const other = await fresh.newPage();
      await openApp(other);
      // A new profile: only the sample article.
      await expect(articleButton(other, TITLE)).toHaveCount(0);
      await chooseFiles(other, 'Import', [file('export.json', first.buffer, 'application/json')]);
      await expect(articleView(other, TITLE)).toBeVisible();
      await expect(other.getByRole('status').filter({ hasText: 'Imported 1 article with 2 spans from “export.json”.' })).toBeVisible();
      await expectList(other, [['Demand', CLAIM], ['Opinion', QUOTE]]);
      await expectSaved(other);
      const second = await exportOpen(other);
      expect(comparable(second.doc)).toEqual(comparable(first.doc));
      expect(schemaErrors(second.doc)).toEqual([]);
    } finally {
      await fresh.close();
    }
    guard.check();
  });
});
