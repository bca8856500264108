//! Every way an import can fail, and what it tells the person: each message must name the
//! document, the span and the field, and a file with a single bad span must import nothing.

use newsmark_core::LabelSet;
use std::rc::Rc;

use newsmark_core::format::{
    annotations_to_json, article_from_json, article_from_parts, article_to_json, export_json, import_json, ImportError,
};
use newsmark_core::{Article, ArticleId, ArticleText, Attributes, Label, Origin, Span, SpanId};
use serde_json::{json, Value};

const BRIDGE: &str = "The mayor said: “We will fix the bridge 🚧 by June.”\r\nResidents demand that the council publish the costs.";

fn span(id: &str, label: Label, start: usize, end: usize) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// Two documents; the second, "Strike vote", is exactly 500 code points long.
fn articles() -> Vec<Article> {
    let bridge = Article::with_spans(
        ArticleId::new("a1"),
        "Bridge repairs 🌉".into(),
        Rc::new(ArticleText::new(BRIDGE)),
        vec![span("s1", Label::Quote, 16, 51), span("s2", Label::Demand, 75, 104)],
    );
    let strike_text = format!("Union: “Strike!” 😀{}", "x".repeat(482));
    assert_eq!(strike_text.chars().count(), 500);
    let strike = Article::with_spans(
        ArticleId::new("a2"),
        "Strike vote".into(),
        Rc::new(ArticleText::new(strike_text)),
        vec![span("s1", Label::Claim, 0, 5), span("s2", Label::Quote, 7, 16), span("s3", Label::Opinion, 17, 30)],
    );
    vec![bridge, strike]
}

fn base() -> Value {
    let articles = articles();
    let refs: Vec<&Article> = articles.iter().collect();
    serde_json::from_str(&export_json(&refs, &LabelSet::builtin(), "2026-11-21T10:00:00.000Z")).unwrap()
}

fn error(file: &Value) -> String {
    error_of(&file.to_string())
}

fn error_of(input: &str) -> String {
    match import_json(input, &LabelSet::builtin()) {
        Ok(docs) => panic!("imported {} documents from a bad file", docs.documents.len()),
        Err(e) => e.to_string(),
    }
}

/// The base file with one field of one span replaced.
fn with_span_field(doc: usize, span: usize, field: &str, value: Value) -> Value {
    let mut file = base();
    file["documents"][doc]["spans"][span][field] = value;
    file
}

#[test]
fn the_base_file_imports() {
    assert_eq!(import_json(&base().to_string(), &LabelSet::builtin()).unwrap().documents.len(), 2);
}

#[test]
fn not_json_gives_line_and_column() {
    let message = error_of("{\n  \"format\": \"newsmark-labelled-json\",\n  \"version\": 1,,\n}");
    assert!(message.starts_with("this file is not valid JSON: "), "{message}");
    assert!(message.ends_with("key must be a string (line 3, column 16)"), "{message}");
    assert_eq!(error_of("  \n"), "this file is not valid JSON: it is empty (line 1, column 1)");
    let e = import_json("[1,", &LabelSet::builtin()).unwrap_err();
    assert!(matches!(e, ImportError::NotJson { line: 1, .. }), "{e:?}");
}

#[test]
fn other_json_is_not_labelled_json() {
    assert_eq!(error(&json!({"format": "x", "version": 1})), "this file is not newsmark labelled JSON: its format is \"x\"");
    assert_eq!(
        error(&json!({"text": "doccano", "label": [[0, 2, "ORG"]]})),
        "this file is not newsmark labelled JSON: it has no \"format\" field"
    );
    assert_eq!(
        error(&json!([{"text": "a"}])),
        "this file is not newsmark labelled JSON: it holds an array, not an object with a \"format\" field"
    );
}

