//! The reducer's part for reviewing suggestions: accepting or rejecting pending suggestions as
//! undoable steps.
//!
//! Owns: the meaning of `AcceptSuggestion`, `RejectSuggestion`, `AcceptAll` and `RejectAll`, and
//! which suggestion stays selected after one is decided. Must never: change or remove a person's
//! span (accepting only adds spans).

use super::{commit, one_step};
use crate::history::Change;
use crate::label::Label;
use crate::pending::{Pending, SuggestionId};
use crate::span::{Origin, Span};
use crate::state::State;
use crate::suggestion::Suggestion;

pub(super) fn decide_one(s: &mut State, id: SuggestionId, accept: bool) {
    let item = s.open_suggestions().iter().find(|p| p.id == id).cloned();
    decide(s, item.into_iter().collect(), accept);
}

/// Every pending suggestion of the open article, or those of one label.
pub(super) fn decide_all(s: &mut State, label: Option<Label>, accept: bool) {
    let items = s.open_suggestions().iter().filter(|p| label.is_none_or(|l| p.suggestion.label == l)).cloned().collect();
    decide(s, items, accept);
}

/// Accepts or rejects `items` (pending suggestions of the open article) as one undo step.
/// Accepting makes each a new span that keeps its label, range, attributes and provenance;
/// the person's own spans are never touched.
fn decide(s: &mut State, items: Vec<Pending>, accept: bool) {
    let Some(article) = s.view.open.clone() else { return };
    if items.is_empty() || s.document.article(&article).is_none() {
        return;
    }
    let selection = selection_after(s, &items);
    let mut changes = vec![Change::SuggestionsRemoved { article: article.clone(), items: items.clone() }];
    if accept {
        let suffix = s.document.id_suffix.clone();
        let Some(open) = s.document.article_mut(&article) else { return };
        for item in items {
            // The id counter lives in the article, so it advances even if this step is undone.
            let id = open.fresh_span_id(&suffix);
            let Suggestion { label, start, end, attributes, provenance } = item.suggestion;
            let span = Span { id, label, start, end, attributes, origin: Origin::Suggested(Some(provenance)), fragments: None };
            changes.push(Change::SpanAdded { article: article.clone(), span });
        }
    }
    commit(s, one_step(changes), None);
    s.view.selected_suggestion = selection;
}

/// Which suggestion stays selected once `removed` leave the list: the selected one if it stays;
/// if it is the one removed, the next one (or else the previous), so a person can go through
/// the list with `a` and `r` alone.
fn selection_after(s: &State, removed: &[Pending]) -> Option<SuggestionId> {
    let selected = s.view.selected_suggestion?;
    let list = s.open_suggestions();
    if !removed.iter().any(|p| p.id == selected) {
        return Some(selected);
    }
    if removed.len() != 1 {
        return None;
    }
    let at = list.iter().position(|p| p.id == selected)?;
    list.get(at + 1).or_else(|| at.checked_sub(1).and_then(|j| list.get(j))).map(|p| p.id)
}
