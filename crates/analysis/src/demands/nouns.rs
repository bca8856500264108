//! Reading a directive noun into a demand: "the union's demands include …", "demands such as
//! …", "their conditions: …", "the lenders' terms are …", "an ultimatum to X to …", "calls for
//! …".
//!
//! Owns: when a directive word is a noun, its owner (a possessive, "of X", or the subject of an
//! issuing verb: "the army issued an ultimatum"), the hedges between the noun and "include"
//! ("demands reportedly included"), and which nouns need an owner ("terms", and any noun before
//! "are"). Must never: read past the sentence, take a noun that a relative clause only mentions
//! ("the demands it had put to the council") or economic demand ("demand for oil") for a demand.

use std::ops::Range;

use super::actor::{addressee, has_possessive, possessor, IRREGULAR_PASTS, NOT_IN_ACTOR};
use super::clause::that_clause_addressee;
use super::cues::text_of;
use super::items::{noun_list, region, split_on_and_that, to_list};
use super::Hit;
use crate::lexicon::directive::{BE, HEDGES, INCLUDE, LIST_INTROS, MARKET_GOODS, MARKET_VERBS, NOUN_BEFORE};
use crate::lexicon::sources::{has, phrase_after, subject_before, Tok, DETERMINERS};

/// Verbs that issue an ultimatum or a list of conditions, whose subject is the actor.
const ISSUING_VERBS: &[&str] = &[
    "delivered",
    "echoed",
    "gave",
    "handed",
    "has",
    "have",
    "issued",
    "laid",
    "listed",
    "made",
    "presented",
    "published",
    "put",
    "reiterated",
    "renewed",
    "repeated",
    "sent",
    "set",
    "sounded",
    "spelled",
    "submitted",
    "voiced",
];

/// Possessive determiners: "their demands" belong to whoever "their" stands for.
const POSSESSIVE_DETERMINERS: &[&str] = &["her", "his", "its", "our", "their"];

/// Words that show a "that" clause after a directive noun says what is demanded.
const DEONTIC: &[&str] = &["be", "must", "need", "needs", "ought", "shall", "should"];

/// How far after "demand for" a market verb is looked for.
const MAX_MARKET_REACH: usize = 12;

/// The most words between a directive noun and the colon of its list.
const MAX_BEFORE_COLON: usize = 5;

/// The most hedge words between a directive noun and "include".
const MAX_HEDGE: usize = 4;

/// Whether a directive word is used as a noun: "their demands", "the union's call", "the
/// strikers' demands".
pub(super) fn is_noun(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if matches!(t.lower.as_str(), "ultimatum" | "ultimatums" | "condition" | "conditions" | "request" | "requests" | "term" | "terms") {
        return true;
    }
    // A heading: "Demands:" before a list.
    if toks.get(k + 1).is_some_and(|n| n.is(":")) {
        return true;
    }
    // "a drought that demands a national plan": a relative pronoun and an object after it make
    // a verb ("that demands for …", "that demands include" stay nouns).
    let relative_verb = k > 0
        && matches!(toks[k - 1].lower.as_str(), "that" | "which")
        && toks.get(k + 1).is_some_and(|n| matches!(n.lower.as_str(), "a" | "an" | "the"));
    if relative_verb {
        return false;
    }
    // "there have been calls for …": a plural after "been" or "are" is a noun.
    let plural_after_be = t.lower.ends_with('s') && k > 0 && matches!(toks[k - 1].lower.as_str(), "been" | "are" | "were");
    k > 0 && (has(NOUN_BEFORE, &toks[k - 1].lower) || has_possessive(toks, k) || has(DETERMINERS, &toks[k - 1].lower) || plural_after_be)
}

/// The index of the issuing verb a few words before the noun at `k` ("set out their conditions").
fn issuing_verb(toks: &[Tok], k: usize) -> Option<usize> {
    (k.saturating_sub(5)..k).rev().find(|&v| has(ISSUING_VERBS, &toks[v].lower))
}

