//! Demand suggestions: who demands what from whom, one span per demanded item.
//!
//! Owns: the rules that read directive verbs and nouns (`lexicon::directive`) — "demanded
//! that", "called for", "called on X to", "urged X to", "insisted on", "pressed for",
//! "required X to", "asked X to", "their demands include", "an ultimatum to X to" — into the
//! actor (`by`), the addressee (`to`) and each demanded item, including each item of a list
//! that follows in the sentence ("A, B and C", "to A, to B, and to C") or on bulleted lines
//! after a colon. Must never: read more than `MAX_ITEM_TOKENS` tokens after a cue or more than
//! `MAX_BULLETS` lines of a list (so the whole pass stays linear), or suggest an item that
//! includes the cue or the actor.
//!
//! The parts: `cues` reads each directive verb or noun of a sentence into a hit, `actor` finds
//! who demands and who is addressed (and resolves "we" and "he" to names), and `items` cuts the
//! demanded content into items, including bulleted lines. This file runs them over the
//! sentences and makes one suggestion per item.

mod actor;
mod cues;
mod items;

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::sources::{last_person_name, tokenize};
use crate::quotes::Quote;
use actor::{resolve, Speakers};
use cues::in_sentence;
use items::bullets;

/// How far after a cue the demanded items may reach.
const MAX_ITEM_TOKENS: usize = 80;
/// The most items one cue yields (longer runs are not a list of demands).
const MAX_ITEMS: usize = 12;
/// The most bulleted lines read after one introduction.
const MAX_BULLETS: usize = 50;
/// The most tokens in one item of a comma list; longer pieces mean the commas are not a list.
const MAX_LIST_PIECE: usize = 8;
/// The longest addressee between "urged" and "to".
const MAX_ADDRESSEE: usize = 10;

/// A directive found in a sentence, with its items.
struct Hit {
    /// Byte where the cue starts, to find the quotation around it.
    at: usize,
    cue: String,
    by: Option<String>,
    to: Option<String>,
    /// Token ranges of the items.
    items: Vec<Range<usize>>,
    confidence: f32,
    /// The sentence ends with a colon right after the cue: items may follow as bullets.
    open_list: bool,
}

pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    let speakers = Speakers::new(quotes);
    let mut out = Vec::new();
    let mut last_person: Option<(String, usize)> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let toks = tokenize(doc.text, sentence.bytes.clone());
        let hits = in_sentence(doc.text, &toks);
        let paragraph = sentence.paragraph;
        for mut hit in hits {
            hit.by = hit.by.map(|by| resolve(by, &speakers, hit.at, &last_person, paragraph));
            hit.to = hit.to.map(|to| resolve(to, &speakers, hit.at, &last_person, paragraph));
            let total = hit.items.len();
            for (n, item) in hit.items.iter().enumerate() {
                let bytes = toks[item.start].bytes.start..toks[item.end - 1].bytes.end;
                let reason = if total == 1 {
                    format!("directive '{}'", hit.cue)
                } else {
                    format!("directive '{}' (item {} of {})", hit.cue, n + 1, total)
                };
                let attributes = Attributes { by: hit.by.clone(), to: hit.to.clone(), ..Attributes::default() };
                out.push(doc.suggestion(Label::Demand, bytes, attributes, hit.confidence, &reason));
            }
            let last_in_paragraph = doc.sentences.get(si + 1).is_none_or(|s| s.paragraph != paragraph);
            if hit.open_list && last_in_paragraph {
                out.extend(bullets(doc, paragraph + 1, &hit));
            }
        }
        if let Some(name) = last_person_name(doc.text, &toks) {
            last_person = Some((name, paragraph));
        }
    }
    out
}
