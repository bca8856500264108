//! Who makes a demand and of whom: the owner of a directive noun, the addressee between a verb
//! and "to", and the names that "we", "he" and "she" stand for.
//!
//! Owns: reading a possessor ("the rail union's demands") and an addressee ("urged the council
//! to"), and resolving "we" inside a quotation to its speaker and "he" or "she" to the last
//! person named in the same or the previous paragraph. Must never: read more than
//! `MAX_ADDRESSEE` tokens for an addressee, or look at quotations beyond the few nearest ones.

use std::ops::Range;

use super::MAX_ADDRESSEE;
use crate::lexicon::directive;
use crate::lexicon::sources::{has, is_person_pronoun, subject_before, Tok, DETERMINERS};
use crate::quotes::Quote;

/// Words that cannot be inside an addressee: the words of an indirect question or a clause.
const NOT_ADDRESSEE: &[&str] = &["how", "if", "that", "what", "whether", "which", "who", "why"];

/// Adverbs between an addressee and "to": "told them never to".
const NOT_ADDRESSEE_END: &[&str] = &["again", "also", "never", "not", "now", "still"];

/// "We" inside a quotation is its speaker; "he" or "she" the last person named nearby.
pub(super) fn resolve(who: String, speakers: &Speakers, at: usize, last_person: &Option<(String, usize)>, paragraph: usize) -> String {
    let lower = who.to_lowercase();
    if matches!(lower.as_str(), "i" | "we" | "us" | "me") {
        if let Some(s) = speakers.around(at) {
            return s.to_string();
        }
    }
    if is_person_pronoun(&who) {
        if let Some((name, p)) = last_person {
            if paragraph <= p + 1 {
                return name.clone();
            }
        }
    }
    who
}

/// The owner of a directive noun: "the rail union's demands" → "the rail union".
pub(super) fn possessor(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let mut j = k;
    // Skip adjectives: "the union's key demands".
    while j > 0 && k - j < 3 && toks[j - 1].word && !toks[j - 1].lower.ends_with("'s") && !has(DETERMINERS, &toks[j - 1].lower) {
        j -= 1;
    }
    let owner = toks.get(j.checked_sub(1)?)?;
    if !owner.lower.ends_with("'s") {
        return None;
    }
    // The owner's phrase is read like a subject ending at the owner.
    let (phrase, _) = subject_before(toks, j)?;
    let s = &text[phrase.bytes];
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s"))?;
    (!s.is_empty()).then(|| s.to_string())
}

/// The addressee between a verb and "to": "urged the council to" → (the council, index after
/// "to"). `Some((None, after))` when "to" follows at once.
pub(super) fn addressee(toks: &[Tok], from: usize) -> Option<(Option<Range<usize>>, usize)> {
    let limit = toks.len().min(from + MAX_ADDRESSEE + 1);
    let to = (from..limit).find(|&j| toks[j].is("to") || !toks[j].word && !toks[j].is(",") || toks[j].is("that"))?;
    if !toks[to].is("to") {
        return None;
    }
    let mut addressee = (to > from).then_some(from..to);
    if let Some(r) = &mut addressee {
        // "asked whether the deals required …", "told them what": not an addressee.
        if toks[r.clone()].iter().any(|t| has(NOT_ADDRESSEE, &t.lower) || directive::verb(&t.lower).is_some())
            || (toks[r.clone()].iter().any(|t| t.is(",")) && !toks[r.start].cap)
        {
            return None;
        }
        // "told his subordinates never to": the adverb belongs to the demand.
        while r.end > r.start + 1 && (has(NOT_ADDRESSEE_END, &toks[r.end - 1].lower) || toks[r.end - 1].lower.ends_with("ly")) {
            r.end -= 1;
        }
    }
    Some((addressee, to + 1))
}

/// Quotation speakers by position, for "we demand" inside a quote.
pub(super) struct Speakers<'q> {
    quotes: Vec<(&'q Range<usize>, &'q str)>,
}

impl<'q> Speakers<'q> {
    pub(super) fn new(quotes: &'q [Quote]) -> Self {
        let mut quotes: Vec<(&Range<usize>, &str)> = quotes.iter().filter_map(|q| Some((&q.bytes, q.speaker.as_deref()?))).collect();
        quotes.sort_by_key(|(r, _)| r.start);
        Speakers { quotes }
    }

    /// The speaker of a quotation holding byte `at`; looks at the few quotations starting
    /// nearest before it (quotations nest only a level or two).
    pub(super) fn around(&self, at: usize) -> Option<&'q str> {
        let i = self.quotes.partition_point(|(r, _)| r.start <= at);
        self.quotes[..i].iter().rev().take(4).find(|(r, _)| at < r.end).map(|(_, s)| *s)
    }
}
