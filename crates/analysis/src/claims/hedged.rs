//! Hedged reports that name no source: "reportedly", "allegedly", "is said to", "is believed
//! to", "it is understood that".
//!
//! Owns: the hedges that mark a statement as reported by someone the article does not name, and
//! the claim they make: the whole sentence (there is no source to leave out), with no source
//! and the source kind `unnamed`. Must never: take a hedge inside a quotation, or a stance verb
//! with a holder ("officials believe that" is an opinion's; only the passive, with no holder,
//! is a hedge).

use super::quoted::Quoted;
use super::{is_quote, quote_open_after};
use crate::lexicon::sources::{has, Tok};

/// Adverbs that report without naming who reports.
const HEDGE_ADVERBS: &[&str] = &["allegedly", "purportedly", "reportedly", "reputedly", "rumoredly", "supposedly"];

/// Participles that, after a form of "be" and before "to" or "that", report with no source:
/// "is said to", "are believed to", "it is understood that".
const HEDGE_PARTICIPLES: &[&str] =
    &["alleged", "believed", "claimed", "estimated", "reported", "rumored", "rumoured", "said", "suspected", "thought", "understood"];

const BE: &[&str] = &["are", "be", "been", "is", "was", "were"];

/// The hedge of a sentence, as written, if it has one outside quotations.
pub(super) fn hedge(text: &str, toks: &[Tok], quoted: &Quoted) -> Option<String> {
    let mut open_quote = false;
    for (i, t) in toks.iter().enumerate() {
        if !t.word {
            if is_quote(t) {
                open_quote = quote_open_after(t, open_quote);
            }
            continue;
        }
        if open_quote || quoted.inside(t.bytes.start) {
            continue;
        }
        if has(HEDGE_ADVERBS, &t.lower) {
            return Some(text[t.bytes.clone()].to_string());
        }
        let passive = i > 0 && has(BE, &toks[i - 1].lower) && has(HEDGE_PARTICIPLES, &t.lower);
        let next = toks.get(i + 1);
        if passive {
            // "is said to favour", "is believed to be"; but "was reported to police" is an event:
            // after "reported", "claimed" and "estimated", "to" must start "be" or "have".
            let to_be = toks.get(i + 2).is_some_and(|a| a.is("be") || a.is("have"));
            let to_verb = !matches!(t.lower.as_str(), "reported" | "claimed" | "estimated") || to_be;
            if next.is_some_and(|n| n.is("that") || (n.is("to") && to_verb)) {
                return Some(text[toks[i - 1].bytes.start..next.map_or(t.bytes.end, |n| n.bytes.end)].to_string());
            }
        }
    }
    None
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[HEDGE_ADVERBS, HEDGE_PARTICIPLES, BE];
