//! The reducer, driven as the app drives it: actions in, state out.

use newsmark_core::format::import_json;
use newsmark_core::snap::Edge;
use newsmark_core::LabelSet;
use newsmark_core::{
    reduce, Action, ArticleId, AttributeKey, CpRange, Dialog, Label, LabelDef, Message, Notice, NoticeKind, Persistence, SpanId, State,
    TextRefusal,
};
use proptest::prelude::*;

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

/// A ready, empty workspace with one article open.
fn with_article(text: &str) -> State {
    run(State::default(), [Action::Restore(Some(empty_workspace())), Action::AddArticle { title: "T".into(), text: text.into() }])
}

fn empty_workspace() -> newsmark_core::StoredWorkspace {
    newsmark_core::StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() }
}

fn spans(s: &State) -> Vec<(Label, String)> {
    let a = s.open_article().unwrap();
    a.spans.iter().map(|sp| (sp.label, a.span_text(sp).to_string())).collect()
}

#[test]
fn first_visit_opens_the_sample_and_saves_it() {
    let s = reduce(&State::default(), Action::Restore(None));
    assert_eq!(s.document.articles.len(), 1);
    assert!(s.open_article().unwrap().title.starts_with("Sample"));
    assert!(!s.is_saved(), "the sample must be written to storage");
    let s = reduce(&s, Action::Saved(s.document.revision));
    assert!(s.is_saved());
}

#[test]
fn a_failed_restore_never_allows_saving_over_storage() {
    let s = reduce(&State::default(), Action::RestoreFailed("damaged".into()));
    assert_eq!(s.persistence, Persistence::Unavailable("damaged".into()));
    assert_eq!(s.view.notice.as_ref().unwrap().kind, NoticeKind::Error);
    // Work goes on in memory, but nothing marks storage as ready or the work as saved.
    let s = run(s, [Action::AddArticle { title: String::new(), text: "x".into() }, Action::Restore(None), Action::Saved(99)]);
    assert_eq!(s.persistence, Persistence::Unavailable("damaged".into()));
    assert_eq!(s.document.articles.len(), 1);
    assert!(!s.is_saved());
}

#[test]
fn tagging_snaps_to_words_and_trims() {
    let s = with_article("  Officials said the plan failed.  ");
    // "ials said th" snaps out to "Officials said the".
    let s = run(s, [Action::Select(Some(CpRange::new(6, 18))), Action::Tag(Label::Claim)]);
    assert_eq!(spans(&s), vec![(Label::Claim, "Officials said the".to_string())]);
    assert_eq!(s.view.selection, None);
    assert!(s.view.selected_span.is_some(), "a new span is selected");
    // Without snapping, only whitespace is trimmed.
    let s = run(s, [Action::SetSnapToWords(false), Action::Select(Some(CpRange::new(20, 27))), Action::Tag(Label::Opinion)]);
    assert_eq!(spans(&s)[1], (Label::Opinion, "plan f".to_string()));
}

#[test]
fn a_whitespace_selection_tags_nothing() {
    let s = with_article("a   b");
    let s = run(s, [Action::Select(Some(CpRange::new(1, 4))), Action::Tag(Label::Claim)]);
    assert!(spans(&s).is_empty());
}

#[test]
fn tag_without_selection_relabels_the_selected_span_and_undo_redo_walk_back_and_forth() {
    let s = with_article("The minister said taxes will fall.");
    let s = run(s, [Action::Select(Some(CpRange::new(0, 12))), Action::Tag(Label::Claim), Action::Tag(Label::Quote)]);
    assert_eq!(spans(&s), vec![(Label::Quote, "The minister".to_string())]);
    let undone = reduce(&s, Action::Undo);
    assert_eq!(spans(&undone), vec![(Label::Claim, "The minister".to_string())]);
    let undone = reduce(&undone, Action::Undo);
    assert!(spans(&undone).is_empty());
    let redone = run(undone, [Action::Redo, Action::Redo]);
    assert_eq!(spans(&redone), spans(&s));
    assert!(!redone.document.history.can_redo());
}

