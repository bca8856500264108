//! Helpers shared by the finder tests (claims, demands, opinions, quotes): quotations built by
//! hand, random documents, and the checks every suggestion must pass.

// Each test binary includes this module with `mod common;` and uses only some of it, so the
// rest would be reported as dead code in that binary.
#![allow(dead_code)]

use newsmark_analysis::doc::Doc;
use newsmark_analysis::quotes::{Quote, SpeakerRule};
use newsmark_core::{snap::snap_selection, ArticleText, Attributes, Label, Suggestion};
use proptest::prelude::*;

/// A quotation over `bytes`, as the quote finder reports one, with `speaker` if any.
pub fn quote(doc: &Doc, bytes: std::ops::Range<usize>, speaker: Option<&str>) -> Quote {
    Quote {
        suggestion: doc.suggestion(Label::Quote, bytes.clone(), Attributes::default(), 0.9, "test"),
        paragraph: doc.paragraphs.partition_point(|p| p.end < bytes.start),
        bytes,
        speaker: speaker.map(str::to_string),
        speaker_bytes: None,
        role: None,
        rule: SpeakerRule::default(),
        continues: false,
        continued: false,
    }
}

/// Random documents made of `pieces` (cue words, names, other scripts, quotation marks, line
/// breaks, combining marks, emoji), each followed by a space or not.
pub fn document(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((0..pieces.len(), prop::bool::ANY), 0..120)
        .prop_map(move |v| v.into_iter().map(|(i, space)| if space { format!("{} ", pieces[i]) } else { pieces[i].to_string() }).collect())
}

/// Quotations as the quote finder might report them: every “…” pair in the text, even nested
/// or crossing, with a speaker.
pub fn rough_quotes(doc: &Doc) -> Vec<Quote> {
    let opens: Vec<usize> = doc.text.match_indices('“').map(|(i, _)| i).collect();
    let closes: Vec<usize> = doc.text.match_indices('”').map(|(i, _)| i + '”'.len_utf8()).collect();
    opens
        .iter()
        .flat_map(|&o| closes.iter().filter(move |&&c| c > o).take(2).map(move |&c| o..c))
        .map(|bytes| quote(doc, bytes, Some("Smith")))
        .collect()
}

/// What `find` suggests in `text`, given the `rough_quotes` of it.
pub fn find_with_rough_quotes(text: &str, find: impl Fn(&Doc, &[Quote]) -> Vec<Suggestion>) -> Vec<Suggestion> {
    let doc = Doc::new(text);
    let quotes = rough_quotes(&doc);
    find(&doc, &quotes)
}

/// A suggestion is a valid span of `article`: inside the text, non-empty, on grapheme-cluster
/// boundaries and without outer whitespace (snapping it changes nothing), with a reason and a
/// confidence of at most 1.
pub fn assert_valid_span(article: &ArticleText, s: &Suggestion) {
    assert!(s.start < s.end && s.end <= article.len(), "{s:?} in {} chars", article.len());
    assert_eq!(snap_selection(article, s.start, s.end, false), Some((s.start, s.end)), "{s:?}");
    assert!(!s.provenance.reason.is_empty(), "{s:?}");
    assert!(s.provenance.confidence.permille() <= 1000, "{s:?}");
}

/// `assert_valid_span` for one suggestion in `text`.
pub fn assert_in_bounds(text: &str, s: &Suggestion) {
    assert_valid_span(&ArticleText::new(text), s);
}

/// Every one of `suggestions` is labelled `label` and is a valid span of `text`.
pub fn assert_all_in_bounds<'a>(text: &str, label: Label, suggestions: impl IntoIterator<Item = &'a Suggestion>) {
    let article = ArticleText::new(text);
    for s in suggestions {
        assert_eq!(s.label, label, "{s:?}");
        assert_valid_span(&article, s);
    }
}
