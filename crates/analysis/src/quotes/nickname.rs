//! Nicknames in quotation marks inside names: Marcia "Cia" Okoro, Juan ''Nico'' Sosa.
//!
//! Owns: telling such a nickname from a quotation (`marks` then skips it) and removing its marks
//! from the tokens of a credit (so "state Del. Marcia "Cia" Okoro (D-Harbour), said" reads on
//! through the name). Must never: read more than a few dozen bytes around the marks.

use std::ops::Range;

use super::tokens::{Kind, Token};

/// Whether the quoted `bytes` are a nickname inside a name (Marcia "Cia" Price, Juan ''Nico''
/// Sosa): one or two capitalised words, short, between a capitalised word and another
/// capitalised word, within the paragraph `para`.
pub fn is_nickname(text: &str, para: Range<usize>, bytes: Range<usize>) -> bool {
    /// The longest nickname, marks included, and the most bytes read for the word before it.
    const MAX_BYTES: usize = 32;
    if bytes.len() > MAX_BYTES {
        return false;
    }
    let inner = text[bytes.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    let capitalised =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-');
    if inner.is_empty() || inner.split(' ').count() > 2 || !inner.split(' ').all(capitalised) {
        return false;
    }
    let mut from = para.start.max(bytes.start.saturating_sub(MAX_BYTES));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let word_before = text[from..bytes.start].strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).unwrap_or("");
    let after_word = text[bytes.end..para.end].strip_prefix(' ').unwrap_or("");
    capitalised(word_before) && after_word.chars().next().is_some_and(char::is_uppercase)
}

/// Removes the marks around a nickname inside a name (Marcia "Cia" Price): a mark, one or two
/// capitalised words and a mark, between two capitalised words. The words stay, so a credit
/// reads on through the name.
pub fn drop_marks(text: &str, toks: &mut Vec<Token>) {
    let upper = |t: &Token| t.is_word() && text[t.bytes.clone()].chars().next().is_some_and(char::is_uppercase);
    let mut k = 1;
    while k + 2 < toks.len() {
        let inner =
            (1..=2).find(|&n| toks.get(k + n + 1).is_some_and(|t| t.kind == Kind::Mark) && toks[k + 1..k + 1 + n].iter().all(upper));
        match inner {
            Some(n) if toks[k].kind == Kind::Mark && upper(&toks[k - 1]) && toks.get(k + n + 2).is_some_and(upper) => {
                toks.remove(k + n + 1);
                toks.remove(k);
                k += n;
            }
            _ => k += 1,
        }
    }
}
