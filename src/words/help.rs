//! The help overlay's wording: the keys of each row of `keymap::HELP` and what they do.
//!
//! Must never: decide which keys exist or what they do (`newsmark_core::keymap` does); a row
//! is worded by the first command it lists.

use newsmark_core::commands::Command;
use newsmark_core::snap::Edge;

/// The keys and what they do for the help row whose first command is `first`; `None` for a
/// command no key gives.
pub fn shortcut(first: Command) -> Option<(&'static str, &'static str)> {
    Some(match first {
        Command::Caret => ("Tab to the article, then Shift+Arrow keys", "Select text with the keyboard (Ctrl+Shift+Arrow: by word)"),
        Command::NextSpan | Command::PreviousSpan => ("j / k", "Select the next / previous span"),
        Command::DeleteSpan => ("Delete or Backspace", "Delete the selected span"),
        Command::StartRelation | Command::CompleteRelation | Command::CancelRelation => {
            ("l", "Draw a relation from the selected span: click the span it points to, or choose it with j / k and press Enter")
        }
        Command::NextSuggestion | Command::PreviousSuggestion => ("n / p", "Select the next / previous suggestion"),
        Command::AcceptSuggestion => ("a", "Accept the selected suggestion"),
        Command::RejectSuggestion => ("r or x", "Reject the selected suggestion"),
        Command::AcceptAll(_) => ("Shift+A", "Accept all suggestions"),
        Command::MoveEdge { edge: Edge::Start, .. } => ("[ / ]", "Move the selected span's start left / right (Alt: by word)"),
        Command::MoveEdge { edge: Edge::End, .. } => ("{ / }", "Move the selected span's end left / right (Alt: by word)"),
        Command::Undo => ("Ctrl+Z (Cmd+Z)", "Undo"),
        Command::Redo => ("Ctrl+Shift+Z (Cmd+Shift+Z) or Ctrl+Y", "Redo"),
        Command::Escape => ("Escape", "Close a dialog, cancel drawing a relation, or deselect the span or suggestion"),
        Command::Help => ("?", "Show this list"),
        // The label keys are listed from the label set (`label_shortcut`); the rest have no key.
        Command::Tag(_)
        | Command::RejectAll(_)
        | Command::Suggest
        | Command::NewArticle
        | Command::EditLabels
        | Command::SnapToWords(_) => return None,
    })
}

/// What a label's key does, for its help row ("Tag the selection as Claim, or relabel the
/// selected span"); `title` is the label's title.
pub fn label_shortcut(title: &str) -> String {
    format!("Tag the selection as {title}, or relabel the selected span")
}

#[cfg(test)]
mod tests {
    use newsmark_core::keymap::HELP;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn every_help_row_has_keys_and_the_suggestion_keys_are_listed() {
        let rows: Vec<(&str, &str)> = HELP.iter().map(|row| shortcut(row[0]).expect("every help row is worded")).collect();
        for keys in ["n / p", "a", "r or x", "Shift+A"] {
            assert!(rows.iter().any(|(k, _)| *k == keys), "{keys}");
        }
    }
}
