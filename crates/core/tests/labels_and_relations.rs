//! The label set and relations through the reducer, as the app drives them: custom labels made,
//! changed, used and removed; relations drawn by click and by keyboard; an import whose labels
//! are mapped onto the workspace's. Every step must undo.

use newsmark_core::format::import_json;
use newsmark_core::keymap::{command, Command, KeyPress};
use newsmark_core::state::Linking;
use newsmark_core::{reduce, Action, Dialog, Label, LabelDef, LabelError, LabelSet, Message, Notice, NoticeKind, SpanId, State};

const TEXT: &str = "“We will fight on,” said Mara Lindqvist. Unions demand a vote from the council.";

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(state, |s, a| reduce(&s, a))
}

fn ready() -> State {
    let workspace =
        newsmark_core::StoredWorkspace { articles: vec![], open: None, snap_to_words: true, next_article: 1, labels: LabelSet::builtin() };
    run(State::default(), [Action::Restore(Some(workspace)), Action::AddArticle { title: "T".into(), text: TEXT.into() }])
}

/// Code points of the first occurrence of `needle`.
fn at(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn tag(s: State, needle: &str, label: Label) -> (State, SpanId) {
    let s = run(s, [Action::Select(Some(at(needle).into())), Action::Tag(label)]);
    let id = s.view.selected_span.clone().expect("the new span is selected");
    (s, id)
}

fn person() -> LabelDef {
    LabelDef {
        label: Label::Custom(0),
        name: "person".into(),
        colour: "#e69f00".into(),
        hotkey: Some('5'),
        description: "Someone named".into(),
    }
}

#[test]
fn a_custom_label_is_made_used_by_its_key_changed_and_removed_with_undo() {
    let s = reduce(&ready(), Action::AddLabel(person()));
    let label = s.document.labels.by_name("person").unwrap();
    assert_eq!(label, Label::Custom(1));
    let key = KeyPress { key: "5", ..KeyPress::default() };
    assert_eq!(command(key, &s.document.labels), Some(Command::Tag(label)));
    let (s, id) = tag(s, "Mara Lindqvist", label);
    assert_eq!(s.open_article().unwrap().spans.get(&id).unwrap().label, label);

    let mut def = s.document.labels.get(label).unwrap().clone();
    def.colour = "#000000".into();
    let s = reduce(&s, Action::UpdateLabel(def.clone()));
    assert_eq!(s.document.labels.get(label).unwrap().colour, "#000000");

    // A clash is refused with a message in the open editor, and nothing changes.
    let s = run(s, [Action::OpenDialog(Dialog::Labels { error: None }), Action::UpdateLabel(LabelDef { hotkey: Some('1'), ..def })]);
    assert!(
        matches!(&s.view.dialog, Some(Dialog::Labels { error: Some(LabelError::HotkeyTaken { key: '1', owner }) }) if owner == "claim")
    );

    let s = reduce(&s, Action::RemoveLabel(label));
    assert!(!s.document.labels.contains(label));
    assert!(s.open_article().unwrap().spans.is_empty(), "its spans went with it");
    assert!(matches!(&s.view.notice.as_ref().unwrap().message, Message::LabelRemoved { spans: 1, .. }));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.document.labels.get(label).unwrap().colour, "#000000");
    assert_eq!(s.open_article().unwrap().spans.get(&id).unwrap().label, label);
    assert!(reduce(&s, Action::RemoveLabel(Label::Quote)).document.labels.contains(Label::Quote), "built-in labels stay");
}

