// The side panel's Summary: spans per label as a chart, speakers with their quotes and roles,
// sources by kind (named, documents, anonymous), claims with no source, who demands what from
// whom, and opinion density by paragraph.
//
//   1. On a fresh profile's sample article (four example spans) every section says what the
//      example spans say.
//   2. Spans tagged by hand, and attributes typed into the Selected span editor, change the
//      summary at once: an unsourced claim, then its source; a named source; a quote's speaker
//      with a role; a demand's parties; opinions in the density bars.
//   3. Every entry is a button that selects its span (the editor shows it) and brings it into
//      the reader's view.
//   4. Pending suggestions are not counted; accepted ones are, and undo takes them out again.
//   5. Accept all and Reject all of one label act on that label alone; Reject all on every
//      label adds nothing; each is undone by one undo.
//
// The whole summary is read into one plain object (summaryOf) and compared with what the spans
// imply, so a stray or missing entry anywhere fails the test, not only the one being looked at.
'use strict';

const {
  test,
  expect,
  cps,
  cpRange,
  articleView,
  spanEditor,
  labelButton,
  button,
  openApp,
  expectSaved,
  highlightTexts,
  selectPhrase,
  SAMPLE,
  tagPhrase,
  chooseFiles,
  file,
} = require('./support');


// The sample's four example spans (crates/core/src/sample.rs).
const INES_QUOTE = '“We are not going to balance the harbour budget on the backs of people who cross the water to get to work,”';
const REPORT_CLAIM = 'ridership fell by 7 percent in 2025';
const UNION_DEMAND = 'freeze fares for two years';
const FISCHER_OPINION = 'postponing the inevitable and making it more painful';

// ---- Locators -------------------------------------------------------------------------------

const summary = (page) => page.getByRole('region', { name: 'Summary', exact: true });
const summaryButton = (page, text) => summary(page).getByRole('button', { name: text, exact: true });
const reader = (page) => page.locator('main.reader');
const suggestionList = (page) => page.getByRole('list', { name: 'Suggestions in text order', exact: true });
/** The pending suggestion of `label` ("Quote", …) whose text is exactly `text`. */
const suggestion = (page, label, text) =>
  suggestionList(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.label-name').getByText(`${label}:`, { exact: true }) })
    .filter({ has: page.locator('.span-text').getByText(text, { exact: true }) });

// ---- Reading the summary --------------------------------------------------------------------

/**
 * Everything the Summary region shows, as plain data:
 *   counts:   ['Claim: 1', ...] (the chart's accessible names) and the bars' widths in percent
 *   speakers: [{ name, role, quotes: [entry text, ...] }]
 *   sources:  { 'Named (0)': [{ name, claims: [...] }], 'Documents (1)': ..., 'Anonymous (0)': ... }
 *   unsourced: { heading: 'Claims with no source (0)', claims: [...] }
 *   demands:  [[by, demand, to], ...] (the table's body, with its header checked apart)
 *   density:  { caption, bars: ['Paragraph 10: 1 opinion in 54 words', ...], widths: [...] }
 *   none:     the "No … yet." notes shown
 */
async function summaryOf(page) {
  return summary(page).evaluate((root) => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    const width = (li) => {
      const m = /width:\s*(\d+)%/.exec(li.querySelector('.bar').getAttribute('style') || '');
      return m ? Number(m[1]) : null;
    };
    const entries = (ul) => (ul ? [...ul.querySelectorAll(':scope > li > button')].map(text) : []);
    const groups = (ul, key) =>
      [...ul.querySelectorAll(':scope > li')].map((li) => {
        const g = { name: text(li.querySelector(':scope > .group-name')) };
        if (key === 'quotes') {
          const role = li.querySelector(':scope > .role');
          g.role = role ? text(role).replace(/^,\s*/, '') : null;
        }
        g[key] = entries(li.querySelector(':scope > ul.entries'));
        return g;
      });
    const kids = [...root.children];
    const after = (heading, selector) => {
      const h = kids.find((el) => el.tagName === 'H3' && text(el).startsWith(heading));
      if (!h) return { heading: null, el: null };
      for (let el = h.nextElementSibling; el && el.tagName !== 'H3'; el = el.nextElementSibling) {
        if (el.matches(selector)) return { heading: text(h), el };
      }
      return { heading: text(h), el: null };
    };

    const [countsFig, densityFig] = root.querySelectorAll('figure');
    const countItems = [...countsFig.querySelectorAll('li')];
    const speakers = after('Speakers', 'ul.groups');
    const sources = {};
    for (const kind of root.querySelectorAll('div.source-kind')) {
      sources[text(kind.querySelector('h4'))] = groups(kind.querySelector('ul.groups'), 'claims');
    }
    const unsourced = after('Claims with no source', 'ul.entries');
    const table = after('Who demands what from whom', 'table');
    const densityItems = [...densityFig.querySelectorAll('li')];
    return {
      headings: kids.filter((el) => /^H[23]$/.test(el.tagName)).map(text),
      counts: countItems.map((li) => li.getAttribute('aria-label')),
      countWidths: countItems.map(width),
      speakers: groups(speakers.el, 'quotes'),
      sources,
      unsourced: { heading: unsourced.heading, claims: entries(unsourced.el) },
      demandHeader: table.el ? [...table.el.querySelectorAll('thead th')].map(text) : null,
      demands: table.el ? [...table.el.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map(text)) : [],
      density: {
        caption: text(densityFig.querySelector('figcaption')),
        bars: densityItems.map((li) => li.getAttribute('aria-label')),
        widths: densityItems.map(width),
      },
      none: [...root.querySelectorAll('p.none')].map(text),
    };
  });
}

