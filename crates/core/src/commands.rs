//! The command table: every command a person can give (a key, a toolbar button, a menu entry),
//! and the action it becomes in the current state.
//!
//! Owns: when each command is available, written once (`action_for`): the key handler, the
//! toolbar's disabled buttons and the help overlay all ask here, so a guard such as "tagging
//! needs a selection or a selected span" has one place. Must never: read DOM events or touch the
//! DOM selection (the app does, after asking), or decide what a key means (`keymap` does).

use crate::action::Action;
use crate::label::Label;
use crate::snap::Edge;
use crate::state::{Dialog, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Tags the selection with the label, or relabels the selected span.
    Tag(Label),
    Undo,
    Redo,
    NextSpan,
    PreviousSpan,
    DeleteSpan,
    /// Moves an edge of the selected span by a character cluster or a word.
    MoveEdge {
        edge: Edge,
        forward: bool,
        by_word: bool,
    },
    NextSuggestion,
    PreviousSuggestion,
    /// Accepts (or rejects) the selected suggestion.
    AcceptSuggestion,
    RejectSuggestion,
    /// Accepts (or rejects) every pending suggestion of the open article, or those of a label.
    AcceptAll(Option<Label>),
    RejectAll(Option<Label>),
    /// Runs the analysis of the open article.
    Suggest,
    /// Starts a relation from the selected span.
    StartRelation,
    /// Ends the relation being drawn at the span chosen with j / k.
    CompleteRelation,
    CancelRelation,
    NewArticle,
    /// Opens the label set editor.
    EditLabels,
    Help,
    SnapToWords(bool),
    /// Closes a dialog, or else cancels drawing a relation, or else deselects.
    Escape,
    /// Moves the text cursor or extends the selection inside the article: the article view
    /// handles it in the DOM, so it is never an action.
    Caret,
}

/// The action `command` gives in `state`, or `None` when it is not available now. Dialogs are
/// the key handler's business: behind one, keys do nothing but Escape.
pub fn action_for(command: Command, state: &State) -> Option<Action> {
    let view = &state.view;
    let article = state.open_article();
    let selected = state.selected();
    let pending = state.open_suggestions();
    let of_label = |label: Option<Label>| pending.iter().any(|p| label.is_none_or(|l| p.suggestion.label == l));
    match command {
        Command::Tag(label) => {
            (state.document.labels.contains(label) && article.is_some() && (view.selection.is_some() || selected.is_some()))
                .then_some(Action::Tag(label))
        }
        Command::Undo => state.document.history.can_undo().then_some(Action::Undo),
        Command::Redo => state.document.history.can_redo().then_some(Action::Redo),
        Command::NextSpan => article.map(|_| Action::StepSpan { forward: true }),
        Command::PreviousSpan => article.map(|_| Action::StepSpan { forward: false }),
        Command::DeleteSpan => selected.map(|s| Action::DeleteSpan(s.id.clone())),
        Command::MoveEdge { edge, forward, by_word } => selected.map(|_| Action::MoveEdge { edge, forward, by_word }),
        Command::NextSuggestion => (!pending.is_empty()).then_some(Action::StepSuggestion { forward: true }),
        Command::PreviousSuggestion => (!pending.is_empty()).then_some(Action::StepSuggestion { forward: false }),
        Command::AcceptSuggestion => state.selected_pending().map(|p| Action::AcceptSuggestion(p.id)),
        Command::RejectSuggestion => state.selected_pending().map(|p| Action::RejectSuggestion(p.id)),
        Command::AcceptAll(label) => of_label(label).then_some(Action::AcceptAll(label)),
        Command::RejectAll(label) => of_label(label).then_some(Action::RejectAll(label)),
        // A second press while the analysis runs is ignored by the reducer, and the button
        // shows that it runs.
        Command::Suggest => article.map(|_| Action::RequestSuggestions),
        Command::StartRelation => (selected.is_some() && view.linking.is_none()).then_some(Action::StartRelation),
        Command::CompleteRelation => view.linking.as_ref().is_some_and(|l| l.target.is_some()).then_some(Action::CompleteRelation),
        Command::CancelRelation => view.linking.is_some().then_some(Action::CancelRelation),
        Command::NewArticle => Some(Action::OpenDialog(Dialog::new_article())),
        Command::EditLabels => Some(Action::OpenDialog(Dialog::Labels { error: None })),
        Command::Help => Some(Action::OpenDialog(Dialog::Help)),
        Command::SnapToWords(on) => Some(Action::SetSnapToWords(on)),
        Command::Escape => Some(if view.dialog.is_some() {
            Action::CloseDialog
        } else if view.linking.is_some() {
            Action::CancelRelation
        } else {
            Action::SelectSpan(None)
        }),
        Command::Caret => None,
    }
}

/// Whether the exports (of the open article, in any format, or of the whole workspace) can run:
/// the app writes the files itself, so they are no action, but their guard lives here too.
pub fn can_export(state: &State) -> bool {
    state.open_article().is_some()
}
