//! Keyboard shortcuts: which key does what, in one table that the key handler and the help
//! overlay both read.
//!
//! Owns: the meaning of every shortcut. Must never: read DOM events (the app passes plain key
//! data) or decide whether focus is in a text field (the app does, before asking).

use crate::label::Label;
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
    MoveEdge { edge: Edge, forward: bool, by_word: bool },
    Help,
    /// Closes a dialog, or else deselects.
    Escape,
    /// Moves the text cursor or extends the selection inside the article (handled by the DOM).
    Caret,
}

/// The command a key press gives, if any.
pub fn command(k: KeyPress) -> Option<Command> {
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
    if let Some(label) = Label::from_hotkey(key) {
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

/// Every shortcut, as (keys, what it does), in the order the help overlay lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Tab to the article, then Shift+Arrow keys", "Select text with the keyboard (Ctrl+Shift+Arrow: by word)"),
    ("1", "Tag the selection as Claim, or relabel the selected span"),
    ("2", "Tag the selection as Demand, or relabel the selected span"),
    ("3", "Tag the selection as Quote, or relabel the selected span"),
    ("4", "Tag the selection as Opinion, or relabel the selected span"),
    ("j / k", "Select the next / previous span"),
    ("Delete or Backspace", "Delete the selected span"),
    ("n / p", "Select the next / previous suggestion"),
    ("a", "Accept the selected suggestion"),
    ("r or x", "Reject the selected suggestion"),
    ("Shift+A", "Accept all suggestions"),
    ("[ / ]", "Move the selected span's start left / right (Alt: by word)"),
    ("{ / }", "Move the selected span's end left / right (Alt: by word)"),
    ("Ctrl+Z (Cmd+Z)", "Undo"),
    ("Ctrl+Shift+Z (Cmd+Shift+Z) or Ctrl+Y", "Redo"),
    ("Escape", "Close a dialog, or deselect the span or suggestion"),
    ("?", "Show this list"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> KeyPress<'_> {
        KeyPress { key, ..KeyPress::default() }
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
        assert_eq!(command(KeyPress { alt: true, ..key("[") }), Some(Command::MoveEdge { edge: Edge::Start, forward: false, by_word: true }));
        assert_eq!(command(key("?")), Some(Command::Help));
        assert_eq!(command(key("q")), None);
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
