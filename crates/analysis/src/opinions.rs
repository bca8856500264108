//! Opinion suggestions: evaluative and hedged statements, found from high-precision cues only.
//!
//! Owns: the rules that turn cue words (`lexicon::opinion`) into opinion spans — first-person
//! epistemic phrases ("I don't think", "we feel"), view phrases ("in my view", "in her
//! opinion"), hedges ("probably", "seems"), comment adverbs ("frankly") and strongly evaluative
//! words ("disgraceful") — and the holder: the speaker of the quotation holding the cue, or the
//! person a view phrase names. Must never: give an opinion a confidence above 0.6 (word lists
//! find opinion sentences in news at about 0.5 F1; a cue is a hint for a person to check), or
//! read beyond the sentence that holds the cue.

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::opinion::*;
use crate::lexicon::sources::{has, last_person_name, phrase_after, tokenize, Tok};
use crate::quotes::Quote;

/// The highest confidence an opinion suggestion gets.
const MAX_CONFIDENCE: f32 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Exclamation,
    Prescriptive,
    Hedge,
    Comment,
    Evaluative,
    View,
    Epistemic,
}

impl Kind {
    fn confidence(self) -> f32 {
        match self {
            Kind::Epistemic => 0.6,
            Kind::View => 0.55,
            Kind::Evaluative => 0.5,
            Kind::Comment => 0.45,
            Kind::Hedge => 0.4,
            Kind::Prescriptive => 0.35,
            Kind::Exclamation => 0.3,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Kind::Epistemic => "first-person view",
            Kind::View => "view phrase",
            Kind::Evaluative => "evaluative word",
            Kind::Comment => "comment adverb",
            Kind::Hedge => "hedge",
            Kind::Prescriptive => "prescriptive modal",
            Kind::Exclamation => "exclamation",
        }
    }
}

/// One cue: where it is, what kind, the words that matched and, for "in her view" and "in the
/// view of X", who holds the view.
#[derive(Debug, Clone)]
struct Cue {
    tok: usize,
    kind: Kind,
    words: Range<usize>,
    holder: Option<Holder>,
}

#[derive(Debug, Clone)]
enum Holder {
    /// A name written in the phrase: "in Warren's view", "in the view of the court".
    Named(Range<usize>),
    /// "his", "her", "their": the last person named before.
    Pronoun,
}

pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    let mut sweep = Sweep::new(quotes);
    let mut out = Vec::new();
    // The last person named, with its paragraph: a view phrase's "her" refers to them.
    let mut last_person: Option<(String, usize)> = None;
    for sentence in &doc.sentences {
        let toks = tokenize(doc.text, sentence.bytes.clone());
        if let Some(name) = sweep.advance(sentence.bytes.start) {
            last_person = Some((name, sentence.paragraph));
        }
        // One suggestion per region: the sentence outside quotations, and each quotation part.
        let mut regions: Vec<(Option<usize>, Vec<Cue>)> = Vec::new();
        for cue in cues(&toks) {
            let at = toks[cue.tok].bytes.start;
            if let Some(name) = sweep.advance(at) {
                last_person = Some((name, sentence.paragraph));
            }
            let quote = sweep.innermost(at);
            if cue.kind == Kind::Prescriptive && quote.is_some() {
                continue;
            }
            match regions.iter_mut().find(|(q, _)| *q == quote) {
                Some((_, list)) => list.push(cue),
                None => regions.push((quote, vec![cue])),
            }
        }
        for (quote, list) in regions {
            let quote = quote.map(|i| sweep.quotes[i]);
            out.extend(suggestion(doc, sentence.bytes.clone(), quote, &list, &last_person, sentence.paragraph));
        }
        if let Some(name) = last_person_name(doc.text, &toks) {
            last_person = Some((name, sentence.paragraph));
        }
    }
    out
}

/// Whether a sentence's tokens hold any opinion cue (claims use this to keep opinions out of
/// unsourced factual statements).
pub fn has_cue(toks: &[Tok]) -> bool {
    !cues(toks).is_empty()
}

/// A sweep over the quotations in text order, keeping the stack of those open at the current
/// position, so that finding the quotation around each cue costs amortised constant time.
struct Sweep<'q> {
    quotes: Vec<&'q Quote>,
    next: usize,
    open: Vec<usize>,
}

impl<'q> Sweep<'q> {
    fn new(quotes: &'q [Quote]) -> Self {
        let mut quotes: Vec<&Quote> = quotes.iter().filter(|q| q.bytes.start < q.bytes.end).collect();
        quotes.sort_by_key(|q| (q.bytes.start, std::cmp::Reverse(q.bytes.end)));
        Sweep { quotes, next: 0, open: Vec::new() }
    }

    /// Moves to byte `at` (never backwards); returns the last person-like speaker of a
    /// quotation passed on the way.
    fn advance(&mut self, at: usize) -> Option<String> {
        let mut speaker = None;
        while let Some(q) = self.quotes.get(self.next).filter(|q| q.bytes.start < at) {
            while self.open.last().is_some_and(|&o| self.quotes[o].bytes.end <= q.bytes.start) {
                self.open.pop();
            }
            if let Some(s) = q.speaker.as_deref().filter(|s| crate::names::person_like(s)) {
                speaker = Some(s.to_string());
            }
            self.open.push(self.next);
            self.next += 1;
        }
        while self.open.last().is_some_and(|&o| self.quotes[o].bytes.end <= at) {
            self.open.pop();
        }
        speaker
    }

    /// The innermost quotation with byte `at` strictly inside, after `advance(at)`.
    fn innermost(&self, at: usize) -> Option<usize> {
        self.open.last().copied().filter(|&o| self.quotes[o].bytes.start < at && at < self.quotes[o].bytes.end)
    }
}

