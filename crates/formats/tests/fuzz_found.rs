//! What the coverage-guided fuzzer (fuzz/, `scripts/test fuzz`) found, each kept as the smallest
//! input that showed it: every writer's file, read back and written again, is the same file, and
//! what an import reads can be exported and read back. (A label name that could not be read
//! back is in newsmark-core's `label::set` tests; brat's file names in `brat::emit`'s.)

use std::rc::Rc;

use newsmark_core::format::ImportBatch;
use newsmark_core::{Article, ArticleId, ArticleText, Attributes, Label, LabelSet, Origin, Span, SpanId};
use newsmark_formats::{read, write, Format, InputFile, OutputFile};

fn span(id: &str, label: Label, pieces: &[(usize, usize)], attributes: Attributes) -> Span {
    let fragments = (pieces.len() > 1).then(|| Rc::from(pieces.to_vec()));
    let (start, end) = (pieces[0].0, pieces[pieces.len() - 1].1);
    Span { id: SpanId::new(id), label, start, end, attributes, origin: Origin::Manual, fragments }
}

fn article(text: &str, spans: Vec<Span>) -> Article {
    Article::with_spans(ArticleId::new("a1"), "Found".into(), Rc::new(ArticleText::new(text)), spans)
}

fn read_back(format: Format, files: &[OutputFile]) -> (Vec<OutputFile>, ImportBatch) {
    let inputs: Vec<InputFile> = files
        .iter()
        .filter(|f| !f.name.ends_with(".conf") && !f.name.ends_with(".xml"))
        .map(|f| InputFile::new(f.name.clone(), f.text.clone()))
        .collect();
    let batch = read(format, &inputs, &LabelSet::builtin()).unwrap_or_else(|e| panic!("{}: {e}", format.name()));
    let articles: Vec<Article> = batch
        .documents
        .iter()
        .map(|d| Article::with_spans(ArticleId::new("a1"), d.title.clone(), d.text.clone(), d.spans.clone()))
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    (write(format, &refs, &batch.labels, "t"), batch)
}

/// Writes `a`, reads it back and writes again: the same files.
fn assert_fixed_point(format: Format, a: &Article, labels: &LabelSet) {
    let first = write(format, &[a], labels, "t");
    let (second, _) = read_back(format, &first);
    let kept = |files: &[OutputFile]| files.iter().filter(|f| !f.name.ends_with(".conf")).cloned().collect::<Vec<_>>();
    assert_eq!(kept(&first), kept(&second), "{}", format.name());
}

#[test]
fn later_fragments_and_spans_over_the_same_text_are_written_in_the_order_they_read_back() {
    // A discontinuous span whose second fragment comes after other spans, and more than nine
    // spans over one range (ids s10 and s9 sort the other way round once read back).
    let text = "one two three four";
    let mut spans = vec![
        span("s1", Label::Claim, &[(0, 3), (8, 13)], Attributes::default()),
        span("s2", Label::Quote, &[(4, 7)], Attributes::default()),
    ];
    for i in 3..=12 {
        let label = if i % 2 == 0 { Label::Demand } else { Label::Opinion };
        spans.push(span(&format!("s{i}"), label, &[(14, 18)], Attributes::default()));
    }
    let a = article(text, spans);
    for format in [Format::Doccano, Format::LabelStudio, Format::Spacy] {
        assert_fixed_point(format, &a, &LabelSet::builtin());
    }
}

#[test]
fn a_brat_note_that_starts_with_line_breaks_is_written_as_it_reads_back() {
    let mut starts = Attributes::default();
    starts.set(newsmark_core::AttributeKey::Speaker, "\r\r4\r\rw");
    let mut only = Attributes::default();
    only.set(newsmark_core::AttributeKey::Note, "\r\n");
    let a = article("one two", vec![span("s1", Label::Quote, &[(0, 3)], starts), span("s2", Label::Claim, &[(4, 7)], only)]);
    assert_fixed_point(Format::Brat, &a, &LabelSet::builtin());
    let ann = &write(Format::Brat, &[&a], &LabelSet::builtin(), "t")[1].text;
    assert!(ann.contains("#1\tspeaker T1\t4\n#2\tspeaker T1\t\n#3\tspeaker T1\tw\n") && !ann.contains("T2\t\n"), "{ann}");
}

#[test]
fn a_brat_comment_of_another_type_over_several_lines_reads_back_as_one_value() {
    let mut attributes = Attributes::default();
    attributes.other.push(("note: STATUS".into(), "checked\r\rtwice".into()));
    let a = article("one two", vec![span("s1", Label::Claim, &[(0, 3)], attributes)]);
    assert_fixed_point(Format::Brat, &a, &LabelSet::builtin());
    let (_, batch) = read_back(Format::Brat, &write(Format::Brat, &[&a], &LabelSet::builtin(), "t"));
    assert_eq!(batch.documents[0].spans[0].attributes.other, [("note: STATUS".to_string(), "checked\n\ntwice".to_string())]);
}

#[test]
fn a_brat_attribute_value_with_a_line_break_is_one_line_in_annotation_conf_too() {
    let mut attributes = Attributes::default();
    attributes.other.push(("certainty".into(), "very\r\rhigh".into()));
    let a = article("one two", vec![span("s1", Label::Claim, &[(0, 3)], attributes)]);
    let files = write(Format::Brat, &[&a], &LabelSet::builtin(), "t");
    let conf = files.iter().find(|f| f.name.ends_with("annotation.conf")).unwrap();
    assert!(conf.text.contains("certainty\tArg:<ANY>, Value:very  high\n") && !conf.text.contains('\r'), "{}", conf.text);
    assert_fixed_point(Format::Brat, &a, &LabelSet::builtin());
}

#[test]
fn a_label_cut_to_its_longest_name_reads_back() {
    // The doccano record the fuzzer found, shortened: a label of 60 characters whose 40th is a
    // space. Imported, exported as labelled JSON and read again.
    let long = format!("OR{} rejects the call to boycott B{}", "`".repeat(9), "`".repeat(20));
    let line = format!("{{\"text\": \"EU rejects it.\", \"label\": [[0, 2, \"{long}\"]]}}\n");
    let batch = read(Format::Doccano, &[InputFile::new("d.jsonl", line)], &LabelSet::builtin()).unwrap();
    let name = batch.labels.name(batch.documents[0].spans[0].label);
    assert_eq!(name, format!("OR{} rejects the call to boycott", "`".repeat(9)));
    let d = &batch.documents[0];
    let a = Article::with_spans(ArticleId::new("a1"), d.title.clone(), d.text.clone(), d.spans.clone());
    let json = write(Format::Newsmark, &[&a], &batch.labels, "t");
    let again = read(Format::Newsmark, &[InputFile::new("n.json", json[0].text.clone())], &LabelSet::builtin()).unwrap();
    assert_eq!(again.labels.name(again.documents[0].spans[0].label), name);
}

#[test]
fn a_label_of_control_characters_alone_is_no_label() {
    let e = read(
        Format::Doccano,
        &[InputFile::new("d.jsonl", "{\"text\": \"EU said.\", \"label\": [[0, 2, \"\\u0001\"]]}\n")],
        &LabelSet::builtin(),
    )
    .unwrap_err();
    assert_eq!((e.line, e.field.as_deref()), (Some(1), Some("label[0][2]")), "{e}");
    assert!(e.problem.contains("a span needs a label"), "{e}");
}