#[test]
fn versions() {
    let mut file = base();
    file["version"] = json!(7);
    // A newer file may have new fields; the version must be what is reported.
    file["documents"][0]["new_field"] = json!(true);
    assert_eq!(error(&file), "version 7 is newer than this newsmark reads (1)");
    file["version"] = json!(0);
    assert_eq!(error(&file), "field version: must be 1, not 0");
    file["version"] = json!("1");
    assert_eq!(error(&file), "field version: must be 1, not the string “1”");
    file.as_object_mut().unwrap().remove("version");
    assert_eq!(error(&file), "field version: missing; this newsmark reads version 1");
}

#[test]
fn no_documents() {
    let mut file = base();
    file["documents"] = json!([]);
    assert_eq!(error(&file), "the file holds no documents");
    file["documents"] = json!({});
    assert_eq!(error(&file), "field documents: must be an array, not an object");
}

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

#[test]
fn duplicate_ids() {
    assert_eq!(
        error(&with_span_field(1, 2, "id", json!("s1"))),
        "document 2 (“Strike vote”), span “s1”, field id: “s1” is also the id of span 1 in this document; \
         span ids must be unique within a document"
    );
    let mut file = base();
    file["documents"][1]["id"] = json!("a1");
    assert_eq!(error(&file), "document 2 (“Strike vote”), field id: “a1” is also the id of document 1; document ids must be unique");
}

#[test]
fn missing_fields() {
    for field in ["id", "label", "start", "end", "text"] {
        let mut file = base();
        file["documents"][1]["spans"][1].as_object_mut().unwrap().remove(field);
        let span = if field == "id" { "span 2" } else { "span “s2”" };
        assert_eq!(error(&file), format!("document 2 (“Strike vote”), {span}, field {field}: missing"));
    }
    let mut file = base();
    file["documents"][1].as_object_mut().unwrap().remove("title");
    assert_eq!(error(&file), "document 2, field title: missing");
    let mut file = base();
    file["documents"][1].as_object_mut().unwrap().remove("spans");
    assert_eq!(error(&file), "document 2 (“Strike vote”), field spans: missing");
}

#[test]
fn wrongly_typed_fields() {
    assert_eq!(
        error(&with_span_field(1, 0, "start", json!("0"))),
        "document 2 (“Strike vote”), span “s1”, field start: must be a whole number, 0 or more, not the string “0”"
    );
    assert_eq!(
        error(&with_span_field(1, 0, "end", json!(-5))),
        "document 2 (“Strike vote”), span “s1”, field end: must be a whole number, 0 or more, not -5"
    );
    assert_eq!(
        error(&with_span_field(1, 0, "end", json!(5.0))),
        "document 2 (“Strike vote”), span “s1”, field end: must be a whole number, 0 or more, not 5.0"
    );
    assert_eq!(error(&with_span_field(1, 0, "id", json!(7))), "document 2 (“Strike vote”), span 1, field id: must be a string, not 7");
    assert_eq!(
        error(&with_span_field(1, 0, "id", json!(""))),
        "document 2 (“Strike vote”), span 1, field id: is empty; every span needs an id"
    );
    assert_eq!(
        error(&with_span_field(1, 0, "origin", json!("model"))),
        "document 2 (“Strike vote”), span “s1”, field origin: must be \"manual\" or \"suggested\", not the string “model”"
    );
    assert_eq!(
        error(&with_span_field(1, 0, "attributes", json!({"note": ["a"]}))),
        "document 2 (“Strike vote”), span “s1”, field attributes.note: must be a string, not an array"
    );
    let mut file = base();
    file["documents"][1]["spans"][1] = json!(3);
    assert_eq!(error(&file), "document 2 (“Strike vote”), span 2: must be an object, not 3");
    let mut file = base();
    file["documents"][1]["text"] = json!(null);
    assert_eq!(error(&file), "document 2 (“Strike vote”), field text: must be a string, not null");
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    assert_eq!(
        error(&with_span_field(1, 0, "labels", json!(["claim"]))),
        "document 2 (“Strike vote”), span “s1”, field labels: unknown field; here version 1 has only \
         id, label, start, end, text, attributes, origin, confidence, reason, fragments, utf16, utf8"
    );
    assert_eq!(
        error(&with_span_field(1, 0, "attributes", json!({"speakr": "Ann"}))),
        "document 2 (“Strike vote”), span “s1”, field attributes.speakr: unknown attribute; \
         the attributes are speaker, source, by, to, holder, note, other"
    );
    let mut file = base();
    file["meta"] = json!({});
    assert_eq!(error(&file), "field meta: unknown field; here version 1 has only format, version, exported_at, labels, documents");
}

