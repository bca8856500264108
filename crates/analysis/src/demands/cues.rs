//! Reading each directive verb of a sentence into a demand: its cue, actor, addressee and items
//! (directive nouns are `nouns`).
//!
//! Owns: the verb constructions (`lexicon::directive`) — "demanded (on Tuesday) that", "called
//! for", "called on X to", "urged X to", "pressed for", "insisted on", "asked X to", passives
//! such as "was urged to" — their confidence, and what is not a verb of demanding: "demanding"
//! as an adjective, "in demand", "Court of Appeals", a sentence opening "Asked for comment,".
//! Must never: read past the sentence it is given, or cut items itself (that is `items`).

use std::ops::Range;

use super::actor::addressee;
use super::clause::{relative_clause, that_clause_addressee};
use super::items::{noun_list, region, single, split_on_and_that, to_list};
use super::nouns::{is_noun, noun};
use super::Hit;
use crate::lexicon::directive::{self, Directive, BE, NOT_DEMAND_BEFORE, NOUNS, PARTICIPLES};
use crate::lexicon::sources::{has, phrase_after, Tok, DETERMINERS, TIME_WORDS};

/// Words that show a "that" clause after "insist" is a demand, not a claim ("need" and "needs"
/// only before "to": "testing needs" is a noun).
const DEONTIC: &[&str] = &["be", "must", "need", "needs", "should"];

fn deontic(toks: &[Tok]) -> bool {
    toks.iter()
        .enumerate()
        .any(|(i, t)| has(DEONTIC, &t.lower) && (!t.lower.starts_with("need") || toks.get(i + 1).is_some_and(|n| n.is("to"))))
}

/// Adverbs that may stand between a directive verb and its complement: "demanded again that",
/// "called publicly for".
const BETWEEN: &[&str] = &["again", "also", "instead", "now", "once", "repeatedly", "today", "yesterday"];

