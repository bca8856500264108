//! Stance statements: a holder's position on a statement, with the holder and the statement
//! found apart. "Residents fear (that) the bridge will close" → holder "Residents", statement
//! "the bridge will close"; "The bridge will close, residents fear." likewise; "The mayor
//! condemned the closure" and "X is convinced that …" (the sentence, holder the subject);
//! "the worry is that …" and "it is a mistake to …" (holder the speaker or the writer).
//!
//! Owns: reading the subject before a stance verb (through `subject_before`), the guards that
//! keep nouns out ("the hope diamond", "hopes were dashed": a stance verb needs a subject
//! before it and a clause after it), and where the statement starts and ends. Must never: take
//! "I" or "we" as a subject (first-person views are `cues::epistemic`, whose span keeps the
//! negation of "I don't think"), treat a passive ("was criticised") as the holder's judgement,
//! or read outside the sentence. A passive with an agent and an evaluative word ("was called a
//! disaster by critics") is the agent's judgement (`passive`).

mod frames;
mod passive;

use std::ops::Range;

use super::cues::Holder;
use crate::lexicon::opinion::stance::*;
use crate::lexicon::opinion::{EVALUATIVE, REPORTED};
use crate::lexicon::sources::{has, subject_before, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StanceKind {
    /// "fears that", "thinks": the statement is the clause after the verb.
    Verb,
    /// "condemned", "praised": the statement is the sentence.
    Judgement,
    /// "is convinced", "is concerned about".
    Adjective,
    /// "the fear is that", "her worry is".
    Noun,
    /// "it is a mistake to", "it would be wrong to", "it is clear that".
    Frame,
    /// "was called a disaster by critics": held by the agent.
    PassiveNaming,
}

impl StanceKind {
    pub fn describe(self) -> &'static str {
        match self {
            StanceKind::Verb => "stance verb",
            StanceKind::Judgement => "judgement verb",
            StanceKind::Adjective => "stance adjective",
            StanceKind::Noun => "stance noun",
            StanceKind::Frame => "judgement frame",
            StanceKind::PassiveNaming => "passive naming",
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Stance {
    /// The cue's first token.
    pub tok: usize,
    pub kind: StanceKind,
    /// Bytes of the cue words, for the reason.
    pub words: Range<usize>,
    pub holder: Option<Holder>,
    /// Where the statement starts and ends, in tokens (end exclusive), clipped to the sentence
    /// or quotation part; `None` for the whole of it.
    pub statement: Option<Range<usize>>,
}

/// Every stance statement in a sentence, in order.
pub(super) fn stances(toks: &[Tok]) -> Vec<Stance> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !t.word || !super::words::may_start_cue(&t.lower) {
            continue;
        }
        let w = t.lower.as_str();
        let found = if has(JUDGEMENT_VERBS, w) {
            judgement(toks, k)
        } else if has(NAMING_VERBS, w) {
            naming(toks, k)
        } else if has(BE_FORMS, w) || w == "it's" {
            frames::adjective(toks, k).or_else(|| frames::frame(toks, k))
        } else {
            // "fear" and "hope" are verbs and nouns: "residents fear that", "the fear is that".
            let as_verb = || has(STANCE_VERBS, w).then(|| verb(toks, k)).flatten();
            as_verb().or_else(|| has(STANCE_NOUNS, w).then(|| frames::noun(toks, k)).flatten())
        };
        out.extend(found);
    }
    // Frames and nouns start before the word that found them; the caller needs token order.
    out.sort_by_key(|s| s.tok);
    out
}

fn word(toks: &[Tok], j: usize) -> Option<&str> {
    toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str())
}

/// Words between a subject and its stance verb: "does not think", "has long feared".
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "don't",
    "firmly",
    "genuinely",
    "had",
    "has",
    "have",
    "long",
    "never",
    "not",
    "now",
    "privately",
    "really",
    "still",
    "strongly",
];

/// The holder named by the subject of the verb at `k`, unless it is "I" or "we" or a pronoun
/// that names no one ("it", "there").
fn subject(toks: &[Tok], k: usize) -> Option<(Range<usize>, Holder)> {
    let mut v = k;
    while v > 0 && k - v < 3 && has(BETWEEN_SUBJECT_AND_VERB, &toks[v - 1].lower) {
        v -= 1;
    }
    let (phrase, _) = subject_before(toks, v)?;
    let first = &toks[phrase.toks.start];
    let holder = match (phrase.toks.len(), first.lower.as_str()) {
        (1, "i" | "we" | "it" | "there" | "this" | "that" | "you" | "which" | "what") => return None,
        (1, "he" | "she" | "they") => reporter_before(toks, phrase.toks.start).map_or(Holder::Pronoun, Holder::Named),
        _ => Holder::Named(phrase.bytes.clone()),
    };
    Some((phrase.toks, holder))
}

