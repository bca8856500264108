//! Suggestions through the reducer, as the app drives it: Suggest, the analysis result coming
//! back (or coming back late), accepting and rejecting one, per label and all, stepping, clicks,
//! and undo and redo of every step. The person's own spans must never change.

use newsmark_core::LabelSet;
use newsmark_core::{
    reduce, Action, ArticleId, Attributes, Confidence, CpRange, Label, Message, Notice, Origin, Provenance, SpanId, State, Suggestion,
    SuggestionId,
};

const TEXT: &str = "“We will fight on,” said Mara Lindqvist. Critics demand an audit. “It is over,” Lee said.";

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

fn workspace() -> newsmark_core::StoredWorkspace {
    newsmark_core::StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() }
}

fn with_article(text: &str) -> State {
    run(State::default(), [Action::Restore(Some(workspace())), Action::AddArticle { title: "T".into(), text: text.into() }])
}

/// Code points of the first occurrence of `needle` in TEXT.
fn range(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn suggestion(label: Label, needle: &str, speaker: Option<&str>, permille: u16, reason: &str) -> Suggestion {
    let (start, end) = range(needle);
    let attributes = Attributes { speaker: speaker.map(str::to_string), ..Attributes::default() };
    Suggestion {
        label,
        start,
        end,
        attributes,
        provenance: Provenance { confidence: Confidence::from_permille(permille), reason: reason.into() },
    }
}

fn found() -> Vec<Suggestion> {
    vec![
        suggestion(Label::Quote, "“We will fight on,”", Some("Mara Lindqvist"), 950, "closing quote followed by 'said' and a name"),
        suggestion(Label::Demand, "Critics demand an audit.", None, 600, "'demand' after a group"),
        suggestion(Label::Quote, "“It is over,”", Some("Lee"), 900, "closing quote followed by a name and 'said'"),
    ]
}

/// Presses Suggest and delivers what the analysis found for the job the state asked for.
fn suggest(s: State, suggestions: Vec<Suggestion>) -> State {
    let s = reduce(&s, Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().expect("Suggest starts an analysis");
    reduce(&s, Action::SetSuggestions { article: job.article, job: job.job, suggestions, batch: 0, last: true })
}

/// The open article's pending suggestions as (label, text).
fn pending(s: &State) -> Vec<(Label, String)> {
    let a = s.open_article().unwrap();
    s.open_suggestions().iter().map(|p| (p.suggestion.label, a.text.slice(p.suggestion.start, p.suggestion.end).to_string())).collect()
}

fn spans(s: &State) -> Vec<(Label, String)> {
    let a = s.open_article().unwrap();
    a.spans.iter().map(|sp| (sp.label, a.span_text(sp).to_string())).collect()
}

fn id_of(s: &State, text: &str) -> SuggestionId {
    let a = s.open_article().unwrap();
    s.open_suggestions().iter().find(|p| a.text.slice(p.suggestion.start, p.suggestion.end) == text).expect(text).id
}

fn q(text: &str) -> (Label, String) {
    (Label::Quote, text.to_string())
}

#[test]
fn suggest_runs_once_and_stores_the_result_for_the_open_article() {
    let s = reduce(&with_article(TEXT), Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().unwrap();
    assert_eq!(Some(&job.article), s.view.open.as_ref());
    assert!(s.analysing_open());
    // A second press while it runs is ignored.
    let again = reduce(&s, Action::RequestSuggestions);
    assert_eq!(again.jobs.analysing, s.jobs.analysing);
    let revision = s.document.revision;
    let s = reduce(&s, Action::SetSuggestions { article: job.article, job: job.job, suggestions: found(), batch: 0, last: true });
    assert_eq!(s.jobs.analysing, None);
    assert_eq!(pending(&s), vec![q("“We will fight on,”"), (Label::Demand, "Critics demand an audit.".into()), q("“It is over,”")]);
    let article = s.view.open.clone().unwrap();
    assert_eq!(s.view.notice, Some(Notice::info(Message::AnalysisDone { article, count: 3 })));
    assert_eq!(s.document.revision, revision, "pending suggestions are not saved");
    assert!(spans(&s).is_empty(), "nothing becomes a span until accepted");
}

#[test]
fn results_in_batches_add_up_and_only_the_last_ends_the_job() {
    let s = reduce(&with_article(TEXT), Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().unwrap();
    let all = found();
    assert!(all.len() >= 2, "the fixture has several suggestions");
    let head = &all[..1];
    let batch = |suggestions: &[Suggestion], batch, last| Action::SetSuggestions {
        article: job.article.clone(),
        job: job.job,
        suggestions: suggestions.to_vec(),
        batch,
        last,
    };
    let s = reduce(&s, batch(head, 0, false));
    assert_eq!(s.open_suggestions().len(), 1);
    assert!(s.jobs.analysing.is_some(), "still running until the last batch");
    // A repeated suggestion across batches is listed once.
    let s = reduce(&s, batch(&all, 1, true));
    assert_eq!(s.open_suggestions().len(), all.len());
    assert_eq!(s.jobs.analysing, None);
    let starts: Vec<usize> = s.open_suggestions().iter().map(|p| p.suggestion.start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "text order kept: {starts:?}");
    assert!(s.view.notice.as_ref().is_some_and(|n| matches!(n.message, Message::AnalysisDone { count, .. } if count == all.len())));
}

#[test]
fn suggest_without_an_article_does_nothing() {
    let s = run(State::default(), [Action::Restore(Some(workspace())), Action::RequestSuggestions]);
    assert_eq!(s.jobs.analysing, None);
}

#[test]
fn results_for_an_article_no_longer_open_or_of_an_older_job_are_dropped() {
    let s = run(with_article(TEXT), [Action::AddArticle { title: "Other".into(), text: "Another text.".into() }]);
    let first = s.document.articles[0].id.clone();
    let second = s.document.articles[1].id.clone();
    let s = run(s, [Action::OpenArticle(first.clone()), Action::RequestSuggestions]);
    let job = s.jobs.analysing.clone().unwrap();
    // The person opens another article while the analysis runs.
    let s = reduce(&s, Action::OpenArticle(second.clone()));
    assert!(!s.analysing_open(), "no progress is shown for the other article");
    let s = reduce(&s, Action::SetSuggestions { article: first.clone(), job: job.job, suggestions: found(), batch: 0, last: true });
    assert_eq!(s.jobs.analysing, None);
    assert!(s.jobs.suggestions.is_empty(), "the result for another article is dropped");
    // Suggest on the first article, then again after switching: the older job's result is stale.
    let s = run(s, [Action::OpenArticle(first.clone()), Action::RequestSuggestions]);
    let old = s.jobs.analysing.clone().unwrap();
    let s = run(s, [Action::OpenArticle(second), Action::RequestSuggestions, Action::OpenArticle(first.clone())]);
    let s = reduce(&s, Action::SetSuggestions { article: first.clone(), job: old.job, suggestions: found(), batch: 0, last: true });
    assert!(s.open_suggestions().is_empty());
    // A result nobody asked for changes nothing.
    let s2 = reduce(&s, Action::SetSuggestions { article: first, job: 999, suggestions: found(), batch: 0, last: true });
    assert_eq!(s2, s);
}

#[test]
fn deleting_the_article_under_analysis_drops_its_result() {
    let s = reduce(&with_article(TEXT), Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().unwrap();
    let s = reduce(&s, Action::DeleteArticle(job.article.clone()));
    assert_eq!(s.jobs.analysing, None);
    let s =
        run(s, [Action::Undo, Action::SetSuggestions { article: job.article, job: job.job, suggestions: found(), batch: 0, last: true }]);
    assert!(s.open_suggestions().is_empty());
}

#[test]
fn a_failed_analysis_says_why_and_ends() {
    let s = reduce(&with_article(TEXT), Action::RequestSuggestions);
    let job = s.jobs.analysing.clone().unwrap();
    let s = reduce(&s, Action::SuggestionsFailed { article: job.article, job: job.job, why: "the worker stopped".into() });
    assert_eq!(s.jobs.analysing, None);
    assert_eq!(s.view.notice, Some(Notice::error(Message::AnalysisFailed { why: "the worker stopped".into() })));
}

#[test]
fn suggestions_that_already_are_spans_are_not_suggested_again() {
    let s = with_article(TEXT);
    let (a, b) = range("“It is over,”");
    let s = run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(Label::Quote)]);
    let s = suggest(s, found());
    assert_eq!(pending(&s).len(), 2);
    assert!(!pending(&s).contains(&q("“It is over,”")));
}

#[test]
fn accepting_makes_a_suggested_span_that_keeps_attributes_and_provenance() {
    let s = suggest(with_article(TEXT), found());
    let revision = s.document.revision;
    let id = id_of(&s, "“We will fight on,”");
    let s = reduce(&s, Action::AcceptSuggestion(id));
    assert_eq!(spans(&s), vec![q("“We will fight on,”")]);
    let span = &s.open_article().unwrap().spans.as_slice()[0];
    assert_eq!(span.id, SpanId::new("s1"));
    assert_eq!(span.attributes.speaker.as_deref(), Some("Mara Lindqvist"));
    let provenance = span.origin.provenance().expect("the provenance is kept");
    assert_eq!(provenance.confidence.permille(), 950);
    assert_eq!(&*provenance.reason, "closing quote followed by 'said' and a name");
    assert_eq!(pending(&s).len(), 2, "the suggestion left the list");
    assert!(s.document.revision > revision, "an accepted span is saved");
    assert!(s.document.history.can_undo());
}

#[test]
fn rejecting_removes_the_suggestion_only_and_undo_brings_it_back_selected() {
    let s = suggest(with_article(TEXT), found());
    let revision = s.document.revision;
    let id = id_of(&s, "Critics demand an audit.");
    let s = reduce(&s, Action::RejectSuggestion(id));
    assert_eq!(pending(&s), vec![q("“We will fight on,”"), q("“It is over,”")]);
    assert!(spans(&s).is_empty());
    assert_eq!(s.document.revision, revision, "nothing to save");
    let s = reduce(&s, Action::Undo);
    assert_eq!(pending(&s).len(), 3);
    assert_eq!(s.view.selected_suggestion, Some(id), "undo shows what came back");
    let s = reduce(&s, Action::Redo);
    assert_eq!(pending(&s).len(), 2);
}

#[test]
fn accept_and_reject_by_keys_walk_through_the_list() {
    let s = suggest(with_article(TEXT), found());
    // n selects the first; accepting it selects the next; rejecting that selects the next.
    let s = reduce(&s, Action::StepSuggestion { forward: true });
    let first = s.view.selected_suggestion.unwrap();
    assert_eq!(first, id_of(&s, "“We will fight on,”"));
    let s = reduce(&s, Action::AcceptSuggestion(first));
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "Critics demand an audit.")));
    let s = reduce(&s, Action::RejectSuggestion(s.view.selected_suggestion.unwrap()));
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“It is over,”")));
    // The last one: the previous one would be selected, but none is left.
    let s = reduce(&s, Action::AcceptSuggestion(s.view.selected_suggestion.unwrap()));
    assert_eq!(s.view.selected_suggestion, None);
    assert_eq!(spans(&s), vec![q("“We will fight on,”"), q("“It is over,”")]);
    // Undo, one step at a time, in reverse.
    let s = reduce(&s, Action::Undo);
    assert_eq!(spans(&s), vec![q("“We will fight on,”")]);
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“It is over,”")));
    let s = run(s, [Action::Undo, Action::Undo]);
    assert!(spans(&s).is_empty());
    assert_eq!(pending(&s).len(), 3);
}

