//! How well PolNeAR's own annotators agree on direct quotes, as a ceiling for the figures.
//!
//! Owns: grouping the several annotators' files of one article and scoring each against the
//! first with the same units and matching as the suggestions. Must never: count an article
//! annotated by one person.

use std::fs;
use std::path::Path;

use newsmark_analysis::quotes::SpeakerRule;

use crate::gold::{items_of, parse_ann, Item, Unit};
use crate::scoring::{matches, speaker_right, Suggested};

/// How well PolNeAR's annotators agree on direct quotes (passage unit), for the articles
/// annotated by several people: the first annotator as gold, each other one as suggestions,
/// same matching.
pub fn agreement(dir: &Path) {
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
        let items = |ann: &str| -> Vec<Item> {
            items_of(&chars, &parse_ann(&fs::read_to_string(dir.join("attributions").join(ann)).expect("ann"), &text), Unit::Passage)
        };
        let ga = items(files[0]);
        docs += 1;
        for other in &files[1..] {
            let gb = items(other);
            let as_sugg: Vec<Suggested> =
                gb.iter().map(|g| (g.span, g.source.as_ref().and_then(|v| v.first().copied()), SpeakerRule::None)).collect();
            for (x, y) in matches(&ga, &as_sugg) {
                tp += 1;
                if ga[x].source.is_some() {
                    src_n += 1;
                    src_ok += usize::from(speaker_right(&ga[x].source, as_sugg[y].1));
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
