//! Benchmark (not a test): sentence-level opinion precision and recall on NewsSD-ENG.
//!
//! Each CSV sentence is analysed as a document of its own; a sentence is predicted subjective
//! (SUBJ) when any opinion suggestion overlaps it. Figures are printed separately for
//! `train.csv`, the split the cue lists were checked against, and `val.csv`, held out, once for
//! `opinions::find` alone and once for the opinions `suggest` keeps after the claim-or-opinion
//! rule. Then the invented reports of `opinion_cases` are scored the same way, with the holder.
//!
//! Run: `cargo run --release -p newsmark-analysis --example evaluate_opinions -- ../shared/data/newssd-eng`
//! Add `--show-errors` to list the train split's errors and true and false positives per cue
//! family (never the held-out split's), and the invented cases that fail.
//!
//! Data: NewsSD-ENG ("A Corpus for Sentence-Level Subjectivity Detection on English News
//! Articles", LREC-COLING 2024), CC BY 4.0. It is read from outside the repository, never copied.

use std::path::Path;
use std::process::ExitCode;

use newsmark_analysis::{doc::Doc, opinions, quotes, suggest};
use newsmark_core::{Label, Suggestion};

#[path = "opinion_cases/mod.rs"]
mod opinion_cases;

/// A way to get the opinion suggestions of a text.
type Analyse = fn(&str) -> Vec<Suggestion>;

/// The opinion suggestions of `opinions::find` alone.
fn finder_only(text: &str) -> Vec<Suggestion> {
    let doc = Doc::new(text);
    let quotes = quotes::find(&doc);
    opinions::find(&doc, &quotes)
}

/// The opinion suggestions `suggest` keeps (after the claim-or-opinion rule).
fn through_suggest(text: &str) -> Vec<Suggestion> {
    suggest(text).into_iter().filter(|s| s.label == Label::Opinion).collect()
}

/// One CSV record's fields. Quoted fields may hold commas, newlines and doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

struct Scores {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Scores {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn evaluate(path: &Path, show_errors: bool, analyse: Analyse) -> Result<Scores, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = parse_csv(&text);
    let header = rows.first().ok_or("empty file")?;
    let col = |name: &str| header.iter().position(|h| h.trim() == name).ok_or(format!("no column {name}"));
    let (sentence_col, label_col) = (col("Sentence")?, col("Label")?);
    let mut s = Scores { tp: 0, fp: 0, fn_: 0, tn: 0 };
    // Per cue family (the reason up to its first quote mark): true and false positives.
    let mut families: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for row in rows.iter().skip(1) {
        let (Some(sentence), Some(label)) = (row.get(sentence_col), row.get(label_col)) else { continue };
        let gold = label.trim() == "SUBJ";
        let found = analyse(sentence);
        let predicted = !found.is_empty();
        if let Some(first) = found.first() {
            let family = first.provenance.reason.split('\'').next().unwrap_or("").trim().to_string();
            let e = families.entry(family).or_default();
            if gold {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        match (predicted, gold) {
            (true, true) => s.tp += 1,
            (true, false) => {
                s.fp += 1;
                if show_errors {
                    println!("  FP [{}] {}", found[0].provenance.reason, sentence.trim());
                }
            }
            (false, true) => {
                s.fn_ += 1;
                if show_errors {
                    println!("  FN {}", sentence.trim());
                }
            }
            (false, false) => s.tn += 1,
        }
    }
    if show_errors {
        for (family, (tp, fp)) in &families {
            println!("  cue {family:40} true {tp:3}  false {fp:3}");
        }
    }
    Ok(s)
}

/// Scores the invented cases through `suggest`: sentence-level precision and recall, and the
/// holder of each found opinion against the case's.
fn invented_cases(show_errors: bool) {
    let mut s = Scores { tp: 0, fp: 0, fn_: 0, tn: 0 };
    let mut holders_right = 0;
    for case in opinion_cases::CASES {
        let found = through_suggest(case.text);
        match (found.first(), case.opinion) {
            (Some(o), true) => {
                s.tp += 1;
                let right = o.attributes.holder.as_deref().map(str::to_lowercase) == case.holder.map(str::to_lowercase);
                holders_right += usize::from(right);
                if show_errors && !right {
                    println!("  holder {:?} (want {:?}): {}", o.attributes.holder, case.holder, case.text);
                }
            }
            (Some(o), false) => {
                s.fp += 1;
                if show_errors {
                    println!("  FP [{}] {}", o.provenance.reason, case.text);
                }
            }
            (None, true) => {
                s.fn_ += 1;
                if show_errors {
                    println!("  FN {}", case.text);
                }
            }
            (None, false) => s.tn += 1,
        }
    }
    println!(
        "invented  (own cases): texts {:4}  with opinion {:3}  precision {:.3}  recall {:.3}  F1 {:.3}  holder right {}/{}",
        opinion_cases::CASES.len(),
        s.tp + s.fn_,
        s.precision(),
        s.recall(),
        s.f1(),
        holders_right,
        s.tp
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--show-errors");
    let dir = args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/newssd-eng", String::as_str);
    println!("Opinion suggestions vs. NewsSD-ENG sentence labels (SUBJ = positive class)");
    let runs: [(&str, Analyse); 2] = [("opinions::find", finder_only), ("suggest()", through_suggest)];
    for (name, analyse) in runs {
        println!("{name}:");
        for (file, role) in [("train.csv", "tuning"), ("val.csv", "held out")] {
            let show = show_errors && file == "train.csv" && name == "opinions::find";
            match evaluate(&Path::new(dir).join(file), show, analyse) {
                Ok(s) => println!(
                    "{file:9} ({role:8}): sentences {:4}  predicted SUBJ {:3}  gold SUBJ {:3}  precision {:.3}  recall {:.3}  F1 {:.3}",
                    s.tp + s.fp + s.fn_ + s.tn,
                    s.tp + s.fp,
                    s.tp + s.fn_,
                    s.precision(),
                    s.recall(),
                    s.f1()
                ),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    println!("Data: NewsSD-ENG (Antici et al., LREC-COLING 2024), CC BY 4.0.");
    invented_cases(show_errors);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::parse_csv;

    #[test]
    fn csv_with_quotes_commas_and_newlines() {
        let rows = parse_csv("Sentence,Label\n\"He said \"\"no\"\",\nthen left.\",OBJ\nplain,SUBJ\n");
        assert_eq!(rows, vec![vec!["Sentence", "Label"], vec!["He said \"no\",\nthen left.", "OBJ"], vec!["plain", "SUBJ"]]);
    }
}
