//! Labelled JSON end to end: export→import round trips on random articles, span offsets checked
//! in all three units by an independent reader, every export validated against the committed
//! JSON Schema, the schema kept equal to the one the types generate, and the documentation's
//! example kept equal to what newsmark writes.

mod common;

use newsmark_core::LabelSet;
use std::sync::LazyLock;

use newsmark_core::format::{
    annotations_to_json, article_from_json, article_from_parts, article_to_json, export_json, import_json, ImportedDocument,
};
use newsmark_core::{Article, ArticleId};
use proptest::prelude::*;
use serde_json::{json, Value};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/newsmark-labelled-json.v1.schema.json");
const DOCS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/labelled-json.md");

fn committed_schema() -> Value {
    let text = std::fs::read_to_string(SCHEMA_PATH).expect("the committed schema file exists");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

static VALIDATOR: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| jsonschema::validator_for(&committed_schema()).expect("the committed schema compiles"));

fn schema_errors(file: &Value) -> Vec<String> {
    VALIDATOR.iter_errors(file).map(|e| format!("{} at {}", e, e.instance_path)).collect()
}

fn refs(articles: &[Article]) -> Vec<&Article> {
    articles.iter().collect()
}

fn rebuild(doc: ImportedDocument) -> Article {
    Article::with_spans(ArticleId::new(doc.id.expect("exports carry ids")), doc.title, doc.text, doc.spans).with_relations(doc.relations)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_is_exact(articles in common::articles()) {
        let labels = common::labels();
        let json = export_json(&refs(&articles), &labels, common::EXPORTED_AT);
        // Into a workspace that has only the built-in labels: the file brings its own.
        let batch = import_json(&json, &LabelSet::builtin()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&batch.labels, &labels);
        let docs = batch.documents;
        prop_assert_eq!(docs.len(), articles.len());
        for (doc, article) in docs.iter().zip(&articles) {
            prop_assert_eq!(doc.id.as_deref(), Some(article.id.as_str()));
            prop_assert_eq!(&doc.title, &article.title);
            prop_assert_eq!(doc.text.as_str(), article.text.as_str());
            prop_assert_eq!(doc.spans.as_slice(), article.spans.as_slice());
            prop_assert_eq!(doc.relations.as_slice(), article.relations.as_slice());
        }
        let again: Vec<Article> = docs.into_iter().map(rebuild).collect();
        prop_assert_eq!(export_json(&refs(&again), &labels, common::EXPORTED_AT), json);
    }

    #[test]
    fn stored_document_round_trips(article in common::article("a1".into())) {
        let stored = article_to_json(&article, &common::labels());
        prop_assert!(!stored.contains('\n'), "storage form is one line");
        let doc = article_from_json(&stored, &mut common::labels()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(rebuild(doc), article);
    }

    #[test]
    fn stored_parts_round_trip_and_the_annotations_hold_no_text(article in common::article("a1".into())) {
        let annotations = annotations_to_json(&article, &common::labels());
        let value: Value = serde_json::from_str(&annotations).unwrap();
        prop_assert_eq!(&value["text"], &json!(""));
        for span in value["spans"].as_array().unwrap() {
            prop_assert!(span.get("utf16").is_none() && span.get("utf8").is_none(), "derived offsets are left out: {span}");
        }
        let doc = article_from_parts(article.text.as_str(), &annotations, &mut common::labels())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(rebuild(doc), article);
    }

    #[test]
    fn every_span_slices_to_its_text_in_all_three_units(articles in common::articles()) {
        let file: Value = serde_json::from_str(&export_json(&refs(&articles), &common::labels(), common::EXPORTED_AT)).unwrap();
        for doc in file["documents"].as_array().unwrap() {
            let text = doc["text"].as_str().unwrap();
            let chars: Vec<char> = text.chars().collect();
            let utf16: Vec<u16> = text.encode_utf16().collect();
            let at = |v: &Value| v.as_u64().unwrap() as usize;
            let mut previous: Option<(usize, usize)> = None;
            for span in doc["spans"].as_array().unwrap() {
                let expected = span["text"].as_str().unwrap();
                let (start, end) = (at(&span["start"]), at(&span["end"]));
                prop_assert!(start < end);
                prop_assert_eq!(chars[start..end].iter().collect::<String>(), expected);
                let (u_start, u_end) = (at(&span["utf16"]["start"]), at(&span["utf16"]["end"]));
                prop_assert_eq!(String::from_utf16(&utf16[u_start..u_end]).unwrap(), expected);
                let (b_start, b_end) = (at(&span["utf8"]["start"]), at(&span["utf8"]["end"]));
                prop_assert_eq!(&text.as_bytes()[b_start..b_end], expected.as_bytes());
                // Text order: by start, then the longer span first.
                if let Some((p_start, p_end)) = previous {
                    prop_assert!(p_start < start || (p_start == start && p_end >= end));
                }
                previous = Some((start, end));
            }
        }
    }

    #[test]
    fn every_export_matches_the_schema(articles in common::articles()) {
        let file: Value = serde_json::from_str(&export_json(&refs(&articles), &common::labels(), common::EXPORTED_AT)).unwrap();
        let errors = schema_errors(&file);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

#[test]
fn export_is_pretty_with_a_final_newline() {
    let article = Article::new(ArticleId::new("a1"), "T".into(), "x");
    let json = export_json(&[&article], &LabelSet::builtin(), common::EXPORTED_AT);
    assert!(json.starts_with("{\n  \"format\": \"newsmark-labelled-json\",\n  \"version\": 1,\n"));
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
    assert!(json.contains("\"spans\": []"), "{json}");
}

#[test]
fn the_committed_schema_is_a_valid_2020_12_schema() {
    let schema = committed_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(jsonschema::meta::is_valid(&schema));
}

/// The smallest file newsmark accepts: optional fields left out.
fn minimal() -> Value {
    json!({
        "format": "newsmark-labelled-json", "version": 1, "exported_at": "2026-11-21T10:00:00.000Z",
        "documents": [{ "title": "", "text": "a “b” c", "spans": [
            { "id": "x", "label": "quote", "start": 2, "end": 5, "text": "“b”" }
        ] }]
    })
}

#[test]
fn schema_and_import_both_accept_the_minimal_file() {
    assert_eq!(schema_errors(&minimal()), Vec::<String>::new());
    let docs = import_json(&minimal().to_string(), &LabelSet::builtin()).unwrap();
    assert_eq!(docs.documents[0].id, None);
    assert_eq!(docs.documents[0].spans[0].start, 2);
}

type Mutation = Box<dyn Fn(&mut Value)>;

/// Makes the minimal file's span an accepted suggestion with these fields.
fn suggested(file: &mut Value, fields: Value) {
    let span = file["documents"][0]["spans"][0].as_object_mut().unwrap();
    span.insert("origin".into(), json!("suggested"));
    span.extend(fields.as_object().unwrap().clone());
}

#[test]
fn schema_and_import_both_accept_suggested_spans_with_and_without_provenance() {
    let cases = [
        json!({}),
        json!({"confidence": 0.9, "reason": "a reason"}),
        json!({"confidence": 0, "reason": "r"}),
        json!({"confidence": 1, "reason": "r"}),
        json!({"confidence": null, "reason": null}),
    ];
    for fields in cases {
        let mut file = minimal();
        suggested(&mut file, fields.clone());
        assert_eq!(schema_errors(&file), Vec::<String>::new(), "{fields}");
        assert!(import_json(&file.to_string(), &LabelSet::builtin()).is_ok(), "{fields}");
    }
}

/// A label must be built in or defined in the file, and a relation's ends must be spans of its
/// document: cross-references a JSON Schema cannot express, so only the import refuses them.
#[test]
fn import_refuses_dangling_references() {
    let mut file = minimal();
    file["documents"][0]["spans"][0]["label"] = json!("person");
    assert!(schema_errors(&file).is_empty());
    assert!(import_json(&file.to_string(), &LabelSet::builtin()).unwrap_err().to_string().contains("“person” is not a label"));
    file["labels"] = json!([{"name": "person", "colour": "#008080"}]);
    let batch = import_json(&file.to_string(), &LabelSet::builtin()).unwrap();
    assert_eq!(batch.labels.name(batch.documents[0].spans[0].label), "person");
    let mut file = minimal();
    let id = file["documents"][0]["spans"][0]["id"].clone();
    file["documents"][0]["relations"] = json!([{"id": "r1", "kind": "speaker", "from": id, "to": "nowhere"}]);
    assert!(schema_errors(&file).is_empty());
    let e = import_json(&file.to_string(), &LabelSet::builtin()).unwrap_err().to_string();
    assert!(e.ends_with("relation “r1”, field to: “nowhere” is not the id of a span in this document"), "{e}");
}

/// Structural mistakes are the schema's business too: both it and the import must refuse each.
#[test]
fn schema_and_import_refuse_the_same_structural_mistakes() {
    let cases: Vec<(&str, Mutation)> = vec![
        ("another format", Box::new(|f| f["format"] = json!("doccano"))),
        ("version 2", Box::new(|f| f["version"] = json!(2))),
        ("version as a string", Box::new(|f| f["version"] = json!("1"))),
        ("no documents", Box::new(|f| f["documents"] = json!([]))),
        ("no exported_at", Box::new(|f| drop(f.as_object_mut().unwrap().remove("exported_at")))),
        ("unknown top-level field", Box::new(|f| f["extra"] = json!(1))),
        ("document without text", Box::new(|f| drop(f["documents"][0].as_object_mut().unwrap().remove("text")))),
        ("empty label", Box::new(|f| f["documents"][0]["spans"][0]["label"] = json!(""))),
        ("label colour not #rrggbb", Box::new(|f| f["labels"] = json!([{"name": "person", "colour": "teal"}]))),
        ("label hotkey a letter", Box::new(|f| f["labels"] = json!([{"name": "person", "colour": "#008080", "hotkey": "q"}]))),
        ("relation without kind", Box::new(|f| f["documents"][0]["relations"] = json!([{"id": "r1", "from": "a", "to": "b"}]))),
        ("one fragment", Box::new(|f| f["documents"][0]["spans"][0]["fragments"] = json!([{"start": 0, "end": 1}]))),
        ("negative start", Box::new(|f| f["documents"][0]["spans"][0]["start"] = json!(-1))),
        ("fractional end", Box::new(|f| f["documents"][0]["spans"][0]["end"] = json!(4.5))),
        ("span without text", Box::new(|f| drop(f["documents"][0]["spans"][0].as_object_mut().unwrap().remove("text")))),
        ("empty span id", Box::new(|f| f["documents"][0]["spans"][0]["id"] = json!(""))),
        ("unknown attribute", Box::new(|f| f["documents"][0]["spans"][0]["attributes"] = json!({"speakr": "x"}))),
        ("attribute not a string", Box::new(|f| f["documents"][0]["spans"][0]["attributes"] = json!({"note": 3}))),
        ("unknown origin", Box::new(|f| f["documents"][0]["spans"][0]["origin"] = json!("model"))),
        ("utf16 without end", Box::new(|f| f["documents"][0]["spans"][0]["utf16"] = json!({"start": 2}))),
        ("unknown span field", Box::new(|f| f["documents"][0]["spans"][0]["labels"] = json!(["quote"]))),
        (
            "confidence on a manual span",
            Box::new(|f| {
                f["documents"][0]["spans"][0]["confidence"] = json!(0.5);
                f["documents"][0]["spans"][0]["reason"] = json!("r");
            }),
        ),
        ("confidence without reason", Box::new(|f| suggested(f, json!({"confidence": 0.5})))),
        ("reason without confidence", Box::new(|f| suggested(f, json!({"reason": "r"})))),
        ("confidence above 1", Box::new(|f| suggested(f, json!({"confidence": 1.2, "reason": "r"})))),
        ("confidence as a string", Box::new(|f| suggested(f, json!({"confidence": "0.5", "reason": "r"})))),
        ("empty reason", Box::new(|f| suggested(f, json!({"confidence": 0.5, "reason": ""})))),
    ];
    for (name, mutate) in cases {
        let mut file = minimal();
        mutate(&mut file);
        assert!(!schema_errors(&file).is_empty(), "the schema accepts: {name}");
        assert!(import_json(&file.to_string(), &LabelSet::builtin()).is_err(), "import accepts: {name}");
    }
}

/// The example in the user documentation is exactly what newsmark writes for it, imports, and
/// matches the schema, so the page cannot drift from the code.
#[test]
fn the_documented_example_is_what_newsmark_writes() {
    let page = std::fs::read_to_string(DOCS_PATH).expect("docs/labelled-json.md exists");
    let start = page.find("```json\n").expect("the page has a JSON example") + "```json\n".len();
    let example = &page[start..start + page[start..].find("```").unwrap()];
    let file: Value = serde_json::from_str(example).unwrap();
    assert_eq!(schema_errors(&file), Vec::<String>::new());
    let docs = import_json(example, &LabelSet::builtin()).unwrap();
    let articles: Vec<Article> = docs.documents.into_iter().map(rebuild).collect();
    assert_eq!(export_json(&refs(&articles), &LabelSet::builtin(), file["exported_at"].as_str().unwrap()), example);
    // The page's prose quotes these offsets.
    let s2 = &file["documents"][0]["spans"][1];
    assert_eq!((s2["start"].as_u64(), s2["utf16"]["start"].as_u64(), s2["utf8"]["start"].as_u64()), (Some(75), Some(76), Some(82)));
}

#[cfg(feature = "schema")]
#[test]
fn the_committed_schema_file_is_current() {
    let committed = std::fs::read_to_string(SCHEMA_PATH).expect("the committed schema file exists");
    assert!(
        committed == newsmark_core::format::labelled_json_schema(),
        "schema/newsmark-labelled-json.v1.schema.json is stale: run \
         `cargo run -p newsmark-core --features schema --example write_schema`"
    );
}

#[test]
fn other_attributes_are_written_by_name_a_repeated_name_keeping_its_last_value() {
    use newsmark_core::text::ArticleText;
    use newsmark_core::{Attributes, Label, Origin, Span, SpanId};
    let other = [("Negated", ""), ("Confidence", "low"), ("Negated", "yes")].map(|(k, v)| (k.to_string(), v.to_string()));
    let span = Span {
        id: SpanId::new("s1"),
        label: Label::Claim,
        start: 0,
        end: 1,
        attributes: Attributes { other: other.to_vec(), ..Attributes::default() },
        origin: Origin::Manual,
        fragments: None,
    };
    let article = Article::with_spans(ArticleId::new("a1"), "T".into(), std::rc::Rc::new(ArticleText::new("x")), vec![span]);
    // The written text itself: a JSON reader would sort the names whatever the order.
    let written = article_to_json(&article, &LabelSet::builtin());
    assert!(written.contains(r#""other":{"Confidence":"low","Negated":"yes"}"#), "{written}");
}
