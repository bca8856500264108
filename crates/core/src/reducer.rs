//! The reducer: the only place the state changes.
//!
//! Owns: the meaning of every `Action`, the recording of undoable changes and the revision count
//! that tells the storage effect to save. Must never: perform I/O, read the clock or generate
//! randomness; the same state and action always give the same result.

use std::rc::Rc;

use crate::action::{Action, StoredWorkspace};
use crate::article::{Article, ArticleId};
use crate::history::{Change, MergeKey};
use crate::label::Label;
use crate::pending::{Analysis, ArticleSuggestions, SuggestionId};
use crate::sample;
use crate::snap::{move_edge, snap_selection};
use crate::span::{Span, SpanId};
use crate::state::{Dialog, Notice, NoticeKind, Persistence, State, MAX_ARTICLE_BYTES};

mod labels;
mod relations;
mod review;
use labels::{add_label, confirm_import, map_label, remove_label, review_import, update_label};
use relations::{add_relation, click_while_linking, complete_relation, delete_relation, set_relation_kind, start_relation};
use review::{decide, set_suggestions, step_suggestion, suggestion_at};

pub fn reduce(state: &State, action: Action) -> State {
    let mut s = next(state, action);
    // A span and a suggestion are never selected together: the one selected by this action wins.
    if s.selected_span.is_some() && s.selected_suggestion.is_some() {
        if s.selected_suggestion != state.selected_suggestion {
            s.selected_span = None;
        } else {
            s.selected_suggestion = None;
        }
    }
    s
}

