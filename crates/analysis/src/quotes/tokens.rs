//! Words and punctuation of the short windows around a quotation, for the speaker rules.
//!
//! Owns: cutting a bounded byte window into tokens, keeping the full stop of abbreviations and
//! initials with their word ("Mr.", "U.S.", "J.") so that a remaining "." token ends a sentence.
//! Must never: be given an unbounded window (callers cut windows to a few hundred bytes).

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character; dashes are normalised to '—', "--" included.
    Punct(char),
    /// A quotation mark of any kind.
    Mark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub bytes: Range<usize>,
    pub kind: Kind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// A full stop, question or exclamation mark, or semicolon: the clause is over.
    pub fn ends_clause(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?' | ';' | '…'))
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '„' | '«' | '»' | '`')
}

/// Tokens of `text[window]`. Apostrophes inside words (don’t, O'Brien, Clinton’s) stay in the
/// word; a quotation mark elsewhere becomes a `Mark` token.
pub fn tokenize(text: &str, window: Range<usize>) -> Vec<Token> {
    let s = &text[window.clone()];
    let base = window.start;
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '\'' | '’' | '-' | '.' | '&' | '/');
                // Joining punctuation stays inside the word only between letters or digits.
                if d.is_alphanumeric() || (joins && s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            // Keep the full stop of an abbreviation or initial with its word.
            if s[end..].starts_with('.') && keeps_stop(&s[i..end]) {
                chars.next();
                end += 1;
            }
            out.push(Token { bytes: base + i..base + end, kind: Kind::Word });
        } else if c.is_whitespace() {
            continue;
        } else if c == '-' && s[i + 1..].starts_with('-') {
            chars.next();
            out.push(Token { bytes: base + i..base + i + 2, kind: Kind::Punct('—') });
        } else if is_quote_mark(c) {
            out.push(Token { bytes: base + i..base + i + c.len_utf8(), kind: Kind::Mark });
        } else {
            let p = if matches!(c, '–' | '—' | '―') { '—' } else { c };
            out.push(Token { bytes: base + i..base + i + c.len_utf8(), kind: Kind::Punct(p) });
        }
    }
    super::nickname::drop_marks(text, &mut out);
    out
}

/// Whether a word keeps a following full stop: titles and other listed abbreviations, single
/// capital letters (initials) and dotted abbreviations (U.S, a.m).
fn keeps_stop(word: &str) -> bool {
    // "R-Ky." and "D-Mo.": a party and a state abbreviation.
    let last = word.rsplit('-').next().unwrap_or(word);
    (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || crate::lexicon::ABBREVIATIONS.contains(&last)
        || word.contains('.')
        || crate::lexicon::ABBREVIATIONS.contains(&word)
        || crate::names::is_title(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_and_marks() {
        let t = "said Mr. O’Brien, the U.S. envoy -- “no.”";
        let toks = tokenize(t, 0..t.len());
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.bytes.clone()]).collect();
        assert_eq!(texts, vec!["said", "Mr.", "O’Brien", ",", "the", "U.S.", "envoy", "--", "“", "no", ".", "”"]);
        assert!(toks[7].is_punct('—'));
        let t = "McConnell, R-Ky., said 9/11 widow";
        let texts: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|k| &t[k.bytes.clone()]).collect();
        assert_eq!(texts, vec!["McConnell", ",", "R-Ky.", ",", "said", "9/11", "widow"]);
        // A nickname's marks go; other marks stay.
        let t = "Del. Marcia \"Cia\" Okoro said “Fine” to Ada";
        let texts: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|k| &t[k.bytes.clone()]).collect();
        assert_eq!(texts, vec!["Del.", "Marcia", "Cia", "Okoro", "said", "“", "Fine", "”", "to", "Ada"]);
    }
}
