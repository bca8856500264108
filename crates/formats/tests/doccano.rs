//! doccano JSONL: fixtures in doccano's documented shapes read and written back identically,
//! exact UTF-16 conversion, precise errors, and write → read keeping what the format carries.

#[path = "fixtures/support.rs"]
mod support;

use newsmark_core::{Article, ArticleId, ArticleText, Attributes, Label, LabelSet, Origin, Span, SpanId};
use newsmark_formats::{doccano, InputFile};
use proptest::prelude::*;
use support::*;

fn read(name: &str, text: &str) -> Result<newsmark_formats::ImportBatch, newsmark_formats::FormatError> {
    doccano::read(&[InputFile::new(name, text)], &LabelSet::builtin())
}

fn reexport(file: &InputFile) -> serde_json::Value {
    let batch = doccano::read(std::slice::from_ref(file), &LabelSet::builtin()).unwrap();
    let articles = articles(&batch);
    let out = doccano::write(&refs(&articles), &batch.labels);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].name, "doccano/newsmark.jsonl");
    json(&out[0].text)
}

#[test]
fn label_shape_fixture_is_read_in_code_points_and_written_back_identically() {
    let file = fixture("doccano/label.jsonl");
    let batch = doccano::read(std::slice::from_ref(&file), &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents.len(), 2);
    let rally = &batch.documents[1];
    assert_eq!(rally.title, "Rally");
    assert!(rally.text.as_str().contains("rally.\r\nThe"), "CRLF is kept");
    // UTF-16 55–67 and 82–100 lie after an emoji (two units, one code point) and a family emoji
    // (eight units, five code points).
    let spans: Vec<_> = rally.spans.iter().map(|s| (rally.text.slice(s.start, s.end), batch.labels.name(s.label))).collect();
    assert_eq!(
        spans,
        [
            ("“We won’t back down,”", "quote".to_string()),
            ("Ana Gómez", "PER".into()),
            ("The ministry", "ORG".into()),
            ("turnout was 40,000", "claim".into())
        ]
    );
    assert_eq!(rally.spans[0].label, Label::Quote);
    assert_eq!(json(&file.text), reexport(&file));
}

#[test]
fn entities_shape_fixture_keeps_ids_and_relations_and_is_written_back_identically() {
    let file = fixture("doccano/entities.jsonl");
    let batch = doccano::read(std::slice::from_ref(&file), &LabelSet::builtin()).unwrap();
    let doc = &batch.documents[0];
    let demand = doc.spans.iter().find(|s| s.id.as_str() == "s1662").unwrap();
    assert_eq!(doc.text.slice(demand.start, demand.end), "“act now”");
    assert_eq!(demand.label, Label::Demand);
    let r = &doc.relations[0];
    assert_eq!((r.id.as_str(), &*r.kind, r.from.as_str(), r.to.as_str()), ("r273", "actor", "s1662", "s1661"));
    assert!(batch.documents[1].spans.is_empty());
    assert_eq!(json(&file.text), reexport(&file));
}

#[test]
fn doccano_export_gets_titles_from_the_file_and_a_warning_for_fields_left_out() {
    let batch = doccano::read(&[fixture("doccano/export.jsonl")], &LabelSet::builtin()).unwrap();
    let titles: Vec<_> = batch.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["export line 1", "export line 3"]);
    assert_eq!(batch.documents[0].spans[0].label, Label::Opinion);
    let second = &batch.documents[1];
    let left = &second.spans[2];
    assert_eq!(second.text.slice(left.start, left.end), "left");
    assert_eq!(batch.labels.name(left.label), "action");
    assert_eq!(batch.warnings.len(), 1, "{:?}", batch.warnings);
    assert!(batch.warnings[0].contains("“Comments”") && batch.warnings[0].contains("line 3"), "{}", batch.warnings[0]);
    assert_eq!(batch.new_labels(&LabelSet::builtin()).len(), 2, "PER and action are new");
}

