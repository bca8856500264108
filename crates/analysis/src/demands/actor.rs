//! Who makes a demand and of whom: the owner of a directive noun, the addressee between a verb
//! and "to", the check that an actor is a noun phrase, and the speaker that "we" stands for.
//!
//! Owns: reading a possessor ("the rail union's demands", "the strikers' demands") and an
//! addressee ("urged the council to"), refusing an actor that is a fragment of a sentence
//! (`is_actor_phrase`), and resolving "we" inside a quotation to its speaker (other pronouns are
//! carried by `memory`). Must never: read more than `MAX_ADDRESSEE` tokens for an addressee, or
//! look at quotations beyond the few nearest ones.

use std::ops::Range;

use super::MAX_ADDRESSEE;
use crate::lexicon::directive;
use crate::lexicon::sources::{has, subject_before, tokenize, Tok, DETERMINERS, LEADING_PREPOSITIONS, TIME_WORDS};
use crate::quotes::Quote;

/// The most words in an actor; longer phrases are a clause read as a subject.
pub(super) const MAX_ACTOR_WORDS: usize = 8;

/// Words that cannot be inside an addressee: the words of an indirect question or a clause.
const NOT_ADDRESSEE: &[&str] = &["how", "if", "that", "what", "whether", "which", "who", "why"];

/// Spans of time after a preposition: "pressed the council for years to …".
const DURATIONS: &[&str] = &["days", "decades", "hours", "months", "weeks", "years"];

/// Adverbs between an addressee and "to": "told them never to".
const NOT_ADDRESSEE_END: &[&str] = &["again", "also", "never", "not", "now", "still"];

/// Words that never start an actor: conjunctions, subordinators and verbs of a sentence's start
/// ("Say Mexico demanded …" reads "Say" as part of the subject).
pub(super) const NOT_ACTOR_START: &[&str] = &[
    "and", "because", "but", "if", "imagine", "let", "or", "say", "says", "so", "suppose", "than", "that", "when", "whether", "which",
    "while", "who",
];

/// Words that are never inside an actor: finite verbs and modals.
pub(super) const NOT_IN_ACTOR: &[&str] = &[
    "am", "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "need", "needs", "shall",
    "should", "was", "were", "will", "would",
];

/// Whether `s` can name who makes a demand: a noun phrase of at most `MAX_ACTOR_WORDS` words
/// ("the union", "Opposition leader Mira Castell", "it"), not a fragment of a sentence: no
/// finite verb, modal, contraction ("they're") or reporting verb in it, no preposition,
/// conjunction or verb at its start, no "to" before a verb ("needs to make"), and no
/// determiner, preposition or possessive at its end ("Donald Trump's").
pub(super) fn is_actor_phrase(s: &str) -> bool {
    let toks = tokenize(s, 0..s.len());
    let words: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let placeholder = words.len() == 1 && matches!(first.lower.as_str(), "there" | "here" | "this" | "that" | "what");
    if words.len() > MAX_ACTOR_WORDS || has(LEADING_PREPOSITIONS, &first.lower) || has(NOT_ACTOR_START, &first.lower) || placeholder {
        return false;
    }
    if has(DETERMINERS, &last.lower) || has(LEADING_PREPOSITIONS, &last.lower) || last.lower.ends_with("'s") {
        return false;
    }
    let verb_like = |t: &Tok| {
        has(NOT_IN_ACTOR, &t.lower)
            || ["'re", "'ve", "'ll", "'d", "n't", "'m"].iter().any(|c| t.lower.ends_with(c))
            // "said", "told" (but "member states", "claims" may be nouns).
            || (!t.cap && !t.lower.ends_with('s') && crate::lexicon::reporting::is_reporting_verb(&t.lower))
    };
    let to_verb = toks.windows(2).any(|w| w[0].is("to") && w[1].word && !w[1].cap && !has(DETERMINERS, &w[1].lower));
    !words.iter().any(|t| verb_like(t)) && !to_verb && !toks.iter().any(|t| t.is(",") || t.is(";") || t.is(":"))
}

/// The start of a subject that a plural possessive splits: "The Karvonian Teachers' Federation"
/// is read back only to "Federation", since the mark is not part of a word.
pub(super) fn over_plural_possessive(toks: &[Tok], start: usize) -> usize {
    let apostrophe = start >= 2 && (toks[start - 1].is("'") || toks[start - 1].is("’"));
    if !(apostrophe && toks[start - 2].word && toks[start - 2].lower.ends_with('s')) {
        return start;
    }
    subject_before(toks, start - 1).map_or(start, |(p, _)| if p.toks.end == start - 1 { p.toks.start } else { start })
}

