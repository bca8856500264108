//! The reducer's part for reviewing suggestions: accepting or rejecting pending suggestions as
//! undoable steps.
//!
//! Owns: the meaning of `AcceptSuggestion`, `RejectSuggestion`, `AcceptAll` and `RejectAll`
//! (with the relations an accepted demand gets to its actor and addressee), which suggestion
//! stays selected after one is decided, and which suggestions a person's span makes redundant. Must never: change or remove a person's
//! span (accepting only adds spans).

use super::{commit, one_step};
use crate::article::Article;
use crate::history::Change;
use crate::label::Label;
use crate::pending::{self, Pending, SuggestionId};
use crate::relation::Relation;
use crate::span::{Origin, Span, SpanId};
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
/// Accepting makes each a new span that keeps its label, range, attributes and provenance,
/// unless a span of its label already covers the same words (then it only leaves the list); an
/// accepted demand whose actor or addressee is already a span's text is linked to that span,
/// as a person would link it. The person's own spans are never touched.
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
        let mut taken = pending::words_of_spans(open);
        let named = Named::find(open, &items);
        let mut relations = open.relations.len();
        for item in items {
            let Suggestion { label, start, end, attributes, provenance } = item.suggestion;
            if !taken.insert(pending::words(&open.text, label, start, end)) {
                continue;
            }
            // The id counters live in the article, so they advance even if this step is undone.
            let id = open.fresh_span_id(&suffix);
            let parties = if label == Label::Demand { [attributes.by.clone(), attributes.to.clone()] } else { Default::default() };
            let span = Span { id: id.clone(), label, start, end, attributes, origin: Origin::Suggested(Some(provenance)), fragments: None };
            changes.push(Change::SpanAdded { article: article.clone(), span });
            for (party, kind) in parties.iter().zip(["actor", "addressee"]) {
                let Some(to) = party.as_deref().and_then(|party| named.nearest(party, start)) else { continue };
                let relation = Relation { id: open.fresh_relation_id(&suffix), kind: kind.into(), from: id.clone(), to, event: None };
                changes.push(Change::RelationAdded { article: article.clone(), index: relations, relation });
                relations += 1;
            }
        }
    }
    commit(s, one_step(changes), None);
    s.view.selected_suggestion = selection;
}

/// The spans that name the parties of the demands being accepted: one pass over the article's
/// spans however many demands are accepted at once (Accept all on a long article).
struct Named {
    /// Each party once ("the union"), ASCII case ignored.
    parties: Vec<String>,
    /// (party index, span start, span id) for each span whose words are a party, in text order.
    spans: Vec<(usize, usize, SpanId)>,
}

impl Named {
    fn find(article: &Article, items: &[Pending]) -> Named {
        let mut parties: Vec<String> = Vec::new();
        for p in items.iter().filter(|p| p.suggestion.label == Label::Demand) {
            for party in [&p.suggestion.attributes.by, &p.suggestion.attributes.to].into_iter().flatten() {
                let party = party.trim();
                if !party.is_empty() && !parties.iter().any(|known| known.eq_ignore_ascii_case(party)) {
                    parties.push(party.to_string());
                }
            }
        }
        let mut spans = Vec::new();
        if !parties.is_empty() {
            for sp in article.spans.iter() {
                let (_, a, b) = pending::words(&article.text, sp.label, sp.start, sp.end);
                let words = article.text.slice(a, b);
                if let Some(i) = parties.iter().position(|party| party.eq_ignore_ascii_case(words)) {
                    spans.push((i, sp.start, sp.id.clone()));
                }
            }
        }
        Named { parties, spans }
    }

    /// The span naming `party` nearest before code point `at`, else the first after it.
    fn nearest(&self, party: &str, at: usize) -> Option<SpanId> {
        let i = self.parties.iter().position(|known| known.eq_ignore_ascii_case(party.trim()))?;
        let mut of_party = self.spans.iter().filter(|(p, _, _)| *p == i);
        let before = of_party.clone().rfind(|(_, start, _)| *start < at);
        before.or_else(|| of_party.find(|(_, start, _)| *start >= at)).map(|(_, _, id)| id.clone())
    }
}

/// Takes the open article's pending suggestions of `span`'s label over the same words as
/// `span` off the list: a change to go in the same step as the span's, or none.
#[inline(never)]
pub(super) fn same_words(s: &State, span: &Span) -> Vec<Change> {
    let Some(article) = s.open_article() else { return Vec::new() };
    let key = pending::words(&article.text, span.label, span.start, span.end);
    // Runs on every tag: only suggestions of the label that start by the words and end after
    // them (the list is in text order) can cover the same words, so only those are trimmed.
    let list = s.open_suggestions();
    let upto = list.partition_point(|p| p.suggestion.start <= key.1);
    let items: Vec<Pending> = list[..upto]
        .iter()
        .filter(|p| p.suggestion.label == span.label && p.suggestion.end >= key.2)
        .filter(|p| pending::words(&article.text, p.suggestion.label, p.suggestion.start, p.suggestion.end) == key)
        .cloned()
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![Change::SuggestionsRemoved { article: article.id.clone(), items }]
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
