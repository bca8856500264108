//! Benchmark (not a test): demand suggestions against PolNeAR's directive attributions and
//! against the invented cases of `tests/demands/cases.rs`.
//!
//! Gold: the attributions of PolNeAR dev whose cue is a directive (`polnear::Article::
//! is_directive`: demand, call for / on, urge, press, insist, ask … to, require, order, appeal,
//! ultimatum …); the Content is the demanded item and the Source its actor. Predicted: every
//! demand suggestion. A suggestion matches a gold item when they overlap by at least half of the
//! longer, one to one (`polnear::match_one_to_one`).
//!
//! Actor accuracy, over matched items: the suggestion's `by` names the same party as the gold
//! Source when the two are equal (ignoring case), or the head word of one (the last word of its
//! first noun chunk, before "of", "for", "at", a comma …; possessive and plural "s" dropped) is
//! among the words of the other ("Trump" ~ "Donald Trump", "the union" ~ "the rail union",
//! "the Trump campaign" ~ "Trump"; "House Democrats" is not "House Republicans"). A gold Source
//! that is a pronoun ("he", "it", "they") is taken as the nearest gold Source before it in the
//! article that is not a pronoun (the party it stands for); the literal pronoun also counts when
//! the suggestion repeats it exactly. A matched item without `by` counts as wrong.
//!
//! Run: `cargo run --release -p newsmark-analysis --example evaluate_demands -- /work/shared/data/polnear/dev`
//! Add `--show-errors` to list misses, false alarms and wrong actors of the tuning half only.
//!
//! Data: PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018), read from outside the
//! repository for evaluation only.

#[path = "polnear/mod.rs"]
mod polnear;

#[path = "../tests/demands/cases.rs"]
mod cases;

use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use newsmark_core::{Label, Suggestion};
use polnear::{match_one_to_one, matches, Article, Frags, Scores};

/// Words that never name a party by themselves.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "he", "her", "him", "his", "i", "in", "it", "its", "me", "mr", "mrs", "ms", "my", "of",
    "on", "or", "our", "she", "that", "the", "their", "them", "these", "they", "this", "those", "to", "us", "we", "with", "you",
];

const PRONOUNS: &[&str] = &["he", "her", "him", "his", "i", "it", "its", "me", "our", "she", "their", "them", "they", "us", "we", "you"];

/// Words that end the first noun chunk of a phrase.
const CHUNK_ENDS: &[&str] = &["at", "for", "from", "in", "of", "on", "who", "which", "with"];

/// The party-naming words of a phrase, lower case, possessive and plural "s" dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_string())
        .map(|w| if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w })
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

/// The last party-naming word of the phrase's first noun chunk.
fn head(s: &str) -> Option<String> {
    let first = s.split(',').next().unwrap_or(s);
    let lower = first.to_lowercase();
    let cut = lower.split_whitespace().position(|w| CHUNK_ENDS.contains(&w)).filter(|&p| p > 0);
    let chunk: Vec<&str> = first.split_whitespace().take(cut.unwrap_or(usize::MAX)).collect();
    words(&chunk.join(" ")).pop()
}

/// The documented rule (module comment): equal, or the head of one among the words of the other.
fn same_party(predicted: &str, gold: &str) -> bool {
    if predicted.trim().eq_ignore_ascii_case(gold.trim()) {
        return true;
    }
    let in_other = |a: &str, b: &str| head(a).is_some_and(|h| words(b).contains(&h));
    in_other(predicted, gold) || in_other(gold, predicted)
}

fn is_pronoun(s: &str) -> bool {
    PRONOUNS.contains(&s.trim().to_lowercase().as_str())
}

#[derive(Default)]
struct Tally {
    scores: Scores,
    actor_right: usize,
    actor_missing: usize,
    gold_pronouns: usize,
    false_alarms: usize,
    /// False alarms that match (half of the longer) a non-directive, non-quote attribution.
    on_claim: usize,
    /// False alarms that overlap any non-directive attribution at all.
    touching_other: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.scores.add(o.scores);
        self.actor_right += o.actor_right;
        self.actor_missing += o.actor_missing;
        self.gold_pronouns += o.gold_pronouns;
        self.false_alarms += o.false_alarms;
        self.on_claim += o.on_claim;
        self.touching_other += o.touching_other;
    }

    fn print(&self, name: &str) {
        println!("{}", self.scores.line(name));
        println!(
            "{:28} actor right {}/{} = {:.3} (no actor {}); gold sources that are pronouns {}; false alarms {}: on a claim {}, touching another attribution {}",
            "",
            self.actor_right,
            self.scores.matched,
            polnear::ratio(self.actor_right, self.scores.matched),
            self.actor_missing,
            self.gold_pronouns,
            self.false_alarms,
            self.on_claim,
            self.touching_other,
        );
    }
}

