// The label set editor: a custom label with its own colour, key and description (its button's
// tooltip), tagging with its key and its button, its highlight painted in its colour from the
// generated stylesheet, renaming it, changing a built-in label's colour, a refused edit shown in
// the dialog, removing a label with a confirm step and bringing it back with Undo, and all of it
// surviving a reload and going out with the export.
'use strict';

const {
  test,
  expect,
  articleView,
  spanList,
  spanEditor,
  button,
  openTextFile,
  expectSaved,
  expectList,
  highlightTexts,
  selectPhrase,
  exportOpen,
  schemaErrors,
} = require('./support');

const TITLE = 'Label editor test';
const TEXT = 'Maria Lopez said the bridge would open in June.\nThe mayor, Tom Reed, disagreed 🚧 strongly.';

const labelsDialog = (page) => page.getByRole('dialog', { name: 'Labels' });
/** The toolbar button that applies a label (its accessible name is the label's title). */
const toolbarLabel = (page, name) => page.getByRole('group', { name: 'Labels' }).getByRole('button', { name, exact: true });

/** The generated stylesheet's rules, as the browser writes them back (a constructed sheet the
 *  document adopts: the CSP allows no <style> element). */
const labelStyles = (page) =>
  page.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'));

/** The declarations of the stylesheet rule whose selector is exactly `selector`, as the browser parsed them. */
async function ruleStyle(page, selector) {
  return page.evaluate((selector) => {
    for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
      for (const rule of sheet.cssRules) {
        if (rule.selectorText === selector) {
          return { background: rule.style.backgroundColor, decoration: rule.style.textDecoration || rule.style.textDecorationLine };
        }
      }
    }
    return null;
  }, selector);
}

async function openLabels(page) {
  await button(page, 'Labels').click();
  await expect(labelsDialog(page)).toBeVisible();
  return labelsDialog(page);
}

async function addLabel(dialog, { name, colour, key, description }) {
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Colour', { exact: true }).fill(colour);
  if (key) await dialog.getByRole('combobox', { name: 'Key', exact: true }).selectOption(key);
  if (description) await dialog.getByRole('textbox', { name: 'Description', exact: true }).fill(description);
  await dialog.getByRole('button', { name: 'Add label', exact: true }).click();
}

