//! The reducer's part for reviewing suggestions: storing what the analysis found, selecting,
//! stepping, and accepting or rejecting pending suggestions as undoable steps.
//!
//! Owns: the meaning of the suggestion actions. Must never: change or remove a person's span
//! (accepting only adds spans), or store a result the state is not waiting for.

use std::rc::Rc;

use super::commit;
use crate::article::ArticleId;
use crate::history::Change;
use crate::pending::{self, Analysis, Pending, SuggestionId};
use crate::span::{Origin, Span};
use crate::state::{Notice, State};
use crate::suggestion::Suggestion;

/// Stores what the analysis found, if it is the result the state waits for and its article is
/// still open; anything else is a stale result and dropped.
pub(super) fn set_suggestions(s: &mut State, article: ArticleId, job: u64, found: Vec<Suggestion>, batch: usize, last: bool) {
    if s.analysing != Some(Analysis { article: article.clone(), job }) {
        return;
    }
    if last {
        s.analysing = None;
    }
    let Some(open) = s.open_article().filter(|a| a.id == article).cloned() else { return };
    let prepared = pending::prepare(&open, found, &mut s.next_suggestion);
    match s.suggestions.get_mut(&article).filter(|_| batch > 0) {
        Some(list) => list.merge(prepared),
        None => {
            s.suggestions.insert(article.clone(), prepared);
            s.selected_suggestion = None;
        }
    }
    if last {
        let count = s.suggestions.get(&article).map_or(0, |l| l.len());
        s.notice = Some(Notice::info(match count {
            0 => "The analysis found nothing new to suggest in this article.".to_string(),
            1 => "1 suggestion to review.".to_string(),
            n => format!("{n} suggestions to review."),
        }));
    }
}

/// The pending suggestion under a click where no span is: the first one there, or on repeated
/// clicks the one after the selected one, so overlapping suggestions can each be reached.
pub(super) fn suggestion_at(s: &State, cp: usize) -> Option<SuggestionId> {
    let list = s.open_article().and_then(|a| s.suggestions_of(a))?;
    let under: Vec<SuggestionId> = list.covering(cp).map(|p| p.id).collect();
    let after = s.selected_suggestion.and_then(|sel| under.iter().position(|&id| id == sel)).map_or(0, |i| i + 1);
    under.get(after).or(under.first()).copied()
}

pub(super) fn step_suggestion(s: &mut State, forward: bool) {
    let list = s.open_suggestions();
    if list.is_empty() {
        return;
    }
    let current = s.selected_suggestion.and_then(|id| list.iter().position(|p| p.id == id));
    let next = match (current, s.selected(), forward) {
        (Some(c), _, true) => (c + 1).min(list.len() - 1),
        (Some(c), _, false) => c.saturating_sub(1),
        // From a selected span: the nearest suggestion after (or before) its start.
        (None, Some(span), true) => list.iter().position(|p| p.suggestion.start > span.start).unwrap_or(list.len() - 1),
        (None, Some(span), false) => list.iter().rposition(|p| p.suggestion.start < span.start).unwrap_or(0),
        (None, None, true) => 0,
        (None, None, false) => list.len() - 1,
    };
    s.selected_suggestion = Some(list[next].id);
    s.selected_span = None;
}

/// Accepts or rejects `items` (pending suggestions of the open article) as one undo step.
/// Accepting makes each a new span that keeps its label, range, attributes and provenance;
/// the person's own spans are never touched.
pub(super) fn decide(s: &mut State, items: Vec<Pending>, accept: bool) {
    let Some(article) = s.open.clone() else { return };
    let Some(i) = s.article_index(&article) else { return };
    if items.is_empty() {
        return;
    }
    let selection = selection_after(s, &items);
    let mut changes = vec![Change::SuggestionsRemoved { article: article.clone(), items: items.clone() }];
    if accept {
        for item in items {
            // The id counter lives in the article, so it advances even if this step is undone.
            let id = Rc::make_mut(&mut s.articles[i]).fresh_span_id();
            let Suggestion { label, start, end, attributes, provenance } = item.suggestion;
            let span = Span { id, label, start, end, attributes, origin: Origin::Suggested(Some(provenance)), fragments: None };
            changes.push(Change::SpanAdded { article: article.clone(), span });
        }
    }
    let change = if changes.len() == 1 { changes.pop().expect("one change") } else { Change::Batch(changes) };
    commit(s, change, None);
    s.selected_suggestion = selection;
}

/// Which suggestion stays selected once `removed` leave the list: the selected one if it stays;
/// if it is the one removed, the next one (or else the previous), so a person can go through
/// the list with `a` and `r` alone.
fn selection_after(s: &State, removed: &[Pending]) -> Option<SuggestionId> {
    let selected = s.selected_suggestion?;
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
