//! Where reported content ends inside its sentence: before an aside that is the writer's, not
//! the source's.
//!
//! Owns: the breaks that end a content read after its cue — a sentence end the splitter missed
//! ('…." He said'), a semicolon, and a comma that opens an
//! apposition ("…, the existing alliance") or a new clause ("…, but …"). Must never:
//! end a content inside a quotation, or before it holds a few words (a break right after the cue
//! is the cue's own adjunct, read by `content`).

use std::ops::Range;

use super::{is_quote, quote_open_after};
use crate::lexicon::sources::{has, Tok};

/// Words that, after a comma, open something the source did not say: a relative or adverbial
/// clause, a new clause, or an apposition.
/// (Measured on the tuning half: relative and adverbial clauses after a comma are as often part
/// of what the source said as not, so only appositions and "but" end a content.)
const BREAK_AFTER_COMMA: &[&str] = &["a", "an", "but", "the"];

/// The fewest words a content keeps before a break may end it.
const MIN_WORDS: usize = 4;

/// Words that end the object of a speech act ("criticised the plan as …", "cited the figure
/// when …"): the rest is the writer's.
const OBJECT_ENDS: &[&str] = &["after", "as", "because", "before", "during", "since", "when", "while"];

/// Ends the object of a speech act at the first mark (other than a quotation mark) or a word of
/// `OBJECT_ENDS` after its first word.
pub(super) fn end_object(toks: &[Tok], content: &mut Range<usize>) {
    let mut open_quote = false;
    for (k, t) in toks.iter().enumerate().take(content.end).skip(content.start + 1) {
        if is_quote(t) {
            open_quote = quote_open_after(t, open_quote);
            continue;
        }
        let ends = if t.word {
            has(OBJECT_ENDS, &t.lower)
        } else {
            let list = t.is(",") && list_goes_on(toks, k, content.end);
            !(matches!(t.lower.as_str(), "-" | "'" | "$" | "%" | "(" | ")") || list)
        };
        if ends && !open_quote {
            content.end = k;
            return;
        }
    }
}

/// Whether the comma at `k` separates items of a list that goes on to "and" or "or" within a
/// few words and before any other mark: "to triple the fund, grow the corps and create …".
fn list_goes_on(toks: &[Tok], k: usize, end: usize) -> bool {
    let next = (k + 1..end.min(k + 9)).find(|&j| !toks[j].word || toks[j].is("and") || toks[j].is("or"));
    next.is_some_and(|j| toks[j].word && j > k + 1)
}

/// Ends `content` at the first break after its first `MIN_WORDS` words.
pub(super) fn end_at_break(toks: &[Tok], content: &mut Range<usize>) {
    let mut words = 0;
    let mut open_quote = false;
    for k in content.clone() {
        let t = &toks[k];
        if t.word {
            words += 1;
            continue;
        }
        let was_open = open_quote;
        match t.lower.as_str() {
            "“" => open_quote = true,
            "”" => open_quote = false,
            "\"" => open_quote = !open_quote,
            _ => {}
        }
        // A sentence the splitter missed ends the content: '… address." He said …'.
        let next_is_cap = toks.get(k + 1).is_some_and(|n| k + 1 < content.end && n.word && n.cap);
        let after_stop = k > content.start && matches!(toks[k - 1].lower.as_str(), "." | "?" | "!");
        if was_open && !open_quote && after_stop && next_is_cap {
            content.end = k + 1;
            return;
        }
        if !open_quote && matches!(t.lower.as_str(), "." | "?" | "!") && next_is_cap && words > 0 {
            content.end = k;
            return;
        }
        if open_quote || words < MIN_WORDS || is_quote(t) {
            continue;
        }
        let next = toks.get(k + 1).filter(|_| k + 1 < content.end);
        let breaks = match t.lower.as_str() {
            ";" => true,
            "," => next.is_some_and(|n| n.word && has(BREAK_AFTER_COMMA, &n.lower)),
            _ => false,
        };
        if breaks {
            content.end = k;
            return;
        }
    }
}

#[cfg(test)]
pub(super) const WORD_LISTS: &[&[&str]] = &[BREAK_AFTER_COMMA, OBJECT_ENDS];