/// Where a demand was made, between the verb and "that": "demanded in a statement that".
const SETTINGS: &[&str] = &["interview", "letter", "speech", "statement"];

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
        // Inside a name ("the Court of Appeals for the Sixth Circuit"), not a cue.
        if t.cap && k > 0 && toks[k - 1].word {
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

pub(super) fn text_of(text: &str, toks: &[Tok], r: Range<usize>) -> String {
    text[toks[r.start].bytes.start..toks[r.end - 1].bytes.end].to_string()
}

/// The index after adverbials between a verb and its complement: "demanded on Tuesday that",
/// "called again for", "urged in a statement that".
fn skip_adverbials(toks: &[Tok], from: usize) -> usize {
    let mut j = from;
    for _ in 0..3 {
        let w = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
        let t = w(j);
        if has(BETWEEN, t) || (t.ends_with("ly") && t.len() > 4 && toks.get(j).is_some_and(|t| !t.cap)) || has(TIME_WORDS, t) {
            j += 1;
        } else if t == "on" && has(TIME_WORDS, w(j + 1)) {
            j += 2;
        } else if t == "in" && matches!(w(j + 1), "a" | "an" | "its" | "his" | "her" | "their") && has(SETTINGS, w(j + 2)) {
            j += 3;
        } else if (t == "last" || t == "this") && matches!(w(j + 1), "week" | "month" | "year") {
            j += 2;
        } else {
            break;
        }
    }
    // An adverbial only counts when a complement follows it; otherwise the words are the item.
    if j > from && toks.get(j).is_some_and(|t| matches!(t.lower.as_str(), "that" | "for" | "on" | "upon")) {
        j
    } else {
        from
    }
}

/// Whether a phrase starting with `t` can be an addressee after "called for": a name, a definite
/// phrase or a pronoun ("called for the board to …", "for them to …"); "lobbied for a vote to
/// ban …" and "called for reducing the rate to 28 percent" have none.
fn definite(t: &Tok) -> bool {
    t.cap
        || matches!(
            t.lower.as_str(),
            "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "them" | "him" | "us" | "all" | "both"
        )
}

/// "called on X for Y": the addressee X (a short phrase with no verb) and the index after "for".
fn for_after_addressee(toks: &[Tok], from: usize) -> Option<(Range<usize>, usize)> {
    let f = (from..toks.len().min(from + super::MAX_ADDRESSEE)).find(|&j| !toks[j].word || toks[j].is("for") || toks[j].is("to"))?;
    (toks[f].is("for") && f > from).then_some((from..f, f + 1))
}

/// Whether the directive word at `k` is not a verb of demanding: "a demanding schedule", "in
/// high demand", "on demand", "Asked for comment, the firm said", "Pressed for details".
fn not_a_directive(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let prev = k.checked_sub(1).map(|i| toks[i].lower.as_str()).unwrap_or("");
    // "is demanding that …" is a verb; "a demanding schedule", "more demanding" are not.
    if t.lower.starts_with("demand") && (has(NOT_DEMAND_BEFORE, prev) || (t.is("demanding") && has(DETERMINERS, prev))) {
        return true;
    }
    // A directive word opening the sentence has no subject: "Demands upon the budget are hard
    // to resist" is a noun; "Asked about the strike, …" a reduced clause whose addressee is the
    // main clause's subject (an interview, not a demand).
    k == 0 || (k == 1 && !toks[0].word)
}

/// Whether "ordered" at `n - 1` takes an action noun as its object ("ordered the deployment of
/// troops", "ordered an investigation"): a determiner and, within two words, a nominalisation.
fn ordered_action(toks: &[Tok], n: usize) -> bool {
    let nominal =
        |t: &Tok| t.word && !t.cap && t.lower.len() > 6 && ["tion", "sion", "ment", "ure", "al"].iter().any(|e| t.lower.ends_with(e));
    toks.get(n).is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
        && toks.get(n + 1..toks.len().min(n + 3)).is_some_and(|w| w.iter().any(nominal))
}

fn verb(text: &str, toks: &[Tok], k: usize, d: Directive) -> Option<Hit> {
    if not_a_directive(toks, k) {
        return None;
    }
    let w = toks[k].lower.as_str();
    let passive = has(PARTICIPLES, w)
        && k > 0
        && (has(BE, &toks[k - 1].lower) || (k > 1 && has(BE, &toks[k - 2].lower) && toks[k - 1].lower.ends_with("ly")));
    let subject = super::subject::verb_subject(text, toks, k).ok()?;
    let (mut by, mut to) = if passive { (None, subject) } else { (subject, None) };
    let cue_word = &text[toks[k].bytes.clone()];
    let n = skip_adverbials(toks, k + 1);
    let next = toks.get(n).filter(|t| t.word).map(|t| t.lower.as_str());
    let mut cue = format!("'{cue_word}'");
    let mut confidence = 0.7;
    let items = match (d, next) {
        (
            Directive::Demand | Directive::Insist | Directive::Urge | Directive::Require | Directive::Ask | Directive::Request,
            Some("that"),
        ) => {
            let region = region(toks, n + 1);
            if relative_clause(toks, &region) {
                // "the endless demands that come with the job" is a noun and its relative clause.
                return None;
            }
            if d == Directive::Insist && !deontic(&toks[region.clone()]) {
                // "insisted that he was innocent" is a claim, not a demand.
                return None;
            }
            cue = format!("'{cue_word} that'");
            if to.is_none() {
                // "demanded that the council restore the route": the council is asked.
                to = that_clause_addressee(text, toks, &region).map(|a| text_of(text, toks, a));
            }
            split_on_and_that(toks, region)
        }
        (Directive::Insist, Some("on"))
        | (
            Directive::Call
            | Directive::Press
            | Directive::Ask
            | Directive::Appeal
            | Directive::Order
            | Directive::Urge
            | Directive::PushFor,
            Some("for"),
        ) => {
            cue = format!("'{cue_word} {}'", next.unwrap_or_default());
            let after = |i: usize| toks.get(n + i).map_or("", |t| t.lower.as_str());
            // "insist on being a candidate" is a stance; "insisted on being paid" a demand.
            if after(1) == "being" && toks.get(n + 2).is_some_and(|t| t.cap || has(DETERMINERS, &t.lower)) {
                return None;
            }
            // "all we are asking for is an end to the delays": the item follows the copula.
            let n = if matches!(after(1), "is" | "was") { n + 1 } else { n };
            // "called for the regional board to accept …": an addressee and what it should do
            // (but "called for an end to the war" is one item: "to" takes a noun there, and
            // "called for reducing the rate to 28 percent" has no addressee).
            let bare_verb = |t: &Tok| t.word && !t.cap && !has(DETERMINERS, &t.lower) && !t.lower.starts_with(|c: char| c.is_ascii_digit());
            match addressee(toks, n + 1) {
                Some((Some(a), after)) if toks.get(after).is_some_and(bare_verb) && definite(&toks[a.start]) => {
                    to = Some(text_of(text, toks, a));
                    to_list(toks, region(toks, after))
                }
                _ => noun_list(toks, region(toks, n + 1), false),
            }
        }
        (Directive::Call, Some("on" | "upon")) if !passive && for_after_addressee(toks, n + 1).is_some() => {
            // "called on state leaders for their help".
            let (a, after) = for_after_addressee(toks, n + 1)?;
            to = Some(text_of(text, toks, a));
            cue = format!("'{cue_word} on' … for");
            noun_list(toks, region(toks, after), false)
        }
        (Directive::Call, Some("on" | "upon")) => {
            let (a, after) = addressee(toks, n + 1)?;
            if passive {
                return None;
            }
            to = a.map(|r| text_of(text, toks, r));
            cue = format!("'{cue_word} on' … to");
            if to.is_none() {
                // "X was called on to …" after all: the subject is the addressee.
                to = by.take();
            }
            to_list(toks, region(toks, after))
        }
        (Directive::Appeal, Some("to")) => {
            let (a, after) = addressee(toks, n + 1)?;
            to = a.map(|r| text_of(text, toks, r));
            cue = format!("'{cue_word} to' … to");
            to_list(toks, region(toks, after))
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require | Directive::Request, _)
            if passive && next == Some("to") =>
        {
            cue = format!("'{} {cue_word} to'", &text[toks[k - 1].bytes.clone()]);
            to_list(toks, region(toks, n + 1))
        }
        (Directive::Order, Some(_)) if !passive && ordered_action(toks, n) => {
            // "ordered the evacuation of the coast": the action is the item, not an addressee.
            noun_list(toks, region(toks, n), false)
        }
        (Directive::Urge | Directive::Press | Directive::Ask | Directive::Order | Directive::Require, Some(_)) => {
            match addressee(toks, n) {
                Some((Some(a), after)) => {
                    to = Some(text_of(text, toks, a));
                    cue = format!("'{cue_word}' … to");
                    to_list(toks, region(toks, after))
                }
                // "urged restraint" (a law's "requires a permit" is no one's demand).
                _ if d == Directive::Urge && !passive => {
                    let first = toks.get(n)?;
                    if !first.word || matches!(first.lower.as_str(), "to" | "by" | "in" | "of" | "with" | "as") {
                        return None;
                    }
                    confidence = 0.55;
                    noun_list(toks, region(toks, n), false)
                }
                _ => return None,
            }
        }
        (Directive::Demand, Some("to")) => {
            // "demanded to know", "demanded to see the accounts".
            single(toks, region(toks, n + 1))
        }
        (Directive::Demand, Some(_)) => {
            let first = &toks[n];
            if matches!(first.lower.as_str(), "by" | "in" | "of" | "on" | "at" | "with" | "as" | "and" | "or" | "from" | "for") {
                return None;
            }
            let mut r = region(toks, n);
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
            let colon = toks.get(n).is_some_and(|t| t.is(":"));
            if colon && toks.len() == n + 1 {
                return Some(Hit {
                    at: toks[k].bytes.start,
                    cue: format!("'{cue_word}:'"),
                    by,
                    to,
                    items: Vec::new(),
                    confidence,
                    open_list: true,
                });
            }
            if colon && d == Directive::Demand {
                cue = format!("'{cue_word}:'");
                noun_list(toks, region(toks, n + 1), true)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if items.is_empty() || super::items::asks_for_information(toks, &items) {
        return None;
    }
    // A law's requirement is only read with its subject ("the law requires companies to …").
    if d == Directive::Require && by.is_none() && !passive {
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
