// Spans in the reader and the side panel: overlapping and nested spans are all painted, a click
// where spans overlap asks which one, a click on one span selects it, the label filters hide list
// entries and the counts follow, a list entry brings its span into view, and attributes (a
// quote's speaker, a note) are saved and exported.
'use strict';

const {
  test,
  expect,
  cpRange,
  cpIndexOf,
  articleView,
  spanList,
  spanEditor,
  labelButton,
  openApp,
  chooseFiles,
  file,
  expectSaved,
  expectList,
  expectPainted,
  highlightSizes,
  highlightTexts,
  listEntry,
  clickChar,
  selectPhrase,
  exportOpen,
  schemaErrors,
  spanCheck,
  openTextFile,
  tagPhrase,
} = require('./support');

const TITLE = 'Overlap test';
const TEXT = 'One two three four five six seven eight nine ten.\nEleven twelve thirteen.';

const open = (page) => openTextFile(page, TITLE, TEXT);

const tag = (page, article, phrase, label) => tagPhrase(page, article, TEXT, phrase, label);

/** The count shown next to a label's filter checkbox. */
const filterCount = (page, title) =>
  page.locator('label').filter({ has: page.getByRole('checkbox', { name: `Show ${title}`, exact: true }) }).locator('.count');

test('overlapping and nested spans are all painted', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, 'two three four', 'claim');
  await tag(page, article, 'four five six', 'quote'); // overlaps the claim on "four"
  await tag(page, article, 'three', 'claim'); // nested in the claim: a second level
  await tag(page, article, 'five', 'opinion'); // nested in the quote
  await expectList(page, [['Claim', 'two three four'], ['Claim', 'three'], ['Quote', 'four five six'], ['Opinion', 'five']]);
  await expectPainted(page, { claim: ['two three four', 'three'], quote: ['four five six'], opinion: ['five'] });
  const sizes = await highlightSizes(page);
  // The nested claim is painted at the second level, so both claims stay visible.
  expect(sizes['nm-claim-0']).toBe(1);
  expect(sizes['nm-claim-1']).toBe(1);
  expect(await highlightTexts(page, 'nm-claim-1')).toEqual(['three']);
  expect(sizes['nm-quote-0']).toBe(1);
  expect(sizes['nm-opinion-0']).toBe(1);
  // The highlights are styled (the stylesheet has rules for them).
  const styled = await page.evaluate(() =>
    // The label colours are a stylesheet the document adopts (the CSP allows no <style> element).
    [...document.styleSheets, ...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.selectorText).filter((t) => t && t.includes('::highlight(')),
  );
  for (const name of ['nm-claim-0', 'nm-claim-1', 'nm-quote-0', 'nm-opinion-0', 'nm-selected']) {
    expect(styled.join(' '), name).toContain(`::highlight(${name})`);
  }
});

test('clicking where spans overlap asks which span; clicking one span selects it', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, 'two three four', 'claim');
  await tag(page, article, 'four five six', 'quote');
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);

  // One span under the click: selected at once.
  await clickChar(page, article, cpIndexOf(TEXT, 'two') + 1);
  await expect(spanEditor(page).locator('blockquote')).toHaveText('two three four');
  await expect(listEntry(page, 'claim', 'two three four')).toHaveAttribute('aria-current', 'true');
  expect(await highlightTexts(page, 'nm-selected')).toEqual(['two three four']);

  // Two spans under the click: a dialog offers both.
  await clickChar(page, article, cpIndexOf(TEXT, 'four') + 2);
  const choose = page.getByRole('dialog', { name: 'Which span?' });
  await expect(choose).toBeVisible();
  await expect(choose.getByRole('button', { name: 'Claim: two three four', exact: true })).toBeVisible();
  await expect(choose.getByRole('button', { name: 'Quote: four five six', exact: true })).toBeVisible();
  await choose.getByRole('button', { name: 'Quote: four five six', exact: true }).click();
  await expect(choose).toBeHidden();
  await expect(spanEditor(page).locator('blockquote')).toHaveText('four five six');
  await expect(listEntry(page, 'quote', 'four five six')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => highlightTexts(page, 'nm-selected')).toEqual(['four five six']);

  // Cancel keeps the selection as it was; so does Escape.
  await clickChar(page, article, cpIndexOf(TEXT, 'four') + 1);
  await expect(choose).toBeVisible();
  await choose.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(choose).toBeHidden();
  await expect(spanEditor(page).locator('blockquote')).toHaveText('four five six');
  await clickChar(page, article, cpIndexOf(TEXT, 'four') + 1);
  await expect(choose).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(choose).toBeHidden();
  await expect(spanEditor(page).locator('blockquote')).toHaveText('four five six');
});

