//! Scores newsmark's quote suggestions against PolNeAR's development split.
//!
//! Run: `cargo run --release -p newsmark-analysis --example evaluate_quotes -- ../shared/data/polnear/dev`
//! Add `--errors` to print the misses, false alarms and wrong speakers of the tuning half, or
//! `--features` for a table of surface features of matched and unmatched quotes there (never of
//! the held-out half: rules are tuned on the first and reported on both).
//!
//! Owns: reading the brat files, the matching rule and the figures. Must never: copy any of the
//! data into the repository, or look at the held-out half's errors.
//!
//! What is measured, precisely:
//! - Gold direct quotes are `Content` spans whose text starts with a quotation mark (“ " ' ‘ «).
//!   Two articles have six annotators' files each (data/README.md says ten articles with two;
//!   the folder holds 2 × 6); the first `.ann` in sorted file-name order is used.
//! - Unit (headline figure): a contiguous quoted passage, the unit a person accepts or rejects.
//!   A gold content is often discontinuous ("“A,” X said. “B.”" is one content in two
//!   fragments); each fragment is one gold item, except that fragments are joined where the
//!   annotator's selection broke inside one passage (a fragment that leaves a quotation open).
//!   Figures for the raw fragments and for each content's overall extent are printed too.
//! - A suggestion matches a gold item when they overlap by at least half of the longer one;
//!   matching is one-to-one, greedily by largest overlap.
//! - Speaker accuracy: of the matched items whose gold event has a `Source`, the fraction whose
//!   suggested speaker mention (`Quote::speaker_bytes`) overlaps that Source span.
//! - The split: articles in sorted file-name order, even positions (0, 2, …) are the tuning half
//!   and odd positions the held-out half.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{self, Options, SpeakerRule};

type Span = (usize, usize);

/// One gold direct quotation.
#[derive(Debug, Clone)]
struct Gold {
    fragments: Vec<Span>,
    source: Option<Vec<Span>>,
}

struct Article {
    name: String,
    text: String,
    chars: Vec<char>,
    gold: Vec<Gold>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.iter().find(|a| !a.starts_with("--")).map_or_else(|| PathBuf::from("../shared/data/polnear/dev"), PathBuf::from);
    let show_errors = args.iter().any(|a| a == "--errors");
    let articles = load(&dir);
    let gold_count: usize = articles.iter().map(|a| a.gold.len()).sum();
    println!("PolNeAR v1.0.0 dev split: {} articles, {} gold direct quotes (first annotator per article)", articles.len(), gold_count);
    let tuning: Vec<&Article> = articles.iter().step_by(2).collect();
    let held_out: Vec<&Article> = articles.iter().skip(1).step_by(2).collect();

    let variants: Vec<(&str, Options)> = vec![
        ("default", Options::default()),
        ("paragraphs joined", Options { join_paragraphs: true, ..Options::default() }),
        ("close unbalanced", Options { close_unbalanced: true, ..Options::default() }),
        ("carry prev. paragraph", Options { carry_previous_paragraph: true, ..Options::default() }),
        ("keep all (conf >= 0)", Options { min_confidence: 0.0, ..Options::default() }),
        ("conf >= 0.45", Options { min_confidence: 0.45, ..Options::default() }),
        ("conf >= 0.6", Options { min_confidence: 0.6, ..Options::default() }),
    ];
    for (unit, title, all_variants) in [
        (Unit::Passage, "unit: quoted passage (gold fragments joined within one passage) — the headline figure", true),
        (Unit::Fragment, "unit: gold fragment as annotated", false),
        (Unit::Extent, "unit: whole gold content (overall extent of its fragments)", false),
    ] {
        println!();
        println!("{title}");
        println!("{:<24} {:>37}   {:>37}   {:>13}", "", "tuning half (even)", "held-out half (odd)", "all");
        println!(
            "{:<24} {:>8} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8} {:>8}   {:>6} {:>6}",
            "variant", "P", "R", "F1", "speaker", "P", "R", "F1", "speaker", "F1", "spk"
        );
        let mut counted = String::new();
        for (name, options) in if all_variants { &variants[..] } else { &variants[..2] } {
            let t = score(&tuning, options, unit);
            let h = score(&held_out, options, unit);
            let a = score(&articles.iter().collect::<Vec<_>>(), options, unit);
            println!("{:<24} {}   {}   {:>6.3} {:>6.3}", name, t.row(), h.row(), a.f1(), a.speaker());
            if *options == Options::default() && counted.is_empty() {
                counted = format!(
                    "  default, counted: tuning {} matched of {} suggested and {} gold; held-out {} of {} and {}",
                    t.tp, t.suggested, t.gold, h.tp, h.suggested, h.gold
                );
            }
        }
        println!("{counted}");
    }

