//! The analysed text: paragraphs and sentences found once, and conversions to code points.
//!
//! Owns: the split into paragraphs (at line breaks) and sentences, and building suggestions
//! with code-point offsets from the byte ranges detectors work in, snapped to valid span edges.
//! Must never: change the text, or scan more than a bounded distance around any position
//! (the split is linear in the text).

use std::ops::Range;
use std::rc::Rc;

use newsmark_core::{ArticleText, Attributes, Confidence, Label, Provenance, Suggestion};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text, without surrounding whitespace.
    pub bytes: Range<usize>,
    /// Index of the paragraph holding the sentence.
    pub paragraph: usize,
}

pub struct Doc<'a> {
    pub text: &'a str,
    index: ArticleText,
    /// Byte ranges of non-blank paragraphs (lines), without their line breaks.
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let index = ArticleText::new(text);
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive(['\n', '\r']) {
            let content = line.trim_end_matches(['\n', '\r']);
            if !content.trim().is_empty() {
                paragraphs.push(at..at + content.len());
            }
            at += line.len();
        }
        let sentences = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, range)| {
                crate::doc::sentences(text, range.clone()).into_iter().map(move |bytes| Sentence { bytes, paragraph: p })
            })
            .collect();
        Doc { text, index, paragraphs, sentences }
    }

    /// Code point of byte offset `byte`.
    pub fn cp(&self, byte: usize) -> usize {
        self.index.cp_of_byte(byte)
    }

    pub fn slice(&self, bytes: &Range<usize>) -> &'a str {
        &self.text[bytes.clone()]
    }

    /// Whether `bytes` certainly starts and ends on grapheme-cluster boundaries and has no outer
    /// whitespace, judged from the characters on both sides of each edge, so that snapping can
    /// be skipped (it costs a segmentation of a window around each edge). Exact, not a guess:
    /// between two of `simple` characters Unicode never forbids a cluster break.
    fn plain_edges(&self, bytes: &Range<usize>) -> bool {
        let t = self.text;
        if bytes.start >= bytes.end || bytes.end > t.len() || !t.is_char_boundary(bytes.start) || !t.is_char_boundary(bytes.end) {
            return false;
        }
        let simple = |c: Option<char>| {
            c.is_none_or(|c| {
                (c.is_ascii() && c != '\r' && c != '\n')
                    || ('\u{a0}'..='\u{2ff}').contains(&c)
                    || ('\u{2010}'..='\u{2027}').contains(&c)
                    || ('\u{2030}'..='\u{205e}').contains(&c)
            })
        };
        // Outside the range a line break is fine too: a cluster always breaks next to CR or LF
        // except inside CR LF, and the inside character is never CR or LF here.
        let simple_outside = |c: Option<char>| simple(c) || matches!(c, Some('\r' | '\n'));
        let first = t[bytes.start..].chars().next();
        let last = t[..bytes.end].chars().next_back();
        simple_outside(t[..bytes.start].chars().next_back())
            && simple(first)
            && simple(last)
            && simple_outside(t[bytes.end..].chars().next())
            && !first.is_some_and(char::is_whitespace)
            && !last.is_some_and(char::is_whitespace)
    }

    /// A suggestion over `bytes`, converted to code points and snapped like a person's
    /// selection (ARCHITECTURE.md, invariant 3): its edges moved out to grapheme-cluster
    /// boundaries and outer whitespace dropped, so an accepted suggestion is a valid span. A
    /// range of nothing but whitespace is left as it is (detectors never build one).
    pub fn suggestion(&self, label: Label, bytes: Range<usize>, attributes: Attributes, confidence: f32, reason: &str) -> Suggestion {
        let (start, end) = (self.cp(bytes.start), self.cp(bytes.end));
        let (start, end) = if self.plain_edges(&bytes) {
            (start, end)
        } else {
            newsmark_core::snap::snap_selection(&self.index, start, end, false).unwrap_or((start, end))
        };
        Suggestion {
            label,
            start,
            end,
            attributes,
            provenance: Provenance { confidence: Confidence::from_f32(confidence), reason: Rc::from(reason) },
        }
    }
}

