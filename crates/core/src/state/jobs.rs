//! Background jobs: the analysis the app is running and what it left to review (pending
//! suggestions per article), with the counters that number jobs and suggestions.
//!
//! Owns: applying the jobs' part of a recorded change (suggestions taken off a list by review,
//! put back by undo) and dropping a job whose article is gone (`Jobs::apply`). Must never: be
//! saved (pending suggestions derive from the immutable text; Suggest recomputes them), or run
//! the analysis (the app does, off the main thread).

use std::collections::BTreeMap;

use super::document::Document;
use crate::article::{Article, ArticleId};
use crate::history::Change;
use crate::pending::{sorted_ids, Analysis, ArticleSuggestions, Pending};

#[derive(Debug, Clone, PartialEq)]
pub struct Jobs {
    /// The analysis the app is running, if any.
    pub analysing: Option<Analysis>,
    /// Pending suggestions per article. Read them through `suggestions_of`, which checks that
    /// they belong to the article's text.
    pub suggestions: BTreeMap<ArticleId, ArticleSuggestions>,
    /// The number of the next suggestion id and analysis job; only ever grow.
    pub next_suggestion: u64,
    pub next_job: u64,
}

impl Default for Jobs {
    fn default() -> Self {
        Jobs { analysing: None, suggestions: BTreeMap::new(), next_suggestion: 1, next_job: 1 }
    }
}

impl Jobs {
    /// The pending suggestions of `article`, if any were computed for its text.
    pub fn suggestions_of(&self, article: &Article) -> Option<&ArticleSuggestions> {
        self.suggestions.get(&article.id).filter(|s| s.fits(article))
    }

    /// The pending suggestions of `article` in text order (empty when there are none).
    pub fn pending_in(&self, article: Option<&Article>) -> &[Pending] {
        article.and_then(|a| self.suggestions_of(a)).map_or(&[], |s| s.as_slice())
    }

    /// Whether the analysis of `article` is running.
    pub fn analysing(&self, article: Option<&ArticleId>) -> bool {
        matches!((&self.analysing, article), (Some(a), Some(id)) if &a.article == id)
    }

    /// Applies the jobs' part of a change that was just applied to `document`.
    pub(crate) fn apply(&mut self, change: &Change, document: &Document) {
        for leaf in change.leaves() {
            match leaf {
                Change::SuggestionsRemoved { article, items } => {
                    self.edit(document, article, |list| list.remove(&sorted_ids(items)));
                }
                Change::SuggestionsRestored { article, items } => self.edit(document, article, |list| list.restore(items)),
                // Its result would belong to no article, or to a later one given the same id.
                Change::ArticleRemoved { article, .. } if self.analysing.as_ref().is_some_and(|a| a.article == article.id) => {
                    self.analysing = None;
                }
                _ => {}
            }
        }
    }

    fn edit(&mut self, document: &Document, id: &ArticleId, f: impl FnOnce(&mut ArticleSuggestions)) {
        let Some(article) = document.article(id) else { return };
        if !self.suggestions.get(id).is_some_and(|list| list.fits(article)) {
            self.suggestions.insert(id.clone(), ArticleSuggestions::empty(article.text.clone()));
        }
        if let Some(list) = self.suggestions.get_mut(id) {
            f(list);
        }
    }
}
