//! `ArticleText` against a naive reference: every offset conversion at every position, slicing,
//! and the line blocks, on text full of multi-unit characters and mixed line breaks.
//!
//! The reference is deliberately the slow, obvious computation (`char_indices`, `encode_utf16`)
//! so that the checkpoint index in `text.rs` is tested against something that cannot share its
//! bugs. Texts run to several hundred code points so that many checkpoints are crossed.

mod common;

use newsmark_core::ArticleText;
use proptest::prelude::*;

/// Per code point: UTF-8 byte offset, UTF-16 offset and the character; plus a final entry for
/// the end of the text.
fn reference(text: &str) -> Vec<(usize, usize, Option<char>)> {
    let mut out = Vec::new();
    let mut utf16 = 0;
    for (byte, c) in text.char_indices() {
        out.push((byte, utf16, Some(c)));
        utf16 += c.len_utf16();
    }
    out.push((text.len(), utf16, None));
    out
}

fn is_break(s: &str) -> bool {
    matches!(s, "\r\n" | "\n" | "\r")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn conversions_agree_with_the_reference_at_every_offset(text in common::text_of(0..200)) {
        let t = ArticleText::new(text.as_str());
        let reference = reference(&text);
        let len = reference.len() - 1;
        prop_assert_eq!(t.len(), len);
        prop_assert_eq!(t.utf16_len(), text.encode_utf16().count());
        prop_assert_eq!(t.as_str(), text.as_str());
        for (cp, &(byte, utf16, c)) in reference.iter().enumerate() {
            prop_assert_eq!(t.byte_of(cp), byte, "byte_of({})", cp);
            prop_assert_eq!(t.utf16_of(cp), utf16, "utf16_of({})", cp);
            prop_assert_eq!(t.cp_of_byte(byte), cp, "cp_of_byte({})", byte);
            prop_assert_eq!(t.cp_of_utf16(utf16), cp, "cp_of_utf16({})", utf16);
            prop_assert_eq!(t.char_at(cp), c);
            if let Some(c) = c {
                // Offsets inside a character round down to its start.
                for inside in byte + 1..byte + c.len_utf8() {
                    prop_assert_eq!(t.cp_of_byte(inside), cp, "cp_of_byte({}) inside {:?}", inside, c);
                }
                if c.len_utf16() == 2 {
                    prop_assert_eq!(t.cp_of_utf16(utf16 + 1), cp, "cp_of_utf16 inside {:?}", c);
                }
            }
        }
        prop_assert_eq!(t.byte_of(len + 3), text.len());
        prop_assert_eq!(t.utf16_of(len + 3), t.utf16_len());
        prop_assert_eq!(t.cp_of_byte(text.len() + 3), len);
        prop_assert_eq!(t.cp_of_utf16(t.utf16_len() + 3), len);
    }

    #[test]
    fn slices_agree_with_the_reference(text in common::text_of(0..120), a in 0usize..600, b in 0usize..600) {
        let t = ArticleText::new(text.as_str());
        let chars: Vec<char> = text.chars().collect();
        let (start, end) = (a.min(b).min(chars.len()), a.max(b).min(chars.len()));
        let expected: String = chars[start..end].iter().collect();
        prop_assert_eq!(t.slice(start, end), expected.as_str());
        prop_assert_eq!(t.slice(a.max(b), a.min(b)), "", "a reversed range is empty, not a panic");
    }

    #[test]
    fn blocks_partition_the_text_at_line_breaks(text in common::text_of(0..120)) {
        let t = ArticleText::new(text.as_str());
        let blocks = t.blocks();
        prop_assert!(!blocks.is_empty());
        prop_assert_eq!(blocks[0].start, 0);
        prop_assert_eq!(blocks[blocks.len() - 1].end, t.len());
        let mut rebuilt = String::new();
        for (i, b) in blocks.iter().enumerate() {
            let last = i + 1 == blocks.len();
            prop_assert!(b.start <= b.content_end && b.content_end <= b.end, "{:?}", b);
            prop_assert_eq!(b.utf16_start, t.utf16_of(b.start));
            let content = t.slice(b.start, b.content_end);
            let brk = t.slice(b.content_end, b.end);
            prop_assert!(!content.contains(['\r', '\n']), "block {} content {:?}", i, content);
            if last {
                prop_assert!(brk.is_empty() || is_break(brk), "last block break {:?}", brk);
            } else {
                prop_assert!(is_break(brk), "block {} break {:?}", i, brk);
                prop_assert_eq!(blocks[i + 1].start, b.end);
                // A CR directly before an LF is one CRLF break, never two.
                prop_assert!(!(brk == "\r" && t.char_at(b.end) == Some('\n')));
                prop_assert!(b.start < b.end, "only the last block may be empty");
            }
            rebuilt.push_str(content);
            rebuilt.push_str(brk);
        }
        prop_assert_eq!(rebuilt, text.clone());
        let breaks = text.replace("\r\n", "\n").matches(['\r', '\n']).count();
        let ends_with_break = text.ends_with(['\r', '\n']);
        let expected_blocks = breaks + usize::from(!ends_with_break || text.is_empty());
        prop_assert_eq!(blocks.len(), expected_blocks);
        for cp in 0..=t.len() {
            let b = blocks[t.block_at(cp)];
            prop_assert!(b.start <= cp && (cp < b.end || cp == t.len()), "block_at({}) = {:?}", cp, b);
        }
    }
}

#[test]
fn a_long_text_crosses_many_checkpoints() {
    // Astral characters shift UTF-16 and UTF-8 offsets differently on every checkpoint stride.
    let text = "a😀\r\né👩\u{200d}👩\u{200d}👧".repeat(500);
    let t = ArticleText::new(text.as_str());
    for (cp, &(byte, utf16, _)) in reference(&text).iter().enumerate() {
        assert_eq!((t.byte_of(cp), t.utf16_of(cp)), (byte, utf16), "at {cp}");
        assert_eq!((t.cp_of_byte(byte), t.cp_of_utf16(utf16)), (cp, cp), "at {cp}");
    }
}
