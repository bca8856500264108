// The hostile corpus for the end-to-end tests (tests/e2e/hostile.spec.js): payloads.json's
// payloads with the generated ones built, the canary's name, the lone surrogates as JSON text,
// and `shown`, which says how the app shows a name holding one of them (a JavaScript copy of
// crates/core/src/shown.rs, whose own tests pin the rule).
'use strict';

const corpus = require('./payloads.json');

/** Every payload: { id, kind, text }, the generated ones built (`repeat` `times` times). */
const payloads = [
  ...corpus.payloads,
  ...corpus.generated.map((g) => ({ id: g.id, kind: g.kind, text: g.repeat.repeat(g.times) })),
];

/** The code points a name shows as ⟨U+XXXX⟩ (crates/core/src/shown.rs, HIDDEN). */
const HIDDEN = [
  [0x0, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5],
  [0x180b, 0x180f], [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xfff9, 0xfffb], [0x1d173, 0x1d17a], [0xe0000, 0xe007f],
];
const hidden = (cp) => HIDDEN.some(([a, b]) => a <= cp && cp <= b);

/** `name` as the app shows it: invisible and direction characters as ⟨U+XXXX⟩. */
const shown = (name) =>
  [...name].map((c) => (hidden(c.codePointAt(0)) ? `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩` : c)).join('');

module.exports = { payloads, canary: corpus.canary, loneSurrogates: corpus.lone_surrogates, shown };
