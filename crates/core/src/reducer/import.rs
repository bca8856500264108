//! The reducer's part for imports, which may bring labels of their own: the mapping step (a
//! file's labels onto the workspace's, or kept as new labels), and adding every imported
//! document, labels included, as one undo step.
//!
//! Owns: the meaning of `Import`, `MapLabel` and `ConfirmImport`. Must never: add part of an
//! import, or overwrite an article (a document whose id is taken gets a new one).

use std::collections::HashMap;
use std::rc::Rc;

use super::commit;
use crate::article::{Article, ArticleId};
use crate::format::ImportBatch;
use crate::history::Change;
use crate::label::{Label, LabelDef};
use crate::state::{Dialog, Message, Notice, State};

/// Adds a batch at once, or first asks how to map the labels the workspace lacks.
pub(super) fn review(s: &mut State, batch: ImportBatch) {
    let new = batch.new_labels(&s.document.labels);
    if new.is_empty() {
        import(s, batch, &[]);
    } else {
        let mapping = new.into_iter().map(|l| (l, None)).collect();
        s.view.dialog = Some(Dialog::MapLabels { batch: Box::new(batch), mapping });
    }
}

pub(super) fn map_label(s: &mut State, label: Label, target: Option<Label>) {
    let labels = &s.document.labels;
    if let Some(Dialog::MapLabels { mapping, .. }) = &mut s.view.dialog {
        if let Some(entry) = mapping.iter_mut().find(|(l, _)| *l == label) {
            entry.1 = target.filter(|t| labels.contains(*t));
        }
    }
}

pub(super) fn confirm(s: &mut State) {
    if let Some(Dialog::MapLabels { batch, mapping }) = s.view.dialog.take() {
        import(s, *batch, &mapping);
    }
}

/// Adds every document of the batch, with labels resolved through `mapping` and by name, as one
/// undo step.
fn import(s: &mut State, batch: ImportBatch, mapping: &[(Label, Option<Label>)]) {
    let mut labels = s.document.labels.clone();
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
    if labels != s.document.labels {
        changes.push(Change::LabelsChanged { before: s.document.labels.clone(), after: labels });
    }
    let (mut spans, mut relations, mut first) = (0, 0, None);
    let count = batch.documents.len();
    for doc in batch.documents {
        // Imports never overwrite: a document whose id is taken gets a new one.
        let id = match doc.id.map(ArticleId::new) {
            Some(id) if s.article(&id).is_none() && !changes.iter().any(|c: &Change| c.article_to_show() == Some(&id)) => id,
            _ => s.document.fresh_article_id(),
        };
        first.get_or_insert_with(|| id.clone());
        spans += doc.spans.len();
        relations += doc.relations.len();
        let doc_spans = doc
            .spans
            .into_iter()
            .map(|mut sp| {
                sp.label = resolved.get(&sp.label).copied().unwrap_or(sp.label);
                sp
            })
            .collect();
        let article = Article::with_spans(id, doc.title, doc.text, doc_spans).with_relations(doc.relations);
        let index = s.document.articles.len() + changes.iter().filter(|c| matches!(c, Change::ArticleAdded { .. })).count();
        changes.push(Change::ArticleAdded { index, article: Rc::new(article) });
    }
    if count == 0 {
        return;
    }
    commit(s, Change::Batch(changes), None);
    let warned = !batch.warnings.is_empty();
    let message = Message::Imported { articles: count, spans, relations, source: batch.source, warnings: batch.warnings };
    s.view.notice = Some(if warned { Notice::error(message) } else { Notice::info(message) });
    if let Some(id) = first {
        s.view.open = Some(id);
    }
}