fn next(state: &State, action: Action) -> State {
    let mut s = state.clone();
    match action {
        Action::Restore(stored) => restore(&mut s, stored),
        Action::RestoreFailed(why) => {
            if matches!(s.persistence, Persistence::Loading) {
                s.notice = Some(Notice::error(format!(
                    "Your saved workspace could not be read, so nothing will be saved over it in this tab: {why}"
                )));
                s.persistence = Persistence::Unavailable(why);
            }
        }
        Action::AddArticle { title, text } => add_article(&mut s, title, text),
        Action::OpenArticle(id) => {
            if s.article(&id).is_some() && s.open.as_ref() != Some(&id) {
                s.open = Some(id);
                s.selection = None;
                s.selected_span = None;
                s.selected_suggestion = None;
                s.selected_relation = None;
                s.linking = None;
                s.revision += 1;
            }
        }
        Action::RenameArticle(id, title) => {
            let title = title.trim().to_string();
            match s.article(&id) {
                Some(a) if !title.is_empty() && a.title != title => {
                    let before = a.title.clone();
                    commit(&mut s, Change::ArticleRenamed { article: id, before, after: title }, None);
                    s.dialog = None;
                }
                Some(_) if title.is_empty() => s.notice = Some(Notice::error("A title cannot be empty.")),
                _ => s.dialog = None,
            }
        }
        Action::DeleteArticle(id) => {
            if let Some(index) = s.article_index(&id) {
                let article = s.articles[index].clone();
                let title = article.title.clone();
                commit(&mut s, Change::ArticleRemoved { index, article }, None);
                s.notice = Some(Notice::info(format!("Deleted “{title}”. Undo (Ctrl+Z) brings it back.")));
            }
        }
        Action::Import(batch) => review_import(&mut s, *batch),
        Action::MapLabel { label, target } => map_label(&mut s, label, target),
        Action::ConfirmImport => confirm_import(&mut s),
        Action::AddLabel(def) => add_label(&mut s, def),
        Action::UpdateLabel(def) => update_label(&mut s, def),
        Action::RemoveLabel(label) => remove_label(&mut s, label),
        Action::StartRelation => start_relation(&mut s),
        Action::CancelRelation => s.linking = None,
        Action::CompleteRelation => complete_relation(&mut s),
        Action::AddRelation { from, to, kind } => add_relation(&mut s, from, to, kind),
        Action::DeleteRelation(id) => delete_relation(&mut s, &id),
        Action::SetRelationKind(id, kind) => set_relation_kind(&mut s, &id, kind),
        Action::SelectRelation(id) => {
            s.selected_relation = id.filter(|id| s.open_article().is_some_and(|a| a.relations.get(id).is_some()));
        }
        Action::Select(range) => {
            s.selection = match (range, s.open_article()) {
                (Some((a, b)), Some(article)) => snap_selection(&article.text, a, b, s.snap_to_words),
                _ => None,
            };
        }
        Action::Tag(label) => tag(&mut s, label),
        Action::ClickAt(cp) if s.linking.is_some() => click_while_linking(&mut s, cp),
        Action::ClickAt(cp) => {
            let under: Vec<SpanId> = s
                .open_article()
                .map(|a| a.spans.covering(cp).filter(|sp| s.label_shown(sp.label)).map(|sp| sp.id.clone()).collect())
                .unwrap_or_default();
            match under.len() {
                0 => {
                    s.selected_span = None;
                    s.selected_suggestion = suggestion_at(&s, cp);
                }
                1 => s.selected_span = under.into_iter().next(),
                _ => s.dialog = Some(Dialog::ChooseSpan { candidates: under }),
            }
        }
        Action::SelectSpan(Some(id)) if s.linking.is_some() => {
            let from = s.linking.take().map(|l| l.from).expect("linking");
            add_relation(&mut s, from, id, None);
            if matches!(s.dialog, Some(Dialog::ChooseSpan { .. })) {
                s.dialog = None;
            }
        }
        Action::SelectSpan(id) => {
            s.selected_span = id.filter(|id| s.open_article().is_some_and(|a| a.spans.get(id).is_some()));
            s.reveal += 1;
            // Escape deselects whatever is selected.
            s.selected_suggestion = None;
            if matches!(s.dialog, Some(Dialog::ChooseSpan { .. })) {
                s.dialog = None;
            }
        }
        Action::StepSpan { forward } => {
            step_span(&mut s, forward);
            s.reveal += 1;
        }
        Action::DeleteSpan(id) => {
            if let Some((article, span)) = open_span(&s, &id) {
                let mut changes = relations::removals(&s, &article, |sp| *sp == id);
                changes.push(Change::SpanRemoved { article, span });
                commit(&mut s, one_step(changes), None);
                s.selected_span = None;
                // A relation being drawn from or to the deleted span has nowhere to go.
                if s.linking.as_ref().is_some_and(|l| l.from == id || l.target.as_ref() == Some(&id)) {
                    s.linking = None;
                }
            }
        }
        Action::Relabel(id, label) => relabel(&mut s, &id, label),
        Action::SetAttribute { span: id, key, value } => {
            if let Some((article, before)) = open_span(&s, &id) {
                let mut after = before.clone();
                after.attributes.set(key, &value);
                if after != before {
                    let merge: MergeKey = (article.clone(), id, key);
                    commit(&mut s, Change::SpanChanged { article, before, after }, Some(merge));
                }
            }
        }
        Action::MoveEdge { edge, forward, by_word } => {
            let Some(id) = s.selected_span.clone() else { return s };
            if let (Some((article, before)), Some(open)) = (open_span(&s, &id), s.open_article()) {
                let moved = move_edge(&open.text, (before.start, before.end), edge, forward, by_word)
                    .and_then(|(start, end)| with_edges(&before, start, end));
                if let Some(after) = moved {
                    commit(&mut s, Change::SpanChanged { article, before, after }, None);
                }
            }
        }
        Action::RequestSuggestions => {
            if let (Some(article), false) = (s.open.clone(), s.analysing_open()) {
                s.analysing = Some(Analysis { article, job: s.next_job });
                s.next_job += 1;
            }
        }
        Action::SetSuggestions { article, job, suggestions, batch, last } => {
            set_suggestions(&mut s, article, job, suggestions, batch, last)
        }
        Action::SuggestionsFailed { article, job, why } => {
            if s.analysing == Some(Analysis { article, job }) {
                s.analysing = None;
                s.notice = Some(Notice::error(format!("The analysis could not finish: {why}")));
            }
        }
        Action::SelectSuggestion(id) => {
            s.selected_suggestion = id.filter(|id| s.open_suggestions().iter().any(|p| p.id == *id));
            s.selected_span = None;
            s.reveal += 1;
        }
        Action::StepSuggestion { forward } => {
            step_suggestion(&mut s, forward);
            s.reveal += 1;
        }
        Action::AcceptSuggestion(id) => {
            let item = s.open_suggestions().iter().find(|p| p.id == id).cloned();
            decide(&mut s, item.into_iter().collect(), true);
        }
        Action::RejectSuggestion(id) => {
            let item = s.open_suggestions().iter().find(|p| p.id == id).cloned();
            decide(&mut s, item.into_iter().collect(), false);
        }
        Action::AcceptAll(label) | Action::RejectAll(label) => {
            let accept = matches!(action, Action::AcceptAll(_));
            let items = s.open_suggestions().iter().filter(|p| label.is_none_or(|l| p.suggestion.label == l)).cloned().collect();
            decide(&mut s, items, accept);
        }
        Action::Undo => {
            if let Some(change) = s.history.take_undo() {
                show_after(&mut s, &change);
            }
        }
        Action::Redo => {
            if let Some(change) = s.history.take_redo() {
                show_after(&mut s, &change);
            }
        }
        Action::SetSnapToWords(on) => {
            if s.snap_to_words != on {
                s.snap_to_words = on;
                s.revision += 1;
            }
        }
        Action::ToggleLabelShown(label) => {
            if let Some(i) = s.hidden_labels.iter().position(|l| *l == label) {
                s.hidden_labels.remove(i);
            } else {
                s.hidden_labels.push(label);
            }
        }
        Action::OpenDialog(dialog) => s.dialog = Some(dialog),
        Action::CloseDialog => s.dialog = None,
        Action::Notify(notice) => s.notice = Some(notice),
        Action::DismissNotice => s.notice = None,
        Action::Saved(revision) => {
            if let Persistence::Ready { saved_revision, error } = &mut s.persistence {
                *saved_revision = (*saved_revision).max(revision);
                *error = None;
            }
        }
        Action::SaveFailed(why) => {
            if let Persistence::Ready { error, .. } = &mut s.persistence {
                *error = Some(why);
            }
        }
    }
    s
}

