//! The strong opinion cues of one sentence: each alone makes the sentence (or the quotation
//! part holding it) an opinion.
//!
//! Owns: first-person epistemic phrases ("I don't think", "we feel that", "I'm convinced"),
//! view phrases ("in my view", "in Warren's view"), hedges ("probably"), comment adverbs
//! ("frankly", "clearly" but not "clearly visible"), strongly evaluative words ("disastrous",
//! but not "natural disaster"; "a welcome change" but not "welcome to"), prescriptive modals in
//! the writer's voice ("must", "ought to") and exclamations. Must never: read beyond the
//! sentence's tokens, or look more than a few tokens around a cue.

use std::ops::Range;

use crate::lexicon::opinion::stance::BE_FORMS;
use crate::lexicon::opinion::*;
use crate::lexicon::sources::{has, phrase_after, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Exclamation,
    Address,
    Prescriptive,
    Hedge,
    Predicate,
    Comment,
    Evaluative,
    View,
    Epistemic,
}

impl Kind {
    pub fn confidence(self) -> f32 {
        match self {
            Kind::Epistemic => 0.6,
            Kind::View => 0.55,
            Kind::Evaluative => 0.5,
            Kind::Comment => 0.45,
            Kind::Hedge | Kind::Predicate => 0.4,
            Kind::Prescriptive => 0.35,
            Kind::Exclamation | Kind::Address => 0.3,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Epistemic => "first-person view",
            Kind::View => "view phrase",
            Kind::Evaluative => "evaluative word",
            Kind::Comment => "comment adverb",
            Kind::Hedge => "hedge",
            Kind::Predicate => "evaluative predicate",
            Kind::Prescriptive => "prescriptive modal",
            Kind::Exclamation => "exclamation",
            Kind::Address => "words to the reader",
        }
    }
}

/// Who holds a view when the cue names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Holder {
    /// A name written in the phrase: "in Warren's view", "in the view of the court", the subject
    /// of a stance verb. Byte range in the text.
    Named(Range<usize>),
    /// "his", "her", "their", "he", "she": the last person named before.
    Pronoun,
    /// "I", "we", "my", "our": the speaker of the quotation, or the writer outside one.
    FirstPerson,
}

/// One strong cue: its first token, kind, the bytes of the words that matched and, for "in her
/// view" and "in the view of X", who holds the view.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub tok: usize,
    pub kind: Kind,
    pub words: Range<usize>,
    pub holder: Option<Holder>,
}

/// Every strong cue in a sentence, in order. `reported`: the sentence has a reporting word, so
/// a modal in it is someone else's ("X said the state must act").
pub(super) fn strong(toks: &[Tok], reported: bool) -> Vec<Cue> {
    let mut out = Vec::new();
    let first_word = toks.iter().position(|t| t.word);
    for (k, t) in toks.iter().enumerate() {
        let bytes = |a: usize, b: usize| toks[a].bytes.start..toks[b].bytes.end;
        if t.is("!") {
            out.push(Cue { tok: k, kind: Kind::Exclamation, words: bytes(k, k), holder: None });
            continue;
        }
        if !t.word || !super::words::may_start_cue(&t.lower) {
            continue;
        }
        let w = t.lower.as_str();
        if first_word == Some(k) && !reported {
            if let Some((kind, end)) = opening(toks, k) {
                out.push(Cue { tok: k, kind, words: bytes(k, end), holder: None });
                continue;
            }
        }
        if let Some(end) = epistemic(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Epistemic, words: bytes(k, end), holder: Some(Holder::FirstPerson) });
        } else if w == "in" || w == "to" {
            if let Some((end, holder)) = view(toks, k) {
                out.push(Cue { tok: k, kind: Kind::View, words: bytes(k, end), holder });
            }
        } else if has(HEDGES, w) && hedge(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Hedge, words: bytes(k, k), holder: None });
        } else if has(COMMENT_ADVERBS, w) && comment(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Comment, words: bytes(k, k), holder: None });
        } else if has(EVALUATIVE, w) && evaluative(toks, k, first_word == Some(k)) {
            out.push(Cue { tok: k, kind: Kind::Evaluative, words: bytes(k, k), holder: None });
        } else if has(PRESCRIPTIVE, w) && !reported && prescriptive(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Prescriptive, words: bytes(k, k), holder: None });
        } else if let Some(end) = super::predicate::predicate(toks, k).filter(|_| !reported) {
            out.push(Cue { tok: k, kind: Kind::Predicate, words: bytes(k, end), holder: None });
        }
    }
    out
}

