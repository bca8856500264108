//! Other annotation tools' file formats, both ways, for the app and the command line.
//!
//! Owns: reading each format into an [`ImportBatch`] and writing articles out in it, each in the
//! format's own offset unit, converted exactly; finding a span by its text when its offsets
//! disagree with it; and which format a file is in. Must never: touch the DOM or the file system
//! (callers hand in names and contents), return part of an import, or panic on any input.
//!
//! Every reader takes the workspace's labels and returns them extended with the labels the files
//! use, so the app can offer its mapping step; every writer takes the label set to name labels.

mod anchor;
pub mod brat;
pub mod bundle;
pub mod conll;
pub mod doccano;
mod error;
mod files;
mod json_fields;
pub mod labelstudio;
pub mod spacy;
pub mod w3c;

pub use anchor::{anchor, Anchored};
pub use bundle::{detect, export_workspace, open_file, read_any, read_zip, write_zip, write_zip_at};
pub use error::FormatError;
pub use files::{InputFile, OutputFile};
pub use newsmark_core::format::ImportBatch;

use newsmark_core::format::ImportError;
use newsmark_core::{Article, LabelSet};

/// A format newsmark reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// newsmark labelled JSON (`newsmark-core::format`).
    Newsmark,
    /// brat standoff: a `.txt` beside one or more `.ann` files.
    Brat,
    /// doccano sequence-labelling JSONL.
    Doccano,
    /// Label Studio tasks JSON.
    LabelStudio,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// spaCy-style JSONL: text and character-offset spans.
    Spacy,
    /// CoNLL-2003-style IOB2 tokens (written only).
    Conll,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::Newsmark, Format::Brat, Format::Doccano, Format::LabelStudio, Format::W3c, Format::Spacy, Format::Conll];

    /// The name used on the command line (`--from brat`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Newsmark => "newsmark",
            Format::Brat => "brat",
            Format::Doccano => "doccano",
            Format::LabelStudio => "labelstudio",
            Format::W3c => "w3c",
            Format::Spacy => "spacy",
            Format::Conll => "conll",
        }
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Format::Newsmark => "newsmark labelled JSON",
            Format::Brat => "brat standoff",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio JSON",
            Format::W3c => "W3C Web Annotation",
            Format::Spacy => "spaCy JSONL",
            Format::Conll => "CoNLL IOB2",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    pub fn can_read(self) -> bool {
        self != Format::Conll
    }
}

/// Reads `files`, all in `format`, as one batch. `workspace` is the set the import will join.
pub fn read(format: Format, files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    match format {
        Format::Newsmark => newsmark_core::format::import_json_files(files.iter().map(|f| (f.name.as_str(), f.text.as_str())), workspace)
            .map_err(|(name, e)| match e {
                // Worded as every JSON format's syntax errors are (`json_fields::not_json`).
                ImportError::NotJson { line, column, reason } => json_fields::syntax_error(name, line, column, &reason),
                e => FormatError::new(name, None, None, e.to_string()),
            }),
        Format::Brat => brat::read(files, workspace),
        Format::Doccano => doccano::read(files, workspace),
        Format::LabelStudio => labelstudio::read(files, workspace),
        Format::W3c => w3c::read(files, workspace),
        Format::Spacy => spacy::read(files, workspace),
        Format::Conll => Err(FormatError::new(
            files.first().map_or("", |f| &f.name),
            None,
            None,
            "CoNLL files are written, not read: tokens lose the text's spacing, so the article could not be rebuilt exactly",
        )),
    }
}

/// Writes `articles` in `format`. `exported_at` (RFC 3339) is used where the format records it.
pub fn write(format: Format, articles: &[&Article], labels: &LabelSet, exported_at: &str) -> Vec<OutputFile> {
    match format {
        Format::Newsmark => {
            vec![OutputFile { name: "newsmark.json".into(), text: newsmark_core::format::export_json(articles, labels, exported_at) }]
        }
        Format::Brat => brat::write(articles, labels),
        Format::Doccano => doccano::write(articles, labels),
        Format::LabelStudio => labelstudio::write(articles, labels),
        Format::W3c => w3c::write(articles, labels),
        Format::Spacy => spacy::write(articles, labels),
        Format::Conll => conll::write(articles, labels),
    }
}
