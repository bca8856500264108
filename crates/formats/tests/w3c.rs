//! W3C Web Annotation: the export read back is exactly what was written (spans, fragments,
//! attributes, provenance, relations, texts, titles, ids); annotations from other tools (an
//! array, a page, embedded or separate texts) are read; precise errors.

#[path = "fixtures/support.rs"]
mod support;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{Article, Label, LabelSet};
use newsmark_formats::{w3c, ImportBatch, InputFile};
use proptest::prelude::*;
use support::*;

fn read(name: &str, text: &str) -> Result<ImportBatch, newsmark_formats::FormatError> {
    w3c::read(&[InputFile::new(name, text)], &LabelSet::builtin())
}

fn spans(batch: &ImportBatch, doc: usize) -> Vec<(String, &str, String)> {
    let d = &batch.documents[doc];
    d.spans.iter().map(|s| (s.id.as_str().to_string(), d.text.slice(s.start, s.end), batch.labels.name(s.label))).collect()
}

/// An imported document equals the article it was written from, labels compared by name.
fn same(article: &Article, labels: &LabelSet, doc: &ImportedDocument, read_labels: &LabelSet) -> Result<(), String> {
    let check = |what: &str, ok: bool| if ok { Ok(()) } else { Err(format!("{what} differs:\n{article:#?}\n{doc:#?}")) };
    check("id", doc.id.as_deref() == Some(article.id.as_str()))?;
    check("title", doc.title == article.title)?;
    check("text", doc.text.as_str() == article.text.as_str())?;
    check("span count", doc.spans.len() == article.spans.len())?;
    for (a, b) in article.spans.iter().zip(&doc.spans) {
        let relabelled = newsmark_core::Span { label: b.label, ..a.clone() };
        check("span", relabelled == *b && labels.name(a.label) == read_labels.name(b.label))?;
    }
    check("relations", doc.relations == article.relations.as_slice())
}

#[test]
fn the_export_fixture_is_read_exactly_and_written_back_identically() {
    let file = fixture("w3c/annotations.jsonld");
    let batch = w3c::read(std::slice::from_ref(&file), &LabelSet::builtin()).unwrap();
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    assert_eq!(batch.documents.len(), 2);
    let doc = &batch.documents[0];
    assert_eq!((doc.id.as_deref(), doc.title.as_str()), (Some("a1"), "Rally"));
    assert_eq!(doc.spans[0].attributes.speaker.as_deref(), Some("Ana Gómez"));
    assert_eq!(doc.spans[0].attributes.note.as_deref(), Some("check against the tape"));
    let claim = &doc.spans[2];
    assert_eq!(claim.fragments.as_deref(), Some(&[(54, 66), (72, 90)][..]));
    assert_eq!(
        claim.origin.provenance().map(|p| (p.confidence.permille(), &*p.reason)),
        Some((820, "reported speech with a named source"))
    );
    assert_eq!(doc.relations[0].id.as_str(), "r1");
    assert_eq!((batch.documents[1].title.as_str(), batch.documents[1].spans.len()), ("Empty", 0));

    let articles = articles(&batch);
    let out = w3c::write(&refs(&articles), &batch.labels);
    assert_eq!(out[0].name, "w3c/annotations.jsonld");
    assert_eq!(json(&file.text), json(&out[0].text));
}

#[test]
fn recogito_style_annotations_with_an_embedded_text() {
    let batch = w3c::read(&[fixture("w3c/recogito.jsonld")], &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents.len(), 1);
    let doc = &batch.documents[0];
    assert_eq!((doc.id.as_deref(), doc.title.as_str()), (None, "Lee's plan"));
    assert_eq!(
        spans(&batch, 0),
        [
            ("s1".to_string(), "Mayor Lee", "Person".to_string()),
            ("s2".into(), "“is dead”", "quote".into()),
            ("s3".into(), "Critics", "highlighting".into())
        ]
    );
    assert_eq!(doc.spans[0].attributes.note.as_deref(), Some("Is this the mayor?"));
    assert_eq!(doc.spans[1].label, Label::Quote);
    let r = &doc.relations[0];
    assert_eq!((r.id.as_str(), &*r.kind, r.from.as_str(), r.to.as_str()), ("r1", "speaker", "s2", "s1"));
    let w = &batch.warnings;
    assert_eq!(w.len(), 3, "{w:#?}");
    assert!(
        w[0].starts_with(
            "recogito.jsonld, line 32: the annotation's position 37–46 holds its quote ““is dead”” when counted in UTF-16 code units"
        ),
        "{}",
        w[0]
    );
    assert!(w[1].contains("1 annotation (first on line 44) targets a whole resource"), "{}", w[1]);
    assert!(w[2].contains("1 annotation (first on line 52) had no tag, so it is labelled by its motivation"), "{}", w[2]);
}

