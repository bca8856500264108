//! Label Studio's tasks JSON, both ways: an array of tasks (or one task), each with its text in
//! `data` and its labelled regions in `annotations[].result` and `predictions[].result`. Offsets
//! count code points (Label Studio has since 2021), end exclusive; each region's `value.text` is
//! checked against them.
//!
//! Owns: tasks, annotations and predictions as documents, regions as spans, relation results as
//! relations, per-region text areas as attributes, and a labelling configuration that matches an
//! export. Must never: merge two annotators' work into one document, or drop a region's text on
//! export (people rely on `value.text`).

mod config;
mod read;
mod results;
mod write;

use newsmark_core::{Article, LabelSet};

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

/// The tasks file [`write`] produces.
pub const TASKS_FILE: &str = "labelstudio/tasks.json";
/// The labelling configuration [`write`] produces beside it, to paste into a project's settings.
pub const CONFIG_FILE: &str = "labelstudio/config.xml";

/// Reads Label Studio JSON exports or import files. Each annotation of a task becomes its own
/// document, and so does each prediction (its spans marked as suggested).
pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    read::read(files, workspace)
}

/// Writes one task per article, each with one annotation holding its spans and relations, and
/// the labelling configuration those tasks need.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    vec![
        OutputFile { name: TASKS_FILE.into(), text: write::tasks(articles, labels) },
        OutputFile { name: CONFIG_FILE.into(), text: config::config(articles, labels) },
    ]
}
