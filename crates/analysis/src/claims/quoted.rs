//! Which bytes of the article lie inside direct quotations, for the claim rules to skip.
//!
//! Owns: the quotations' byte ranges, merged and sorted, and asking whether a byte or a range
//! falls inside them. Must never: scan the ranges linearly per question (each is a binary
//! search, since every word of a long article asks).

use std::ops::Range;

use super::Tok;
use crate::quotes::Quote;

/// Byte ranges inside direct quotations (merged, sorted), to skip cues inside them.
pub(super) struct Quoted {
    ranges: Vec<Range<usize>>,
}

impl Quoted {
    pub(super) fn new(quotes: &[Quote]) -> Self {
        let mut all: Vec<Range<usize>> = quotes.iter().map(|q| q.bytes.clone()).filter(|r| r.start < r.end).collect();
        all.sort_by_key(|r| r.start);
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(all.len());
        for r in all {
            match ranges.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => ranges.push(r),
            }
        }
        Quoted { ranges }
    }

    fn containing(&self, b: usize) -> Option<&Range<usize>> {
        let i = self.ranges.partition_point(|r| r.end <= b);
        self.ranges.get(i).filter(|r| r.start <= b)
    }

    /// Strictly inside a quotation (the marks themselves are outside).
    pub(super) fn inside(&self, b: usize) -> bool {
        self.containing(b).is_some_and(|r| r.start < b && b + 1 < r.end)
    }

    /// Whether the content is one quotation, marks included: then it is a direct quote.
    pub(super) fn covers(&self, toks: &[Tok], r: &Range<usize>) -> bool {
        let bytes = toks[r.start].bytes.start..toks[r.end - 1].bytes.end;
        self.containing(bytes.start).is_some_and(|q| q.end >= bytes.end)
    }
}
