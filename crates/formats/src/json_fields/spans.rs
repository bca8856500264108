//! Placing a span read from a JSON file: its offsets in the file's unit as code points, checked
//! against the text it claims.
//!
//! Owns: the exact offset-unit conversion, re-anchoring a span whose text disagrees with its
//! offsets where that text occurs once, reading JavaScript's UTF-16 counting where it makes the
//! text fit, the warnings that tell (then count) such moves, and unique span ids. Must never:
//! round an offset that falls inside a character, or place a span by a text that occurs more
//! than once.

use std::collections::HashSet;

use newsmark_core::ArticleText;

use super::At;
use crate::error::excerpt;
use crate::{anchor, Anchored, FormatError};

/// The unit a format counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    CodePoints,
    Utf16,
}

/// A span's offsets and claimed text as a file gives them, with where each is.
pub(crate) struct RawSpan<'a, 's> {
    pub start: u64,
    pub start_at: At<'s>,
    pub end: u64,
    pub end_at: At<'s>,
    pub claimed: Option<(&'a str, At<'s>)>,
}

/// How many spans placed by their text a file's warnings tell one by one; the rest are counted.
/// A file whose offsets are all off by the same mistake would otherwise bury every other warning.
const MOVED_TOLD: usize = 5;

/// The warnings of one file, in the order they arose, with spans placed by their text told up to
/// [`MOVED_TOLD`] times and then counted.
pub(crate) struct Notes {
    file: String,
    moved: usize,
    warnings: Vec<String>,
}

impl Notes {
    pub fn new(file: &str) -> Self {
        Notes { file: file.to_string(), moved: 0, warnings: Vec::new() }
    }