#[test]
fn overlapping_and_nested_spans_coexist_and_clicks_offer_a_choice() {
    let s = with_article("Union leaders demanded a pay rise of ten percent.");
    let s = run(
        s,
        [
            Action::Select(Some(CpRange::new(0, 49))),
            Action::Tag(Label::Demand),
            Action::Select(Some(CpRange::new(23, 48))),
            Action::Tag(Label::Claim),
            Action::SelectSpan(None),
            Action::ClickAt(30),
        ],
    );
    assert_eq!(spans(&s).len(), 2);
    match &s.view.dialog {
        Some(Dialog::ChooseSpan { candidates }) => assert_eq!(candidates.len(), 2),
        other => panic!("expected a choice, got {other:?}"),
    }
    let s = reduce(&s, Action::ClickAt(5));
    assert_eq!(s.selected().unwrap().label, Label::Demand);
    // Choosing the selected span again (from a list) still asks the view to show it.
    let id = s.view.selected_span.clone();
    let again = run(s.clone(), [Action::SelectSpan(id.clone()), Action::SelectSpan(id)]);
    assert_eq!(again.view.reveal, s.view.reveal + 2);
}

#[test]
fn stepping_walks_spans_in_text_order_and_respects_the_filter() {
    let s = with_article("one two three four");
    let s = run(
        s,
        [
            Action::Select(Some(CpRange::new(8, 13))),
            Action::Tag(Label::Quote),
            Action::Select(Some(CpRange::new(0, 3))),
            Action::Tag(Label::Claim),
            Action::Select(Some(CpRange::new(14, 18))),
            Action::Tag(Label::Claim),
            Action::SelectSpan(None),
        ],
    );
    let texts = |s: &State| s.selected().map(|sp| s.open_article().unwrap().span_text(sp).to_string());
    let s = reduce(&s, Action::StepSpan { forward: true });
    assert_eq!(texts(&s).as_deref(), Some("one"));
    let s = reduce(&s, Action::StepSpan { forward: true });
    assert_eq!(texts(&s).as_deref(), Some("three"));
    let s = run(s, [Action::ToggleLabelShown(Label::Quote), Action::StepSpan { forward: false }]);
    assert_eq!(texts(&s).as_deref(), Some("one"), "hidden quote skipped");
    let s = run(s, [Action::StepSpan { forward: true }]);
    assert_eq!(texts(&s).as_deref(), Some("four"));
}

#[test]
fn attributes_edit_as_one_undo_step_per_field() {
    let s = with_article("“We will win,” she said.");
    let s = run(s, [Action::Select(Some(CpRange::new(0, 14))), Action::Tag(Label::Quote)]);
    let id = s.view.selected_span.clone().unwrap();
    let typed = ["M", "Ma", "Mar", "Mara"].map(|v| Action::SetAttribute { span: id.clone(), key: AttributeKey::Speaker, value: v.into() });
    let s = run(s, typed);
    let s = reduce(&s, Action::SetAttribute { span: id.clone(), key: AttributeKey::Note, value: "check".into() });
    assert_eq!(s.selected().unwrap().attributes.speaker.as_deref(), Some("Mara"));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.selected().unwrap().attributes.note, None);
    assert_eq!(s.selected().unwrap().attributes.speaker.as_deref(), Some("Mara"));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.selected().unwrap().attributes.speaker, None, "the whole run of typing is one step");
}

#[test]
fn edges_move_by_cluster_and_word_and_delete_is_undoable() {
    let s = with_article("Say 👍🏽 now please");
    let s = run(s, [Action::Select(Some(CpRange::new(0, 3))), Action::Tag(Label::Claim)]);
    let s = reduce(&s, Action::MoveEdge { edge: Edge::End, forward: true, by_word: false });
    assert_eq!(spans(&s)[0].1, "Say 👍🏽", "steps over the space; thumbs-up with skin tone is one step");
    let s = reduce(&s, Action::MoveEdge { edge: Edge::End, forward: false, by_word: false });
    assert_eq!(spans(&s)[0].1, "Say");
    let s = reduce(&s, Action::MoveEdge { edge: Edge::End, forward: true, by_word: false });
    let s = reduce(&s, Action::MoveEdge { edge: Edge::End, forward: true, by_word: true });
    assert_eq!(spans(&s)[0].1, "Say 👍🏽 now");
    let id = s.view.selected_span.clone().unwrap();
    let s = reduce(&s, Action::DeleteSpan(id));
    assert!(spans(&s).is_empty());
    assert_eq!(s.view.selected_span, None);
    let s = reduce(&s, Action::Undo);
    assert_eq!(spans(&s)[0].1, "Say 👍🏽 now");
}

