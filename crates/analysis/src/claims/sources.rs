//! The source phrase of a credit, checked and widened: the subject at the start of a sentence
//! (for "…, saying …"), a relative clause or "briefed on" taken into the source, and phrases
//! that cannot be a subject turned away.
//!
//! Owns: those three readings, used by `credit`. Must never: read more than a few tokens around
//! the phrase it is given, or classify the source (that is `source_kind`).

use super::Phrase;
use crate::lexicon::reporting::claim_verb;
use crate::lexicon::sources::{has, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS, TIME_WORDS};

/// Words that end a phrase read backwards: a conjunction or a clause opener.
const SUBJECT_STOPS: &[&str] = &["and", "as", "because", "but", "if", "or", "that", "when", "which", "while", "who"];

/// Words a subject never ends with: adverbs, auxiliaries and negations that the reader stepped
/// over into ("he cannot defend", "they sometimes dismiss").
const NOT_SUBJECT_ENDS: &[&str] = &["also", "cannot", "often", "sometimes", "start", "usually"];

/// Whether a phrase read back from a verb can be its subject: it does not end with a negation,
/// a contracted auxiliary or an adverb, nor start with a lower-case past form ("built near the
/// stream called …").
pub(super) fn reads_as_subject(p: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (p.first(), p.last()) else { return false };
    let bad_end = has(NOT_SUBJECT_ENDS, &last.lower) || last.lower.ends_with("n't") || last.lower.ends_with("'ll");
    let past_start = !first.cap && first.lower.len() > 4 && first.lower.ends_with("ed");
    let verb_start = !first.cap && matches!(first.lower.as_str(), "built" | "made" | "sent" | "send" | "keep" | "keeps");
    // "In August said", "On Thursday …": an adverbial the reader took for a subject.
    let adverbial = has(LEADING_PREPOSITIONS, &first.lower) || (p.len() == 1 && has(TIME_WORDS, &first.lower)) || first.is("early");
    !(bad_end || past_start || verb_start || adverbial || (first.cap && first.lower == "keeps"))
}

/// Words that, before "on", "with" or "to", describe an anonymous source: "a person briefed on
/// the plan", "two people familiar with the talks", "an aide close to the mayor".
const ANONYMITY_PARTICIPLES: &[&str] = &["briefed", "close", "familiar", "informed"];

/// A subject read back only to the object of "briefed on" ("the plan" of "a person briefed on
/// the plan said") or to a relative clause ("declined to be named" of "a spokesperson who
/// declined to be named said") widened to the whole phrase, so the source is the person.
pub(super) fn widen_anonymous(toks: &[Tok], p: Phrase) -> Phrase {
    // The reader may have dropped the object's article: "… briefed on the | plan said".
    let s = if p.toks.start > 0 && has(DETERMINERS, &toks[p.toks.start - 1].lower) { p.toks.start - 1 } else { p.toks.start };
    // "a spokesperson who declined to be named said": the source is the noun before "who".
    let who = (s.saturating_sub(5)..s).rev().take_while(|&k| toks[k].word).find(|&k| toks[k].is("who"));
    if let Some(who) = who.filter(|&w| w > 0) {
        let mut start = who;
        while start > 0 && who - start < 4 && toks[start - 1].word && !has(SUBJECT_STOPS, &toks[start - 1].lower) {
            start -= 1;
        }
        if start < who {
            return Phrase { bytes: toks[start].bytes.start..p.bytes.end, toks: start..p.toks.end };
        }
    }
    if s < 3 || !matches!(toks[s - 1].lower.as_str(), "on" | "with" | "to") || !has(ANONYMITY_PARTICIPLES, &toks[s - 2].lower) {
        return p;
    }
    // Up to four words before the participle: "a person", "two senior officials".
    let mut start = s - 2;
    while start > 0 && s - 2 - start < 4 && toks[start - 1].word && !has(SUBJECT_STOPS, &toks[start - 1].lower) {
        start -= 1;
    }
    if start == s - 2 {
        return p;
    }
    Phrase { bytes: toks[start].bytes.start..p.bytes.end, toks: start..p.toks.end }
}

/// The subject at the start of the sentence, for "…, saying that": a pronoun or a run of
/// capitalised words.
pub(super) fn sentence_subject(toks: &[Tok], before: usize) -> Option<Phrase> {
    let first = toks.iter().take(8).position(|t| t.word && !matches!(t.lower.as_str(), "but" | "and" | "so" | "yet"))?;
    if first >= before {
        return None;
    }
    let t = &toks[first];
    if has(SUBJECT_PRONOUNS, &t.lower) {
        return Some(Phrase { toks: first..first + 1, bytes: t.bytes.clone() });
    }
    let mut end = first;
    while end < before && end - first < 6 && toks[end].word && (toks[end].cap || (end > first && toks[end].is("of"))) {
        end += 1;
    }
    if has(DETERMINERS, &t.lower) && end == first + 1 {
        // "The mayor has …": an article and a few words up to the first verb.
        let verb = |k: usize| {
            let w = toks[k].lower.as_str();
            !toks[k].word || has(FINITE_WORDS, w) || (w.len() > 4 && w.ends_with("ed")) || claim_verb(w).is_some()
        };
        let stop = (first + 1..before.min(first + 5)).find(|&k| verb(k))?;
        end = stop;
    }
    (end > first).then(|| Phrase { toks: first..end, bytes: toks[first].bytes.start..toks[end - 1].bytes.end })
}

/// Words between a subject and its verb that the subject reader does not skip: "does not
/// want", "has not mentioned", "never agreed". Modals stay out: "could threaten to …" is a
/// possibility, not a report.
const NEGATION_AND_MODALS: &[&str] = &["did", "do", "does", "never", "not", "still"];

/// Where the subject ends before the verb at `i`, over a negation and modals: "The union does
/// not intend" → before "does".
pub(super) fn before_negation(toks: &[Tok], i: usize) -> usize {
    let mut at = i;
    while at > 0 && i - at < 3 && (has(NEGATION_AND_MODALS, &toks[at - 1].lower) || toks[at - 1].lower.ends_with("n't")) {
        at -= 1;
    }
    at
}

/// Auxiliaries that end a subject read forwards from the start of the sentence.
const FINITE_WORDS: &[&str] =
    &["are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must", "should", "was", "were", "will", "would"];

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[SUBJECT_STOPS, NOT_SUBJECT_ENDS, ANONYMITY_PARTICIPLES, FINITE_WORDS, NEGATION_AND_MODALS];
