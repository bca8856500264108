// The side panel's Summary, what it says: spans per label as a chart, speakers with their quotes
// and roles, sources by kind (named, documents, anonymous), claims with no source, who demands
// what from whom, and opinion density by paragraph.
//
//   1. On a fresh profile's sample article (four example spans) every section says what the
//      example spans say.
//   2. Spans tagged by hand, and attributes typed into the Selected span editor, change the
//      summary at once: an unsourced claim, then its source; a named source; a quote's speaker
//      with a role; a demand's parties; opinions in the density bars.
//   3. A long list shows its first entries and opens in full on request, and stays open after
//      an edit.
//   4. Speakers and sources written in other cases are grouped, in any script.
//
// The whole summary is read into one plain object (summaryOf, in summary-support.js) and compared
// with what the spans imply, so a stray or missing entry anywhere fails the test, not only the
// one being looked at. Selecting spans from the summary: summary-navigation.spec.js; suggestions
// and the summary: summary-suggestions.spec.js.
'use strict';

const { test, expect, cpRange, articleView, spanEditor, openApp, expectSaved, tagPhrase, chooseFiles, file } = require('./support');
const {
  INES_QUOTE,
  REPORT_CLAIM,
  UNION_DEMAND,
  FISCHER_OPINION,
  summary,
  summaryButton,
  summaryOf,
  countsOf,
  densityOf,
  HEADINGS,
  DEMAND_HEADER,
  sampleSummary,
  expectSummary,
  openSample,
} = require('./summary-support');

// ---- Acting on the article ------------------------------------------------------------------

const tag = tagPhrase;

/** A text box of the Selected span editor, by its label ("Source", "Speaker", …). */
const field = (page, name) => spanEditor(page).getByRole('textbox', { name, exact: true });

/**
 * Opens the app and imports an article titled `title` whose lines are `lines`, each line one span
 * `spanOf(i)` gives the rest of (label, attributes …), and waits until it is shown.
 */
async function importOneSpanPerLine(page, title, lines, spanOf) {
  let at = 0;
  const spans = lines.map((line, i) => {
    const span = { id: `s${i + 1}`, start: at, end: at + [...line].length, text: line, origin: 'manual', ...spanOf(i) };
    at += [...line].length + 1;
    return span;
  });
  const doc = { format: 'newsmark-labelled-json', version: 1, exported_at: '2026-11-21T10:00:00.000Z', documents: [{ id: 'lines', title, text: lines.join('\n'), spans }] };
  await openApp(page);
  await chooseFiles(page, 'Import', [file('lines.json', JSON.stringify(doc), 'application/json')]);
  await expect(articleView(page, title)).toBeVisible();
}

// ---- Tests ----------------------------------------------------------------------------------