test('a custom label: added with colour, key and description, used by key and button, painted in its colour', async ({ page }) => {
  const article = await openTextFile(page, TITLE, TEXT);
  const dialog = await openLabels(page);
  // The built-in four are listed, their names fixed.
  for (const name of ['Claim', 'Demand', 'Quote', 'Opinion']) {
    await expect(dialog.getByLabel(`Colour of ${name}`, { exact: true })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: `Name of ${name}` })).toHaveCount(0);
  }
  await expect(dialog.getByRole('button', { name: /^Remove / })).toHaveCount(0);

  await addLabel(dialog, { name: 'Source person', colour: '#aa3377', key: '5', description: 'A person named as the source of a statement' });
  await expect(dialog.getByRole('textbox', { name: 'Name of Source person', exact: true })).toHaveValue('Source person');
  await expect(dialog.getByLabel('Colour of Source person', { exact: true })).toHaveValue('#aa3377');
  await expect(dialog.getByRole('combobox', { name: 'Key of Source person', exact: true })).toHaveValue('5');
  await expect(dialog.getByRole('textbox', { name: 'Description of Source person', exact: true })).toHaveValue('A person named as the source of a statement');
  // The new-label form starts afresh.
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
  // The key is taken now: offered to no other label.
  await expect(dialog.getByRole('combobox', { name: 'Key of Claim', exact: true }).locator('option[value="5"]')).toBeDisabled();

  // A refused edit is explained inside the dialog and changes nothing.
  await addLabel(dialog, { name: 'Claim', colour: '#101010' });
  await expect(dialog.getByRole('alert')).toHaveText('“Claim” is the name of a built-in label.');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('');
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The toolbar has its button, with the key and the description as guidance on hover.
  const custom = toolbarLabel(page, 'Source person');
  await expect(custom).toHaveAttribute('title', 'Source person (5): A person named as the source of a statement');
  await expect(custom).toHaveAttribute('aria-keyshortcuts', '5');
  expect(await custom.evaluate((el) => getComputedStyle(el).getPropertyValue('--label').trim())).toBe('#aa3377');

  // Its key tags the selection…
  await selectPhrase(page, article, TEXT, 'Maria Lopez');
  await page.keyboard.press('5');
  await expect(spanEditor(page).locator('blockquote')).toHaveText('Maria Lopez');
  // …and so does its button.
  await selectPhrase(page, article, TEXT, 'Tom Reed');
  await custom.click();
  await expectList(page, [['Source person', 'Maria Lopez'], ['Source person', 'Tom Reed']]);

  // Painted as the custom label's highlight, styled from the label set.
  expect(await page.evaluate(() => CSS.highlights.has('nm-custom-1-0'))).toBe(true);
  expect(await highlightTexts(page, 'nm-custom-1-0')).toEqual(['Maria Lopez', 'Tom Reed']);
  const css = await labelStyles(page);
  expect(css).toContain('.label-custom-1 { --label: #aa3377; }');
  const rule = await ruleStyle(page, '::highlight(nm-custom-1-0)');
  expect(rule.background).toBe('rgba(170, 51, 119, 0.14)');
  // Highlights paint backgrounds only; the lines are boxes behind the text, one per line of a
  // span: the custom label's both above and below.
  expect(rule.decoration).toBe('');
  const lines = page.locator('.overlay .nm-line.nm-custom-1-0');
  await expect(lines).toHaveCount(2);
  expect(await lines.first().evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderBottomStyle])).toEqual(['solid', 'solid']);
  // Built-in labels keep their own underline styles (read from a probe box, as drawn).
  const lineOf = (cls) => page.evaluate((cls) => {
    const probe = document.createElement('div');
    probe.className = `nm-line ${cls}`;
    document.querySelector('.overlay').append(probe);
    const st = getComputedStyle(probe);
    const out = [st.borderTopStyle, st.borderBottomStyle];
    probe.remove();
    return out;
  }, cls);
  expect(await lineOf('nm-claim-0')).toEqual(['none', 'solid']);
  expect(await lineOf('nm-demand-1')).toEqual(['none', 'double']);
  expect(await lineOf('nm-quote-2')).toEqual(['none', 'dotted']);
  expect(await lineOf('nm-opinion-0')).toEqual(['none', 'dashed']);
  expect(await lineOf('nm-suggested-claim')).toEqual(['none', 'dashed']);
  // Only one generated stylesheet, and app.css holds no label colour.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  await expect(page.locator('style')).toHaveCount(0);
  await expectSaved(page);
});

