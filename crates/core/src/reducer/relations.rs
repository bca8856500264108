//! The reducer's part for relations: ending one being drawn (by mouse or keyboard), adding one,
//! changing its kind, and removing it, each as an undo step.
//!
//! Owns: the meaning of the relation edits and which kind a new relation gets. Must never: make
//! a relation whose ends are not both spans of the open article, or from a span to itself.
//! (Starting and cancelling a drawing change only the view: `reducer::view`.)

use super::commit;
use crate::article::ArticleId;
use crate::history::Change;
use crate::relation::{Relation, RelationId, Relations};
use crate::span::SpanId;
use crate::state::{Dialog, Linking, Message, Notice, State};

/// A click while drawing: the innermost span under the pointer, other than the start, ends it.
pub(super) fn click_while_linking(s: &mut State, cp: usize) {
    let Some(linking) = s.view.linking.clone() else { return };
    let target = s
        .open_article()
        .and_then(|a| a.spans.covering(cp).filter(|sp| sp.id != linking.from && s.label_shown(sp.label)).last().map(|sp| sp.id.clone()));
    if let Some(to) = target {
        s.view.linking = None;
        add(s, linking.from, to, None);
    }
}

/// A span chosen (from a list, or among overlapping spans) while drawing ends the relation.
pub(super) fn end_at(s: &mut State, to: SpanId) {
    let Some(linking) = s.view.linking.take() else { return };
    add(s, linking.from, to, None);
    if matches!(s.view.dialog, Some(Dialog::ChooseSpan { .. })) {
        s.view.dialog = None;
    }
}

/// Enter while drawing: ends the relation at the span chosen with j / k.
pub(super) fn complete(s: &mut State) {
    if let Some(Linking { from, target: Some(to) }) = s.view.linking.clone() {
        s.view.linking = None;
        add(s, from, to, None);
    }
}

pub(super) fn add(s: &mut State, from: SpanId, to: SpanId, kind: Option<String>) {
    s.view.linking = None;
    let Some(article) = s.open_article().cloned() else { return };
    let (Some(from_span), Some(_)) = (article.spans.get(&from), article.spans.get(&to)) else { return };
    if from == to {
        s.view.notice = Some(Notice::info(Message::SelfRelation));
        return;
    }
    let kind = match kind.map(|k| k.trim().to_string()).filter(|k| !k.is_empty()) {
        Some(k) => k,
        None => usual_kind(&article.relations, &from, from_span.label.relation_kinds()).to_string(),
    };
    if article.relations.iter().any(|r| r.from == from && r.to == to && *r.kind == *kind) {
        s.view.notice = Some(Notice::info(Message::AlreadyLinked { kind }));
        return;
    }
    let suffix = s.document.id_suffix.clone();
    let Some(id) = s.document.article_mut(&article.id).map(|a| a.fresh_relation_id(&suffix)) else { return };
    let relation = Relation { id: id.clone(), kind: kind.into(), from, to, event: None };
    let index = article.relations.len();
    commit(s, Change::RelationAdded { article: article.id.clone(), index, relation }, None);
    s.view.selected_relation = Some(id);
}

/// The first of the label's usual kinds that the span has no relation of yet (a demand gets an
/// actor, then an addressee), else the first.
fn usual_kind<'a>(relations: &Relations, from: &SpanId, kinds: &[&'a str]) -> &'a str {
    kinds
        .iter()
        .copied()
        .find(|k| !relations.iter().any(|r| &r.from == from && &*r.kind == *k))
        .unwrap_or(kinds.first().copied().unwrap_or("related"))
}

pub(super) fn delete(s: &mut State, id: &RelationId) {
    let Some(article) = s.open_article() else { return };
    let Some(index) = article.relations.position(id) else { return };
    let relation = article.relations.as_slice()[index].clone();
    let article = article.id.clone();
    commit(s, Change::RelationRemoved { article, index, relation }, None);
    s.view.selected_relation = None;
}

pub(super) fn set_kind(s: &mut State, id: &RelationId, kind: String) {
    let kind = kind.trim();
    let Some(article) = s.open_article() else { return };
    let Some(before) = article.relations.get(id).cloned() else { return };
    if kind.is_empty() || *before.kind == *kind {
        return;
    }
    let after = Relation { kind: kind.into(), ..before.clone() };
    let article = article.id.clone();
    commit(s, Change::RelationChanged { article, before, after }, None);
    s.view.selected_relation = Some(id.clone());
}

/// The changes that remove every relation touching a span for which `gone` holds, in an order
/// whose inverse puts each back at its place.
pub(super) fn removals(s: &State, article: &ArticleId, gone: impl Fn(&SpanId) -> bool) -> Vec<Change> {
    let Some(a) = s.article(article) else { return Vec::new() };
    let mut changes = Vec::new();
    let mut removed = 0;
    for (i, r) in a.relations.iter().enumerate() {
        if gone(&r.from) || gone(&r.to) {
            changes.push(Change::RelationRemoved { article: article.clone(), index: i - removed, relation: r.clone() });
            removed += 1;
        }
    }
    changes
}
