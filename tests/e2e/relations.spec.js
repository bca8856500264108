// Relations between spans: drawing one by mouse (the span editor's "Link to…", then a click on
// the span it points to) and by keyboard (l, j / k, Enter; Escape cancels); the arrows drawn over
// the article (never inside it); the side panel's list and the selected relation's editor (kind,
// going to an end); undo and redo; deleting a span with its relations and undoing both; and
// relations kept across a reload and written to the labelled JSON export with their span ids.
'use strict';

const {
  test,
  expect,
  cpIndexOf,
  spanEditor,
  spanList,
  listEntry,
  labelButton,
  selectPhrase,
  clickChar,
  openTextFile,
  expectSaved,
  articleView,
  exportOpen,
  schemaErrors,
  tagPhrase,
} = require('./support');

const TITLE = 'Relations test';
const TEXT = '“We will not raise fares this year,” said Mara Lindqvist on Monday.\nDockworkers demanded a pay rise from the harbour board.';
const QUOTE = '“We will not raise fares this year,”';
const NAME = 'Mara Lindqvist';
const ACTOR = 'Dockworkers';
const DEMAND = 'demanded a pay rise';
const BOARD = 'the harbour board';

const open = (page) => openTextFile(page, TITLE, TEXT);

const tag = (page, article, phrase, label) => tagPhrase(page, article, TEXT, phrase, label);

const relationsRegion = (page) => page.getByRole('region', { name: 'Relations', exact: true });
const relationEntries = (page) => page.getByRole('list', { name: 'Relations between spans' }).locator('button.pick');
const relationEditor = (page) => page.getByRole('group', { name: 'Selected relation' });
/** The selected span's relations, as their entries read. */
const spanRelations = (page) => spanEditor(page).getByRole('list', { name: 'Relations of this span' }).locator('button.link');
const banner = (page) => page.getByRole('status', { name: 'Drawing a relation' });
/** The arrows drawn for relations (not the dashed one of a relation being drawn). */
const arrows = (page) => page.locator('.article-body > svg.relations g.relation:not(.provisional)');

/** Expects the side panel to list exactly these [from, kind, to] relations, in order. */
async function expectRelations(page, relations) {
  await expect(relationsRegion(page).getByRole('heading')).toHaveText(`Relations (${relations.length})`);
  await expect(relationEntries(page)).toHaveText(relations.map(([from, kind, to]) => `${from} —${kind}→ ${to}`));
  // One arrow per relation, labelled with its kind.
  await expect(arrows(page)).toHaveCount(relations.length);
  if (relations.length) await expect(arrows(page).locator('.relation-kind')).toHaveText(relations.map(([, kind]) => kind));
}

/** The article's DOM still holds exactly its text: nothing was drawn inside it. */
async function expectTextUntouched(article) {
  expect(await article.evaluate((el) => el.textContent)).toBe(TEXT);
  await expect(article.locator('svg, rect, path')).toHaveCount(0);
}

/**
 * How far (in pixels) the tip of the first arrow's head is from the top centre of the first box
 * of `needle` in the article.
 */
function tipOffset(page, needle) {
  return page.evaluate((needle) => {
    const head = document.querySelector('svg.relations g.relation .relation-head');
    if (!head) return Infinity;
    const [x, y] = head.getAttribute('d').match(/-?[\d.]+/g).map(Number);
    const origin = head.ownerSVGElement.getBoundingClientRect();
    const walker = document.createTreeWalker(document.querySelector('.article-text'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(needle);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + needle.length);
      const box = r.getClientRects()[0];
      return Math.hypot(origin.left + x - (box.left + box.width / 2), origin.top + y - box.top);
    }
    return Infinity;
  }, needle);
}

/** Moves focus off any button, so Enter cannot press one. */
async function blur(page) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

test('a relation drawn by mouse is listed, drawn, edited, undone and redone', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, QUOTE, 'quote');
  await tag(page, article, NAME, 'claim');
  await expectRelations(page, []);

  // Select the quote and start a relation from it with the span editor's button.
  await clickChar(page, article, cpIndexOf(TEXT, 'raise'));
  await expect(spanEditor(page).locator('blockquote')).toHaveText(QUOTE);
  const link = spanEditor(page).getByRole('button', { name: 'Link to…', exact: true });
  await expect(link).toHaveAttribute('title', /\(l\)$/);
  await link.click();
  // The article shows the mode: a banner, a crosshair, the quote outlined.
  await expect(banner(page)).toContainText('Click the span this quote points to');
  await expect(banner(page)).toContainText('Esc to cancel');
  await expect(article).toHaveCSS('cursor', 'crosshair');
  await expect(page.locator('svg.relations rect.link-from').first()).toBeAttached();

  // A click on the name ends the relation there, with the quote's usual kind.
  await clickChar(page, article, cpIndexOf(TEXT, NAME) + 2);
  await expect(banner(page)).toHaveCount(0);
  await expect(article).not.toHaveCSS('cursor', 'crosshair');
  await expectRelations(page, [[QUOTE, 'speaker', NAME]]);
  await expect(arrows(page).first()).toHaveClass(/selected/);
  await expectTextUntouched(article);
  // The arrow ends at the name: its head's tip is at the top of the name's box, also after the
  // window is resized and the text reflows.
  await expect.poll(() => tipOffset(page, NAME)).toBeLessThan(1);
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => tipOffset(page, NAME)).toBeLessThan(1);

  // The quote's editor lists the relation.
  await expect(spanRelations(page)).toHaveText([`this span —speaker→ “${NAME}”`]);

  // The new relation is selected; its editor changes the kind (committed with Enter).
  const kind = relationEditor(page).getByLabel('Kind', { exact: true });
  await expect(kind).toHaveValue('speaker');
  await kind.fill('source');
  await kind.press('Enter');
  await expectRelations(page, [[QUOTE, 'source', NAME]]);

  // Undo and redo, from outside the text field.
  await blur(page);
  await page.keyboard.press('Control+z');
  await expectRelations(page, [[QUOTE, 'speaker', NAME]]);
  await page.keyboard.press('Control+z');
  await expectRelations(page, []);
  await page.keyboard.press('Control+Shift+z');
  await expectRelations(page, [[QUOTE, 'speaker', NAME]]);
  await page.keyboard.press('Control+Shift+z');
  await expectRelations(page, [[QUOTE, 'source', NAME]]);

  // Clicking the entry selects the relation; its editor goes to either end.
  await relationEntries(page).first().click();
  await expect(relationEntries(page).first()).toHaveAttribute('aria-current', 'true');
  await relationEditor(page).getByRole('button', { name: 'Go to to-span', exact: true }).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(NAME);
  await relationEditor(page).getByRole('button', { name: 'Go to from-span', exact: true }).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(QUOTE);
  await relationEditor(page).getByRole('button', { name: 'Delete relation', exact: true }).click();
  await expectRelations(page, []);
  await expectTextUntouched(article);
  await expectSaved(page);
});