#[test]
fn stepping_stays_at_the_ends_and_starts_from_a_selected_span() {
    let s = suggest(with_article(TEXT), found());
    let s = reduce(&s, Action::StepSuggestion { forward: false });
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“It is over,”")), "p with nothing selected: the last");
    let s = reduce(&s, Action::StepSuggestion { forward: true });
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“It is over,”")), "stays at the end");
    let s = run(
        s,
        [Action::StepSuggestion { forward: false }, Action::StepSuggestion { forward: false }, Action::StepSuggestion { forward: false }],
    );
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“We will fight on,”")), "stays at the start");
    // A span in the middle of the text selected: n goes to the next suggestion after it.
    let (a, b) = range("audit");
    let s = run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(Label::Claim)]);
    assert!(s.view.selected_span.is_some() && s.view.selected_suggestion.is_none(), "a span and a suggestion are never both selected");
    let s = reduce(&s, Action::StepSuggestion { forward: true });
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“It is over,”")));
    assert_eq!(s.view.selected_span, None);
}

#[test]
fn accept_all_is_one_undo_step_and_leaves_the_persons_spans_alone() {
    let s = with_article(TEXT);
    // The person's own overlapping span, with an attribute.
    let (a, b) = range("Mara Lindqvist. Critics");
    let s = run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(Label::Claim)]);
    let own = s.selected().unwrap().clone();
    let s = run(s, [Action::SetAttribute { span: own.id.clone(), key: newsmark_core::AttributeKey::Source, value: "me".into() }]);
    let own = s.open_article().unwrap().spans.get(&own.id).unwrap().clone();
    let s = suggest(s, found());
    let depth = s.document.history.undo_depth();
    let s = reduce(&s, Action::AcceptAll(None));
    assert!(pending(&s).is_empty());
    assert_eq!(s.document.history.undo_depth(), depth + 1, "one step");
    let article = s.open_article().unwrap();
    assert_eq!(article.spans.len(), 4);
    assert_eq!(article.spans.get(&own.id), Some(&own), "the person's span is unchanged");
    let suggested: Vec<_> = article.spans.iter().filter(|sp| sp.origin.is_suggested()).collect();
    assert_eq!(suggested.len(), 3);
    assert!(suggested.iter().all(|sp| sp.origin.provenance().is_some()));
    // Undo of accept-all brings every suggestion back and removes every accepted span.
    let undone = reduce(&s, Action::Undo);
    assert_eq!(pending(&undone).len(), 3);
    assert_eq!(undone.open_article().unwrap().spans.as_slice(), std::slice::from_ref(&own));
    let redone = reduce(&undone, Action::Redo);
    assert_eq!(spans(&redone), spans(&s));
    assert!(pending(&redone).is_empty());
}

