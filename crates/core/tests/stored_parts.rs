//! An article stored in two parts, its text and its annotations (the browser's storage layout):
//! annotations that do not fit the text they are read with are refused, with a message naming
//! the problem, as an import's would be.

mod import_file;

use import_file::articles;
use newsmark_core::format::{annotations_to_json, article_from_parts};
use newsmark_core::LabelSet;

#[test]
fn stored_annotations_that_do_not_fit_their_text_are_refused() {
    let article = &articles()[1];
    let annotations = annotations_to_json(article, &LabelSet::builtin());
    assert!(article_from_parts(article.text.as_str(), &annotations, &mut LabelSet::builtin()).is_ok());
    // A text record from another article, or cut short, no longer holds the spans.
    let e = article_from_parts("Too short.", &annotations, &mut LabelSet::builtin()).unwrap_err();
    assert!(e.to_string().starts_with("the document (“Strike vote”), span “s1”, field text: “Union” is not the text at 0..5"), "{e}");
    let e = article_from_parts(article.text.as_str(), "{\"title\": \"x\"", &mut LabelSet::builtin()).unwrap_err();
    assert!(e.to_string().starts_with("this file is not valid JSON"), "{e}");
}
