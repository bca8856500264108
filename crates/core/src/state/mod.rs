//! The one application state, in four parts: the document (what is saved), the view (what the
//! person looks at), background jobs (the analysis and its pending suggestions) and persistence
//! (where storage stands), plus the change the last action applied.
//!
//! Owns: the parts and the queries that need more than one of them. Must never: be changed
//! except by `reducer::reduce`. Each part changes only through its own reducer: a recorded
//! `Change` is applied by `Document::apply` and `Jobs::apply`, and the view reacts to it in
//! `View::after_change`, as ProseMirror's plugins react to a transaction.

use std::rc::Rc;

use crate::article::Article;
use crate::history::Change;
use crate::pending::{ArticleSuggestions, Pending};
use crate::relation::Relation;
use crate::span::Span;

mod document;
mod jobs;
mod notice;
mod persistence;
mod view;

pub use document::{refuse_text, title_from_file_name, title_from_text, Document, MAX_ARTICLE_BYTES};
pub use jobs::Jobs;
pub use notice::{Message, Notice, NoticeKind, TextRefusal};
pub use persistence::Persistence;
pub use view::{Dialog, Linking, View};

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub document: Document,
    pub view: View,
    pub jobs: Jobs,
    pub persistence: Persistence,
    /// See [`State::last_change`].
    pub(crate) last_change: Option<Rc<Change>>,
    /// See [`State::changes_applied`].
    pub(crate) changes_applied: u64,
}

impl Default for State {
    fn default() -> Self {
        State {
            document: Document::default(),
            view: View::default(),
            jobs: Jobs::default(),
            persistence: Persistence::Loading,
            last_change: None,
            changes_applied: 0,
        }
    }
}

impl State {
    /// The change the last action applied: the one it recorded, or for undo and redo the one
    /// it applied (the inverse of a step, or the step again). Each applied change comes in an
    /// `Rc` of its own, so a painter can tell a new change from one it has seen by pointer.
    /// `None` after an action that applied no change (a selection, a dialog, a notice; also
    /// restoring a workspace, which replaces every article). Together with `changes_applied`
    /// it lets the article surface repaint only what changed.
    pub fn last_change(&self) -> Option<&Rc<Change>> {
        self.last_change.as_ref()
    }

    /// How many changes have been applied since the state was made. A painter that last saw
    /// the count one lower can apply `last_change` alone; a larger step means it missed some
    /// (several actions between two renders) and must repaint everything.
    pub fn changes_applied(&self) -> u64 {
        self.changes_applied
    }

    pub fn article(&self, id: &crate::article::ArticleId) -> Option<&Rc<Article>> {
        self.document.article(id)
    }

    pub fn open_article(&self) -> Option<&Rc<Article>> {
        self.view.open_article(&self.document)
    }

    pub fn selected(&self) -> Option<&Span> {
        self.view.selected(&self.document)
    }

    pub fn selected_relation(&self) -> Option<&Relation> {
        self.view.selected_relation(&self.document)
    }

    /// The pending suggestions of `article`, if any were computed for its text.
    pub fn suggestions_of(&self, article: &Article) -> Option<&ArticleSuggestions> {
        self.jobs.suggestions_of(article)
    }

    /// The open article's pending suggestions, in text order (empty when there are none).
    pub fn open_suggestions(&self) -> &[Pending] {
        self.jobs.pending_in(self.open_article().map(|a| &**a))
    }

    pub fn selected_pending(&self) -> Option<&Pending> {
        let id = self.view.selected_suggestion?;
        self.open_suggestions().iter().find(|p| p.id == id)
    }

    /// Whether the analysis of the open article is running.
    pub fn analysing_open(&self) -> bool {
        self.jobs.analysing(self.view.open.as_ref())
    }

    pub fn is_saved(&self) -> bool {
        matches!(self.persistence, Persistence::Ready { saved_revision, error: None, .. } if saved_revision == self.document.revision)
    }

    pub fn label_shown(&self, label: crate::label::Label) -> bool {
        self.view.label_shown(label)
    }
}
