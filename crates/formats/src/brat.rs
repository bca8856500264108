//! (being written)

use newsmark_core::{Article, LabelSet};

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let _ = workspace;
    Err(FormatError::new(files.first().map_or("", |f| &f.name), None, None, "this format cannot be read yet"))
}

pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    let _ = (articles, labels);
    Vec::new()
}
