// The Summary panel as the summary specs (summary-contents, summary-navigation,
// summary-suggestions) read it: the sample article's four example spans, the panel's locators,
// summaryOf (the whole summary read into one plain object) and what the summary should say for
// given spans (sampleSummary, countsOf, densityOf). Specs compare the whole object, so a stray or
// missing entry anywhere fails a test, not only the one being looked at.
//
//   const { summaryOf, expectSummary, sampleSummary, openSample, ... } = require('./summary-support');
'use strict';

const { expect, cps, cpRange, articleView, openApp, SAMPLE } = require('./support');

// The sample's four example spans (crates/core/src/sample.rs).
const INES_QUOTE = '“We are not going to balance the harbour budget on the backs of people who cross the water to get to work,”';
const REPORT_CLAIM = 'ridership fell by 7 percent in 2025';
const UNION_DEMAND = 'freeze fares for two years';
const FISCHER_OPINION = 'postponing the inevitable and making it more painful';

// ---- Locators -------------------------------------------------------------------------------

const summary = (page) => page.getByRole('region', { name: 'Summary', exact: true });
const summaryButton = (page, text) => summary(page).getByRole('button', { name: text, exact: true });

// ---- Reading the summary --------------------------------------------------------------------

/**
 * Everything the Summary region shows, as plain data:
 *   counts:   ['Claim: 1', ...] (the chart's accessible names) and the bars' widths in percent
 *   speakers: [{ name, role, quotes: [entry text, ...] }]
 *   sources:  { 'Named (0)': [{ name, claims: [...] }], 'Documents (1)': ..., 'Anonymous (0)': ... }
 *   unsourced: { heading: 'Claims with no source (0)', claims: [...] }
 *   demands:  [[by, demand, to], ...] (the table's body, with its header checked apart)
 *   holders:  [{ name, opinions: [entry text, ...] }] (opinion holders)
 *   density:  { caption, bars: ['Paragraph 10: 1 opinion in 54 words', ...], widths: [...] }
 *   none:     the "No … yet." notes shown
 */
async function summaryOf(page) {
  return summary(page).evaluate((root) => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
    // A bar's width in percent: the value of its <progress> (no style attribute, which the
    // page's CSP refuses).
    const width = (li) => {
      const bar = li.querySelector('progress.bar');
      return bar ? Math.round((bar.value / bar.max) * 100) : null;
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
    const holders = after('Opinion holders', 'ul.groups');
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
      holders: holders.el ? groups(holders.el, 'opinions') : null,
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

const HEADINGS = (unsourced, holders = 1) => [
  'Summary',
  'Speakers',
  'Sources',
  `Claims with no source (${unsourced})`,
  'Who demands what from whom',
  `Opinion holders (${holders})`,
];
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
    holders: [{ name: 'Lena Fischer', opinions: [FISCHER_OPINION] }],
    density: densityOf(text, [cpRange(text, FISCHER_OPINION)[0]]),
    none: [],
  };
}

/** Expects the summary to become exactly `expected` (see summaryOf). */
async function expectSummary(page, expected) {
  await expect.poll(() => summaryOf(page)).toEqual(expected);
}

// ---- Opening the sample ---------------------------------------------------------------------

/** Opens the app on a fresh profile; returns the sample article and its text. */
async function openSample(page) {
  await openApp(page);
  const article = articleView(page, SAMPLE);
  await expect(article).toBeVisible();
  const text = await article.textContent();
  return { article, text };
}

module.exports = {
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
};
