// Deterministic test data for bench/peer/run.js: wire-style news text (curly quotes, em dashes,
// accents, an occasional emoji, paragraphs separated by a blank line) from a fixed-seed PRNG, and
// spans over it on word boundaries. The same seed always gives the same bytes.
'use strict';

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Mayor Ines Carvalho', 'Lena Fischer', 'Senator Tomás Aguilar', 'Dr. Priya Raman', 'Chief Inspector Mark O’Neill',
  'Minister Adaeze Okafor', 'Councillor Jean-Luc Béranger', 'Professor Hannah Lindqvist', 'Governor Ray Delgado', 'Ms. Sofia Marković'];
const ORGS = ['the harbour authority', 'the transport union', 'the city council', 'the Ministry of Finance', 'the University of Westmarch',
  'the regional court', 'the port workers’ association', 'the chamber of commerce', 'Fair Fares Now', 'the national weather service'];
const PLACES = ['Port Ellison', 'Westmarch', 'São Miguel', 'Kirkby Lonsdale', 'New Aberdeen', 'Zürich', 'Łódź', 'the old town'];
const TOPICS = ['ferry fares', 'the budget', 'the new bridge', 'school meals', 'night buses', 'the flood barrier', 'rents', 'the hospital wing'];
const VERBS = ['said', 'told reporters', 'warned', 'insisted', 'argued', 'added', 'wrote in a statement', 'said on Tuesday'];
const EMOJI = ['😀', '🚧', '🌉', '⛴️', '💶', '📈', '🗳️', '👩‍👩‍👧'];
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function sentence(r) {
  const p = pick(r, PEOPLE);
  const o = pick(r, ORGS);
  const t = pick(r, TOPICS);
  const pl = pick(r, PLACES);
  const n = 2 + Math.floor(r() * 97);
  switch (Math.floor(r() * 8)) {
    case 0: return `“We are not going to balance ${t} on the backs of commuters,” ${p} ${pick(r, VERBS)}.`;
    case 1: return `According to ${o}, spending on ${t} in ${pl} fell by ${n} percent last year, and two officials familiar with the talks said cuts could come by summer.`;
    case 2: return `${o[0].toUpperCase()}${o.slice(1)} called on ${pick(r, ORGS)} to freeze ${t} for ${n % 5 + 1} years and to publish the accounts.`;
    case 3: return `${p}, who has followed ${t} for a decade, said the decision was overdue — “I don’t think a pause is a victory,” she ${pick(r, VERBS)}.`;
    case 4: return `The vote on ${t} was postponed until June; residents of ${pl} remain sceptical ${pick(r, EMOJI)}.`;
    case 5: return `Critics said the plan for ${t} is short-sighted and badly costed, while supporters called it the city’s best chance in a generation.`;
    case 6: return `“It’s a matter of trust,” ${p} ${pick(r, VERBS)}, adding that ${o} had ignored ${n} complaints since January.`;
    default: return `In ${pl}, café owners and dockworkers gathered outside the town hall, demanding answers about ${t} ${pick(r, EMOJI)}.`;
  }
}

/** An article of about `bytes` UTF-8 bytes: paragraphs of 2-6 sentences, a blank line apart. */
function article(seed, bytes) {
  const r = prng(seed);
  const paras = [];
  let size = 0;
  while (size < bytes) {
    const k = 2 + Math.floor(r() * 5);
    const s = [];
    for (let i = 0; i < k; i++) s.push(sentence(r));
    const p = s.join(' ');
    paras.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paras.join('\n\n');
}

const LABELS = ['claim', 'demand', 'quote', 'opinion'];

/**
 * `count` spans over `text`, each 1-12 words on word boundaries inside one paragraph, with random
 * labels, in text order. Offsets in code points (newsmark's unit) and UTF-16 (the DOM's).
 */
function spans(seed, text, count) {
  const r = prng(seed);
  const cps = [...text];
  // Word starts and ends in code points, and the UTF-16 offset of every code point.
  const u16 = new Uint32Array(cps.length + 1);
  for (let i = 0, u = 0; i <= cps.length; i++) { u16[i] = u; if (i < cps.length) u += cps[i].length; }
  const words = [];
  const re = /[^\s]+/gu;
  const str = text;
  // Map UTF-16 match offsets back to code points.
  const cpOf = new Map();
  for (let i = 0; i <= cps.length; i++) cpOf.set(u16[i], i);
  let m;
  while ((m = re.exec(str))) {
    // Emoji sequences with joiners or variation selectors are single words here, so word edges
    // are always grapheme-cluster boundaries.
    words.push([cpOf.get(m.index), cpOf.get(m.index + m[0].length)]);
  }
  // Which paragraph each word is in, so that spans stay inside one.
  const para = new Uint32Array(words.length);
  for (let i = 1, p = 0; i < words.length; i++) {
    const gap = cps.slice(words[i - 1][1], words[i][0]).join('');
    if (gap.includes('\n')) p++;
    para[i] = p;
  }
  const out = [];
  const seen = new Set();
  while (out.length < count) {
    const w = Math.floor(r() * words.length);
    let e = Math.min(words.length - 1, w + Math.floor(r() * 12));
    while (para[e] !== para[w]) e--;
    const start = words[w][0];
    const end = words[e][1];
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ label: pick(r, LABELS), start, end, u16start: u16[start], u16end: u16[end] });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.map((s, i) => ({ id: `s${i + 1}`, text: cps.slice(s.start, s.end).join(''), ...s }));
}

/** A newsmark labelled JSON document (docs/labelled-json.md) for `docs` [{ title, text, spans }]. */
function labelledJson(docs) {
  return JSON.stringify({
    format: 'newsmark-labelled-json',
    version: 1,
    exported_at: '2026-11-21T00:00:00.000Z',
    documents: docs.map((d, i) => ({
      id: `a${i + 1}`,
      title: d.title,
      text: d.text,
      spans: d.spans.map((s) => ({ id: s.id, label: s.label, start: s.start, end: s.end, text: s.text, origin: 'manual' })),
    })),
  });
}

/** The same spans as W3C Web Annotations for @recogito/text-annotator (UTF-16 positions). */
function w3c(spans) {
  return spans.map((s) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `urn:newsmark-bench:${s.id}`,
    body: [{ type: 'TextualBody', purpose: 'tagging', value: s.label }],
    target: {
      source: 'urn:newsmark-bench:article',
      selector: [
        { type: 'TextQuoteSelector', exact: s.text },
        { type: 'TextPositionSelector', start: s.u16start, end: s.u16end },
      ],
    },
  }));
}

module.exports = { prng, article, spans, labelledJson, w3c, LABELS };
