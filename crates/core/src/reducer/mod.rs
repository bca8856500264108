//! The reducer: the only place the state changes.
//!
//! Owns: `reduce`, the one entry point, which sends each action to the part that owns it; the
//! transaction of a document edit (`commit`: the change is applied to each part, recorded for
//! undo and kept as the state's last change); undo and redo; and the rules checked after every
//! action (one thing selected at a time, saved settings counted as a change to save, notices
//! that no longer hold taken away). Must never: perform I/O, read the clock or generate
//! randomness; the same state and action always give the same result.

use std::rc::Rc;

use crate::action::Action;
use crate::history::{Change, MergeKey};
use crate::state::State;

mod articles;
mod import;
mod jobs;
mod labels;
mod persistence;
mod relations;
mod review;
mod spans;
mod sync;
mod view;

pub fn reduce(state: &State, action: Action) -> State {
    let mut s = state.clone();
    s.last_change = None;
    let restoring = matches!(action, Action::Restore(_));
    route(&mut s, action);
    // A span and a suggestion are never selected together: the one selected by this action wins.
    let view = &mut s.view;
    if view.selected_span.is_some() && view.selected_suggestion.is_some() {
        if view.selected_suggestion != state.view.selected_suggestion {
            view.selected_span = None;
        } else {
            view.selected_suggestion = None;
        }
    }
    // The open article and the snapping setting are saved with the workspace (restoring reads
    // them from storage, so there is nothing new to save).
    if !restoring && s.view.saved_settings() != state.view.saved_settings() {
        s.document.revision += 1;
    }
    if s.view.notice.as_ref().is_some_and(|n| !n.message.holds(&s)) {
        s.view.notice = None;
    }
    s
}

/// Sends the action to the part of the state that owns it. Every action is named here, so a new
/// one must be given a place.
fn route(s: &mut State, action: Action) {
    match action {
        Action::Restore(stored) => persistence::restore(s, stored),
        Action::RestoreFailed(why) => persistence::restore_failed(s, why),
        Action::Saved(revision) => s.persistence.saved(revision),
        Action::SaveFailed(why) => s.persistence.save_failed(why, false),
        Action::StorageFull(why) => s.persistence.save_failed(why, true),
        Action::TabNumber(n) => s.document.id_suffix = if n <= 1 { "".into() } else { format!("-{n}").into() },
        Action::Synced(synced) => sync::take_in(s, *synced),

        // Edits of the document: each becomes a recorded change, or nothing.
        Action::AddArticle { title, text } => articles::add(s, title, text),
        Action::RenameArticle(id, title) => articles::rename(s, id, title),
        Action::DeleteArticle(id) => articles::delete(s, &id),
        Action::Import(batch) => import::review(s, *batch),
        Action::MapLabel { label, target } => import::map_label(s, label, target),
        Action::ConfirmImport => import::confirm(s),
        Action::AddLabel(def) => labels::add(s, def),
        Action::UpdateLabel(def) => labels::update(s, def),
        Action::RemoveLabel(label) => labels::remove(s, label),
        Action::Tag(label) => spans::tag(s, label),
        Action::Relabel(id, label) => spans::relabel(s, &id, label),
        Action::DeleteSpan(id) => spans::delete(s, &id),
        Action::SetAttribute { span, key, value } => spans::set_attribute(s, span, key, value),
        Action::MoveEdge { edge, forward, by_word } => spans::move_edge(s, edge, forward, by_word),
        Action::AddRelation { from, to, kind } => relations::add(s, from, to, kind),
        Action::CompleteRelation => relations::complete(s),
        // While a relation is drawn, pointing at a span ends it there.
        Action::ClickAt(cp) if s.view.linking.is_some() => relations::click_while_linking(s, cp),
        Action::SelectSpan(Some(id)) if s.view.linking.is_some() => relations::end_at(s, id),
        Action::DeleteRelation(id) => relations::delete(s, &id),
        Action::SetRelationKind(id, kind) => relations::set_kind(s, &id, kind),
        Action::AcceptSuggestion(id) => review::decide_one(s, id, true),
        Action::RejectSuggestion(id) => review::decide_one(s, id, false),
        Action::AcceptAll(label) => review::decide_all(s, label, true),
        Action::RejectAll(label) => review::decide_all(s, label, false),
        Action::Undo => {
            if let Some(change) = s.document.history.take_undo() {
                let change = apply(s, change);
                s.view.show(&change);
            }
        }
        Action::Redo => {
            if let Some(change) = s.document.history.take_redo() {
                let change = apply(s, change);
                s.view.show(&change);
            }
        }

        action @ (Action::RequestSuggestions | Action::SetSuggestions { .. } | Action::SuggestionsFailed { .. }) => {
            let open = s.view.open.clone();
            for event in jobs::reduce(&mut s.jobs, &s.document, open.as_ref(), action) {
                view::after_job(&mut s.view, event);
            }
        }

        action @ (Action::OpenArticle(_)
        | Action::Select(_)
        | Action::ClickAt(_)
        | Action::SelectSpan(_)
        | Action::StepSpan { .. }
        | Action::SelectRelation(_)
        | Action::SelectSuggestion(_)
        | Action::StepSuggestion { .. }
        | Action::StartRelation
        | Action::CancelRelation
        | Action::SetSnapToWords(_)
        | Action::ToggleLabelShown(_)
        | Action::OpenDialog(_)
        | Action::CloseDialog
        | Action::Notify(_)
        | Action::DismissNotice) => view::reduce(&mut s.view, &s.document, &s.jobs, action),
    }
}

/// A document edit's transaction: applies the change to every part, records it for undo (a
/// change with the same merge key as the last step extends it) and shows its article and span.
fn commit(s: &mut State, change: Change, merge: Option<MergeKey>) {
    let change = apply(s, change);
    s.view.follow(&change);
    s.document.history.record(change, merge);
}

/// Applies a change to the document and the jobs, lets the view drop what is gone, and keeps
/// the change as the last one applied.
fn apply(s: &mut State, change: Change) -> Rc<Change> {
    let change = Rc::new(change);
    s.document.apply(&change);
    s.jobs.apply(&change, &s.document);
    s.view.after_change(&change, &s.document, &s.jobs);
    s.last_change = Some(change.clone());
    s.changes_applied += 1;
    change
}

/// Several changes as one undo step; a single change stays as it is.
fn one_step(mut changes: Vec<Change>) -> Change {
    if changes.len() == 1 {
        changes.pop().expect("one change")
    } else {
        Change::Batch(changes)
    }
}
