//! The addressee inside a demanded that-clause: "the union demanded that the council restore
//! the bus route" asks the council, so the clause's subject is the addressee (`to`).
//!
//! Owns: reading the subject of a that-clause after a directive verb ("demanded that", "urged
//! that", "asked that", "insisted that … must") when it is a party — a name, a definite noun
//! phrase ("the council", "the government") or a personal pronoun (resolved later as actors
//! are) — followed by a base-form verb or a modal ("restore", "should restore", "must pay").
//! Passive and existential clauses name no addressee ("that the law be changed", "that there
//! be a vote", "that fares be frozen"). Must never: change the item (it stays "Y do Z"), or read
//! more than `MAX_ACTOR_WORDS` words of the clause.

use std::ops::Range;

use super::actor::{is_actor_phrase, MAX_ACTOR_WORDS};
use crate::lexicon::sources::{classify_source, has, SourceKind, Tok, LEADING_PREPOSITIONS};

/// Modals that make the clause a directive on its subject ("that the council should restore").
const MODALS: &[&str] = &["could", "must", "shall", "should", "will", "would"];

/// Personal pronouns that may be a clause's subject (carried to a name later).
const PRONOUNS: &[&str] = &["he", "it", "she", "they", "we"];

/// Determiners that open a party's noun phrase ("the council", "its board", "all parties").
const OPENERS: &[&str] = &["all", "both", "every", "her", "his", "its", "our", "the", "their", "this"];

/// Verbs that, after a noun phrase, show a subjunctive demand ("the board restore", "the
/// mayor resign"); a noun phrase with a lowercase head is otherwise ambiguous ("the city
/// council" vs "the council pay"). Written for this module.
const BASE_VERBS: &[&str] = &[
    "abandon",
    "accept",
    "act",
    "allow",
    "apologise",
    "apologize",
    "appear",
    "appoint",
    "ban",
    "cancel",
    "cease",
    "change",
    "close",
    "compensate",
    "comply",
    "consult",
    "cut",
    "disclose",
    "drop",
    "end",
    "explain",
    "fire",
    "freeze",
    "fund",
    "give",
    "grant",
    "halt",
    "hand",
    "hire",
    "hold",
    "honor",
    "honour",
    "increase",
    "investigate",
    "keep",
    "leave",
    "let",
    "lift",
    "lower",
    "make",
    "meet",
    "negotiate",
    "open",
    "pay",
    "provide",
    "publish",
    "pull",
    "raise",
    "recall",
    "recognise",
    "recognize",
    "reduce",
    "reinstate",
    "reject",
    "release",
    "remove",
    "renegotiate",
    "reopen",
    "repay",
    "repeal",
    "rescind",
    "resign",
    "restore",
    "retract",
    "return",
    "reverse",
    "review",
    "scrap",
    "scrape",
    "sign",
    "step",
    "stop",
    "suspend",
    "take",
    "testify",
    "withdraw",
];

/// Whether the word at `i` may be the clause's finite verb in the base form: not a noun
/// marker, preposition, participle or third-person form ("the council restores" is read as
/// a claim-like clause but still a directive; only the base form and modals are sure).
fn base_verb(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.word && !t.cap && has(BASE_VERBS, &t.lower))
}

/// Whether the clause goes on with a verb that acts on the subject at `i`: a modal not
/// followed by "be"/"have been" (a passive or a state), "not" + a base verb, or a base verb.
/// `free_verb`: any lowercase word that is no preposition or participle counts as the verb
/// (after a name or pronoun the subject cannot run on: "that Marsh resign", "that they leave").
fn acts_on(toks: &[Tok], i: usize, free_verb: bool) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.word) else { return false };
    let verb_at = |j: usize| {
        toks.get(j).is_some_and(|v| {
            v.word
                && !v.cap
                && !matches!(v.lower.as_str(), "be" | "have" | "been" | "not" | "to")
                && (has(BASE_VERBS, &v.lower)
                    || (free_verb && !has(LEADING_PREPOSITIONS, &v.lower) && !v.lower.ends_with("ed") && !v.lower.ends_with("ing")))
        })
    };
    let adverb = |j: usize| toks.get(j).is_some_and(|v| v.lower == "not" || v.lower == "immediately" || v.lower == "also");
    if has(MODALS, &t.lower) {
        let j = if adverb(i + 1) { i + 2 } else { i + 1 };
        // After a modal the verb is certain to be one; only a passive or state is excluded.
        return toks.get(j).is_some_and(|v| v.word && !v.cap && !matches!(v.lower.as_str(), "be" | "have" | "been"));
    }
    if t.lower == "not" {
        return verb_at(i + 1);
    }
    verb_at(i)
}