// ---- What the summary should say ------------------------------------------------------------

/** Non-blank lines of `text` (the summary's paragraphs), numbered from 1, in code points. */
function paragraphs(text) {
  const out = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const len = cps(line).length;
    if (line.trim() !== '') out.push({ number: out.length + 1, start: at, end: at + len + 1, words: line.trim().split(/\s+/).length });
    at += len + 1;
  }
  return out;
}

/** Rust's `(x as f32 / max * 100.0) as u32`, with f32 arithmetic. */
const f32 = Math.fround;
const percentOf = (x, max) => Math.trunc(f32(f32(f32(x) / f32(max)) * 100));

/**
 * The density section for opinion spans starting at the code points `starts` in `text`: one bar
 * per paragraph holding an opinion, "Paragraph N: k opinion(s) in W words", its width relative to
 * the densest paragraph.
 */
function densityOf(text, starts) {
  const paras = paragraphs(text).map((p) => ({ ...p, opinions: starts.filter((s) => s >= p.start && s < p.end).length }));
  const per = (p) => f32(f32(f32(p.opinions) * 100) / f32(p.words));
  const shown = paras.filter((p) => p.opinions > 0);
  const max = Math.max(0, ...shown.map(per));
  const total = starts.length;
  return {
    caption: `Opinion density by paragraph (${total} opinion${total === 1 ? '' : 's'})`,
    bars: shown.map((p) => `Paragraph ${p.number}: ${p.opinions} opinion${p.opinions === 1 ? '' : 's'} in ${p.words} words`),
    widths: shown.map((p) => percentOf(per(p), max)),
  };
}

/** The chart's accessible names and bar widths for these counts per label. */
function countsOf({ claim, demand, quote, opinion }) {
  const n = [claim, demand, quote, opinion];
  const max = Math.max(1, ...n);
  return {
    counts: ['Claim', 'Demand', 'Quote', 'Opinion'].map((l, i) => `${l}: ${n[i]}`),
    countWidths: n.map((x) => Math.floor((x * 100) / max)),
  };
}

const HEADINGS = (unsourced) => ['Summary', 'Speakers', 'Sources', `Claims with no source (${unsourced})`, 'Who demands what from whom'];
const DEMAND_HEADER = ['By', 'Demand', 'Addressed to'];

/** The summary of the untouched sample article. */
function sampleSummary(text) {
  return {
    headings: HEADINGS(0),
    ...countsOf({ claim: 1, demand: 1, quote: 1, opinion: 1 }),
    speakers: [{ name: 'Ines Carvalho', role: null, quotes: [INES_QUOTE] }],
    sources: {
      'Named (0)': [],
      'Documents (1)': [{ name: 'the authority’s annual report', claims: [REPORT_CLAIM] }],
      'Anonymous (0)': [],
    },
    unsourced: { heading: 'Claims with no source (0)', claims: [] },
    demandHeader: DEMAND_HEADER,
    demands: [['Dock and Ferry Workers’ Union', UNION_DEMAND, 'the city council']],
    density: densityOf(text, [cpRange(text, FISCHER_OPINION)[0]]),
    none: [],
  };
}

/** Expects the summary to become exactly `expected` (see summaryOf). */
async function expectSummary(page, expected) {
  await expect.poll(() => summaryOf(page)).toEqual(expected);
}

// ---- Acting on the article ------------------------------------------------------------------

/** Opens the app on a fresh profile; returns the sample article and its text. */
async function openSample(page) {
  await openApp(page);
  const article = articleView(page, SAMPLE);
  await expect(article).toBeVisible();
  const text = await article.textContent();
  return { article, text };
}

const tag = tagPhrase;

/** A text box of the Selected span editor, by its label ("Source", "Speaker", …). */
const field = (page, name) => spanEditor(page).getByRole('textbox', { name, exact: true });

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
  for (const name of ['Speakers', 'Sources', 'Claims with no source (0)', 'Who demands what from whom']) {
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
  // Each span entry is a button: the quote, the claim and the demand; a paragraph's bar has a
  // button that goes to its first opinion.
  await expect(region.getByRole('button')).toHaveText([INES_QUOTE, REPORT_CLAIM, UNION_DEMAND, '→']);
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
