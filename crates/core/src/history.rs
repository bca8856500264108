//! Undo and redo as a log of invertible changes.
//!
//! Owns: the undo and redo stacks, their depth limit, and the merging of a run of edits to the
//! same attribute into one step. Must never: apply changes itself (each part of the state does,
//! `Document::apply`, `Jobs::apply`, `View::after_change`), so the stacks stay a plain record of
//! what happened.

use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::label::{AttributeKey, LabelSet};
use crate::pending::{Pending, SuggestionId};
use crate::range::CpRange;
use crate::relation::Relation;
use crate::span::{Span, SpanId};

/// Steps kept for undo, at least; older ones are dropped. Each step holds a span or a shared
/// article, so the memory cost is small even at this depth.
pub const MAX_UNDO: usize = 1000;

/// One invertible change to the workspace.
// A change is kept once per undo step (at most 2 × MAX_UNDO of them), so the size of the
// largest variant costs little; boxing the spans would add allocations to every edit instead.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    SpanAdded {
        article: ArticleId,
        span: Span,
    },
    SpanRemoved {
        article: ArticleId,
        span: Span,
    },
    SpanChanged {
        article: ArticleId,
        before: Span,
        after: Span,
    },
    ArticleAdded {
        index: usize,
        article: Rc<Article>,
    },
    ArticleRemoved {
        index: usize,
        article: Rc<Article>,
    },
    ArticleRenamed {
        article: ArticleId,
        before: String,
        after: String,
    },
    /// Pending suggestions taken off an article's list (rejected, or accepted together with
    /// the `SpanAdded` of their spans in one `Batch`), and put back.
    SuggestionsRemoved {
        article: ArticleId,
        items: Vec<Pending>,
    },
    SuggestionsRestored {
        article: ArticleId,
        items: Vec<Pending>,
    },
    /// A relation added at, or removed from, position `index` of its article's relations.
    RelationAdded {
        article: ArticleId,
        index: usize,
        relation: Relation,
    },
    RelationRemoved {
        article: ArticleId,
        index: usize,
        relation: Relation,
    },
    RelationChanged {
        article: ArticleId,
        before: Relation,
        after: Relation,
    },
    /// The workspace's label set was edited (a label added, changed or removed).
    LabelsChanged {
        before: LabelSet,
        after: LabelSet,
    },
    /// Several changes done and undone as one step (an import of many articles, accepting
    /// suggestions).
    Batch(Vec<Change>),
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self.clone() {
            Change::SpanAdded { article, span } => Change::SpanRemoved { article, span },
            Change::SpanRemoved { article, span } => Change::SpanAdded { article, span },
            Change::SpanChanged { article, before, after } => Change::SpanChanged { article, before: after, after: before },
            Change::ArticleAdded { index, article } => Change::ArticleRemoved { index, article },
            Change::ArticleRemoved { index, article } => Change::ArticleAdded { index, article },
            Change::ArticleRenamed { article, before, after } => Change::ArticleRenamed { article, before: after, after: before },
            Change::SuggestionsRemoved { article, items } => Change::SuggestionsRestored { article, items },
            Change::SuggestionsRestored { article, items } => Change::SuggestionsRemoved { article, items },
            Change::RelationAdded { article, index, relation } => Change::RelationRemoved { article, index, relation },
            Change::RelationRemoved { article, index, relation } => Change::RelationAdded { article, index, relation },
            Change::RelationChanged { article, before, after } => Change::RelationChanged { article, before: after, after: before },
            Change::LabelsChanged { before, after } => Change::LabelsChanged { before: after, after: before },
            Change::Batch(changes) => Change::Batch(changes.iter().rev().map(Change::inverse).collect()),
        }
    }

    /// The article a person should see after this change is done or undone (`None` when the
    /// change removed it).
    pub fn article_to_show(&self) -> Option<&ArticleId> {
        match self {
            Change::SpanAdded { article, .. }
            | Change::SpanRemoved { article, .. }
            | Change::SpanChanged { article, .. }
            | Change::ArticleRenamed { article, .. }
            | Change::SuggestionsRemoved { article, .. }
            | Change::SuggestionsRestored { article, .. }
            | Change::RelationAdded { article, .. }
            | Change::RelationRemoved { article, .. }
            | Change::RelationChanged { article, .. } => Some(article),
            Change::ArticleAdded { article, .. } => Some(&article.id),
            Change::ArticleRemoved { .. } | Change::LabelsChanged { .. } => None,
            Change::Batch(changes) => changes.iter().rev().find_map(Change::article_to_show),
        }
    }

    /// The span a person should see selected after this change is done.
    pub fn span_to_select(&self) -> Option<&SpanId> {
        match self {
            Change::SpanAdded { span, .. } => Some(&span.id),
            Change::SpanChanged { after, .. } => Some(&after.id),
            _ => None,
        }
    }

    /// The suggestion a person should see selected after this change: one put back by undo.
    pub fn suggestion_to_select(&self) -> Option<SuggestionId> {
        match self {
            Change::SuggestionsRestored { items, .. } if items.len() == 1 => Some(items[0].id),
            Change::Batch(changes) => changes.iter().find_map(Change::suggestion_to_select),
            _ => None,
        }
    }

    /// The changes this one is made of, in the order they apply: itself, or a batch's changes
    /// (nested batches flattened). What a painter walks to find the spans a change touched.
    /// The ranges of `article`'s text this change touched: spans added, removed, or changed
    /// (before and after), and suggestions taken off or put back; what a painter repaints.
    /// Empty for a change elsewhere or one that paints nothing (a relation, a title).
    pub fn ranges_in(&self, article: &ArticleId) -> Vec<CpRange> {
        let span = |s: &Span| CpRange::new(s.start, s.end);
        let mut out = Vec::new();
        for leaf in self.leaves() {
            match leaf {
                Change::SpanAdded { article: a, span: s } | Change::SpanRemoved { article: a, span: s } if a == article => {
                    out.push(span(s))
                }
                Change::SpanChanged { article: a, before, after } if a == article => out.extend([span(before), span(after)]),
                Change::SuggestionsRemoved { article: a, items } | Change::SuggestionsRestored { article: a, items } if a == article => {
                    out.extend(items.iter().map(|p| CpRange::new(p.suggestion.start, p.suggestion.end)))
                }
                _ => {}
            }
        }
        out
    }

    pub fn leaves(&self) -> Vec<&Change> {
        fn walk<'a>(change: &'a Change, out: &mut Vec<&'a Change>) {
            match change {
                Change::Batch(changes) => changes.iter().for_each(|c| walk(c, out)),
                leaf => out.push(leaf),
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out
    }

    /// Whether the change touches what storage keeps. Pending suggestions are not kept, so
    /// rejecting one (or undoing that) needs no save.
    pub fn is_saved(&self) -> bool {
        match self {
            Change::SuggestionsRemoved { .. } | Change::SuggestionsRestored { .. } => false,
            Change::Batch(changes) => changes.iter().any(Change::is_saved),
            _ => true,
        }
    }
}