    pub fn push(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// A span placed by its text; `sentence` is only made if it will be shown.
    pub fn moved(&mut self, sentence: impl FnOnce() -> String) {
        if self.moved < MOVED_TOLD {
            self.warnings.push(sentence());
        }
        self.moved += 1;
    }

    pub fn into_warnings(mut self) -> Vec<String> {
        if self.moved > MOVED_TOLD {
            let more = self.moved - MOVED_TOLD;
            self.warnings.push(format!(
                "{}: {more} more span{} moved to where {} text is, as above.",
                self.file,
                if more == 1 { " was" } else { "s were" },
                if more == 1 { "its" } else { "their" },
            ));
        }
        self.warnings
    }
}

/// Converts an offset in `unit` to code points, exactly.
fn to_code_point(text: &ArticleText, unit: Unit, raw: u64) -> Result<usize, String> {
    let (len, what) = match unit {
        Unit::CodePoints => (text.len(), if text.len() == 1 { "character" } else { "characters" }),
        Unit::Utf16 => (text.utf16_len(), if text.utf16_len() == 1 { "UTF-16 code unit" } else { "UTF-16 code units" }),
    };
    if raw > len as u64 {
        return Err(format!("{raw} is past the end of the text ({len} {what})"));
    }
    let raw = raw as usize;
    match unit {
        Unit::CodePoints => Ok(raw),
        Unit::Utf16 => {
            let cp = text.cp_of_utf16(raw);
            if text.utf16_of(cp) == raw {
                return Ok(cp);
            }
            // cp_of_utf16 rounds down to the character whose surrogate pair holds `raw`.
            let c = text.char_at(cp).unwrap_or('\u{fffd}');
            Err(format!(
                "{raw} falls between the two UTF-16 code units of {} (units {}–{}); an offset must fall between characters",
                excerpt(&c.to_string()),
                raw - 1,
                raw + 1
            ))
        }
    }
}

/// Places a span read from a file: converts its offsets, checks them against its claimed text,
/// and re-anchors it by that text where the text occurs exactly once (telling `notes`). Gives
/// code points.
pub(crate) fn place(
    text: &ArticleText,
    unit: Unit,
    raw: &RawSpan,
    span_name: &str,
    notes: &mut Notes,
) -> Result<(usize, usize), FormatError> {
    let start = to_code_point(text, unit, raw.start);
    let end = to_code_point(text, unit, raw.end);
    let Some((claimed, claimed_at)) = &raw.claimed else {
        let start = start.map_err(|p| raw.start_at.error(p))?;
        let end = end.map_err(|p| raw.end_at.error(p))?;
        return match order_problem(start, end, raw) {
            Some(err) => Err(err),
            None => Ok((start, end)),
        };
    };
    if claimed.is_empty() {
        return Err(claimed_at.error("is empty; a span covers at least one character"));
    }
    let (s, e) = (start.clone().unwrap_or(usize::MAX), end.clone().unwrap_or(usize::MAX));
    if unit == Unit::CodePoints && !(s < e && e <= text.len() && text.slice(s, e) == *claimed) {
        if let Some((ns, ne)) = as_utf16(text, raw.start, raw.end, claimed) {
            notes.moved(|| {
                format!(
                    "{}, {span_name}: its offsets {}–{} hold its text {} when counted in UTF-16 code units, as JavaScript counts, rather than in characters; they were read so, as {ns}–{ne}.",
                    raw.start_at.place(),
                    raw.start,
                    raw.end,
                    excerpt(claimed)
                )
            });
            return Ok((ns, ne));
        }
    }
    match anchor(text, s, e, Some(claimed)) {
        Anchored::Exact => Ok((s, e)),
        Anchored::Moved { start: ns, end: ne } => {
            notes.moved(|| {
                format!(
                    "{}, {span_name}: its offsets {}–{} did not hold its text {}, which occurs once in the document, at {ns}–{ne}; the span was placed there.",
                    raw.start_at.place(),
                    raw.start,
                    raw.end,
                    excerpt(claimed)
                )
            });
            Ok((ns, ne))
        }
        Anchored::Failed(_) => {
            let occurs = match text.as_str().match_indices(*claimed).take(2).count() {
                0 => "does not occur in the document",
                _ => "occurs more than once, so the span cannot be placed by its text",
            };
            let quoted = excerpt(claimed);
            match (start, end) {
                (Err(p), _) => Err(raw.start_at.error(format!("{p}; the span's text {quoted} {occurs}"))),
                (_, Err(p)) => Err(raw.end_at.error(format!("{p}; the span's text {quoted} {occurs}"))),
                (Ok(s), Ok(e)) => Err(order_problem(s, e, raw).unwrap_or_else(|| {
                    let actual = excerpt(text.slice(s, e));
                    claimed_at.error(format!("{quoted} is not the text at {s}–{e}, which is {actual}, and it {occurs}"))
                })),
            }
        }
    }
}

/// Offsets that should count characters read as UTF-16 code units instead, if so read they are
/// exact and hold `claimed`: older Label Studio and other JavaScript tools counted so, which
/// shifts every offset after an emoji. Exact, so no search and no choice between occurrences.
fn as_utf16(text: &ArticleText, start: u64, end: u64, claimed: &str) -> Option<(usize, usize)> {
    if start >= end || end > text.utf16_len() as u64 {
        return None;
    }
    let (s, e) = (to_code_point(text, Unit::Utf16, start).ok()?, to_code_point(text, Unit::Utf16, end).ok()?);
    (text.slice(s, e) == claimed).then_some((s, e))
}

/// Why `start..end` (in code points) is no span, if it is not.
fn order_problem(start: usize, end: usize, raw: &RawSpan) -> Option<FormatError> {
    if start == end {
        Some(raw.end_at.error(format!("the span is empty (start and end are both {})", raw.start)))
    } else if start > end {
        Some(raw.end_at.error(format!("{} is before the start, {}", raw.end, raw.start)))
    } else {
        None
    }
}

/// `base` if no span has that id yet, else `base-2`, `base-3`, …; the id is then taken.
pub(crate) fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_inside_a_pair_are_refused() {
        let t = ArticleText::new("a😀b");
        assert_eq!(to_code_point(&t, Unit::Utf16, 3), Ok(2));
        let err = to_code_point(&t, Unit::Utf16, 2).unwrap_err();
        assert!(err.contains("between the two UTF-16 code units"), "{err}");
        assert!(to_code_point(&t, Unit::Utf16, 5).unwrap_err().contains("past the end of the text (4 UTF-16 code units)"));
        assert!(to_code_point(&t, Unit::CodePoints, 4).unwrap_err().contains("(3 characters)"));
    }
}
