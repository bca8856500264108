//! Keyboard shortcuts: which key gives which command, and the help overlay's rows of keys.
//!
//! Owns: the meaning of every key. Must never: read DOM events (the app passes plain key data),
//! decide whether focus is in a text field (the app does, before asking), decide whether a
//! command is available (`commands::action_for` does), or word the help (the app does).

pub use crate::commands::Command;
use crate::label::LabelSet;
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
        "a" | "A" if !k.alt && k.shift => Some(Command::AcceptAll(None)),
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

/// The help overlay's rows after the label keys (one per label with a key), in order: the
/// commands each row's keys give. The app words each row; every command a key gives is in a row
/// (a test checks).
pub const HELP: &[&[Command]] = &[
    &[Command::Caret],
    &[Command::NextSpan, Command::PreviousSpan],
    &[Command::DeleteSpan],
    &[Command::StartRelation, Command::CompleteRelation],
    &[Command::NextSuggestion, Command::PreviousSuggestion],
    &[Command::AcceptSuggestion],
    &[Command::RejectSuggestion],
    &[Command::AcceptAll(None)],
    &[
        Command::MoveEdge { edge: Edge::Start, forward: false, by_word: false },
        Command::MoveEdge { edge: Edge::Start, forward: true, by_word: false },
    ],
    &[
        Command::MoveEdge { edge: Edge::End, forward: false, by_word: false },
        Command::MoveEdge { edge: Edge::End, forward: true, by_word: false },
    ],
    &[Command::Undo],
    &[Command::Redo],
    &[Command::Escape],
    &[Command::Help],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;

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
        assert_eq!(command(KeyPress { shift: true, ..key("A") }), Some(Command::AcceptAll(None)));
        assert_eq!(command(key("r")), Some(Command::RejectSuggestion));
        assert_eq!(command(key("x")), Some(Command::RejectSuggestion));
        assert_eq!(command(KeyPress { ctrl: true, ..key("a") }), None, "Ctrl+A selects all in the browser");
        assert_eq!(command(KeyPress { alt: true, ..key("n") }), None);
    }

    #[test]
    fn the_help_has_a_row_for_every_command_a_key_gives() {
        let keys =
            ["j", "k", "n", "p", "a", "A", "r", "x", "l", "L", "Enter", "Delete", "Backspace", "[", "]", "{", "}", "?", "Escape", "Home"];
        let mut presses: Vec<KeyPress> = keys.iter().map(|k| key(k)).collect();
        presses.extend(keys.iter().map(|k| KeyPress { shift: true, ..key(k) }));
        presses.extend(["z", "Z", "y"].iter().map(|k| KeyPress { ctrl: true, ..key(k) }));
        presses.push(KeyPress { ctrl: true, shift: true, ..key("z") });
        for press in presses {
            let Some(cmd) = command(press) else { continue };
            // Alt moves an edge by word; the row for the edge keys says so.
            let cmd = match cmd {
                Command::MoveEdge { edge, forward, .. } => Command::MoveEdge { edge, forward, by_word: false },
                other => other,
            };
            assert!(HELP.iter().any(|row| row.contains(&cmd)), "{press:?} gives {cmd:?}, which the help does not list");
        }
        // The suggestion keys are listed, each on a row of its own after the span keys.
        for cmd in [Command::NextSuggestion, Command::AcceptSuggestion, Command::RejectSuggestion, Command::AcceptAll(None)] {
            assert!(HELP.iter().any(|row| row[0] == cmd), "{cmd:?}");
        }
    }
}