/// Sentence byte ranges within `paragraph` (a byte range of `text`), without surrounding
/// whitespace.
///
/// A sentence ends at '.', '!' or '?' (with any closing quotes and brackets after it) followed
/// by a space or the paragraph's end, except: when the next word starts in lower case ("“Go!”
/// he said", "approx. five"); after a title ("Mr.", "Sen.", "Gov."), which always precedes a
/// name; and after another abbreviation, an initial or a dotted acronym ("Jan.", "J.", "U.S.")
/// unless the next word is one that typically opens a sentence ("… in the U.S. The …").
/// Linear: each character is looked at a bounded number of times.
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let p = &text[paragraph.clone()];
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < p.len() {
        let c = bytes[i];
        if !matches!(c, b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        // Closing quotes and brackets after the mark belong to the sentence, as do further marks
        // ("?!", "...").
        let mut end = i + 1;
        while let Some(ch) = p[end..].chars().next() {
            if matches!(ch, '"' | '”' | '’' | '\'' | ')' | ']' | '.' | '!' | '?' | '»') {
                end += ch.len_utf8();
            } else {
                break;
            }
        }
        let next_is_space = p[end..].chars().next().is_none_or(char::is_whitespace);
        let quoted = p[i + 1..end].contains(['"', '”', '’', '\'', '»']);
        if next_is_space && ends_sentence(&p[start..i], c, next_word(&p[end..])) && !(quoted && attribution_follows(&p[end..])) {
            push_trimmed(&mut out, p, start..end, paragraph.start);
            start = end;
        }
        i = end;
    }
    push_trimmed(&mut out, p, start..p.len(), paragraph.start);
    out
}

/// The first word of `rest` (after whitespace and opening quotes or brackets), at most a few
/// dozen bytes of it.
fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start().trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«']);
    let end = rest.char_indices().find(|&(i, c)| (!c.is_alphanumeric() && c != '\'' && c != '’') || i > 40).map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Whether a speaker and a reporting verb follow within four words ("“Why?” Trump asked."),
/// so that the quote and its attribution stay one sentence.
fn attribution_follows(rest: &str) -> bool {
    let window = &rest[..floor_boundary(rest, rest.len().min(80))];
    for w in window.split_whitespace().take(4) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if crate::lexicon::reporting::is_reporting_verb(bare) {
            return true;
        }
        if w.ends_with(['.', '!', '?']) && !crate::lexicon::ABBREVIATIONS.contains(&w.trim_end_matches('.')) && !crate::names::is_title(w) {
            return false;
        }
    }
    false
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a terminal mark `mark` after the sentence text `before` ends the sentence, given the
/// next word.
fn ends_sentence(before: &str, mark: u8, next: &str) -> bool {
    let Some(first) = next.chars().next() else { return true };
    if first.is_lowercase() {
        return false;
    }
    if mark != b'.' {
        return true;
    }
    let word = last_word(before);
    if crate::names::is_title(word) && word.chars().next().is_some_and(char::is_uppercase) && word.len() <= 5 {
        return false;
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let abbreviation = crate::lexicon::ABBREVIATIONS.contains(&word) || word.contains('.') || initial;
    !abbreviation || crate::lexicon::SENTENCE_STARTERS.contains(&next)
}

/// The last word of `before` (what precedes a full stop), cut at whitespace, brackets and
/// quotation marks; scans back over that word only.
fn last_word(before: &str) -> &str {
    before.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '[' | '—' | '–')).next().unwrap_or("")
}

fn push_trimmed(out: &mut Vec<Range<usize>>, p: &str, r: Range<usize>, offset: usize) {
    let s = &p[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(offset + r.start + lead..offset + r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let d = Doc::new(s);
        d.sentences.iter().map(|x| d.slice(&x.bytes)).collect()
    }

    #[test]
    fn quotes_initials_and_acronyms() {
        assert_eq!(split("“Go!” he said. “Why?” Trump asked."), vec!["“Go!” he said.", "“Why?” Trump asked."]);
        assert_eq!(
            split("J. Edgar Hoover ran the F.B.I. for decades. He died."),
            vec!["J. Edgar Hoover ran the F.B.I. for decades.", "He died."]
        );
        assert_eq!(split("She lives in the U.S. The rest is history."), vec!["She lives in the U.S.", "The rest is history."]);
        assert_eq!(
            split("Gov. Mike Pence (R-Ind.) spoke. Rep. Smith, R-Ky., agreed."),
            vec!["Gov. Mike Pence (R-Ind.) spoke.", "Rep. Smith, R-Ky., agreed."]
        );
        assert_eq!(
            split("It costs approx. five dollars, i.e. little. Fine."),
            vec!["It costs approx. five dollars, i.e. little.", "Fine."]
        );
        assert_eq!(split("He said: “We won.” Then he left..."), vec!["He said: “We won.”", "Then he left..."]);
        assert_eq!(split("No stop at all"), vec!["No stop at all"]);
        assert_eq!(split("...?!"), vec!["...?!"]);
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Sen. Warren met Mr. Smith in the U.S. on Jan. 5. They talked. “Fine,” he said."),
            vec!["Sen. Warren met Mr. Smith in the U.S. on Jan. 5.", "They talked.", "“Fine,” he said."]
        );
    }
}