    println!();
    println!(
        "speaker rules (passage unit; the previous-paragraph row with that option on): matched quotes with a gold source, how many right"
    );
    let t = score(&tuning, &Options::default(), Unit::Passage);
    let h = score(&held_out, &Options::default(), Unit::Passage);
    let c = score(&tuning, &Options { carry_previous_paragraph: true, ..Options::default() }, Unit::Passage);
    let ch = score(&held_out, &Options { carry_previous_paragraph: true, ..Options::default() }, Unit::Passage);
    let mut rules: Vec<SpeakerRule> = t.by_rule.keys().chain(h.by_rule.keys()).chain(c.by_rule.keys()).copied().collect();
    rules.sort();
    rules.dedup();
    for r in rules {
        let (tn, tr) = t.by_rule.get(&r).copied().or_else(|| c.by_rule.get(&r).copied()).unwrap_or((0, 0));
        let (hn, hr) = h.by_rule.get(&r).copied().or_else(|| ch.by_rule.get(&r).copied()).unwrap_or((0, 0));
        let pct = |r: usize, n: usize| if n == 0 { "   -".to_string() } else { format!("{:>3.0}%", 100.0 * r as f64 / n as f64) };
        println!("  {:<24} tuning {:>3}/{:<3} {}   held-out {:>3}/{:<3} {}", format!("{r:?}"), tr, tn, pct(tr, tn), hr, hn, pct(hr, hn));
    }

    agreement(&dir);

    println!();
    println!("suggestions by rule on the tuning half (passage unit): matched / suggested");
    let mut by: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for a in &tuning {
        let gold = gold_items(a, Unit::Passage);
        let sugg = suggested(a, &Options::default());
        let m = matches(&gold, &sugg);
        for (si, (_, _, rule)) in sugg.iter().enumerate() {
            let e = by.entry(format!("{rule:?}")).or_default();
            e.1 += 1;
            e.0 += usize::from(m.iter().any(|&(_, s)| s == si));
        }
    }
    for (rule, (tp, n)) in by {
        println!("  {rule:<24} {tp:>3}/{n:<3}");
    }

    speed(&articles);

    if args.iter().any(|a| a == "--features") {
        features(&tuning);
    }
    if show_errors {
        println!();
        println!("errors on the tuning half (default options):");
        for a in &tuning {
            errors(a);
        }
    }
}

/// Every article of `dir/text` with the gold quotes of its first annotator's file.
fn load(dir: &Path) -> Vec<Article> {
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
            // The annotator's id follows the last underscore; take the first file in sorted order.
            let ann = anns
                .iter()
                .find(|a| a.rsplit_once('_').is_some_and(|(base, _)| base == name))
                .unwrap_or_else(|| panic!("no .ann for {name}"));
            let gold = parse_ann(&fs::read_to_string(dir.join("attributions").join(ann)).expect("ann"), &text);
            Article { name, chars: text.chars().collect(), text, gold }
        })
        .collect()
}