fn restore(s: &mut State, stored: Option<StoredWorkspace>) {
    if !matches!(s.persistence, Persistence::Loading) {
        return;
    }
    match stored {
        Some(w) => {
            s.articles = w.articles.into_iter().map(Rc::new).collect();
            s.open = w.open.filter(|id| s.article(id).is_some()).or_else(|| s.articles.first().map(|a| a.id.clone()));
            s.snap_to_words = w.snap_to_words;
            s.next_article = w.next_article;
            s.labels = w.labels;
            s.persistence = Persistence::Ready { saved_revision: s.revision, error: None };
        }
        None => {
            // First visit: the sample article, not yet saved, so the storage effect writes it.
            let id = s.fresh_article_id();
            s.articles = vec![Rc::new(sample::article(id.clone()))];
            s.open = Some(id);
            s.persistence = Persistence::Ready { saved_revision: s.revision, error: None };
            s.revision += 1;
        }
    }
}

/// Why a text cannot become an article, if it cannot.
pub fn refuse_text(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some("The article text is empty (or only spaces and line breaks), so there is nothing to annotate.".into())
    } else if text.len() > MAX_ARTICLE_BYTES {
        Some(format!(
            "The article is {} MB; newsmark opens articles up to {} MB. Split it into smaller articles.",
            crate::decimal::fixed(text.len() as f64 / 1_048_576.0, 1),
            MAX_ARTICLE_BYTES / 1_048_576
        ))
    } else {
        None
    }
}

fn add_article(s: &mut State, title: String, text: String) {
    if let Some(why) = refuse_text(&text) {
        match &mut s.dialog {
            Some(Dialog::NewArticle { error, .. }) => *error = Some(why),
            _ => s.notice = Some(Notice::error(why)),
        }
        return;
    }
    let title = match title.trim() {
        "" => crate::state::title_from_text(&text),
        t => t.to_string(),
    };
    let id = s.fresh_article_id();
    let article = Rc::new(Article::new(id, title, &text));
    let index = s.articles.len();
    commit(s, Change::ArticleAdded { index, article }, None);
    s.dialog = None;
    // An "Opening…" message has done its job; errors stay until dismissed.
    if s.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Info) {
        s.notice = None;
    }
}

