//! Notices as data, and how long each stays: a notice about how things stand goes away as soon
//! as it no longer holds; one about an event stays until it is dismissed or replaced.

mod drive;

use drive::{run, suggest, tag, with_articles};
use newsmark_core::{reduce, Action, Dialog, Label, LabelDef, Message, Notice, State};

const FERRY: &str = "“We will fight on,” said Mara. Critics demand an audit. “It is over,” Lee said.";

fn message(s: &State) -> Option<&Message> {
    s.view.notice.as_ref().map(|n| &n.message)
}

fn ferry_with_suggestions() -> State {
    let s = with_articles(&[("Other", "Nothing to see here."), ("Ferry", FERRY)]);
    suggest(s, &[(Label::Quote, "“We will fight on,”"), (Label::Demand, "Critics demand an audit."), (Label::Quote, "“It is over,”")])
}

#[test]
fn suggestions_to_review_go_once_all_are_reviewed() {
    let s = ferry_with_suggestions();
    let ferry = s.view.open.clone().unwrap();
    assert_eq!(s.view.notice, Some(Notice::info(Message::AnalysisDone { article: ferry, count: 3 })));
    // Still some to review.
    let first = s.open_suggestions()[0].id;
    let s = run(s, [Action::AcceptSuggestion(first), Action::SelectSuggestion(None)]);
    assert!(matches!(message(&s), Some(Message::AnalysisDone { count: 3, .. })));
    let accepted = reduce(&s, Action::AcceptAll(None));
    assert_eq!(accepted.view.notice, None, "nothing is left to review");
    assert_eq!(reduce(&s, Action::RejectAll(None)).view.notice, None);
    // Reviewing one label's leaves the others to review.
    assert!(reduce(&s, Action::AcceptAll(Some(Label::Quote))).view.notice.is_some());
}

#[test]
fn suggestions_to_review_go_when_another_article_opens() {
    let s = ferry_with_suggestions();
    let ferry = s.view.open.clone().unwrap();
    let other = s.document.articles[0].id.clone();
    let s = reduce(&s, Action::OpenArticle(other));
    assert_eq!(s.view.notice, None, "it would cover the other article's text");
    let s = reduce(&s, Action::OpenArticle(ferry));
    assert_eq!(s.view.notice, None, "a notice that went does not come back");
    assert_eq!(s.open_suggestions().len(), 3, "the suggestions themselves stay");
}

#[test]
fn nothing_to_suggest_holds_while_its_article_is_open() {
    let s = suggest(with_articles(&[("A", "One."), ("B", "Two.")]), &[]);
    assert!(matches!(message(&s), Some(Message::AnalysisDone { count: 0, .. })));
    assert!(run(s.clone(), [Action::SelectSpan(None)]).view.notice.is_some());
    let a = s.document.articles[0].id.clone();
    assert_eq!(reduce(&s, Action::OpenArticle(a)).view.notice, None);
}

#[test]
fn undo_takes_away_the_notice_that_offered_it() {
    let s = with_articles(&[("Keep", "Kept text."), ("Gone", "Deleted text.")]);
    let gone = s.view.open.clone().unwrap();
    let s = reduce(&s, Action::DeleteArticle(gone.clone()));
    assert_eq!(message(&s), Some(&Message::ArticleDeleted { article: gone, title: "Gone".into() }));
    assert!(run(s.clone(), [Action::SelectSpan(None), Action::ToggleLabelShown(Label::Claim)]).view.notice.is_some());
    assert_eq!(reduce(&s, Action::Undo).view.notice, None, "the article is back");

    let s = with_articles(&[("T", "Maria Lopez spoke.")]);
    let def =
        LabelDef { label: Label::Custom(0), name: "person".into(), colour: "#112233".into(), hotkey: None, description: String::new() };
    let s = reduce(&s, Action::AddLabel(def));
    let person = s.document.labels.by_name("person").unwrap();
    let (s, _) = tag(s, "Maria Lopez", person);
    let s = reduce(&s, Action::RemoveLabel(person));
    assert_eq!(message(&s), Some(&Message::LabelRemoved { label: person, name: "person".into(), spans: 1 }));
    assert_eq!(reduce(&s, Action::Undo).view.notice, None, "the label is back");
}

#[test]
fn an_empty_title_is_explained_while_the_rename_form_is_open() {
    let s = with_articles(&[("T", "Text.")]);
    let id = s.view.open.clone().unwrap();
    let s = run(s, [Action::OpenDialog(Dialog::Rename { article: id.clone() }), Action::RenameArticle(id.clone(), "  ".into())]);
    assert_eq!(s.view.notice, Some(Notice::error(Message::EmptyTitle)));
    assert_eq!(reduce(&s, Action::CloseDialog).view.notice, None);
    let renamed = reduce(&s, Action::RenameArticle(id, "New".into()));
    assert_eq!(renamed.view.dialog, None);
    assert_eq!(renamed.view.notice, None);
}

#[test]
fn a_notice_about_an_event_stays_until_dismissed_or_replaced() {
    let s = with_articles(&[("T", FERRY)]);
    let (s, demand) = tag(s, "Critics demand", Label::Demand);
    let (s, lee) = tag(s, "Lee", Label::Quote);
    let add = |s: &State| reduce(s, Action::AddRelation { from: demand.clone(), to: lee.clone(), kind: Some("actor".into()) });
    let s = add(&add(&s));
    assert_eq!(message(&s), Some(&Message::AlreadyLinked { kind: "actor".into() }));
    let s = run(s, [Action::SelectSpan(None), Action::OpenDialog(Dialog::Help), Action::CloseDialog]);
    assert!(s.view.notice.is_some());
    let s = reduce(&s, Action::Notify(Notice::info(Message::Exported { count: 1 })));
    assert_eq!(message(&s), Some(&Message::Exported { count: 1 }));
    assert_eq!(reduce(&s, Action::DismissNotice).view.notice, None);
}
