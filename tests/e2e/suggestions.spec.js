// Suggestions end to end: Suggest runs the analysis in a Web Worker (the page shows "Analysing…"
// meanwhile), suggested quotes are painted apart from the person's spans and listed with their
// speaker, confidence and reason; one is accepted by its button, one by clicking it in the text
// and pressing `a`, one is rejected by `r`, the rest are accepted all at once, which one undo
// takes back; the export carries origin "suggested" with confidence and reason, the person's own
// span is untouched, and a reload keeps the accepted spans but not the pending suggestions.
//
// The article relies only on the analysis's most certain rule: “…,” said Name.
'use strict';

const {
  SAMPLE,
  test,
  expect,
  cpIndexOf,
  articleView,
  spanList,
  spanEditor,
  labelButton,
  button,
  openApp,
  addArticle,
  articleButton,
  expectSaved,
  listEntry,
  highlightTexts,
  clickChar,
  selectPhrase,
  exportOpen,
  schemaErrors,
  spanCheck,
  comparable,
} = require('./support');

const TITLE = 'Ferry strike';
const SPEAKERS = ['Mara Lindqvist', 'Aylin Demir', 'Tomas Brandt', 'Ines Carvalho', 'Paul Osei'];
const QUOTES = ['“We will fight on,”', '“The ferry is our lifeline,”', '“Nobody asked us,”', '“It is about safety,”', '“We are ready to talk,”'];
const TEXT = [
  'Ferry workers walked out on Monday morning.',
  ...QUOTES.map((q, i) => `${q} said ${SPEAKERS[i]}.`),
].join('\n');

const region = (page) => page.getByRole('region', { name: 'Suggestions' });
const suggestionList = (page) => page.getByRole('list', { name: 'Suggestions in text order' });
/** The list entry of the pending suggestion whose text is `text`. */
const entry = (page, text) => suggestionList(page).getByRole('listitem').filter({ has: page.locator('.span-text', { hasText: text }) });
const analysisStatus = (page) => page.getByRole('status', { name: 'Analysis status' });

/** The texts of the pending quote suggestions, in list order. */
async function pendingQuotes(page) {
  const items = suggestionList(page).getByRole('listitem');
  const out = [];
  for (const item of await items.all()) {
    if ((await item.locator('.label-name').textContent()) === 'Quote:') out.push(await item.locator('.span-text').textContent());
  }
  return out;
}

/** The texts of the person's and accepted quote spans, from the side panel's span list. */
async function spanQuotes(page) {
  const items = spanList(page).getByRole('listitem');
  const out = [];
  for (const item of await items.all()) {
    if ((await item.locator('.label-name').textContent()) === 'Quote:') out.push(await item.locator('.span-text').textContent());
  }
  return out;
}

/** Index of the selected entry in the suggestion list, or -1. */
const selectedIndex = (page) =>
  suggestionList(page).evaluate((ol) => [...ol.children].findIndex((li) => li.querySelector('[aria-current="true"]')));

