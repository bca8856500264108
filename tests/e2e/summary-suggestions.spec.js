// The side panel's Summary and suggestions: what counts is the article's spans, never a pending
// suggestion.
//
//   1. Pending suggestions are not counted; accepted ones are, one at a time or all at once, and
//      undo takes them out again.
//   2. Accept all and Reject all of one label act on that label alone; Reject all on every label
//      adds nothing; each is undone by one undo.
//
// The summary is read whole (summaryOf, in summary-support.js) and compared with what the spans
// imply. What the summary says for spans tagged by hand: summary-contents.spec.js.
'use strict';

const { test, expect, cpRange, button, expectSaved, highlightTexts } = require('./support');
const {
  FISCHER_OPINION,
  summaryOf,
  countsOf,
  densityOf,
  sampleSummary,
  expectSummary,
  HEADINGS,
  openSample,
} = require('./summary-support');

// ---- Locators -------------------------------------------------------------------------------

const suggestionList = (page) => page.getByRole('list', { name: 'Suggestions in text order', exact: true });
/** The pending suggestion of `label` ("Quote", …) whose text is exactly `text`. */
const suggestion = (page, label, text) =>
  suggestionList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.label-name').getByText(`${label}:`, { exact: true }) })
    .filter({ has: page.locator('.span-text').getByText(text, { exact: true }) });

// ---- Tests ----------------------------------------------------------------------------------

