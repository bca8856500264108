//! The reducer's part for the label set and for imports, which may bring labels of their own.
//!
//! Owns: editing the workspace's labels, the mapping step of an import (a file's labels onto the
//! workspace's, or kept as new labels), and adding imported documents as one undo step.
//! Must never: leave a span whose label is not in the set, or add part of an import.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::{commit, one_step, relations};
use crate::article::{Article, ArticleId};
use crate::format::ImportBatch;
use crate::history::Change;
use crate::label::{Label, LabelDef, LabelSet};
use crate::span::SpanId;
use crate::state::{Dialog, Notice, State};

pub(super) fn add_label(s: &mut State, def: LabelDef) {
    let mut after = s.labels.clone();
    match after.add(def) {
        Ok(_) => labels_changed(s, after),
        Err(why) => label_error(s, why),
    }
}

pub(super) fn update_label(s: &mut State, def: LabelDef) {
    let mut after = s.labels.clone();
    match after.update(def) {
        Ok(()) if after != s.labels => labels_changed(s, after),
        Ok(()) => {}
        Err(why) => label_error(s, why),
    }
}

/// Removes a custom label with all its spans (and their relations) in every article, without
/// switching the open article.
pub(super) fn remove_label(s: &mut State, label: Label) {
    let mut after = s.labels.clone();
    let def = match after.remove(label) {
        Ok(def) => def,
        Err(why) => return label_error(s, why),
    };
    let mut changes = Vec::new();
    let mut count = 0;
    for article in &s.articles {
        let gone: HashSet<&SpanId> = article.spans.iter().filter(|sp| sp.label == label).map(|sp| &sp.id).collect();
        // Relations first, so that undo puts the spans back before the relations between them.
        changes.extend(relations::removals(s, &article.id, |id| gone.contains(id)));
        for span in article.spans.iter().filter(|sp| sp.label == label) {
            changes.push(Change::SpanRemoved { article: article.id.clone(), span: span.clone() });
            count += 1;
        }
    }
    changes_quietly(s, changes, after);
    let spans = match count {
        0 => String::new(),
        1 => " and its 1 span".into(),
        n => format!(" and its {n} spans"),
    };
    s.notice = Some(Notice::info(format!("Removed the label “{}”{spans}. Undo (Ctrl+Z) brings it back.", def.name)));
}

/// Applies spans' changes and the new label set as one undo step, staying on the open article.
fn changes_quietly(s: &mut State, mut changes: Vec<Change>, after: LabelSet) {
    let open = s.open.clone();
    changes.push(Change::LabelsChanged { before: s.labels.clone(), after });
    commit(s, one_step(changes), None);
    s.open = open;
    if s.selected().is_none() {
        s.selected_span = None;
    }
}

fn labels_changed(s: &mut State, after: LabelSet) {
    let before = s.labels.clone();
    commit(s, Change::LabelsChanged { before, after }, None);
    if let Some(Dialog::Labels { error }) = &mut s.dialog {
        *error = None;
    }
}

fn label_error(s: &mut State, why: String) {
    match &mut s.dialog {
        Some(Dialog::Labels { error }) => *error = Some(why),
        _ => s.notice = Some(Notice::error(why)),
    }
}

/// Adds a batch at once, or first asks how to map the labels the workspace lacks.
pub(super) fn review_import(s: &mut State, batch: ImportBatch) {
    let new = batch.new_labels(&s.labels);
    if new.is_empty() {
        import(s, batch, &[]);
    } else {
        let mapping = new.into_iter().map(|l| (l, None)).collect();
        s.dialog = Some(Dialog::MapLabels { batch: Box::new(batch), mapping });
    }
}

pub(super) fn map_label(s: &mut State, label: Label, target: Option<Label>) {
    let labels = s.labels.clone();
    if let Some(Dialog::MapLabels { mapping, .. }) = &mut s.dialog {
        if let Some(entry) = mapping.iter_mut().find(|(l, _)| *l == label) {
            entry.1 = target.filter(|t| labels.contains(*t));
        }
    }
}

pub(super) fn confirm_import(s: &mut State) {
    if let Some(Dialog::MapLabels { batch, mapping }) = s.dialog.take() {
        import(s, *batch, &mapping);
    }
}

/// Adds every document of the batch, with labels resolved through `mapping` and by name, as one
/// undo step.
fn import(s: &mut State, batch: ImportBatch, mapping: &[(Label, Option<Label>)]) {
    let mut labels = s.labels.clone();
    let mut resolved: HashMap<Label, Label> = HashMap::new();
    for def in batch.labels.iter() {
        let target = match (labels.by_name(&def.name), mapping.iter().find(|(l, _)| *l == def.label)) {
            (Some(existing), _) => existing,
            (None, Some((_, Some(target)))) if labels.contains(*target) => *target,
            (None, _) => {
                let hotkey = def.hotkey.filter(|k| labels.by_hotkey(&k.to_string()).is_none());
                match labels.add(LabelDef { hotkey, ..def.clone() }) {
                    Ok(l) => l,
                    // A definition the set refuses (it was checked when read) still keeps its spans.
                    Err(_) => labels.intern(&def.name).unwrap_or(Label::Claim),
                }
            }
        };
        resolved.insert(def.label, target);
    }
    let mut changes = Vec::new();
    if labels != s.labels {
        changes.push(Change::LabelsChanged { before: s.labels.clone(), after: labels });
    }
    let (mut spans, mut relation_count, mut first) = (0, 0, None);
    let count = batch.documents.len();
    for doc in batch.documents {
        // Imports never overwrite: a document whose id is taken gets a new one.
        let id = match doc.id.map(ArticleId::new) {
            Some(id) if s.article(&id).is_none() && !changes.iter().any(|c: &Change| c.article_to_show() == Some(&id)) => id,
            _ => s.fresh_article_id(),
        };
        first.get_or_insert_with(|| id.clone());
        spans += doc.spans.len();
        relation_count += doc.relations.len();
        let doc_spans = doc
            .spans
            .into_iter()
            .map(|mut sp| {
                sp.label = resolved.get(&sp.label).copied().unwrap_or(sp.label);
                sp
            })
            .collect();
        let article = Article::with_spans(id, doc.title, doc.text, doc_spans).with_relations(doc.relations);
        let index = s.articles.len() + changes.iter().filter(|c| matches!(c, Change::ArticleAdded { .. })).count();
        changes.push(Change::ArticleAdded { index, article: Rc::new(article) });
    }
    if count == 0 {
        return;
    }
    commit(s, Change::Batch(changes), None);
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let mut text = format!("Imported {} with {}", plural(count, "article", "articles"), plural(spans, "span", "spans"));
    if relation_count > 0 {
        text.push_str(&format!(" and {}", plural(relation_count, "relation", "relations")));
    }
    if !batch.source.is_empty() {
        text.push_str(&format!(" from {}", batch.source));
    }
    text.push('.');
    for warning in batch.warnings.iter().take(3) {
        text.push(' ');
        text.push_str(warning);
    }
    if batch.warnings.len() > 3 {
        text.push_str(&format!(" And {} more notes.", batch.warnings.len() - 3));
    }
    s.notice = Some(if batch.warnings.is_empty() { Notice::info(text) } else { Notice::error(text) });
    if let Some(id) = first {
        s.open = Some(id);
    }
}