/// The demands *Suggest* shows (`suggest()`, which also drops duplicates).
fn suggestions(text: &str) -> Vec<Suggestion> {
    newsmark_analysis::suggest(text).into_iter().filter(|s| s.label == Label::Demand).collect()
}

/// The gold Source of each event, a pronoun replaced by the nearest non-pronoun Source before it.
fn resolved_sources(a: &Article) -> Vec<Option<(String, bool)>> {
    let mut named: Vec<(usize, String)> =
        a.events.iter().filter_map(|e| e.source.as_ref()).map(|s| (s[0].start, a.words(s))).filter(|(_, w)| !is_pronoun(w)).collect();
    named.sort();
    a.events
        .iter()
        .map(|e| {
            let s = e.source.as_ref()?;
            let literal = a.words(s);
            if !is_pronoun(&literal) {
                return Some((literal, false));
            }
            let before = named.partition_point(|(at, _)| *at < s[0].start);
            Some((before.checked_sub(1).map_or(literal.clone(), |i| named[i].1.clone()), true))
        })
        .collect()
}

fn score_article(a: &Article, show: bool) -> Tally {
    let found = suggestions(&a.text);
    let directive: Vec<usize> = (0..a.events.len()).filter(|&i| a.is_directive(&a.events[i])).collect();
    let gold: Vec<Frags> = directive.iter().map(|&i| a.events[i].content.clone()).collect();
    let others: Vec<&Frags> =
        (0..a.events.len()).filter(|i| !directive.contains(i)).map(|i| &a.events[i].content).filter(|c| !a.is_direct(c)).collect();
    let sources = resolved_sources(a);
    let predicted: Vec<Range<usize>> = found.iter().map(|s| s.start..s.end).collect();
    let matched = match_one_to_one(&predicted, &gold);
    let mut t = Tally { scores: Scores { predicted: predicted.len(), gold: gold.len(), matched: 0 }, ..Tally::default() };
    t.gold_pronouns = directive.iter().filter(|&&i| sources[i].as_ref().is_some_and(|(_, p)| *p)).count();
    let mut used = vec![false; gold.len()];
    for (p, m) in matched.iter().enumerate() {
        let s = &found[p];
        let Some(g) = *m else {
            t.false_alarms += 1;
            let on_claim = others.iter().any(|c| matches(&predicted[p], c));
            t.on_claim += usize::from(on_claim);
            t.touching_other += usize::from(others.iter().any(|c| c.iter().any(|r| r.start < s.end && s.start < r.end)));
            if show {
                let what = if on_claim { "FP(claim)" } else { "FP" };
                println!("  {what} {} [{}; by {:?}; to {:?}] {}", a.name, s.provenance.reason, by(s), s.attributes.to, span_text(a, s));
            }
            continue;
        };
        used[g] = true;
        t.scores.matched += 1;
        let event = &a.events[directive[g]];
        let literal = event.source.as_ref().map(|f| a.words(f)).unwrap_or_default();
        let resolved = sources[directive[g]].as_ref().map(|(s, _)| s.clone()).unwrap_or_default();
        let right = s.attributes.by.as_deref().is_some_and(|b| same_party(b, &resolved) || b.trim().eq_ignore_ascii_case(literal.trim()));
        t.actor_right += usize::from(right);
        t.actor_missing += usize::from(s.attributes.by.is_none());
        if show && !right {
            println!("  ACTOR {} by {:?}, gold {literal:?} ({resolved:?}) [{}] {}", a.name, by(s), s.provenance.reason, span_text(a, s));
        }
    }
    if show {
        for (g, frags) in gold.iter().enumerate() {
            if !used[g] {
                let e = &a.events[directive[g]];
                let source = e.source.as_ref().map(|s| a.words(s)).unwrap_or_default();
                println!("  FN {} [cue {:?}; source {source:?}] {}", a.name, a.words(&e.cue), a.words(frags));
            }
        }
    }
    t
}

