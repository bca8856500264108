// Everything by keyboard: Tab to the article, select with Shift+Arrow and Ctrl+Shift+Arrow, tag
// with a digit, step through spans with j/k, delete with Delete and Backspace, move span edges
// with [ ] { } (Alt: by word), and the "?" help dialog that Escape closes.
'use strict';

const {
  test,
  expect,
  cpRange,
  articleView,
  spanEditor,
  openApp,
  chooseFiles,
  file,
  expectList,
  expectPainted,
  highlightTexts,
  listEntry,
  clickChar,
  cpIndexOf,
  openTextFile,
} = require('./support');

const TITLE = 'Keyboard test';
const TEXT = 'Alpha beta gamma delta.\nSecond line with “quoted words” here.\nThird line ends here.';

const editorText = (page) => spanEditor(page).locator('blockquote');
const editorOffsets = (page) => spanEditor(page).locator('.offsets');

/** Presses Tab until the article has focus, as a keyboard user would; fails after 40 presses. */
async function tabToArticle(page, article) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await article.evaluate((el) => document.activeElement === el)) return i + 1;
  }
  throw new Error('Tab never reached the article');
}

const open = (page) => openTextFile(page, TITLE, TEXT);

/** Adds spans by keyboard: a caret click before `phrase`, then Shift+ArrowRight over it, then `key`. */
async function tagByKeyboard(page, article, phrase, key) {
  const [start, end] = cpRange(TEXT, phrase);
  // A click just inside a character's left edge puts the caret before it.
  await clickChar(page, article, start, { before: true });
  await expect.poll(() => page.evaluate(() => getSelection().isCollapsed)).toBe(true);
  for (let i = start; i < end; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual([phrase]);
  await page.keyboard.press(key);
  await expect(editorText(page)).toHaveText(phrase);
}

/** Opens the article with snapping off, tabs into it and selects its first `n` characters by keyboard. */
async function selectFromStart(page, n, expected) {
  const article = await open(page);
  await page.getByRole('checkbox', { name: 'Snap to words' }).uncheck();
  await tabToArticle(page, article);
  for (let i = 0; i < n; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual([expected]);
  return article;
}

test('Tab reaches the article; Shift+Arrow and Ctrl+Shift+Arrow select; 1 tags', async ({ page }) => {
  // From the article's start: three characters, then two words more.
  const article = await selectFromStart(page, 3, 'Alp');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['Alpha beta']);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['Alpha bet']);
  await expect(article).toBeFocused();
  await page.keyboard.press('1');
  await expectList(page, [['Claim', 'Alpha bet']]);
  await expect(editorText(page)).toHaveText('Alpha bet');
  await expectPainted(page, { claim: ['Alpha bet'] });
});

test('a label key pressed in the article relabels the span and leaves the selection alone', async ({ page }) => {
  const article = await selectFromStart(page, 5, 'Alpha');
  await page.keyboard.press('1');
  await expectList(page, [['Claim', 'Alpha']]);
  const ranges = () => page.evaluate(() => getSelection().rangeCount);
  await expect.poll(ranges).toBe(0);
  await expect(article).toBeFocused();
  // Only caret keys move the selection: "2" must not put a caret back at the article's start.
  await page.keyboard.press('2');
  await expectList(page, [['Demand', 'Alpha']]);
  await expectPainted(page, { demand: ['Alpha'] });
  expect(await ranges()).toBe(0);
});

test('with snapping on, a keyboard selection snaps to words too', async ({ page }) => {
  const article = await open(page);
  await tabToArticle(page, article);
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['Alpha beta']);
  await page.keyboard.press('2');
  await expectList(page, [['Demand', 'Alpha beta']]);
});

test('j and k step through the spans; the list marks the current one', async ({ page }) => {
  const article = await open(page);
  await tagByKeyboard(page, article, 'gamma', '1');
  await tagByKeyboard(page, article, 'quoted words', '3');
  await tagByKeyboard(page, article, 'Third line', '4');
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);
  const entries = [listEntry(page, 'claim', 'gamma'), listEntry(page, 'quote', 'quoted words'), listEntry(page, 'opinion', 'Third line')];
  const expectCurrent = async (i) => {
    for (const [j, entry] of entries.entries()) {
      if (j === i) await expect(entry).toHaveAttribute('aria-current', 'true');
      else await expect(entry).not.toHaveAttribute('aria-current', /.*/);
    }
  };
  await page.keyboard.press('j');
  await expectCurrent(0);
  await expect(editorText(page)).toHaveText('gamma');
  await page.keyboard.press('j');
  await expectCurrent(1);
  await page.keyboard.press('j');
  await expectCurrent(2);
  await expect(editorText(page)).toHaveText('Third line');
  await page.keyboard.press('j'); // stays on the last
  await expectCurrent(2);
  await page.keyboard.press('k');
  await expectCurrent(1);
  await expect(editorText(page)).toHaveText('quoted words');
  expect(await highlightTexts(page, 'nm-selected')).toEqual(['quoted words']);
  await page.keyboard.press('k');
  await expectCurrent(0);
});

