//! Demands suggestions.

use newsmark_core::Suggestion;

use crate::doc::Doc;
use crate::quotes::Quote;

pub fn find(_doc: &Doc, _quotes: &[Quote]) -> Vec<Suggestion> {
    Vec::new()
}