/// A directive noun: "their demands include …", "calls for …", "the demand that …", "an
/// ultimatum to X to …", "conditions: …".
pub(super) fn noun(text: &str, toks: &[Tok], k: usize) -> Option<Hit> {
    let cue_word = &text[toks[k].bytes.clone()];
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).map(|t| t.lower.as_str());
    let prev = k.checked_sub(1).map_or("", |i| toks[i].lower.as_str());
    let listing = matches!(w, "condition" | "conditions" | "term" | "terms");
    let mut by = possessor(text, toks, k);
    let pronoun_owner = k > 0 && has(POSSESSIVE_DETERMINERS, prev);
    if by.is_none() && pronoun_owner {
        by = Some(text[toks[k - 1].bytes.clone()].to_string());
    }
    let issuing = issuing_verb(toks, k);
    let mut to = None;
    let mut j = k + 1;
    // "the demands of the strikers include …"; "made two demands of the mayor": an addressee.
    if word(j) == Some("of") && !listing {
        if let Some(p) = phrase_after(toks, j + 1, LIST_INTROS, 6) {
            if issuing.is_some() {
                to = Some(text[p.bytes].to_string());
            } else {
                by = Some(text[p.bytes].to_string());
            }
            j = p.toks.end;
        }
    }
    // "Russia issued an ultimatum", "the group set out its conditions": the issuer is the actor.
    if by.is_none() || pronoun_owner {
        if let Some(v) = issuing {
            if let Some((p, _)) = subject_before(toks, v) {
                let from = super::actor::over_plural_possessive(toks, p.toks.start);
                by = Some(text[toks[from].bytes.start..p.bytes.end].to_string());
            }
        }
    }
    let owned = by.is_some() || pronoun_owner;
    // "removed a call for arms from the platform": a single call that no one is said to make
    // only mentions a demand (as a single "demand for" does).
    if !owned && matches!(w, "call" | "appeal") && matches!(prev, "a" | "an") {
        return None;
    }
    // "in terms of", "two terms in office", "the terms of the deal": terms need an owner.
    if matches!(w, "term" | "terms") && (!owned || prev == "in") {
        return None;
    }
    if matches!(word(j), Some("that" | "which")) && word(j + 1).is_some_and(|x| has(LIST_INTROS, x)) {
        j += 1;
    }
    // "demands, such as …", "demands, including …".
    let mut such_as = false;
    if word(j) == Some(",") && matches!(word(j + 1), Some("including" | "such")) {
        j += 1;
    }
    if word(j) == Some("such") && word(j + 1) == Some("as") {
        such_as = true;
        j += 1;
    }
    // "demands reportedly included", "conditions are said to include": skip the hedge.
    let hedge_end = (j..toks.len().min(j + MAX_HEDGE + 1)).find(|&h| !(has(HEDGES, &toks[h].lower) || is_adverb(&toks[h])));
    if let Some(h) = hedge_end.filter(|&h| h > j && has(INCLUDE, &toks[h].lower)) {
        j = h;
    }
    // "a demand for public services" with no one making it is the market's too.
    let singular_economic = w == "demand" && (market(toks, j) || !owned);
    // "conditions for talks: …", "demands were simple: …": a colon a few words on opens the list.
    if let Some(c) = (j..toks.len().min(j + MAX_BEFORE_COLON)).find(|&c| toks[c].is(":")) {
        let plain = toks[j..c].iter().all(|t| t.word && !has(NOT_IN_ACTOR, &t.lower) || has(BE, &t.lower));
        // "The conditions were poor: high winds" has no one setting them.
        if c > j && plain && owned {
            j = c;
        }
    }
    let cue_of = |x: &str| format!("'{cue_word} {x}'");
    let (cue, items) = match word(j) {
        _ if such_as => (cue_of("such as"), noun_list(toks, region(toks, j + 1), true)),
        Some(":") if toks.len() == j + 1 => {
            let cue = format!("'{cue_word}:'");
            return Some(Hit { at: toks[k].bytes.start, cue, by, to, items: Vec::new(), confidence: 0.55, open_list: true });
        }
        Some(":") => (format!("'{cue_word}:'"), noun_list(toks, region(toks, j + 1), true)),
        Some(x) if has(INCLUDE, x) => (cue_of(x), noun_list(toks, region(toks, j + 1), true)),
        // "Their demands are …", "the lenders' terms were …"; but "calls are not getting
        // through" and "weather conditions were poor" are not lists of demands.
        Some(x) if has(BE, x) && owned && matches!(w, "demand" | "demands" | "condition" | "conditions" | "terms") => {
            (cue_of(x), noun_list(toks, region(toks, j + 1), true))
        }
        Some("for") if !singular_economic && !matches!(w, "condition" | "conditions" | "term" | "terms" | "ultimatum" | "ultimatums") => {
            (cue_of("for"), noun_list(toks, before_finite_verb(toks, region(toks, j + 1)), false))
        }
        // "the demand that the mayor should resign"; "the demands that the union made" is a
        // relative clause, which has no "should", "must" or "be".
        Some("that") if !singular_economic && !listing && toks[region(toks, j + 1)].iter().any(|t| has(DEONTIC, &t.lower)) => {
            let clause = clause_before_main_verb(toks, region(toks, j + 1));
            // "the union's demand that the council restore the route" asks the council.
            to = to.or_else(|| that_clause_addressee(text, toks, &clause).map(|a| text_of(text, toks, a)));
            (cue_of("that"), split_on_and_that(toks, clause))
        }
        Some("to") if matches!(w, "ultimatum" | "ultimatums" | "appeal" | "appeals" | "call" | "calls" | "demand" | "demands") => {
            let (a, after) = addressee(toks, j + 1)?;
            to = a.map(|r| text_of(text, toks, r));
            (format!("'{cue_word} to' … to"), to_list(toks, region(toks, after)))
        }
        _ => return None,
    };
    if items.is_empty() || super::items::asks_for_information(toks, &items) {
        return None;
    }
    Some(Hit { at: toks[k].bytes.start, cue, by, to, items, confidence: 0.55, open_list: false })
}

