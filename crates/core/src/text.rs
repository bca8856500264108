//! The text of one article and every offset conversion the project needs.
//!
//! Owns: the immutable article text and the mapping between Unicode code points (the unit of the
//! model, the exports and the formats), UTF-16 code units (the DOM's unit) and UTF-8 bytes (Rust's
//! unit). Must never: change the text after construction, or be sliced with anything but code
//! points from outside this module.

use std::cell::OnceCell;
use std::rc::Rc;

/// Distance, in code points, between two stored checkpoints. Any conversion walks at most this
/// many characters after a binary search, so conversions stay cheap on multi-megabyte articles
/// while the index costs 8 bytes per 64 characters.
const STRIDE: usize = 64;

/// An article's text, exactly as loaded, with an index for offset conversions.
#[derive(Debug)]
pub struct ArticleText {
    text: Rc<str>,
    char_len: usize,
    /// For every `STRIDE`-th code point: its UTF-8 byte offset and its UTF-16 offset.
    checkpoints: Vec<(u32, u32)>,
    utf16_len: usize,
    blocks: Vec<Block>,
    /// Words in each block's content, counted on first use and kept (see `words_per_block`).
    words: OnceCell<Vec<usize>>,
}

/// One displayed line of the article: its content and the line break that ends it, if any.
/// Paragraph structure is shown by rendering each block on its own, so `\r\n`, `\n` and a lone
/// `\r` all break the line while the text itself stays untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Code point where the block's content starts.
    pub start: usize,
    /// Code point where the content ends and the line break (if any) starts.
    pub content_end: usize,
    /// Code point after the line break; the next block starts here.
    pub end: usize,
    /// UTF-16 offset of `start`, so the DOM layer needs no walk to place a block.
    pub utf16_start: usize,
}