#[test]
fn a_relation_is_drawn_by_clicking_the_span_it_points_to() {
    let s = reduce(&ready(), Action::AddLabel(person()));
    let (s, speaker) = tag(s, "Mara Lindqvist", Label::Custom(1));
    let (s, quote) = tag(s, "“We will fight on,”", Label::Quote);
    let s = reduce(&s, Action::StartRelation);
    assert_eq!(s.view.linking, Some(Linking { from: quote.clone(), target: None }));
    let s = reduce(&s, Action::ClickAt(at("Lindqvist").0));
    assert_eq!(s.view.linking, None);
    let relations = s.open_article().unwrap().relations.clone();
    assert_eq!(relations.len(), 1);
    let r = &relations.as_slice()[0];
    assert_eq!((&r.from, &r.to, &*r.kind), (&quote, &speaker, "speaker"));
    assert_eq!(s.view.selected_relation.as_ref(), Some(&r.id));

    let s = reduce(&s, Action::SetRelationKind(r.id.clone(), " said_by ".into()));
    assert_eq!(&*s.open_article().unwrap().relations.as_slice()[0].kind, "said_by");
    let s = reduce(&s, Action::Undo);
    assert_eq!(&*s.open_article().unwrap().relations.as_slice()[0].kind, "speaker");
    let s = reduce(&s, Action::Undo);
    assert!(s.open_article().unwrap().relations.is_empty());
    let s = reduce(&s, Action::Redo);
    assert_eq!(s.open_article().unwrap().relations.len(), 1);
}

#[test]
fn a_relation_is_drawn_by_keyboard_and_a_demand_gets_actor_then_addressee() {
    let (s, unions) = tag(ready(), "Unions", Label::Claim);
    let (s, council) = tag(s, "the council", Label::Claim);
    let (s, demand) = tag(s, "a vote", Label::Demand);
    let s = reduce(&s, Action::StartRelation);
    // j steps the target forward from the start span, k back; Enter ends the relation.
    let s = run(s, [Action::StepSpan { forward: false }, Action::StepSpan { forward: false }]);
    assert_eq!(s.view.linking.as_ref().unwrap().target.as_ref(), Some(&unions));
    assert_eq!(s.view.selected_span.as_ref(), Some(&demand), "the selection stays on the start");
    let s = reduce(&s, Action::CompleteRelation);
    let s = run(s, [Action::SelectSpan(Some(demand.clone())), Action::StartRelation, Action::SelectSpan(Some(council.clone()))]);
    let kinds: Vec<(String, SpanId)> = s.open_article().unwrap().relations.iter().map(|r| (r.kind.to_string(), r.to.clone())).collect();
    assert_eq!(kinds, vec![("actor".to_string(), unions), ("addressee".to_string(), council.clone())]);
    // The same link twice, and a link to itself, are refused.
    let again = run(s.clone(), [Action::AddRelation { from: demand.clone(), to: council, kind: Some("addressee".into()) }]);
    assert_eq!(again.open_article().unwrap().relations.len(), 2);
    assert_eq!(again.view.notice, Some(Notice::info(Message::AlreadyLinked { kind: "addressee".into() })));
    let own = run(s.clone(), [Action::AddRelation { from: demand.clone(), to: demand.clone(), kind: None }]);
    assert_eq!(own.open_article().unwrap().relations.len(), 2);
    // Escape (CancelRelation) leaves everything as it was.
    let cancelled = run(s.clone(), [Action::StartRelation, Action::CancelRelation]);
    assert_eq!((cancelled.view.linking.clone(), cancelled.open_article().unwrap().relations.len()), (None, 2));
    // Deleting the span a relation is being drawn from ends the drawing.
    let deleted = run(s.clone(), [Action::SelectSpan(Some(demand.clone())), Action::StartRelation, Action::DeleteSpan(demand)]);
    assert_eq!(deleted.view.linking, None);
}

#[test]
fn deleting_a_span_takes_its_relations_and_undo_puts_all_back_in_order() {
    let (s, a) = tag(ready(), "Unions", Label::Claim);
    let (s, b) = tag(s, "the council", Label::Claim);
    let (s, d) = tag(s, "a vote", Label::Demand);
    let s = run(
        s,
        [
            Action::AddRelation { from: d.clone(), to: a.clone(), kind: None },
            Action::AddRelation { from: a.clone(), to: b.clone(), kind: Some("ally".into()) },
            Action::AddRelation { from: d.clone(), to: b.clone(), kind: None },
        ],
    );
    let before = s.open_article().unwrap().relations.clone();
    let s = reduce(&s, Action::DeleteSpan(a));
    let left: Vec<&str> = s.open_article().unwrap().relations.iter().map(|r| &*r.kind).collect();
    assert_eq!(left, vec!["addressee"]);
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.open_article().unwrap().relations, before, "same relations, same order");
}

