//! PolNeAR's brat files read as attribution events, for the claim and demand evaluations.
//!
//! Owns: which `.ann` file is an article's gold (the first annotator in sorted order), the
//! tuning / held-out split (even / odd position in sorted order), which cues are directives
//! (their events are demand gold; the rest that do not open with a quotation mark are claim
//! gold), and the one-to-one matching the issue counts by. Must never: change or copy the data.
//!
//! Included by the evaluations with `#[path = "polnear/mod.rs"] mod polnear;`; each uses only
//! part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::Path;

/// Code-point ranges of one annotation, in text order (contents may be discontinuous).
pub type Frags = Vec<Range<usize>>;

/// One attribution: its cue, content and (unless it has none) source.
#[derive(Debug, Clone)]
pub struct Event {
    pub cue: Frags,
    pub content: Frags,
    pub source: Option<Frags>,
}

pub struct Article {
    pub name: String,
    pub text: String,
    pub chars: Vec<char>,
    pub events: Vec<Event>,
    /// Even positions in sorted order are the tuning half.
    pub tuning: bool,
}

impl Article {
    pub fn words(&self, frags: &[Range<usize>]) -> String {
        frags.iter().map(|r| self.chars[r.clone()].iter().collect::<String>()).collect::<Vec<_>>().join(" … ")
    }

    /// Whether a content opens with a quotation mark (a direct quote, scored elsewhere).
    pub fn is_direct(&self, content: &[Range<usize>]) -> bool {
        content.first().and_then(|r| self.chars.get(r.start)).is_some_and(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«'))
    }

    /// Whether the event's cue is a directive: a verb or noun of demanding, calling for or on,
    /// urging, pressing, insisting, asking someone to, requiring, ordering or appealing.
    pub fn is_directive(&self, e: &Event) -> bool {
        is_directive_cue(&self.words(&e.cue))
    }
}

const DIRECTIVE_STEMS: &[&str] = &[
    "demand",
    "call for",
    "called for",
    "calling for",
    "calls for",
    "call on",
    "called on",
    "calling on",
    "calls on",
    "call upon",
    "called upon",
    "urg",
    "press",
    "insist",
    "request",
    "requir",
    "order",
    "command",
    "instruct",
    "appeal",
    "plead",
    "implor",
    "beseech",
    "exhort",
    "ultimatum",
];

/// A cue is a directive when a word of it starts a directive stem ("urged", "pressing for"), or
/// it is "ask" followed by "to" or "for" in the cue ("asked … to").
pub fn is_directive_cue(cue: &str) -> bool {
    let cue = cue.to_lowercase();
    let words: Vec<&str> = cue.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joined = words.join(" ");
    let stem_hit = DIRECTIVE_STEMS.iter().any(|stem| {
        if stem.contains(' ') {
            joined.contains(stem)
        } else {
            words.iter().any(|w| {
                w.starts_with(stem) && !w.starts_with("pressure") && !w.starts_with("president") && !w.starts_with("press conference")
            })
        }
    });
    stem_hit || (words.iter().any(|w| w.starts_with("ask")) && words.iter().any(|w| *w == "to" || *w == "for"))
}

/// Every article of `dir/text` with the events of its first annotator's file.
pub fn load(dir: &Path) -> Vec<Article> {
    read_files(dir)
        .into_iter()
        .enumerate()
        .map(|(i, (name, text, ann))| {
            let events = parse_events(&ann);
            Article { name, chars: text.chars().collect(), text, events, tuning: i % 2 == 0 }
        })
        .collect()
}

/// Each article of `dir/text` in sorted order, as (name, text, its first annotator's `.ann`):
/// the annotator's id follows the last underscore of `NAME_ANNOTATOR.ann`, and the first file
/// in sorted order is the gold. The quote evaluation reads its gold through this too.
pub fn read_files(dir: &Path) -> Vec<(String, String, String)> {
    let mut names: Vec<String> = fs::read_dir(dir.join("text"))
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.join("text").display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    names.sort();
    let mut anns: Vec<String> = fs::read_dir(dir.join("attributions"))
        .expect("attributions folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    names
        .into_iter()
        .map(|name| {
            let text = fs::read_to_string(dir.join("text").join(format!("{name}.txt"))).expect("article text");
            let ann = anns
                .iter()
                .find(|a| a.rsplit_once('_').is_some_and(|(base, _)| base == name))
                .unwrap_or_else(|| panic!("no .ann for {name}"));
            let ann = fs::read_to_string(dir.join("attributions").join(ann)).expect("ann");
            (name, text, ann)
        })
        .collect()
}

/// The `E` lines of a brat file with their `Cue`, `Content` and `Source` arguments resolved to
/// fragments (sorted into text order, as brat does not always list them so).
pub fn parse_events(ann: &str) -> Vec<Event> {
    let mut spans: BTreeMap<&str, Frags> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else { continue };
            let mut frags: Frags = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some(a.parse().ok()?..b.parse().ok()?)
                })
                .filter(|r: &Range<usize>| r.start < r.end)
                .collect();
            frags.sort_by_key(|r| r.start);
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            let args: BTreeMap<&str, &str> = body.split_whitespace().filter_map(|a| a.split_once(':')).collect();
            events.push(args);
        }
    }
    events
        .into_iter()
        .filter_map(|args| {
            let content = spans.get(args.get("Content")?)?.clone();
            let cue = args.get("Cue").and_then(|c| spans.get(c)).cloned().unwrap_or_default();
            let source = args.get("Source").and_then(|s| spans.get(s)).cloned().filter(|f| !f.is_empty());
            (!content.is_empty()).then_some(Event { cue, content, source })
        })
        .collect()
}

fn overlap(a: &Range<usize>, gold: &[Range<usize>]) -> usize {
    gold.iter().map(|b| a.end.min(b.end).saturating_sub(a.start.max(b.start))).sum()
}

/// The rule: a suggestion matches a gold span when they overlap by at least half of the
/// longer (a discontinuous gold counts its fragments' length).
pub fn matches(a: &Range<usize>, gold: &[Range<usize>]) -> bool {
    let longer = a.len().max(gold.iter().map(|r| r.len()).sum());
    longer > 0 && 2 * overlap(a, gold) >= longer
}

/// One-to-one matching: each prediction, in order, takes the unused gold span with the largest
/// qualifying overlap. Returns, per prediction, the gold index it matched.
pub fn match_one_to_one(predicted: &[Range<usize>], gold: &[Frags]) -> Vec<Option<usize>> {
    let mut used = vec![false; gold.len()];
    predicted
        .iter()
        .map(|p| {
            let best = (0..gold.len()).filter(|&g| !used[g] && matches(p, &gold[g])).max_by_key(|&g| overlap(p, &gold[g]));
            if let Some(g) = best {
                used[g] = true;
            }
            best
        })
        .collect()
}

/// Precision, recall and F1 counts.
#[derive(Default, Clone, Copy)]
pub struct Scores {
    pub predicted: usize,
    pub gold: usize,
    pub matched: usize,
}

impl Scores {
    pub fn add(&mut self, o: Scores) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched += o.matched;
    }
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.matched, self.predicted);
        let r = ratio(self.matched, self.gold);
        (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }
    pub fn line(&self, name: &str) -> String {
        let (p, r, f) = self.prf();
        format!(
            "{name:28} gold {:5}  predicted {:5}  matched {:5}  precision {p:.3}  recall {r:.3}  F1 {f:.3}",
            self.gold, self.predicted, self.matched
        )
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}
