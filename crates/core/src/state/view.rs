//! The view: what the person is looking at and pointing to (the open article, the text
//! selection, the selected span, suggestion or relation, a relation being drawn, what to bring
//! into view, dialogs, the notice, the label filter, the snapping setting).
//!
//! Owns: keeping its pointers valid when the document or the pending suggestions change
//! (`View::after_change`, the view's reaction to a recorded change). Must never: change the
//! document or the jobs; the view reducer (`reducer::view`) reads them only.

use std::rc::Rc;

use super::document::Document;
use super::jobs::Jobs;
use super::notice::{Notice, TextRefusal};
use crate::article::{Article, ArticleId};
use crate::format::ImportBatch;
use crate::history::Change;
use crate::label::{Label, LabelError};
use crate::pending::SuggestionId;
use crate::range::CpRange;
use crate::relation::{Relation, RelationId};
use crate::span::{Span, SpanId};

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// The new-article form; `text` prefills it (from a paste), `error` says why adding failed.
    NewArticle {
        title: String,
        text: String,
        error: Option<TextRefusal>,
    },
    Help,
    /// Several spans lie under a click: the person picks one.
    ChooseSpan {
        candidates: Vec<SpanId>,
    },
    Rename {
        article: ArticleId,
    },
    /// The label set editor; `error` says why the last edit was refused.
    Labels {
        error: Option<LabelError>,
    },
    /// An import whose files use labels the workspace does not have: the person maps each onto
    /// a label of theirs, or keeps it as a new label (`None`).
    MapLabels {
        batch: Box<ImportBatch>,
        mapping: Vec<(Label, Option<Label>)>,
    },
}

impl Dialog {
    /// The new-article form, empty.
    pub fn new_article() -> Dialog {
        Dialog::NewArticle { title: String::new(), text: String::new(), error: None }
    }
}

/// A relation being drawn: from a span to the span the person points at next.
#[derive(Debug, Clone, PartialEq)]
pub struct Linking {
    pub from: SpanId,
    /// The span the relation would end at, chosen by stepping with the keyboard.
    pub target: Option<SpanId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub open: Option<ArticleId>,
    /// The person's current text selection in the open article, already snapped.
    pub selection: Option<CpRange>,
    pub selected_span: Option<SpanId>,
    /// The relation shown in the side panel; cleared when its article changes.
    pub selected_relation: Option<RelationId>,
    /// The pending suggestion a person is looking at. Never set together with `selected_span`,
    /// so keys and the side panel act on one thing.
    pub selected_suggestion: Option<SuggestionId>,
    /// A relation being drawn from a span, if any.
    pub linking: Option<Linking>,
    /// Grows each time the person asks to be shown the selected span or suggestion (from a list,
    /// the summary or the keyboard), so the view scrolls to it even when the selection itself
    /// did not change.
    pub reveal: u64,
    /// Whether selections snap to whole words. Saved with the workspace.
    pub snap_to_words: bool,
    /// Labels hidden from the side panel's list (and from span-to-span stepping).
    pub hidden_labels: Vec<Label>,
    pub notice: Option<Notice>,
    pub dialog: Option<Dialog>,
}

impl Default for View {
    fn default() -> Self {
        View {
            open: None,
            selection: None,
            selected_span: None,
            selected_relation: None,
            selected_suggestion: None,
            linking: None,
            reveal: 0,
            snap_to_words: true,
            hidden_labels: Vec::new(),
            notice: None,
            dialog: None,
        }
    }
}

impl View {
    pub fn open_article<'a>(&self, document: &'a Document) -> Option<&'a Rc<Article>> {
        self.open.as_ref().and_then(|id| document.article(id))
    }

    /// The selected span, if it is a span of the open article.
    pub fn selected<'a>(&self, document: &'a Document) -> Option<&'a Span> {
        let id = self.selected_span.as_ref()?;
        self.open_article(document)?.spans.get(id)
    }

    pub fn selected_relation<'a>(&self, document: &'a Document) -> Option<&'a Relation> {
        let id = self.selected_relation.as_ref()?;
        self.open_article(document)?.relations.get(id)
    }

    pub fn label_shown(&self, label: Label) -> bool {
        !self.hidden_labels.contains(&label)
    }

    /// What of the view is saved with the workspace; a change to it is a change to save.
    pub(crate) fn saved_settings(&self) -> (Option<&ArticleId>, bool) {
        (self.open.as_ref(), self.snap_to_words)
    }

    /// After an edit: its article is the open one, and a span it made or changed is selected.
    pub(crate) fn follow(&mut self, change: &Change) {
        if let Some(id) = change.article_to_show() {
            self.open = Some(id.clone());
        }
        if let Some(id) = change.span_to_select() {
            self.selected_span = Some(id.clone());
        }
    }

    /// After undo or redo: show the person what changed (its article, and the span or
    /// suggestion it brought back, or nothing selected).
    pub(crate) fn show(&mut self, change: &Change) {
        if let Some(id) = change.article_to_show() {
            if self.open.as_ref() != Some(id) {
                self.open = Some(id.clone());
                self.selection = None;
            }
        }
        self.selected_span = change.span_to_select().cloned();
        self.selected_suggestion = change.suggestion_to_select();
    }

    /// The view's reaction to a change just applied to the document and the jobs: nothing it
    /// points to may be gone. A removed open article gives way to its neighbour.
    pub(crate) fn after_change(&mut self, change: &Change, document: &Document, jobs: &Jobs) {
        for leaf in change.leaves() {
            match leaf {
                Change::ArticleRemoved { article, index } if self.open.as_ref() == Some(&article.id) => {
                    let next = (*index).min(document.articles.len().saturating_sub(1));
                    self.open = document.articles.get(next).map(|a| a.id.clone());
                    self.selection = None;
                    self.selected_span = None;
                }
                Change::LabelsChanged { after, .. } => self.hidden_labels.retain(|l| after.contains(*l)),
                _ => {}
            }
        }
        let open = self.open_article(document);
        if self.selected_span.as_ref().is_some_and(|id| open.is_none_or(|a| a.spans.get(id).is_none())) {
            self.selected_span = None;
        }
        if self.selected_relation.as_ref().is_some_and(|id| open.is_none_or(|a| a.relations.get(id).is_none())) {
            self.selected_relation = None;
        }
        if let Some(sel) = self.selected_suggestion {
            let list = open.and_then(|a| jobs.suggestions_of(a)).map_or(&[][..], |s| s.as_slice());
            if !list.iter().any(|p| p.id == sel) {
                self.selected_suggestion = None;
            }
        }
    }
}
