// Selecting text with the mouse: a double-click takes a word, a triple-click a paragraph (without
// its line break), a drag snaps to whole words when "Snap to words" is on and not when it is off,
// and a span never keeps whitespace at either end.
'use strict';

const {
  test,
  expect,
  selectText,
  cpIndexOf,
  cpRange,
  spanEditor,
  labelButton,
  button,
  openApp,
  chooseFiles,
  file,
  expectList,
  expectPainted,
  highlightTexts,
  clickChar,
  exportOpen,
} = require('./support');

const TITLE = 'Selection test';
const PARAS = [
  'Harbour workers marched on Thursday, demanding fairer ferry fares.',
  'The council listened carefully and    then voted to delay the rise.',
  'Critics called the delay a stay of execution for commuters.',
];
// A Windows line end after the first paragraph and a Unix one after the second.
const TEXT = `${PARAS[0]}\r\n${PARAS[1]}\n${PARAS[2]}`;

/** The span the editor shows (the newly tagged span is selected). */
const editorText = (page) => spanEditor(page).locator('blockquote');

test.beforeEach(async ({ page }) => {
  await openApp(page);
  // Through a file, which keeps the text byte for byte (a form's textarea would turn CRLF into LF).
  await chooseFiles(page, 'Open file', [file(`${TITLE}.txt`, TEXT)]);
  await expect(page.getByRole('article', { name: TITLE, exact: true })).toBeVisible();
  expect(await page.getByRole('article', { name: TITLE, exact: true }).evaluate((el) => el.textContent)).toBe(TEXT);
});

test('double-clicking a word and tagging makes a span of exactly that word', async ({ page }) => {
  const article = page.getByRole('article', { name: TITLE, exact: true });
  await clickChar(page, article, cpIndexOf(TEXT, 'marched') + 3, { clickCount: 2 });
  await expect.poll(() => page.evaluate(() => String(getSelection()).trim())).toBe('marched');
  // The app shows the pending selection as it will be tagged.
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['marched']);
  await labelButton(page, 'claim').click();
  await expect(editorText(page)).toHaveText('marched');
  await expectList(page, [['Claim', 'marched']]);
  await expectPainted(page, { claim: ['marched'] });
  const { doc } = await exportOpen(page);
  const [s] = doc.documents[0].spans;
  expect([s.start, s.end]).toEqual(cpRange(TEXT, 'marched'));
});

test('triple-clicking a paragraph and tagging makes a span of the paragraph without its line break', async ({ page }) => {
  const article = page.getByRole('article', { name: TITLE, exact: true });
  for (const [i, para] of PARAS.entries()) {
    await clickChar(page, article, cpIndexOf(TEXT, para) + 10, { clickCount: 3 });
    await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual([para]);
    await page.keyboard.press(String((i % 4) + 1));
    await expect(editorText(page)).toHaveText(para);
  }
  await expectList(page, [['Claim', PARAS[0]], ['Demand', PARAS[1]], ['Quote', PARAS[2]]]);
  const { doc } = await exportOpen(page);
  expect(doc.documents[0].spans.map((s) => [s.start, s.end])).toEqual(PARAS.map((p) => cpRange(TEXT, p)));
  for (const s of doc.documents[0].spans) expect(s.text).not.toMatch(/[\r\n]/);
});

test('a drag starting and ending mid-word snaps to whole words when "Snap to words" is on', async ({ page }) => {
  const article = page.getByRole('article', { name: TITLE, exact: true });
  const snap = page.getByRole('checkbox', { name: 'Snap to words' });
  await expect(snap).toBeChecked();
  // From inside "listened" to inside "carefully".
  const start = cpIndexOf(TEXT, 'listened') + 3;
  const end = cpIndexOf(TEXT, 'carefully') + 4;
  const { text } = await selectText(page, article, start, end);
  expect(text).toBe('tened care');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['listened carefully']);
  await labelButton(page, 'demand').click();
  await expect(editorText(page)).toHaveText('listened carefully');
  await expectList(page, [['Demand', 'listened carefully']]);
});

test('with "Snap to words" off, a drag keeps exactly the characters dragged over', async ({ page }) => {
  const article = page.getByRole('article', { name: TITLE, exact: true });
  const snap = page.getByRole('checkbox', { name: 'Snap to words' });
  await snap.uncheck();
  await expect(snap).not.toBeChecked();
  const start = cpIndexOf(TEXT, 'listened') + 3;
  const end = cpIndexOf(TEXT, 'carefully') + 4;
  const { text } = await selectText(page, article, start, end);
  expect(text).toBe('tened care');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['tened care']);
  await labelButton(page, 'demand').click();
  await expect(editorText(page)).toHaveText('tened care');
  await expectList(page, [['Demand', 'tened care']]);
  // The setting is saved with the workspace.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Snap to words' })).not.toBeChecked();
});

for (const snapOn of [true, false]) {
  test(`a selection never keeps leading or trailing whitespace (snap ${snapOn ? 'on' : 'off'})`, async ({ page }) => {
    const article = page.getByRole('article', { name: TITLE, exact: true });
    if (!snapOn) await page.getByRole('checkbox', { name: 'Snap to words' }).uncheck();
    // From the space before "voted" to the space after "delay"; then across a line break, from
    // the space after "delay the" ... to the start of the next paragraph.
    const [a, b] = cpRange(TEXT, ' voted to delay ');
    expect((await selectText(page, article, a, b)).text).toBe(' voted to delay ');
    await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual(['voted to delay']);
    await labelButton(page, 'opinion').click();
    await expect(editorText(page)).toHaveText('voted to delay');

    const from = cpIndexOf(TEXT, 'the rise.') + 4;
    const to = cpIndexOf(TEXT, PARAS[2]) + 1; // the line break and the first letter of the next paragraph
    await selectText(page, article, from, to);
    await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual([snapOn ? 'rise.\nCritics' : 'rise.\nC']);
    await page.keyboard.press('2');
    await expect(editorText(page)).toHaveText(snapOn ? 'rise.\nCritics' : 'rise.\nC');

    const { doc } = await exportOpen(page);
    for (const s of doc.documents[0].spans) {
      expect(s.text, `span ${s.id}`).toBe(s.text.trim());
    }
  });
}

test('a selection of nothing but whitespace gives nothing to tag', async ({ page }) => {
  const article = page.getByRole('article', { name: TITLE, exact: true });
  const [a, b] = cpRange(TEXT, '    ');
  expect((await selectText(page, article, a, b)).selection).toBe('    ');
  await expect.poll(() => highlightTexts(page, 'nm-pending')).toEqual([]);
  await expect(labelButton(page, 'claim')).toBeDisabled();
  await page.keyboard.press('1');
  // A real selection right after still works: the page did not get stuck.
  const [c, d] = cpRange(TEXT, 'then');
  await selectText(page, article, c, d);
  await expect(labelButton(page, 'claim')).toBeEnabled();
  await page.keyboard.press('1');
  await expectList(page, [['Claim', 'then']]);
});
