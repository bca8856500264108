//! The command table: each command's guard, written once in `commands::action_for`, and the
//! action it gives when available.

mod drive;

use drive::{at, run, suggest, tag, with_articles};
use newsmark_core::commands::{action_for, can_export, Command};
use newsmark_core::keymap::{command, KeyPress};
use newsmark_core::snap::Edge;
use newsmark_core::{reduce, Action, Dialog, Label, State};

const TEXT: &str = "Unions demand a vote. The council said no.";

fn empty() -> State {
    with_articles(&[])
}

fn article() -> State {
    with_articles(&[("T", TEXT)])
}

#[test]
fn tag_needs_a_selection_or_a_selected_span() {
    assert_eq!(action_for(Command::Tag(Label::Claim), &empty()), None, "no article");
    let s = article();
    assert_eq!(action_for(Command::Tag(Label::Claim), &s), None, "nothing selected");
    let selected = reduce(&s, Action::Select(Some(at(&s, "Unions"))));
    assert_eq!(action_for(Command::Tag(Label::Claim), &selected), Some(Action::Tag(Label::Claim)));
    assert_eq!(action_for(Command::Tag(Label::Custom(9)), &selected), None, "a label not in the set");
    let (tagged, _) = tag(s, "Unions", Label::Demand);
    assert_eq!(action_for(Command::Tag(Label::Quote), &tagged), Some(Action::Tag(Label::Quote)), "relabels the selected span");
    // The key gives the command, and the table the guard.
    let one = command(KeyPress { key: "1", ..KeyPress::default() }, &tagged.document.labels);
    assert_eq!(one, Some(Command::Tag(Label::Claim)));
    assert_eq!(action_for(one.unwrap(), &reduce(&tagged, Action::SelectSpan(None))), None);
}

#[test]
fn tag_without_either_changes_nothing_and_says_nothing() {
    let s = article();
    let after = reduce(&s, Action::Tag(Label::Claim));
    assert_eq!((&after.document, &after.view), (&s.document, &s.view));
    assert_eq!(after.last_change(), None);
}

#[test]
fn span_commands_need_a_selected_span() {
    let s = article();
    for cmd in [Command::DeleteSpan, Command::StartRelation, Command::MoveEdge { edge: Edge::End, forward: true, by_word: false }] {
        assert_eq!(action_for(cmd, &s), None, "{cmd:?}");
    }
    assert_eq!(action_for(Command::NextSpan, &empty()), None);
    assert_eq!(action_for(Command::NextSpan, &s), Some(Action::StepSpan { forward: true }));
    let (s, id) = tag(s, "Unions", Label::Demand);
    assert_eq!(action_for(Command::DeleteSpan, &s), Some(Action::DeleteSpan(id)));
    assert_eq!(
        action_for(Command::MoveEdge { edge: Edge::Start, forward: false, by_word: true }, &s),
        Some(Action::MoveEdge { edge: Edge::Start, forward: false, by_word: true })
    );
    assert_eq!(action_for(Command::StartRelation, &s), Some(Action::StartRelation));
}

#[test]
fn relation_commands_follow_the_drawing() {
    let (s, _) = tag(article(), "Unions", Label::Demand);
    let (s, council) = tag(s, "The council", Label::Claim);
    assert_eq!(action_for(Command::CompleteRelation, &s), None);
    assert_eq!(action_for(Command::CancelRelation, &s), None);
    let drawing = reduce(&s, Action::StartRelation);
    assert_eq!(action_for(Command::StartRelation, &drawing), None, "already drawing");
    assert_eq!(action_for(Command::CompleteRelation, &drawing), None, "no end chosen yet");
    assert_eq!(action_for(Command::CancelRelation, &drawing), Some(Action::CancelRelation));
    assert_eq!(action_for(Command::Escape, &drawing), Some(Action::CancelRelation));
    let aimed = reduce(&drawing, Action::StepSpan { forward: false });
    assert_ne!(aimed.view.linking.as_ref().and_then(|l| l.target.clone()), Some(council), "k aims before the start");
    assert_eq!(action_for(Command::CompleteRelation, &aimed), Some(Action::CompleteRelation));
}

#[test]
fn suggestion_commands_need_pending_suggestions() {
    let s = article();
    for cmd in [
        Command::NextSuggestion,
        Command::PreviousSuggestion,
        Command::AcceptSuggestion,
        Command::AcceptAll(None),
        Command::RejectAll(None),
    ] {
        assert_eq!(action_for(cmd, &s), None, "{cmd:?}");
    }
    let s = suggest(s, &[(Label::Demand, "Unions demand a vote."), (Label::Claim, "The council said no.")]);
    assert_eq!(action_for(Command::NextSuggestion, &s), Some(Action::StepSuggestion { forward: true }));
    assert_eq!(action_for(Command::AcceptSuggestion, &s), None, "none selected");
    assert_eq!(action_for(Command::AcceptAll(None), &s), Some(Action::AcceptAll(None)));
    assert_eq!(action_for(Command::RejectAll(Some(Label::Claim)), &s), Some(Action::RejectAll(Some(Label::Claim))));
    assert_eq!(action_for(Command::AcceptAll(Some(Label::Quote)), &s), None, "no quote is pending");
    let s = reduce(&s, Action::StepSuggestion { forward: true });
    let id = s.view.selected_suggestion.unwrap();
    assert_eq!(action_for(Command::AcceptSuggestion, &s), Some(Action::AcceptSuggestion(id)));
    assert_eq!(action_for(Command::RejectSuggestion, &s), Some(Action::RejectSuggestion(id)));
}

#[test]
fn history_dialogs_and_the_rest() {
    let s = article();
    assert_eq!(action_for(Command::Undo, &s), Some(Action::Undo));
    assert_eq!(action_for(Command::Redo, &s), None);
    assert_eq!(action_for(Command::Redo, &reduce(&s, Action::Undo)), Some(Action::Redo));
    assert_eq!(action_for(Command::Undo, &empty()), None);
    assert_eq!(action_for(Command::Suggest, &s), Some(Action::RequestSuggestions));
    assert_eq!(action_for(Command::Suggest, &empty()), None);
    assert!(can_export(&s) && !can_export(&empty()));
    assert_eq!(action_for(Command::Help, &s), Some(Action::OpenDialog(Dialog::Help)));
    assert_eq!(action_for(Command::NewArticle, &s), Some(Action::OpenDialog(Dialog::new_article())));
    assert_eq!(action_for(Command::EditLabels, &s), Some(Action::OpenDialog(Dialog::Labels { error: None })));
    assert_eq!(action_for(Command::SnapToWords(false), &s), Some(Action::SetSnapToWords(false)));
    assert_eq!(action_for(Command::Caret, &s), None, "the article view moves the caret itself");
    // Escape: closes a dialog first, else deselects.
    assert_eq!(action_for(Command::Escape, &s), Some(Action::SelectSpan(None)));
    let help = run(s, [Action::OpenDialog(Dialog::Help)]);
    assert_eq!(action_for(Command::Escape, &help), Some(Action::CloseDialog));
}
