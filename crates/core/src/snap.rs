//! Turning a raw selection into a span range, and moving span edges.
//!
//! Owns: the rules that a span never starts or ends inside a character cluster, never keeps
//! leading or trailing whitespace, and (when snapping is on) covers whole words.
//! Must never: look further than a small window around an edge, so long articles stay fast.

use unicode_segmentation::UnicodeSegmentation;

use crate::range::CpRange;
use crate::text::ArticleText;

/// How far, in code points, to look around an edge for word and cluster boundaries. Words and
/// clusters longer than this are cut at the window edge, which only matters for pathological text.
const WINDOW: usize = 128;

/// The byte window around code point `cp`, returned with the code point it starts at.
fn window(text: &ArticleText, cp: usize) -> (usize, &str) {
    let from = cp.saturating_sub(WINDOW);
    let to = (cp + WINDOW).min(text.len());
    (from, text.slice(from, to))
}

/// Code-point boundaries of the pieces of `s` (`from` is the code point where `s` starts).
fn piece_bounds<'a>(from: usize, s: &'a str, pieces: impl Iterator<Item = (usize, &'a str)>) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    let mut cp = from;
    let mut last_byte = 0;
    for (byte, piece) in pieces {
        cp += s[last_byte..byte].chars().count();
        last_byte = byte;
        let len = piece.chars().count();
        out.push((cp, cp + len, piece));
    }
    out
}

fn is_word(piece: &str) -> bool {
    piece.chars().any(char::is_alphanumeric)
}

/// How far to look around a position for the cluster holding it. Real clusters (emoji ZWJ
/// sequences, flags, stacked marks) are far shorter; a small window keeps snapping cheap when
/// thousands of suggestions arrive at once.
const CLUSTER_WINDOW: usize = 24;

/// The grapheme cluster holding code point `cp`: (start, end).
fn cluster_at(text: &ArticleText, cp: usize) -> (usize, usize) {
    let from = cp.saturating_sub(CLUSTER_WINDOW);
    let s = text.slice(from, (cp + CLUSTER_WINDOW).min(text.len()));
    let mut at = from;
    for cluster in s.graphemes(true) {
        let next = at + cluster.chars().count();
        if cp < next {
            return (at, next);
        }
        at = next;
    }
    (cp, cp + 1)
}

/// The word holding code point `cp`, if `cp` is inside a word.
fn word_at(text: &ArticleText, cp: usize) -> Option<(usize, usize)> {
    let (from, s) = window(text, cp);
    piece_bounds(from, s, s.split_word_bound_indices())
        .into_iter()
        .find(|&(a, b, piece)| a <= cp && cp < b && is_word(piece))
        .map(|(a, b, _)| (a, b))
}

/// Snaps a raw selection `[start, end)` (in either order) to a span range, or `None` when nothing
/// but whitespace is selected.
pub fn snap_selection(text: &ArticleText, start: usize, end: usize, to_words: bool) -> Option<(usize, usize)> {
    let (start, end) = (start.min(end).min(text.len()), start.max(end).min(text.len()));
    if start == end {
        return None;
    }
    if !to_words && plain_edges(text, start, end) {
        return Some((start, end));
    }
    by_segmentation(text, start, end, to_words)
}

/// The general case of `snap_selection`, for an ordered, non-empty, clamped range.
fn by_segmentation(text: &ArticleText, mut start: usize, mut end: usize, to_words: bool) -> Option<(usize, usize)> {
    start = cluster_at(text, start).0;
    end = cluster_at(text, end - 1).1;
    if to_words {
        if let Some((a, _)) = word_at(text, start) {
            start = a;
        }
        if let Some((_, b)) = word_at(text, end - 1) {
            end = b;
        }
    }
    trim(text, start, end)
}

/// Whether both edges already sit on cluster boundaries next to non-space characters, decided
/// from ASCII neighbours alone: two ASCII characters always have a cluster boundary between
/// them (the one exception, CR LF, involves whitespace, which is excluded). This skips the
/// segmentation for the common case, which matters when thousands of suggestions arrive.
fn plain_edges(text: &ArticleText, start: usize, end: usize) -> bool {
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii());
    let solid = |c: Option<char>| c.is_some_and(|c| c.is_ascii() && !c.is_ascii_whitespace());
    let before_start = start.checked_sub(1).and_then(|i| text.char_at(i));
    let at_end = text.char_at(end);
    solid(text.char_at(start))
        && (start == 0 || ascii(before_start))
        && solid(text.char_at(end - 1))
        && (end == text.len() || ascii(at_end))
}

/// Drops leading and trailing whitespace; `None` if only whitespace remains.
fn trim(text: &ArticleText, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.slice(start, end);
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    if start + lead == end {
        return None;
    }
    let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some((start + lead, end - trail))
}