/// Common irregular past forms that end a sentence's opening subject ("A group of doctors sent").
pub(super) const IRREGULAR_PASTS: &[&str] = &[
    "began", "brought", "came", "gave", "got", "had", "held", "led", "left", "made", "met", "put", "said", "sent", "set", "took", "told",
    "wrote",
];

/// "We" inside a quotation is its speaker.
pub(super) fn speaker_for(who: &str, speakers: &Speakers, at: usize) -> Option<String> {
    let lower = who.to_ascii_lowercase();
    if matches!(lower.as_str(), "i" | "we" | "us" | "me" | "our") {
        return speakers.around(at).map(str::to_string);
    }
    None
}

/// Whether the token before `j` ends a possessive: "union's", or the mark of "strikers'".
fn possessive_end(toks: &[Tok], j: usize) -> bool {
    let Some(t) = j.checked_sub(1).and_then(|i| toks.get(i)) else { return false };
    t.lower.ends_with("'s") || ((t.is("'") || t.is("’")) && j >= 2 && toks[j - 2].word && toks[j - 2].lower.ends_with('s'))
}

/// Whether a directive noun at `k` has a possessive before it, over up to two adjectives.
pub(super) fn has_possessive(toks: &[Tok], k: usize) -> bool {
    owner_end(toks, k).is_some()
}

/// The index after the possessive that owns the noun at `k` ("the union's key demands").
fn owner_end(toks: &[Tok], k: usize) -> Option<usize> {
    let mut j = k;
    // Skip adjectives: "the union's key demands" (but not a verb: "the residents' group made
    // two demands").
    let adjective = |t: &Tok| t.word && !has(DETERMINERS, &t.lower) && !has(IRREGULAR_PASTS, &t.lower) && !has(NOT_IN_ACTOR, &t.lower);
    while j > 0 && k - j < 3 && !possessive_end(toks, j) && adjective(&toks[j - 1]) {
        j -= 1;
    }
    possessive_end(toks, j).then_some(j)
}

/// The owner of a directive noun: "the rail union's demands" → "the rail union", "the
/// strikers' demands" → "the strikers".
pub(super) fn possessor(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let j = owner_end(toks, k)?;
    // The owner's phrase is read like a subject ending at the owner (without a lone mark).
    let end = if toks[j - 1].word { j } else { j - 1 };
    let (phrase, _) = subject_before(toks, end)?;
    let s = &text[phrase.bytes];
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")).unwrap_or(s);
    (!s.is_empty()).then(|| s.to_string())
}

/// The addressee between a verb and "to": "urged the council to" → (the council, index after
/// "to"; or of "not" in "asked drivers not to", since the negation belongs to the item). `Some((None, after))` when "to" follows at once.
pub(super) fn addressee(toks: &[Tok], from: usize) -> Option<(Option<Range<usize>>, usize)> {
    let limit = toks.len().min(from + MAX_ADDRESSEE + 1);
    let to = (from..limit).find(|&j| toks[j].is("to") || !toks[j].word && !toks[j].is(",") || toks[j].is("that"))?;
    if !toks[to].is("to") {
        return None;
    }
    let mut addressee = (to > from).then_some(from..to);
    let mut after = to + 1;
    if let Some(r) = &mut addressee {
        // "asked whether the deals required …", "told them what": not an addressee.
        if toks[r.clone()].iter().any(|t| has(NOT_ADDRESSEE, &t.lower) || directive::verb(&t.lower).is_some())
            || (toks[r.clone()].iter().any(|t| t.is(",")) && !toks[r.start].cap)
        {
            return None;
        }
        // "told his subordinates never to": the adverb belongs to the demand.
        // "instructed staff Monday to": a bare time word ends the addressee too.
        while r.end > r.start + 1
            && (has(NOT_ADDRESSEE_END, &toks[r.end - 1].lower)
                || toks[r.end - 1].lower.ends_with("ly")
                || has(TIME_WORDS, &toks[r.end - 1].lower))
        {
            r.end -= 1;
        }
        // "ordered the agencies in April 2021 to …": a time adjunct is not the addressee's.
        if let Some(p) = (r.start + 1..r.end).find(|&j| {
            has(LEADING_PREPOSITIONS, &toks[j].lower)
                && toks.get(j + 1).is_some_and(|n| {
                    has(TIME_WORDS, &n.lower) || has(DURATIONS, &n.lower) || n.lower.starts_with(|c: char| c.is_ascii_digit())
                })
        }) {
            r.end = p;
        }
        // "asked drivers not to use …": the negation is part of the demanded item.
        if toks[r.end..to].iter().any(|t| t.is("not") || t.is("never")) {
            after = r.end;
        }
    }
    Some((addressee, after))
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
