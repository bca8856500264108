//! `newsmark`: the app's analysis on the command line, for corpora.
//!
//! `newsmark suggest FILE...` reads plain-text articles and writes to standard output one
//! labelled JSON file with a document per input (title: the file name) whose spans are the
//! analysis's suggestions, each with origin "suggested", its attributes, confidence and reason.
//! Errors name the file and go to standard error; nothing is written to standard output then.

mod clock;

use std::path::Path;
use newsmark_core::LabelSet;
use std::process::ExitCode;
use std::rc::Rc;

use newsmark_core::format::export_json;
use newsmark_core::{Article, ArticleId, ArticleText, Origin, Span, SpanId};

const USAGE: &str = "\
usage: newsmark suggest FILE...

Reads each FILE as a UTF-8 plain-text article and writes newsmark labelled JSON to standard
output: one document per file, titled with the file name, whose spans are suggested quotes,
claims, demands and opinions (origin \"suggested\", with attributes, confidence and reason).
Offsets are Unicode code points, end exclusive; UTF-16 and UTF-8 offsets are included.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, files)) if cmd == "suggest" && !files.is_empty() => match suggest(files) {
            Ok(json) => {
                print!("{json}");
                ExitCode::SUCCESS
            }
            Err(why) => {
                eprintln!("newsmark: {why}");
                ExitCode::FAILURE
            }
        },
        Some((cmd, _)) if cmd == "-h" || cmd == "--help" || cmd == "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The labelled JSON for `files`, or the first problem, naming the file.
fn suggest(files: &[String]) -> Result<String, String> {
    let mut articles = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let path = Path::new(file);
        let bytes = std::fs::read(path).map_err(|e| format!("{file}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!("{file}: not UTF-8 text (byte {} cannot start or continue a character)", e.utf8_error().valid_up_to())
        })?;
        // A byte-order mark is an encoding marker, not part of the article (as in the app).
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let title = path.file_name().map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
        articles.push(article(i + 1, title, text));
    }
    let refs: Vec<&Article> = articles.iter().collect();
    Ok(export_json(&refs, &LabelSet::builtin(), &clock::now_rfc3339()))
}

fn article(number: usize, title: String, text: &str) -> Article {
    let spans = newsmark_analysis::suggest(text)
        .into_iter()
        .enumerate()
        .map(|(i, s)| Span {
            id: SpanId::new(format!("s{}", i + 1)),
            label: s.label,
            start: s.start,
            end: s.end,
            attributes: s.attributes,
            origin: Origin::Suggested(Some(s.provenance)),
            fragments: None,
        })
        .collect();
    Article::with_spans(ArticleId::new(format!("d{number}")), title, Rc::new(ArticleText::new(text)), spans)
}
