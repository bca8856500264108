//! Whether a span's offsets fit its document's text, and what to tell the person when not.
//!
//! Owns: the range, emptiness and text-equality checks of an imported span, the cross-check of
//! its optional UTF-16 and UTF-8 offsets, and the hint when the offsets were evidently counted
//! in another unit. Must never: adjust an offset to make a span fit.

use super::error::{quoted_from, ImportError};
use super::fields::Place;
use crate::text::ArticleText;

/// Checks `start..end` (code points) against `text` and the span's own `claimed` text.
pub(super) fn check_range(text: &ArticleText, start: u64, end: u64, claimed: &str, place: &Place) -> Result<(), ImportError> {
    let len = text.len() as u64;
    let size = match len {
        1 => "1 code point".to_string(),
        n => format!("{n} code points"),
    };
    for (field, at) in [("start", start), ("end", end)] {
        if at > len {
            let hint = other_unit_hint(text, start, end, claimed);
            return Err(place.at(field, format!("{at} is past the end of the text ({size}){hint}")));
        }
    }
    if start > end {
        return Err(place.at("end", format!("{end} is before start {start}")));
    }
    if start == end {
        let problem = format!("the span is empty (start and end are both {start}); a span covers at least one code point");
        return Err(place.at("end", problem));
    }
    let actual = text.slice(start as usize, end as usize);
    if actual != claimed {
        // Counted in characters, so both excerpts can be shown from the same point.
        let differ = actual.chars().zip(claimed.chars()).take_while(|(a, b)| a == b).count();
        let problem = format!(
            "{} is not the text at {start}..{end}, which is {} (first difference at code point {}){}",
            quoted_from(claimed, differ),
            quoted_from(actual, differ),
            start as usize + differ,
            other_unit_hint(text, start, end, claimed),
        );
        return Err(place.at("text", problem));
    }
    Ok(())
}

/// Checks one of the optional offset pairs against what the code points convert to.
pub(super) fn check_pair(
    field: &str,
    unit: &str,
    found: (u64, u64),
    code_points: (usize, usize),
    expected: (usize, usize),
    place: &Place,
) -> Result<(), ImportError> {
    let sides = [("start", found.0, code_points.0, expected.0), ("end", found.1, code_points.1, expected.1)];
    for (side, found, cp, expected) in sides {
        if found != expected as u64 {
            let problem = format!("{found} disagrees with {side} {cp}, which is {unit} {expected}");
            return Err(place.at(&format!("{field}.{side}"), problem));
        }
    }
    Ok(())
}

/// The commonest cause of a bad span is offsets from a tool that counts UTF-16 code units
/// (JavaScript) or bytes (Rust, Go); if reading them so yields exactly the claimed text, say so.
fn other_unit_hint(text: &ArticleText, start: u64, end: u64, claimed: &str) -> &'static str {
    if claimed.is_empty() || start >= end {
        return "";
    }
    let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else { return "" };
    let as_utf16 = (text.cp_of_utf16(start), text.cp_of_utf16(end));
    if end <= text.utf16_len()
        && text.utf16_of(as_utf16.0) == start
        && text.utf16_of(as_utf16.1) == end
        && text.slice(as_utf16.0, as_utf16.1) == claimed
    {
        return "; the offsets fit the span's text if counted in UTF-16 code units, as JavaScript does, \
                but start and end must count code points";
    }
    let as_bytes = (text.cp_of_byte(start), text.cp_of_byte(end));
    if end <= text.as_str().len()
        && text.byte_of(as_bytes.0) == start
        && text.byte_of(as_bytes.1) == end
        && text.slice(as_bytes.0, as_bytes.1) == claimed
    {
        return "; the offsets fit the span's text if counted in UTF-8 bytes, \
                but start and end must count code points";
    }
    ""
}
