//! Every word the app shows that the core gives as data: notices, refusals in forms, the help
//! overlay's rows, attribute names; and the two text helpers every component uses, plurals
//! (`plural`) and shortening with an ellipsis (`shorten`).
//!
//! Owns: the English of the app's messages, in one place. Must never: decide anything (what to
//! say is the core's data; this only words it), or touch the DOM.

mod help;
mod notices;

pub use help::{label_shortcut, shortcut};
pub use notices::{label_error, notice, text_refusal};

use newsmark_core::AttributeKey;

/// "1 span", "3 spans": a count with the noun that fits it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `text` cut to at most `max` characters, the last of them an ellipsis when it was cut (and no
/// space left before the ellipsis).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Span texts in the side panel's lists are cut to this many characters.
const EXCERPT: usize = 140;

/// A span's (or a suggestion's) text as the side panel's lists show it.
pub fn excerpt(text: &str) -> String {
    shorten(text, EXCERPT)
}

/// An attribute's name, as a form field's label and in lists.
pub fn attribute(key: AttributeKey) -> &'static str {
    match key {
        AttributeKey::Speaker => "Speaker",
        AttributeKey::Source => "Source",
        AttributeKey::By => "Demanded by",
        AttributeKey::To => "Addressed to",
        AttributeKey::Holder => "Holder",
        AttributeKey::Note => "Note",
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn plurals_and_shortening() {
        assert_eq!(plural(1, "span", "spans"), "1 span");
        assert_eq!(plural(0, "span", "spans"), "0 spans");
        assert_eq!(plural(12, "article", "articles"), "12 articles");
        assert_eq!(shorten("short", 5), "short");
        assert_eq!(shorten("a b c d e", 5), "a b…", "no space before the ellipsis");
        assert_eq!(shorten("😀😀😀😀😀😀", 4), "😀😀😀…", "counted in characters");
        assert_eq!(shorten("abcdef", 4).chars().count(), 4);
    }
}
