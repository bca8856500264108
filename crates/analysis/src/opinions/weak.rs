//! Weak opinion cues: signs of the writer's own voice that are too common in plain reporting to
//! count alone — an intensifier ("really"), a sweeping word ("never", "everyone"), a degree word
//! ("the most damaging", "worse"), the writer's "we", "should" or "cannot", an insisting marker
//! ("of course"), a question the writer asks, and scare quotes ("the “reform” of"). Two in the writer's part of one sentence make
//! an opinion (`opinions::find` applies that rule; on NewsSD's tuning split two of one kind,
//! "we … our", "very … very", did as well as two of different kinds).
//!
//! Owns: finding these cues in a sentence's tokens. Must never: count a cue inside a quotation
//! or in a sentence that reports speech (the caller skips those), or look more than one token
//! around a cue.

use std::ops::Range;

use crate::lexicon::opinion::emphasis::*;
use crate::lexicon::sources::{has, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum WeakKind {
    Intensifier,
    Sweeping,
    Degree,
    WriterWe,
    Modal,
    Insisting,
    Question,
    Mild,
    ScareQuotes,
}

impl WeakKind {
    pub fn describe(self) -> &'static str {
        match self {
            WeakKind::Intensifier => "intensifier",
            WeakKind::Sweeping => "sweeping word",
            WeakKind::Degree => "degree word",
            WeakKind::WriterWe => "writer's 'we'",
            WeakKind::Modal => "modal",
            WeakKind::Insisting => "insisting marker",
            WeakKind::Question => "writer's question",
            WeakKind::Mild => "mild judgement",
            WeakKind::ScareQuotes => "scare quotes",
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct WeakCue {
    pub tok: usize,
    pub kind: WeakKind,
    pub words: Range<usize>,
}

/// Every weak cue in a sentence, in order.
pub(super) fn weak(toks: &[Tok]) -> Vec<WeakCue> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let next = toks.get(k + 1);
        let cue = |kind, last: usize| WeakCue { tok: k, kind, words: t.bytes.start..toks[last].bytes.end };
        if t.is("?") && toks[k + 1..].iter().all(|n| !n.word) {
            out.push(cue(WeakKind::Question, k));
            continue;
        }
        if let Some(close) = scare_quote(toks, k) {
            out.push(cue(WeakKind::ScareQuotes, close));
            continue;
        }
        if !t.word || !super::words::may_start_cue(&t.lower) {
            continue;
        }
        let w = t.lower.as_str();
        if next.is_some_and(|n| INSISTING_PAIRS.iter().any(|&(a, b)| a == w && n.is(b))) {
            out.push(cue(WeakKind::Insisting, k + 1));
        } else if has(INTENSIFIERS, w) {
            out.push(cue(WeakKind::Intensifier, k));
        } else if has(UNIVERSALS, w) || (w == "no" && next.is_some_and(|n| n.is("one"))) {
            out.push(cue(WeakKind::Sweeping, k));
        } else if has(DEGREE_WORDS, w) && degree(toks, k) {
            out.push(cue(WeakKind::Degree, k));
        } else if w == "too" && next.is_some_and(|n| n.word) && toks.get(k + 2).is_some_and(|n| n.is("to")) {
            // "too dangerous to ignore".
            out.push(cue(WeakKind::Degree, k + 2));
        } else if w == "than" && next.is_some_and(|n| n.is("ever")) {
            out.push(cue(WeakKind::Degree, k + 1));
        } else if has(MILD_EVALUATIVE, w) {
            out.push(cue(WeakKind::Mild, k));
        } else if has(WRITER_WE, w) && !(t.cap && k > 0 && toks[k - 1].word) {
            // A capitalised "Our" inside a sentence is part of a name ("Feed Our Town").
            out.push(cue(WeakKind::WriterWe, k));
        } else if has(SOFT_MODALS, w) {
            out.push(cue(WeakKind::Modal, k));
        }
    }
    out
}

/// Words before a single word in quotation marks that make the marks the writer's distance
/// from the word: "the “cause” of", "as an “expert”", "their “reform”".
const BEFORE_SCARE_QUOTES: &[&str] = &["a", "an", "as", "called", "his", "her", "its", "our", "the", "their", "these", "this", "those"];

fn is_double_mark(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "\"" | "“" | "”")
}

/// One lower-case word between double quotation marks at `open`: the index of the closing mark.
/// A hyphenated word is a coined term ("“zero-covid” rules"), not a scare quote.
fn quoted_word(toks: &[Tok], open: usize) -> Option<usize> {
    let opens = toks.get(open).is_some_and(|t| matches!(t.lower.as_str(), "\"" | "“"));
    let word = toks.get(open + 1).is_some_and(|t| t.word && !t.cap && !t.lower.contains('-'));
    let closes = toks.get(open + 2).is_some_and(|t| matches!(t.lower.as_str(), "\"" | "”"));
    (opens && word && closes).then_some(open + 2)
}

/// Scare quotes: a determiner (or "as", "called") at `k` and then one lower-case word in
/// quotation marks; the index of the closing mark. A longer quotation is someone's words.
fn scare_quote(toks: &[Tok], k: usize) -> Option<usize> {
    if !toks[k].word || !has(BEFORE_SCARE_QUOTES, &toks[k].lower) {
        return None;
    }
    quoted_word(toks, k + 1)
}

/// Whether every double quotation mark of the sentence belongs to a single word quoted in the
/// middle of it ("the “cause” of"), so that the sentence is still in the writer's voice.
pub(super) fn only_scare_quotes(toks: &[Tok]) -> bool {
    let mut k = 0;
    while k < toks.len() {
        if is_double_mark(&toks[k]) {
            match quoted_word(toks, k) {
                Some(close) if k > 0 && toks[k - 1].word => k = close,
                _ => return false,
            }
        }
        k += 1;
    }
    true
}

/// "most" and "least" grade an adjective only after an article and before a word that is not
/// "of" ("the most damaging", not "most of them" or "most voters"); the other degree words
/// always count.
fn degree(toks: &[Tok], k: usize) -> bool {
    if !matches!(toks[k].lower.as_str(), "most" | "least") {
        return true;
    }
    let after_article = k > 0 && matches!(toks[k - 1].lower.as_str(), "the" | "a" | "an");
    after_article && toks.get(k + 1).is_some_and(|n| n.word && !n.is("of"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::sources::tokenize;

    fn kinds(s: &str) -> Vec<WeakKind> {
        weak(&tokenize(s, 0..s.len())).into_iter().map(|c| c.kind).collect()
    }

    #[test]
    fn weak_kinds() {
        assert_eq!(kinds("We should really act."), vec![WeakKind::WriterWe, WeakKind::Modal, WeakKind::Intensifier]);
        assert_eq!(kinds("Of course no one came?"), vec![WeakKind::Insisting, WeakKind::Sweeping, WeakKind::Question]);
        assert_eq!(kinds("It is the most damaging law."), vec![WeakKind::Degree]);
        assert_eq!(kinds("Most of them voted."), vec![]);
        assert_eq!(kinds("Is the “cause” known?"), vec![WeakKind::ScareQuotes, WeakKind::Question]);
        assert_eq!(kinds("The word “cause” is old."), vec![]);
        assert_eq!(kinds("The “Cause” is a ship."), vec![]);
        assert_eq!(kinds("The “root cause” is known."), vec![]);
        assert_eq!(kinds("Is the “zero-waste” rule known?"), vec![WeakKind::Question]);
    }
}
