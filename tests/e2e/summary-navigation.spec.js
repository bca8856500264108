// The side panel's Summary as a way around the article: every entry is a button that selects its
// span (the Selected span editor shows it, it is painted as selected, the span list agrees) and
// brings it into the reader's view, from above or below, and again when it is already selected.
// What the summary says: summary-contents.spec.js.
'use strict';

const { test, expect, cpRange, spanEditor, highlightTexts, tagPhrase } = require('./support');
const { INES_QUOTE, REPORT_CLAIM, UNION_DEMAND, summaryButton, openSample } = require('./summary-support');

// ---- The reader pane and the selected span ------------------------------------------------

const reader = (page) => page.locator('main.reader');

const tag = tagPhrase;

/**
 * Where the selected span (the `nm-selected` highlight) is, relative to the reader pane:
 * { onScreen, text }.
 */
async function selectedSpanPlace(page) {
  return page.evaluate(() => {
    const h = CSS.highlights.get('nm-selected');
    const [r] = h ? [...h] : [];
    if (!r) return { onScreen: false, text: null };
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getClientRects()[0];
    const pane = document.querySelector('main.reader').getBoundingClientRect();
    return { onScreen: rect.top >= pane.top && rect.bottom <= pane.bottom, text: range.toString() };
  });
}

/** Whether the first line of `phrase` in the article is inside the reader pane right now. */
async function phraseOnScreen(article, text, phrase) {
  const [start, end] = cpRange(text, phrase);
  return article.evaluate(
    (root, { start, end }) => {
      // The article's text nodes in order hold exactly its code points (one per character).
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let cp = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let u16 = 0;
        for (const ch of node.data) {
          if (cp === start) range.setStart(node, u16);
          if (cp === end - 1) range.setEnd(node, u16 + ch.length);
          cp++;
          u16 += ch.length;
        }
      }
      const rect = range.getClientRects()[0];
      const pane = document.querySelector('main.reader').getBoundingClientRect();
      return rect.top >= pane.top && rect.bottom <= pane.bottom;
    },
    { start, end },
  );
}

/** Scrolls the reader pane to its top or its bottom. */
async function scrollReader(page, where) {
  await reader(page).evaluate((el, where) => el.scrollTo({ top: where === 'top' ? 0 : el.scrollHeight, behavior: 'instant' }), where);
}

/**
 * Clicks the summary entry `phrase` and expects its span selected: the editor shows its text and
 * offsets, it is painted as selected, and it is on screen in the reader.
 */
async function expectEntrySelects(page, text, phrase) {
  const [start, end] = cpRange(text, phrase);
  await summaryButton(page, phrase).click();
  await expect(spanEditor(page).locator('blockquote')).toHaveText(phrase);
  await expect(spanEditor(page).locator('.offsets')).toHaveText(new RegExp(`^Characters ${start}–${end} · `));
  await expect.poll(() => selectedSpanPlace(page)).toEqual({ onScreen: true, text: phrase });
}

// ---- Tests ----------------------------------------------------------------------------------

test('a summary entry selects its span and brings it into view', async ({ page }) => {
  const { article, text } = await openSample(page);
  const RETURN = 'they would return to the town hall in June';
  // A claim near the end, so that one entry lies below the first screen.
  await tag(page, article, text, RETURN, 'claim');
  await page.keyboard.press('Escape');
  await expect(spanEditor(page)).toHaveCount(0);

  // From the bottom of the article: the quote, the claim and the demand lie above the pane.
  for (const phrase of [INES_QUOTE, REPORT_CLAIM, UNION_DEMAND]) {
    await scrollReader(page, 'bottom');
    expect(await phraseOnScreen(article, text, phrase), `${phrase} starts off-screen`).toBe(false);
    await expectEntrySelects(page, text, phrase);
  }
  // From the top: the last claim lies below the pane.
  await scrollReader(page, 'top');
  expect(await phraseOnScreen(article, text, RETURN), 'the last claim starts off-screen').toBe(false);
  await expectEntrySelects(page, text, RETURN);
  // The span list agrees about which span is selected.
  await expect(page.getByRole('list', { name: 'Spans in text order', exact: true }).locator('[aria-current="true"]')).toContainText(RETURN);
  expect(await highlightTexts(page, 'nm-selected')).toEqual([RETURN]);
});

test('a summary entry brings its span back into view when it is already selected', async ({ page }) => {
  // Selecting the span that is already selected still asks the view to show it (State::reveal).
  const { article, text } = await openSample(page);
  await scrollReader(page, 'bottom');
  await expectEntrySelects(page, text, INES_QUOTE);
  await scrollReader(page, 'bottom');
  expect(await phraseOnScreen(article, text, INES_QUOTE)).toBe(false);
  await summaryButton(page, INES_QUOTE).click();
  await expect.poll(() => selectedSpanPlace(page), { timeout: 3_000 }).toEqual({ onScreen: true, text: INES_QUOTE });
});
