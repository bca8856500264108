//! The document: what a person made and storage keeps (articles, the label set, the undo
//! history, the id counter for articles, the revision).
//!
//! Owns: applying a recorded `Change` to the articles and the label set (`Document::apply`, the
//! document's reducer of changes), which text may become an article, and titles for texts that
//! come without one. Must never: know what is selected, shown or running; articles are shared
//! `Rc`s, so a change copies only the article it touches and storage can tell which articles
//! changed by pointer.

use std::rc::Rc;

use super::notice::TextRefusal;
use crate::article::{Article, ArticleId};
use crate::history::{Change, History};
use crate::label::LabelSet;
use crate::relation::Relations;
use crate::span::Spans;

/// The largest article accepted, in UTF-8 bytes. Articles up to this size open, paint and save
/// without freezing the page; larger ones are refused with a message rather than half-working.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub articles: Vec<Rc<Article>>,
    /// The workspace's labels: the built-in four and the person's own.
    pub labels: LabelSet,
    pub history: History,
    pub next_article: u64,
    /// Grows with every change that must be saved: every saved change to the document, and a
    /// change of the view's saved settings (the open article, snapping), which the reducer
    /// counts here so that storage watches one number.
    pub revision: u64,
    /// Ends every id this tab makes (articles, spans, relations): empty in the first tab open
    /// on the workspace, `-2` in a second tab open at the same time, and so on, so two tabs
    /// never make the same id even before either has seen the other's work.
    pub id_suffix: Rc<str>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            articles: Vec::new(),
            labels: LabelSet::builtin(),
            history: History::default(),
            next_article: 1,
            revision: 0,
            id_suffix: "".into(),
        }
    }
}

impl Document {
    pub fn article(&self, id: &ArticleId) -> Option<&Rc<Article>> {
        self.articles.iter().find(|a| &a.id == id)
    }

    pub fn article_index(&self, id: &ArticleId) -> Option<usize> {
        self.articles.iter().position(|a| &a.id == id)
    }

    /// A fresh article id not used in the workspace.
    pub(crate) fn fresh_article_id(&mut self) -> ArticleId {
        loop {
            let id = ArticleId::new(format!("a{}{}", self.next_article, self.id_suffix));
            self.next_article += 1;
            if self.article(&id).is_none() {
                return id;
            }
        }
    }

    /// The article, to change (copied first if a previous state still shares it).
    pub(crate) fn article_mut(&mut self, id: &ArticleId) -> Option<&mut Article> {
        let i = self.article_index(id)?;
        Some(Rc::make_mut(&mut self.articles[i]))
    }

    /// Applies the document's part of a change: spans, relations, articles and labels. Pending
    /// suggestions belong to the jobs part (`Jobs::apply`).
    pub(crate) fn apply(&mut self, change: &Change) {
        if change.is_saved() {
            self.revision += 1;
        }
        self.apply_leaf(change);
    }

    fn apply_leaf(&mut self, change: &Change) {
        match change {
            // Another tab may have changed or removed the span meanwhile (a redo, or an undo of
            // its delete, then puts this tab's version back; a change to a span that is gone
            // changes nothing).
            Change::SpanAdded { article, span } => self.edit_spans(article, |spans| {
                if spans.replace(span.clone()).is_none() {
                    spans.insert(span.clone())
                }
            }),
            Change::SpanRemoved { article, span } => self.edit_spans(article, |spans| {
                spans.remove(&span.id);
            }),
            Change::SpanChanged { article, after, .. } => self.edit_spans(article, |spans| {
                spans.replace(after.clone());
            }),
            Change::ArticleAdded { index, article } => {
                self.articles.insert((*index).min(self.articles.len()), article.clone());
            }
            Change::ArticleRemoved { article, .. } => {
                if let Some(i) = self.article_index(&article.id) {
                    self.articles.remove(i);
                }
            }
            Change::ArticleRenamed { article, after, .. } => {
                if let Some(a) = self.article_mut(article) {
                    a.title = after.clone();
                }
            }
            Change::RelationAdded { article, index, relation } => {
                self.edit_relations(article, |r| r.insert(*index, relation.clone()));
            }
            Change::RelationRemoved { article, relation, .. } => self.edit_relations(article, |r| {
                r.remove(&relation.id);
            }),
            Change::RelationChanged { article, after, .. } => self.edit_relations(article, |r| {
                if let Some((at, _)) = r.remove(&after.id) {
                    r.insert(at, after.clone());
                }
            }),
            Change::LabelsChanged { after, .. } => self.labels = after.clone(),
            Change::SuggestionsRemoved { .. } | Change::SuggestionsRestored { .. } => {}
            Change::Batch(changes) => changes.iter().for_each(|c| self.apply_leaf(c)),
        }
    }

    fn edit_spans(&mut self, id: &ArticleId, f: impl FnOnce(&mut Spans)) {
        if let Some(article) = self.article_mut(id) {
            f(&mut article.spans);
        }
    }

    fn edit_relations(&mut self, id: &ArticleId, f: impl FnOnce(&mut Relations)) {
        if let Some(article) = self.article_mut(id) {
            f(&mut article.relations);
        }
    }
}

/// Why a text cannot become an article, if it cannot.
pub fn refuse_text(text: &str) -> Option<TextRefusal> {
    if text.trim().is_empty() {
        Some(TextRefusal::Empty)
    } else if text.len() > MAX_ARTICLE_BYTES {
        Some(TextRefusal::TooBig { bytes: text.len() })
    } else {
        None
    }
}

/// A title for text that came without one: its first non-blank line, shortened. (Such a text
/// always has one: a blank text is refused before it needs a title.)
pub fn title_from_text(text: &str) -> String {
    const MAX: usize = 80;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    if line.chars().count() <= MAX {
        line.to_string()
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A title from a file name: the name without its extension.
pub fn title_from_file_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}
