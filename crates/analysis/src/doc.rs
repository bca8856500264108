//! The analysed text: paragraphs and sentences found once, and conversions to code points.
//!
//! Owns: the split into paragraphs (at line breaks) and sentences, and building suggestions
//! with code-point offsets from the byte ranges detectors work in. Must never: change the text.

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
            .flat_map(|(p, range)| crate::doc::sentences(text, range.clone()).into_iter().map(move |bytes| Sentence { bytes, paragraph: p }))
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

    /// A suggestion over `bytes`, converted to code points.
    pub fn suggestion(&self, label: Label, bytes: Range<usize>, attributes: Attributes, confidence: f32, reason: &str) -> Suggestion {
        Suggestion {
            label,
            start: self.cp(bytes.start),
            end: self.cp(bytes.end),
            attributes,
            provenance: Provenance { confidence: Confidence::from_f32(confidence), reason: Rc::from(reason) },
        }
    }
}

/// Sentence byte ranges within `paragraph` (a byte range of `text`).
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let p = &text[paragraph.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (i, &(byte, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets after the mark belong to the sentence.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']') {
            j += 1;
        }
        let end = chars.get(j).map_or(p.len(), |&(b, _)| b);
        let next_is_space = chars.get(j).is_none_or(|&(_, c)| c.is_whitespace());
        if !next_is_space || (c == '.' && is_abbreviation(&p[start..byte])) {
            continue;
        }
        push_trimmed(&mut out, p, start..end, paragraph.start);
        start = end;
    }
    push_trimmed(&mut out, p, start..p.len(), paragraph.start);
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, p: &str, r: Range<usize>, offset: usize) {
    let s = &p[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(offset + r.start + lead..offset + r.end - trail);
    }
}

/// Whether the text before a full stop ends with an abbreviation that does not end a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    crate::lexicon::ABBREVIATIONS.contains(&word)
        // Initials and dotted acronyms: "J.", "U.S", "a.m".
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let d = Doc::new(s);
        d.sentences.iter().map(|x| d.slice(&x.bytes)).collect()
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Sen. Warren met Mr. Smith in the U.S. on Jan. 5. They talked. “Fine,” he said."),
            vec!["Sen. Warren met Mr. Smith in the U.S. on Jan. 5.", "They talked.", "“Fine,” he said."]
        );
    }
}
