//! Reported claims: indirect speech with its source, and hedged reports with no named source.
//!
//! Owns: the rules that find what a source is reported to have said without quotation marks
//! ("X said (that) …", "X told Y that …", "according to X, …", "…, X said, …", "…, said X.",
//! "as X put it", "X cited …"), the hedged reports that name no source ("reportedly", "is said
//! to", "it is understood that"). A sentence that states a fact on the article's own authority
//! is not a claim (issue 17: a claim is a reported statement). Each claim with a source or a
//! hedge carries `("source_kind", kind)` in `attributes.other`, kind one of `named-person`, `named-organisation`, `document`,
//! `anonymous`, `unnamed` (see `source_kind`); `classify_source`, the four-way classifier the
//! summary panel compiles into the page, is re-exported unchanged. Claim or opinion is decided
//! by the verb: reporting verbs (`lexicon::reporting::claim_verb`) make claims, stance verbs
//! (believe, think, fear, hope …) are not in that table and are left to the opinion finder.
//! Must never: suggest a claim whose cue lies inside a direct quotation (that is the quote's
//! content, not the article's report), cover the source or the cue with the claim's span, or
//! look beyond the sentence that holds a cue (a transcript turn, "PENCE: …", runs to the end of
//! its paragraph).
//!
//! Besides speech, a claim may attribute an intention, a decision or a position ("X wants to
//! …", "X decided that …", "X opposes the bill": `intent`, verbs in
//! `lexicon::reporting::intent_verb`, none of them a stance verb) or a question ("X asked
//! whether …": `asked`).
//!
//! The parts: `cues` finds the cues of one sentence and bounds each claim's content, `credit`
//! reads the source that goes with a cue (with `sources` and `as_put`), `content` decides where
//! reported content starts after a cue and `extent` where it ends, `hedged` finds hedges,
//! `source_kind` names the kind of a source, and `quoted` knows which bytes lie inside direct
//! quotations. This file runs them sentence by sentence and gives each claim its source,
//! confidence and reason.

mod as_put;
mod asked;
mod content;
mod credit;
mod cues;
mod extent;
mod hedged;
mod intent;
mod quoted;
pub mod source_kind;
mod sources;

use std::ops::Range;

use newsmark_core::{Attributes, Label, Suggestion};

use crate::doc::Doc;
use crate::lexicon::reporting::Intent;
use crate::lexicon::sources::{tokenize, Phrase, Tok};
use crate::quotes::Quote;
use cues::in_sentence;
use quoted::Quoted;

pub use crate::lexicon::sources::{classify_source, SourceKind};

/// How a claim was found, for its reason and confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// "X said that …": content after the cue, introduced by "that" or ":".
    AfterThat,
    /// "X said he …": content after the cue with "that" left out.
    After,
    /// "…, X said.": content before the source.
    Before,
    /// "…, said X.": content before the cue, source after it.
    BeforeInverted,
    /// "according to X, …" or "…, according to X."
    According,
    /// "PENCE: …" at the start of a paragraph.
    Colon,
    /// "As X put it, …" or "…, as X said."
    AsPut,
    /// "The plan was criticised by the union": the subject, credited to the agent.
    Passive,
    /// "X cited the figures", "X vowed to appeal": the object of a speech act.
    Object,
    /// "X wants to …", "X decided that …", "X opposes the bill": what the verb attributes and
    /// the complement that holds the content.
    Intent(Intent, &'static str),
    /// "X asked whether …": an indirect question.
    Asked,
}

struct Found {
    /// Bytes of the source phrase.
    source: Range<usize>,
    /// The token where the source and cue begin ("B said" in "A said X, but B said Y"), or the
    /// comma before a credit after its content: an earlier claim's content ends there.
    boundary: usize,
    /// Token range of the content.
    content: Range<usize>,
    cue: String,
    rule: Rule,
}

pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    let quoted = Quoted::new(quotes);
    let mut speakers: Vec<(usize, &str)> = quotes.iter().filter_map(|q| Some((q.bytes.start, q.speaker.as_deref()?))).collect();
    speakers.sort_by_key(|s| s.0);
    let mut next_speaker = 0;
    let mut people = People::default();
    let mut out = Vec::new();
    // The end of a transcript turn ("PENCE: …") that spans the rest of its paragraph.
    let mut turn_end = 0;
    // The sentences just before this one in its paragraph with no claim and no quotation mark
    // (paragraph, their starts): "A. B, she said." may credit A too.
    let mut quiet: (usize, Vec<usize>) = (usize::MAX, Vec::new());
    for sentence in &doc.sentences {
        if sentence.bytes.start < turn_end {
            continue;
        }
        while let Some(&(at, name)) = speakers.get(next_speaker) {
            if at >= sentence.bytes.start {
                break;
            }
            people.saw(name, paragraph_of(doc, at));
            next_speaker += 1;
        }
        let toks = tokenize(doc.text, sentence.bytes.clone());
        let paragraph_start = doc.paragraphs.get(sentence.paragraph).is_some_and(|p| p.start == sentence.bytes.start);
        let mut found = in_sentence(doc.text, &toks, &quoted, paragraph_start);
        // A hedge reports the whole sentence with no named source; it outranks an intention
        // read from the same sentence ("The minister reportedly offered to resign").
        let mut hedged_here = false;
        if found.iter().all(|f| matches!(f.rule, Rule::Intent(..))) {
            if let Some(hedge) = hedged::hedge(doc.text, &toks, &quoted) {
                out.extend(hedged_claim(doc, &toks, &hedge));
                found.clear();
                hedged_here = true;
            }
        }
        if quiet.0 != sentence.paragraph {
            quiet = (sentence.paragraph, Vec::new());
        }
        let run_start = quiet.1.first().copied();
        let has_quote_mark = doc.text[sentence.bytes.clone()].contains(crate::lexicon::sources::is_quote_mark);
        if found.is_empty() && !hedged_here && !has_quote_mark {
            quiet.1.push(sentence.bytes.start);
            if quiet.1.len() > RUN_BEFORE_CREDIT {
                quiet.1.remove(0);
            }
        } else {
            quiet.1.clear();
        }
        for f in found {
            // "The trees soak up carbon. An acre of trees can store tons of it, he said.": a
            // credit after its content at the sentence's start also credits the sentences just
            // before it in the paragraph that claim nothing themselves (at most RUN_BEFORE_CREDIT).
            let before_credit = matches!(f.rule, Rule::Before | Rule::BeforeInverted) && toks[..f.content.start].iter().all(|t| !t.word);
            let from = run_start.filter(|_| before_credit);
            // A speaker's turn in a transcript ("PENCE: …") runs to the end of its paragraph.
            let paragraph = doc.paragraphs.get(sentence.paragraph).filter(|p| f.rule == Rule::Colon && p.end > sentence.bytes.end);
            let end = paragraph.map(|p| p.start + doc.text[p.clone()].trim_end().len());
            turn_end = turn_end.max(end.unwrap_or(0));
            out.extend(suggest(doc, &toks, f, sentence.paragraph, &mut people, (from, end)));
        }
    }
    out
}

/// The most sentences before ", X said" that the credit may take in with its own.
const RUN_BEFORE_CREDIT: usize = 2;

/// Whether `toks` hold at least `n` words; stops counting at `n` so that checking many claims
/// over one long sentence stays linear.
fn words_at_least(toks: &[Tok], n: usize) -> bool {
    toks.iter().take(n * 16).filter(|t| t.word).take(n).count() >= n
}

fn is_quote(t: &Tok) -> bool {
    !t.word && t.lower.chars().next().is_some_and(crate::lexicon::sources::is_quote_mark)
}

/// Whether a quotation is open after the quotation mark `t`, given whether one was open before
/// it: “ opens, ” closes, a straight " toggles, any other mark leaves it as it was.
fn quote_open_after(t: &Tok, open: bool) -> bool {
    match t.lower.as_str() {
        "“" => true,
        "”" => false,
        "\"" => !open,
        _ => open,
    }
}