fn suggestion(
    doc: &Doc,
    sentence: Range<usize>,
    quote: Option<&Quote>,
    cues: &[Cue],
    last_person: &Option<(String, usize)>,
    paragraph: usize,
) -> Option<Suggestion> {
    let strongest = cues.iter().max_by(|a, b| a.kind.cmp(&b.kind).then(b.tok.cmp(&a.tok)))?;
    let mut bytes = sentence.clone();
    if let Some(q) = quote {
        bytes = bytes.start.max(q.bytes.start)..bytes.end.min(q.bytes.end);
    }
    let text = doc.text;
    let bytes = trim(text, bytes)?;
    let holder = match &strongest.holder {
        Some(Holder::Named(r)) => {
            // "in Warren's view": the name without its possessive ending.
            let name = &text[r.clone()];
            Some(name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")).unwrap_or(name).to_string())
        }
        Some(Holder::Pronoun) => last_person.as_ref().filter(|(_, p)| paragraph <= p + 1).map(|(n, _)| n.clone()),
        None => None,
    }
    .or_else(|| quote.and_then(|q| q.speaker.clone()));
    let distinct = {
        let mut kinds: Vec<Kind> = cues.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        kinds.len()
    };
    let confidence = (strongest.kind.confidence() + 0.05 * (distinct as f32 - 1.0)).min(MAX_CONFIDENCE);
    let words = &text[strongest.words.clone()];
    let mut reason = format!("{} '{}'", strongest.kind.describe(), words);
    if cues.len() > 1 {
        reason.push_str(&format!(" and {} more cue{}", cues.len() - 1, if cues.len() > 2 { "s" } else { "" }));
    }
    if quote.is_some() {
        reason.push_str(" in a quotation");
    }
    let attributes = Attributes { holder, ..Attributes::default() };
    Some(doc.suggestion(Label::Opinion, bytes, attributes, confidence, &reason))
}

/// Drops whitespace at both ends; `None` if nothing is left.
fn trim(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    if r.start >= r.end {
        return None;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (lead + trail < s.len()).then(|| r.start + lead..r.end - trail)
}

/// Every opinion cue in a sentence, in order.
fn cues(toks: &[Tok]) -> Vec<Cue> {
    let mut out = Vec::new();
    let first_word = toks.iter().position(|t| t.word);
    // Reported speech makes a modal someone else's: "X said the state must act".
    let reported = toks.iter().any(|t| t.word && has(REPORTED, &t.lower));
    for (k, t) in toks.iter().enumerate() {
        let bytes = |a: usize, b: usize| toks[a].bytes.start..toks[b].bytes.end;
        if t.is("!") {
            out.push(Cue { tok: k, kind: Kind::Exclamation, words: bytes(k, k), holder: None });
            continue;
        }
        if !t.word {
            continue;
        }
        let w = t.lower.as_str();
        if let Some(end) = epistemic(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Epistemic, words: bytes(k, end), holder: None });
        } else if w == "in" || w == "to" {
            if let Some((end, holder)) = view(toks, k) {
                out.push(Cue { tok: k, kind: Kind::View, words: bytes(k, end), holder });
            }
        } else if has(HEDGES, w) && hedge(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Hedge, words: bytes(k, k), holder: None });
        } else if has(COMMENT_ADVERBS, w) {
            out.push(Cue { tok: k, kind: Kind::Comment, words: bytes(k, k), holder: None });
        } else if has(EVALUATIVE, w) && evaluative(toks, k, first_word == Some(k)) {
            out.push(Cue { tok: k, kind: Kind::Evaluative, words: bytes(k, k), holder: None });
        } else if has(PRESCRIPTIVE, w) && !reported && prescriptive(toks, k) {
            out.push(Cue { tok: k, kind: Kind::Prescriptive, words: bytes(k, k), holder: None });
        }
    }
    out
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
        return (matches!(owner, "my" | "our") && noun == "mind").then_some((k + 2, None));
    }
    if has(VIEW_NOUNS, noun) && noun != "mind" && noun != "eyes" {
        return match owner {
            "my" | "our" => Some((k + 2, None)),
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

/// "ought" needs "to"; "imperative" needs "is" or "it's" before it ("it is imperative").
fn prescriptive(toks: &[Tok], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "ought" => toks.get(k + 1).is_some_and(|t| t.is("to")),
        "imperative" => k > 0 && matches!(toks[k - 1].lower.as_str(), "is" | "it's" | "was"),
        _ => true,
    }
}

/// "seems" counts as a hedge when it introduces a judgement ("seems to", "seems unlikely",
/// "it seems"), not in "seems" as a noun-like use; the other hedges always count.
fn hedge(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].lower.as_str();
    if !matches!(w, "seem" | "seems" | "seemed") {
        return true;
    }
    toks.get(k + 1).is_some_and(|t| t.word && !matches!(t.lower.as_str(), "and" | "or")) || (k > 0 && toks[k - 1].is("it"))
}

/// An evaluative word counts unless it is part of a name ("Brilliant Earth", capitalised
/// mid-sentence) or of a technical term ("natural disaster", "disaster relief").
fn evaluative(toks: &[Tok], k: usize, sentence_initial: bool) -> bool {
    if toks[k].cap && (!sentence_initial || toks.get(k + 1).is_some_and(|t| t.cap)) {
        return false;
    }
    let before = k.checked_sub(1).and_then(|j| toks.get(j)).is_some_and(|t| has(EVALUATIVE_EXCEPTIONS_BEFORE, &t.lower));
    let after = toks.get(k + 1).is_some_and(|t| has(EVALUATIVE_EXCEPTIONS_AFTER, &t.lower));
    !(before || after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        cues(&tokenize(s, 0..s.len())).into_iter().map(|c| c.kind).collect()
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
    }
}