#[test]
fn an_import_with_new_labels_asks_how_to_map_them_and_undoes_as_one_step() {
    let file = r##"{"format":"newsmark-labelled-json","version":1,"exported_at":"2026-11-21T10:00:00Z",
      "labels":[{"name":"Content","colour":"#56b4e9"},{"name":"Source","colour":"#e69f00","hotkey":"1"}],
      "documents":[{"title":"P","text":"“No,” she said.","spans":[
        {"id":"T1","label":"Content","start":0,"end":5,"text":"“No,”"},
        {"id":"T2","label":"Source","start":6,"end":9,"text":"she"}],
        "relations":[{"id":"E1-1","kind":"Source","from":"T1","to":"T2","event":"E1"}]}]}"##;
    let s = ready();
    let batch = import_json(file, &s.document.labels).unwrap();
    let s = reduce(&s, Action::Import(Box::new(batch)));
    let Some(Dialog::MapLabels { batch, mapping }) = &s.view.dialog else { panic!("the mapping step opens") };
    let content = batch.labels.by_name("Content").unwrap();
    assert_eq!(mapping.len(), 2);
    assert_eq!(s.document.articles.len(), 1, "nothing is added before the person confirms");
    let s = run(s.clone(), [Action::MapLabel { label: content, target: Some(Label::Quote) }, Action::ConfirmImport]);
    assert_eq!(s.view.dialog, None);
    let article = s.open_article().unwrap();
    assert_eq!(article.title, "P");
    let labels: Vec<String> = article.spans.iter().map(|sp| s.document.labels.name(sp.label)).collect();
    assert_eq!(labels, vec!["quote", "Source"]);
    let source = s.document.labels.get(s.document.labels.by_name("Source").unwrap()).unwrap();
    assert_eq!((source.colour.as_str(), source.hotkey), ("#e69f00", None), "kept, minus a hotkey that clashes");
    assert!(s.document.labels.by_name("Content").is_none(), "a mapped label is not added");
    assert_eq!(article.relations.len(), 1);
    assert_eq!(s.view.notice.as_ref().unwrap().kind, NoticeKind::Info);
    assert!(matches!(&s.view.notice.as_ref().unwrap().message, Message::Imported { articles: 1, spans: 2, relations: 1, .. }));
    let s = reduce(&s, Action::Undo);
    assert_eq!(s.document.articles.len(), 1);
    assert_eq!(s.document.labels, LabelSet::builtin());
}

#[test]
fn removing_a_label_takes_its_spans_relations_in_every_article_and_undo_restores_them() {
    let s = reduce(&ready(), Action::AddLabel(person()));
    let person = s.document.labels.by_name("person").unwrap();
    let (s, quote) = tag(s, "“We will fight on,”", Label::Quote);
    let (s, name) = tag(s, "Mara Lindqvist", person);
    let (s, unions) = tag(s, "Unions", person);
    let (s, demand) = tag(s, "a vote", Label::Demand);
    let s = run(
        s,
        [
            Action::AddRelation { from: demand.clone(), to: unions, kind: None },
            Action::AddRelation { from: quote.clone(), to: name, kind: None },
            Action::AddRelation { from: demand.clone(), to: quote.clone(), kind: Some("cites".into()) },
        ],
    );
    let before = s.open_article().unwrap().as_ref().clone();
    let s = reduce(&s, Action::RemoveLabel(person));
    let left: Vec<&str> = s.open_article().unwrap().relations.iter().map(|r| &*r.kind).collect();
    assert_eq!(left, vec!["cites"]);
    assert_eq!(s.open_article().unwrap().spans.len(), 2);
    let s = reduce(&s, Action::Undo);
    let after = s.open_article().unwrap();
    assert_eq!((&after.spans, &after.relations), (&before.spans, &before.relations));
}
