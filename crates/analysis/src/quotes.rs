//! Direct quotations and their speakers.
//!
//! Owns: finding quoted passages and attributing them. Must never: suggest a quote whose
//! offsets do not cover its quotation marks.

use std::ops::Range;

use newsmark_core::Suggestion;

use crate::doc::Doc;

/// A direct quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub suggestion: Suggestion,
    /// Bytes of the quotation, marks included.
    pub bytes: Range<usize>,
    pub speaker: Option<String>,
}

pub fn find(_doc: &Doc) -> Vec<Quote> {
    Vec::new()
}
