//! Keyboard shortcuts: which key does what, in one table that the key handler and the help
//! overlay both read.
//!
//! Owns: the meaning of every shortcut. Must never: read DOM events (the app passes plain key
//! data) or decide whether focus is in a text field (the app does, before asking).

use crate::label::{Label, LabelSet};
use crate::snap::Edge;

/// A key press, as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: "z", "Z", "1", "Delete", "ArrowLeft", "?", ...
    pub key: &'a str,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// The Cmd key on a Mac.
    pub meta: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Tag(Label),
    Undo,
    Redo,
    NextSpan,
    PreviousSpan,
    DeleteSpan,
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    RejectSuggestion,
    AcceptAllSuggestions,
    /// Starts a relation from the selected span.
    StartRelation,
    /// Ends the relation being drawn at the span chosen with j / k.
    CompleteRelation,
    MoveEdge {
        edge: Edge,
        forward: bool,
        by_word: bool,
    },
    Help,
    /// Closes a dialog, or else deselects.
    Escape,
    /// Moves the text cursor or extends the selection inside the article (handled by the DOM).
    Caret,
}

/// The command a key press gives, if any. Digit keys apply whichever label `labels` gives them.
pub fn command(k: KeyPress, labels: &LabelSet) -> Option<Command> {
    let primary = k.ctrl || k.meta;
    let key = k.key;
    if primary && !k.alt {
        return match key {
            "z" | "Z" if k.shift => Some(Command::Redo),
            "z" | "Z" => Some(Command::Undo),
            "y" | "Y" if k.ctrl && !k.shift => Some(Command::Redo),
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" => Some(Command::Caret),
            _ => None,
        };
    }
    if k.ctrl || k.meta {
        return None;
    }
    if let Some(label) = labels.by_hotkey(key) {
        return (!k.alt).then_some(Command::Tag(label));
    }
    let by_word = k.alt;
    match key {
        "j" if !k.alt => Some(Command::NextSpan),
        "k" if !k.alt => Some(Command::PreviousSpan),
        "n" if !k.alt => Some(Command::NextSuggestion),
        "p" if !k.alt => Some(Command::PreviousSuggestion),
        // By Shift, not by the letter's case, so Caps Lock cannot turn "accept" into "accept all".
        "a" | "A" if !k.alt && k.shift => Some(Command::AcceptAllSuggestions),
        "a" | "A" if !k.alt => Some(Command::AcceptSuggestion),
        "r" | "x" if !k.alt => Some(Command::RejectSuggestion),
        "l" | "L" if !k.alt => Some(Command::StartRelation),
        "Enter" if !k.alt => Some(Command::CompleteRelation),
        "Delete" | "Backspace" => Some(Command::DeleteSpan),
        "[" => Some(Command::MoveEdge { edge: Edge::Start, forward: false, by_word }),
        "]" => Some(Command::MoveEdge { edge: Edge::Start, forward: true, by_word }),
        "{" => Some(Command::MoveEdge { edge: Edge::End, forward: false, by_word }),
        "}" => Some(Command::MoveEdge { edge: Edge::End, forward: true, by_word }),
        "?" => Some(Command::Help),
        "Escape" => Some(Command::Escape),
        "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" => Some(Command::Caret),
        _ => None,
    }
}

/// Every fixed shortcut, as (keys, what it does), in the order the help overlay lists them. The
/// label keys depend on the workspace's label set, so the overlay lists them from there (see
/// [`label_shortcuts`]).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Tab to the article, then Shift+Arrow keys", "Select text with the keyboard (Ctrl+Shift+Arrow: by word)"),
    ("j / k", "Select the next / previous span"),
    ("Delete or Backspace", "Delete the selected span"),
    ("l", "Draw a relation from the selected span: click the span it points to, or choose it with j / k and press Enter"),
    ("n / p", "Select the next / previous suggestion"),
    ("a", "Accept the selected suggestion"),
    ("r or x", "Reject the selected suggestion"),
    ("Shift+A", "Accept all suggestions"),
    ("[ / ]", "Move the selected span's start left / right (Alt: by word)"),
    ("{ / }", "Move the selected span's end left / right (Alt: by word)"),
    ("Ctrl+Z (Cmd+Z)", "Undo"),
    ("Ctrl+Shift+Z (Cmd+Shift+Z) or Ctrl+Y", "Redo"),
    ("Escape", "Close a dialog, cancel drawing a relation, or deselect the span or suggestion"),
    ("?", "Show this list"),
];