test('suggest, accept by button and key, reject, accept all, undo, export, reload', async ({ page }) => {
  await openApp(page);
  const article = await addArticle(page, TITLE, TEXT);

  await test.step("the person's own span comes first", async () => {
    await selectPhrase(page, article, TEXT, 'lifeline');
    await labelButton(page, 'opinion').click();
    await spanEditor(page).getByRole('textbox', { name: 'Note', exact: true }).fill('mine');
    await expectSaved(page);
  });

  await test.step('Suggest runs the analysis in a worker and lists the quotes', async () => {
    // Record every text the status shows, so a short "Analysing…" cannot slip by unseen.
    await analysisStatus(page).evaluate((el) => {
      window.statusTexts = [];
      new MutationObserver(() => window.statusTexts.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    await button(page, 'Suggest').click();
    await expect.poll(() => pendingQuotes(page)).toEqual(QUOTES);
    await expect(analysisStatus(page)).toHaveText('');
    expect(await page.evaluate(() => window.statusTexts)).toContain('Analysing…');
    expect(page.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/\/newsmark-worker_loader\.js$/));

    const first = entry(page, QUOTES[0]);
    await expect(first).toContainText('Speaker: Mara Lindqvist');
    await expect(first.locator('.confidence')).toHaveText(/^\d{1,3}%$/);
    await expect(first.locator('.reason')).not.toBeEmpty();
    // Painted apart from spans, and the person's span still painted as it was.
    await expect.poll(async () => (await highlightTexts(page, 'nm-suggested-quote')) || []).toEqual([...QUOTES].sort());
    expect(await highlightTexts(page, 'nm-quote-0')).toEqual([]);
    expect(await highlightTexts(page, 'nm-opinion-0')).toEqual(['lifeline']);
  });

  await test.step('accept one by its button', async () => {
    await entry(page, QUOTES[0]).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(entry(page, QUOTES[0])).toHaveCount(0);
    await expect(listEntry(page, 'quote', QUOTES[0])).toBeVisible();
    await expect.poll(() => highlightTexts(page, 'nm-quote-0')).toEqual([QUOTES[0]]);
    // Selected as a span, it says where it came from and why.
    await listEntry(page, 'quote', QUOTES[0]).click();
    await expect(spanEditor(page).locator('.offsets')).toHaveText(/ · suggested \(\d{1,3}%: .+\)$/);
    await expect(spanEditor(page).getByRole('textbox', { name: 'Speaker', exact: true })).toHaveValue(SPEAKERS[0]);
  });

  await test.step('click a suggestion in the text, accept it with a', async () => {
    await clickChar(page, article, cpIndexOf(TEXT, 'ferry is') + 1);
    await expect(entry(page, QUOTES[1]).locator('button.pick')).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => highlightTexts(page, 'nm-selected')).toEqual([QUOTES[1]]);
    await page.keyboard.press('a');
    await expect(entry(page, QUOTES[1])).toHaveCount(0);
    await expect(listEntry(page, 'quote', QUOTES[1])).toBeVisible();
  });

  await test.step('select one in the list, step with n and p, reject it with r', async () => {
    await entry(page, QUOTES[2]).locator('button.pick').click();
    await expect.poll(() => highlightTexts(page, 'nm-selected')).toEqual([QUOTES[2]]);
    const at = await selectedIndex(page);
    const count = await suggestionList(page).getByRole('listitem').count();
    // n and p stop at the ends of the list.
    const next = Math.min(at + 1, count - 1);
    await page.keyboard.press('n');
    await expect.poll(() => selectedIndex(page)).toBe(next);
    await page.keyboard.press('p');
    await expect.poll(() => selectedIndex(page)).toBe(Math.max(next - 1, 0));
    await entry(page, QUOTES[2]).locator('button.pick').click();
    await page.keyboard.press('r');
    await expect(entry(page, QUOTES[2])).toHaveCount(0);
    expect(await spanQuotes(page)).toEqual([QUOTES[0], QUOTES[1]]);
    await expect.poll(() => pendingQuotes(page)).toEqual([QUOTES[3], QUOTES[4]]);
  });

  await test.step('accept all, and one undo takes it all back', async () => {
    await region(page).getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(region(page)).toHaveCount(0);
    await expect.poll(() => spanQuotes(page)).toEqual([QUOTES[0], QUOTES[1], QUOTES[3], QUOTES[4]]);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => pendingQuotes(page)).toEqual([QUOTES[3], QUOTES[4]]);
    await expect.poll(() => spanQuotes(page)).toEqual([QUOTES[0], QUOTES[1]]);
    await expect(listEntry(page, 'opinion', 'lifeline')).toBeVisible();
  });

  await test.step('Shift+A accepts all', async () => {
    await page.keyboard.press('Shift+A');
    await expect(region(page)).toHaveCount(0);
    await expect.poll(() => spanQuotes(page)).toEqual([QUOTES[0], QUOTES[1], QUOTES[3], QUOTES[4]]);
    await expectSaved(page);
  });

  let exported;
  await test.step('the export keeps origin, confidence, reason and speaker', async () => {
    const { doc } = await exportOpen(page);
    exported = doc;
    expect(schemaErrors(doc)).toEqual([]);
    spanCheck(doc);
    const spans = doc.documents[0].spans;
    for (const i of [0, 1, 3, 4]) {
      const span = spans.find((s) => s.text === QUOTES[i]);
      expect(span, QUOTES[i]).toBeTruthy();
      expect(span.label).toBe('quote');
      expect(span.origin).toBe('suggested');
      expect(span.attributes.speaker).toBe(SPEAKERS[i]);
      expect(span.confidence).toBeGreaterThan(0);
      expect(span.confidence).toBeLessThanOrEqual(1);
      expect(Math.round(span.confidence * 1000)).toBeCloseTo(span.confidence * 1000, 6);
      expect(typeof span.reason).toBe('string');
      expect(span.reason.length).toBeGreaterThan(0);
    }
    expect(spans.find((s) => s.text === QUOTES[2]), 'the rejected quote').toBeUndefined();
    // Every accepted suggestion, of any label, says why; the person's span is as it was.
    for (const s of spans.filter((s) => s.origin === 'suggested')) expect(typeof s.confidence === 'number' && !!s.reason, s.text).toBe(true);
    const own = spans.filter((s) => s.origin !== 'suggested');
    expect(own).toEqual([expect.objectContaining({ label: 'opinion', text: 'lifeline', attributes: { note: 'mine' }, origin: 'manual' })]);
    expect(own[0]).not.toHaveProperty('confidence');
    expect(own[0]).not.toHaveProperty('reason');
  });

  await test.step('after a reload: accepted spans with their provenance, no pending suggestions', async () => {
    // Suggest again: what is already a span is not suggested again; the rejected quote is.
    await button(page, 'Suggest').click();
    await expect.poll(() => pendingQuotes(page)).toEqual([QUOTES[2]]);
    await page.reload();
    await expect(articleView(page, TITLE)).toBeVisible();
    await expectSaved(page);
    await expect(region(page)).toHaveCount(0);
    const { doc } = await exportOpen(page);
    expect(comparable(doc)).toEqual(comparable(exported));
  });
});

