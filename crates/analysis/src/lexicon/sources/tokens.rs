//! Splitting a sentence into word tokens for the claim, demand and opinion detectors.
//!
//! Owns: what a word is (inner apostrophes, hyphens, full stops and digit-group commas stay in
//! it; an abbreviation keeps its full stop; marks and emoji never split a character cluster),
//! its lower-cased form for the lists, and looking a word up in a sorted list. Must never: lower
//! anything but ASCII letters (the lists are ASCII), or end a token inside a character cluster.

use std::ops::Range;

/// A word, or one punctuation mark, inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte range in the document's text.
    pub bytes: Range<usize>,
    /// Lower case (ASCII letters only, see `lower`), with the curly apostrophe made straight, for
    /// comparing with the lists.
    pub lower: String,
    /// Whether this is a word (letters, digits, marks) rather than a punctuation mark.
    pub word: bool,
    /// Whether the word starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }
}

/// Whether `list` (sorted, lower case, no empty entries) holds `w`. Every token meets several
/// lists, so the search compares first bytes before whole words (most probes differ there).
pub fn has(list: &[&str], w: &str) -> bool {
    let wb = w.as_bytes();
    let Some(&first) = wb.first() else { return false };
    list.binary_search_by(|x| {
        let xb = x.as_bytes();
        match xb.first().cmp(&Some(&first)) {
            std::cmp::Ordering::Equal => xb.cmp(wb),
            other => other,
        }
    })
    .is_ok()
}

/// Punctuation that is not ASCII but must not be glued into words: quotation marks, dashes,
/// ellipses and bullets. Every other non-ASCII, non-space character counts as part of a word, so
/// that combining marks, emoji sequences and other scripts never split a grapheme cluster.
fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‹'
            | '›'
            | '‟'
            | '‛'
            | '—'
            | '–'
            | '―'
            | '‒'
            | '…'
            | '•'
            | '·'
            | '‐'
            | '‑'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !is_unicode_punct(c) && !c.is_control())
}

/// Opening or closing quotation marks of any style.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‹' | '›' | '‟' | '‛')
}

/// Splits `text[range]` into tokens. A word keeps inner apostrophes, hyphens, full stops and
/// digit-group commas ("don’t", "U.S", "3.5", "1,000"), and the full stop of an abbreviation.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let s = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        // Joiners, marks, variation selectors and emoji right after a token extend it: they
        // never start a character cluster of their own ("says:\u{200d}" is one token).
        if !c.is_ascii() && !c.is_alphanumeric() && !is_unicode_punct(c) {
            if let Some(prev) = out.last_mut().filter(|p: &&mut Tok| p.bytes.end == base + i) {
                prev.bytes.end += c.len_utf8();
                prev.lower.push(c);
                continue;
            }
        }
        if !is_word_char(c) {
            let end = i + c.len_utf8();
            out.push(Tok { bytes: base + i..base + end, lower: c.to_string(), word: false, cap: false });
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = it.peek() {
            let joins = if is_word_char(d) {
                true
            } else if matches!(d, '\'' | '’' | '-' | '.' | '&') || (d == ',' && prev.is_ascii_digit()) {
                // Only between two word characters (a comma only between digits).
                let next = s[j + d.len_utf8()..].chars().next();
                next.is_some_and(|n| if d == ',' { n.is_ascii_digit() } else { is_word_char(n) })
            } else {
                false
            };
            if !joins {
                break;
            }
            end = j + d.len_utf8();
            prev = d;
            it.next();
        }
        let word = &s[i..end];
        // The full stop of an abbreviation belongs to it ("Mr.", "U.S.", "J."): the sentence
        // splitter has already decided it does not end the sentence.
        if s[end..].starts_with('.') && is_abbreviation(word) {
            end += 1;
            it.next();
        }
        let word = &s[i..end];
        out.push(Tok { bytes: base + i..base + end, lower: lower(word), word: true, cap: c.is_uppercase() });
    }
    out
}

/// Lower case with the curly apostrophe made straight. Only ASCII letters are lowered: every
/// list is ASCII (a test checks), so a word whose other letters change case matches none either
/// way, and the page's wasm (which classifies sources for the summary) carries no Unicode case
/// tables.
fn lower(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

fn is_abbreviation(word: &str) -> bool {
    crate::lexicon::ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && !word.chars().any(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0..s.len()).into_iter().map(|t| s[t.bytes].to_string()).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_contractions_and_numbers() {
        assert_eq!(
            words("Mr. Smith didn’t pay $1,000.50 in the U.S. today."),
            vec!["Mr.", "Smith", "didn’t", "pay", "$", "1,000.50", "in", "the", "U.S.", "today", "."]
        );
        assert_eq!(words("“Yes,” e\u{301}te"), vec!["“", "Yes", ",", "”", "e\u{301}te"]);
    }
}
