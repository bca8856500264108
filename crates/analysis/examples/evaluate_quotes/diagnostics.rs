//! What the rules get wrong on the tuning half: misses, false alarms and wrong speakers
//! (`--errors`), and matched and unmatched quotes by surface features (`--features`).
//!
//! Owns: printing these for the tuning half. Must never: be called on the held-out half (its
//! errors are never looked at, so that its figures stay honest).

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{self, Options, SpeakerRule};

use crate::gold::{gold_items, Article, Span, Unit};
use crate::scoring::{matches, speaker_right, suggested};

/// Prints misses, false alarms and wrong speakers for one article, counted in `unit`.
pub fn errors(a: &Article, unit: Unit) {
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
    let gold = gold_items(a, unit);
    let sugg = suggested(a, &Options::default());
    let m = matches(&gold, &sugg);
    let gm: Vec<bool> = (0..gold.len()).map(|g| m.iter().any(|&(gi, _)| gi == g)).collect();
    let sm: Vec<bool> = (0..sugg.len()).map(|s| m.iter().any(|&(_, si)| si == s)).collect();
    let mut lines = Vec::new();
    for (g, item) in gold.iter().enumerate() {
        if !gm[g] {
            lines.push(format!("  MISS  [{}] {}", before(item.span), show(item.span)));
        }
    }
    for (s, (span, _, rule)) in sugg.iter().enumerate() {
        if !sm[s] {
            lines.push(format!("  FALSE {:?} [{}] {} ⟶ {}", rule, before(*span), show(*span), context(*span)));
        }
    }
    for (gi, si) in m {
        if gold[gi].source.is_some() && !speaker_right(&gold[gi].source, sugg[si].1) {
            let src = gold[gi].source.as_ref().map(|v| v.iter().map(|&f| show(f)).collect::<Vec<_>>().join(" … ")).unwrap_or_default();
            let got = sugg[si].1.map(show).unwrap_or_else(|| "-".into());
            lines.push(format!(
                "  SPKR  {:?}{} gold '{}' got '{}': {} ⟶ {} // before: {}",
                sugg[si].2,
                if gold[gi].named { " (named)" } else { "" },
                src,
                got,
                show(gold[gi].span),
                context(gold[gi].span),
                before(gold[gi].span)
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
pub fn features(articles: &[&Article]) {
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