fn parse_ann(ann: &str, text: &str) -> Vec<Gold> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        if id.starts_with('T') {
            let Some((kind, ranges)) = body.split_once(' ') else { continue };
            let frags = ranges.split(';').filter_map(|r| {
                let (a, b) = r.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            });
            spans.insert(id, (kind, frags.collect()));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut source_of: HashMap<&str, Vec<Span>> = HashMap::new();
    for e in events {
        let args: HashMap<&str, &str> = e.split(' ').filter_map(|a| a.split_once(':')).collect();
        if let (Some(c), Some(s)) = (args.get("Content"), args.get("Source")) {
            if let Some((_, frags)) = spans.get(s) {
                source_of.insert(c, frags.clone());
            }
        }
    }
    let mut gold: Vec<Gold> = spans
        .iter()
        .filter(|(_, (kind, frags))| {
            *kind == "Content"
                && frags.first().is_some_and(|&(s, _)| chars.get(s).is_some_and(|c| matches!(c, '“' | '"' | '\'' | '‘' | '«')))
        })
        .map(|(id, (_, frags))| Gold { fragments: frags.clone(), source: source_of.get(id).cloned() })
        .collect();
    gold.sort_by_key(|g| g.fragments[0]);
    gold
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Passage,
    Fragment,
    Extent,
}

#[derive(Default)]
struct Score {
    tp: usize,
    suggested: usize,
    gold: usize,
    with_source: usize,
    speaker_right: usize,
    by_rule: HashMap<SpeakerRule, (usize, usize)>,
}

