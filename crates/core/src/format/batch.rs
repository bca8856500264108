//! What an import hands to the reducer: documents read from one or more files, in any format,
//! with the labels they use.
//!
//! Owns: the shape every importer produces, and which of its labels are new to a workspace.
//! Must never: hold a document that failed its checks (an importer returns a batch whole or an
//! error), or change the workspace itself (the reducer does, on `Action::Import`).

use std::rc::Rc;

use crate::label::{Label, LabelSet};
use crate::relation::Relation;
use crate::span::Span;
use crate::text::ArticleText;

/// One document read from a file, ready to become an article.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    /// The id the file gave, if any; the reducer gives a new one when it is taken.
    pub id: Option<String>,
    pub title: String,
    pub text: Rc<ArticleText>,
    /// In the file's order, which need not be text order. Labels refer to the batch's `labels`.
    pub spans: Vec<Span>,
    /// Every relation's ends are ids of `spans`.
    pub relations: Vec<Relation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportBatch {
    /// What was read, for messages: a file name, or "12 files".
    pub source: String,
    /// The workspace's labels when the files were read, plus each label the files use that the
    /// workspace lacked, as a custom label. Every span's label is in this set.
    pub labels: LabelSet,
    pub documents: Vec<ImportedDocument>,
    /// What a person should know although the import succeeded (spans re-anchored by their
    /// text, for example), one sentence each.
    pub warnings: Vec<String>,
}

impl ImportBatch {
    pub fn new(source: impl Into<String>, labels: LabelSet) -> Self {
        ImportBatch { source: source.into(), labels, documents: Vec::new(), warnings: Vec::new() }
    }

    /// The labels the batch's spans use that `workspace` has no label of the same name for, in
    /// the batch's label order.
    pub fn new_labels(&self, workspace: &LabelSet) -> Vec<Label> {
        // A scan per label rather than a set of the used ones: a batch has few labels, and a set
        // of labels would add a sort to the page's wasm (ARCHITECTURE.md, "What the page downloads").
        let used = |label: Label| self.documents.iter().any(|d| d.spans.iter().any(|s| s.label == label));
        self.labels.iter().filter(|d| workspace.by_name(&d.name).is_none() && used(d.label)).map(|d| d.label).collect()
    }

    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.spans.len()).sum()
    }
}