fn tag(s: &mut State, label: Label) {
    if !s.labels.contains(label) {
        return;
    }
    let Some(article) = s.open_article().cloned() else { return };
    if let Some((start, end)) = s.selection {
        let Some(i) = s.article_index(&article.id) else { return };
        // The id counter lives in the article, so it advances even if this span is later undone.
        let id = Rc::make_mut(&mut s.articles[i]).fresh_span_id();
        let span = Span::manual(id, label, start, end);
        commit(s, Change::SpanAdded { article: article.id.clone(), span }, None);
        s.selection = None;
    } else if let Some(id) = s.selected_span.clone() {
        relabel(s, &id, label);
    } else {
        let def = s.labels.get(label);
        let name = def.map_or_else(|| label.css_key(), |d| d.name.clone());
        let how = match def.and_then(|d| d.hotkey) {
            Some(key) => format!("press {key} or the “{name}” button"),
            None => format!("press the “{name}” button"),
        };
        s.notice = Some(Notice::info(format!("Select some text first, then {how}.")));
    }
}

fn relabel(s: &mut State, id: &SpanId, label: Label) {
    if let Some((article, before)) = open_span(s, id) {
        if before.label != label {
            let after = Span { label, ..before.clone() };
            commit(s, Change::SpanChanged { article, before, after }, None);
        }
    }
}