impl PartialEq for ArticleText {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for ArticleText {}

impl ArticleText {
    pub fn new(text: impl Into<Rc<str>>) -> Self {
        let text: Rc<str> = text.into();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut blocks = Vec::new();
        let (mut cp, mut utf16) = (0usize, 0usize);
        let (mut block_start, mut block_utf16) = (0usize, 0usize);
        let mut prev = '\0';
        let mut iter = text.char_indices().peekable();
        while let Some((byte, c)) = iter.next() {
            if cp % STRIDE == 0 {
                checkpoints.push((byte as u32, utf16 as u32));
            }
            cp += 1;
            utf16 += c.len_utf16();
            let content_end = match c {
                '\n' if prev == '\r' => Some(cp - 2),
                '\n' => Some(cp - 1),
                '\r' if !matches!(iter.peek(), Some((_, '\n'))) => Some(cp - 1),
                _ => None,
            };
            if let Some(content_end) = content_end {
                blocks.push(Block { start: block_start, content_end, end: cp, utf16_start: block_utf16 });
                block_start = cp;
                block_utf16 = utf16;
            }
            prev = c;
        }
        if block_start < cp || blocks.is_empty() {
            blocks.push(Block { start: block_start, content_end: cp, end: cp, utf16_start: block_utf16 });
        }
        ArticleText { text, char_len: cp, checkpoints, utf16_len: utf16, blocks, words: OnceCell::new() }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn shared(&self) -> Rc<str> {
        self.text.clone()
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.char_len
    }

    pub fn is_empty(&self) -> bool {
        self.char_len == 0
    }

    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// How many words (runs of non-whitespace) each block's content holds, by block index.
    /// Counted once per text and kept: the summary asks after every edit, and on a 1 MB article
    /// the count takes longer than the rest of the summary.
    pub fn words_per_block(&self) -> &[usize] {
        self.words.get_or_init(|| self.blocks.iter().map(|b| self.slice(b.start, b.content_end).split_whitespace().count()).collect())
    }

    /// The block whose range (content and line break) holds code point `cp`; the last block for
    /// the end of the text.
    pub fn block_at(&self, cp: usize) -> usize {
        match self.blocks.binary_search_by(|b| b.start.cmp(&cp)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// UTF-8 byte offset of code point `cp` (clamped to the end of the text).
    pub fn byte_of(&self, cp: usize) -> usize {
        if cp >= self.char_len {
            return self.text.len();
        }
        let (byte, _) = self.checkpoints[cp / STRIDE];
        let rest = cp % STRIDE;
        let tail = &self.text[byte as usize..];
        byte as usize + tail.char_indices().nth(rest).map_or(tail.len(), |(b, _)| b)
    }

    /// UTF-16 offset of code point `cp` (clamped to the end of the text).
    pub fn utf16_of(&self, cp: usize) -> usize {
        if cp >= self.char_len {
            return self.utf16_len;
        }
        let (byte, u16s) = self.checkpoints[cp / STRIDE];
        let rest = cp % STRIDE;
        u16s as usize + self.text[byte as usize..].chars().take(rest).map(char::len_utf16).sum::<usize>()
    }

    /// Code point at UTF-16 offset `u`. An offset inside a surrogate pair rounds down to the
    /// character's start; offsets past the end clamp to the length.
    pub fn cp_of_utf16(&self, u: usize) -> usize {
        if u >= self.utf16_len {
            return self.char_len;
        }
        let i = self.checkpoints.partition_point(|&(_, u16s)| u16s as usize <= u) - 1;
        let (byte, mut at) = self.checkpoints[i];
        let mut cp = i * STRIDE;
        for c in self.text[byte as usize..].chars() {
            let next = at as usize + c.len_utf16();
            if next > u {
                break;
            }
            at = next as u32;
            cp += 1;
        }
        cp
    }

    /// Code point at UTF-8 byte offset `b` (rounded down to a character boundary).
    pub fn cp_of_byte(&self, b: usize) -> usize {
        if b >= self.text.len() {
            return self.char_len;
        }
        let i = self.checkpoints.partition_point(|&(byte, _)| byte as usize <= b) - 1;
        let (byte, _) = self.checkpoints[i];
        let mut cp = i * STRIDE;
        for (off, _) in self.text[byte as usize..].char_indices().skip(1) {
            if byte as usize + off > b {
                break;
            }
            cp += 1;
        }
        cp
    }

    /// The text between two code points, end exclusive (clamped, never panics).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.char_len);
        let start = start.min(end);
        &self.text[self.byte_of(start)..self.byte_of(end)]
    }

    /// The character at code point `cp`, if any.
    pub fn char_at(&self, cp: usize) -> Option<char> {
        if cp >= self.char_len {
            return None;
        }
        self.text[self.byte_of(cp)..].chars().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_per_block_once() {
        let t = ArticleText::new("Two words\r\n \u{a0}\t\n«Ça va»,\u{2009}dit-il 😀\n");
        assert_eq!(t.words_per_block(), [2, 0, 4]);
        assert!(std::ptr::eq(t.words_per_block(), t.words_per_block()), "kept, not counted again");
    }

    #[test]
    fn blocks_follow_every_kind_of_line_break() {
        let t = ArticleText::new("a\r\nb\nc\rd");
        let b: Vec<_> = t.blocks().iter().map(|b| (b.start, b.content_end, b.end)).collect();
        assert_eq!(b, vec![(0, 1, 3), (3, 4, 5), (5, 6, 7), (7, 8, 8)]);
        assert_eq!(t.block_at(2), 0);
        assert_eq!(t.block_at(3), 1);
        assert_eq!(t.block_at(8), 3);
    }

    #[test]
    fn empty_text_has_one_empty_block() {
        let t = ArticleText::new("");
        assert_eq!(t.blocks().len(), 1);
        assert_eq!(t.len(), 0);
        assert_eq!(t.slice(0, 5), "");
    }

    #[test]
    fn offsets_of_astral_characters() {
        let t = ArticleText::new("a😀b");
        assert_eq!(t.len(), 3);
        assert_eq!(t.utf16_of(2), 3);
        assert_eq!(t.byte_of(2), 5);
        assert_eq!(t.cp_of_utf16(3), 2);
        assert_eq!(t.cp_of_utf16(2), 1, "inside a surrogate pair rounds down");
        assert_eq!(t.cp_of_byte(5), 2);
        assert_eq!(t.slice(1, 2), "😀");
    }
}