/// A sentence that opens by insisting ("In fact,", "After all,", "Of course,") or by
/// addressing the reader ("Consider …", "Remember that …", "Let us …", "Make no mistake"):
/// the kind and the index of the last word of the opening.
fn opening(toks: &[Tok], k: usize) -> Option<(Kind, usize)> {
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str());
    let w = toks[k].lower.as_str();
    let insisting = matches!((w, word(k + 1)), ("in", Some("fact")) | ("after", Some("all")) | ("of", Some("course")));
    if insisting && toks.get(k + 2).is_some_and(|t| t.is(",")) {
        return Some((Kind::Comment, k + 1));
    }
    if !has(READER_IMPERATIVES, w) {
        return None;
    }
    match w {
        "let" => matches!(word(k + 1), Some("us" | "me")).then_some((Kind::Address, k + 1)),
        "make" => (word(k + 1) == Some("no") && word(k + 2) == Some("mistake")).then_some((Kind::Address, k + 2)),
        // "Consider the bridge.", "Remember that …": an imperative, so no subject before it
        // and something to consider after it ("Suppose" and "Imagine" take a clause).
        _ => toks.get(k + 1).is_some_and(|t| t.word && !t.cap || t.is("that")).then_some((Kind::Address, k)),
    }
}

/// "I (don't) think", "we feel that", "I'm convinced", "it seems to me": the index of the
/// last word of the phrase.
fn epistemic(toks: &[Tok], k: usize) -> Option<usize> {
    let w = toks[k].lower.as_str();
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str());
    match w {
        "i" | "we" => {
            let mut j = k + 1;
            while j < k + 4 && word(j).is_some_and(|x| has(EPISTEMIC_FILLERS, x)) {
                j += 1;
            }
            let verb = word(j)?;
            if has(EPISTEMIC_VERBS, verb) {
                // "I feel sick" reports a state; "I feel that" and "we feel strongly" a view.
                if verb == "feel" && !word(j + 1).is_some_and(|x| matches!(x, "that" | "like" | "strongly")) {
                    return None;
                }
                return Some(j);
            }
            if matches!(verb, "am" | "are" | "'m" | "'re") && stance(word(j + 1), word(j + 2)) {
                return Some(j + 1);
            }
            None
        }
        "i'm" | "we're" => stance(word(k + 1), word(k + 2)).then_some(k + 1),
        "it" => (word(k + 1).is_some_and(|x| matches!(x, "seems" | "strikes" | "appears"))
            && word(k + 2) == Some("to")
            && word(k + 3) == Some("me"))
        .then_some(k + 3),
        _ => None,
    }
}

/// "convinced", "sure", "afraid that": a stance, unless it is fear of something ("afraid of").
fn stance(adjective: Option<&str>, next: Option<&str>) -> bool {
    adjective.is_some_and(|a| has(STANCE_ADJECTIVES, a)) && !(adjective == Some("afraid") && next != Some("that"))
}

/// "in my view", "in her opinion", "in Warren's view", "in the view of X", "to my mind".
fn view(toks: &[Tok], k: usize) -> Option<(usize, Option<Holder>)> {
    let word = |j: usize| toks.get(j).filter(|t| t.word).map(|t| t.lower.as_str());
    let owner = word(k + 1)?;
    let noun = word(k + 2)?;
    if toks[k].is("to") {
        return (matches!(owner, "my" | "our") && noun == "mind").then_some((k + 2, Some(Holder::FirstPerson)));
    }
    if has(VIEW_NOUNS, noun) && noun != "mind" && noun != "eyes" {
        return match owner {
            "my" | "our" => Some((k + 2, Some(Holder::FirstPerson))),
            "his" | "her" | "their" => Some((k + 2, Some(Holder::Pronoun))),
            "the" if word(k + 3) == Some("of") => {
                let who = phrase_after(toks, k + 4, &[], 8)?;
                Some((k + 3, Some(Holder::Named(who.bytes))))
            }
            _ if owner.ends_with("'s") && toks[k + 1].cap => {
                let t = &toks[k + 1];
                Some((k + 2, Some(Holder::Named(t.bytes.clone()))))
            }
            _ => None,
        };
    }
    None
}

/// "ought" needs "to"; "imperative" needs "is" or "it's" before it ("it is imperative");
/// "should" prescribes unless a condition, a content clause or a question holds it ("if it
/// should rain", "the idea that firms should pay", "what should be done", "why should …").
fn prescriptive(toks: &[Tok], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "should" | "shouldn't" => !toks[k.saturating_sub(MAX_BEFORE_SHOULD)..k].iter().any(|t| has(CLAUSE_BEFORE_SHOULD, &t.lower)),
        "ought" => toks.get(k + 1).is_some_and(|t| t.is("to")),
        "imperative" => k > 0 && matches!(toks[k - 1].lower.as_str(), "is" | "it's" | "was"),
        _ => true,
    }
}

