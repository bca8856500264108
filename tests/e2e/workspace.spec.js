// The workspace: several articles in the "Articles" list, switching between them, renaming,
// deleting and bringing back with undo, the "New article" dialog, opening .txt and .md files,
// dropping a file on the window, and pasting when articles are already there.
'use strict';

const {
  test,
  expect,
  articleView,
  articlesNav,
  articleButton,
  spanList,
  button,
  openApp,
  addArticle,
  expectSaved,
  chooseFiles,
  file,
  dropFiles,
  SAMPLE,
} = require('./support');


const heading = (page) => articlesNav(page).getByRole('heading');
/** The titles in the article list, in order. */
const titles = (page) => articlesNav(page).getByRole('listitem').locator('.title');

test('several articles: the list shows them all and switching opens each', async ({ page }) => {
  await openApp(page);
  await expect(heading(page)).toHaveText('Articles (1)');
  await addArticle(page, 'Second article', 'Text of the second article.');
  await addArticle(page, 'Third article', 'Text of the third article.\nWith two lines.');
  await expect(heading(page)).toHaveText('Articles (3)');
  await expect(titles(page)).toHaveText([SAMPLE, 'Second article', 'Third article']);
  await expect(articleButton(page, 'Third article')).toHaveAttribute('aria-current', 'true');

  await articleButton(page, SAMPLE).click();
  await expect(articleView(page, SAMPLE)).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(articleButton(page, SAMPLE)).toHaveAttribute('aria-current', 'true');
  await expect(articleButton(page, 'Third article')).not.toHaveAttribute('aria-current', /.*/);
  await expect(spanList(page).getByRole('listitem')).toHaveCount(4);
  await expect(articleButton(page, SAMPLE)).toHaveAccessibleName(`${SAMPLE} 4 spans`);

  await articleButton(page, 'Second article').click();
  await expect(articleView(page, 'Second article')).toHaveText('Text of the second article.');
  await expect(spanList(page).getByRole('listitem')).toHaveCount(0);

  // The open article is remembered.
  await expectSaved(page);
  await page.reload();
  await expect(articleView(page, 'Second article')).toBeVisible();
  await expect(titles(page)).toHaveText([SAMPLE, 'Second article', 'Third article']);
});