/// The addressee of a that-clause spanning `region`, as token indices: its subject when it is
/// a party acted on by a base-form or modal verb.
pub(super) fn that_clause_addressee(text: &str, toks: &[Tok], region: &Range<usize>) -> Option<Range<usize>> {
    let start = region.start;
    let first = toks.get(start).filter(|t| t.word && start < region.end)?;
    // "that he resign", "that they pay".
    if has(PRONOUNS, &first.lower) {
        return acts_on(toks, start + 1, true).then_some(start..start + 1);
    }
    if first.lower == "there" {
        return None;
    }
    let limit = region.end.min(start + MAX_ACTOR_WORDS + 1);
    let end = if first.cap && !has(OPENERS, &first.lower) {
        // A name: its capitalised words, with "of"/"for"/"and" between them ("Ministry of Works").
        let mut e = start + 1;
        while e < limit
            && toks[e].word
            && (toks[e].cap || (matches!(toks[e].lower.as_str(), "of" | "for" | "and") && toks.get(e + 1).is_some_and(|n| n.cap)))
        {
            e += 1;
        }
        acts_on(toks, e, true).then_some(e)?
    } else if has(OPENERS, &first.lower) {
        // "the council", "the regional transport board": the phrase runs to a modal or to a
        // listed base verb; at least one word after the determiner.
        (start + 2..limit).find(|&e| {
            toks[e - 1].word && (has(MODALS, &toks[e].lower) || base_verb(toks, e) || toks[e].lower == "not") && acts_on(toks, e, false)
        })?
    } else {
        return None;
    };
    let words = &toks[start..end];
    if words.iter().any(|t| !t.word) {
        return None;
    }
    let phrase = &text[toks[start].bytes.start..toks[end - 1].bytes.end];
    // A thing is no party: "insisted that the bill must pass" asks no one.
    let party = first.cap && !has(OPENERS, &first.lower)
        || toks[end - 1].cap
        || matches!(classify_source(phrase), SourceKind::Person | SourceKind::Organisation);
    (party && is_actor_phrase(phrase)).then_some(start..end)
}

/// Whether the "that" after a directive word opens a relative clause on a noun, not a demanded
/// clause: "the endless demands that come with the job", "demands that could derail the talks".
/// The clause then starts with its own verb: a modal, or a bare lowercase word followed by a
/// preposition or determiner ("come with"); a demanded clause starts with its subject ("that
/// pay be raised", "that pay for nurses be raised", "that the council …").
pub(super) fn relative_clause(toks: &[Tok], region: &Range<usize>) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.word && i < region.end);
    let Some(first) = word(region.start) else { return false };
    if first.cap || has(OPENERS, &first.lower) || has(PRONOUNS, &first.lower) {
        return false;
    }
    if has(MODALS, &first.lower) || matches!(first.lower.as_str(), "can" | "may" | "might") {
        return true;
    }
    let bare = !first.lower.starts_with(|c: char| c.is_ascii_digit()) && !["s", "ing", "ed"].iter().any(|e| first.lower.ends_with(e));
    let verb_follows = word(region.start + 1).is_some_and(|n| {
        has(LEADING_PREPOSITIONS, &n.lower) || matches!(n.lower.as_str(), "a" | "an" | "the" | "their" | "its" | "our" | "his" | "her")
    });
    // "that pay for nurses be raised": a noun subject with its own "be" or modal further on.
    let own_verb = (region.start + 2..region.end.min(region.start + 8)).any(|i| toks[i].is("be") || has(MODALS, &toks[i].lower));
    bare && verb_follows && !own_verb
}

#[cfg(test)]
mod tests {
    /// `has` searches by bisection: every list here must be sorted.
    #[test]
    fn word_lists_are_sorted() {
        for list in [super::MODALS, super::PRONOUNS, super::OPENERS, super::BASE_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