#[test]
fn one_bad_span_among_good_ones_imports_nothing() {
    // Every other span and document is fine; the import is still all or nothing.
    let file = with_span_field(1, 1, "end", json!(501));
    let result = import_json(&file.to_string(), &LabelSet::builtin());
    let Err(e) = result else { panic!("imported a file with a bad span") };
    assert!(e.to_string().starts_with("document 2 (“Strike vote”), span “s2”, field end: 501 is past"), "{e}");
    // The same document alone, from storage, is refused the same way.
    let one = file["documents"][1].to_string();
    let e = article_from_json(&one, &mut LabelSet::builtin()).unwrap_err();
    assert!(e.to_string().starts_with("the document (“Strike vote”), span “s2”, field end: 501"), "{e}");
}

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

#[test]
fn lenient_where_the_schema_is() {
    let mut file = base();
    let doc = &mut file["documents"][1];
    doc["id"] = json!(null);
    doc["spans"].as_array_mut().unwrap().reverse();
    let s = &mut doc["spans"][0];
    s["utf16"] = json!(null);
    s.as_object_mut().unwrap().remove("utf8");
    s.as_object_mut().unwrap().remove("origin");
    s["attributes"] = json!({"holder": "", "note": null, "source": "AP"});
    let input = format!("\u{feff}{file}");
    let docs = import_json(&input, &LabelSet::builtin()).unwrap();
    assert_eq!(docs.documents[1].id, None);
    let s3 = &docs.documents[1].spans[0];
    assert_eq!(s3.id.as_str(), "s3", "file order is kept");
    assert_eq!(s3.origin, Origin::Manual);
    assert_eq!(s3.attributes, Attributes { source: Some("AP".into()), ..Attributes::default() });
}

#[test]
fn documents_without_spans_are_fine() {
    let article = Article::new(ArticleId::new("empty"), String::new(), "");
    let docs = import_json(&export_json(&[&article], &LabelSet::builtin(), "t"), &LabelSet::builtin()).unwrap();
    assert!(docs.documents[0].spans.is_empty() && docs.documents[0].text.is_empty());
    assert_eq!(article_from_json(&article_to_json(&article, &LabelSet::builtin()), &mut LabelSet::builtin()).unwrap().title, "");
}

#[test]
fn import_error_is_a_std_error() {
    let e: Box<dyn std::error::Error> = Box::new(import_json("hello", &LabelSet::builtin()).unwrap_err());
    assert!(e.to_string().starts_with("this file is not valid JSON: expected value"), "{e}");
}

/// The base file's span “s1” of document 2 as an accepted suggestion, with these extra fields.
fn suggested_with(fields: Value) -> Value {
    let mut file = with_span_field(1, 0, "origin", json!("suggested"));
    let span = file["documents"][1]["spans"][0].as_object_mut().unwrap();
    for (k, v) in fields.as_object().unwrap() {
        span.insert(k.clone(), v.clone());
    }
    file
}

