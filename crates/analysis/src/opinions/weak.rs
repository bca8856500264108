//! Weak opinion cues: signs of the writer's own voice that are too common in plain reporting to
//! count alone — an intensifier ("really"), a sweeping word ("never", "everyone"), a degree word
//! ("the most damaging", "worse"), the writer's "we", "should" or "cannot", an insisting marker
//! ("of course") and a question the writer asks. Two in the writer's part of one sentence make
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
    }
}
