//! doccano sequence-labelling JSON Lines, both ways.
//!
//! doccano writes one document per line in one of two shapes: `{"text", "label": [[start, end,
//! "LABEL"], ...]}` (older exports say `labels`), or, in projects with relations, `{"text",
//! "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"id", "from_id",
//! "to_id", "type"}]}`. Offsets count UTF-16 code units, end exclusive, and are converted exactly:
//! an offset between the two halves of a surrogate pair is an error.
//!
//! Owns: both shapes, the choice between them on export, and doccano's integer ids. Must never:
//! write what doccano cannot read back (attributes, notes and provenance are left out; see
//! `docs/formats/json-formats.md`), or guess a span's place (doccano spans carry no text to check).

mod read;
mod write;

use newsmark_core::{Article, LabelSet};

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

/// The one file [`write`] produces.
pub const FILE_NAME: &str = "doccano/newsmark.jsonl";

/// Reads doccano JSONL files (a JSON array of the same records is accepted too).
pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    read::read(files, workspace)
}

/// Writes every article as one line of `doccano/newsmark.jsonl`: the `entities` and `relations`
/// shape when any article has relations, else the `label` shape.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    vec![OutputFile { name: FILE_NAME.into(), text: write::jsonl(articles, labels) }]
}