test('the sample article: every section of the summary', async ({ page }) => {
  const { text } = await openSample(page);
  await expectSummary(page, sampleSummary(text));

  // The same, through the accessible names people and screen readers meet.
  const region = summary(page);
  await expect(region.getByRole('heading', { name: 'Summary', level: 2, exact: true })).toBeVisible();
  const chart = region.getByRole('figure', { name: 'Spans per label', exact: true });
  for (const name of ['Claim: 1', 'Demand: 1', 'Quote: 1', 'Opinion: 1']) {
    await expect(chart.getByRole('listitem', { name, exact: true })).toHaveCount(1);
  }
  for (const name of ['Speakers', 'Sources', 'Claims with no source (0)', 'Who demands what from whom', 'Opinion holders (1)']) {
    await expect(region.getByRole('heading', { name, level: 3, exact: true })).toBeVisible();
  }
  for (const name of ['Named (0)', 'Documents (1)', 'Anonymous (0)']) {
    await expect(region.getByRole('heading', { name, level: 4, exact: true })).toBeVisible();
  }
  const table = region.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(DEMAND_HEADER);
  await expect(
    table.getByRole('row', { name: `Dock and Ferry Workers’ Union ${UNION_DEMAND} the city council`, exact: true }),
  ).toBeVisible();
  const density = region.getByRole('figure', { name: 'Opinion density by paragraph (1 opinion)', exact: true });
  await expect(density.getByRole('listitem')).toHaveCount(1);
  await expect(density.getByRole('listitem', { name: 'Paragraph 10: 1 opinion in 54 words', exact: true })).toBeVisible();
  // Each span entry is a button: the quote, the claim, the demand and the opinion under its
  // holder; a paragraph's bar has a button that goes to its first opinion.
  await expect(region.getByRole('button')).toHaveText([INES_QUOTE, REPORT_CLAIM, UNION_DEMAND, FISCHER_OPINION, '→']);
  await density.getByRole('button', { name: 'Go to paragraph 10', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Selected span', exact: true }).locator('blockquote')).toHaveText(FISCHER_OPINION);
});

test('spans tagged by hand and their attributes update the summary live', async ({ page }) => {
  const { article, text } = await openSample(page);
  const expected = sampleSummary(text);
  const counts = { claim: 1, demand: 1, quote: 1, opinion: 1 };
  const opinions = [cpRange(text, FISCHER_OPINION)[0]];
  const check = () => expectSummary(page, { ...expected, ...countsOf(counts), density: densityOf(text, opinions) });

  const WARNED = 'the authority had privately warned that two evening routes could be cut by the summer if no new money was found';
  const ANONYMOUS = 'two officials familiar with the talks';
  const POSTPONED = 'the delay only postponed a hard decision';
  const FISCHER_QUOTE = '“postponing the inevitable and making it more painful”';
  const ROLE = 'a transport economist';
  const PUBLISH = 'publish the authority’s full accounts';
  const VICTORY = 'I don’t think a three-month pause is a victory';
  const OVERDUE = 'the fare rise is overdue';

  await test.step('a claim with no source is listed under "Claims with no source"', async () => {
    await tag(page, article, text, WARNED, 'claim');
    counts.claim = 2;
    expected.headings = HEADINGS(1);
    expected.unsourced = { heading: 'Claims with no source (1)', claims: [WARNED] };
    await check();
  });

  await test.step('typing its Source moves it to "Anonymous"', async () => {
    // Typed key by key: every keystroke regroups it, and the last word decides.
    await field(page, 'Source').pressSequentially(ANONYMOUS);
    await expect(field(page, 'Source')).toHaveValue(ANONYMOUS);
    expected.headings = HEADINGS(0);
    expected.unsourced = { heading: 'Claims with no source (0)', claims: [] };
    expected.sources = { ...expected.sources, 'Anonymous (1)': [{ name: ANONYMOUS, claims: [WARNED] }] };
    delete expected.sources['Anonymous (0)'];
    await check();
  });

  await test.step('another claim sourced to "Paul Osei" is under "Named"', async () => {
    await tag(page, article, text, POSTPONED, 'claim');
    counts.claim = 3;
    expected.headings = HEADINGS(1);
    expected.unsourced = { heading: 'Claims with no source (1)', claims: [POSTPONED] };
    await check();
    await field(page, 'Source').fill('Paul Osei');
    expected.headings = HEADINGS(0);
    expected.unsourced = { heading: 'Claims with no source (0)', claims: [] };
    expected.sources = {
      'Named (1)': [{ name: 'Paul Osei', claims: [POSTPONED] }],
      'Documents (1)': expected.sources['Documents (1)'],
      'Anonymous (1)': expected.sources['Anonymous (1)'],
    };
    await check();
  });

  await test.step('a quote is "Unattributed" until its Speaker is set, then listed with the role', async () => {
    await tag(page, article, text, FISCHER_QUOTE, 'quote');
    counts.quote = 2;
    expected.speakers = [expected.speakers[0], { name: 'Unattributed', role: null, quotes: [FISCHER_QUOTE] }];
    await check();
    await field(page, 'Speaker').fill(`Lena Fischer (${ROLE})`);
    expected.speakers = [expected.speakers[0], { name: 'Lena Fischer', role: ROLE, quotes: [FISCHER_QUOTE] }];
    await check();
    await expect(summary(page).getByRole('listitem').filter({ hasText: /^Lena Fischer/ }).first()).toHaveText(`Lena Fischer, ${ROLE}${FISCHER_QUOTE}`);
  });

  await test.step('a demand: "—" for missing parties, then who demands it from whom', async () => {
    await tag(page, article, text, PUBLISH, 'demand');
    counts.demand = 2;
    expected.demands = [...expected.demands, ['—', PUBLISH, '—']];
    await check();
    await field(page, 'Demanded by').fill('the union');
    await field(page, 'Addressed to').fill('the city council');
    expected.demands = [expected.demands[0], ['the union', PUBLISH, 'the city council']];
    await check();
  });

  await test.step('opinions change the density bars', async () => {
    // Paragraph 9 (38 words) gets one opinion: now the densest, so the widest bar.
    await tag(page, article, text, VICTORY, 'opinion');
    counts.opinion = 2;
    opinions.push(cpRange(text, VICTORY)[0]);
    await check();
    let { density } = await summaryOf(page);
    expect(density.caption).toBe('Opinion density by paragraph (2 opinions)');
    expect(density.bars).toEqual(['Paragraph 9: 1 opinion in 38 words', 'Paragraph 10: 1 opinion in 54 words']);
    expect(density.widths[0]).toBe(100);
    expect(density.widths[1]).toBeLessThan(100);

    // A second opinion in paragraph 10 (54 words) makes it the densest.
    await tag(page, article, text, OVERDUE, 'opinion');
    counts.opinion = 3;
    opinions.push(cpRange(text, OVERDUE)[0]);
    await check();
    ({ density } = await summaryOf(page));
    expect(density.bars).toEqual(['Paragraph 9: 1 opinion in 38 words', 'Paragraph 10: 2 opinions in 54 words']);
    expect(density.widths[1]).toBe(100);
    expect(density.widths[0]).toBeLessThan(100);
  });

  await test.step('deleting a span and undoing it update the summary too', async () => {
    await summaryButton(page, POSTPONED).click();
    await expect(spanEditor(page).locator('blockquote')).toHaveText(POSTPONED);
    const withPostponed = await summaryOf(page);
    await spanEditor(page).getByRole('button', { name: 'Delete span', exact: true }).click();
    await expect(summaryButton(page, POSTPONED)).toHaveCount(0);
    counts.claim = 2;
    expected.sources = { 'Named (0)': [], 'Documents (1)': expected.sources['Documents (1)'], 'Anonymous (1)': expected.sources['Anonymous (1)'] };
    await check();
    await page.keyboard.press('Control+z');
    await expect.poll(() => summaryOf(page)).toEqual(withPostponed);
  });

  await expectSaved(page);
});

test('a long list shows its first entries and opens in full on request', async ({ page }) => {
  // 30 claims without a source, one per line: the summary lists 10 and offers the rest.
  const lines = Array.from({ length: 30 }, (_, i) => `Claim number ${i + 1} stands alone.`);
  await importOneSpanPerLine(page, 'Many claims', lines, () => ({ label: 'claim' }));

  const region = summary(page);
  await expect(region.getByRole('heading', { name: 'Claims with no source (30)', exact: true })).toBeVisible();
  const claims = region.getByRole('button', { name: /^Claim number \d+ stands alone\.$/ });
  await expect(claims).toHaveCount(10);
  await expect(claims.first()).toHaveText(lines[0]);
  await expect(claims.last()).toHaveText(lines[9]);

  const showAll = region.getByRole('button', { name: 'Show all 30 claims', exact: true });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(claims).toHaveCount(30);
  await expect(claims.last()).toHaveText(lines[29]);
  const showFewer = region.getByRole('button', { name: 'Show fewer claims', exact: true });
  await expect(showFewer).toHaveAttribute('aria-expanded', 'true');

  // An entry past the first ten still jumps to its span.
  await region.getByRole('button', { name: lines[24], exact: true }).click();
  await expect(spanEditor(page)).toContainText(lines[24]);

  // Still open in full after an edit to the article (the list is recomputed, not reset).
  await page.keyboard.press('Delete');
  await expect(region.getByRole('heading', { name: 'Claims with no source (29)', exact: true })).toBeVisible();
  await expect(claims).toHaveCount(29);
  await showFewer.click();
  await expect(claims).toHaveCount(10);
  await expect(region.getByRole('button', { name: 'Show all 29 claims', exact: true })).toBeVisible();
});

test('speakers and sources written in other cases are grouped, in any script', async ({ page }) => {
  // Names that are not all ASCII are lower-cased by the browser for grouping (the page's wasm
  // has no case tables): "JOSÉ ANDRÉS" and "José Andrés" are one speaker, as are the two
  // spellings of a Greek name, and the two of a source.
  const lines = ['“One.”', '“Two.”', '“Three.”', '“Four.”', '“Five.”', 'The Élysée said so.', 'The ÉLYSÉE said it again.'];
  const attrs = [
    { speaker: 'JOSÉ ANDRÉS' },
    { speaker: 'José Andrés' },
    { speaker: 'Αλέξης Τσίπρας' },
    { speaker: 'ΑΛΈΞΗΣ ΤΣΊΠΡΑΣ' },
    { speaker: 'josé andrés' },
    { source: 'the Élysée' },
    { source: 'the ÉLYSÉE' },
  ];
  await importOneSpanPerLine(page, 'Cases', lines, (i) => ({ label: i < 5 ? 'quote' : 'claim', attributes: attrs[i] }));

  await expect
    .poll(async () => {
      const { speakers, sources } = await summaryOf(page);
      return { speakers, named: sources['Named (1)'] };
    })
    .toEqual({
      speakers: [
        { name: 'JOSÉ ANDRÉS', role: null, quotes: [lines[0], lines[1], lines[4]] },
        { name: 'Αλέξης Τσίπρας', role: null, quotes: [lines[2], lines[3]] },
      ],
      named: [{ name: 'the Élysée', claims: [lines[5], lines[6]] }],
    });
});
