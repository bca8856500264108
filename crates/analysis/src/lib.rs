//! newsmark's analysis of news text: proposes quote, claim, demand and opinion spans with their
//! attributes, a confidence and a reason a person can check.
//!
//! Owns: finding suggestions in a text. Must never: touch the DOM or the app state, panic or
//! hang on any input, or use word lists whose licence forbids shipping them (see ../shared
//! GUIDE.md; our own lists are in `lexicon`). Offsets in results are code points.
//!
//! The pipeline: `doc::Doc` splits the text into paragraphs and sentences once; each detector
//! reads the `Doc` and returns suggestions; `suggest` merges them in text order. A statement
//! that is both a reported claim and an opinion is settled by its verb: reporting verbs make
//! claims, stance verbs opinions (`opinions::claim_or_opinion`).

pub mod claims;
pub mod demands;
pub mod doc;
pub mod lexicon;
pub mod names;
pub mod opinions;
pub mod quotes;
pub mod summary;

use newsmark_core::Suggestion;

/// Every suggestion for `text`, in text order (by start, longer first).
pub fn suggest(text: &str) -> Vec<Suggestion> {
    let doc = doc::Doc::new(text);
    let quotes = quotes::find(&doc);
    let (claims, opinions) = opinions::claim_or_opinion::settle(claims::find(&doc, &quotes), opinions::find_opinions(&doc, &quotes));
    let mut all = claims;
    all.extend(demands::find(&doc, &quotes));
    all.extend(opinions);
    all.extend(quotes.into_iter().map(|q| q.suggestion));
    all.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.label));
    all.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.label == b.label);
    all
}