test('pending suggestions are not counted until accepted', async ({ page }) => {
  const { text } = await openSample(page);
  const sample = sampleSummary(text);

  const FUEL = '“Fuel does not get cheaper because we wish it would,”';
  const TIRED = '“People are tired of being told that the numbers are secret,”';
  const WARNED = 'the authority had privately warned that two evening routes could be cut by the summer if no new money was found';
  const VICTORY = '“I don’t think a three-month pause is a victory,”';

  const pendingPerLabel = {};
  await test.step('Suggest lists suggestions; the summary is unchanged', async () => {
    await button(page, 'Suggest').click();
    await expect(suggestion(page, 'Quote', FUEL)).toHaveCount(1);
    await expect(page.getByRole('status', { name: 'Analysis status', exact: true })).toHaveText('');
    for (const [label, phrase] of [['Quote', TIRED], ['Claim', WARNED], ['Opinion', VICTORY]]) await expect(suggestion(page, label, phrase)).toHaveCount(1);
    await expect(suggestion(page, 'Quote', FUEL)).toContainText('Speaker: Paul Osei');
    await expect(suggestion(page, 'Quote', TIRED)).toContainText('Speaker: Mara Lindqvist (union secretary)');
    await expect(suggestion(page, 'Claim', WARNED)).toContainText('Source: Two council officials familiar with the negotiations');
    const perLabel = page.getByRole('list', { name: 'Suggestions per label', exact: true }).getByRole('listitem');
    for (const li of await perLabel.all()) {
      pendingPerLabel[(await li.locator('.name').textContent()).toLowerCase()] = Number(await li.locator('.count').textContent());
    }
    expect(Object.keys(pendingPerLabel).sort()).toEqual(['claim', 'demand', 'opinion', 'quote']);
    // Painted in the text, but not part of the summary.
    await expect.poll(async () => ((await highlightTexts(page, 'nm-suggested-quote')) || []).length).toBeGreaterThan(0);
    await expectSummary(page, sample);
  });

  const expected = structuredClone(sample);
  const counts = { claim: 1, demand: 1, quote: 1, opinion: 1 };
  const opinions = [cpRange(text, FISCHER_OPINION)[0]];
  const accept = async (label, phrase) => {
    await suggestion(page, label, phrase).getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(suggestion(page, label, phrase)).toHaveCount(0);
  };
  const check = () => expectSummary(page, { ...expected, ...countsOf(counts), density: densityOf(text, opinions) });

  await test.step('accepting suggestions adds them, one at a time', async () => {
    await accept('Quote', FUEL);
    counts.quote = 2;
    expected.speakers.push({ name: 'Paul Osei', role: null, quotes: [FUEL] });
    await check();

    await accept('Quote', TIRED);
    counts.quote = 3;
    // Equal numbers of quotes: alphabetical.
    expected.speakers = [expected.speakers[0], { name: 'Mara Lindqvist', role: 'union secretary', quotes: [TIRED] }, expected.speakers[1]];
    await check();

    await accept('Claim', WARNED);
    counts.claim = 2;
    expected.sources = {
      'Named (0)': [],
      'Documents (1)': sample.sources['Documents (1)'],
      'Anonymous (1)': [{ name: 'Two council officials familiar with the negotiations', claims: [WARNED] }],
    };
    await check();

    await accept('Opinion', VICTORY);
    counts.opinion = 2;
    opinions.push(cpRange(text, VICTORY)[0]);
    // The suggestion's holder came with it; holders alike in number are listed alphabetically.
    expected.headings = HEADINGS(0, 2);
    expected.holders = [{ name: 'Aylin Demir', opinions: [VICTORY] }, ...expected.holders];
    await check();
  });

  const beforeAll = await summaryOf(page);
  await test.step('Accept all counts every remaining suggestion; one undo takes them out again', async () => {
    await page.getByRole('region', { name: 'Suggestions', exact: true }).getByRole('button', { name: 'Accept all', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Suggestions', exact: true })).toHaveCount(0);
    const want = {
      claim: 1 + pendingPerLabel.claim,
      demand: 1 + pendingPerLabel.demand,
      quote: 1 + pendingPerLabel.quote,
      opinion: 1 + pendingPerLabel.opinion,
    };
    await expect.poll(async () => (await summaryOf(page)).counts).toEqual(countsOf(want).counts);
    // Every span is somewhere in the summary: quotes under speakers, claims under a source or
    // none, demands in the table, opinions in the bars.
    const s = await summaryOf(page);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    expect(sum(s.speakers.map((g) => g.quotes.length))).toBe(want.quote);
    expect(sum(Object.values(s.sources).flat().map((g) => g.claims.length)) + s.unsourced.claims.length).toBe(want.claim);
    expect(s.demands).toHaveLength(want.demand);
    expect(s.density.caption).toBe(`Opinion density by paragraph (${want.opinion} opinions)`);
    expect(sum(s.density.bars.map((b) => Number(/: (\d+) opinions? in/.exec(b)[1])))).toBe(want.opinion);

    await page.keyboard.press('Control+z');
    await expect(suggestion(page, 'Quote', '“Sooner or later somebody pays.”')).toHaveCount(1);
    await expectSummary(page, beforeAll);
  });
  await expectSaved(page);
});

test('Accept all and Reject all of one label leave the other labels; Reject all takes every one; each undoes', async ({ page }) => {
  const { text } = await openSample(page);
  const sample = sampleSummary(text);
  const perLabel = page.getByRole('list', { name: 'Suggestions per label', exact: true }).getByRole('listitem');
  const region = page.getByRole('region', { name: 'Suggestions', exact: true });
  /** Pending suggestions per label, from the per-label list: { claim: 3, … }. */
  const pending = async () => {
    const out = {};
    for (const li of await perLabel.all()) out[(await li.locator('.name').textContent()).toLowerCase()] = Number(await li.locator('.count').textContent());
    return out;
  };
  const countsNow = async () => (await summaryOf(page)).counts;
  const one = { claim: 1, demand: 1, quote: 1, opinion: 1 };

  await button(page, 'Suggest').click();
  await expect(page.getByRole('status', { name: 'Analysis status', exact: true })).toHaveText('');
  await expect(perLabel).toHaveCount(4);
  const before = await pending();

  await test.step('Accept all claims: only claims become spans', async () => {
    await page.getByRole('button', { name: 'Accept all Claim suggestions', exact: true }).click();
    await expect.poll(pending).toEqual({ demand: before.demand, quote: before.quote, opinion: before.opinion });
    await expect.poll(countsNow).toEqual(countsOf({ ...one, claim: 1 + before.claim }).counts);
  });

  await test.step('Reject all demands: they go, and no span is added', async () => {
    await page.getByRole('button', { name: 'Reject all Demand suggestions', exact: true }).click();
    await expect.poll(pending).toEqual({ quote: before.quote, opinion: before.opinion });
    await expect.poll(countsNow).toEqual(countsOf({ ...one, claim: 1 + before.claim }).counts);
  });

  await test.step('one undo each brings them back', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(pending).toEqual({ demand: before.demand, quote: before.quote, opinion: before.opinion });
    await page.keyboard.press('Control+z');
    await expect.poll(pending).toEqual(before);
    await expectSummary(page, sample);
  });

  await test.step('Reject all takes every suggestion and adds nothing; undo restores them', async () => {
    await region.getByRole('button', { name: 'Reject all', exact: true }).click();
    await expect(region).toHaveCount(0);
    await expectSummary(page, sample);
    await page.keyboard.press('Control+z');
    await expect.poll(pending).toEqual(before);
    await expectSummary(page, sample);
  });
  await expectSaved(page);
});
