//! The actor of a directive verb: its subject, read so that the actor is a noun phrase.
//!
//! Owns: the subject right before the verb ("The Karvonian Teachers' Federation demanded", over
//! a plural possessive), with a leading "Say" or "And" dropped; the subject of the first verb
//! for a second, coordinated one ("she criticised the bank and called for …"); and the
//! sentence's opening subject for a participle after a comma ("A group of doctors wrote …,
//! calling for …"). Must never: read more than `MAX_COORDINATION` tokens back, or return a
//! phrase `is_actor_phrase` refuses.

use super::actor::{is_actor_phrase, over_plural_possessive, IRREGULAR_PASTS, MAX_ACTOR_WORDS, NOT_ACTOR_START, NOT_IN_ACTOR};
use crate::lexicon::directive::{self, BE};
use crate::lexicon::sources::{has, subject_before, Tok, DETERMINERS, LEADING_PREPOSITIONS, TIME_WORDS};

/// Lower-case words that go on a name's phrase: "Residents of Lower Brisk", "Talks with Acme".
const NAME_JOINERS: &[&str] = &["and", "at", "for", "from", "in", "of", "on", "with"];

/// The longest parenthesis between a subject and its verb that is read over.
const MAX_PARENTHESIS: usize = 12;

/// Whether a token is a verb in the past: "chanted", "sent".
fn is_past_verb(t: &Tok) -> bool {
    t.word && !t.cap && (t.lower.ends_with("ed") || has(IRREGULAR_PASTS, &t.lower))
}

/// How far back the first of two coordinated verbs may be.
const MAX_COORDINATION: usize = 30;

/// The subject of the directive verb at `k`: `Err` when the words before it are no noun phrase,
/// which means the sentence was misread ("needs to make additional appeals to …" has no verb
/// "appeals"), `Ok(None)` when there is no subject to read.
pub(super) fn verb_subject(text: &str, toks: &[Tok], k: usize) -> Result<Option<String>, ()> {
    if let Some(s) = relative_subject(text, toks, k) {
        return Ok(Some(s));
    }
    let w = toks[k].lower.as_str();
    let participle = w.ends_with("ing") && !(k > 0 && has(BE, &toks[k - 1].lower));
    // "Mayors could urge …": the shared subject reader skips no modal but "will" and "would".
    let modal = k > 0 && matches!(toks[k - 1].lower.as_str(), "can" | "could" | "may" | "might" | "must" | "shall" | "should");
    let subject = subject_before(toks, k).or_else(|| if modal { subject_before(toks, k - 1) } else { None });
    if let Some((p, _)) = subject {
        // "chanted slogans calling for …": a participle after a verb's object belongs to that
        // verb's subject.
        if participle {
            let verb = (p.toks.start..p.toks.end).rev().find(|&v| is_past_verb(&toks[v]));
            if let Some(v) = verb {
                return Ok(subject_over_parenthesis(text, toks, v));
            }
        }
        // "a law requiring …": a participle with no auxiliary modifies the noun right before
        // it, so only the last few words are the actor.
        let from = if participle { p.toks.end.saturating_sub(3).max(p.toks.start) } else { p.toks.start };
        let mut from = (from..p.toks.end).find(|&j| !has(LEADING_PREPOSITIONS, &toks[j].lower)).unwrap_or(p.toks.start);
        if !participle {
            from = over_plural_possessive(toks, from);
        }
        // "Say Mexico demanded …", "And the union called …".
        while from + 1 < p.toks.end && has(NOT_ACTOR_START, &toks[from].lower) {
            from += 1;
        }
        let s = text[toks[from].bytes.start..p.bytes.end].to_string();
        // "Ana Brest, whose group demanded …" → "Ana Brest's group".
        if toks[from].is("whose") && from > 1 && toks[from - 1].is(",") {
            let owner = subject_before(toks, from - 1).map(|(o, _)| text[o.bytes].to_string());
            let rest = &text[toks[from + 1].bytes.start..p.bytes.end];
            return Ok(owner.filter(|o| is_actor_phrase(o)).map(|o| format!("{o}'s {rest}")));
        }
        return if is_actor_phrase(&s) { Ok(Some(s)) } else { Err(()) };
    }
    let before = k.checked_sub(1).map(|i| toks[i].lower.as_str());
    if participle && before == Some(",") {
        return Ok(opening_subject(text, toks, k - 1));
    }
    // "Opposition lawmakers, led by Karin Volz, demanded …": the subject before the
    // parenthesis.
    if before == Some(",") && !participle {
        return Ok(subject_over_parenthesis(text, toks, k));
    }
    if matches!(before, Some("and" | "but")) || (k > 1 && toks[k - 2].is("and") && toks[k - 1].lower.ends_with("ly")) {
        return Ok(coordinated_subject(text, toks, k));
    }
    Ok(None)
}