#[test]
fn an_offset_between_the_halves_of_a_surrogate_pair_is_an_error() {
    let line = r#"{"text": "a😀b", "label": [[0, 2, "X"]]}"#;
    let err = read("d.jsonl", &format!("{{\"text\": \"ok\"}}\n{line}\n")).unwrap_err();
    assert_eq!(err.line, Some(2));
    assert_eq!(err.field.as_deref(), Some("label[0][1]"));
    assert!(err.problem.contains("between the two UTF-16 code units of “😀”"), "{err}");
    // Counted in UTF-16, the emoji ends at 3.
    let ok = read("d.jsonl", r#"{"text": "a😀b", "label": [[1, 3, "X"]]}"#).unwrap();
    assert_eq!((ok.documents[0].spans[0].start, ok.documents[0].spans[0].end), (1, 2));
}

#[test]
fn errors_name_the_file_line_and_field() {
    let cases = [
        (r#"{"text": "abc", "label": [[0, 4, "X"]]}"#, 1, Some("label[0][1]"), "4 is past the end of the text (3 UTF-16 code units)"),
        (r#"{"text": "abc", "label": ["positive"]}"#, 1, Some("label[0]"), "text classification"),
        (r#"{"text": "abc", "label": [[2, 1, "X"]]}"#, 1, Some("label[0][1]"), "1 is before the start, 2"),
        (r#"{"text": "abc", "label": [[0, 1, " "]]}"#, 1, Some("label[0][2]"), "is empty"),
        (r#"{"label": []}"#, 1, Some("text"), "missing"),
        (r#"{"text": 5}"#, 1, Some("text"), "must be a string, not 5"),
        (
            r#"{"text": "abc", "entities": [{"id": 1, "label": "X", "start_offset": 0, "end_offset": 1}], "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "r"}]}"#,
            1,
            Some("relations[0].to_id"),
            "9 is not the id of an entity on this line",
        ),
        (
            r#"{"text": "abc", "entities": [{"id": 1, "label": "X", "start_offset": 0, "end_offset": 1}, {"id": 1, "label": "X", "start_offset": 1, "end_offset": 2}]}"#,
            1,
            Some("entities[1].id"),
            "also the id of entities[0]",
        ),
        (
            r#"{"text": "abc", "entities": [{"id": 1, "label": "X", "start_offset": -1, "end_offset": 1}]}"#,
            1,
            Some("entities[0].start_offset"),
            "whole number",
        ),
    ];
    for (line, n, field, problem) in cases {
        let err = read("news.jsonl", &format!("{line}\n")).unwrap_err();
        assert_eq!((err.file.as_str(), err.line, err.field.as_deref()), ("news.jsonl", Some(n), field), "{err}");
        assert!(err.problem.contains(problem), "{err}");
    }
    let err = read("news.jsonl", "{\"text\": \"a\"}\n\n{\"text\": \"b\",}\n").unwrap_err();
    assert_eq!(err.line, Some(3));
    assert!(err.to_string().starts_with("news.jsonl, line 3: not valid JSON"), "{err}");
}

#[test]
fn a_json_array_of_lines_is_read_too() {
    let batch = read("d.json", "[\n  {\"text\": \"ab\", \"label\": [[0, 1, \"X\"]]},\n  {\"text\": \"cd\", \"label\": [[0, 9, \"X\"]]}\n]")
        .unwrap_err();
    assert_eq!((batch.line, batch.field.as_deref()), (Some(3), Some("[1].label[0][1]")));
}

#[test]
fn discontinuous_spans_are_written_as_one_entity_per_fragment() {
    let text = std::rc::Rc::new(ArticleText::new("one two three"));
    let span = Span {
        id: SpanId::new("s4"),
        label: Label::Quote,
        start: 0,
        end: 13,
        attributes: Attributes::default(),
        origin: Origin::Manual,
        fragments: Some(vec![(0, 3), (8, 13)].into()),
    };
    let article = Article::with_spans(ArticleId::new("a1"), "t".into(), text, vec![span]);
    let out = doccano::write(&[&article], &LabelSet::builtin());
    assert_eq!(out[0].text, "{\"text\":\"one two three\",\"title\":\"t\",\"label\":[[0,3,\"quote\"],[8,13,\"quote\"]]}\n");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// What doccano carries survives write → read: text, title, each span's pieces and label, and
    /// relations between them; span and relation ids too when relations make it write `entities`.
    #[test]
    fn write_then_read_keeps_text_spans_labels_and_relations(case in arb_case()) {
        let written = doccano::write(&refs(&case.articles), &case.labels);
        let batch = doccano::read(&[InputFile::new("newsmark.jsonl", written[0].text.clone())], &LabelSet::builtin()).unwrap();
        prop_assert_eq!(batch.documents.len(), case.articles.len());
        let linked = case.articles.iter().any(|a| !a.relations.is_empty());
        for (a, d) in case.articles.iter().zip(&batch.documents) {
            prop_assert_eq!(a.text.as_str(), d.text.as_str());
            prop_assert_eq!(&a.title, &d.title);
            prop_assert_eq!(piece_keys(a, &case.labels), doc_keys(d, &batch.labels));
            prop_assert!(d.spans.iter().all(|s| s.origin == Origin::Manual && s.attributes == Attributes::default()));
            // A discontinuous span's relations attach to its first fragment.
            let first = |id: &SpanId| {
                let s = a.spans.get(id).unwrap();
                let (x, y) = s.pieces()[0];
                (x, y, case.labels.name(s.label))
            };
            let theirs = |id: &SpanId| key(d.spans.iter().find(|s| &s.id == id).unwrap(), &batch.labels);
            let expected: Vec<_> = a.relations.iter().map(|r| (r.kind.to_string(), first(&r.from), first(&r.to))).collect();
            let got: Vec<_> = d.relations.iter().map(|r| (r.kind.to_string(), theirs(&r.from), theirs(&r.to))).collect();
            prop_assert_eq!(expected, got);
            if linked {
                for s in a.spans.iter() {
                    prop_assert_eq!(Some(first(&s.id)), d.spans.iter().find(|t| t.id == s.id).map(|t| key(t, &batch.labels)));
                }
                let ids: Vec<_> = a.relations.iter().map(|r| r.id.clone()).collect();
                prop_assert_eq!(ids, d.relations.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
            }
        }
    }
}
