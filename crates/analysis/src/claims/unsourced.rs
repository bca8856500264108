//! Statements with no source: sentences that state a fact on the article's own authority.
//!
//! Owns: what makes a sentence such a statement — a number, a date or an event verb, and no
//! attribution, quotation, opinion cue or "I" or "you". Must never: suggest a sentence that
//! holds any reporting verb or overlaps a direct quotation.

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use super::is_quote;
use super::quoted::Quoted;
use crate::doc::Doc;
use crate::lexicon::sources::{has, Tok};

/// Verbs by which an article states an event as fact: "prices rose", "the council voted".
const EVENT_VERBS: &[&str] = &[
    "approved",
    "arrested",
    "attacked",
    "charged",
    "climbed",
    "closed",
    "convicted",
    "cost",
    "declined",
    "decreased",
    "died",
    "doubled",
    "dropped",
    "elected",
    "fell",
    "filed",
    "fired",
    "grew",
    "hired",
    "increased",
    "injured",
    "invaded",
    "jumped",
    "killed",
    "launched",
    "lost",
    "opened",
    "passed",
    "plunged",
    "reached",
    "rejected",
    "released",
    "resigned",
    "rose",
    "sentenced",
    "signed",
    "soared",
    "sued",
    "surged",
    "totaled",
    "totalled",
    "tripled",
    "voted",
    "won",
];

/// Words that make a sentence carry a statistic or a date even without digits.
const NUMBER_WORDS: &[&str] = &[
    "billion",
    "dozen",
    "dozens",
    "half",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "percent",
    "quarter",
    "thousand",
    "thousands",
    "trillion",
    "twice",
];

/// Capitalised words that date a sentence.
const DATE_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Words of the writer's or reader's own voice; a sentence with them is not a plain report.
const PERSONAL: &[&str] = &["i", "me", "my", "our", "us", "we", "you", "your"];

/// A sentence that states a fact on the article's own authority: a number, a date or an event
/// verb, no attribution, no quotation, no opinion cue and no "I" or "you".
pub(super) fn unsourced(doc: &Doc, toks: &[Tok], quoted: &Quoted, bytes: Range<usize>) -> Option<Suggestion> {
    let words = toks.iter().filter(|t| t.word).count();
    let last = toks.last()?;
    if words < 6 || !last.is(".") || quoted.overlaps(&bytes) {
        return None;
    }
    let mut number = false;
    let mut event: Option<&str> = None;
    for (k, t) in toks.iter().enumerate() {
        if is_quote(t) || t.is("?") || t.is("!") || has(PERSONAL, &t.lower) || t.is("according") {
            return None;
        }
        if crate::lexicon::reporting::claim_verb(&t.lower).is_some() || crate::lexicon::reporting::is_reporting_verb(&t.lower) {
            return None;
        }
        if t.word
            && (t.lower.starts_with(|c: char| c.is_ascii_digit())
                || has(NUMBER_WORDS, &t.lower)
                || (t.cap && k > 0 && has(DATE_WORDS, &t.lower)))
            || t.is("%")
        {
            number = true;
        }
        if event.is_none() && has(EVENT_VERBS, &t.lower) {
            event = Some(&doc.text[t.bytes.clone()]);
        }
    }
    if crate::opinions::has_cue(toks) {
        return None;
    }
    let range = bytes.start..trimmed_end(doc.text, &bytes);
    let attributes = Attributes::default();
    if number {
        Some(doc.suggestion(Label::Claim, range, attributes, 0.35, "factual statement with no source (a number or date)"))
    } else {
        let verb = event?;
        Some(doc.suggestion(Label::Claim, range, attributes, 0.3, &format!("factual statement with no source ('{verb}')")))
    }
}

/// The end of a sentence without its final full stop.
fn trimmed_end(text: &str, bytes: &Range<usize>) -> usize {
    let s = &text[bytes.clone()];
    bytes.start + s.trim_end_matches(['.', ' ']).len()
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[EVENT_VERBS, NUMBER_WORDS, DATE_WORDS, PERSONAL];