/// "The mayor said she believes …": the named subject of a reporting word shortly before a
/// pronoun is who the pronoun means.
fn reporter_before(toks: &[Tok], pronoun: usize) -> Option<Range<usize>> {
    let r = (pronoun.saturating_sub(3)..pronoun).rev().find(|&j| has(REPORTED, &toks[j].lower))?;
    let (phrase, _) = subject_before(toks, r)?;
    let pronoun_only =
        phrase.toks.len() == 1 && matches!(toks[phrase.toks.start].lower.as_str(), "he" | "she" | "they" | "it" | "i" | "we");
    (!pronoun_only).then_some(phrase.bytes)
}

/// Whether a negation stands between the subject's end and the verb: "does not think".
fn negated(toks: &[Tok], from: usize, verb: usize) -> bool {
    toks[from..verb].iter().any(|t| matches!(t.lower.as_str(), "not" | "never" | "n't") || t.lower.ends_with("n't"))
}

/// "X fears (that) …", "…, X fears.": a stance verb with a subject before it and a clause
/// after it (or, parenthetically, before the subject).
fn verb(toks: &[Tok], k: usize) -> Option<Stance> {
    if let Some(st) = parenthetical(toks, k) {
        return Some(st);
    }
    let (subj, holder) = subject(toks, k)?;
    // Aux or adverb between subject and verb (and "has long feared") are fine; a passive
    // ("is feared", "was thought") names no holder.
    if toks[subj.end..k].iter().any(|t| matches!(t.lower.as_str(), "is" | "was" | "are" | "were" | "been" | "being")) {
        return None;
    }
    let words = toks[k].bytes.clone();
    let whole = negated(toks, subj.end, k);
    // "felt the tremor" is a sensation: "feel" takes a bare clause only after a pronoun
    // subject of its own ("felt it was unfair"), or with "that" or "like".
    let feel = matches!(toks[k].lower.as_str(), "feel" | "feels" | "felt");
    let clause_pronoun = |n: Option<&Tok>| {
        n.is_some_and(|n| matches!(n.lower.as_str(), "he" | "she" | "it" | "they" | "we" | "i" | "you" | "there" | "like"))
    };
    let next = toks.get(k + 1);
    let statement = if word(toks, k + 1) == Some("that") {
        k + 2..toks.len()
    } else if (!feel || clause_pronoun(next)) && next.is_some_and(|n| n.word && (n.cap || has(CLAUSE_STARTS, &n.lower))) {
        k + 1..toks.len()
    } else {
        return None;
    };
    // A negated stance keeps its cue: "does not think the pier is safe" is the statement.
    let from = if whole { subj.start } else { statement.start };
    Some(Stance { tok: k, kind: StanceKind::Verb, words, holder: Some(holder), statement: Some(until_attribution(toks, from)) })
}

/// The longest holder of a parenthetical stance: "…, the traders' guild in Corvale fears."
const MAX_PARENTHETICAL_HOLDER: usize = 8;

/// "The plan will fail, residents fear.": the verb ends the sentence and a comma opens the
/// holder's phrase before it; the statement is everything before the comma.
fn parenthetical(toks: &[Tok], k: usize) -> Option<Stance> {
    if toks[k + 1..].iter().any(|t| t.word) {
        return None;
    }
    let lowest = k.saturating_sub(MAX_PARENTHETICAL_HOLDER + 1);
    let comma = (lowest..k).rev().find(|&j| !toks[j].word && !matches!(toks[j].lower.as_str(), "'" | "-"))?;
    if !toks[comma].is(",") || comma == 0 || comma + 1 >= k {
        return None;
    }
    let first = &toks[comma + 1];
    if matches!(first.lower.as_str(), "i" | "we" | "it" | "which" | "who" | "and" | "but") {
        return None;
    }
    let holder = match (k - comma - 1, first.lower.as_str()) {
        (1, "he" | "she" | "they") => Holder::Pronoun,
        _ => Holder::Named(first.bytes.start..toks[k - 1].bytes.end),
    };
    Some(Stance { tok: k, kind: StanceKind::Verb, words: toks[k].bytes.clone(), holder: Some(holder), statement: Some(0..comma) })
}

/// The most tokens after a closing attribution's comma: ", its chief executive said."
const MAX_ATTRIBUTION: usize = 8;