#[test]
fn a_hypothesis_page_takes_its_text_from_a_text_file_chosen_with_it() {
    let files = [fixture("w3c/hypothesis.json"), fixture("w3c/story.txt")];
    let batch = w3c::read(&files, &LabelSet::builtin()).unwrap();
    assert_eq!(batch.source, "2 files");
    let doc = &batch.documents[0];
    assert_eq!(doc.title, "story");
    assert!(doc.text.as_str().starts_with("The ministry said\r\n"), "the byte order mark goes, CRLF stays");
    assert_eq!(spans(&batch, 0), [("s1".to_string(), "turnout was 27,000 👩‍👩‍👧", "claim".to_string())]);
    assert_eq!(doc.spans[0].attributes.note.as_deref(), Some("Source for the figure?"));

    let err = w3c::read(&files[..1], &LabelSet::builtin()).unwrap_err();
    assert_eq!((err.line, err.field.as_deref()), (Some(16), Some("items[0].target[0].source")));
    assert!(err.problem.contains("names the text “https://example.com/news/story.txt”, which is not in the file"), "{err}");
}

#[test]
fn errors_name_the_file_the_line_and_the_field() {
    let ann = |target: &str| {
        format!(
            "[{{\"id\": \"x\", \"type\": \"Annotation\", \"body\": {{\"purpose\": \"tagging\", \"value\": \"X\"}}, \"target\": {target}}}]"
        )
    };
    let src = r#"{"id": "t", "value": "abcabc"}"#;
    let cases = [
        (
            ann(&format!(r#"{{"source": {src}, "selector": {{"type": "TextPositionSelector", "start": 2, "end": 9}}}}"#)),
            "[0].target.selector.end",
            "9 is past the end of the text (6 characters)",
        ),
        (
            ann(&format!(r#"{{"source": {src}, "selector": {{"type": "TextQuoteSelector", "exact": "abc"}}}}"#)),
            "[0].target.selector.exact",
            "occurs more than once",
        ),
        (
            ann(&format!(
                r#"{{"source": {src}, "selector": [{{"type": "TextQuoteSelector", "exact": "zz"}}, {{"type": "TextPositionSelector", "start": 0, "end": 2}}]}}"#
            )),
            "[0].target.selector[0].exact",
            "the position 0–2 holds “ab”, not the quote, and “zz” does not occur in the text",
        ),
        (
            ann(&format!(r#"{{"source": {src}, "selector": {{"type": "XPathSelector", "value": "/p"}}}}"#)),
            "[0].target.selector",
            "has no TextPositionSelector or TextQuoteSelector (only XPathSelector)",
        ),
        (ann(r#"{"selector": {"type": "TextQuoteSelector", "exact": "a"}}"#), "[0].target.source", "missing"),
        (ann(r#"[]"#), "[0].target", "is empty"),
        ("[{\"type\": \"AnnotationPage\"}]".to_string(), "[0].type", "the items here must be annotations"),
        ("{\"type\": \"AnnotationCollection\", \"first\": \"http://example.org/page1\"}".to_string(), "first", "names a page by its IRI"),
    ];
    for (text, field, problem) in cases {
        let err = read("notes.jsonld", &text).unwrap_err();
        assert_eq!((err.file.as_str(), err.line, err.field.as_deref()), ("notes.jsonld", Some(1), Some(field)), "{err}");
        assert!(err.problem.contains(problem), "{err}");
    }
    let link = r#"[{"id": "a", "target": {"source": {"id": "t", "value": "ab"}, "selector": {"type": "TextQuoteSelector", "exact": "a"}}},
                   {"id": "l", "motivation": "linking", "target": ["a", "a", "a"]}]"#;
    let err = read("notes.jsonld", link).unwrap_err();
    assert_eq!((err.line, err.field.as_deref()), (Some(2), Some("[1].target")));
    assert!(err.problem.contains("links 3 annotations"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// read(write(x)) is x: texts, titles, ids, spans with fragments, attributes and provenance,
    /// and relations with their ids, kinds and events.
    #[test]
    fn write_then_read_gives_back_the_articles(case in arb_case()) {
        let written = w3c::write(&refs(&case.articles), &case.labels);
        let batch = w3c::read(&[InputFile::new("annotations.jsonld", written[0].text.clone())], &LabelSet::builtin()).unwrap();
        prop_assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
        prop_assert_eq!(batch.documents.len(), case.articles.len());
        for (a, d) in case.articles.iter().zip(&batch.documents) {
            if let Err(why) = same(a, &case.labels, d, &batch.labels) {
                return Err(TestCaseError::fail(why));
            }
        }
    }
}