impl Score {
    fn p(&self) -> f64 {
        self.tp as f64 / self.suggested.max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn speaker(&self) -> f64 {
        self.speaker_right as f64 / self.with_source.max(1) as f64
    }
    fn row(&self) -> String {
        format!("{:>8.3} {:>8.3} {:>8.3} {:>8.3}", self.p(), self.r(), self.f1(), self.speaker())
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Gold items of an article in the chosen unit, each with its source.
fn gold_items(a: &Article, unit: Unit) -> Vec<(Span, Option<Vec<Span>>)> {
    a.gold
        .iter()
        .flat_map(|g| match unit {
            Unit::Fragment => g.fragments.iter().map(|&f| (f, g.source.clone())).collect::<Vec<_>>(),
            Unit::Passage => passages_of(&a.chars, &g.fragments).into_iter().map(|f| (f, g.source.clone())).collect(),
            Unit::Extent => vec![((g.fragments[0].0, g.fragments.iter().map(|f| f.1).max().unwrap_or(0)), g.source.clone())],
        })
        .collect()
}

/// The quoted passages of a gold content: its fragments, joined where the annotator's
/// selection broke inside one passage, that is where a fragment leaves a quotation open
/// (`leaves_quote_open`).
fn passages_of(chars: &[char], fragments: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut joining = false;
    for &f in fragments {
        if joining {
            if let Some(last) = out.last_mut() {
                last.1 = last.1.max(f.1);
                joining = leaves_quote_open(&chars[last.0..last.1]);
                continue;
            }
        }
        out.push(f);
        joining = leaves_quote_open(&chars[f.0..f.1]);
    }
    out
}

/// Whether a run of text ends inside a double quotation: curly and straight marks (and
/// doubled '') taken in order, a mark opening a paragraph while a quote is open re-opening it
/// (the English convention for a quote over several paragraphs) rather than closing it.
fn leaves_quote_open(chars: &[char]) -> bool {
    let mut open = false;
    let mut para_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let doubled = c == '\'' && chars.get(i + 1) == Some(&'\'');
        if c == '\n' {
            para_start = true;
        } else if c == '“' || c == '”' || c == '"' || doubled {
            let reopen = open && para_start;
            if !reopen {
                open = match c {
                    '“' => true,
                    '”' => false,
                    _ => !open,
                };
            }
            para_start = false;
        } else if !c.is_whitespace() {
            para_start = false;
        }
        i += if doubled { 2 } else { 1 };
    }
    open
}

/// Suggested quotes of an article: code-point span, speaker mention span, rule.
fn suggested(a: &Article, options: &Options) -> Vec<(Span, Option<Span>, SpeakerRule)> {
    let doc = Doc::new(&a.text);
    quotes::find_with(&doc, options)
        .into_iter()
        .map(|q| ((q.suggestion.start, q.suggestion.end), q.speaker_bytes.map(|r| (doc.cp(r.start), doc.cp(r.end))), q.rule))
        .collect()
}

/// One-to-one matches (gold index, suggestion index), greedily by largest overlap.
fn matches(gold: &[(Span, Option<Vec<Span>>)], sugg: &[(Span, Option<Span>, SpeakerRule)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, (g, _)) in gold.iter().enumerate() {
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

fn speaker_right(source: &Option<Vec<Span>>, mention: Option<Span>) -> bool {
    match (source, mention) {
        (Some(src), Some(m)) => src.iter().any(|&s| overlap(s, m) > 0),
        _ => false,
    }
}

fn score(articles: &[&Article], options: &Options, unit: Unit) -> Score {
    let mut s = Score::default();
    for a in articles {
        let gold = gold_items(a, unit);
        let sugg = suggested(a, options);
        s.gold += gold.len();
        s.suggested += sugg.len();
        for (gi, si) in matches(&gold, &sugg) {
            s.tp += 1;
            if gold[gi].1.is_some() {
                s.with_source += 1;
                let right = speaker_right(&gold[gi].1, sugg[si].1);
                s.speaker_right += usize::from(right);
                let e = s.by_rule.entry(sugg[si].2).or_default();
                e.0 += 1;
                e.1 += usize::from(right);
            }
        }
    }
    s
}

/// How well PolNeAR's annotators agree on direct quotes (passage unit), for the articles
/// annotated by several people: the first annotator as gold, each other one as suggestions,
/// same matching.
fn agreement(dir: &Path) {
    let mut anns: Vec<String> = fs::read_dir(dir.join("attributions"))
        .expect("attributions")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let base = |n: &str| n.rsplit_once('_').map(|(x, _)| x.to_string()).unwrap_or_default();
    let mut groups: Vec<(String, Vec<&String>)> = Vec::new();
    for a in &anns {
        match groups.last_mut() {
            Some((b, v)) if *b == base(a) => v.push(a),
            _ => groups.push((base(a), vec![a])),
        }
    }
    let (mut tp, mut a_n, mut b_n, mut src_n, mut src_ok, mut docs, mut pairs) = (0, 0, 0, 0, 0, 0, 0);
    for (name, files) in groups.iter().filter(|(_, v)| v.len() > 1) {
        let text = fs::read_to_string(dir.join("text").join(format!("{name}.txt"))).expect("text");
        let chars: Vec<char> = text.chars().collect();
        let items = |ann: &str| -> Vec<(Span, Option<Vec<Span>>)> {
            parse_ann(&fs::read_to_string(dir.join("attributions").join(ann)).expect("ann"), &text)
                .iter()
                .flat_map(|g| passages_of(&chars, &g.fragments).into_iter().map(|f| (f, g.source.clone())).collect::<Vec<_>>())
                .collect()
        };
        let ga = items(files[0]);
        docs += 1;
        for other in &files[1..] {
            let gb = items(other);
            let as_sugg: Vec<(Span, Option<Span>, SpeakerRule)> =
                gb.iter().map(|(s, src)| (*s, src.as_ref().and_then(|v| v.first().copied()), SpeakerRule::None)).collect();
            for (x, y) in matches(&ga, &as_sugg) {
                tp += 1;
                if ga[x].1.is_some() {
                    src_n += 1;
                    src_ok += usize::from(speaker_right(&ga[x].1, as_sugg[y].1));
                }
            }
            a_n += ga.len();
            b_n += gb.len();
            pairs += 1;
        }
    }
    let (p, r) = (tp as f64 / b_n.max(1) as f64, tp as f64 / a_n.max(1) as f64);
    println!();
    println!(
        "annotator agreement, {docs} articles annotated by several people, first annotator against each other ({pairs} pairs, passage unit): F1 {:.3}; same source {:.3}",
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE),
        src_ok as f64 / src_n.max(1) as f64
    );
}

/// Native throughput of the quote finder and of the whole analysis, over the dev texts and a
/// generated 1 MB article.
fn speed(articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let rounds = 20;
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for a in articles {
            n += quotes::find(&Doc::new(&a.text)).len();
        }
    }
    let q = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..rounds {
        for a in articles {
            n += newsmark_analysis::suggest(&a.text).len();
        }
    }
    let all = t.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!();
    println!(
        "speed (native, release, this machine): quotes::find {:.1} MB/s; whole suggest() {:.1} MB/s ({} results)",
        mb / q,
        mb / all,
        n
    );
    // A 1 MB article made of the dev articles repeated, as one block of paragraphs.
    let mut big = String::new();
    while big.len() < 1_000_000 {
        for a in articles {
            big.push_str(&a.text);
            big.push('\n');
        }
    }
    let t = Instant::now();
    let found = quotes::find(&Doc::new(&big)).len();
    let q1 = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let all1 = newsmark_analysis::suggest(&big).len();
    let a1 = t.elapsed().as_secs_f64();
    println!(
        "1 MB article ({} bytes): quotes::find {:.0} ms ({} quotes); whole suggest() {:.0} ms ({} suggestions)",
        big.len(),
        q1 * 1e3,
        found,
        a1 * 1e3,
        all1
    );
}

/// Prints misses, false alarms and wrong speakers for one article.
fn errors(a: &Article) {
    let chars: Vec<char> = a.text.chars().collect();
    let show = |s: Span| -> String {
        let t: String = chars[s.0.min(chars.len())..s.1.min(chars.len())].iter().collect();
        let t = t.replace('\n', " ¶ ");
        if t.chars().count() > 110 {
            let head: String = t.chars().take(60).collect();
            let tail: String = t.chars().skip(t.chars().count() - 40).collect();
            format!("{head} … {tail}")
        } else {
            t
        }
    };
    let context = |s: Span| -> String { show((s.1, (s.1 + 70).min(chars.len()))) };
    let before = |s: Span| -> String { show((s.0.saturating_sub(70), s.0)) };
    let gold = gold_items(a, Unit::Passage);
    let sugg = suggested(a, &Options::default());
    let m = matches(&gold, &sugg);
    let gm: Vec<bool> = (0..gold.len()).map(|g| m.iter().any(|&(gi, _)| gi == g)).collect();
    let sm: Vec<bool> = (0..sugg.len()).map(|s| m.iter().any(|&(_, si)| si == s)).collect();
    let mut lines = Vec::new();
    for (g, (span, _)) in gold.iter().enumerate() {
        if !gm[g] {
            lines.push(format!("  MISS  [{}] {}", before(*span), show(*span)));
        }
    }
    for (s, (span, _, rule)) in sugg.iter().enumerate() {
        if !sm[s] {
            lines.push(format!("  FALSE {:?} [{}] {} ⟶ {}", rule, before(*span), show(*span), context(*span)));
        }
    }
    for (gi, si) in m {
        if gold[gi].1.is_some() && !speaker_right(&gold[gi].1, sugg[si].1) {
            let src = gold[gi].1.as_ref().map(|v| v.iter().map(|&f| show(f)).collect::<Vec<_>>().join(" … ")).unwrap_or_default();
            let got = sugg[si].1.map(show).unwrap_or_else(|| "-".into());
            lines.push(format!(
                "  SPKR  {:?} gold '{}' got '{}': {} ⟶ {} // before: {}",
                sugg[si].2,
                src,
                got,
                show(gold[gi].0),
                context(gold[gi].0),
                before(gold[gi].0)
            ));
        }
    }
    if !lines.is_empty() {
        println!("{}", a.name);
        for l in lines {
            println!("{l}");
        }
    }
}

/// Diagnostic (`--features`): matched and unmatched suggestions by surface features of the
/// quote (the character before it, punctuation inside the closing mark, the next character,
/// length, whether a speaker was found), on the tuning half only, with every quote kept.
fn features(articles: &[&Article]) {
    let mut table: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for a in articles {
        let doc = Doc::new(&a.text);
        let qs = quotes::find(&doc);
        let gold = gold_items(a, Unit::Passage);
        let sugg = suggested(a, &Options::default());
        let m = matches(&gold, &sugg);
        for (si, q) in qs.iter().enumerate() {
            let tp = m.iter().any(|&(_, s)| s == si);
            let para = &doc.paragraphs[q.paragraph];
            let before = a.text[para.start..q.bytes.start].trim_end();
            let last = before.chars().next_back();
            let wb = match last {
                None => "start",
                Some(c) if c.is_alphanumeric() => {
                    let w = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                    if newsmark_analysis::lexicon::reporting::is_reporting_verb(w) {
                        "verb"
                    } else {
                        "word"
                    }
                }
                Some(':') => "colon",
                Some(',') => "comma",
                Some('.' | '?' | '!' | '”' | '"') => "stop",
                Some(_) => "other",
            };
            let inner = a.text[q.bytes.clone()].trim_end_matches(['”', '"', '’', '\'']);
            let punct_in = inner.ends_with([',', '.', '?', '!', '—', '-']);
            let after = a.text[q.bytes.end..para.end].trim_start();
            let na = after.chars().next();
            let wa = match na {
                None => "end",
                Some(c) if c.is_lowercase() => "lower",
                Some(c) if c.is_uppercase() => "upper",
                Some(_) => "punct",
            };
            let words = inner.split_whitespace().count().min(4);
            let key = format!(
                "before={wb:<6} in-punct={} after={wa:<5} words={} rule={}",
                u8::from(punct_in),
                words,
                if q.rule == SpeakerRule::None { "none" } else { "some" }
            );
            let e = table.entry(key).or_default();
            if tp {
                e.0 += 1
            } else {
                e.1 += 1
            }
        }
    }
    println!("features (tuning half): tp fp");
    for (k, (tp, fp)) in table {
        println!("  {k}  {tp:>4} {fp:>4}");
    }
}

#[cfg(test)]
mod tests {
    use super::{leaves_quote_open, passages_of};

    fn open(s: &str) -> bool {
        leaves_quote_open(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn marks_are_read_in_order() {
        assert!(!open("“Closed,”"));
        assert!(open("“Left open"));
        // Opened straight, closed curly: one quotation, closed.
        assert!(!open("\"Oz has a bully pulpit,”"));
        assert!(!open("''Doubled,''"));
        assert!(open("''Doubled"));
        // A quote over two paragraphs re-opens at the second; closed at its end.
        assert!(!open("“One.\n“Two,”"));
        assert!(open("“One.\n“Two."));
    }

    #[test]
    fn fragments_join_only_inside_one_passage() {
        let text = "“A b,” she said. “C d.”\n\"E f,” he said. “G h.”";
        let chars: Vec<char> = text.chars().collect();
        let at = |s: &str| {
            let b = text.find(s).expect("in text");
            let start = text[..b].chars().count();
            (start, start + s.chars().count())
        };
        // Two closed quotes of one content stay two passages, whatever their marks.
        assert_eq!(passages_of(&chars, &[at("“A b,”"), at("“C d.”")]).len(), 2);
        assert_eq!(passages_of(&chars, &[at("\"E f,”"), at("“G h.”")]).len(), 2);
        // A selection broken inside one quotation is joined.
        assert_eq!(passages_of(&chars, &[at("“A"), at("b,”")]), vec![(at("“A").0, at("b,”").1)]);
    }
}
