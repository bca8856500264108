//! Building opinion suggestions from the cues of one region of a sentence (the writer's part,
//! or one quotation part): the span, the holder, the confidence and the reason.
//!
//! Owns: which cue speaks for a region, the span of a stance statement, and resolving a holder
//! (a name, a pronoun, "I"/"we", the quotation's speaker, or the writer). Must never: make a
//! span outside the region, or a confidence above `MAX_CONFIDENCE`.

use std::ops::Range;

use newsmark_core::{Attributes, Label};

use super::cues::{Cue, Holder};
use super::stance::{Stance, StanceKind};
use super::weak::WeakCue;
use super::{Opinion, MAX_CONFIDENCE};
use crate::doc::{Doc, Sentence};
use crate::lexicon::sources::{has, Tok};
use crate::quotes::Quote;

/// The cues of one region: the writer's part of a sentence (`quote` is `None`) or the part
/// inside one quotation (its index in the sweep).
pub(super) struct Region {
    pub quote: Option<usize>,
    pub strong: Vec<Cue>,
    pub weak: Vec<WeakCue>,
    pub stances: Vec<Stance>,
}

impl Region {
    pub fn new(quote: Option<usize>) -> Self {
        Region { quote, strong: Vec::new(), weak: Vec::new(), stances: Vec::new() }
    }
}

pub(super) struct Context<'a> {
    pub doc: &'a Doc<'a>,
    pub toks: &'a [Tok],
    pub sentence: &'a Sentence,
    pub reported: bool,
    pub last_person: &'a Option<(String, usize)>,
}

const STANCE_CONFIDENCE: f32 = 0.6;

/// The most tokens of a stance statement: a longer run is cut there, so that a sentence with
/// many stance verbs (or no full stop) costs linear time.
const MAX_STATEMENT: usize = 150;
const WEAK_PAIR_CONFIDENCE: f32 = 0.3;

/// The opinions of one region: one per stance statement, or else one for the region if it has
/// a strong cue or two weak cues.
pub(super) fn opinions(cx: &Context, region: &Region, quote: Option<&Quote>) -> Vec<Opinion> {
    let Some(area) = region_bytes(cx, quote) else { return Vec::new() };
    let mut out: Vec<Opinion> = Vec::new();
    for st in &region.stances {
        let bytes = match &st.statement {
            Some(r) => statement_bytes(cx, r.clone(), &area),
            None => Some(area.clone()),
        };
        let Some(bytes) = bytes else { continue };
        let words = &cx.doc.text[st.words.clone()];
        let mut reason = format!("{} '{}'", st.kind.describe(), words);
        if st.statement.is_some() && st.kind == StanceKind::Verb {
            reason.push_str(" + clause");
        }
        if quote.is_some() {
            reason.push_str(" in a quotation");
        }
        let attributes = attributes(cx, st.holder.as_ref(), quote);
        let suggestion = cx.doc.suggestion(Label::Opinion, bytes, attributes, STANCE_CONFIDENCE, &reason);
        // Stances come in token order, so a repeated span is the last one pushed.
        if out.last().is_none_or(|o| (o.suggestion.start, o.suggestion.end) != (suggestion.start, suggestion.end)) {
            let cue = Some(cx.doc.cp(st.words.start)..cx.doc.cp(st.words.end));
            out.push(Opinion { suggestion, stance: true, cue });
        }
    }
    if !out.is_empty() {
        return out;
    }
    if let Some(strongest) = region.strong.iter().max_by(|a, b| a.kind.cmp(&b.kind).then(b.tok.cmp(&a.tok))) {
        let distinct = {
            let mut kinds: Vec<_> = region.strong.iter().map(|c| c.kind).collect();
            kinds.sort();
            kinds.dedup();
            kinds.len()
        };
        let confidence = (strongest.kind.confidence() + 0.05 * (distinct as f32 - 1.0)).min(MAX_CONFIDENCE);
        let mut reason = format!("{} '{}'", strongest.kind.describe(), &cx.doc.text[strongest.words.clone()]);
        let more = region.strong.len() - 1;
        if more > 0 {
            reason.push_str(&format!(" and {more} more cue{}", if more > 1 { "s" } else { "" }));
        }
        if quote.is_some() {
            reason.push_str(" in a quotation");
        }
        let attributes = attributes(cx, strongest.holder.as_ref(), quote);
        let span = if quote.is_none() { clause_around(cx, &area, strongest.tok) } else { area };
        out.push(Opinion {
            suggestion: cx.doc.suggestion(Label::Opinion, span, attributes, confidence, &reason),
            stance: false,
            cue: Some(cx.doc.cp(strongest.words.start)..cx.doc.cp(strongest.words.end)),
        });
        return out;
    }
    if let Some((a, b)) = weak_pair(&region.weak) {
        let reason = format!(
            "two weaker cues: {} '{}' and {} '{}'",
            a.kind.describe(),
            &cx.doc.text[a.words.clone()],
            b.kind.describe(),
            &cx.doc.text[b.words.clone()]
        );
        let attributes = attributes(cx, None, quote);
        out.push(Opinion {
            suggestion: cx.doc.suggestion(Label::Opinion, area, attributes, WEAK_PAIR_CONFIDENCE, &reason),
            stance: false,
            cue: Some(cx.doc.cp(a.words.start.min(b.words.start))..cx.doc.cp(a.words.end.max(b.words.end))),
        });
    }
    out
}