/// The label keys of `labels`, as help rows: ("1", "Tag the selection as Claim, or relabel the
/// selected span").
pub fn label_shortcuts(labels: &LabelSet) -> Vec<(String, String)> {
    labels
        .iter()
        .filter_map(|d| {
            let key = d.hotkey?;
            Some((key.to_string(), format!("Tag the selection as {}, or relabel the selected span", labels.title(d.label))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> KeyPress<'_> {
        KeyPress { key, ..KeyPress::default() }
    }

    fn command(k: KeyPress) -> Option<Command> {
        super::command(k, &LabelSet::builtin())
    }

    #[test]
    fn undo_and_redo_on_every_platform() {
        assert_eq!(command(KeyPress { ctrl: true, ..key("z") }), Some(Command::Undo));
        assert_eq!(command(KeyPress { meta: true, ..key("z") }), Some(Command::Undo));
        assert_eq!(command(KeyPress { ctrl: true, shift: true, ..key("Z") }), Some(Command::Redo));
        assert_eq!(command(KeyPress { meta: true, shift: true, ..key("z") }), Some(Command::Redo));
        assert_eq!(command(KeyPress { ctrl: true, ..key("y") }), Some(Command::Redo));
    }

    #[test]
    fn digits_tag_and_brackets_move_edges() {
        assert_eq!(command(key("3")), Some(Command::Tag(Label::Quote)));
        assert_eq!(command(KeyPress { ctrl: true, ..key("3") }), None, "Ctrl+3 belongs to the browser");
        assert_eq!(command(key("}")), Some(Command::MoveEdge { edge: Edge::End, forward: true, by_word: false }));
        assert_eq!(
            command(KeyPress { alt: true, ..key("[") }),
            Some(Command::MoveEdge { edge: Edge::Start, forward: false, by_word: true })
        );
        assert_eq!(command(key("?")), Some(Command::Help));
        assert_eq!(command(key("q")), None);
        assert_eq!(command(key("7")), None, "no label has 7 yet");
    }

    #[test]
    fn a_custom_label_s_digit_tags_with_it() {
        let mut labels = LabelSet::builtin();
        let person = labels.intern("person").unwrap();
        let mut def = labels.get(person).unwrap().clone();
        def.hotkey = Some('7');
        labels.update(def).unwrap();
        assert_eq!(super::command(key("7"), &labels), Some(Command::Tag(person)));
        assert_eq!(command(key("l")), Some(Command::StartRelation));
        assert_eq!(command(key("Enter")), Some(Command::CompleteRelation));
    }

    #[test]
    fn suggestion_keys_and_caps_lock() {
        assert_eq!(command(key("n")), Some(Command::NextSuggestion));
        assert_eq!(command(key("p")), Some(Command::PreviousSuggestion));
        assert_eq!(command(key("a")), Some(Command::AcceptSuggestion));
        assert_eq!(command(key("A")), Some(Command::AcceptSuggestion), "Caps Lock on, no Shift");
        assert_eq!(command(KeyPress { shift: true, ..key("A") }), Some(Command::AcceptAllSuggestions));
        assert_eq!(command(key("r")), Some(Command::RejectSuggestion));
        assert_eq!(command(key("x")), Some(Command::RejectSuggestion));
        assert_eq!(command(KeyPress { ctrl: true, ..key("a") }), None, "Ctrl+A selects all in the browser");
        assert_eq!(command(KeyPress { alt: true, ..key("n") }), None);
    }

    #[test]
    fn the_help_lists_every_suggestion_key() {
        for keys in ["n / p", "a", "r or x", "Shift+A"] {
            assert!(SHORTCUTS.iter().any(|(k, _)| *k == keys), "{keys}");
        }
    }
}