test('the label filters hide list entries; the counts per label stay', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, 'One two', 'claim');
  await tag(page, article, 'four', 'claim');
  await tag(page, article, 'six seven', 'quote');
  await tag(page, article, 'Eleven', 'demand');
  await expect(filterCount(page, 'Claim')).toHaveText('2');
  await expect(filterCount(page, 'Demand')).toHaveText('1');
  await expect(filterCount(page, 'Quote')).toHaveText('1');
  await expect(filterCount(page, 'Opinion')).toHaveText('0');
  await expect(page.getByRole('complementary', { name: 'Spans' }).getByRole('heading', { name: 'Spans (4)' })).toBeVisible();

  const showClaim = page.getByRole('checkbox', { name: 'Show Claim', exact: true });
  await showClaim.uncheck();
  await expectList(page, [['Quote', 'six seven'], ['Demand', 'Eleven']]);
  await page.getByRole('checkbox', { name: 'Show Quote', exact: true }).uncheck();
  await expectList(page, [['Demand', 'Eleven']]);
  // Counts are of all spans, shown or not.
  await expect(filterCount(page, 'Claim')).toHaveText('2');
  await expect(filterCount(page, 'Quote')).toHaveText('1');
  // Hidden from the list only: the text still shows every span.
  await expectPainted(page, { claim: ['One two', 'four'], quote: ['six seven'], demand: ['Eleven'] });
  await showClaim.check();
  await expectList(page, [['Claim', 'One two'], ['Claim', 'four'], ['Demand', 'Eleven']]);
  // j steps over spans the filter hides. (Focus leaves the checkbox first; see the next test.)
  await page.locator('.article-title').click();
  await page.keyboard.press('Escape');
  for (const expected of ['One two', 'four', 'Eleven']) {
    await page.keyboard.press('j');
    await expect(spanEditor(page).locator('blockquote')).toHaveText(expected);
  }
});

