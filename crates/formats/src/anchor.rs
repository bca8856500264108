//! Anchoring a span read from a file: its offsets are trusted when the text there is the text the
//! file gives; otherwise the span is found by that text, if it occurs exactly once.
//!
//! Owns: the re-anchoring rule shared by every reader. Must never: guess between several
//! occurrences, or accept an empty span.

use newsmark_core::ArticleText;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchored {
    /// The offsets hold the claimed text (or the file gave no text to check).
    Exact,
    /// The offsets did not hold the claimed text; it occurs once, here.
    Moved { start: usize, end: usize },
    /// Neither: the message says why, for the caller to report.
    Failed(String),
}

/// Checks code-point offsets `start..end` against `claimed` (when the format carries the span's
/// text) and re-anchors by text if they disagree.
pub fn anchor(text: &ArticleText, start: usize, end: usize, claimed: Option<&str>) -> Anchored {
    let in_range = start < end && end <= text.len();
    match claimed {
        None if in_range => Anchored::Exact,
        None => Anchored::Failed(range_problem(text, start, end)),
        Some(c) if in_range && text.slice(start, end) == c => Anchored::Exact,
        Some("") => Anchored::Failed("the span's text is empty".into()),
        Some(c) => {
            let haystack = text.as_str();
            let first = haystack.find(c);
            // Overlapping occurrences count too ("aa" occurs twice in "aaa"), so the second
            // search starts one character after the first match, not after its end.
            let second = first.and_then(|b| {
                let next = b + haystack[b..].chars().next().map_or(1, char::len_utf8);
                haystack[next..].find(c).map(|x| next + x)
            });
            match (first, second) {
                (Some(b), None) => {
                    let s = text.cp_of_byte(b);
                    Anchored::Moved { start: s, end: s + c.chars().count() }
                }
                (None, _) => Anchored::Failed(format!(
                    "{}; its text {} does not occur in the document",
                    range_or_mismatch(text, start, end),
                    crate::error::excerpt(c)
                )),
                (Some(_), Some(_)) => Anchored::Failed(format!(
                    "{}; its text {} occurs more than once, so it cannot be placed by its text",
                    range_or_mismatch(text, start, end),
                    crate::error::excerpt(c)
                )),
            }
        }
    }
}

fn range_problem(text: &ArticleText, start: usize, end: usize) -> String {
    if start >= end {
        format!("the span {start}–{end} is empty or reversed")
    } else {
        format!("the span {start}–{end} ends past the end of the text ({} characters)", text.len())
    }
}

fn range_or_mismatch(text: &ArticleText, start: usize, end: usize) -> String {
    if start < end && end <= text.len() {
        format!("the text at {start}–{end} is {}, not the span's text", crate::error::excerpt(text.slice(start, end)))
    } else {
        range_problem(text, start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_moved_and_refused() {
        let t = ArticleText::new("a 😀 b said “x” and b left");
        assert_eq!(anchor(&t, 0, 1, Some("a")), Anchored::Exact);
        // Offsets counted in UTF-16 land one late after the emoji; the unique text fixes it.
        assert_eq!(anchor(&t, 12, 15, Some("“x”")), Anchored::Moved { start: 11, end: 14 });
        assert!(matches!(anchor(&t, 4, 5, Some("c")), Anchored::Failed(m) if m.contains("does not occur")));
        assert!(matches!(anchor(&t, 0, 1, Some("b")), Anchored::Failed(m) if m.contains("more than once")));
        assert!(matches!(anchor(&t, 3, 99, None), Anchored::Failed(m) if m.contains("past the end")));
        let overlapping = ArticleText::new("xaaay");
        assert!(matches!(anchor(&overlapping, 0, 2, Some("aa")), Anchored::Failed(m) if m.contains("more than once")));
    }
}
