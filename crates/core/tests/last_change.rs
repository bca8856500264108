//! The change the last action applied (`State::last_change`), which the article surface repaints
//! from: each edit, undo and redo gives a change of its own; anything else gives none.

mod drive;

use std::rc::Rc;

use drive::{run, suggest, tag, with_articles};
use newsmark_core::history::Change;
use newsmark_core::{reduce, Action, CpRange, Label, State};

const TEXT: &str = "Officials said the bridge would open. Critics doubt it.";

fn last(s: &State) -> Rc<Change> {
    s.last_change().cloned().expect("the action applied a change")
}

#[test]
fn an_edit_gives_its_change_and_anything_else_none() {
    let s = with_articles(&[("T", TEXT)]);
    let (s, id) = tag(s, "Officials said", Label::Claim);
    let added = last(&s);
    assert!(matches!(&*added, Change::SpanAdded { span, .. } if span.id == id && span.label == Label::Claim));
    assert_eq!(s.changes_applied(), 2, "adding the article, then the span");

    let s = reduce(&s, Action::Relabel(id.clone(), Label::Quote));
    assert!(matches!(&*last(&s), Change::SpanChanged { before, after, .. } if before.label == Label::Claim && after.label == Label::Quote));

    for nothing in [Action::Select(Some(CpRange::new(0, 3))), Action::SelectSpan(None), Action::ToggleLabelShown(Label::Quote)] {
        let after = reduce(&s, nothing.clone());
        assert_eq!(after.last_change(), None, "{nothing:?}");
        assert_eq!(after.changes_applied(), s.changes_applied(), "{nothing:?}");
    }
    // An edit that changes nothing applies nothing.
    assert_eq!(reduce(&s, Action::Relabel(id.clone(), Label::Quote)).last_change(), None);

    let s = reduce(&s, Action::DeleteSpan(id.clone()));
    assert!(matches!(&*last(&s), Change::SpanRemoved { span, .. } if span.id == id));
}

#[test]
fn undo_and_redo_give_the_change_they_applied_each_in_a_fresh_rc() {
    let s = with_articles(&[("T", TEXT)]);
    let (s, id) = tag(s, "Critics", Label::Opinion);
    let done = last(&s);
    let undone = reduce(&s, Action::Undo);
    let inverse = last(&undone);
    assert_eq!(*inverse, done.inverse());
    assert!(matches!(&*inverse, Change::SpanRemoved { span, .. } if span.id == id));
    let redone = reduce(&undone, Action::Redo);
    let again = last(&redone);
    assert_eq!(*again, *done);
    assert!(!Rc::ptr_eq(&again, &done) && !Rc::ptr_eq(&again, &inverse), "each application has an Rc of its own");
    assert_eq!(redone.changes_applied(), s.changes_applied() + 2);
    // Nothing left to redo: no change.
    assert_eq!(reduce(&redone, Action::Redo).last_change(), None);
}

#[test]
fn a_batch_is_one_change_whose_leaves_are_what_it_did() {
    let s = with_articles(&[("T", TEXT)]);
    let s = suggest(s, &[(Label::Claim, "Officials said the bridge would open."), (Label::Opinion, "Critics doubt it.")]);
    assert_eq!(s.last_change(), None, "pending suggestions arrive without an undo step");
    let s = reduce(&s, Action::AcceptAll(None));
    let batch = last(&s);
    assert!(matches!(&*batch, Change::Batch(_)));
    let leaves = batch.leaves();
    assert!(matches!(leaves[0], Change::SuggestionsRemoved { items, .. } if items.len() == 2));
    let added: Vec<Label> = leaves[1..]
        .iter()
        .map(|c| match c {
            Change::SpanAdded { span, .. } => span.label,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(added, vec![Label::Claim, Label::Opinion]);
    // Undoing it applies the whole inverse batch at once.
    let undone = reduce(&s, Action::Undo);
    assert_eq!(last(&undone).leaves().len(), 3);
    assert_eq!(undone.changes_applied(), s.changes_applied() + 1);
    let s = run(undone, [Action::Redo]);
    assert_eq!(*last(&s), *batch);
}

#[test]
fn a_change_names_the_ranges_it_touched_in_its_article_only() {
    let s = with_articles(&[("T", TEXT), ("U", TEXT)]);
    let (s, id) = tag(s, "the bridge", Label::Claim);
    let article = s.open_article().unwrap().id.clone();
    let other = s.document.articles.iter().map(|a| a.id.clone()).find(|a| *a != article).unwrap();
    let at = |needle: &str| {
        let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
        CpRange::new(start, start + needle.chars().count())
    };
    assert_eq!(last(&s).ranges_in(&article), vec![at("the bridge")]);
    assert_eq!(last(&s).ranges_in(&other), vec![], "nothing changed in the other article");
    let s = reduce(&s, Action::MoveEdge { edge: newsmark_core::snap::Edge::End, forward: true, by_word: true });
    assert_eq!(last(&s).ranges_in(&article), vec![at("the bridge"), at("the bridge would")], "before and after");
    let s = reduce(&s, Action::Relabel(id.clone(), Label::Demand));
    assert_eq!(last(&s).ranges_in(&article), vec![at("the bridge would"); 2]);
    let s = reduce(&s, Action::DeleteSpan(id));
    assert_eq!(last(&s).ranges_in(&article), vec![at("the bridge would")]);
}