test('Delete and Backspace remove the selected span', async ({ page }) => {
  const article = await open(page);
  await tagByKeyboard(page, article, 'gamma', '1');
  await tagByKeyboard(page, article, 'Third line', '2');
  await expectList(page, [['Claim', 'gamma'], ['Demand', 'Third line']]);
  await page.keyboard.press('Escape');
  // Nothing selected: Delete does nothing.
  await page.keyboard.press('Delete');
  await expectList(page, [['Claim', 'gamma'], ['Demand', 'Third line']]);
  await page.keyboard.press('j');
  await expect(editorText(page)).toHaveText('gamma');
  await page.keyboard.press('Delete');
  await expectList(page, [['Demand', 'Third line']]);
  await expectPainted(page, { demand: ['Third line'] });
  await page.keyboard.press('j');
  await expect(editorText(page)).toHaveText('Third line');
  await page.keyboard.press('Backspace');
  await expectList(page, []);
  await expectPainted(page, {});
  // Both come back with undo.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expectList(page, [['Claim', 'gamma'], ['Demand', 'Third line']]);
});

test('[ ] { } move the selected span\'s edges, Alt by word, skipping whitespace', async ({ page }) => {
  const article = await open(page);
  await tagByKeyboard(page, article, 'gamma delta', '1');
  const at = (phrase) => {
    const [a, b] = cpRange(TEXT, phrase);
    return `Characters ${a}–${b}`;
  };
  await expect(editorOffsets(page)).toContainText(at('gamma delta'));
  await page.keyboard.press(']');
  await expect(editorText(page)).toHaveText('amma delta');
  await page.keyboard.press('[');
  await expect(editorText(page)).toHaveText('gamma delta');
  // Left over the space: the start lands on the last letter of "beta", not on the space.
  await page.keyboard.press('[');
  await expect(editorText(page)).toHaveText('a gamma delta');
  await page.keyboard.press('}');
  await expect(editorText(page)).toHaveText('a gamma delta.');
  await page.keyboard.press('{');
  await page.keyboard.press('{');
  await expect(editorText(page)).toHaveText('a gamma delt');
  await expect(editorOffsets(page)).toContainText(at('a gamma delt'));
  // By word.
  await page.keyboard.press('Alt+[');
  await expect(editorText(page)).toHaveText('beta gamma delt');
  await page.keyboard.press('Alt+}');
  await expect(editorText(page)).toHaveText('beta gamma delta');
  await expectList(page, [['Claim', 'beta gamma delta']]);
  await expectPainted(page, { claim: ['beta gamma delta'] });
  // The edge buttons in the editor do the same.
  await spanEditor(page).getByRole('button', { name: 'Move start right', exact: true }).click();
  await expect(editorText(page)).toHaveText('eta gamma delta');
  // One undo step per move.
  await page.locator('.article-title').click();
  await page.keyboard.press('Control+z');
  await expect(editorText(page)).toHaveText('beta gamma delta');
});

test('? opens the keyboard shortcuts dialog; Escape closes it', async ({ page }) => {
  await open(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.getByRole('row');
  // 4 label keys (from the label set), 10 for spans, relations and the rest, 4 for suggestions
  // (suggestions.spec.js checks those).
  await expect(rows).toHaveCount(18);
  for (const [keys, what] of [
    ['1', 'Tag the selection as Claim, or relabel the selected span'],
    ['3', 'Tag the selection as Quote, or relabel the selected span'],
    ['j / k', 'Select the next / previous span'],
    ['Delete or Backspace', 'Delete the selected span'],
    ['[ / ]', "Move the selected span's start left / right (Alt: by word)"],
    ['{ / }', "Move the selected span's end left / right (Alt: by word)"],
    ['Ctrl+Z (Cmd+Z)', 'Undo'],
    ['l', 'Draw a relation from the selected span: click the span it points to, or choose it with j / k and press Enter'],
    ['Escape', 'Close a dialog, cancel drawing a relation, or deselect the span or suggestion'],
    ['?', 'Show this list'],
  ]) {
    await expect(help.getByRole('row', { name: `${keys} ${what}`, exact: true })).toHaveCount(1);
  }
  // Keys do not act behind the dialog.
  await page.keyboard.press('j');
  await expect(spanEditor(page)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // The Help button opens the same dialog; its Close button closes it.
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(help).toBeHidden();
});

test('Escape deselects the selected span', async ({ page }) => {
  const article = await open(page);
  await tagByKeyboard(page, article, 'Second line', '3');
  await expect(spanEditor(page)).toBeVisible();
  expect(await highlightTexts(page, 'nm-selected')).toEqual(['Second line']);
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);
  await expect.poll(() => highlightTexts(page, 'nm-selected')).toEqual([]);
  // Clicking plain text (no span there) also deselects; clicking the span selects it again.
  await clickChar(page, article, cpIndexOf(TEXT, 'Second line') + 8);
  await expect(editorText(page)).toHaveText('Second line');
  await clickChar(page, article, cpIndexOf(TEXT, 'Third') + 1);
  await expect(spanEditor(page)).toHaveCount(0);
});

test('the help marks the shortcuts that would do nothing now', async ({ page }) => {
  const article = await open(page);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = (keys) => help.getByRole('row').filter({ has: page.locator('kbd', { hasText: new RegExp(`^${keys}$`) }) });
  const unavailable = (keys) => row(keys).evaluate((tr) => tr.classList.contains('unavailable'));

  // Nothing selected: deleting and tagging do nothing, stepping and the help itself do.
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  expect(await unavailable('Delete or Backspace')).toBe(true);
  expect(await unavailable('1')).toBe(true);
  expect(await unavailable('j / k')).toBe(false);
  expect(await unavailable('\\?')).toBe(false);
  await page.keyboard.press('Escape');

  // With a span selected, they do.
  await tagByKeyboard(page, article, 'Second line', '3');
  await expect(spanEditor(page)).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  expect(await unavailable('Delete or Backspace')).toBe(false);
  expect(await unavailable('1')).toBe(false);
});
