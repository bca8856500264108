//! The stance statements built on "be": a stance adjective ("X is convinced that …"), a
//! judgement frame ("it is a mistake to …", "it is my hope that …") and a stance noun ("the
//! fear is that …").
//!
//! Owns: reading these three shapes around a form of "be" or a stance noun. Must never: look
//! more than a few tokens from the cue, or take a holder from anything but the subject, a
//! possessive or the first person.

use super::{subject, until_attribution, word, Stance, StanceKind};
use crate::lexicon::opinion::stance::*;
use crate::lexicon::sources::{has, Tok};
use crate::opinions::cues::Holder;

/// "X is convinced (that) …", "X was concerned about …": be + stance adjective + a complement.
pub(super) fn adjective(toks: &[Tok], k: usize) -> Option<Stance> {
    let mut j = k + 1;
    if matches!(word(toks, j), Some("deeply" | "very" | "increasingly" | "so" | "not" | "also" | "still")) {
        j += 1;
    }
    word(toks, j).filter(|a| has(STANCE_ADJECTIVES_AFTER_BE, a))?;
    let complement = word(toks, j + 1);
    if !complement.is_some_and(|c| has(STANCE_COMPLEMENTS, c) || has(CLAUSE_STARTS, c)) {
        return None;
    }
    let (subj, holder) = subject(toks, k)?;
    // "X is convinced that S": S; "X is concerned about …": the subject's whole statement.
    let from = if complement == Some("that") { j + 2 } else { subj.start };
    let statement = Some(until_attribution(toks, from));
    Some(Stance { tok: k, kind: StanceKind::Adjective, words: toks[k].bytes.start..toks[j].bytes.end, holder: Some(holder), statement })
}

/// "it is a mistake to", "it would be wrong to", "it is clear that", "it's a shame that".
pub(super) fn frame(toks: &[Tok], k: usize) -> Option<Stance> {
    let modal_before = k > 1 && toks[k - 2].is("it") && matches!(word(toks, k - 1), Some("would" | "will"));
    let start = if toks[k].is("it's") {
        k
    } else if k > 0 && toks[k - 1].is("it") {
        k - 1
    } else if modal_before {
        k - 2
    } else {
        return None;
    };
    let mut j = k + 1;
    // "it is my hope that", "it is our view that".
    let possessive = matches!(word(toks, j), Some("my" | "our"));
    if possessive && word(toks, j + 1).is_some_and(|n| has(STANCE_NOUNS, n) || matches!(n, "view" | "belief" | "conviction")) {
        if word(toks, j + 2) != Some("that") {
            return None;
        }
        let words = toks[start].bytes.start..toks[j + 1].bytes.end;
        return Some(Stance {
            tok: start,
            kind: StanceKind::Noun,
            words,
            holder: Some(Holder::FirstPerson),
            statement: Some(j + 3..toks.len()),
        });
    }
    const BETWEEN: &[&str] = &["a", "also", "an", "big", "grave", "quite", "simply", "so", "surely", "very"];
    while j < k + 4 && word(toks, j).is_some_and(|w| has(BETWEEN, w)) {
        j += 1;
    }
    word(toks, j).filter(|p| has(JUDGEMENT_PREDICATES, p))?;
    // The judged clause must follow: "to …", "that …", "for X to …", or a comma before "that".
    let follow = word(toks, j + 1).or_else(|| toks.get(j + 1).filter(|t| t.is(",")).and(word(toks, j + 2)));
    if !follow.is_some_and(|f| matches!(f, "to" | "that" | "for" | "however" | "though")) {
        return None;
    }
    let words = toks[start].bytes.start..toks[j].bytes.end;
    Some(Stance { tok: start, kind: StanceKind::Frame, words, holder: None, statement: Some(until_attribution(toks, start)) })
}

/// "the fear is (that) …", "her hope was that …": a stance noun after "the" or a possessive,
/// then "is"/"was", then the statement.
pub(super) fn noun(toks: &[Tok], k: usize) -> Option<Stance> {
    let det = k.checked_sub(1).map(|j| toks[j].lower.as_str())?;
    let holder = match det {
        "the" => None,
        "my" | "our" => Some(Holder::FirstPerson),
        "his" | "her" | "their" => Some(Holder::Pronoun),
        _ => return None,
    };
    if !matches!(word(toks, k + 1), Some("is" | "was" | "remains")) {
        return None;
    }
    let from = if word(toks, k + 2) == Some("that") { k + 3 } else { k + 2 };
    word(toks, from)?;
    Some(Stance {
        tok: k - 1,
        kind: StanceKind::Noun,
        words: toks[k - 1].bytes.start..toks[k + 1].bytes.end,
        holder,
        statement: Some(from..toks.len()),
    })
}
