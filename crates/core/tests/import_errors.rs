//! Every way an import can fail in the file's shape, and what it tells the person: each message
//! must name the document, the span and the field, and a file with a single bad span must import
//! nothing. (Span offsets and texts: `import_offsets.rs`; accepted suggestions' provenance:
//! `import_provenance.rs`.)

mod import_file;

use import_file::{base, error, error_of, with_span_field};
use newsmark_core::format::{article_from_json, article_to_json, export_json, import_json, ImportError};
use newsmark_core::{Article, ArticleId, Attributes, LabelSet, Origin};
use serde_json::json;

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
fn a_truncated_file_is_placed_once_at_its_end_in_characters() {
    let cut = "{\n  \"format\": \"newsmark-labelled-json\",\n  \"title\": \"Zoë’s";
    assert_eq!(error_of(cut), "this file is not valid JSON: EOF while parsing a string (line 3, column 18)");
    let cut = "{\"format\": \"newsmark-labelled-json\", \"documents\": [\n";
    assert_eq!(error_of(cut), "this file is not valid JSON: EOF while parsing a list (line 2, column 1)");
    // serde_json counts bytes; the column counts characters (“😀” is four bytes).
    assert_eq!(error_of("{\"😀\": 1 2}"), "this file is not valid JSON: expected `,` or `}` (line 1, column 9)");
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
