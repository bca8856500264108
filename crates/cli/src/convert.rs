//! `newsmark convert`: annotated documents from one format to another, for corpora.
//!
//! Owns: the order of the steps (read every input, map labels, write) and what is reported on
//! standard error: each warning, then one summary line. Must never: write anything when an input
//! is bad; all reading and checking happens before the first byte is written.

mod args;
mod inputs;
mod labels;
mod output;

use newsmark_core::{Article, LabelSet};
use newsmark_formats::{read, read_any};

use crate::{clock, Failure};

pub fn run(args: &[String]) -> Result<(), Failure> {
    let before_rest = args.iter().take_while(|a| a.as_str() != "--");
    if before_rest.into_iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", crate::USAGE);
        return Ok(());
    }
    let options = args::parse(args)?;
    let inputs = inputs::read(&options.inputs, options.from).map_err(Failure::Input)?;
    let mut warnings = Vec::new();
    if !inputs.skipped.is_empty() {
        warnings.push(skipped(&inputs.skipped));
    }
    if inputs.files.is_empty() {
        let what = options.from.map_or("annotations".to_string(), |f| format!("{} files", f.title()));
        return Err(Failure::Input(format!("{}: no {what} found", options.inputs.join(", "))));
    }
    let workspace = LabelSet::builtin();
    let batch = match options.from {
        None => read_any(inputs.files, &workspace),
        Some(format) => read(format, &inputs.files, &workspace),
    }
    .map_err(|e| Failure::Input(e.to_string()))?;
    if batch.documents.is_empty() {
        return Err(Failure::Input(format!("{}: no documents found", options.inputs.join(", "))));
    }
    warnings.extend(batch.warnings.iter().cloned());
    let (articles, labels) = labels::articles(batch, &options.maps)?;
    let refs: Vec<&Article> = articles.iter().collect();
    let now = clock::now_rfc3339();
    let files = output::without_format_folder(options.to.name(), newsmark_formats::write(options.to, &refs, &labels, &now));
    if files.is_empty() {
        return Err(Failure::Input(format!("writing {} produced no files", options.to.title())));
    }
    output::check_names(&files).map_err(Failure::Input)?;
    output::write(&options.output, &files, &now).map_err(Failure::Input)?;
    for warning in &warnings {
        eprintln!("newsmark: warning: {warning}");
    }
    let spans: usize = articles.iter().map(|a| a.spans.len()).sum();
    let relations: usize = articles.iter().map(|a| a.relations.len()).sum();
    let from = options.from.map_or("detected formats", |f| f.name());
    let written = if output::is_zip(&options.output) {
        format!("{} ({} zipped)", options.output, count(files.len(), "file"))
    } else {
        format!("{} in {}", count(files.len(), "file"), options.output)
    };
    eprintln!(
        "newsmark: converted {}, {}, {}, {} from {from} to {}: {written}",
        count(articles.len(), "document"),
        count(spans, "span"),
        count(relations, "relation"),
        count(warnings.len(), "warning"),
        options.to.name(),
    );
    Ok(())
}

/// "1 span", "2 spans".
fn count(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn skipped(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    let more = if names.len() > 3 { format!(" and {} more", names.len() - 3) } else { String::new() };
    format!(
        "passed over {} inside folders or zips that {} in no format being read: {}{more}",
        count(names.len(), "file"),
        if names.len() == 1 { "is" } else { "are" },
        shown.join(", ")
    )
}