test('by keyboard: l, j / k and Enter draw relations; Escape cancels; a deleted span takes its relations, undo brings all back', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, ACTOR, 'claim');
  await tag(page, article, DEMAND, 'demand');
  await tag(page, article, BOARD, 'claim');
  await blur(page);
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(spanEditor(page).locator('blockquote')).toHaveText(DEMAND);

  // l starts at the demand; k chooses the span before it; Enter links them.
  await page.keyboard.press('l');
  await expect(banner(page)).toContainText('Click the span this demand points to');
  await page.keyboard.press('k');
  await expect(banner(page)).toContainText(`Enter links to “${ACTOR}”`);
  await expect(page.locator('svg.relations rect.link-target')).toHaveCount(1);
  await expect(page.locator('svg.relations g.relation.provisional')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(banner(page)).toHaveCount(0);
  await expectRelations(page, [[DEMAND, 'actor', ACTOR]]);
  // Again from the demand, which stays selected: j chooses the span after it. A demand's second
  // relation is its addressee.
  await page.keyboard.press('l');
  await page.keyboard.press('j');
  await expect(banner(page)).toContainText(`Enter links to “${BOARD}”`);
  await page.keyboard.press('Enter');
  await expectRelations(page, [[DEMAND, 'actor', ACTOR], [DEMAND, 'addressee', BOARD]]);

  // Escape cancels a relation being drawn, and nothing else.
  await page.keyboard.press('l');
  await page.keyboard.press('k');
  await expect(banner(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner(page)).toHaveCount(0);
  await expect(page.locator('svg.relations g.relation.provisional')).toHaveCount(0);
  await expect(spanEditor(page).locator('blockquote')).toHaveText(DEMAND);
  await expectRelations(page, [[DEMAND, 'actor', ACTOR], [DEMAND, 'addressee', BOARD]]);
  await expect(spanRelations(page)).toHaveText([
    `this span —actor→ “${ACTOR}”`,
    `this span —addressee→ “${BOARD}”`,
  ]);

  // Deleting the demand removes its relations in the same step; one undo restores all three.
  await page.keyboard.press('Delete');
  await expect(spanList(page).getByRole('listitem')).toHaveCount(2);
  await expectRelations(page, []);
  await page.keyboard.press('Control+z');
  await expect(spanList(page).getByRole('listitem')).toHaveCount(3);
  await expectRelations(page, [[DEMAND, 'actor', ACTOR], [DEMAND, 'addressee', BOARD]]);

  // The span editor deletes one relation of its span.
  await listEntry(page, 'demand', DEMAND).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(DEMAND);
  await spanEditor(page).getByRole('button', { name: `Delete relation this span —actor→ “${ACTOR}”`, exact: true }).click();
  await expectRelations(page, [[DEMAND, 'addressee', BOARD]]);
  await blur(page);
  await page.keyboard.press('Control+z');
  await expectRelations(page, [[DEMAND, 'actor', ACTOR], [DEMAND, 'addressee', BOARD]]);
  await expectTextUntouched(article);
});

test('relations survive a reload and are exported with their span ids', async ({ page }) => {
  const article = await open(page);
  await tag(page, article, QUOTE, 'quote');
  await tag(page, article, NAME, 'claim');
  await clickChar(page, article, cpIndexOf(TEXT, 'raise'));
  await expect(spanEditor(page).locator('blockquote')).toHaveText(QUOTE);
  await page.keyboard.press('l');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expectRelations(page, [[QUOTE, 'speaker', NAME]]);
  await expectSaved(page);

  await page.reload();
  await expect(articleView(page, TITLE)).toBeVisible();
  await expectRelations(page, [[QUOTE, 'speaker', NAME]]);
  await expectTextUntouched(articleView(page, TITLE));

  const { doc } = await exportOpen(page);
  expect(schemaErrors(doc)).toEqual([]);
  const document = doc.documents.find((d) => d.title === TITLE);
  const spanText = Object.fromEntries(document.spans.map((s) => [s.id, s.text]));
  expect(document.relations).toHaveLength(1);
  const [relation] = document.relations;
  expect(relation.kind).toBe('speaker');
  expect(spanText[relation.from]).toBe(QUOTE);
  expect(spanText[relation.to]).toBe(NAME);
});
