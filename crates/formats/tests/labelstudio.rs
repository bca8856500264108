//! Label Studio JSON: fixtures in Label Studio's documented task shapes, annotations and
//! predictions as documents, relations and per-region answers, precise errors with the line in
//! the JSON file, and write → read keeping what the format carries.

#[path = "fixtures/support.rs"]
mod support;

use newsmark_core::{Confidence, Label, LabelSet, Origin, Provenance};
use newsmark_formats::{labelstudio, ImportBatch, InputFile};
use proptest::prelude::*;
use support::*;

fn read(name: &str, text: &str) -> Result<ImportBatch, newsmark_formats::FormatError> {
    labelstudio::read(&[InputFile::new(name, text)], &LabelSet::builtin())
}

fn spans(batch: &ImportBatch, doc: usize) -> Vec<(String, &str, String)> {
    let d = &batch.documents[doc];
    d.spans.iter().map(|s| (s.id.as_str().to_string(), d.text.slice(s.start, s.end), batch.labels.name(s.label))).collect()
}

#[test]
fn tasks_fixture_is_read_and_written_back_identically() {
    let file = fixture("labelstudio/tasks.json");
    let batch = labelstudio::read(std::slice::from_ref(&file), &LabelSet::builtin()).unwrap();
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    let doc = &batch.documents[0];
    assert_eq!(doc.title, "Rally");
    let quote = &doc.spans[0];
    assert_eq!((quote.label, quote.attributes.speaker.as_deref()), (Label::Quote, Some("Ana Gómez")));
    assert_eq!(quote.attributes.note.as_deref(), Some("check against the tape"));
    let claim = &doc.spans[3];
    assert_eq!(
        claim.origin,
        Origin::Suggested(Some(Provenance { confidence: Confidence::from_permille(820), reason: "Label Studio prediction".into() }))
    );
    assert_eq!(claim.attributes.source.as_deref(), Some("The ministry"));
    let r: Vec<_> = doc.relations.iter().map(|r| (r.id.as_str(), &*r.kind, r.from.as_str(), r.to.as_str())).collect();
    assert_eq!(r, [("r1", "speaker", "s1", "s2"), ("r2", "source", "s4", "s3")]);
    assert_eq!(batch.documents[1].title, "");

    let articles = articles(&batch);
    let out = labelstudio::write(&refs(&articles), &batch.labels);
    assert_eq!(json(&file.text), json(&output(&out, "labelstudio/tasks.json").text));
}

#[test]
fn the_configuration_names_what_the_tasks_use() {
    let batch = labelstudio::read(&[fixture("labelstudio/tasks.json")], &LabelSet::builtin()).unwrap();
    let articles = articles(&batch);
    let out = labelstudio::write(&refs(&articles), &batch.labels);
    let config = &output(&out, "labelstudio/config.xml").text;
    for line in [
        "<Labels name=\"label\" toName=\"text\">",
        "<Label value=\"Person\" background=\"",
        "<Text name=\"text\" value=\"$text\"/>",
        "<Relation value=\"speaker\"/>",
        "<TextArea name=\"speaker\" toName=\"text\" perRegion=\"true\"/>",
        "<TextArea name=\"source\" toName=\"text\" perRegion=\"true\"/>",
    ] {
        assert!(config.contains(line), "{line} in\n{config}");
    }
}

#[test]
fn an_export_gives_a_document_per_annotation_and_prediction() {
    let batch = labelstudio::read(&[fixture("labelstudio/export.json")], &LabelSet::builtin()).unwrap();
    let titles: Vec<_> = batch.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "export task 7 (annotation 11 by annotator 1)",
            "export task 7 (annotation 12 by b@example.org)",
            "export task 7 (prediction ner-v2)"
        ]
    );
    // Two labels on one region are two spans; the position counted in UTF-16 is fixed by the text.
    assert_eq!(
        spans(&batch, 0),
        [
            ("r1".to_string(), "Mayor Lee", "Person".to_string()),
            ("r1-2".into(), "Mayor Lee", "Source".into()),
            ("q1".into(), "“is dead”", "quote".into())
        ]
    );
    let first = &batch.documents[0];
    assert_eq!(first.spans[2].attributes.other, [("certainty".to_string(), "certain".to_string())]);
    // "left" reads from to_id to from_id.
    let r = &first.relations[0];
    assert_eq!((&*r.kind, r.from.as_str(), r.to.as_str()), ("speaker", "q1", "r1"));
    // "prediction-changed" regions are a person's; unlabelled relations are "related".
    let second = &batch.documents[1];
    assert!(second.spans.iter().all(|s| s.origin == Origin::Manual));
    assert_eq!((&*second.relations[0].kind, second.relations[0].from.as_str()), ("related", "c1"));
    let predicted = &batch.documents[2];
    let confidences: Vec<_> =
        predicted.spans.iter().map(|s| s.origin.provenance().map(|p| (p.confidence.permille(), p.reason.to_string()))).collect();
    assert_eq!(
        confidences,
        [Some((930, "Label Studio prediction (ner-v2)".into())), Some((710, "Label Studio prediction (ner-v2)".into()))]
    );

    let w = &batch.warnings;
    assert_eq!(w.len(), 4, "{w:#?}");
    assert!(
        w[0].starts_with(
            "export.json, line 18, region “q1”: its offsets 37–46 hold its text ““is dead”” when counted in UTF-16 code units"
        ),
        "{}",
        w[0]
    );
    assert!(w[1].contains("1 cancelled (skipped) annotation was not imported"), "{}", w[1]);
    assert!(w[2].contains("1 result of type “choices” (first on line 33) was not imported"), "{}", w[2]);
    assert!(w[3].contains("1 relation marked as going both ways (first on line 70)"), "{}", w[3]);
}

