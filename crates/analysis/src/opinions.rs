//! Opinion suggestions: evaluative and stance statements with their holder.
//!
//! Owns: turning the cues of `cues` (strong: one makes an opinion), `weak` (two make one)
//! and `stance` (a holder's position on a statement) into opinion spans, per region of a
//! sentence — the writer's part outside quotations, and each quotation part. Rules:
//! - a stance statement ("Residents fear that …", "X condemned …", "the worry is that …") gives
//!   its own span: the clause after the cue ("the bridge will close"); from the holder on for a
//!   judgement verb, a stance adjective without "that" or a negated stance ("X does not think
//!   …"); from "it" on for a frame ("it is a mistake to …"); each stops before a closing
//!   attribution (", its chief executive said"). The holder is the subject ("he"/"she" carried
//!   to the reporter just before or the last person named);
//! - otherwise the region holding a strong cue (first-person view, view phrase, hedge, comment
//!   adverb, evaluative word, the writer's "must", "!") or two weak cues is the span; in the
//!   writer's part, only the statement holding the strongest cue, between semicolons and
//!   contrastive joins (", but");
//! - prescriptive modals count only in the writer's voice: outside quotations, in a sentence
//!   with no reporting word; weak cues only in a sentence with no reporting word and no double
//!   quotation mark at all.
//!
//! Holder: the subject of a stance verb, the person a view phrase names, the speaker of the
//! quotation holding the cue for "I"/"we" and for any cue in a quotation; a pronoun inside a
//! quotation ("he thinks") is someone else, never the speaker, and stays unresolved. An opinion
//! in the writer's voice (outside quotations, no reporting word, no holder) has no holder and
//! carries `("holder_kind", "author")` in `attributes.other`, so that a summary can tell the
//! writer's opinions from unattributed ones without a new field in the file format.
//!
//! Claim or opinion: `claim_or_opinion` decides when a claim and an opinion cover the same
//! statement (see there). `Opinion::stance` records whether a stance cue introduced it.
//!
//! Must never: give an opinion a confidence above 0.6 (word lists find opinion sentences in news
//! at about 0.5 F1; a cue is a hint for a person to check), or read beyond the sentence that
//! holds the cue.

mod build;
pub mod claim_or_opinion;
mod cues;
mod predicate;
mod stance;
mod sweep;
mod weak;
mod words;

use newsmark_core::Suggestion;

use crate::doc::Doc;
use crate::lexicon::sources::{last_person_name, tokenize, Tok};
use crate::quotes::Quote;
use build::Region;
use sweep::Sweep;

/// The highest confidence an opinion suggestion gets.
const MAX_CONFIDENCE: f32 = 0.6;

/// An opinion suggestion and whether a stance cue (a stance verb, adjective or noun, or a
/// judgement frame) introduced its statement, which decides it against a claim.
#[derive(Debug, Clone)]
pub struct Opinion {
    pub suggestion: Suggestion,
    pub stance: bool,
    /// The cue's words in code points (end exclusive): the stance cue, the strongest cue, or
    /// the span from the first to the last of two weak cues.
    pub cue: Option<std::ops::Range<usize>>,
}

/// Every opinion suggestion in the document, in text order.
pub fn find(doc: &Doc, quotes: &[Quote]) -> Vec<Suggestion> {
    find_opinions(doc, quotes).into_iter().map(|o| o.suggestion).collect()
}

/// `find`, keeping for each opinion whether a stance cue introduced it.
pub fn find_opinions(doc: &Doc, quotes: &[Quote]) -> Vec<Opinion> {
    let mut sweep = Sweep::new(quotes);
    let mut out = Vec::new();
    // The last person named, with its paragraph: a view phrase's "her" refers to them.
    let mut last_person: Option<(String, usize)> = None;
    for sentence in &doc.sentences {
        let toks = tokenize(doc.text, sentence.bytes.clone());
        if let Some(name) = sweep.advance(sentence.bytes.start) {
            last_person = Some((name, sentence.paragraph));
        }
        let reported = toks.iter().any(|t| t.word && words::is_reported(&t.lower));
        // Weak cues need the writer's voice for certain: no reporting word and no double
        // quotation mark anywhere in the sentence but scare quotes (a quotation may open in one sentence and
        // close in another, beyond what the quote finder pairs).
        // Single words in scare quotes ("the “reform” of") are the writer's own marks.
        let writers_voice = !reported && weak::only_scare_quotes(&toks);
        let mut regions = Regions::default();
        // Cues in token order, so the sweep only moves forward.
        let mut strong = cues::strong(&toks, reported).into_iter().peekable();
        let mut weak = if writers_voice { weak::weak(&toks) } else { Vec::new() }.into_iter().peekable();
        let mut stances = stance::stances(&toks).into_iter().peekable();
        loop {
            let next = [strong.peek().map(|c| c.tok), weak.peek().map(|c| c.tok), stances.peek().map(|c| c.tok)];
            let Some(tok) = next.iter().flatten().min().copied() else { break };
            if let Some(name) = sweep.advance(toks[tok].bytes.start) {
                last_person = Some((name, sentence.paragraph));
            }
            let quote = sweep.innermost(toks[tok].bytes.start);
            let i = regions.index(quote);
            if next[0] == Some(tok) {
                let cue = strong.next().expect("peeked");
                if !(cue.kind == cues::Kind::Prescriptive && quote.is_some()) {
                    regions.list[i].strong.push(cue);
                }
            } else if next[1] == Some(tok) {
                let cue = weak.next().expect("peeked");
                if quote.is_none() && writers_voice {
                    regions.list[i].weak.push(cue);
                }
            } else {
                regions.list[i].stances.push(stances.next().expect("peeked"));
            }
        }
        let context = build::Context { doc, toks: &toks, sentence, reported, last_person: &last_person };
        for r in &regions.list {
            let quote = r.quote.map(|i| sweep.quotes[i]);
            out.extend(build::opinions(&context, r, quote));
        }
        if let Some(name) = last_person_name(doc.text, &toks) {
            last_person = Some((name, sentence.paragraph));
        }
    }
    out
}

/// The regions of one sentence, found in constant time per cue: quotations come in sweep
/// order, so a quotation's region is the last one made or a new one (or, rarely, an outer
/// quotation around a nested one, looked for further back), and the writer's region is kept
/// apart.
#[derive(Default)]
struct Regions {
    list: Vec<Region>,
    writer: Option<usize>,
    newest_quote: Option<usize>,
}

impl Regions {
    fn index(&mut self, quote: Option<usize>) -> usize {
        let found = match quote {
            None => self.writer,
            Some(q) if self.newest_quote.is_none_or(|n| q > n) => None,
            Some(q) if self.list.last().is_some_and(|r| r.quote == Some(q)) => Some(self.list.len() - 1),
            Some(q) => self.list.iter().position(|r| r.quote == Some(q)),
        };
        found.unwrap_or_else(|| {
            self.list.push(Region::new(quote));
            match quote {
                None => self.writer = Some(self.list.len() - 1),
                Some(q) => self.newest_quote = Some(self.newest_quote.map_or(q, |n| n.max(q))),
            }
            self.list.len() - 1
        })
    }
}

/// Whether a sentence's tokens hold any strong opinion cue (claims use this to keep opinions
/// out of unsourced factual statements).
pub fn has_cue(toks: &[Tok]) -> bool {
    let reported = toks.iter().any(|t| t.word && words::is_reported(&t.lower));
    !cues::strong(toks, reported).is_empty()
}
