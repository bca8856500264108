//! `newsmark suggest FILE...`: the analysis's suggestions for plain-text articles, as labelled
//! JSON on standard output.
//!
//! Owns: turning each file into a document whose spans are the suggestions (origin "suggested",
//! with attributes, confidence and reason). Must never: print anything to standard output when a
//! file cannot be read (the error names it on standard error).

use std::path::Path;
use std::rc::Rc;

use newsmark_core::format::export_json;
use newsmark_core::{Article, ArticleId, ArticleText, LabelSet, Origin, Span, SpanId};

use crate::{clock, Failure};

pub fn run(files: &[String]) -> Result<(), Failure> {
    let json = suggest(files).map_err(Failure::Input)?;
    print!("{json}");
    Ok(())
}

/// The labelled JSON for `files`, or the first problem, naming the file.
fn suggest(files: &[String]) -> Result<String, String> {
    let mut articles = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let path = Path::new(file);
        let bytes = std::fs::read(path).map_err(|e| format!("{file}: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("{file}: not UTF-8 text (byte {} cannot start or continue a character)", e.utf8_error().valid_up_to()))?;
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