#[test]
fn confidence_and_reason_of_accepted_suggestions() {
    let file = suggested_with(json!({"confidence": 0.857, "reason": "closing quote followed by 'said' and a name"}));
    let docs = import_json(&file.to_string(), &LabelSet::builtin()).unwrap();
    let provenance = docs.documents[1].spans[0].origin.provenance().expect("kept");
    assert_eq!(provenance.confidence.permille(), 857);
    assert_eq!(&*provenance.reason, "closing quote followed by 'said' and a name");
    // Finer digits from another tool round to the thousandths newsmark keeps; 0 and 1 are fine.
    for (given, kept) in [(0.12345, 123), (0.0, 0), (1.0, 1000), (0.9996, 1000)] {
        let docs = import_json(&suggested_with(json!({"confidence": given, "reason": "r"})).to_string(), &LabelSet::builtin()).unwrap();
        assert_eq!(docs.documents[1].spans[0].origin.provenance().unwrap().confidence.permille(), kept, "{given}");
    }
    // "suggested" alone, or with both fields null, says nothing about why.
    let docs = import_json(&suggested_with(json!({"confidence": null, "reason": null})).to_string(), &LabelSet::builtin()).unwrap();
    assert_eq!(docs.documents[1].spans[0].origin, Origin::Suggested(None));
}

#[test]
fn confidence_and_reason_mistakes() {
    let place = "document 2 (“Strike vote”), span “s1”";
    assert_eq!(
        error(&suggested_with(json!({"confidence": 1.5, "reason": "r"}))),
        format!("{place}, field confidence: 1.5 is not between 0 and 1")
    );
    assert_eq!(
        error(&suggested_with(json!({"confidence": -0.1, "reason": "r"}))),
        format!("{place}, field confidence: -0.1 is not between 0 and 1")
    );
    assert_eq!(
        error(&suggested_with(json!({"confidence": "high", "reason": "r"}))),
        format!("{place}, field confidence: must be a number from 0 to 1, not the string “high”")
    );
    assert_eq!(
        error(&suggested_with(json!({"confidence": 0.5, "reason": ""}))),
        format!("{place}, field reason: is empty; say why the span was suggested, or leave the field out")
    );
    assert_eq!(
        error(&suggested_with(json!({"confidence": 0.5}))),
        format!("{place}, field reason: missing; a span with a confidence also needs a reason")
    );
    assert_eq!(
        error(&suggested_with(json!({"reason": "r"}))),
        format!("{place}, field confidence: missing; a span with a reason also needs a confidence")
    );
    assert_eq!(
        error(&with_span_field(1, 0, "confidence", json!(0.5))),
        format!("{place}, field confidence: only a span with origin \"suggested\" has a confidence")
    );
    assert_eq!(
        error(&with_span_field(1, 0, "reason", json!("r"))),
        format!("{place}, field reason: only a span with origin \"suggested\" has a reason")
    );
}

#[test]
fn accepted_suggestions_keep_their_provenance_through_export_and_storage() {
    use newsmark_core::{Confidence, Provenance};
    let mut articles = articles();
    let provenance = Provenance { confidence: Confidence::from_permille(905), reason: "“…,” said X".into() };
    let mut spans: Vec<Span> = articles[0].spans.iter().cloned().collect();
    spans[0].origin = Origin::Suggested(Some(provenance.clone()));
    articles[0] = Article::with_spans(articles[0].id.clone(), articles[0].title.clone(), articles[0].text.clone(), spans);
    let refs: Vec<&Article> = articles.iter().collect();
    let json = export_json(&refs, &LabelSet::builtin(), "t");
    let file: Value = serde_json::from_str(&json).unwrap();
    let s1 = &file["documents"][0]["spans"][0];
    assert_eq!(
        (s1["origin"].as_str(), s1["confidence"].as_f64(), s1["reason"].as_str()),
        (Some("suggested"), Some(0.905), Some("“…,” said X"))
    );
    assert!(json.contains("\"confidence\": 0.905,"), "written as three decimals: {json}");
    // A manual span has neither field.
    let s2 = file["documents"][0]["spans"][1].as_object().unwrap();
    assert!(!s2.contains_key("confidence") && !s2.contains_key("reason"));
    let stored = article_from_json(&article_to_json(&articles[0], &LabelSet::builtin()), &mut LabelSet::builtin()).unwrap();
    assert_eq!(stored.spans[0].origin, Origin::Suggested(Some(provenance)));
}
