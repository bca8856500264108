// What accepting a suggestion does beyond adding its span (issue 17, "In the app"):
//
//   1. An accepted demand keeps its actor and addressee as attributes, and where the person has
//      already marked the actor (and the addressee) as spans, accepting also links the demand to
//      them, as the person would by hand; one undo takes the demand and its links away.
//   2. A suggestion over the same words as one of the person's spans of its label is not offered:
//      marking the words takes it off the list, so Accept all cannot add a second span on top.
'use strict';

const { test, expect, spanEditor, spanList, listEntry, button, openTextFile, tagPhrase, selectPhrase, labelButton, expectSaved } =
  require('./support');

const TITLE = 'Night shifts';
const UNION = 'The dockers’ union';
const AUTHORITY = 'the port authority';
const ITEM = 'restore night shifts';
const TEXT = [
  `${UNION} on Monday called on ${AUTHORITY} to restore night shifts.`,
  'The union fears that the cuts will cost lives.',
].join('\n');

const suggestionList = (page) => page.getByRole('list', { name: 'Suggestions in text order', exact: true });
/** The pending suggestion of `label` ("Demand", …) whose text is exactly `text`. */
const suggestion = (page, label, text) =>
  suggestionList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.label-name').getByText(`${label}:`, { exact: true }) })
    .filter({ has: page.locator('.span-text').getByText(text, { exact: true }) });
const relationEntries = (page) => page.getByRole('list', { name: 'Relations between spans' }).locator('button.pick');

async function suggest(page) {
  await button(page, 'Suggest').click();
  await expect(page.getByRole('status', { name: 'Analysis status', exact: true })).toHaveText('');
}

test('an accepted demand keeps its actor and addressee and is linked to the spans naming them, in one undo step', async ({ page }) => {
  const article = await openTextFile(page, TITLE, TEXT);
  // The person's own label for the parties of a story.
  await button(page, 'Labels').click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByRole('textbox', { name: 'Name', exact: true }).fill('Party');
  await labels.getByRole('button', { name: 'Add label', exact: true }).click();
  await labels.getByRole('button', { name: 'Done', exact: true }).click();
  await tagPhrase(page, article, TEXT, UNION, 'Party');
  await tagPhrase(page, article, TEXT, AUTHORITY, 'Party');

  await suggest(page);
  const demand = suggestion(page, 'Demand', ITEM);
  await expect(demand).toContainText(`Demanded by: ${UNION}`);
  await expect(demand).toContainText(`Addressed to: ${AUTHORITY}`);
  await demand.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(demand).toHaveCount(0);

  await expect(relationEntries(page)).toHaveText([`${ITEM} —actor→ ${UNION}`, `${ITEM} —addressee→ ${AUTHORITY}`]);
  await listEntry(page, 'demand', ITEM).click();
  await expect(spanEditor(page).getByRole('textbox', { name: 'Demanded by', exact: true })).toHaveValue(UNION);
  await expect(spanEditor(page).getByRole('textbox', { name: 'Addressed to', exact: true })).toHaveValue(AUTHORITY);
  await expectSaved(page);

  // One undo: the demand and both links go, the person's spans stay, the suggestion is back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(relationEntries(page)).toHaveCount(0);
  await expect(spanList(page).getByRole('listitem')).toHaveCount(2);
  await expect(suggestion(page, 'Demand', ITEM)).toHaveCount(1);
  // Redo brings all three back.
  await page.keyboard.press('Control+Shift+z');
  await expect(relationEntries(page)).toHaveCount(2);
  await expectSaved(page);
});

test('a suggestion over the words of a span of its label is taken off the list when the person marks them', async ({ page }) => {
  const article = await openTextFile(page, TITLE, TEXT);
  await suggest(page);
  const opinions = suggestionList(page).getByRole('listitem').filter({ has: page.locator('.label-name').getByText('Opinion:', { exact: true }) });
  await expect(opinions).not.toHaveCount(0);
  const words = (await opinions.first().locator('.span-text').textContent()).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  // The person marks the same words (without any mark around them) as an opinion.
  await selectPhrase(page, article, TEXT, words);
  await labelButton(page, 'opinion').click();
  await expect(suggestionList(page).getByRole('listitem').filter({ has: page.locator('.span-text', { hasText: words }) })
    .filter({ has: page.locator('.label-name').getByText('Opinion:', { exact: true }) })).toHaveCount(0);
  const opinionsLeft = await opinions.count();
  if (opinionsLeft) await page.getByRole('button', { name: 'Accept all Opinion suggestions', exact: true }).click();
  // However many opinions there were, the words the person marked hold one opinion span.
  await expect(spanList(page).getByRole('button', { name: new RegExp(`^Opinion: .*${words.slice(0, 20)}`) })).toHaveCount(1);
  await expectSaved(page);
});