/// The subject of the verb at `v`, also over a parenthesis between commas ("The protesters,
/// many of them students, chanted"), if it is an actor phrase.
fn subject_over_parenthesis(text: &str, toks: &[Tok], v: usize) -> Option<String> {
    let phrase = subject_before(toks, v).map(|(p, _)| p).or_else(|| {
        let close = v.checked_sub(1).filter(|&c| toks[c].is(","))?;
        let lowest = close.saturating_sub(MAX_PARENTHESIS);
        let open = (lowest..close).rev().find(|&j| !toks[j].word).filter(|&j| toks[j].is(","))?;
        subject_before(toks, open).map(|(p, _)| p)
    })?;
    let s = text[phrase.bytes].to_string();
    is_actor_phrase(&s).then_some(s)
}

/// The subject of the verb before "and": "she called the fees outrageous and called for …".
fn coordinated_subject(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let lowest = k.saturating_sub(MAX_COORDINATION);
    (lowest..k.saturating_sub(2)).rev().find_map(|v| {
        let t = &toks[v];
        let verb = !t.cap && t.word && (t.lower.ends_with("ed") || has(IRREGULAR_PASTS, &t.lower) || directive::verb(&t.lower).is_some());
        if !verb {
            return None;
        }
        let (p, _) = subject_before(toks, v)?;
        let s = text[p.bytes].to_string();
        is_actor_phrase(&s).then_some(s)
    })
}

/// The subject that opens the sentence, for a participle after a comma whose subject it is:
/// "A group of doctors in 2015 sent a letter …, calling for his dismissal" → "A group of
/// doctors". Skips an opening adverbial ("On Monday, …"); stops at the first verb-like word or
/// at a preposition before a number or time word; `None` unless the words are an actor phrase.
pub(super) fn opening_subject(text: &str, toks: &[Tok], before: usize) -> Option<String> {
    let opens_adverbial = toks.first().is_some_and(|t| has(LEADING_PREPOSITIONS, &t.lower) || has(TIME_WORDS, &t.lower));
    let start = if opens_adverbial { (0..toks.len().min(6)).find(|&j| toks[j].is(","))? + 1 } else { 0 };
    let mut end = start;
    while end < before.min(start + MAX_ACTOR_WORDS + 1) {
        let t = &toks[end];
        let mark = !t.word && !t.is("'") && !t.is("’");
        let verb_like = !t.cap
            && (t.lower.ends_with("ed")
                || has(IRREGULAR_PASTS, &t.lower)
                || has(NOT_IN_ACTOR, &t.lower)
                || directive::verb(&t.lower).is_some()
                || crate::lexicon::reporting::is_reporting_verb(&t.lower));
        let adjunct = has(LEADING_PREPOSITIONS, &t.lower)
            && toks.get(end + 1).is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit()) || has(TIME_WORDS, &n.lower));
        // A lower-case word right after a name is its verb ("… Pilots' Association broke down").
        let name_before = end > start && toks[end - 1].cap && !has(DETERMINERS, &toks[end - 1].lower);
        let after_name = !t.cap && name_before && !has(NAME_JOINERS, &t.lower);
        if mark || (end > start && (verb_like || adjunct || after_name)) {
            break;
        }
        end += 1;
    }
    if end == start || end == before {
        return None;
    }
    let s = text[toks[start].bytes.start..toks[end - 1].bytes.end].to_string();
    is_actor_phrase(&s).then_some(s)
}

/// The subject of a directive verb in a relative clause is the noun phrase the clause hangs on:
/// "a shortage that demands a national plan", "the mayor, who demanded a recount".
fn relative_subject(text: &str, toks: &[Tok], k: usize) -> Option<String> {
    let rel = k.checked_sub(1).filter(|&r| r > 0 && matches!(toks[r].lower.as_str(), "that" | "which" | "who"))?;
    let end = if toks[rel - 1].is(",") { rel - 1 } else { rel };
    let (p, _) = subject_before(toks, end)?;
    if p.toks.end != end {
        return None;
    }
    // "Farmers face a drought that …": the clause hangs on the last noun phrase only.
    let from = (p.toks.start..end).rev().find(|&i| matches!(toks[i].lower.as_str(), "a" | "an" | "the")).unwrap_or(p.toks.start);
    let s = text[toks[from].bytes.start..p.bytes.end].to_string();
    is_actor_phrase(&s).then_some(s)
}
