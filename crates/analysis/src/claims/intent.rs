//! Attributions of intention, decision and position: "X wants to …", "X decided that …", "X
//! refused to …", "X opposes the bill". The content is the verb's complement, the source its
//! subject.
//!
//! Owns: reading such a verb as a verb (not "the plan", "their support"), its subject, and
//! where its complement starts. Must never: take a stance verb (believe, fear, hope …: the
//! opinion finder's), a passive ("is expected to", "was opposed by"), or read past the few
//! tokens around the verb to decide (the content's end is `cues`' and `extent`'s).

use super::credit::quote_before;
use super::sources::{before_negation, reads_as_subject, sentence_subject, widen_anonymous};
use super::{Found, Rule};
use crate::lexicon::reporting::{intent_verb, Intent, CLAUSE_ONLY, INTENT_NOUN_FORMS};
use crate::lexicon::sources::{has, subject_before, Tok, DETERMINERS, LEADING_PREPOSITIONS, SUBJECT_PRONOUNS};

/// Forms of "be" before a participle: a passive or an adjective ("is expected to", "was
/// determined"), not the subject's own intention.
const BE: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];

/// Words after the verb that do not start its object: "agreed with", "planned for", "opposed
/// by", "wanted in".
const NOT_OBJECTS: &[&str] = &[
    "about", "and", "are", "as", "at", "away", "but", "by", "down", "for", "from", "had", "has", "have", "in", "into", "is", "it", "of",
    "off", "on", "or", "out", "over", "so", "that", "this", "up", "was", "were", "will", "with", "would",
];

/// An intention, decision or position verb at `i`, with its subject and complement.
/// `headline`: the word is a capitalised verb of a title-case headline ("Union Wants To …").
pub(super) fn intended(text: &str, toks: &[Tok], i: usize, headline: bool) -> Option<Found> {
    let verb = &toks[i];
    let kind = intent_verb(&verb.lower)?;
    let noun_form = has(INTENT_NOUN_FORMS, &verb.lower);
    // In a headline a noun form stays a noun: "A Curious Plan to Fight …".
    let headline_verb = headline && !noun_form;
    if !headline_verb && !reads_as_verb(toks, i) {
        return None;
    }
    let next = toks.get(i + 1)?;
    // "the savings plans that your state offers": after a noun form "that" is relative.
    let (start, complement) = if next.is("that") && kind != Intent::Position && !noun_form {
        (i + 2, "that-clause")
    } else if next.lower == "to" || (next.is("not") && toks.get(i + 2).is_some_and(|t| t.is("to"))) {
        (i + 1, "to-clause")
    } else if matches!(verb.lower.as_str(), "voted" | "votes")
        && (next.is("for") || next.is("against"))
        && toks.get(i + 2).is_some_and(|t| t.word)
    {
        // "voted against the bill": the position is on what follows the preposition.
        (i + 2, "object")
    } else if next.word && !has(NOT_OBJECTS, &next.lower) && !has(CLAUSE_ONLY, &verb.lower) {
        (i + 1, "object")
    } else {
        return None;
    };
    // "a spokesperson who declined to be named": the source's anonymity, not a statement.
    let passive_to = toks.get(start + 1).is_some_and(|t| t.is("be")) && toks.get(start + 2).is_some_and(|t| t.lower.ends_with("ed"));
    if complement == "to-clause" && passive_to && verb.lower.starts_with("declin") {
        return None;
    }
    // "-ing" only after a comma or a preposition that keeps the sentence's subject ("…,
    // refusing to …"), or after "be" ("is planning to").
    let ing = verb.lower.ends_with("ing");
    let be_before = i > 0 && has(BE, &toks[i - 1].lower);
    if be_before && !ing {
        return None;
    }
    let participle = ing && i > 0 && (toks[i - 1].is(",") || toks[i - 1].is("by") || toks[i - 1].is("after"));
    let coordinated = i > 0 && toks[i - 1].is("and");
    let source = if participle || coordinated {
        sentence_subject(toks, i)?
    } else {
        if ing && !be_before {
            return None;
        }
        let (subject, _) = subject_before(toks, before_negation(toks, i))?;
        let subject = widen_anonymous(toks, subject);
        if !reads_as_subject(&toks[subject.toks.clone()]) || quote_before(toks, subject.toks.start) {
            return None;
        }
        subject
    };
    let cue = text[verb.bytes.clone()].to_string();
    let boundary = if participle || coordinated { i - 1 } else { source.toks.start };
    Some(Found { source: source.bytes, boundary, content: start..toks.len(), cue, rule: Rule::Intent(kind, complement) })
}

/// Whether the word at `i` is used as a verb: never capitalised inside a sentence nor after a
/// determiner, and a form that is also a noun ("the plan", "their support", "a decline") not
/// after a possessive or a preposition, and with a complement after it or a subject pronoun, a
/// name or an auxiliary or adverb right before it.
fn reads_as_verb(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.cap && i > 0 {
        return false;
    }
    // "such expected backers", "the planned merger": a participle as an adjective; "42 votes":
    // a noun after a number.
    let number = |t: &Tok| t.lower.starts_with(|c: char| c.is_ascii_digit());
    if i > 0 && (has(DETERMINERS, &toks[i - 1].lower) || toks[i - 1].is("such") || number(&toks[i - 1])) {
        return false;
    }
    if !has(INTENT_NOUN_FORMS, &t.lower) {
        return true;
    }
    let Some(p) = i.checked_sub(1).map(|k| &toks[k]) else { return false };
    if !p.word || has(DETERMINERS, &p.lower) || has(LEADING_PREPOSITIONS, &p.lower) || p.lower.ends_with("'s") || p.lower.ends_with("’s")
    {
        return false;
    }
    // "the port authority wants to", "dock workers support the strike": after a noun, the
    // form is a verb when a to-clause or an object with an article or a name follows.
    let complement = toks.get(i + 1).is_some_and(|n| n.is("to") || (n.word && (n.cap || has(DETERMINERS, &n.lower))));
    complement
        || has(SUBJECT_PRONOUNS, &p.lower)
        || p.cap
        || p.lower.ends_with("ly")
        || matches!(p.lower.as_str(), "also" | "still" | "not" | "never" | "does" | "do" | "did" | "will" | "would" | "may" | "might")
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[BE, NOT_OBJECTS];
