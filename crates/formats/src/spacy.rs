//! spaCy-style JSON Lines, both ways: `{"text": "...", "spans": [{"start": 0, "end": 5,
//! "label": "X"}]}` per line, offsets in characters (Python string indices, so code points), end
//! exclusive.
//!
//! Reading also takes the shapes around it: `spans` as spaCy's span groups (`{"sc": [...]}`),
//! `ents` as `Doc.to_json` writes them, and spaCy 2's training pairs `["text", {"entities":
//! [[0, 5, "X"]]}]`. Prodigy's `meta.title` (or a top-level `title`) names the document.
//!
//! Owns: those shapes and the one written. Must never: write relations, attributes or span-group
//! names (the format has no agreed place for them; see `docs/formats/json-formats.md`), or keep
//! two copies of a span listed both in `ents` and in `spans`.

mod read;

use newsmark_core::{Article, LabelSet};
use serde::Serialize;

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

/// The one file [`write`] produces.
pub const FILE_NAME: &str = "spacy/spans.jsonl";

pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    read::read(files, workspace)
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    spans: Vec<SpanOut>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
}

/// Writes each article as one line of `spacy/spans.jsonl`, spans in text order. A discontinuous
/// span is written as one span per fragment.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    let mut text = String::new();
    for article in articles {
        let mut spans: Vec<SpanOut> = article
            .spans
            .iter()
            .flat_map(|s| s.pieces().into_iter().map(move |(start, end)| SpanOut { start, end, label: labels.name(s.label) }))
            .collect();
        // Text order, longer first, then by label: the file carries no ids, so spans over the same
        // text must not keep the order of the ids they had, or writing what was read could reorder
        // them (found by fuzzing: ids "s10" and "s9" sort the other way round once read back).
        spans.sort_by(|a, b| (a.start, b.end, &a.label).cmp(&(b.start, a.end, &b.label)));
        let line = Line { text: article.text.as_str(), spans, meta: Meta { title: &article.title } };
        text.push_str(&serde_json::to_string(&line).expect("plain data serialises"));
        text.push('\n');
    }
    vec![OutputFile { name: FILE_NAME.into(), text }]
}
