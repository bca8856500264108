//! The view part's reducer: opening an article, selecting text, spans, suggestions and
//! relations (by click, list or keyboard step), starting and cancelling a relation drawing,
//! dialogs, the notice, the label filter and the snapping setting; and the view's reaction to a
//! job's news (`after_job`).
//!
//! Owns: the meaning of every action that changes only what the person looks at. Must never:
//! change the document or the jobs (it reads them only), so none of these actions is an undo
//! step or needs a save (except the open article and the snapping setting, which the reducer
//! counts as a change to save).

use super::jobs::JobEvent;
use crate::action::Action;
use crate::pending::SuggestionId;
use crate::range::CpRange;
use crate::snap::snap_selection;
use crate::span::SpanId;
use crate::state::{Dialog, Document, Jobs, Linking, Message, Notice, View};

pub(super) fn reduce(view: &mut View, document: &Document, jobs: &Jobs, action: Action) {
    match action {
        Action::OpenArticle(id) if document.article(&id).is_some() && view.open.as_ref() != Some(&id) => {
            view.open = Some(id);
            view.selection = None;
            view.selected_span = None;
            view.selected_suggestion = None;
            view.selected_relation = None;
            view.linking = None;
        }
        Action::Select(range) => {
            view.selection = match (range, view.open_article(document)) {
                (Some(r), Some(article)) => snap_selection(&article.text, r.start, r.end, view.snap_to_words).map(CpRange::from),
                _ => None,
            };
        }
        Action::ClickAt(cp) => click_at(view, document, jobs, cp),
        Action::SelectSpan(id) => {
            view.selected_span = id.filter(|id| view.open_article(document).is_some_and(|a| a.spans.get(id).is_some()));
            view.reveal += 1;
            // Escape deselects whatever is selected.
            view.selected_suggestion = None;
            if matches!(view.dialog, Some(Dialog::ChooseSpan { .. })) {
                view.dialog = None;
            }
        }
        Action::StepSpan { forward } => {
            step_span(view, document, forward);
            view.reveal += 1;
        }
        Action::SelectRelation(id) => {
            view.selected_relation = id.filter(|id| view.open_article(document).is_some_and(|a| a.relations.get(id).is_some()));
        }
        Action::SelectSuggestion(id) => {
            let list = jobs.pending_in(view.open_article(document).map(|a| &**a));
            view.selected_suggestion = id.filter(|id| list.iter().any(|p| p.id == *id));
            view.selected_span = None;
            view.reveal += 1;
        }
        Action::StepSuggestion { forward } => {
            step_suggestion(view, document, jobs, forward);
            view.reveal += 1;
        }
        // The article view shows how to end or cancel the relation while it is drawn.
        Action::StartRelation => {
            if let Some(from) = view.selected(document).map(|s| s.id.clone()) {
                view.linking = Some(Linking { from, target: None });
            }
        }
        Action::CancelRelation => view.linking = None,
        Action::SetSnapToWords(on) => view.snap_to_words = on,
        Action::ToggleLabelShown(label) => {
            if let Some(i) = view.hidden_labels.iter().position(|l| *l == label) {
                view.hidden_labels.remove(i);
            } else {
                view.hidden_labels.push(label);
            }
        }
        Action::OpenDialog(dialog) => view.dialog = Some(dialog),
        Action::CloseDialog => view.dialog = None,
        Action::Notify(notice) => view.notice = Some(notice),
        Action::DismissNotice => view.notice = None,
        // Every other action belongs to another part (see `reducer::route`).
        _ => {}
    }
}

/// The view's reaction to a step of the analysis job.
pub(super) fn after_job(view: &mut View, event: JobEvent) {
    match event {
        JobEvent::ListReplaced => view.selected_suggestion = None,
        JobEvent::Finished { article, count } => view.notice = Some(Notice::info(Message::AnalysisDone { article, count })),
        JobEvent::Failed { why } => view.notice = Some(Notice::error(Message::AnalysisFailed { why })),
    }
}

/// A click where no relation is being drawn: selects the span there, offers a choice when
/// several overlap, or else selects the pending suggestion there.
fn click_at(view: &mut View, document: &Document, jobs: &Jobs, cp: usize) {
    let under: Vec<SpanId> = view
        .open_article(document)
        .map(|a| a.spans.covering(cp).filter(|sp| view.label_shown(sp.label)).map(|sp| sp.id.clone()).collect())
        .unwrap_or_default();
    match under.len() {
        0 => {
            view.selected_span = None;
            view.selected_suggestion = suggestion_at(view, document, jobs, cp);
        }
        1 => view.selected_span = under.into_iter().next(),
        _ => view.dialog = Some(Dialog::ChooseSpan { candidates: under }),
    }
}

/// The pending suggestion under a click where no span is: the first one there, or on repeated
/// clicks the one after the selected one, so overlapping suggestions can each be reached.
fn suggestion_at(view: &View, document: &Document, jobs: &Jobs, cp: usize) -> Option<SuggestionId> {
    let list = view.open_article(document).and_then(|a| jobs.suggestions_of(a))?;
    let under: Vec<SuggestionId> = list.covering(cp).map(|p| p.id).collect();
    let after = view.selected_suggestion.and_then(|sel| under.iter().position(|&id| id == sel)).map_or(0, |i| i + 1);
    under.get(after).or(under.first()).copied()
}

/// Selects the next (or previous) shown span; while a relation is drawn, moves its end instead.
fn step_span(view: &mut View, document: &Document, forward: bool) {
    let Some(article) = view.open_article(document) else { return };
    let all = article.spans.as_slice();
    let linking = view.linking.as_ref();
    let selected = linking.map_or(view.selected_span.as_ref(), |l| l.target.as_ref().or(Some(&l.from)));
    // Position in the full list, so stepping works even from a span the filter now hides.
    let current = selected.and_then(|id| article.spans.position(id));
    let shown = |i: &usize| view.label_shown(all[*i].label);
    let next = match (current, forward) {
        (None, true) => (0..all.len()).find(shown),
        (None, false) => (0..all.len()).rev().find(shown),
        (Some(c), true) => (c + 1..all.len()).find(shown).or(Some(c).filter(shown)),
        (Some(c), false) => (0..c).rev().find(shown).or(Some(c).filter(shown)),
    };
    if let Some(i) = next {
        let id = all[i].id.clone();
        match &mut view.linking {
            Some(l) if l.from != id => l.target = Some(id),
            Some(_) => {}
            None => view.selected_span = Some(id),
        }
    }
}

/// Selects the next (or previous) pending suggestion; from a selected span, the nearest one
/// after (or before) it.
fn step_suggestion(view: &mut View, document: &Document, jobs: &Jobs, forward: bool) {
    let list = jobs.pending_in(view.open_article(document).map(|a| &**a));
    if list.is_empty() {
        return;
    }
    let current = view.selected_suggestion.and_then(|id| list.iter().position(|p| p.id == id));
    let next = match (current, view.selected(document), forward) {
        (Some(c), _, true) => (c + 1).min(list.len() - 1),
        (Some(c), _, false) => c.saturating_sub(1),
        (None, Some(span), true) => list.iter().position(|p| p.suggestion.start > span.start).unwrap_or(list.len() - 1),
        (None, Some(span), false) => list.iter().rposition(|p| p.suggestion.start < span.start).unwrap_or(0),
        (None, None, true) => 0,
        (None, None, false) => list.len() - 1,
    };
    view.selected_suggestion = Some(list[next].id);
    view.selected_span = None;
}