/// What makes consecutive steps one: typing into the same attribute of the same span.
pub type MergeKey = (ArticleId, SpanId, AttributeKey);

/// A persistent stack: pushing shares the whole older stack, so every state keeps its history
/// for the cost of a pointer, however deep the history is.
#[derive(Debug, PartialEq)]
struct Node<T> {
    item: T,
    below: Stack<T>,
}

#[derive(Debug, PartialEq)]
struct Stack<T> {
    top: Option<Rc<Node<T>>>,
    len: usize,
}

impl<T> Clone for Stack<T> {
    fn clone(&self) -> Self {
        Stack { top: self.top.clone(), len: self.len }
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Stack { top: None, len: 0 }
    }
}

impl<T: Clone> Stack<T> {
    fn push(&mut self, item: T) {
        let below = std::mem::take(self);
        self.len = below.len + 1;
        self.top = Some(Rc::new(Node { item, below }));
    }

    fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        let node = Rc::try_unwrap(node).unwrap_or_else(|shared| Node { item: shared.item.clone(), below: shared.below.clone() });
        *self = node.below;
        Some(node.item)
    }

    fn peek_mut(&mut self) -> Option<&mut T> {
        let node = self.top.as_mut()?;
        if Rc::get_mut(node).is_none() {
            *node = Rc::new(Node { item: node.item.clone(), below: node.below.clone() });
        }
        Rc::get_mut(node).map(|n| &mut n.item)
    }

    /// Keeps only the newest `keep` items (rebuilding them), dropping the rest.
    fn truncate(&mut self, keep: usize) {
        let mut items = Vec::with_capacity(keep);
        let mut at = self.top.as_ref();
        while let (Some(node), true) = (at, items.len() < keep) {
            items.push(node.item.clone());
            at = node.below.top.as_ref();
        }
        *self = Stack::default();
        for item in items.into_iter().rev() {
            self.push(item);
        }
    }
}

/// The undo and redo stacks. Steps are shared `Rc`s, so recording a change the reducer just
/// applied copies nothing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    undo: Stack<(Rc<Change>, Option<MergeKey>)>,
    redo: Stack<Rc<Change>>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        self.undo.len > 0
    }

    pub fn can_redo(&self) -> bool {
        self.redo.len > 0
    }

    pub fn undo_depth(&self) -> usize {
        self.undo.len
    }

    /// Records a change that was just applied. A change with the same merge key as the previous
    /// step extends that step instead, so undo reverts a whole run of typing at once.
    pub fn record(&mut self, change: Rc<Change>, merge: Option<MergeKey>) {
        self.redo = Stack::default();
        if let (Some(key), Some((last, last_key))) = (&merge, self.undo.peek_mut()) {
            if last_key.as_ref() == Some(key) {
                if let (Change::SpanChanged { .. }, Change::SpanChanged { after: new_after, .. }) = (&**last, &*change) {
                    if let Change::SpanChanged { after, .. } = Rc::make_mut(last) {
                        *after = new_after.clone();
                    }
                    return;
                }
            }
        }
        self.undo.push((change, merge));
        // Trimming rebuilds the kept steps, so do it rarely: amortised O(1) per step.
        if self.undo.len > 2 * MAX_UNDO {
            self.undo.truncate(MAX_UNDO);
        }
    }

    /// Takes the change to revert, returning its inverse (to apply) and keeping it for redo.
    pub fn take_undo(&mut self) -> Option<Change> {
        let (change, _) = self.undo.pop()?;
        let inverse = change.inverse();
        self.redo.push(change);
        Some(inverse)
    }

    /// Takes the change to redo, keeping it for undo, and returns a copy to apply (so that the
    /// change applied has an `Rc` of its own, as every applied change has: see
    /// `State::last_change`).
    pub fn take_redo(&mut self) -> Option<Change> {
        let change = self.redo.pop()?;
        let copy = Change::clone(&change);
        self.undo.push((change, None));
        Some(copy)
    }
}