test('the "to review" notice goes once every suggestion is reviewed, and when another article opens', async ({ page }) => {
  await openApp(page);
  const article = await addArticle(page, TITLE, TEXT);
  await expect(article).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: /^\d+ suggestions? to review\./ });

  await button(page, 'Suggest').click();
  await expect(notice).toBeVisible();
  await region(page).getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(region(page)).toHaveCount(0);
  await expect(notice).toHaveCount(0);

  // Undo brings the suggestions back but not the notice; a new run brings it back, and opening
  // another article takes it away.
  await page.keyboard.press('Control+Z');
  await expect.poll(() => pendingQuotes(page)).toEqual(QUOTES);
  await expect(notice).toHaveCount(0);
  await button(page, 'Suggest').click();
  await expect(notice).toBeVisible();
  await articleButton(page, SAMPLE).click();
  await expect(articleView(page, SAMPLE)).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('the help lists the suggestion keys; keys do nothing without suggestions', async ({ page }) => {
  await openApp(page);
  const spansBefore = await spanList(page).getByRole('listitem').count();
  for (const key of ['n', 'p', 'a', 'r', 'x', 'Shift+A']) await page.keyboard.press(key);
  await expect(region(page)).toHaveCount(0);
  expect(await spanList(page).getByRole('listitem').count()).toBe(spansBefore);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const [keys, what] of [
    ['n / p', 'Select the next / previous suggestion'],
    ['a', 'Accept the selected suggestion'],
    ['r or x', 'Reject the selected suggestion'],
    ['Shift+A', 'Accept all suggestions'],
  ]) {
    await expect(help.getByRole('row', { name: `${keys} ${what}`, exact: true })).toBeVisible();
  }
});
