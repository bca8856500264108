//! Where reported content starts after a cue, and whether the words there read as a clause.
//!
//! Owns: "that" or a colon after the cue, an addressee after "told", adjuncts between the cue and
//! "that" ("said on Monday that"), and telling a clause ("said the plan would fail") from an
//! object ("said the words") by a finite verb within a few words. Must never: look more than a
//! fixed number of tokens past where it starts.

use super::is_quote;
use crate::lexicon::sources::{has, Tok, DETERMINERS, SUBJECT_PRONOUNS, TIME_WORDS};

/// Words that may stand between a cue and "that": "said on Monday in a statement that".
const ADJUNCT_STARTS: &[&str] = &[
    ",",
    "after",
    "again",
    "also",
    "at",
    "before",
    "during",
    "earlier",
    "in",
    "last",
    "later",
    "on",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "this",
    "through",
    "to",
    "today",
    "tonight",
    "via",
    "yesterday",
];

/// Words after "said" that do not start reported content: "said yes", "said so", "said in".
const NOT_CLAUSE: &[&str] = &[
    "about",
    "as",
    "at",
    "by",
    "for",
    "from",
    "goodbye",
    "hello",
    "if",
    "in",
    "into",
    "nothing",
    "of",
    "on",
    "only",
    "so",
    "something",
    "sorry",
    "thanks",
    "to",
    "what",
    "when",
    "whether",
    "while",
    "with",
    "yes",
];

/// Finite verbs and auxiliaries that show a clause follows: "said officials are …".
const FINITE: &[&str] = &[
    "am",
    "are",
    "aren't",
    "believes",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "deserves",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "feels",
    "gets",
    "goes",
    "had",
    "has",
    "hasn't",
    "have",
    "haven't",
    "is",
    "isn't",
    "knows",
    "lacks",
    "looks",
    "makes",
    "may",
    "means",
    "might",
    "must",
    "needs",
    "plans",
    "remains",
    "seems",
    "shall",
    "should",
    "shouldn't",
    "takes",
    "thinks",
    "wants",
    "was",
    "wasn't",
    "were",
    "weren't",
    "will",
    "won't",
    "would",
    "wouldn't",
];

/// Whether a finite verb comes within a few words of `from`: the words there are a clause.
/// Finite means an auxiliary or common verb from `FINITE`, a contraction ("he's"), a past
/// form in "-ed" after the first word, or a word in "-s" right after a name or a pronoun
/// ("Trump favors", "she expects").
pub(super) fn clause_at(toks: &[Tok], from: usize) -> bool {
    for (n, t) in toks.iter().enumerate().skip(from).take(20) {
        if !t.word {
            if t.is(",") || t.is("-") || is_quote(t) {
                continue;
            }
            return false;
        }
        let w = t.lower.as_str();
        let contraction = ["'s", "'re", "'ll", "'d", "'ve", "n't"].iter().any(|c| w.ends_with(c)) && !t.cap;
        let past = n > from && w.len() > 4 && w.ends_with("ed") && !t.cap;
        let after_subject = n > from && (toks[n - 1].cap || matches!(toks[n - 1].lower.as_str(), "he" | "she" | "it"));
        let third_person = after_subject && !t.cap && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
        // "they plan", "we know": a subject pronoun followed by a lower-case word is a clause.
        let after_pronoun = n > from && has(SUBJECT_PRONOUNS, &toks[n - 1].lower) && !t.cap && !has(NOT_CLAUSE, w);
        if has(FINITE, w) || contraction || past || third_person || after_pronoun {
            return true;
        }
    }
    false
}

/// Where the content after a cue starts, and whether "that" (or a colon) introduced it.
pub(super) fn content_after(toks: &[Tok], from: usize, verb: &str) -> Option<(usize, bool)> {
    let mut j = from;
    if matches!(verb, "told" | "tell" | "tells" | "telling") {
        // The addressee: "told reporters", "told a meeting of harbour pilots".
        // Or, with "that" left out, where a clause begins: "told reporters the plan would fail".
        let opens_clause = |k: usize| k > from && (has(DETERMINERS, &toks[k].lower) || toks[k].cap) && clause_at(toks, k);
        let object = (from..toks.len().min(from + 10))
            .find(|&k| toks[k].is("that") || (k > from && has(SUBJECT_PRONOUNS, &toks[k].lower)))
            .or_else(|| (from + 1..toks.len().min(from + 6)).take_while(|&k| toks[k].word).find(|&k| opens_clause(k)))?;
        if object == from {
            return None;
        }
        j = object;
    }
    let first = toks.get(j)?;
    if first.is("that") {
        return Some((j + 1, true));
    }
    if first.is(":") {
        let next = toks.get(j + 1)?;
        return (!is_quote(next)).then_some((j + 1, true));
    }
    if has(ADJUNCT_STARTS, &first.lower) || has(TIME_WORDS, &first.lower) {
        // "said on Monday that …", "said Tuesday he …", "said after the convention he would".
        for k in j..toks.len().min(j + 10) {
            let t = &toks[k];
            if t.is("that") {
                return Some((k + 1, true));
            }
            if !t.word && !t.is(",") {
                return None;
            }
            let opens = k > j && (has(SUBJECT_PRONOUNS, &t.lower) || toks[k - 1].is(","));
            if opens && t.word && !has(NOT_CLAUSE, &t.lower) && clause_at(toks, k) {
                return Some((k, false));
            }
        }
        return None;
    }
    if is_quote(first) || !first.word || has(NOT_CLAUSE, &first.lower) {
        return None;
    }
    // Without "that", the content must read as a clause: a finite verb within a few words
    // ("said the plan would", "found the state was", not "said the words", "found the body").
    if clause_at(toks, j) {
        return Some((j, false));
    }
    // After "said", a noun phrase of several words is nearly always the subject of reported
    // speech whose verb the short list above misses ("said the nonstop demands … erase").
    let say = matches!(verb, "said" | "says" | "say" | "saying");
    let opens_phrase = first.cap || has(DETERMINERS, &first.lower) || first.lower.starts_with(|c: char| c.is_ascii_digit());
    let long = toks[j..].iter().take(12).take_while(|t| t.word).count() >= 6;
    (say && opens_phrase && long).then_some((j, false))
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[ADJUNCT_STARTS, NOT_CLAUSE, FINITE];