#[test]
fn accept_and_reject_all_of_one_label() {
    let s = suggest(with_article(TEXT), found());
    let s = reduce(&s, Action::RejectAll(Some(Label::Demand)));
    assert_eq!(pending(&s), vec![q("“We will fight on,”"), q("“It is over,”")]);
    let s = reduce(&s, Action::AcceptAll(Some(Label::Claim)));
    assert_eq!(pending(&s).len(), 2, "no claim to accept: nothing happens");
    let depth = s.document.history.undo_depth();
    let s = reduce(&s, Action::AcceptAll(Some(Label::Quote)));
    assert_eq!(s.document.history.undo_depth(), depth + 1);
    assert_eq!(spans(&s), vec![q("“We will fight on,”"), q("“It is over,”")]);
    let s = run(s, [Action::Undo, Action::Undo]);
    assert_eq!(pending(&s).len(), 3);
    let s = reduce(&s, Action::RejectAll(None));
    assert!(pending(&s).is_empty());
    assert!(spans(&s).is_empty());
    let s = reduce(&s, Action::Undo);
    assert_eq!(pending(&s).len(), 3);
}

#[test]
fn clicking_selects_a_suggestion_where_no_span_is_and_cycles_through_overlaps() {
    let mut found = found();
    found.push(suggestion(Label::Opinion, "We will fight on", None, 300, "hedge"));
    let s = suggest(with_article(TEXT), found);
    let inside = range("fight").0;
    let s = reduce(&s, Action::ClickAt(inside));
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“We will fight on,”")));
    let s = reduce(&s, Action::ClickAt(inside));
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "We will fight on")));
    let s = reduce(&s, Action::ClickAt(inside));
    assert_eq!(s.view.selected_suggestion, Some(id_of(&s, "“We will fight on,”")));
    // A span under the click wins: suggestions never hide the person's spans.
    let (a, b) = range("fight");
    let s =
        run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(Label::Claim), Action::SelectSpan(None), Action::ClickAt(inside)]);
    assert!(s.view.selected_span.is_some());
    assert_eq!(s.view.selected_suggestion, None);
    // Nothing under the click deselects.
    let last = id_of(&s, "“It is over,”");
    let s = run(s, [Action::SelectSuggestion(Some(last)), Action::ClickAt(range("said").0)]);
    assert_eq!((s.view.selected_span.clone(), s.view.selected_suggestion), (None, None));
}

