//! Cutting single words out of the text right before or after an offset, for the name readers.
//!
//! Owns: what a word is here (letters, digits, inner hyphens, apostrophes and full stops), where
//! a full stop ends one, and keeping every cut on a character boundary. Must never: cross a line
//! break, or look past the floor or limit it is given.

use std::ops::Range;

use super::{is_title, MAX_WORD_BYTES};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.')
}

/// The word ending at `end` (after skipping spaces, never crossing a line break or punctuation
/// other than a full stop inside the word), not starting before `floor`.
pub(super) fn word_before(text: &str, end: usize, floor: usize) -> Option<Range<usize>> {
    let head = &text[floor..end];
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    let word_end = floor + trimmed.len();
    let mut start = word_end;
    for (i, c) in trimmed.char_indices().rev() {
        if !is_word_char(c) {
            break;
        }
        start = floor + i;
    }
    if start == word_end || word_end - start > MAX_WORD_BYTES {
        return None;
    }
    // A word cut at the floor may be longer than it looks.
    if start == floor && floor > 0 && text[..floor].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    // Leading hyphens or apostrophes are punctuation, not part of the word.
    let w = &text[start..word_end];
    let lead = w.len() - w.trim_start_matches(['-', '\'', '’', '.']).len();
    (start + lead < word_end).then_some(start + lead..word_end)
}

/// The word starting at `start` after spaces (not line breaks), ending before `limit`.
pub(super) fn word_after(text: &str, start: usize, limit: usize) -> Option<Range<usize>> {
    let tail = &text[start..limit];
    let trimmed = tail.trim_start_matches([' ', '\t', '\u{a0}']);
    let word_start = limit - trimmed.len();
    let mut end = word_start;
    for (i, c) in trimmed.char_indices() {
        if !is_word_char(c) {
            break;
        }
        end = word_start + i + c.len_utf8();
    }
    if end == word_start || end - word_start > MAX_WORD_BYTES {
        return None;
    }
    if end == limit && limit < text.len() && text[limit..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    // A full stop ends the word unless it is an initial, title or dotted abbreviation.
    let w = &text[word_start..end];
    let mut w_end = end;
    if let Some(without) = w.strip_suffix('.') {
        let keep = without.chars().count() == 1 || is_title(without) || matches!(without, "Jr" | "Sr" | "St") || without.contains('.');
        if !keep {
            w_end = end - 1;
        }
    }
    let w = &text[word_start..w_end];
    let trail = w.len() - w.trim_end_matches(['-', '\'', '’']).len();
    let w_end = if w.ends_with("'s") || w.ends_with("’s") { w_end } else { w_end - trail };
    (word_start < w_end).then_some(word_start..w_end)
}

pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
