//! Benchmark (not a test): indirect attribution detection on the PolNeAR development split.
//!
//! Gold: the Content spans of attributions that have a Source and whose content does not start
//! with a quotation mark (direct quotes are scored elsewhere). A discontinuous content ("The
//! plan, he said, will fail") is its fragments: its length is theirs, not counting the credit
//! between them. Predicted: claim suggestions that carry a source. A prediction matches a gold
//! content when they overlap by at least half of the longer of the two; each gold content
//! matches at most one prediction.
//! Articles annotated twice are scored with the first annotator in sorted order. Articles in
//! sorted order alternate between a tuning half (even positions, counting from 0) and a held-out
//! half (odd positions).
//!
//! Run: `cargo run --release -p newsmark-analysis --example evaluate_claims -- ../shared/data/polnear/dev`
//! Add `--show-errors` to list misses and false alarms of the tuning half, and `--extent` to
//! count a discontinuous content as one span from its first to its last fragment instead.
//!
//! Data: PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018), read from outside the
//! repository for evaluation only.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use newsmark_analysis::{claims, doc::Doc, quotes};

#[derive(Default)]
struct Scores {
    predicted: usize,
    gold: usize,
    matched_predicted: usize,
    matched_gold: usize,
}

impl Scores {
    fn add(&mut self, o: &Scores) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched_predicted += o.matched_predicted;
        self.matched_gold += o.matched_gold;
    }
    fn line(&self, name: &str) -> String {
        let p = ratio(self.matched_predicted, self.predicted);
        let r = ratio(self.matched_gold, self.gold);
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        format!("{name:24} gold {:5}  predicted {:5}  precision {p:.3}  recall {r:.3}  F1 {f:.3}", self.gold, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Indirect attribution contents of one brat file, each as its fragments' code-point ranges.
fn gold(ann: &str, text: &[char], extent: bool) -> Vec<Vec<Range<usize>>> {
    let mut spans: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else { continue };
            let frags = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some(a.parse().ok()?..b.parse().ok()?)
                })
                .collect();
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            let args: BTreeMap<&str, &str> = body.split_whitespace().filter_map(|a| a.split_once(':')).collect();
            events.push(args);
        }
    }
    let mut out = Vec::new();
    for e in events {
        let (Some(content), Some(_)) = (e.get("Content"), e.get("Source")) else { continue };
        let Some(frags) = spans.get(content) else { continue };
        // Fragments are not always listed in text order.
        let Some(start) = frags.iter().map(|r| r.start).min() else { continue };
        let starts_with_quote = text.get(start).is_some_and(|c| matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«'));
        if !starts_with_quote && frags.iter().any(|r| r.start < r.end) {
            let end = frags.iter().map(|r| r.end).max().unwrap_or(start);
            out.push(if extent { std::iter::once(start..end).collect() } else { frags.clone() });
        }
    }
    out
}

fn overlap(a: &Range<usize>, gold: &[Range<usize>]) -> usize {
    gold.iter().map(|b| a.end.min(b.end).saturating_sub(a.start.max(b.start))).sum()
}

fn matches(a: &Range<usize>, gold: &[Range<usize>]) -> bool {
    let longer = a.len().max(gold.iter().map(|r| r.len()).sum());
    2 * overlap(a, gold) >= longer && longer > 0
}

fn score(text: &str, ann: &str, name: &str, show: bool, extent: bool) -> Scores {
    let chars: Vec<char> = text.chars().collect();
    let gold = gold(ann, &chars, extent);
    let doc = Doc::new(text);
    let quotes = quotes::find(&doc);
    let found: Vec<_> = claims::find(&doc, &quotes).into_iter().filter(|s| s.attributes.source.is_some()).collect();
    let predicted: Vec<Range<usize>> = found.iter().map(|s| s.start..s.end).collect();
    let mut used = vec![false; gold.len()];
    let mut s = Scores { predicted: predicted.len(), gold: gold.len(), ..Scores::default() };
    for (pi, p) in predicted.iter().enumerate() {
        // The unused gold span with the largest overlap that qualifies.
        let best = (0..gold.len()).filter(|&g| !used[g] && matches(p, &gold[g])).max_by_key(|&g| overlap(p, &gold[g]));
        match best {
            Some(g) => {
                used[g] = true;
                s.matched_predicted += 1;
                s.matched_gold += 1;
            }
            None if show => {
                let t: String = chars[p.clone()].iter().collect();
                println!(
                    "  FP {name} [{}; source {:?}] {t}",
                    found[pi].provenance.reason,
                    found[pi].attributes.source.as_deref().unwrap_or("")
                );
            }
            None => {}
        }
    }
    if show {
        for (g, frags) in gold.iter().enumerate() {
            if !used[g] {
                let t: String = frags.iter().map(|r| chars[r.clone()].iter().collect::<String>()).collect::<Vec<_>>().join(" … ");
                println!("  FN {name} {t}");
            }
        }
    }
    s
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show-errors");
    let extent = args.iter().any(|a| a == "--extent");
    let dir = Path::new(args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/polnear/dev", String::as_str));
    let Ok(texts) = std::fs::read_dir(dir.join("text")) else {
        eprintln!("error: cannot read {}", dir.join("text").display());
        return ExitCode::FAILURE;
    };
    let mut names: Vec<String> = texts
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| n.trim_end_matches(".txt").to_string())
        .collect();
    names.sort();
    let mut anns: Vec<String> = std::fs::read_dir(dir.join("attributions"))
        .map(|d| d.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect())
        .unwrap_or_default();
    anns.sort();
    let (mut tuning, mut held_out) = (Scores::default(), Scores::default());
    let mut articles = [0, 0];
    for (i, name) in names.iter().enumerate() {
        // NAME_ANNOTATOR.ann: the first annotator in sorted order.
        let Some(ann_name) = anns.iter().find(|a| a.rsplit_once('_').is_some_and(|(base, rest)| base == name && rest.ends_with(".ann")))
        else {
            continue;
        };
        let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(dir.join("text").join(format!("{name}.txt"))),
            std::fs::read_to_string(dir.join("attributions").join(ann_name)),
        ) else {
            continue;
        };
        let s = score(&text, &ann, name, show && i % 2 == 0, extent);
        articles[i % 2] += 1;
        if i % 2 == 0 {
            tuning.add(&s);
        } else {
            held_out.add(&s);
        }
    }
    let mut all = Scores::default();
    all.add(&tuning);
    all.add(&held_out);
    let how = if extent { "discontinuous gold as its extent" } else { "discontinuous gold as its fragments" };
    println!("Indirect attribution (claims with a source) vs. PolNeAR dev, overlap >= half of the longer span ({how})");
    println!("{}", tuning.line(&format!("tuning ({} articles)", articles[0])));
    println!("{}", held_out.line(&format!("held out ({} articles)", articles[1])));
    println!("{}", all.line("all"));
    println!("Data: PolNeAR v1.0.0 development split (Newell, Margolin and Ruths, LREC 2018).");
    ExitCode::SUCCESS
}