#[test]
fn a_text_under_another_key_is_found_through_to_name() {
    let batch = labelstudio::read(&[fixture("labelstudio/other_key.json")], &LabelSet::builtin()).unwrap();
    assert_eq!(spans(&batch, 0), [("d1".to_string(), "“turn out”", "demand".to_string())]);
    assert_eq!(batch.warnings, ["other_key.json: 1 task (first on line 1) has no data.text; its text was taken from data.body."]);
    assert_eq!(batch.documents[0].title, "other_key task 1");
}

#[test]
fn the_json_min_export_is_read() {
    let batch = labelstudio::read(&[fixture("labelstudio/json_min.json")], &LabelSet::builtin()).unwrap();
    assert_eq!(spans(&batch, 0), [("s1".to_string(), "Ana", "Person".to_string()), ("s2".into(), "“no”", "quote".into())]);
}

#[test]
fn errors_name_the_file_the_line_in_the_json_and_the_field() {
    let text = "[\n  {\"data\": {\"text\": \"0123456789012345678901234567890123456789\"},\n   \"annotations\": [{\"result\": [\n     {\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\"]}},\n     {\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\"]}},\n     {\"id\": \"c\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"X\"]}},\n     {\"id\": \"d\", \"type\": \"labels\",\n      \"value\": {\"end\": 42,\n\n\n\n                \"start\": 41, \"labels\": [\"X\"]}}\n   ]}]}\n]\n";
    let err = read("tasks.json", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "tasks.json, line 12, field [0].annotations[0].result[3].value.start: 41 is past the end of the text (40 characters)"
    );
    let cases = [
        (
            r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": "/p[1]", "end": 1, "labels": ["X"]}}]}]}]"#,
            "[0].annotations[0].result[0].value.start",
            "HyperText",
        ),
        (
            r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 1, "labels": []}}]}]}]"#,
            "[0].annotations[0].result[0].value.labels",
            "is empty",
        ),
        (
            r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"from_id": "a", "to_id": "b", "type": "relation"}]}]}]"#,
            "[0].annotations[0].result[0].from_id",
            "“a” is not the id of a labelled region",
        ),
        (
            r#"[{"data": {"text": "ababa"}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 2, "text": "ba", "labels": ["X"]}}]}]}]"#,
            "[0].annotations[0].result[0].value.text",
            "occurs more than once",
        ),
        (r#"[{"data": {"n": 3}}]"#, "[0].data", "holds no text"),
        (r#"[{"data": "abc"}]"#, "[0].data", "must be an object"),
        (
            r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"id": "a", "value": {}}]}]}]"#,
            "[0].annotations[0].result[0].type",
            "missing",
        ),
    ];
    for (text, field, problem) in cases {
        let err = read("tasks.json", text).unwrap_err();
        assert_eq!((err.line, err.field.as_deref()), (Some(1), Some(field)), "{err}");
        assert!(err.problem.contains(problem), "{err}");
    }
    assert_eq!(read("tasks.json", "[]").unwrap_err().to_string(), "tasks.json, line 1: the file holds no tasks");
    assert!(read("tasks.json", "[\n{\"data\": }\n]").unwrap_err().to_string().starts_with("tasks.json, line 2: not valid JSON"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// What Label Studio carries survives write → read: text, title, span pieces with ids and
    /// labels, attributes and note (on a span's first piece), origin and confidence, and
    /// relations by kind and ends.
    #[test]
    fn write_then_read_keeps_what_label_studio_carries(case in arb_case()) {
        let written = labelstudio::write(&refs(&case.articles), &case.labels);
        let file = InputFile::new("tasks.json", output(&written, "labelstudio/tasks.json").text.clone());
        let batch = labelstudio::read(&[file], &LabelSet::builtin()).unwrap();
        prop_assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
        prop_assert_eq!(batch.documents.len(), case.articles.len());
        for (a, d) in case.articles.iter().zip(&batch.documents) {
            prop_assert_eq!(a.text.as_str(), d.text.as_str());
            prop_assert_eq!(&a.title, &d.title);
            prop_assert_eq!(piece_keys(a, &case.labels), doc_keys(d, &batch.labels));
            for s in a.spans.iter() {
                let got = d.spans.iter().find(|t| t.id == s.id).unwrap();
                prop_assert_eq!((got.start, got.end), s.pieces()[0]);
                prop_assert_eq!(&got.attributes, &s.attributes);
                let expected = match &s.origin {
                    Origin::Manual => Origin::Manual,
                    Origin::Suggested(p) => Origin::Suggested(p.as_ref().map(|p| Provenance { confidence: p.confidence, reason: "Label Studio prediction".into() })),
                };
                prop_assert_eq!(&got.origin, &expected);
            }
            let ends = |r: &newsmark_core::Relation| (r.kind.to_string(), r.from.clone(), r.to.clone());
            prop_assert_eq!(a.relations.iter().map(ends).collect::<Vec<_>>(), d.relations.iter().map(ends).collect::<Vec<_>>());
            prop_assert!(d.relations.iter().all(|r| r.event.is_none()));
        }
    }
}
