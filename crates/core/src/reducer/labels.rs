//! The reducer's part for the label set: adding, changing and removing labels, each as an undo
//! step.
//!
//! Owns: the meaning of `AddLabel`, `UpdateLabel` and `RemoveLabel`, and where a refused edit is
//! reported (the label editor's error, or a notice). Must never: leave a span whose label is not
//! in the set.

use std::collections::HashSet;

use super::{commit, one_step, relations};
use crate::history::Change;
use crate::label::{Label, LabelDef, LabelError, LabelSet};
use crate::span::SpanId;
use crate::state::{Dialog, Message, Notice, State};

pub(super) fn add(s: &mut State, def: LabelDef) {
    let mut after = s.document.labels.clone();
    match after.add(def) {
        Ok(_) => labels_changed(s, after),
        Err(why) => refused(s, why),
    }
}

pub(super) fn update(s: &mut State, def: LabelDef) {
    let mut after = s.document.labels.clone();
    match after.update(def) {
        Ok(()) if after != s.document.labels => labels_changed(s, after),
        Ok(()) => {}
        Err(why) => refused(s, why),
    }
}

/// Removes a custom label with all its spans (and their relations) in every article, without
/// switching the open article.
pub(super) fn remove(s: &mut State, label: Label) {
    let mut after = s.document.labels.clone();
    let def = match after.remove(label) {
        Ok(def) => def,
        Err(why) => return refused(s, why),
    };
    let mut changes = Vec::new();
    let mut count = 0;
    for article in &s.document.articles {
        let gone: HashSet<&SpanId> = article.spans.iter().filter(|sp| sp.label == label).map(|sp| &sp.id).collect();
        // Relations first, so that undo puts the spans back before the relations between them.
        changes.extend(relations::removals(s, &article.id, |id| gone.contains(id)));
        for span in article.spans.iter().filter(|sp| sp.label == label) {
            changes.push(Change::SpanRemoved { article: article.id.clone(), span: span.clone() });
            count += 1;
        }
    }
    changes_quietly(s, changes, after);
    s.view.notice = Some(Notice::info(Message::LabelRemoved { label, name: def.name, spans: count }));
}

/// Applies spans' changes and the new label set as one undo step, staying on the open article.
fn changes_quietly(s: &mut State, mut changes: Vec<Change>, after: LabelSet) {
    let open = s.view.open.clone();
    changes.push(Change::LabelsChanged { before: s.document.labels.clone(), after });
    commit(s, one_step(changes), None);
    s.view.open = open;
    if s.selected().is_none() {
        s.view.selected_span = None;
    }
}

fn labels_changed(s: &mut State, after: LabelSet) {
    let before = s.document.labels.clone();
    commit(s, Change::LabelsChanged { before, after }, None);
    if let Some(Dialog::Labels { error }) = &mut s.view.dialog {
        *error = None;
    }
}

fn refused(s: &mut State, why: LabelError) {
    match &mut s.view.dialog {
        Some(Dialog::Labels { error }) => *error = Some(why),
        _ => s.view.notice = Some(Notice::error(Message::LabelRefused(why))),
    }
}
