#![no_main]
//! Placing a span read from a file (`newsmark_formats::anchor`): its offsets are kept only when
//! they hold its text, it is moved only to the one place its text occurs, and it is refused
//! (with a reason) exactly when neither holds. Input: two 16-bit offsets, then the text and the
//! span's claimed text separated by a NUL byte (no NUL: no claimed text).

use libfuzzer_sys::fuzz_target;
use newsmark_core::ArticleText;
use newsmark_formats::{anchor, Anchored};

/// Code points at which `needle` starts in `haystack`, overlapping occurrences included.
fn occurrences(haystack: &str, needle: &str) -> Vec<usize> {
    haystack.char_indices().enumerate().filter(|(_, (b, _))| haystack[*b..].starts_with(needle)).map(|(cp, _)| cp).collect()
}

fuzz_target!(|data: &[u8]| {
    let [s0, s1, e0, e1, rest @ ..] = data else { return };
    let Some(rest) = newsmark_fuzz::text(rest) else { return };
    let (start, end) = (usize::from(u16::from_le_bytes([*s0, *s1])), usize::from(u16::from_le_bytes([*e0, *e1])));
    let (s, claimed) = match rest.split_once('\0') {
        Some((s, c)) => (s, Some(c)),
        None => (rest, None),
    };
    let text = ArticleText::new(s);
    let in_range = start < end && end <= text.len();
    let holds = in_range && claimed.is_none_or(|c| text.slice(start, end) == c);
    let unique = claimed.filter(|c| !c.is_empty()).map(|c| occurrences(s, c)).filter(|at| at.len() == 1);
    match anchor(&text, start, end, claimed) {
        Anchored::Exact => assert!(holds, "kept offsets {start}..{end} that do not hold the span"),
        Anchored::Moved { start: a, end: b } => {
            let c = claimed.expect("moved without a text");
            assert!(!holds, "moved a span whose offsets held it");
            assert_eq!(unique, Some(vec![a]), "moved to {a}, not the one place the text occurs");
            assert_eq!((text.slice(a, b), b - a), (c, c.chars().count()));
        }
        Anchored::Failed(why) => {
            assert!(!why.is_empty());
            assert!(!holds && unique.is_none(), "refused a span that could be placed: {why}");
        }
    }
});