#[test]
fn suggestions_stay_with_their_article() {
    let s = suggest(with_article(TEXT), found());
    let first = s.view.open.clone().unwrap();
    let s = run(s, [Action::AddArticle { title: "Other".into(), text: "Other text.".into() }]);
    assert!(s.open_suggestions().is_empty());
    let s = reduce(&s, Action::OpenArticle(first));
    assert_eq!(pending(&s).len(), 3);
    // Escape deselects a selected suggestion too.
    let s = run(s, [Action::StepSuggestion { forward: true }, Action::SelectSpan(None)]);
    assert_eq!(s.view.selected_suggestion, None);
}

#[test]
fn a_reused_article_id_does_not_inherit_suggestions() {
    let s = suggest(with_article(TEXT), found());
    let id = s.view.open.clone().unwrap();
    let s = reduce(&s, Action::DeleteArticle(id.clone()));
    let file = format!(
        r#"{{"format": "newsmark-labelled-json", "version": 1, "exported_at": "t",
            "documents": [{{"id": "{}", "title": "New", "text": "Something else entirely, much longer than before.", "spans": []}}]}}"#,
        id.as_str()
    );
    let s = reduce(&s, Action::Import(Box::new(newsmark_core::format::import_json(&file, &LabelSet::builtin()).unwrap())));
    assert_eq!(s.view.open, Some(ArticleId::new(id.as_str())));
    assert!(s.open_suggestions().is_empty());
    // Undoing the import and the deletion brings back the article with its suggestions.
    let s = run(s, [Action::Undo, Action::Undo]);
    assert_eq!(pending(&s).len(), 3);
}

