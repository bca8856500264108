#![no_main]
//! The article text's offset conversions (`core::text::ArticleText`), against the slow, obvious
//! reference (`char_indices`, `len_utf16`): code point ↔ UTF-8 byte ↔ UTF-16 unit round-trip for
//! every character, offsets inside a character round down to its start, offsets past the end
//! clamp, and the line blocks cover the text exactly, each ending in the line break it has.

use libfuzzer_sys::fuzz_target;
use newsmark_core::ArticleText;

fuzz_target!(|data: &[u8]| {
    let Some(s) = newsmark_fuzz::text(data) else { return };
    let text = ArticleText::new(s);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let len = chars.len();
    assert_eq!((text.len(), text.utf16_len()), (len, s.encode_utf16().count()));
    let mut utf16 = 0;
    for (cp, &(byte, c)) in chars.iter().enumerate() {
        assert_eq!((text.byte_of(cp), text.utf16_of(cp), text.char_at(cp)), (byte, utf16, Some(c)), "code point {cp}");
        for b in byte..byte + c.len_utf8() {
            assert_eq!(text.cp_of_byte(b), cp, "byte {b} inside code point {cp}");
        }
        for u in utf16..utf16 + c.len_utf16() {
            assert_eq!(text.cp_of_utf16(u), cp, "UTF-16 unit {u} inside code point {cp}");
        }
        utf16 += c.len_utf16();
    }
    for past in [len, len + 1, len + 64, usize::MAX] {
        assert_eq!((text.byte_of(past), text.utf16_of(past), text.char_at(past)), (s.len(), utf16, None));
    }
    assert_eq!((text.cp_of_byte(s.len()), text.cp_of_utf16(utf16), text.cp_of_utf16(usize::MAX)), (len, len, len));
    let (a, b) = (len / 3, len - len / 4);
    assert_eq!(text.slice(a, b), s.chars().skip(a).take(b - a).collect::<String>());
    assert_eq!((text.slice(b, a), text.slice(0, usize::MAX)), ("", s));

    let mut at = 0;
    for (i, block) in text.blocks().iter().enumerate() {
        assert_eq!(block.start, at, "blocks are contiguous");
        assert!(block.start <= block.content_end && block.content_end <= block.end, "{block:?}");
        assert_eq!(block.utf16_start, text.utf16_of(block.start));
        assert_eq!(text.block_at(block.start), i);
        assert!(!text.slice(block.start, block.content_end).contains(['\n', '\r']), "a line break inside block {i}");
        let last = i + 1 == text.blocks().len();
        let brk = text.slice(block.content_end, block.end);
        assert!(matches!(brk, "\n" | "\r\n" | "\r") || (last && brk.is_empty()), "block {i} ends in {brk:?}");
        at = block.end;
    }
    assert_eq!(at, len, "the blocks end where the text does");
    let words: usize = text.words_per_block().iter().sum();
    // Line breaks are whitespace, so no word crosses a block.
    assert_eq!(words, s.split_whitespace().count());
});