test('shortcuts still work right after a filter checkbox was clicked', async ({ page }) => {
  // Clicking a checkbox focuses it; a checkbox takes no typing, so the app's keys should work.
  const article = await open(page);
  await tag(page, article, 'One two', 'claim');
  await tag(page, article, 'Eleven', 'demand');
  await page.getByRole('checkbox', { name: 'Show Quote', exact: true }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'Show Quote', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(spanEditor(page).locator('blockquote')).toHaveText('One two');
  await page.keyboard.press('Control+z');
  await expectList(page, [['Claim', 'One two']]);
});

/** Labelled JSON of "Long article" with a claim near its start and a quote on `far`. */
function longArticle(text, far) {
  const span = (id, phrase, label) => {
    const [start, end] = cpRange(text, phrase);
    return { id, label, start, end, text: phrase };
  };
  return {
    format: 'newsmark-labelled-json',
    version: 1,
    exported_at: '2026-11-21T10:00:00.000Z',
    documents: [{ id: 'long', title: 'Long article', text, spans: [span('s1', 'Paragraph 2: the ferry', 'claim'), span('s2', far, 'quote')] }],
  };
}

test('a span\'s line lies under its text, and follows it when the window is resized', async ({ page }) => {
  // One long paragraph: a new width wraps it differently, so the span near its end moves
  // within the article, not only with it.
  const words = Array.from({ length: 80 }, (_, i) => `word${i + 1}`).join(' ');
  const text = `${words} and the fares will rise.`;
  const article = await openTextFile(page, 'Wrapping', text);
  await tagPhrase(page, article, text, 'fares will rise', 'claim');
  await expectPainted(page, { claim: ['fares will rise'] });
  // The line boxes and the text they underline, relative to the article.
  const boxes = () => page.evaluate(() => {
    const node = document.querySelector('[role=article] .block').firstChild;
    const at = node.data.indexOf('fares will rise');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'fares will rise'.length);
    const origin = document.querySelector('[role=article]').getBoundingClientRect();
    const rel = (r) => [r.left - origin.left, r.top - origin.top, r.width];
    const lines = [...document.querySelectorAll('.overlay .nm-line.nm-claim-0')].map((el) => rel(el.getBoundingClientRect()));
    return { text: rel(range.getBoundingClientRect()), lines };
  });
  const onText = ({ text, lines }) => lines.length === 1 && lines[0].every((v, i) => Math.abs(v - text[i]) < 1);
  await expect.poll(async () => onText(await boxes())).toBe(true);
  const before = (await boxes()).text;
  // Wider: the paragraph wraps later, so the span sits elsewhere in it; its line goes with it.
  await page.setViewportSize({ width: 1800, height: 900 });
  await expect.poll(async () => String((await boxes()).text)).not.toBe(String(before));
  await expect.poll(async () => onText(await boxes())).toBe(true);
});