#[test]
fn empty_or_huge_text_is_refused_with_the_reason_in_the_dialog() {
    let s = run(
        State::default(),
        [
            Action::Restore(Some(empty_workspace())),
            Action::OpenDialog(Dialog::NewArticle { title: String::new(), text: String::new(), error: None }),
            Action::AddArticle { title: "x".into(), text: " \r\n\t ".into() },
        ],
    );
    assert!(s.document.articles.is_empty());
    match &s.view.dialog {
        Some(Dialog::NewArticle { error: Some(e), .. }) => assert_eq!(*e, TextRefusal::Empty),
        other => panic!("{other:?}"),
    }
    let huge = "a".repeat(newsmark_core::state::MAX_ARTICLE_BYTES + 1);
    let s = reduce(&s, Action::AddArticle { title: "x".into(), text: huge });
    assert!(s.document.articles.is_empty());
    match &s.view.dialog {
        Some(Dialog::NewArticle { error: Some(e), .. }) => {
            assert_eq!(*e, TextRefusal::TooBig { bytes: newsmark_core::state::MAX_ARTICLE_BYTES + 1 })
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn articles_are_added_renamed_deleted_and_brought_back() {
    let s = with_article("first");
    let s = reduce(&s, Action::Notify(Notice::info(Message::Worded("Opening “x.txt” (5.0 MB)…".into()))));
    let s = reduce(&s, Action::AddArticle { title: String::new(), text: "\n  Second headline\nbody".into() });
    assert_eq!(s.view.notice, None, "the opening message is gone once the article is there");
    assert_eq!(s.document.articles.len(), 2);
    assert_eq!(s.open_article().unwrap().title, "Second headline");
    assert_eq!(s.open_article().unwrap().text.as_str(), "\n  Second headline\nbody", "text kept exactly");
    let second = s.view.open.clone().unwrap();
    let s = reduce(&s, Action::RenameArticle(second.clone(), "  Renamed ".into()));
    assert_eq!(s.article(&second).unwrap().title, "Renamed");
    let s = reduce(&s, Action::DeleteArticle(second.clone()));
    assert_eq!(s.document.articles.len(), 1);
    assert_ne!(s.view.open.as_ref(), Some(&second));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.document.articles.len(), 2);
    assert_eq!(s.view.open.as_ref(), Some(&second));
    assert_eq!(s.document.articles[1].title, "Renamed");
}

#[test]
fn imports_never_overwrite_and_undo_as_one_step() {
    let s = with_article("first");
    let taken = s.view.open.clone().unwrap();
    let json = format!(
        r#"{{"format":"newsmark-labelled-json","version":1,"exported_at":"2026-01-01T00:00:00Z","documents":[
        {{"id":"{}","title":"Clash","text":"abc","spans":[{{"id":"s1","label":"quote","start":0,"end":3,"text":"abc","attributes":{{}},"origin":"manual"}}]}},
        {{"id":"fresh","title":"New","text":"xyz","spans":[]}}]}}"#,
        taken.as_str()
    );
    let docs = import_json(&json, &LabelSet::builtin()).unwrap();
    let s = reduce(&s, Action::Import(Box::new(docs)));
    assert_eq!(s.document.articles.len(), 3);
    assert_eq!(s.article(&taken).unwrap().title, "T", "the existing article is untouched");
    assert!(s.article(&ArticleId::new("fresh")).is_some());
    let clash = s.document.articles.iter().find(|a| a.title == "Clash").unwrap();
    assert_ne!(clash.id, taken);
    assert_eq!(clash.spans.get(&SpanId::new("s1")).unwrap().label, Label::Quote);
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.document.articles.len(), 1);
}