/// `bounds`: where the span starts and ends when it runs beyond the content's own tokens.
fn suggest(
    doc: &Doc,
    toks: &[Tok],
    f: Found,
    paragraph: usize,
    people: &mut People,
    bounds: (Option<usize>, Option<usize>),
) -> Option<Suggestion> {
    let (from, end) = bounds;
    let written = doc.text[f.source.clone()].trim();
    let kind = classify_source(written);
    let mut source = written.to_string();
    let mut note = String::new();
    let mut confidence = match f.rule {
        Rule::AfterThat | Rule::According => 0.75,
        Rule::Colon => 0.55,
        Rule::Before | Rule::BeforeInverted => 0.7,
        Rule::After => 0.6,
        Rule::Object => 0.5,
        Rule::AsPut => 0.7,
        Rule::Passive => 0.5,
        Rule::Intent(..) | Rule::Asked => 0.5,
    };
    if crate::lexicon::sources::is_person_pronoun(written) {
        match people.resolve(paragraph) {
            Some(name) => {
                note = format!("; '{written}' taken to be {name}");
                source = name;
            }
            None => confidence -= 0.05,
        }
    } else if kind == SourceKind::Person && crate::names::person_like(written) {
        people.saw(written, paragraph);
    }
    let cue = &f.cue;
    let what = kind.describe();
    let reason = match f.rule {
        Rule::AfterThat => format!("indirect speech after '{cue} that' ({what}{note})"),
        Rule::After => format!("indirect speech after '{cue}' ({what}{note})"),
        Rule::Before => format!("indirect speech before ', … {cue}' ({what}{note})"),
        Rule::BeforeInverted => format!("indirect speech before ', {cue} …' ({what}{note})"),
        Rule::According => format!("reported 'according to' a source ({what}{note})"),
        Rule::Colon => format!("credited with a colon after '{written}' ({what})"),
        Rule::Passive => format!("what is '{cue}' a source ({what}{note})"),
        Rule::AsPut => format!("reported '{cue}' ({what}{note})"),
        Rule::Object => format!("what '{cue}' reports ({what}{note})"),
        Rule::Intent(kind, complement) => format!("{} '{cue}' + {complement} ({what}{note})", kind.describe()),
        Rule::Asked => format!("question '{cue}' … ({what}{note})"),
    };
    let bytes = from.unwrap_or(toks[f.content.start].bytes.start)..end.unwrap_or(toks[f.content.end - 1].bytes.end);
    let other = vec![(source_kind::KEY.to_string(), source_kind::source_kind(Some(written)).to_string())];
    let attributes = Attributes { source: Some(source), other, ..Attributes::default() };
    Some(doc.suggestion(Label::Claim, bytes, attributes, confidence, &reason))
}

/// A hedged report with no named source: the whole sentence, its source kind `unnamed`.
fn hedged_claim(doc: &Doc, toks: &[Tok], hedge: &str) -> Option<Suggestion> {
    let first = toks.iter().position(|t| t.word || is_quote(t))?;
    let last = toks.iter().rposition(|t| t.word || is_quote(t) || t.is(")"))?;
    if !words_at_least(&toks[first..=last], 4) {
        return None;
    }
    let bytes = toks[first].bytes.start..toks[last].bytes.end;
    let other = vec![(source_kind::KEY.to_string(), source_kind::UNNAMED.to_string())];
    let attributes = Attributes { other, ..Attributes::default() };
    Some(doc.suggestion(Label::Claim, bytes, attributes, 0.5, &format!("hedged report '{hedge}' with no named source")))
}

fn paragraph_of(doc: &Doc, byte: usize) -> usize {
    doc.paragraphs.partition_point(|p| p.end < byte)
}

/// The last person named as a source or speaker, for resolving "he" and "she" within the same
/// or the next paragraph (carrying a name further is wrong more often than right).
#[derive(Default)]
struct People {
    last: Option<(String, usize)>,
}

impl People {
    fn saw(&mut self, name: &str, paragraph: usize) {
        if crate::names::person_like(name) {
            self.last = Some((name.to_string(), paragraph));
        }
    }

    fn resolve(&self, paragraph: usize) -> Option<String> {
        self.last.as_ref().filter(|(_, p)| paragraph <= p + 1).map(|(n, _)| n.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_lower_case() {
        let all = cues::WORD_LISTS
            .iter()
            .chain(credit::WORD_LISTS)
            .chain(content::WORD_LISTS)
            .chain(extent::WORD_LISTS)
            .chain(hedged::WORD_LISTS)
            .chain(intent::WORD_LISTS)
            .chain(asked::WORD_LISTS)
            .chain(source_kind::WORD_LISTS)
            .chain(sources::WORD_LISTS);
        for list in all {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()), "{list:?}");
        }
    }
}