test('clicking a list entry selects its span and scrolls it into view', async ({ page }) => {
  await openApp(page);
  // A long article, with spans near its start and its end.
  const paras = Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1}: the ferry council met again and talked about fares for a long while.`);
  const text = paras.join('\n');
  const far = 'Paragraph 140: the ferry council';
  const doc = longArticle(text, far);
  expect(schemaErrors(doc)).toEqual([]);
  await chooseFiles(page, 'Import', [file('long.json', JSON.stringify(doc), 'application/json')]);
  const article = articleView(page, 'Long article');
  await expect(article).toBeVisible();
  await expectList(page, [['Claim', 'Paragraph 2: the ferry'], ['Quote', far]]);

  const reader = page.locator('main.reader');
  // Where the far span's text is (only spans near the screen are painted, so not from its highlight).
  const spanRect = () =>
    page.evaluate((far) => {
      const node = [...document.querySelectorAll('[role=article] .block')].map((b) => b.firstChild).find((n) => n.data.startsWith(far));
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, far.length);
      const { top, bottom } = range.getBoundingClientRect();
      const pane = document.querySelector('main.reader').getBoundingClientRect();
      return { top, bottom, paneTop: pane.top, paneBottom: pane.bottom };
    }, far);
  const inView = (r) => r.top >= r.paneTop && r.bottom <= r.paneBottom;
  expect(inView(await spanRect()), 'the far span starts off-screen').toBe(false);
  const scrolled = await reader.evaluate((el) => el.scrollTop);

  await listEntry(page, 'quote', far).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(far);
  await expect(listEntry(page, 'quote', far)).toHaveAttribute('aria-current', 'true');
  await expect.poll(async () => inView(await spanRect())).toBe(true);
  expect(await reader.evaluate((el) => el.scrollTop)).toBeGreaterThan(scrolled);
  // Where it is now on screen, it is painted.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('nm-quote-0').size)).toBe(1);

  // And back to the first one, now off-screen above.
  await listEntry(page, 'claim', 'Paragraph 2: the ferry').click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText('Paragraph 2: the ferry');
  await expect.poll(() => reader.evaluate((el) => el.scrollTop)).toBeLessThan(200);
});

test('a long article shows its top at once and the rest by slices, and a span near its end opens from the list at once', async ({ page }) => {
  await openApp(page);
  // About 2 MB: its text comes into the page over many frames.
  const paras = Array.from({ length: 20000 }, (_, i) => `Paragraph ${i + 1}: the ferry council met again and talked about fares — “for a long while” 😀.`);
  const text = paras.join('\r\n');
  const far = 'Paragraph 19990: the ferry council';
  const doc = longArticle(text, far);
  // Every value the article's aria-busy takes, however briefly.
  await page.evaluate(() => {
    window.__busy = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.getAttribute('role') === 'article') window.__busy.push(r.target.getAttribute('aria-busy'));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  await chooseFiles(page, 'Import', [file('long.json', JSON.stringify(doc), 'application/json')]);
  const article = articleView(page, 'Long article');
  await expect(article).toBeVisible();
  await expectPainted(page, { claim: ['Paragraph 2: the ferry'] });

  // The far span is chosen at once, whether or not its part of the text has come in yet.
  await listEntry(page, 'quote', far).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(far);
  await expectPainted(page, { quote: [far] });
  await expect
    .poll(() => page.evaluate((far) => {
      const node = [...document.querySelectorAll('[role=article] .block')].map((b) => b.firstChild).find((n) => n.data.startsWith(far));
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, far.length);
      const r = range.getBoundingClientRect();
      const pane = document.querySelector('main.reader').getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    }, far))
    .toBe(true);

  // The article was marked busy while the rest came in, and ends whole, in order, and not busy.
  await expect(article).not.toHaveAttribute('aria-busy', { timeout: 30_000 });
  expect(await page.evaluate(() => window.__busy)).toContain('true');
  expect(await article.evaluate((el) => el.textContent.length)).toBe(text.length);
  expect(await article.evaluate((el, text) => el.textContent === text, text)).toBe(true);
  const indexes = await article.evaluate((el) => [...el.children].every((b, i) => b.dataset.b === String(i)));
  expect(indexes).toBe(true);
});

test('a quote\'s Speaker and a Note are saved, survive a reload, and are exported', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, 'four five six', 'quote');
  const editor = spanEditor(page);
  const speaker = editor.getByRole('textbox', { name: 'Speaker', exact: true });
  const note = editor.getByRole('textbox', { name: 'Note', exact: true });
  await expect(speaker).toHaveValue('');
  // Typed for real, one key at a time.
  await speaker.click();
  await page.keyboard.type('Mara Lindqvist');
  await note.click();
  await page.keyboard.type('Check the “exact” wording 😀');
  await expect(speaker).toHaveValue('Mara Lindqvist');
  await expect(note).toHaveValue('Check the “exact” wording 😀');
  // The list shows the attributes with the span.
  await expect(listEntry(page, 'quote', 'four five six')).toContainText('Speaker: Mara Lindqvist · Note: Check the “exact” wording 😀');
  // Typing into a field is one undo step, not one per key.
  await page.locator('.article-title').click();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await expect(speaker).toHaveValue('Mara Lindqvist');
  await page.keyboard.press('Control+Shift+Z');
  await expect(note).toHaveValue('Check the “exact” wording 😀');
  await expectSaved(page);

  await page.reload();
  await expect(article).toBeVisible();
  await listEntry(page, 'quote', 'four five six').click();
  await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toHaveValue('Mara Lindqvist');
  await expect(spanEditor(page).getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Check the “exact” wording 😀');

  // A claim has a Source, not a Speaker; relabelling keeps what was typed.
  await spanEditor(page).getByRole('combobox', { name: 'Label' }).selectOption('claim');
  await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toHaveCount(0);
  await expect(spanEditor(page).getByRole('textbox', { name: 'Source', exact: true })).toHaveValue('');
  await spanEditor(page).getByRole('combobox', { name: 'Label' }).selectOption('quote');
  await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toHaveValue('Mara Lindqvist');
  await expectSaved(page);

  const { doc } = await exportOpen(page);
  const [s] = doc.documents[0].spans;
  expect(s.label).toBe('quote');
  expect(s.attributes).toEqual({ speaker: 'Mara Lindqvist', note: 'Check the “exact” wording 😀' });
  expect(schemaErrors(doc)).toEqual([]);
  expect(spanCheck(doc)).toBe(1);
});
