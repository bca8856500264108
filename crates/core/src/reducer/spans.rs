//! The reducer's part for a person's spans: tagging the selection, relabelling, deleting (with
//! the span's relations), editing attributes and moving edges, each as an undo step.
//!
//! Owns: the meaning of `Tag`, `Relabel`, `DeleteSpan`, `SetAttribute` and `MoveEdge` (a span
//! tagged or relabelled takes pending suggestions of its label over the same words off the
//! list, in the same undo step). Must
//! never: make a span that breaks the span invariants (empty, outside the text, a label not in
//! the set, fragments that overlap), or change a span of an article that is not open.

use super::{commit, one_step, relations, review};
use crate::article::ArticleId;
use crate::history::{Change, MergeKey};
use crate::label::{AttributeKey, Label};
use crate::range::CpRange;
use crate::snap::{self, Edge};
use crate::span::{Span, SpanId};
use crate::state::State;

/// Tags the selection with `label`, or else relabels the selected span. With neither, nothing
/// happens: the command table (`commands`) offers Tag only when one of them is there.
pub(super) fn tag(s: &mut State, label: Label) {
    if !s.document.labels.contains(label) {
        return;
    }
    let Some(article) = s.view.open.clone() else { return };
    if let Some(range) = s.view.selection {
        // The id counter lives in the article, so it advances even if this span is later undone.
        let suffix = s.document.id_suffix.clone();
        let Some(id) = s.document.article_mut(&article).map(|a| a.fresh_span_id(&suffix)) else { return };
        let span = Span::manual(id, label, range.start, range.end);
        let mut changes = review::same_words(s, &span);
        changes.push(Change::SpanAdded { article, span });
        commit(s, one_step(changes), None);
        s.view.selection = None;
    } else if let Some(id) = s.view.selected_span.clone() {
        relabel(s, &id, label);
    }
}

pub(super) fn relabel(s: &mut State, id: &SpanId, label: Label) {
    if let Some((article, before)) = open_span(s, id) {
        if before.label != label {
            let after = Span { label, ..before.clone() };
            let mut changes = review::same_words(s, &after);
            changes.push(Change::SpanChanged { article, before, after });
            commit(s, one_step(changes), None);
        }
    }
}

/// Deletes a span of the open article with its relations, as one undo step.
pub(super) fn delete(s: &mut State, id: &SpanId) {
    let Some((article, span)) = open_span(s, id) else { return };
    let mut changes = relations::removals(s, &article, |sp| sp == id);
    changes.push(Change::SpanRemoved { article, span });
    commit(s, one_step(changes), None);
    s.view.selected_span = None;
    // A relation being drawn from or to the deleted span has nowhere to go.
    if s.view.linking.as_ref().is_some_and(|l| &l.from == id || l.target.as_ref() == Some(id)) {
        s.view.linking = None;
    }
}

/// Typing into one attribute of one span is one undo step however many keys it takes.
pub(super) fn set_attribute(s: &mut State, id: SpanId, key: AttributeKey, value: String) {
    let Some((article, before)) = open_span(s, &id) else { return };
    let mut after = before.clone();
    after.attributes.set(key, &value);
    if after != before {
        let merge: MergeKey = (article.clone(), id, key);
        commit(s, Change::SpanChanged { article, before, after }, Some(merge));
    }
}

pub(super) fn move_edge(s: &mut State, edge: Edge, forward: bool, by_word: bool) {
    let Some(id) = s.view.selected_span.clone() else { return };
    let (Some((article, before)), Some(open)) = (open_span(s, &id), s.open_article()) else { return };
    let moved = snap::move_edge(&open.text, CpRange::new(before.start, before.end), edge, forward, by_word)
        .and_then(|range| with_edges(&before, range));
    if let Some(after) = moved {
        commit(s, Change::SpanChanged { article, before, after }, None);
    }
}

/// The span with its outer edges moved to `range`, fragments included; `None` when that would
/// swallow or reverse a fragment.
fn with_edges(span: &Span, range: CpRange) -> Option<Span> {
    let CpRange { start, end } = range;
    let fragments = match &span.fragments {
        None => None,
        Some(f) => {
            let mut f = f.to_vec();
            // The outer edges belong to the leftmost and the rightmost fragment, whatever their
            // place in the list.
            let left = (0..f.len()).min_by_key(|&i| f[i].0)?;
            let right = (0..f.len()).max_by_key(|&i| f[i].1)?;
            f[left].0 = start;
            f[right].1 = end;
            if crate::span::fragments_problem(&f).is_some() {
                return None;
            }
            Some(f.into())
        }
    };
    Some(Span { start, end, fragments, ..span.clone() })
}

/// The open article's id and a copy of one of its spans.
fn open_span(s: &State, id: &SpanId) -> Option<(ArticleId, Span)> {
    let article = s.open_article()?;
    Some((article.id.clone(), article.spans.get(id)?.clone()))
}
