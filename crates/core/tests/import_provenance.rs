//! Accepted suggestions in labelled JSON: their confidence and reason read, refused when wrong,
//! and kept through export and storage.

mod import_file;

use import_file::{articles, error, with_span_field};
use newsmark_core::format::{article_from_json, article_to_json, export_json, import_json};
use newsmark_core::{Article, LabelSet, Origin, Span};
use serde_json::{json, Value};

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