/// The statement from token `from` to the sentence's end or a closing attribution.
fn until_attribution(toks: &[Tok], from: usize) -> Range<usize> {
    from..attribution_comma(toks, from).unwrap_or(toks.len())
}

/// The comma of a closing attribution after `from` ("…, its chief executive said."), which
/// ends the statement before it.
fn attribution_comma(toks: &[Tok], from: usize) -> Option<usize> {
    let lowest = toks.len().saturating_sub(MAX_ATTRIBUTION + 1).max(from);
    (lowest..toks.len()).find(|&j| toks[j].is(",") && toks[j + 1..].iter().any(|t| has(REPORTED, &t.lower)))
}

/// "X condemned the attack": a judgement verb in the active voice with a subject and an object.
fn judgement(toks: &[Tok], k: usize) -> Option<Stance> {
    if let Some(st) = passive::naming(toks, k) {
        return Some(st);
    }
    let (subj, holder) = subject(toks, k)?;
    if toks[subj.end..k].iter().any(|t| matches!(t.lower.as_str(), "is" | "was" | "are" | "were" | "been" | "being" | "be")) {
        return None;
    }
    word(toks, k + 1)?;
    // "welcomed the delegation", "welcomed Ana Ruiz": a host's greeting, not a judgement.
    if toks[k].lower.starts_with("welcome") && toks[k + 1..].iter().take(3).any(|t| t.cap || has(WELCOMED_GUESTS, &t.lower)) {
        return None;
    }
    let statement = Some(until_attribution(toks, subj.start));
    Some(Stance { tok: k, kind: StanceKind::Judgement, words: toks[k].bytes.clone(), holder: Some(holder), statement })
}

/// How far after a verb of naming its evaluative word may be: "called the council's new
/// parking plan reckless".
const MAX_NAMED: usize = 8;

/// "X called the plan reckless", "X described the deal as a disaster": a verb of naming with a
/// subject and, before the next punctuation, a strongly evaluative word.
fn naming(toks: &[Tok], k: usize) -> Option<Stance> {
    if let Some(st) = passive::naming(toks, k) {
        return Some(st);
    }
    let next = word(toks, k + 1)?;
    if matches!(next, "for" | "on" | "off" | "up" | "in" | "out" | "back") {
        return None;
    }
    let evaluative = toks[k + 1..].iter().take(MAX_NAMED).take_while(|t| t.word).any(|t| has(EVALUATIVE, &t.lower));
    if !evaluative {
        return None;
    }
    let (subj, holder) = subject(toks, k)?;
    if toks[subj.end..k].iter().any(|t| matches!(t.lower.as_str(), "is" | "was" | "are" | "were" | "been" | "being" | "be")) {
        return None;
    }
    let statement = Some(until_attribution(toks, subj.start));
    Some(Stance { tok: k, kind: StanceKind::Judgement, words: toks[k].bytes.clone(), holder: Some(holder), statement })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::sources::tokenize;

    fn found(s: &str) -> Vec<(StanceKind, Option<String>)> {
        let toks = tokenize(s, 0..s.len());
        stances(&toks)
            .into_iter()
            .map(|st| (st.kind, st.statement.map(|r| s[toks[r.start].bytes.start..toks[r.end - 1].bytes.end].to_string())))
            .collect()
    }

    #[test]
    fn stance_kinds_and_statements() {
        assert_eq!(found("Residents fear that the bridge will close."), vec![(StanceKind::Verb, Some("the bridge will close.".into()))]);
        assert_eq!(found("The bridge will close, residents fear."), vec![(StanceKind::Verb, Some("The bridge will close".into()))]);
        assert_eq!(found("The hope diamond was sold."), vec![]);
        assert_eq!(found("Hopes of a deal faded."), vec![]);
        assert_eq!(found("Their hopes were dashed."), vec![]);
        assert_eq!(
            found("She does not think the plan works."),
            vec![(StanceKind::Verb, Some("She does not think the plan works.".into()))]
        );
        assert_eq!(
            found("The mayor condemned the closure."),
            vec![(StanceKind::Judgement, Some("The mayor condemned the closure.".into()))]
        );
        assert_eq!(found("The mayor was criticised by residents."), vec![]);
        assert_eq!(found("The council is convinced that fares must rise."), vec![(StanceKind::Adjective, Some("fares must rise.".into()))]);
        assert_eq!(found("The fear is that fares will rise."), vec![(StanceKind::Noun, Some("fares will rise.".into()))]);
        assert_eq!(found("It is a mistake to raise fares."), vec![(StanceKind::Frame, Some("It is a mistake to raise fares.".into()))]);
        assert_eq!(found("It is clear water."), vec![]);
    }
}
