//! Placing a target by its selectors: the position, checked against the quote, and the quote
//! with its prefix and suffix when the position is missing or wrong.
//!
//! Owns: the rule that a quote places a span only where it occurs exactly once (with its context
//! where that decides). Must never: pick one of several equal candidates.

use newsmark_core::ArticleText;

use crate::error::excerpt;
use crate::json_fields::{At, Notes};
use crate::FormatError;

/// A TextPositionSelector's offsets (code points, end exclusive) and where they are.
pub(super) struct Position<'s> {
    pub start: u64,
    pub end: u64,
    pub at: At<'s>,
}

/// A TextQuoteSelector.
pub(super) struct Quote<'v, 's> {
    pub exact: &'v str,
    pub prefix: &'v str,
    pub suffix: &'v str,
    pub at: At<'s>,
}

/// Where a target's selectors put it, in code points; `notes` is told when the position was wrong
/// and the quote decided.
pub(super) fn place(
    text: &ArticleText,
    position: Option<&Position>,
    quote: Option<&Quote>,
    notes: &mut Notes,
) -> Result<(usize, usize), FormatError> {
    let len = text.len() as u64;
    if let Some(p) = position {
        let fits = p.start < p.end && p.end <= len;
        let agrees = |q: &Quote| text.slice(p.start as usize, p.end as usize) == q.exact;
        match quote {
            _ if fits && quote.is_none_or(agrees) => return Ok((p.start as usize, p.end as usize)),
            None if p.end > len || p.start > len => {
                let (field, n) = if p.start > len { ("start", p.start) } else { ("end", p.end) };
                let unit = if len == 1 { "character" } else { "characters" };
                return Err(p.at.key(field).error(format!("{n} is past the end of the text ({len} {unit})")));
            }
            None if p.start == p.end => {
                return Err(p.at.key("end").error(format!("the span is empty (start and end are both {})", p.start)))
            }
            None => return Err(p.at.key("end").error(format!("{} is before the start, {}", p.end, p.start))),
            Some(_) => {}
        }
    }
    let Some(q) = quote else { unreachable!("a target has a position or a quote") };
    if q.exact.is_empty() {
        return Err(q.at.key("exact").error("is empty; a quote selects at least one character"));
    }
    if let Some((p, (start, end))) = position.and_then(|p| Some((p, as_utf16(text, p, q)?))) {
        notes.moved(|| {
            format!(
                "{}: the annotation's position {}–{} holds its quote {} when counted in UTF-16 code units, as JavaScript counts, rather than in characters; it was read so, as {start}–{end}.",
                p.at.place(),
                p.start,
                p.end,
                excerpt(q.exact)
            )
        });
        return Ok((start, end));
    }
    let found = candidates(text, q);
    let why = match position {
        Some(p) if p.start < p.end && p.end <= len => format!(
            "the position {}–{} holds {}, not the quote, and ",
            p.start,
            p.end,
            excerpt(text.slice(p.start as usize, p.end as usize))
        ),
        Some(p) => format!("the position {}–{} is not a passage of the text ({len} characters long), and ", p.start, p.end),
        None => String::new(),
    };
    match found.as_slice() {
        [start] => {
            let (start, end) = (*start, start + q.exact.chars().count());
            if let Some(p) = position {
                notes.moved(|| {
                    format!(
                        "{}: the annotation's position {}–{} did not hold its quote {}, which occurs once in the text, at {start}–{end}; the span was placed there.",
                        p.at.place(),
                        p.start,
                        p.end,
                        excerpt(q.exact)
                    )
                });
            }
            Ok((start, end))
        }
        [] => Err(q.at.key("exact").error(format!("{why}{} does not occur in the text", excerpt(q.exact)))),
        _ => Err(q
            .at
            .key("exact")
            .error(format!("{why}{} occurs more than once, and its prefix and suffix do not tell the places apart", excerpt(q.exact)))),
    }
}

/// The code points where the quote occurs with its prefix and suffix (at most two: enough to
/// know it is not unique); if it occurs nowhere with them, where it occurs at all.
fn candidates(text: &ArticleText, q: &Quote) -> Vec<usize> {
    let hay = text.as_str();
    let with_context: Vec<usize> = occurrences(hay, q.exact).filter(|&b| in_context(hay, b, q)).take(2).collect();
    let bytes = if with_context.is_empty() && (!q.prefix.is_empty() || !q.suffix.is_empty()) {
        occurrences(hay, q.exact).take(2).collect()
    } else {
        with_context
    };
    bytes.into_iter().map(|b| text.cp_of_byte(b)).collect()
}

/// Whether the quote's prefix ends, and its suffix starts, around its occurrence at byte `b`.
fn in_context(hay: &str, b: usize, q: &Quote) -> bool {
    hay[..b].ends_with(q.prefix) && hay[b + q.exact.len()..].starts_with(q.suffix)
}

/// The position read as UTF-16 code units, as JavaScript tools count, if so read it holds the
/// quote in its context exactly: the usual cause of a wrong position, and a reading that needs
/// no search.
fn as_utf16(text: &ArticleText, p: &Position, q: &Quote) -> Option<(usize, usize)> {
    let units = text.utf16_len() as u64;
    if p.start >= p.end || p.end > units {
        return None;
    }
    let (start, end) = (text.cp_of_utf16(p.start as usize), text.cp_of_utf16(p.end as usize));
    let exact = text.utf16_of(start) == p.start as usize && text.utf16_of(end) == p.end as usize;
    (exact && text.slice(start, end) == q.exact && in_context(text.as_str(), text.byte_of(start), q)).then_some((start, end))
}

/// Byte offsets of every occurrence of `needle`, overlapping ones included ("aa" is twice in
/// "aaa", which a plain `match_indices` would miss).
fn occurrences<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + hay.get(from..)?.find(needle)?;
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote<'v>(exact: &'v str, prefix: &'v str, suffix: &'v str) -> Quote<'v, 'static> {
        Quote { exact, prefix, suffix, at: At::root("f", "{}", 1) }
    }

    #[test]
    fn context_decides_between_equal_quotes() {
        let t = ArticleText::new("he said no. she said no.");
        let mut notes = Notes::new("f");
        assert!(place(&t, None, Some(&quote("no", "", "")), &mut notes).is_err());
        assert_eq!(place(&t, None, Some(&quote("no", "she said ", ".")), &mut notes).unwrap().0, 21);
        let p = Position { start: 0, end: 2, at: At::root("f", "{}", 1) };
        assert_eq!(place(&t, Some(&p), Some(&quote("no", "he said ", ". she")), &mut notes).unwrap(), (8, 10));
        let warnings = notes.into_warnings();
        assert!(warnings.len() == 1 && warnings[0].contains("did not hold its quote"), "{warnings:?}");
    }

    #[test]
    fn a_position_counted_in_utf16_is_read_so() {
        let t = ArticleText::new("😀 no, no");
        let mut notes = Notes::new("f");
        // "no" after the emoji: code points 2–4 and 6–8, UTF-16 units 3–5 and 7–9.
        let p = Position { start: 7, end: 9, at: At::root("f", "{}", 1) };
        assert_eq!(place(&t, Some(&p), Some(&quote("no", ", ", "")), &mut notes).unwrap(), (6, 8));
        assert!(notes.into_warnings()[0].contains("UTF-16"));
    }

    #[test]
    fn overlapping_occurrences_count() {
        assert_eq!(occurrences("aaa", "aa").collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(occurrences("é😀é😀", "é").collect::<Vec<_>>(), vec![0, 6]);
    }
}
