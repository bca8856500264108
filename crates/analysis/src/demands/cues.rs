//! Reading each directive verb or noun of a sentence into a demand: its cue, actor, addressee
//! and items.
//!
//! Owns: the constructions of each directive (`lexicon::directive`) — "demanded that", "called
//! for", "called on X to", "urged X to", "insisted on", passives such as "was urged to", and the
//! nouns "their demands include", "an ultimatum to X to", "conditions:" — and their confidence.
//! Must never: read past the sentence it is given, or cut items itself (that is `items`).

use std::ops::Range;

use super::actor::{addressee, possessor};
use super::items::{noun_list, region, single, split_on_and_that, to_list};
use super::Hit;
use crate::lexicon::directive::{self, Directive, BE, LIST_INTROS, NOUNS, NOUN_BEFORE, PARTICIPLES};
use crate::lexicon::sources::{has, phrase_after, subject_before, Tok, DETERMINERS};

/// Words that show a "that" clause after "insist" is a demand, not a claim.
const DEONTIC: &[&str] = &["be", "must", "need", "needs", "should"];

/// Verbs that issue an ultimatum or a list of conditions, whose subject is the actor.
const ISSUING_VERBS: &[&str] =
    &["delivered", "gave", "handed", "issued", "laid", "listed", "made", "presented", "published", "sent", "set"];

/// Every directive in a sentence.
pub(super) fn in_sentence(text: &str, toks: &[Tok]) -> Vec<Hit> {
    let mut hits = Vec::new();
    // A headline in title case ("Mayor Asks Board To Freeze Fares") has no reliable
    // structure to read items from.
    let long_words = toks.iter().filter(|t| t.word && t.lower.len() > 3);
    let (capitalised, all) = long_words.fold((0, 0), |(c, a), t| (c + usize::from(t.cap), a + 1));
    if all > 4 && capitalised * 5 >= all * 4 {
        return hits;
    }
    for k in 0..toks.len() {
        let t = &toks[k];
        if !t.word {
            continue;
        }
        let hit = if has(NOUNS, &t.lower) && is_noun(toks, k) {
            noun(text, toks, k)
        } else if let Some(d) = directive::verb(&t.lower) {
            verb(text, toks, k, d)
        } else {
            None
        };
        hits.extend(hit);
    }
    hits
}

/// Whether a directive word is used as a noun: "their demands", "the union's call".
fn is_noun(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if matches!(t.lower.as_str(), "ultimatum" | "ultimatums" | "condition" | "conditions" | "request" | "requests") {
        return true;
    }
    k > 0 && (has(NOUN_BEFORE, &toks[k - 1].lower) || toks[k - 1].lower.ends_with("'s") || has(DETERMINERS, &toks[k - 1].lower))
}

fn text_of(text: &str, toks: &[Tok], r: Range<usize>) -> String {
    text[toks[r.start].bytes.start..toks[r.end - 1].bytes.end].to_string()
}