/// Words that, after a comma, join a second statement to the first: "The fare is cheap, but
/// the service is dreadful."
const CONTRAST: &[&str] = &["but", "whereas", "yet"];

/// The statement holding token `tok` inside `area`: the part between semicolons and
/// contrastive joins (", but"), so that in "The fare rose; the service is dreadful." the
/// opinion is the second statement. The last statement keeps the sentence's closing mark.
fn clause_around(cx: &Context, area: &Range<usize>, tok: usize) -> Range<usize> {
    let toks = cx.toks;
    let boundary = |j: usize| toks[j].is(";") || (toks[j].is(",") && toks.get(j + 1).is_some_and(|n| has(CONTRAST, &n.lower)));
    let inside = |j: usize| area.start <= toks[j].bytes.start && toks[j].bytes.end <= area.end;
    let mut start = tok;
    while start > 0 && inside(start - 1) && !boundary(start - 1) {
        start -= 1;
    }
    if start > 0 && toks[start - 1].is(",") {
        // Skip the contrastive word itself: the statement is what follows "but".
        start += usize::from(start < tok);
    }
    let mut end = tok + 1;
    while end < toks.len() && inside(end) && !boundary(end) {
        end += 1;
    }
    let from = if start > 0 && inside(start - 1) { toks[start].bytes.start } else { area.start };
    let to = if end < toks.len() && inside(end) { toks[end - 1].bytes.end } else { area.end };
    trim(cx.doc.text, from..to).unwrap_or_else(|| area.clone())
}

/// Two weak cues: the first and, for the reason, one of another kind if there is one.
fn weak_pair(weak: &[WeakCue]) -> Option<(&WeakCue, &WeakCue)> {
    let first = weak.first()?;
    let second = weak.iter().find(|c| c.kind != first.kind).or_else(|| weak.get(1))?;
    Some((first, second))
}

/// The region's bytes: the sentence, or its part inside the quotation, without outer spaces.
fn region_bytes(cx: &Context, quote: Option<&Quote>) -> Option<Range<usize>> {
    let mut bytes = cx.sentence.bytes.clone();
    if let Some(q) = quote {
        bytes = bytes.start.max(q.bytes.start)..bytes.end.min(q.bytes.end);
    }
    trim(cx.doc.text, bytes)
}

/// A stance statement's tokens as bytes inside `area`, without closing punctuation or
/// quotation marks at its end.
fn statement_bytes(cx: &Context, toks: Range<usize>, area: &Range<usize>) -> Option<Range<usize>> {
    let inside = |t: &Tok| area.start <= t.bytes.start && t.bytes.end <= area.end;
    let last = toks.end.min(cx.toks.len()).min(toks.start + MAX_STATEMENT);
    let start = (toks.start..last).find(|&j| inside(&cx.toks[j]))?;
    let mut end = start;
    while end < last && inside(&cx.toks[end]) {
        end += 1;
    }
    while end > start && !cx.toks[end - 1].word {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    trim(cx.doc.text, cx.toks[start].bytes.start..cx.toks[end - 1].bytes.end)
}

/// The holder and, for the writer's own opinions, the `holder_kind` mark.
fn attributes(cx: &Context, holder: Option<&Holder>, quote: Option<&Quote>) -> Attributes {
    let text = cx.doc.text;
    let name = match holder {
        Some(Holder::Named(r)) => {
            // "in Warren's view": the name without its possessive ending.
            let name = &text[r.clone()];
            Some(name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")).unwrap_or(name).to_string())
        }
        // Inside a quotation "he" is someone the speaker talks about: unresolved.
        Some(Holder::Pronoun) if quote.is_none() => {
            cx.last_person.as_ref().filter(|(_, p)| cx.sentence.paragraph <= p + 1).map(|(n, _)| n.clone())
        }
        Some(Holder::Pronoun) => None,
        Some(Holder::FirstPerson) | None => quote.and_then(|q| q.speaker.clone()),
    };
    let author = name.is_none() && quote.is_none() && !cx.reported && !matches!(holder, Some(Holder::Named(_) | Holder::Pronoun));
    let mut attributes = Attributes { holder: name, ..Attributes::default() };
    if author {
        attributes.other.push(("holder_kind".to_string(), "author".to_string()));
    }
    attributes
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