#[test]
fn every_saved_change_bumps_the_revision_but_selection_does_not() {
    let s = with_article("some text here");
    let r = s.document.revision;
    let s = reduce(&s, Action::Select(Some(CpRange::new(0, 4))));
    assert_eq!(s.document.revision, r);
    let s = reduce(&s, Action::Tag(Label::Claim));
    assert!(s.document.revision > r);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Any sequence of edits keeps every span inside the text, non-empty, on character
    /// boundaries and in order; undoing everything gives back the empty article.
    #[test]
    fn random_edits_keep_spans_valid_and_undo_all_the_way(
        text in "[a-z “”😀\u{301}\r\n\u{5d0}-\u{5d4}]{1,60}",
        ops in proptest::collection::vec((0u8..12, 0usize..70, 0usize..70, 0usize..5), 1..40),
    ) {
        prop_assume!(!text.trim().is_empty());
        let mut s = with_article(&text);
        let person = LabelDef { label: Label::Custom(0), name: "person".into(), colour: "#112233".into(), hotkey: Some('5'), description: String::new() };
        s = reduce(&s, Action::AddLabel(person));
        let mut edits = 1;
        for (op, a, b, l) in ops {
            let label = if l == 4 { Label::Custom(1) } else { Label::BUILTIN[l] };
            let nth_span = |s: &State, i: usize| {
                let spans = s.open_article().unwrap().spans.as_slice();
                (!spans.is_empty()).then(|| spans[i % spans.len()].id.clone())
            };
            let before = s.document.history.undo_depth();
            let action = match op {
                0 | 1 => { s = reduce(&s, Action::Select(Some(CpRange::new(a, b)))); Action::Tag(label) }
                2 => Action::StepSpan { forward: a % 2 == 0 },
                3 => match s.view.selected_span.clone() { Some(id) => Action::DeleteSpan(id), None => continue },
                4 => Action::MoveEdge { edge: if a % 2 == 0 { Edge::Start } else { Edge::End }, forward: b % 2 == 0, by_word: l == 0 },
                5 => Action::ClickAt(a),
                6 => match s.view.selected_span.clone() { Some(id) => Action::SetAttribute { span: id, key: AttributeKey::Note, value: format!("n{a}") }, None => continue },
                7 => match (nth_span(&s, a), nth_span(&s, b)) {
                    (Some(from), Some(to)) => Action::AddRelation { from, to, kind: (l == 0).then(|| "said_by".to_string()) },
                    _ => continue,
                },
                8 => match s.open_article().unwrap().relations.as_slice().first() {
                    Some(r) if a % 2 == 0 => Action::DeleteRelation(r.id.clone()),
                    Some(r) => Action::SetRelationKind(r.id.clone(), format!("k{b}")),
                    None => continue,
                },
                9 => match s.view.selected_span.clone() {
                    Some(_) => { s = reduce(&s, Action::StartRelation); Action::ClickAt(a) }
                    None => continue,
                },
                10 => Action::Redo,
                _ => Action::Tag(label),
            };
            s = reduce(&s, action);
            s = reduce(&s, Action::CloseDialog);
            edits += s.document.history.undo_depth().saturating_sub(before);
            s = reduce(&s, Action::CancelRelation);
            let article = s.open_article().unwrap();
            let len = article.text.len();
            let mut last = (0, usize::MAX);
            for relation in &article.relations {
                prop_assert!(article.spans.get(&relation.from).is_some() && article.spans.get(&relation.to).is_some(), "no relation outlives its spans");
                prop_assert!(relation.from != relation.to);
            }
            for span in &article.spans {
                prop_assert!(s.document.labels.contains(span.label), "every span's label is in the set");
                prop_assert!(span.start < span.end && span.end <= len);
                prop_assert!(article.span_text(span).trim() == article.span_text(span), "no outer whitespace");
                prop_assert!((span.start, std::cmp::Reverse(span.end)) >= (last.0, std::cmp::Reverse(last.1)));
                last = (span.start, span.end);
            }
        }
        for _ in 0..edits {
            s = reduce(&s, Action::Undo);
        }
        prop_assert!(s.open_article().unwrap().spans.is_empty());
        prop_assert!(s.open_article().unwrap().relations.is_empty());
        prop_assert_eq!(&s.document.labels, &LabelSet::builtin());
    }
}
