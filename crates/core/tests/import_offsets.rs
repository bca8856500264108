//! Imports refused for a span's offsets, label or text: offsets past the end, reversed or
//! empty spans, unknown labels, a text that differs from the text at its offsets (shown around
//! the difference, control characters escaped), and offsets in UTF-16 or bytes that disagree.

mod import_file;

use std::rc::Rc;

use import_file::{base, error, span, with_span_field};
use newsmark_core::format::export_json;
use newsmark_core::{Article, ArticleId, ArticleText, Label, LabelSet};
use serde_json::{json, Value};

#[test]
fn offsets_past_the_end_of_the_text() {
    assert_eq!(
        error(&with_span_field(1, 2, "end", json!(512))),
        "document 2 (“Strike vote”), span “s3”, field end: 512 is past the end of the text (500 code points)"
    );
    assert_eq!(
        error(&with_span_field(1, 2, "start", json!(600))),
        "document 2 (“Strike vote”), span “s3”, field start: 600 is past the end of the text (500 code points)"
    );
}

#[test]
fn start_after_end_and_empty_spans() {
    assert_eq!(
        error(&with_span_field(1, 2, "start", json!(40))),
        "document 2 (“Strike vote”), span “s3”, field end: 30 is before start 40"
    );
    assert_eq!(
        error(&with_span_field(1, 2, "start", json!(30))),
        "document 2 (“Strike vote”), span “s3”, field end: the span is empty (start and end are both 30); \
         a span covers at least one code point"
    );
}

#[test]
fn unknown_label() {
    assert_eq!(
        error(&with_span_field(0, 1, "label", json!("person"))),
        "document 1 (“Bridge repairs 🌉”), span “s2”, field label: “person” is not a label: \
         it is not built in (claim, demand, quote, opinion) and the file's labels do not define it"
    );
    assert_eq!(
        error(&with_span_field(0, 1, "label", json!(3))),
        "document 1 (“Bridge repairs 🌉”), span “s2”, field label: must be one of claim, demand, quote, opinion, or a label the file defines, not 3"
    );
}

#[test]
fn span_text_that_differs_from_the_text_at_its_offsets() {
    let mut file = base();
    let s2 = &mut file["documents"][0]["spans"][1];
    s2["start"] = json!(74);
    s2["end"] = json!(103);
    s2.as_object_mut().unwrap().remove("utf16");
    s2.as_object_mut().unwrap().remove("utf8");
    // This message is quoted in docs/labelled-json.md.
    assert_eq!(
        error(&file),
        "document 1 (“Bridge repairs 🌉”), span “s2”, field text: “the council publish the costs” is not \
         the text at 74..103, which is “ the council publish the cost” (first difference at code point 74)"
    );
}

#[test]
fn long_span_texts_are_shown_around_the_difference() {
    let text = format!("{}A{}", "é".repeat(100), "z".repeat(100));
    let article =
        Article::with_spans(ArticleId::new("a"), "Long".into(), Rc::new(ArticleText::new(text)), vec![span("s1", Label::Claim, 0, 201)]);
    let mut file: Value = serde_json::from_str(&export_json(&[&article], &LabelSet::builtin(), "t")).unwrap();
    file["documents"][0]["spans"][0]["text"] = json!(format!("{}B{}", "é".repeat(100), "z".repeat(100)));
    let message = error(&file);
    assert!(message.starts_with("document 1 (“Long”), span “s1”, field text: “…ééééééééB"), "{message}");
    assert!(message.contains(", which is “…ééééééééA"), "{message}");
    assert!(message.ends_with("(first difference at code point 100)"), "{message}");
    assert!(message.chars().count() < 250, "excerpts are truncated: {message}");
}

#[test]
fn control_characters_in_excerpts_are_escaped() {
    let mut file = base();
    file["documents"][0]["spans"][0]["text"] = json!("line\r\nbreak");
    let message = error(&file);
    assert!(message.contains("field text: “line\\r\\nbreak” is not the text at 16..51"), "{message}");
}

#[test]
fn offsets_counted_in_utf16_or_bytes_get_a_hint() {
    let mut file = base();
    // The span after the emoji, with the UTF-16 (then UTF-8) offsets written as start and end.
    let s2 = &mut file["documents"][0]["spans"][1];
    s2.as_object_mut().unwrap().remove("utf16");
    s2.as_object_mut().unwrap().remove("utf8");
    s2["start"] = json!(76);
    s2["end"] = json!(105);
    let message = error(&file);
    assert!(message.starts_with("document 1 (“Bridge repairs 🌉”), span “s2”, field text: "), "{message}");
    assert!(
        message.ends_with("if counted in UTF-16 code units, as JavaScript does, but start and end must count code points"),
        "{message}"
    );
    file["documents"][0]["spans"][1]["start"] = json!(82);
    file["documents"][0]["spans"][1]["end"] = json!(111);
    let message = error(&file);
    assert!(message.contains("field end: 111 is past the end of the text (105 code points)"), "{message}");
    assert!(message.ends_with("if counted in UTF-8 bytes, but start and end must count code points"), "{message}");
}

#[test]
fn utf16_and_utf8_offsets_must_agree() {
    let mut file = base();
    file["documents"][0]["spans"][1]["utf16"]["end"] = json!(104);
    assert_eq!(
        error(&file),
        "document 1 (“Bridge repairs 🌉”), span “s2”, field utf16.end: 104 disagrees with end 104, which is UTF-16 offset 105"
    );
    let mut file = base();
    file["documents"][0]["spans"][0]["utf8"]["start"] = json!(17);
    assert_eq!(
        error(&file),
        "document 1 (“Bridge repairs 🌉”), span “s1”, field utf8.start: 17 disagrees with start 16, which is UTF-8 byte offset 16"
    );
    let mut file = base();
    file["documents"][0]["spans"][0]["utf8"] = json!({"start": 16});
    assert_eq!(error(&file), "document 1 (“Bridge repairs 🌉”), span “s1”, field utf8.end: missing");
    file["documents"][0]["spans"][0]["utf8"] = json!({"start": 16, "end": 58, "unit": "byte"});
    assert_eq!(
        error(&file),
        "document 1 (“Bridge repairs 🌉”), span “s1”, field utf8.unit: unknown field; here version 1 has only start, end"
    );
}