/// Whether "demand for …" at `j` ("for") is the market's: a good follows at once ("demand for
/// copper") or a market verb follows in the next words ("demand for flats rose").
fn market(toks: &[Tok], j: usize) -> bool {
    let good = toks.get(j + 1).is_some_and(|t| has(MARKET_GOODS, &t.lower));
    good || toks.iter().skip(j + 1).take(MAX_MARKET_REACH).any(|t| has(MARKET_VERBS, &t.lower))
}

/// The item of a directive noun that is the sentence's subject ends before its verb: "the
/// bishop's call for a ceasefire | was echoed by aid groups".
fn before_finite_verb(toks: &[Tok], r: Range<usize>) -> Range<usize> {
    let end =
        r.clone().find(|&i| i > r.start && !toks[i].cap && (has(NOT_IN_ACTOR, &toks[i].lower) || has(IRREGULAR_PASTS, &toks[i].lower)));
    r.start..end.unwrap_or(r.end)
}

/// The "that" clause of a noun that is the sentence's subject ends before the main verb: "the
/// demand that the election be postponed | was rejected" (the first verb after the clause's own
/// "be", "should" or "must").
fn clause_before_main_verb(toks: &[Tok], r: Range<usize>) -> Range<usize> {
    let Some(d) = r.clone().find(|&i| has(DEONTIC, &toks[i].lower)) else { return r };
    let end = (d + 1..r.end).find(|&i| !toks[i].cap && (has(NOT_IN_ACTOR, &toks[i].lower) || has(IRREGULAR_PASTS, &toks[i].lower)));
    r.start..end.unwrap_or(r.end)
}

fn is_adverb(t: &Tok) -> bool {
    t.word && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly")
}