/// How far before "should" a word of `CLAUSE_BEFORE_SHOULD` takes it out of the writer's voice.
const MAX_BEFORE_SHOULD: usize = 4;

/// Words that open a clause of condition, purpose or report around "should", or a question
/// ("why should …?" asks; the writer's question is a weak cue of its own).
const CLAUSE_BEFORE_SHOULD: &[&str] = &["how", "if", "lest", "that", "unless", "what", "whether", "which", "who", "why"];

/// "seems" counts as a hedge when it introduces a judgement ("seems to", "seems unlikely",
/// "it seems"), not in "seems" as a noun-like use; the other hedges always count.
fn hedge(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].lower.as_str();
    if !matches!(w, "seem" | "seems" | "seemed") {
        return true;
    }
    toks.get(k + 1).is_some_and(|t| t.word && !matches!(t.lower.as_str(), "and" | "or")) || (k > 0 && toks[k - 1].is("it"))
}

/// "clearly", "evidently" and "plainly" comment on a statement ("clearly wrong", "Clearly, …")
/// but describe a manner in "clearly visible", "more clearly"; other comment adverbs count.
fn comment(toks: &[Tok], k: usize) -> bool {
    if !matches!(toks[k].lower.as_str(), "clearly" | "evidently" | "plainly") {
        return true;
    }
    let before = k.checked_sub(1).map(|j| toks[j].lower.as_str());
    let after = toks.get(k + 1).map(|t| t.lower.as_str());
    !matches!(before, Some("more" | "most" | "less" | "very" | "so")) && !after.is_some_and(|a| has(MANNER_AFTER_CLEARLY, a))
}

/// An evaluative word counts unless it is part of a name ("Brilliant Earth", capitalised
/// mid-sentence) or of a technical term ("natural disaster", "disaster relief"). "welcome" is a
/// judgement only as an adjective after an article or a form of "be" ("a welcome step", "is
/// welcome"), not in "welcome to" or "welcome centre".
fn evaluative(toks: &[Tok], k: usize, sentence_initial: bool) -> bool {
    if toks[k].cap && (!sentence_initial || toks.get(k + 1).is_some_and(|t| t.cap)) {
        return false;
    }
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    let next = toks.get(k + 1);
    if toks[k].is("welcome") {
        let adjective = prev.is_some_and(|t| matches!(t.lower.as_str(), "a" | "very" | "most" | "hugely") || has(BE_FORMS, &t.lower));
        return adjective && !next.is_some_and(|t| has(WELCOME_EXCEPTIONS_AFTER, &t.lower));
    }
    let before = prev.is_some_and(|t| has(EVALUATIVE_EXCEPTIONS_BEFORE, &t.lower));
    let after = next.is_some_and(|t| has(EVALUATIVE_EXCEPTIONS_AFTER, &t.lower));
    !(before || after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::sources::tokenize;

    fn kinds(s: &str) -> Vec<Kind> {
        strong(&tokenize(s, 0..s.len()), false).into_iter().map(|c| c.kind).collect()
    }

    #[test]
    fn cue_kinds() {
        assert_eq!(kinds("I don't think this will work."), vec![Kind::Epistemic]);
        assert_eq!(kinds("We feel strongly about it."), vec![Kind::Epistemic]);
        assert_eq!(kinds("I feel sick."), vec![]);
        assert_eq!(kinds("In her view, the plan fails."), vec![Kind::View]);
        assert_eq!(kinds("It was a natural disaster."), vec![]);
        assert_eq!(kinds("It was a disaster."), vec![Kind::Evaluative]);
        assert_eq!(kinds("Brilliant Earth sells rings."), vec![]);
        assert_eq!(kinds("Disgraceful, she said."), vec![Kind::Evaluative]);
        assert_eq!(kinds("She bought Brilliant Earth rings."), vec![]);
        assert_eq!(kinds("The plan will probably fail."), vec![Kind::Hedge]);
        assert_eq!(kinds("The signs were clearly visible."), vec![]);
        assert_eq!(kinds("The plan is clearly wrong."), vec![Kind::Comment]);
        assert_eq!(kinds("The rebate is a welcome step."), vec![Kind::Evaluative]);
        assert_eq!(kinds("Welcome to Port Ellison."), vec![]);
    }
}
