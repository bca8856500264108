//! Driving the reducer as the app does, for the tests of what one action leaves behind (the last
//! change, notices, the command table): a ready workspace with articles, selections by text,
//! and an analysis that answers with chosen suggestions.
//!
//! Owns: these shortcuts only. Must never: reach into the state other than through actions.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use newsmark_core::{
    reduce, Action, Attributes, Confidence, CpRange, Label, LabelSet, Provenance, SpanId, State, StoredWorkspace, Suggestion,
};

pub fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

/// A ready workspace with these articles (title, text), the last one open.
pub fn with_articles(articles: &[(&str, &str)]) -> State {
    let empty = StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() };
    let adds = articles.iter().map(|(title, text)| Action::AddArticle { title: title.to_string(), text: text.to_string() });
    run(reduce(&State::default(), Action::Restore(Some(empty))), adds)
}

/// Code points of the first occurrence of `needle` in the open article.
pub fn at(s: &State, needle: &str) -> CpRange {
    let text = s.open_article().expect("an open article").text.as_str();
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let start = text[..byte].chars().count();
    CpRange::new(start, start + needle.chars().count())
}

/// Selects `needle` and tags it; returns the state and the new span's id.
pub fn tag(s: State, needle: &str, label: Label) -> (State, SpanId) {
    let range = at(&s, needle);
    let s = run(s, [Action::Select(Some(range)), Action::Tag(label)]);
    let id = s.view.selected_span.clone().expect("the new span is selected");
    (s, id)
}

/// Presses Suggest, and the analysis answers with a suggestion of `label` for each needle.
pub fn suggest(s: State, found: &[(Label, &str)]) -> State {
    let suggestions = found
        .iter()
        .map(|&(label, needle)| {
            let r = at(&s, needle);
            Suggestion {
                label,
                start: r.start,
                end: r.end,
                attributes: Attributes::default(),
                provenance: Provenance { confidence: Confidence::from_permille(900), reason: "test".into() },
            }
        })
        .collect();
    let s = reduce(&s, Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().expect("Suggest starts an analysis");
    reduce(&s, Action::SetSuggestions { article: job.article, job: job.job, suggestions, batch: 0, last: true })
}