fn verb(text: &str, toks: &[Tok], k: usize, d: Directive) -> Option<Hit> {
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str());
    let passive = has(PARTICIPLES, w)
        && k > 0
        && (has(BE, &toks[k - 1].lower) || (k > 1 && has(BE, &toks[k - 2].lower) && toks[k - 1].lower.ends_with("ly")));
    let subject = subject_before(toks, k).map(|(p, _)| {
        // "a law requiring …": a participle with no auxiliary modifies the noun right before
        // it, so only the last few words are the actor.
        let participle = w.ends_with("ing") && !(k > 0 && has(BE, &toks[k - 1].lower));
        let from = if participle { p.toks.end.saturating_sub(3).max(p.toks.start) } else { p.toks.start };
        let from =
            (from..p.toks.end).find(|&j| !has(crate::lexicon::sources::LEADING_PREPOSITIONS, &toks[j].lower)).unwrap_or(p.toks.start);
        text[toks[from].bytes.start..p.bytes.end].to_string()
    });
    let (mut by, mut to) = if passive { (None, subject) } else { (subject, None) };
    let cue_word = &text[toks[k].bytes.clone()];
    let next = word(k + 1);
    let mut cue = cue_word.to_string();
    let mut confidence = 0.7;
    let items = match (d, next) {
        (_, Some("that")) if matches!(d, Directive::Demand | Directive::Insist | Directive::Urge | Directive::Require | Directive::Ask) => {
            let region = region(toks, k + 2);
            if d == Directive::Insist && !toks[region.clone()].iter().any(|t| has(DEONTIC, &t.lower)) {
                // "insisted that he was innocent" is a claim, not a demand.
                return None;
            }
            cue = format!("{cue_word} that");
            split_on_and_that(toks, region)
        }
        (Directive::Insist, Some("on"))
        | (Directive::Call | Directive::Press | Directive::Ask | Directive::Appeal | Directive::Order | Directive::Urge, Some("for")) => {
            cue = format!("{cue_word} {}", next.unwrap_or_default());
            // "called for the regional board to accept …": an addressee and what it should do
            // (but "called for an end to the war" is one item: "to" takes a noun there).
            match addressee(toks, k + 2) {
                Some((Some(addressee), after)) if toks.get(after).is_some_and(|t| t.word && !t.cap && !has(DETERMINERS, &t.lower)) => {
                    to = Some(text_of(text, toks, addressee));
                    to_list(toks, region(toks, after))
                }
                _ => noun_list(toks, region(toks, k + 2), false),
            }
        }
        (Directive::Call, Some("on" | "upon")) => {
            let (addressee, after) = addressee(toks, k + 2)?;
            if passive {
                return None;
            }
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} on … to");
            if to.is_none() {
                // "X was called on to …" after all: the subject is the addressee.
                to = by.take();
            }
            to_list(toks, region(toks, after))
        }
        (Directive::Appeal, Some("to")) => {
            let (addressee, after) = addressee(toks, k + 2)?;
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} to … to");
            to_list(toks, region(toks, after))
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require, _)
            if passive && next == Some("to") =>
        {
            cue = format!("{} {cue_word} to", &text[toks[k - 1].bytes.clone()]);
            to_list(toks, region(toks, k + 2))
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require, Some(_)) => {
            match addressee(toks, k + 1) {
                Some((Some(addressee), after)) => {
                    to = Some(text_of(text, toks, addressee));
                    cue = format!("{cue_word} … to");
                    to_list(toks, region(toks, after))
                }
                _ if matches!(d, Directive::Urge | Directive::Require) && !passive => {
                    // "urged restraint", "the law requires a permit".
                    let first = toks.get(k + 1)?;
                    if !first.word || matches!(first.lower.as_str(), "to" | "by" | "in" | "of" | "with" | "as") {
                        return None;
                    }
                    confidence = 0.55;
                    noun_list(toks, region(toks, k + 1), false)
                }
                _ => return None,
            }
        }
        (Directive::Demand, Some("to")) => {
            // "demanded to know", "demanded to see the accounts".
            single(toks, region(toks, k + 2))
        }
        (Directive::Demand, Some(_)) => {
            let first = &toks[k + 1];
            if matches!(first.lower.as_str(), "by" | "in" | "of" | "on" | "at" | "with" | "as" | "and" | "or" | "from" | "for") {
                return None;
            }
            let mut r = region(toks, k + 1);
            // "demanded an apology from the mayor": the addressee ends the item.
            if let Some(f) = (r.start..r.end).find(|&j| toks[j].is("from")) {
                if toks.get(f + 1).is_some_and(|t| t.cap || has(DETERMINERS, &t.lower)) && f > r.start {
                    if let Some(p) = phrase_after(toks, f + 1, &[], 8) {
                        to = Some(text[p.bytes].to_string());
                        r.end = f;
                    }
                }
            }
            noun_list(toks, r, false)
        }
        (_, None) => {
            // The cue ends the sentence or a colon follows: items may come as bullets.
            let colon = toks.get(k + 1).is_some_and(|t| t.is(":"));
            if colon && toks.len() == k + 2 {
                return Some(Hit { at: toks[k].bytes.start, cue, by, to, items: Vec::new(), confidence, open_list: true });
            }
            if colon && d == Directive::Demand {
                cue = format!("{cue_word}:");
                noun_list(toks, region(toks, k + 2), true)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if items.is_empty() {
        return None;
    }
    if items.len() > 1 {
        confidence -= 0.05;
    }
    if by.as_deref().is_some_and(|b| has(DETERMINERS, &b.to_lowercase())) {
        by = None;
    }
    Some(Hit { at: toks[k].bytes.start, cue, by, to, items, confidence, open_list: false })
}

/// A directive noun: "their demands include …", "calls for …", "the demand that …",
/// "an ultimatum to X to …", "conditions: …".
fn noun(text: &str, toks: &[Tok], k: usize) -> Option<Hit> {
    let cue_word = &text[toks[k].bytes.clone()];
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).map(|t| t.lower.as_str());
    let mut by = possessor(text, toks, k);
    let mut to = None;
    let mut j = k + 1;
    // "the demands of the strikers include …"
    if word(j) == Some("of") && !matches!(w, "condition" | "conditions") {
        if let Some(p) = phrase_after(toks, j + 1, LIST_INTROS, 6) {
            by = Some(text[p.bytes].to_string());
            j = p.toks.end;
        }
    }
    if matches!(word(j), Some("that" | "which")) && word(j + 1).is_some_and(|x| has(LIST_INTROS, x)) {
        j += 1;
    }
    if word(j) == Some(",") && word(j + 1) == Some("including") {
        j += 1;
    }
    // "Russia issued an ultimatum", "the group set out its conditions": the issuer is the actor.
    if by.is_none() {
        let issuing = (k.saturating_sub(5)..k).rev().find(|&v| has(ISSUING_VERBS, &toks[v].lower));
        if let Some(v) = issuing {
            by = subject_before(toks, v).map(|(p, _)| text[p.bytes].to_string());
        }
    }
    let singular_economic = w == "demand"
        && !toks[k - 1].lower.ends_with("'s")
        && !matches!(toks[k - 1].lower.as_str(), "a" | "his" | "her" | "their" | "its" | "our");
    let cue;
    let items = match word(j) {
        // "Weather conditions were poor": conditions need "include" or a colon to be demands.
        Some(x) if (has(LIST_INTROS, x) && !(matches!(w, "condition" | "conditions") && BE.contains(&x))) || x == ":" => {
            if x == ":" && toks.len() == j + 1 {
                return Some(Hit {
                    at: toks[k].bytes.start,
                    cue: format!("{cue_word}:"),
                    by,
                    to,
                    items: Vec::new(),
                    confidence: 0.55,
                    open_list: true,
                });
            }
            cue = format!("{cue_word} {x}");
            noun_list(toks, region(toks, j + 1), true)
        }
        Some("for") if !singular_economic && !matches!(w, "condition" | "conditions" | "ultimatum" | "ultimatums") => {
            cue = format!("{cue_word} for");
            noun_list(toks, region(toks, j + 1), false)
        }
        Some("that") if !singular_economic => {
            cue = format!("{cue_word} that");
            split_on_and_that(toks, region(toks, j + 1))
        }
        Some("to") if matches!(w, "ultimatum" | "ultimatums" | "appeal" | "appeals" | "call" | "calls" | "demand" | "demands") => {
            let (addressee, after) = addressee(toks, j + 1)?;
            to = addressee.map(|r| text_of(text, toks, r));
            cue = format!("{cue_word} to");
            to_list(toks, region(toks, after))
        }
        _ => return None,
    };
    if items.is_empty() {
        return None;
    }
    Some(Hit { at: toks[k].bytes.start, cue, by, to, items, confidence: 0.55, open_list: false })
}