#[test]
fn accepted_spans_export_as_suggested_with_confidence_and_reason() {
    let s = suggest(with_article(TEXT), found());
    let s = reduce(&s, Action::AcceptSuggestion(id_of(&s, "“It is over,”")));
    let json = newsmark_core::format::export_json(&[s.open_article().unwrap()], &LabelSet::builtin(), "t");
    let file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let span = &file["documents"][0]["spans"][0];
    assert_eq!(span["origin"], "suggested");
    assert_eq!(span["confidence"], 0.9);
    assert_eq!(span["reason"], "closing quote followed by a name and 'said'");
    assert_eq!(span["attributes"]["speaker"], "Lee");
    assert!(matches!(s.open_article().unwrap().spans.as_slice()[0].origin, Origin::Suggested(Some(_))));
}

mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// Whatever the analysis returns (ranges past the text, empty, splitting a character,
        /// with outer whitespace) and whatever a person then does with it, every span stays
        /// valid, the person's own spans never change, a span and a suggestion are never both
        /// selected, and undoing everything gives back the person's spans and every suggestion.
        #[test]
        fn any_review_keeps_the_persons_spans_and_undoes_completely(
            text in "[a-z “”😀\u{301}\r\n ]{1,60}",
            own in proptest::collection::vec((0usize..70, 0usize..70, 0usize..4), 0..4),
            found in proptest::collection::vec((0usize..75, 0usize..75, 0usize..4), 0..12),
            ops in proptest::collection::vec((0u8..9, 0usize..70, 0usize..5), 1..30),
        ) {
            prop_assume!(!text.trim().is_empty());
            let mut s = with_article(&text);
            for (a, b, l) in own {
                s = run(s, [Action::Select(Some(CpRange::new(a, b))), Action::Tag(Label::BUILTIN[l]), Action::SelectSpan(None)]);
            }
            let manual: Vec<_> = s.open_article().unwrap().spans.iter().cloned().collect();
            let provenance = Provenance { confidence: Confidence::from_permille(500), reason: "r".into() };
            let found = found
                .into_iter()
                .map(|(a, b, l)| Suggestion { label: Label::BUILTIN[l], start: a, end: b, attributes: Attributes::default(), provenance: provenance.clone() })
                .collect();
            s = suggest(s, found);
            let prepared = s.open_suggestions().to_vec();
            let depth = s.document.history.undo_depth();
            for (op, a, l) in ops {
                let label = Label::BUILTIN.get(l).copied();
                let pick = s.open_suggestions().get(a % s.open_suggestions().len().max(1)).map(|p| p.id);
                let action = match (op, pick) {
                    (0, Some(id)) => Action::AcceptSuggestion(id),
                    (1, Some(id)) => Action::RejectSuggestion(id),
                    (2, _) => Action::AcceptAll(label),
                    (3, _) => Action::RejectAll(label),
                    (4, _) => Action::StepSuggestion { forward: a % 2 == 0 },
                    (5, _) => Action::ClickAt(a),
                    // Only this review's steps: further back the article itself was added.
                    (6, _) if s.document.history.undo_depth() > depth => Action::Undo,
                    (6, _) => continue,
                    (7, _) => Action::Redo,
                    _ => Action::StepSpan { forward: a % 2 == 0 },
                };
                s = run(s, [action, Action::CloseDialog]);
                prop_assert!(s.view.selected_span.is_none() || s.view.selected_suggestion.is_none());
                let article = s.open_article().unwrap();
                let len = article.text.len();
                for span in &article.spans {
                    prop_assert!(span.start < span.end && span.end <= len);
                    prop_assert!(article.span_text(span).trim() == article.span_text(span), "no outer whitespace");
                    prop_assert!(span.origin == Origin::Manual || span.origin.provenance().is_some());
                }
                let still: Vec<_> = article.spans.iter().filter(|sp| sp.origin == Origin::Manual).cloned().collect();
                prop_assert_eq!(&still, &manual);
            }
            while s.document.history.undo_depth() > depth {
                s = reduce(&s, Action::Undo);
            }
            prop_assert_eq!(s.open_article().unwrap().spans.as_slice(), manual.as_slice());
            prop_assert_eq!(s.open_suggestions(), prepared.as_slice());
        }
    }
}
