//! Matching suggested quotes to gold items, and the counts and figures made from the matches.
//!
//! Owns: the matching rule (overlap of at least half the longer span, one-to-one, greedily by
//! largest overlap), whether a suggested speaker is right (its mention overlaps the gold
//! `Source`), and precision, recall, F1 and speaker accuracy, over every gold source and over the
//! named ones (`named`). Must never: look at which half an article is in (the caller chooses the
//! articles).

use std::collections::HashMap;

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{self, Options, SpeakerRule};

use crate::gold::{gold_items, Article, Item, Span, Unit};

/// A suggested quote: code-point span, speaker mention span, rule.
pub type Suggested = (Span, Option<Span>, SpeakerRule);

#[derive(Default)]
pub struct Score {
    pub tp: usize,
    pub suggested: usize,
    pub gold: usize,
    with_source: usize,
    speaker_right: usize,
    /// Matched items whose gold source is named, and how many of those have the right speaker.
    pub with_named: usize,
    named_right: usize,
    pub by_rule: HashMap<SpeakerRule, (usize, usize)>,
}

impl Score {
    pub fn p(&self) -> f64 {
        self.tp as f64 / self.suggested.max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn speaker(&self) -> f64 {
        self.speaker_right as f64 / self.with_source.max(1) as f64
    }
    pub fn named_speaker(&self) -> f64 {
        self.named_right as f64 / self.with_named.max(1) as f64
    }
    pub fn row(&self) -> String {
        format!("{:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>7.3}", self.p(), self.r(), self.f1(), self.speaker(), self.named_speaker())
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Suggested quotes of an article: code-point span, speaker mention span, rule.
pub fn suggested(a: &Article, options: &Options) -> Vec<Suggested> {
    let doc = Doc::new(&a.text);
    quotes::find_with(&doc, options)
        .into_iter()
        .map(|q| ((q.suggestion.start, q.suggestion.end), q.speaker_bytes.map(|r| (doc.cp(r.start), doc.cp(r.end))), q.rule))
        .collect()
}

/// One-to-one matches (gold index, suggestion index), greedily by largest overlap.
pub fn matches(gold: &[Item], sugg: &[Suggested]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, Item { span: g, .. }) in gold.iter().enumerate() {
        for (si, (s, _, _)) in sugg.iter().enumerate() {
            let o = overlap(*g, *s);
            let longer = (g.1 - g.0).max(s.1 - s.0);
            if o > 0 && 2 * o >= longer {
                pairs.push((o, gi, si));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gu, mut su) = (vec![false; gold.len()], vec![false; sugg.len()]);
    let mut out = Vec::new();
    for (_, gi, si) in pairs {
        if !gu[gi] && !su[si] {
            gu[gi] = true;
            su[si] = true;
            out.push((gi, si));
        }
    }
    out
}

pub fn speaker_right(source: &Option<Vec<Span>>, mention: Option<Span>) -> bool {
    match (source, mention) {
        (Some(src), Some(m)) => src.iter().any(|&s| overlap(s, m) > 0),
        _ => false,
    }
}

pub fn score(articles: &[&Article], options: &Options, unit: Unit) -> Score {
    let mut s = Score::default();
    for a in articles {
        let gold = gold_items(a, unit);
        let sugg = suggested(a, options);
        s.gold += gold.len();
        s.suggested += sugg.len();
        for (gi, si) in matches(&gold, &sugg) {
            s.tp += 1;
            if gold[gi].source.is_some() {
                s.with_source += 1;
                let right = speaker_right(&gold[gi].source, sugg[si].1);
                s.speaker_right += usize::from(right);
                if gold[gi].named {
                    s.with_named += 1;
                    s.named_right += usize::from(right);
                }
                let e = s.by_rule.entry(sugg[si].2).or_default();
                e.0 += 1;
                e.1 += usize::from(right);
            }
        }
    }
    s
}