test('switching away from a long article while its text is still coming in leaves the next article alone', async ({ page }) => {
  await openApp(page);
  // About 2 MB: its text takes many frames to come into the page.
  const long = Array.from({ length: 20000 }, (_, i) => `Line ${i + 1} of a long report on ferry fares 😀.`).join('\n');
  const short = 'A short article.\r\nIt has two lines.';
  const doc = {
    format: 'newsmark-labelled-json',
    version: 1,
    exported_at: '2026-11-21T10:00:00.000Z',
    documents: [{ id: 'long', title: 'Long report', text: long, spans: [] }, { id: 'short', title: 'Short one', text: short, spans: [] }],
  };
  await chooseFiles(page, 'Import', [file('two.json', JSON.stringify(doc), 'application/json')]);
  await expect(articleView(page, 'Long report')).toBeVisible();
  await articleButton(page, 'Short one').click();
  const article = articleView(page, 'Short one');
  await expect(article).toBeVisible();
  await expect(article).not.toHaveAttribute('aria-busy');
  // Thirty frames later, long enough for many slices of the long article had they still come,
  // the container holds the short article's two lines and nothing else.
  await page.evaluate(() => new Promise((resolve) => {
    let n = 0;
    const frame = () => (++n >= 30 ? resolve() : requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  }));
  expect(await article.evaluate((el) => [el.textContent, el.children.length])).toEqual([short, 2]);

  // And back: the long article comes in whole again.
  await articleButton(page, 'Long report').click();
  await expect(articleView(page, 'Long report')).not.toHaveAttribute('aria-busy', { timeout: 30_000 });
  expect(await articleView(page, 'Long report').evaluate((el, long) => el.textContent === long, long)).toBe(true);
});

test('rename an article through its "Rename" dialog', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Old title', 'Some text to rename.');
  await articlesNav(page).getByRole('button', { name: 'Rename “Old title”', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename article' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: 'Title', exact: true });
  // Soft: the rest of the dialog is worth checking even if the prefill is missing.
  await expect.soft(input, 'the Title field starts with the current title').toHaveValue('Old title');
  await expect(input).toBeFocused();

  // An empty title is refused, and says so.
  await input.fill('   ');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('A title cannot be empty.');
  await expect(titles(page)).toHaveText([SAMPLE, 'Old title']);

  await input.fill('New “title” 🚢');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(titles(page)).toHaveText([SAMPLE, 'New “title” 🚢']);
  await expect(articleView(page, 'New “title” 🚢')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New “title” 🚢');
  await expect(articlesNav(page).getByRole('button', { name: 'Rename “New “title” 🚢”', exact: true })).toBeVisible();
  await expectSaved(page);

  await page.reload();
  await expect(titles(page)).toHaveText([SAMPLE, 'New “title” 🚢']);

  // Cancel changes nothing.
  await articlesNav(page).getByRole('button', { name: 'Rename “New “title” 🚢”', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Not this');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(titles(page)).toHaveText([SAMPLE, 'New “title” 🚢']);
});

test('delete an article and bring it back with Ctrl+Z', async ({ page }) => {
  await openApp(page);
  await addArticle(page, 'Keep me', 'Another article.');
  await articleButton(page, SAMPLE).click();
  await expect(articleView(page, SAMPLE)).toBeVisible();

  await articlesNav(page).getByRole('button', { name: `Delete “${SAMPLE}”`, exact: true }).click();
  await expect(titles(page)).toHaveText(['Keep me']);
  await expect(heading(page)).toHaveText('Articles (1)');
  await expect(articleView(page, 'Keep me')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${SAMPLE}”. Undo (Ctrl+Z) brings it back.` })).toBeVisible();
  await expectSaved(page);

  await page.keyboard.press('Control+z');
  await expect(titles(page)).toHaveText([SAMPLE, 'Keep me']);
  await expect(articleView(page, SAMPLE)).toBeVisible();
  await expect(spanList(page).getByRole('listitem')).toHaveCount(4);
  await expectSaved(page);
  await page.reload();
  await expect(titles(page)).toHaveText([SAMPLE, 'Keep me']);
  await expect(articleButton(page, SAMPLE)).toHaveAccessibleName(`${SAMPLE} 4 spans`);
});

test('the "New article" dialog adds an article; an empty title comes from the first line; Cancel adds nothing', async ({ page }) => {
  await openApp(page);
  await button(page, 'New article').click();
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Typed article');
  await dialog.getByRole('textbox', { name: 'Article text', exact: true }).click();
  await page.keyboard.type('Typed by hand, “with quotes”.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph.');
  await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(articleView(page, 'Typed article')).toBeVisible();
  expect(await articleView(page, 'Typed article').evaluate((el) => el.textContent)).toBe('Typed by hand, “with quotes”.\nSecond paragraph.');

  await button(page, 'New article').click();
  await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill('\n  First line becomes the title  \nand this is the body.');
  await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(articleView(page, 'First line becomes the title')).toBeVisible();

  await button(page, 'New article').click();
  await dialog.getByRole('textbox', { name: 'Article text', exact: true }).fill('Never added');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(titles(page)).toHaveText([SAMPLE, 'Typed article', 'First line becomes the title']);
  // Escape closes it too.
  await button(page, 'New article').click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(heading(page)).toHaveText('Articles (3)');
});

test('"Open file" opens a .txt and a .md file at once, byte for byte', async ({ page }) => {
  await openApp(page);
  const txt = 'Plain text article.\r\nWith Windows line ends and “quotes” 😀.\r\n';
  const md = '# A markdown heading\n\nSome *emphasis* and a [link](https://example.invalid/) kept as text.\n';
  await chooseFiles(page, 'Open file', [file('first-article.txt', txt), file('notes.md', md, 'text/markdown')]);
  await expect(titles(page)).toHaveText([SAMPLE, 'first-article', 'notes']);
  // The last file read is open.
  await expect(articleView(page, 'notes')).toBeVisible();
  expect(await articleView(page, 'notes').evaluate((el) => el.textContent)).toBe(md);
  // Markdown is not rendered: no link, no heading inside the article.
  await expect(articleView(page, 'notes').getByRole('link')).toHaveCount(0);
  await expect(articleView(page, 'notes').getByRole('heading')).toHaveCount(0);
  await articleButton(page, 'first-article').click();
  expect(await articleView(page, 'first-article').evaluate((el) => el.textContent)).toBe(txt);
  await expectSaved(page);
  // The same file can be opened again (a second article).
  await chooseFiles(page, 'Open file', [file('first-article.txt', txt)]);
  await expect(titles(page)).toHaveText([SAMPLE, 'first-article', 'notes', 'first-article']);
});

test('dropping a .txt file on the window opens it as an article', async ({ page }) => {
  await openApp(page);
  const text = 'Dropped article text.\nSecond line “here”.';
  await dropFiles(page, page.locator('main'), [file('dropped.txt', text)]);
  await expect(articleView(page, 'dropped')).toBeVisible();
  expect(await articleView(page, 'dropped').evaluate((el) => el.textContent)).toBe(text);
  await expect(titles(page)).toHaveText([SAMPLE, 'dropped']);
  // Dropped anywhere: on the side panel too. A file of another kind is refused with a message.
  await dropFiles(page, page.getByRole('complementary', { name: 'Spans' }), [file('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')]);
  await expect(page.getByRole('alert')).toContainText('“picture.png” was not opened');
  await expect(titles(page)).toHaveText([SAMPLE, 'dropped']);
  await expectSaved(page);
});

test('pasting while articles are open offers the "New article" dialog, and keeps the text exactly', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await openApp(page);
  const pasted = 'Pasted headline\r\nBody with “quotes” and 👩‍👩‍👧.\r\n';
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await page.locator('.article-title').click();
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: 'New article' });
  await expect(dialog).toBeVisible();
  const textarea = dialog.getByRole('textbox', { name: 'Article text', exact: true });
  await expect(textarea).toBeFocused();
  // The form shows the pasted text once (a textarea reports line ends as LF).
  await expect.soft(textarea, 'the dialog holds the pasted text once').toHaveValue(pasted.replace(/\r\n/g, '\n'));
  await dialog.getByRole('button', { name: 'Add article', exact: true }).click();
  await expect(articleView(page, 'Pasted headline')).toBeVisible();
  // Offsets count every character, so the article must keep the pasted CRLF line ends.
  expect(await articleView(page, 'Pasted headline').evaluate((el) => el.textContent)).toBe(pasted);
});