test('rename a custom label, recolour a built-in one, remove with a confirm step, undo, reload, export', async ({ page }) => {
  const article = await openTextFile(page, TITLE, TEXT);
  let dialog = await openLabels(page);
  await addLabel(dialog, { name: 'Actor', colour: '#11a579', key: '7', description: 'Who acts' });
  await expect(dialog.getByRole('textbox', { name: 'Name of Actor', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  for (const phrase of ['Maria Lopez', 'Tom Reed']) {
    await selectPhrase(page, article, TEXT, phrase);
    await page.keyboard.press('7');
    await expect(spanEditor(page).locator('blockquote')).toHaveText(phrase);
  }
  await selectPhrase(page, article, TEXT, 'the bridge would open in June');
  await page.keyboard.press('1');
  await expectList(page, [['Actor', 'Maria Lopez'], ['Claim', 'the bridge would open in June'], ['Actor', 'Tom Reed']]);

  // Rename (committed when the field is left) and recolour the built-in claim.
  dialog = await openLabels(page);
  await dialog.getByRole('textbox', { name: 'Name of Actor', exact: true }).fill('Named person');
  await dialog.getByRole('textbox', { name: 'Name of Actor', exact: true }).press('Tab');
  await expect(toolbarLabel(page, 'Named person')).toBeVisible();
  await dialog.getByLabel('Colour of Claim', { exact: true }).fill('#123456');
  await expect.poll(() => labelStyles(page)).toContain('.label-claim { --label: #123456; }');
  expect((await ruleStyle(page, '::highlight(nm-claim-0)')).background).toBe('rgba(18, 52, 86, 0.14)');
  // The claim's key moves to 9; its description changes.
  await dialog.getByRole('combobox', { name: 'Key of Claim', exact: true }).selectOption('9');
  await dialog.getByRole('textbox', { name: 'Description of Claim', exact: true }).fill('A checkable statement');
  await dialog.getByRole('textbox', { name: 'Description of Claim', exact: true }).press('Tab');
  await expect(toolbarLabel(page, 'Claim')).toHaveAttribute('title', 'Claim (9): A checkable statement');

  // Removing asks first, saying what goes with it.
  await dialog.getByRole('button', { name: 'Remove Named person', exact: true }).click();
  const confirm = dialog.getByRole('group', { name: 'Remove Named person?' });
  await expect(confirm).toContainText('Its 2 spans in 1 article will be removed too. Undo (Ctrl+Z) brings the label and its spans back.');
  await confirm.getByRole('button', { name: 'Keep it', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(toolbarLabel(page, 'Named person')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove Named person', exact: true }).click();
  await confirm.getByRole('button', { name: 'Remove label and 2 spans', exact: true }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of Named person' })).toHaveCount(0);
  await expect(toolbarLabel(page, 'Named person')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expectList(page, [['Claim', 'the bridge would open in June']]);
  expect((await highlightTexts(page, 'nm-custom-1-0')) || []).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Removed the label “Named person” and its 2 spans.' })).toBeVisible();

  // Undo brings the label and its spans back, in one step.
  await page.keyboard.press('Control+z');
  await expect(toolbarLabel(page, 'Named person')).toBeVisible();
  await expectList(page, [['Named person', 'Maria Lopez'], ['Claim', 'the bridge would open in June'], ['Named person', 'Tom Reed']]);
  await expect.poll(() => highlightTexts(page, 'nm-custom-1-0')).toEqual(['Maria Lopez', 'Tom Reed']);

  // A reload keeps every change.
  await expectSaved(page);
  await page.reload();
  await expect(articleView(page, TITLE)).toBeVisible();
  await expect(toolbarLabel(page, 'Named person')).toHaveAttribute('title', 'Named person (7): Who acts');
  await expect(toolbarLabel(page, 'Claim')).toHaveAttribute('title', 'Claim (9): A checkable statement');
  await expect.poll(() => labelStyles(page)).toContain('.label-claim { --label: #123456; }');
  expect(await labelStyles(page)).toContain('.label-custom-1 { --label: #11a579; }');
  await expect(spanList(page).getByRole('listitem')).toHaveCount(3);
  dialog = await openLabels(page);
  await expect(dialog.getByLabel('Colour of Claim', { exact: true })).toHaveValue('#123456');
  await expect(dialog.getByRole('combobox', { name: 'Key of Named person', exact: true })).toHaveValue('7');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The export carries the label definitions.
  const { doc } = await exportOpen(page);
  expect(schemaErrors(doc)).toEqual([]);
  expect(doc.labels).toEqual(
    expect.arrayContaining([
      { name: 'claim', colour: '#123456', hotkey: '9', description: 'A checkable statement' },
      { name: 'Named person', colour: '#11a579', hotkey: '7', description: 'Who acts' },
    ]),
  );
  expect(doc.documents[0].spans.map((s) => [s.label, s.text])).toEqual([
    ['Named person', 'Maria Lopez'],
    ['claim', 'the bridge would open in June'],
    ['Named person', 'Tom Reed'],
  ]);
});