/// The span with its outer edges moved, fragments included; `None` when that would swallow or
/// reverse a fragment.
fn with_edges(span: &Span, start: usize, end: usize) -> Option<Span> {
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

/// Several changes as one undo step; a single change stays as it is.
fn one_step(mut changes: Vec<Change>) -> Change {
    if changes.len() == 1 {
        changes.pop().expect("one change")
    } else {
        Change::Batch(changes)
    }
}

fn step_span(s: &mut State, forward: bool) {
    let Some(article) = s.open_article() else { return };
    let all = article.spans.as_slice();
    // While drawing a relation, stepping moves the relation's end, not the selection.
    let linking = s.linking.as_ref();
    let selected = linking.map_or(s.selected_span.as_ref(), |l| l.target.as_ref().or(Some(&l.from)));
    // Position in the full list, so stepping works even from a span the filter now hides.
    let current = selected.and_then(|id| article.spans.position(id));
    let shown = |i: &usize| s.label_shown(all[*i].label);
    let next = match (current, forward) {
        (None, true) => (0..all.len()).find(shown),
        (None, false) => (0..all.len()).rev().find(shown),
        (Some(c), true) => (c + 1..all.len()).find(shown).or(Some(c).filter(shown)),
        (Some(c), false) => (0..c).rev().find(shown).or(Some(c).filter(shown)),
    };
    if let Some(i) = next {
        let id = all[i].id.clone();
        match &mut s.linking {
            Some(l) if l.from != id => l.target = Some(id),
            Some(_) => {}
            None => s.selected_span = Some(id),
        }
    }
}

/// The open article's id and a copy of one of its spans.
fn open_span(s: &State, id: &SpanId) -> Option<(ArticleId, Span)> {
    let article = s.open_article()?;
    Some((article.id.clone(), article.spans.get(id)?.clone()))
}

/// Applies a change, records it for undo and marks the state as needing a save.
fn commit(s: &mut State, change: Change, merge: Option<MergeKey>) {
    apply(s, &change);
    if let Some(id) = change.article_to_show().cloned() {
        s.open = Some(id);
    }
    if let Some(id) = change.span_to_select() {
        s.selected_span = Some(id.clone());
    }
    s.history.record(change, merge);
}

/// After undo or redo: apply, and show the person what changed.
fn show_after(s: &mut State, change: &Change) {
    apply(s, change);
    if let Some(id) = change.article_to_show() {
        if s.open.as_ref() != Some(id) {
            s.open = Some(id.clone());
            s.selection = None;
        }
    }
    s.selected_span = change.span_to_select().cloned();
    s.selected_suggestion = change.suggestion_to_select();
}

fn apply(s: &mut State, change: &Change) {
    if change.is_saved() {
        s.revision += 1;
    }
    match change {
        Change::SpanAdded { article, span } => edit_spans(s, article, |spans| spans.insert(span.clone())),
        Change::SpanRemoved { article, span } => edit_spans(s, article, |spans| {
            spans.remove(&span.id);
        }),
        Change::SpanChanged { article, after, .. } => edit_spans(s, article, |spans| {
            spans.replace(after.clone());
        }),
        Change::ArticleAdded { index, article } => {
            s.articles.insert((*index).min(s.articles.len()), article.clone());
        }
        Change::ArticleRemoved { article, index } => {
            if let Some(i) = s.article_index(&article.id) {
                s.articles.remove(i);
            }
            if s.analysing.as_ref().is_some_and(|a| a.article == article.id) {
                // Its result would belong to no article, or to a later one given the same id.
                s.analysing = None;
            }
            if s.open.as_ref() == Some(&article.id) {
                let next = (*index).min(s.articles.len().saturating_sub(1));
                s.open = s.articles.get(next).map(|a| a.id.clone());
                s.selection = None;
                s.selected_span = None;
            }
        }
        Change::ArticleRenamed { article, after, .. } => {
            if let Some(i) = s.article_index(article) {
                Rc::make_mut(&mut s.articles[i]).title = after.clone();
            }
        }
        Change::SuggestionsRemoved { article, items } => {
            let mut ids: Vec<SuggestionId> = items.iter().map(|p| p.id).collect();
            ids.sort_unstable();
            edit_suggestions(s, article, |list| list.remove(&ids));
        }
        Change::SuggestionsRestored { article, items } => edit_suggestions(s, article, |list| list.restore(items)),
        Change::RelationAdded { article, index, relation } => {
            edit_relations(s, article, |r| r.insert(*index, relation.clone()));
        }
        Change::RelationRemoved { article, relation, .. } => edit_relations(s, article, |r| {
            r.remove(&relation.id);
        }),
        Change::RelationChanged { article, after, .. } => edit_relations(s, article, |r| {
            if let Some((at, _)) = r.remove(&after.id) {
                r.insert(at, after.clone());
            }
        }),
        Change::LabelsChanged { after, .. } => {
            s.labels = after.clone();
            s.hidden_labels.retain(|l| after.contains(*l));
        }
        Change::Batch(changes) => changes.iter().for_each(|c| apply(s, c)),
    }
}

fn edit_suggestions(s: &mut State, id: &ArticleId, f: impl FnOnce(&mut ArticleSuggestions)) {
    let Some(article) = s.article(id).cloned() else { return };
    let list = match s.suggestions.get_mut(id) {
        Some(list) if list.fits(&article) => list,
        _ => {
            s.suggestions.insert(id.clone(), ArticleSuggestions::empty(article.text.clone()));
            s.suggestions.get_mut(id).expect("just inserted")
        }
    };
    f(list);
    if let Some(sel) = s.selected_suggestion {
        if !s.open_suggestions().iter().any(|p| p.id == sel) {
            s.selected_suggestion = None;
        }
    }
}

fn edit_relations(s: &mut State, id: &ArticleId, f: impl FnOnce(&mut crate::relation::Relations)) {
    if let Some(i) = s.article_index(id) {
        let article = Rc::make_mut(&mut s.articles[i]);
        f(&mut article.relations);
        if s.selected_relation.as_ref().is_some_and(|sel| article.relations.get(sel).is_none()) {
            s.selected_relation = None;
        }
    }
}

fn edit_spans(s: &mut State, id: &ArticleId, f: impl FnOnce(&mut crate::span::Spans)) {
    if let Some(i) = s.article_index(id) {
        let article = Rc::make_mut(&mut s.articles[i]);
        f(&mut article.spans);
        if s.selected_span.as_ref().is_some_and(|sel| article.spans.get(sel).is_none()) {
            s.selected_span = None;
        }
    }
}