fn span_text(a: &Article, s: &Suggestion) -> String {
    a.chars[s.start..s.end].iter().collect()
}

fn by(s: &Suggestion) -> &str {
    s.attributes.by.as_deref().unwrap_or("-")
}

/// Code-point range of `needle` in `text` (its first occurrence).
fn cp_range(text: &str, needle: &str) -> Option<Range<usize>> {
    let at = text.find(needle)?;
    let start = text[..at].chars().count();
    Some(start..start + needle.chars().count())
}

/// The invented cases: each expected item is gold; the near misses add only predictions.
fn score_cases(show: bool) -> Tally {
    let mut t = Tally::default();
    for case in cases::CASES {
        let found = suggestions(case.text);
        let gold: Vec<Frags> = case.expected.iter().filter_map(|(item, _, _)| Some(vec![cp_range(case.text, item)?])).collect();
        let predicted: Vec<Range<usize>> = found.iter().map(|s| s.start..s.end).collect();
        let matched = match_one_to_one(&predicted, &gold);
        t.scores.add(Scores { predicted: predicted.len(), gold: gold.len(), matched: matched.iter().flatten().count() });
        for (p, m) in matched.iter().enumerate() {
            match m {
                Some(g) => {
                    let right = found[p].attributes.by.as_deref().zip(case.expected[*g].1).is_some_and(|(b, e)| same_party(b, e));
                    t.actor_right += usize::from(right);
                    t.actor_missing += usize::from(found[p].attributes.by.is_none());
                }
                None => t.false_alarms += 1,
            }
        }
        if show && matched.iter().flatten().count() < gold.len().max(predicted.len()) {
            println!(
                "  CASE {:?}: {:?}",
                case.shape,
                found.iter().map(|s| (&case.text[byte(case.text, s.start)..byte(case.text, s.end)], by(s))).collect::<Vec<_>>()
            );
        }
        let misses = suggestions(case.near_miss);
        t.scores.predicted += misses.len();
        t.false_alarms += misses.len();
        if show && !misses.is_empty() {
            println!(
                "  NEAR MISS {:?} suggested {:?}",
                case.shape,
                misses.iter().map(|s| s.provenance.reason.to_string()).collect::<Vec<_>>()
            );
        }
    }
    t
}

fn byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show-errors");
    let dir = Path::new(args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/polnear/dev", String::as_str));
    if !dir.join("text").is_dir() {
        eprintln!("error: cannot read {}", dir.join("text").display());
        return ExitCode::FAILURE;
    }
    let articles = polnear::load(dir);
    let (mut tuning, mut held_out) = (Tally::default(), Tally::default());
    let mut counts = [0, 0];
    for a in &articles {
        let t = score_article(a, show && a.tuning);
        counts[usize::from(!a.tuning)] += 1;
        if a.tuning {
            tuning.add(&t);
        } else {
            held_out.add(&t);
        }
    }
    let mut all = Tally::default();
    all.add(&tuning);
    all.add(&held_out);
    println!("Demands vs. PolNeAR dev directive attributions (Content = item, Source = actor), overlap >= half of the longer, one to one");
    tuning.print(&format!("tuning ({} articles)", counts[0]));
    held_out.print(&format!("held out ({} articles)", counts[1]));
    all.print("all");
    let own = score_cases(show);
    println!("Invented cases (tests/demands/cases.rs, {} cases with a near miss each)", cases::CASES.len());
    own.print("own cases");
    println!("Data: PolNeAR v1.0.0 development split (Newell, Margolin and Ruths, LREC 2018).");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_party_by_head_words() {
        assert!(same_party("Trump", "Donald Trump"));
        assert!(same_party("the union", "the rail union"));
        assert!(same_party("the Trump campaign", "Trump"));
        assert!(same_party("he", "He"));
        assert!(!same_party("House Democrats", "House Republicans"));
        assert!(!same_party("the council", "the mayor"));
        assert!(same_party("Sen. Ada Moore of Oregon", "Moore"));
    }
}
