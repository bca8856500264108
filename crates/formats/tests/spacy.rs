//! spaCy-style JSONL: fixtures in spaCy's and Prodigy's documented shapes, code-point offsets,
//! re-anchoring by a span's text, precise errors, and write → read keeping spans and labels.

#[path = "fixtures/support.rs"]
mod support;

use newsmark_core::{Label, LabelSet};
use newsmark_formats::{spacy, InputFile};
use proptest::prelude::*;
use support::*;

fn read(name: &str, text: &str) -> Result<newsmark_formats::ImportBatch, newsmark_formats::FormatError> {
    spacy::read(&[InputFile::new(name, text)], &LabelSet::builtin())
}

fn spans(batch: &newsmark_formats::ImportBatch, doc: usize) -> Vec<(&str, String)> {
    let d = &batch.documents[doc];
    d.spans.iter().map(|s| (d.text.slice(s.start, s.end), batch.labels.name(s.label))).collect()
}

#[test]
fn spans_fixture_is_read_in_code_points_and_written_back_identically() {
    let file = fixture("spacy/spans.jsonl");
    let batch = spacy::read(std::slice::from_ref(&file), &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents[0].title, "Rally");
    assert_eq!(
        spans(&batch, 0),
        [
            ("“We won’t back down,”", "quote".to_string()),
            ("said Ana Gómez", "Attribution".into()),
            ("Ana Gómez", "PERSON".into()),
            ("The ministry", "ORG".into()),
            ("turnout was 40,000", "claim".into()),
        ]
    );
    assert_eq!(spans(&batch, 1), [("שלום עולם", "quote".to_string())]);
    let articles = articles(&batch);
    let out = spacy::write(&refs(&articles), &batch.labels);
    assert_eq!(out[0].name, "spacy/spans.jsonl");
    assert_eq!(json(&file.text), json(&out[0].text));
}

#[test]
fn doc_to_json_shape_merges_ents_and_span_groups() {
    let batch = spacy::read(&[fixture("spacy/doc_json.jsonl")], &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents[0].title, "doc_json line 1");
    let mut got = spans(&batch, 0);
    got.sort();
    // "Uber" as ORG is in both `ents` and `spans.sc`: one span.
    assert_eq!(got, [("$1 million", "MONEY".to_string()), ("Uber", "ORG".into()), ("Uber blew", "EVENT".into())]);
}

#[test]
fn spacy2_training_pairs_are_read() {
    let batch = spacy::read(&[fixture("spacy/train.jsonl")], &LabelSet::builtin()).unwrap();
    assert_eq!(spans(&batch, 1), [("Android Pay", "PRODUCT".to_string()), ("Canada", "GPE".into())]);
    assert_eq!(batch.documents[1].title, "train line 2");
}

#[test]
fn prodigy_spans_are_placed_by_their_text_when_the_offsets_disagree() {
    let batch = spacy::read(&[fixture("spacy/prodigy.jsonl")], &LabelSet::builtin()).unwrap();
    assert_eq!(spans(&batch, 0), [("Ana", "PERSON".to_string()), ("“no”", "quote".into())]);
    assert_eq!(batch.documents[0].spans[1].label, Label::Quote);
    assert_eq!(batch.warnings.len(), 2, "{:?}", batch.warnings);
    assert!(
        batch.warnings[0]
            .starts_with("prodigy.jsonl, line 1, span spans[1]: its offsets 12–16 hold its text ““no”” when counted in UTF-16"),
        "{}",
        batch.warnings[0]
    );
    assert!(batch.warnings[1].contains("relations"), "{}", batch.warnings[1]);
}

#[test]
fn a_file_of_shifted_spans_tells_the_first_few_and_counts_the_rest() {
    // Offsets counted in UTF-16 after an emoji: each is one too far, each text occurs once.
    let spans: Vec<String> =
        (0..8).map(|i| format!("{{\"start\": {}, \"end\": {}, \"text\": \"w{i}\", \"label\": \"X\"}}", 3 + 3 * i, 5 + 3 * i)).collect();
    let line = format!("{{\"text\": \"😀 w0 w1 w2 w3 w4 w5 w6 w7\", \"spans\": [{}]}}", spans.join(", "));
    let batch = read("shifted.jsonl", &line).unwrap();
    let texts: Vec<_> = batch.documents[0].spans.iter().map(|s| batch.documents[0].text.slice(s.start, s.end)).collect();
    assert_eq!(texts, ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"]);
    assert_eq!(batch.warnings.len(), 6, "{:#?}", batch.warnings);
    assert_eq!(batch.warnings[5], "shifted.jsonl: 3 more spans were moved to where their text is, as above.");
}

#[test]
fn errors_name_the_file_line_and_field() {
    let cases = [
        (
            r#"{"text": "abc", "spans": [{"start": 0, "end": 4, "label": "X"}]}"#,
            Some("spans[0].end"),
            "4 is past the end of the text (3 characters)",
        ),
        (
            r#"{"text": "abcbc", "spans": [{"start": 0, "end": 2, "text": "bc", "label": "X"}]}"#,
            Some("spans[0].text"),
            "“bc” is not the text at 0–2, which is “ab”, and it occurs more than once",
        ),
        (
            r#"{"text": "abab", "spans": [{"start": 0, "end": 1, "text": "z", "label": "X"}]}"#,
            Some("spans[0].text"),
            "does not occur in the document",
        ),
        (r#"{"text": "abc", "spans": {"sc": [{"start": 0, "end": 1}]}}"#, Some("spans.sc[0].label"), "missing"),
        (r#"{"text": "abc", "ents": [{"start": 1, "end": 1, "label": "X"}]}"#, Some("ents[0].end"), "the span is empty"),
        (r#"{"text": "abc", "ents": 3}"#, Some("ents"), "must be an array of spans, not 3"),
        (r#"["abc", {"entities": [[0, 1]]}]"#, Some("[1].entities[0]"), "must be a span"),
    ];
    for (line, field, problem) in cases {
        let err = read("train.jsonl", &format!("{{\"text\": \"fine\"}}\n{line}\n")).unwrap_err();
        assert_eq!((err.file.as_str(), err.line, err.field.as_deref()), ("train.jsonl", Some(2), field), "{err}");
        assert!(err.problem.contains(problem), "{err}");
    }
    let err = read("train.jsonl", "").unwrap_err();
    assert_eq!(err.to_string(), "train.jsonl: the file is empty");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// What the format carries survives write → read: text, title, and each span piece's
    /// offsets and label.
    #[test]
    fn write_then_read_keeps_text_and_spans(case in arb_case()) {
        let written = spacy::write(&refs(&case.articles), &case.labels);
        let batch = spacy::read(&[InputFile::new("spans.jsonl", written[0].text.clone())], &LabelSet::builtin()).unwrap();
        prop_assert_eq!(batch.documents.len(), case.articles.len());
        prop_assert!(batch.warnings.is_empty());
        for (a, d) in case.articles.iter().zip(&batch.documents) {
            prop_assert_eq!(a.text.as_str(), d.text.as_str());
            prop_assert_eq!(&a.title, &d.title);
            prop_assert_eq!(piece_keys(a, &case.labels), doc_keys(d, &batch.labels));
        }
    }
}