/// Which edge of a span to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// The new position of a span edge moved one step (a character cluster, or a word when
/// `by_word`) left (`forward == false`) or right. `None` when the move would leave the text or
/// make the span empty.
pub fn move_edge(text: &ArticleText, span: CpRange, edge: Edge, forward: bool, by_word: bool) -> Option<CpRange> {
    let CpRange { start, end } = span;
    let mut next = match edge {
        Edge::Start => start,
        Edge::End => end,
    };
    // Keep stepping over whitespace: a span never starts or ends with it.
    loop {
        next = step(text, next, forward, by_word)?;
        let inner = match edge {
            Edge::Start => text.char_at(next),
            Edge::End => next.checked_sub(1).and_then(|i| text.char_at(i)),
        };
        if !inner.is_some_and(char::is_whitespace) {
            break;
        }
    }
    let moved = match edge {
        Edge::Start => CpRange { start: next, end },
        Edge::End => CpRange { start, end: next },
    };
    (moved.start < moved.end).then_some(moved)
}

/// One step from boundary `at`: to the next cluster boundary, or past the next word.
fn step(text: &ArticleText, at: usize, forward: bool, by_word: bool) -> Option<usize> {
    if (forward && at >= text.len()) || (!forward && at == 0) {
        return None;
    }
    let (from, s) = window(text, at);
    let pieces =
        if by_word { piece_bounds(from, s, s.split_word_bound_indices()) } else { piece_bounds(from, s, s.grapheme_indices(true)) };
    let wanted = |&&(_, _, p): &&(usize, usize, &str)| !by_word || is_word(p);
    let found = if forward {
        pieces.iter().filter(|(_, b, _)| *b > at).find(wanted).map(|&(_, b, _)| b)
    } else {
        pieces.iter().rev().filter(|(a, _, _)| *a < at).find(wanted).map(|&(a, _, _)| a)
    };
    found.or(Some(if forward { text.len() } else { 0 }).filter(|_| by_word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(s: &str, a: usize, b: usize, words: bool) -> Option<String> {
        let t = ArticleText::new(s);
        snap_selection(&t, a, b, words).map(|(a, b)| t.slice(a, b).to_string())
    }

    #[test]
    fn snaps_to_whole_words_and_trims() {
        assert_eq!(snap("Hello brave world.", 2, 8, true).as_deref(), Some("Hello brave"));
        assert_eq!(snap("Hello brave world.", 5, 7, true).as_deref(), Some("brave"));
        assert_eq!(snap("Hello brave world.", 2, 8, false).as_deref(), Some("llo br"));
        assert_eq!(snap("  \r\n  ", 0, 6, true), None);
        assert_eq!(snap("a “quoted” word", 2, 9, true).as_deref(), Some("“quoted"));
    }

    #[test]
    fn never_splits_a_cluster() {
        // Family emoji is one cluster of five code points; e + combining acute is one of two.
        let s = "x 👩\u{200d}👩\u{200d}👧 cafe\u{301} y";
        assert_eq!(snap(s, 3, 4, false).as_deref(), Some("👩\u{200d}👩\u{200d}👧"));
        assert_eq!(snap(s, 9, 12, false).as_deref(), Some("afe\u{301}"));
    }

    proptest::proptest! {
        /// The ASCII fast path gives exactly what segmentation gives.
        #[test]
        fn the_fast_path_agrees_with_segmentation(
            text in "[a-c .,\r\n\u{301}\u{200d}😀é]{1,40}",
            a in 0usize..45,
            b in 0usize..45,
        ) {
            let t = ArticleText::new(text.as_str());
            let (a, b) = (a.min(b).min(t.len()), a.max(b).min(t.len()));
            proptest::prop_assume!(a < b);
            proptest::prop_assert_eq!(snap_selection(&t, a, b, false), by_segmentation(&t, a, b, false));
        }
    }

    #[test]
    fn moves_edges_by_cluster_and_word() {
        let t = ArticleText::new("one two three");
        let r = CpRange::new;
        assert_eq!(move_edge(&t, r(4, 7), Edge::End, true, false), Some(r(4, 9)), "over the space");
        assert_eq!(move_edge(&t, r(4, 9), Edge::End, false, false), Some(r(4, 7)), "back over the space");
        assert_eq!(move_edge(&t, r(4, 7), Edge::End, true, true), Some(r(4, 13)));
        assert_eq!(move_edge(&t, r(4, 7), Edge::Start, false, true), Some(r(0, 7)));
        assert_eq!(move_edge(&t, r(4, 5), Edge::Start, true, false), None, "would be empty");
        assert_eq!(move_edge(&t, r(0, 3), Edge::Start, false, false), None, "already at the start");
    }
}
