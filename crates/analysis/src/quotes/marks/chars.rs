//! What one character is in its context: an opening or closing quotation mark, either, or an
//! apostrophe (don’t, Clinton’s, ’90s, rock 'n' roll, 'til).
//!
//! Owns: the tests on a character's neighbours that `marks` pairs by. Must never: look further
//! than the characters around the mark and the word after it.

use super::{Kind, Mark};

/// Words that begin with an apostrophe standing for dropped letters, not a quotation mark.
const ELISIONS: &[&str] = &["n", "em", "til", "cause", "bout", "tis", "twas", "round", "nuff", "sup", "ya", "kay"];

/// Whether the text after an apostrophe starts with an elided word ('n', 'em, 'til).
pub(super) fn is_elision(rest: &str) -> bool {
    let word: &str = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    word.len() <= 5 && ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
}

/// What a character is, given its neighbours in the paragraph (`None`: paragraph edge) and the
/// text after it.
pub(super) fn classify(prev: Option<char>, c: char, next: Option<char>, rest: &str) -> Option<Mark> {
    let alnum_before = prev.is_some_and(char::is_alphanumeric);
    let alnum_after = next.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => {
            Some(if prev.is_some_and(|p| !p.is_whitespace()) && !is_opener_context(prev) && next.is_none_or(char::is_whitespace) {
                // A left mark used as a closing one: "… end“ said".
                Mark::Close(Kind::Double)
            } else {
                Mark::Open(Kind::Double)
            })
        }
        '”' | '»' => Some(if is_opener_context(prev) && next.is_some_and(|n| !n.is_whitespace()) {
            // A right mark used as an opening one: ” at a word start.
            Mark::Open(Kind::Double)
        } else {
            Mark::Close(Kind::Double)
        }),
        '"' => Some(straight_double(prev, next)),
        '‘' => {
            if alnum_before || next.is_some_and(|n| n.is_ascii_digit()) || is_elision(rest) {
                None
            } else {
                Some(Mark::Open(Kind::Single))
            }
        }
        '’' => {
            if alnum_after || prev.is_none_or(char::is_whitespace) {
                None // don’t, Clinton’s, ’90s, a stray mark
            } else {
                Some(Mark::Close(Kind::Single))
            }
        }
        '\'' => {
            if is_opener_context(prev) && alnum_after && !next.is_some_and(|n| n.is_ascii_digit()) && !is_elision(rest) {
                Some(Mark::Open(Kind::Single))
            } else if !alnum_after && prev.is_some_and(|p| !p.is_whitespace()) {
                Some(Mark::Close(Kind::Single))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A straight double mark opens at a word start, closes at a word end, and otherwise closes an
/// open quote or opens a new one.
pub(super) fn straight_double(prev: Option<char>, next: Option<char>) -> Mark {
    let left = is_opener_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let right =
        prev.is_some_and(|p| !p.is_whitespace() && !is_open_bracket(p)) && next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n));
    match (left, right) {
        (true, false) => Mark::Open(Kind::Double),
        (false, true) => Mark::Close(Kind::Double),
        _ => Mark::Either,
    }
}

/// Whether what comes before a mark lets it open a quote: the paragraph start, a space, an
/// opening bracket, a dash or a slash, or another quotation mark.
fn is_opener_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => p.is_whitespace() || is_open_bracket(p) || matches!(p, '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | ':'),
    }
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{')
}

fn is_closing_punct(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '”' | '’' | '\'' | '…')
}
