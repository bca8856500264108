//! brat standoff: reading (pairing, every line type, offsets, errors), writing and round trips.
//! The property tests that no input makes the reader panic are in `fuzz_brat.rs`.

#[path = "fixtures/brat_support.rs"]
mod brat_support;

use std::rc::Rc;

use brat_support::*;
use newsmark_core::format::{ImportBatch, ImportedDocument};
use newsmark_core::{Article, ArticleId, ArticleText, Attributes, Label, LabelSet, Origin, Relation, RelationId, Span, SpanId};
use newsmark_formats::{brat, FormatError, OutputFile};

fn read(files: &[(&str, &str)]) -> ImportBatch {
    brat::read(&input(files), &LabelSet::builtin()).unwrap_or_else(|e| panic!("read failed: {e}"))
}

fn read_err(files: &[(&str, &str)]) -> FormatError {
    brat::read(&input(files), &LabelSet::builtin()).expect_err("read should fail")
}

fn file<'a>(out: &'a [OutputFile], name: &str) -> &'a str {
    &out.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no {name} in {:?}", names(out))).text
}

fn names(out: &[OutputFile]) -> Vec<&str> {
    out.iter().map(|f| f.name.as_str()).collect()
}

// --- pairing ------------------------------------------------------------------------------------

#[test]
fn each_ann_is_a_document_paired_by_stem_or_annotator_prefix() {
    let batch = read(&[
        ("text/story.txt", "abc def"),
        ("anns/story_alice.ann", "T1\tQuote 0 3\tabc\n"),
        ("story_long.txt", "xyz"),
        ("story_long.ann", "T1\tQuote 0 3\txyz\n"),
        ("anns/story_long_bob.ann", "T1\tQuote 0 1\tx\n"),
        ("alone.txt", "nothing here"),
        ("annotation.conf", "[entities]\nQuote\n"),
    ]);
    let titles: Vec<&str> = batch.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, vec!["story_alice", "story_long", "story_long_bob", "alone"]);
    assert_eq!(batch.documents[0].text.as_str(), "abc def");
    // The longest stem wins: story_long_bob belongs to story_long.txt, not story.txt.
    assert_eq!(batch.documents[2].text.as_str(), "xyz");
    assert!(batch.documents[3].spans.is_empty());
    assert!(batch.documents.iter().all(|d| d.id.is_none()));
    assert!(batch.warnings.is_empty());
    assert_eq!(batch.source, "7 files");
    assert_eq!(batch.documents[0].spans[0].label, Label::Quote, "built-in names match in any case");
}

#[test]
fn an_ann_without_its_text_is_an_error_naming_it() {
    let e = read_err(&[("a.txt", "x"), ("b_c.ann", "T1\tQuote 0 1\tx\n")]);
    assert_eq!(e.file, "b_c.ann");
    assert!(e.problem.contains("b_c.txt"), "{e}");
    // A stem that merely starts like a text's does not pair: `ab` is not `a` plus `_…`.
    assert_eq!(read_err(&[("a.txt", "x"), ("ab.ann", "")]).file, "ab.ann");
}

#[test]
fn texts_of_one_stem_in_two_folders_pair_by_folder_or_fail() {
    let batch = read(&[("one/a.txt", "one"), ("two/a.txt", "two"), ("two/a.ann", "T1\tX 0 3\ttwo\n")]);
    assert_eq!(batch.documents.iter().find(|d| !d.spans.is_empty()).unwrap().text.as_str(), "two");
    let e = read_err(&[("one/a.txt", "one"), ("two/a.txt", "two"), ("a.ann", "")]);
    assert!(e.problem.contains("one/a.txt") && e.problem.contains("two/a.txt"), "{e}");
}

#[test]
fn other_files_are_skipped_with_a_warning_and_nothing_to_read_is_an_error() {
    let batch = read(&[("a.txt", "x"), ("README.md", "hello")]);
    assert_eq!(batch.documents.len(), 1);
    assert_eq!(batch.warnings.len(), 1);
    assert!(batch.warnings[0].contains("README.md"));
    assert!(brat::read(&[], &LabelSet::builtin()).is_err());
    assert_eq!(read_err(&[("notes.md", "x")]).file, "notes.md");
}

// --- text-bound annotations ---------------------------------------------------------------------

#[test]
fn spans_get_their_ids_labels_and_custom_types() {
    let batch = read(&[("d.txt", TEXT), ("d.ann", "T1\tSource 0 6\tMs Lee\nT2\tquote 13 27\t“We will win.”\n")]);
    let doc = &batch.documents[0];
    let source = span(doc, "T1");
    assert_eq!((source.start, source.end, source.fragments.is_none()), (0, 6, true));
    assert_eq!(batch.labels.name(source.label), "Source");
    assert!(source.label.is_custom());
    assert_eq!(span(doc, "T2").label, Label::Quote);
    assert_eq!(batch.new_labels(&LabelSet::builtin()), vec![source.label]);
}

#[test]
fn discontinuous_spans_keep_their_fragments_and_check_the_joined_text() {
    let ann = "T1\tQuote 13 21;26 27\t“We will ”\n";
    let doc = &read(&[("d.txt", TEXT), ("d.ann", ann)]).documents[0];
    let s = span(doc, "T1");
    assert_eq!((s.start, s.end), (13, 27));
    assert_eq!(s.pieces(), vec![(13, 21), (26, 27)]);
    let e = read_err(&[("d.txt", TEXT), ("d.ann", "T1\tQuote 13 21;26 27\t“We will”\n")]);
    assert_eq!((e.line, e.field.as_deref()), (Some(1), Some("text")));
}

#[test]
fn fragments_stay_as_written_unless_they_overlap() {
    // Out of text order and touching, as PolNeAR has them: kept exactly, so they write back.
    let ann = "T1\tQuote 22 27;13 16\twin.” “We\nT2\tCue 7 10;10 11\tsai d\n";
    let batch = read(&[("d.txt", TEXT), ("d.ann", ann)]);
    let doc = &batch.documents[0];
    assert_eq!(span(doc, "T1").pieces(), vec![(22, 27), (13, 16)]);
    assert_eq!((span(doc, "T1").start, span(doc, "T1").end), (13, 27));
    assert_eq!(span(doc, "T2").pieces(), vec![(7, 10), (10, 11)]);
    assert!(batch.warnings.is_empty());
    let out = write(&articles(&batch), &batch.labels);
    assert!(file(&out, "brat/d.ann").contains("T1\tquote 22 27;13 16\twin.” “We\nT2\tCue 7 10;10 11\tsai d\n"));

    // Overlapping fragments cannot both be in a span: merged, with a warning.
    let batch = read(&[("d.txt", TEXT), ("d.ann", "T1\tQuote 13 19;16 21;28 35\t“We wi  will Critics\n")]);
    assert_eq!(span(&batch.documents[0], "T1").pieces(), vec![(13, 21), (28, 35)]);
    assert_eq!(batch.warnings.len(), 1);
    assert!(batch.warnings[0].contains("d.ann, line 1") && batch.warnings[0].contains("T1"), "{:?}", batch.warnings);
}

#[test]
fn a_span_whose_offsets_miss_its_text_is_found_by_a_unique_text() {
    let batch = read(&[("d.txt", TEXT), ("d.ann", "T1\tSource 0 6\tMs Lee\nT7\tCritic 29 37\tCritics\n")]);
    assert_eq!((span(&batch.documents[0], "T7").start, span(&batch.documents[0], "T7").end), (28, 35));
    assert_eq!(batch.warnings.len(), 1);
    let w = &batch.warnings[0];
    assert!(w.contains("d.ann, line 2") && w.contains("T7") && w.contains("“Critics”"), "{w}");

    // Not unique, or absent: an error on the text field.
    let e = read_err(&[("d.txt", TEXT), ("d.ann", "T1\tCue 0 4\tsaid\n")]);
    assert_eq!((e.line, e.field.as_deref()), (Some(1), Some("text")));
    assert!(e.problem.contains("more than once"), "{e}");
    let e = read_err(&[("d.txt", TEXT), ("d.ann", "T1\tCue 0 4\tshouted\n")]);
    assert!(e.problem.contains("does not occur"), "{e}");
}

#[test]
fn a_line_without_a_text_column_is_trusted_within_the_text() {
    let doc = &read(&[("d.txt", TEXT), ("d.ann", "T1\tSource 0 6\n")]).documents[0];
    assert_eq!(span(doc, "T1").end, 6);
    let e = read_err(&[("d.txt", "short"), ("d.ann", "T1\tSource 0 6\n")]);
    assert_eq!((e.line, e.field.as_deref()), (Some(1), Some("offsets")));
    assert!(e.problem.contains("past the end of the text (5 characters)"), "{e}");
}

#[test]
fn code_points_not_utf16_units_count_emoji() {
    let text = "😀 Ann said “hi😀”.";
    let doc = &read(&[("d.txt", text), ("d.ann", "T1\tSource 2 5\tAnn\nT2\tQuote 11 16\t“hi😀”\n")]).documents[0];
    assert_eq!((span(doc, "T2").start, span(doc, "T2").end), (11, 16));
}

#[test]
fn crlf_texts_accept_brats_counting_and_newsmarks() {
    // brat reads text with universal newlines, so each CRLF counts as one character.
    let text = "Line one.\r\nShe said “yes”.\r\n\r\nEnd “yes”?";
    let brat_style = "T1\tQuote 19 24\t“yes”\nT2\tX 27 30\tEnd\n";
    let batch = read(&[("d.txt", text), ("d.ann", brat_style)]);
    let a = ArticleText::new(text);
    assert_eq!(a.slice(span(&batch.documents[0], "T1").start, span(&batch.documents[0], "T1").end), "“yes”");
    assert_eq!((span(&batch.documents[0], "T1").start, span(&batch.documents[0], "T2").start), (20, 30));
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    // Offsets that count CRLF as two (newsmark's own) work as well.
    let batch = read(&[("d.txt", text), ("d.ann", "T1\tQuote 20 25\t“yes”\nT2\tX 30 33\tEnd\n")]);
    assert_eq!(span(&batch.documents[0], "T2").start, 30);
    assert!(batch.warnings.is_empty());
    // No span ends between the CR and LF of a line break (only newsmark's counting can say so).
    let e = read_err(&[("d.txt", text), ("d.ann", "T2\tX 30 33\tEnd\nT1\tX 0 10\n")]);
    assert_eq!((e.line, e.field.as_deref()), (Some(2), Some("offsets")));
    assert!(e.problem.contains("between the CR and the LF"), "{e}");
    // The writer uses brat's counting, and the text stays byte for byte.
    let out = write(&articles(&batch), &batch.labels);
    assert_eq!(file(&out, "brat/d.txt"), text);
    assert!(file(&out, "brat/d.ann").starts_with("T1\tquote 19 24\t“yes”\nT2\tX 27 30\tEnd\n"));
}

#[test]
fn a_byte_order_mark_is_dropped_from_the_text_whichever_way_offsets_count_it() {
    let counted = read(&[("d.txt", "\u{feff}Ann said"), ("d.ann", "T1\tSource 1 4\tAnn\n")]);
    assert_eq!(counted.documents[0].text.as_str(), "Ann said");
    assert_eq!(span(&counted.documents[0], "T1").start, 0);
    let not = read(&[("d.txt", "\u{feff}Ann said"), ("d.ann", "\u{feff}T1\tSource 0 3\tAnn\r\n")]);
    assert_eq!(span(&not.documents[0], "T1").end, 3);
    assert!(counted.warnings.is_empty() && not.warnings.is_empty());
    // A text that itself starts with U+FEFF keeps it: the writer puts a BOM before it.
    let batch = read(&[("d.txt", "\u{feff}\u{feff}Ann"), ("d.ann", "T1\tSource 2 5\tAnn\n")]);
    assert_eq!(batch.documents[0].text.as_str(), "\u{feff}Ann");
    let out = write(&articles(&batch), &batch.labels);
    assert_eq!(file(&out, "brat/d.txt"), "\u{feff}\u{feff}Ann");
    assert!(file(&out, "brat/d.ann").starts_with("T1\tSource 2 5\tAnn\n"));
    let again = brat::read(&as_input(&out), &LabelSet::builtin()).expect("reads back");
    assert_eq!(again.documents[0].spans, batch.documents[0].spans);
}

// --- relations, events, attributes, notes -------------------------------------------------------
// (`EVENTS`, in fixtures/brat_support.rs, is an `.ann` file with every line type.)

#[test]
fn every_line_type_maps_to_spans_relations_and_attributes() {
    let batch = read(&[("d.txt", TEXT), ("d.ann", EVENTS)]);
    assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
    let doc = &batch.documents[0];
    let rel = |id: &str| doc.relations.iter().find(|r| r.id.as_str() == id).unwrap_or_else(|| panic!("no {id}"));
    let ends =
        |r: &Relation| (r.kind.to_string(), r.from.as_str().to_string(), r.to.as_str().to_string(), r.event.as_deref().map(str::to_string));
    assert_eq!(ends(rel("E1.1")), ("Source".into(), "T4".into(), "T1".into(), Some("E1".into())));
    assert_eq!(ends(rel("E1.3")), ("Content".into(), "T4".into(), "T3".into(), Some("E1".into())));
    // An argument naming an event stands for that event's trigger.
    assert_eq!(ends(rel("E3.1")), ("Content".into(), "T7".into(), "T6".into(), Some("E3".into())));
    assert_eq!(ends(rel("E3.2")), ("Content2".into(), "T7".into(), "T5".into(), Some("E3".into())));
    assert_eq!(ends(rel("R1")), ("Speaker".into(), "T3".into(), "T1".into(), None));
    assert_eq!(ends(rel("R2")), ("About".into(), "T4".into(), "T5".into(), None));
    assert_eq!(ends(rel("*1.2")), ("Equiv".into(), "T1".into(), "T5".into(), None));
    // An event without arguments stays on its trigger.
    assert_eq!(span(doc, "T6").attributes.other, vec![(brat::EVENT_MARK.to_string(), "E2".to_string())]);
    assert_eq!(span(doc, "T5").attributes.other, vec![("Negated".to_string(), String::new())]);
    assert_eq!(span(doc, "T4").attributes.other, vec![("Certainty".to_string(), "high".to_string())]);
    let content = &span(doc, "T3").attributes;
    assert_eq!(content.note.as_deref(), Some("first line\nsecond line"));
    assert_eq!(content.speaker.as_deref(), Some("Ms Lee"));
    let other = &span(doc, "T1").attributes.other;
    assert!(other.contains(&(format!("{}STATUS", brat::NOTE_PREFIX), "checked".to_string())));
    assert!(other.contains(&(format!("{}Reference", brat::NORMALIZATION_PREFIX), "Wikipedia:123 Lee (politician)".to_string())));
}

#[test]
fn everything_read_writes_back_to_the_same_annotations() {
    let batch = read(&[("d.txt", TEXT), ("d.ann", EVENTS)]);
    let out = write(&articles(&batch), &batch.labels);
    assert_eq!(names(&out), vec!["brat/d.txt", "brat/d.ann", "brat/annotation.conf"]);
    let ann = file(&out, "brat/d.ann");
    for line in [
        "T3\tContent 13 27\t“We will win.”",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        "E2\tAttribution-no-source:T6",
        "E3\tAttribution:T7 Content:E2 Content2:T5",
        "R1\tSpeaker Arg1:T3 Arg2:T1",
        "R2\tAbout Arg1:E1 Arg2:T5",
        "Negated T5",
        "Certainty E1 high",
        "AnnotatorNotes T3\tfirst line",
        "AnnotatorNotes T3\tsecond line",
        "speaker T3\tMs Lee",
        "STATUS T1\tchecked",
        "Reference T1 Wikipedia:123\tLee (politician)",
    ] {
        assert!(ann.contains(line), "missing {line:?} in\n{ann}");
    }
    let conf = file(&out, "brat/annotation.conf");
    assert!(conf.contains("[events]\nAttribution\tSource*:Source, Cue*:Cue, Content*:Content|Attribution-no-source"), "{conf}");
    assert!(conf.contains("Speaker\tArg1:Content, Arg2:Source"), "{conf}");
    assert!(!conf.contains("\nAttribution\n"), "an event type is not also an entity: {conf}");

    let again = brat::read(&as_input(&out), &LabelSet::builtin()).expect("reads back");
    let (a, b) = (&again.documents[0], &batch.documents[0]);
    let mut sa = a.spans.clone();
    let mut sb = b.spans.clone();
    sa.sort_by(|x, y| x.id.cmp(&y.id));
    sb.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(sa, sb);
    // Equivalences come back as plain relations (R lines), everything else as it was.
    let plain = |d: &ImportedDocument| d.relations.iter().filter(|r| !r.id.as_str().starts_with('*')).cloned().collect::<Vec<_>>();
    let mut ra = plain(a);
    ra.retain(|r| r.kind.as_ref() != "Equiv");
    assert_eq!(ra, plain(b));
}

#[test]
fn errors_name_the_file_line_and_field() {
    let cases: &[(&str, usize, &str)] = &[
        ("T1\tSource 0 6\tMs Lee\nT1\tCue 7 11\tsaid\n", 2, "id"),
        ("T1\tSource 0 6\tMs Lee\nX1\tfoo bar\n", 2, "id"),
        ("T1\tSource 0\tMs\n", 1, "offsets"),
        ("T1\tSource 6 0\tMs\n", 1, "offsets"),
        ("T1\tSource 0 600\tMs\n", 1, "offsets"),
        ("T1\t 0 6\tMs Lee\n", 1, "type"),
        ("T1\tSource 0 6\tMs Lee\nR1\tSpeaker Arg1:T1 Arg2:T9\n", 2, "Arg2"),
        ("T1\tSource 0 6\tMs Lee\nE1\tAttribution:T9 Source:T1\n", 2, "trigger"),
        ("T1\tSource 0 6\tMs Lee\nE1\tAttribution:T1\n", 2, "trigger"),
        ("T1\tSource 0 6\tMs Lee\nT2\tCue 7 11\tsaid\nE1\tCue:T2 Source:T8\n", 3, "Source"),
        ("T1\tSource 0 6\tMs Lee\nA1\tNegated T3\n", 2, "target"),
        ("T1\tSource 0 6\tMs Lee\n#1\tAnnotatorNotes\tx\n", 2, "target"),
        ("T1\tSource 0 6\tMs Lee\nN1\tReference T1 nothing\tx\n", 2, "reference"),
        ("T1\tSource 0 6\tMs Lee\nR1\tSpeaker Arg1:T1\n", 2, "arguments"),
    ];
    for &(ann, line, field) in cases {
        let e = read_err(&[("d.txt", TEXT), ("dir/d.ann", ann)]);
        assert_eq!((e.file.as_str(), e.line, e.field.as_deref()), ("dir/d.ann", Some(line), Some(field)), "{ann:?}: {e}");
    }
}

#[test]
fn a_relation_from_a_span_to_itself_is_left_out_with_a_warning() {
    let batch = read(&[("d.txt", TEXT), ("d.ann", "T1\tSource 0 6\tMs Lee\nR1\tSame Arg1:T1 Arg2:T1\n")]);
    assert!(batch.documents[0].relations.is_empty());
    assert!(batch.warnings[0].contains("line 2") && batch.warnings[0].contains("R1"), "{:?}", batch.warnings);
}

// --- writing ------------------------------------------------------------------------------------

fn plain_span(id: &str, label: Label, start: usize, end: usize) -> Span {
    Span { id: SpanId::new(id), label, start, end, attributes: Attributes::default(), origin: Origin::Manual, fragments: None }
}

fn relation(id: &str, kind: &str, from: &str, to: &str) -> Relation {
    Relation { id: RelationId::new(id), kind: kind.into(), from: SpanId::new(from), to: SpanId::new(to), event: None }
}

#[test]
fn newsmark_articles_write_as_brat_and_read_back() {
    let mut labels = LabelSet::builtin();
    let person = labels.intern("news source").expect("label");
    let text = "Ms Lee said: “We will\nwin.” Critics disagreed.";
    let mut quote = plain_span("s1", Label::Quote, 13, 27);
    quote.attributes.speaker = Some("Ms Lee".into());
    quote.attributes.note = Some("two\r\nlines".into());
    let mut lee = plain_span("T5", person, 0, 6);
    lee.attributes.other.push(("Confidence level".into(), "very high".into()));
    let a = Article::with_spans(ArticleId::new("a1"), "Lee / win?".into(), Rc::new(ArticleText::new(text)), vec![quote, lee])
        .with_relations(vec![relation("r1", "speaker", "s1", "T5")]);
    let b = Article::with_spans(ArticleId::new("a2"), "lee _ win_".into(), Rc::new(ArticleText::new("x")), vec![]);
    let c = Article::with_spans(ArticleId::new("a3"), "".into(), Rc::new(ArticleText::new("y")), vec![]);
    let out = write(&[a, b, c], &labels);
    assert_eq!(
        names(&out),
        vec![
            "brat/Lee___win_.txt",
            "brat/Lee___win_.ann",
            "brat/lee___win_-2.txt",
            "brat/lee___win_-2.ann",
            "brat/a3.txt",
            "brat/a3.ann",
            "brat/annotation.conf"
        ]
    );
    let ann = file(&out, "brat/Lee___win_.ann");
    // Kept T5, numbered the other after it; the quote's line break splits it into fragments, as
    // brat does, since the text column is one line.
    assert!(ann.starts_with("T5\tnews_source 0 6\tMs Lee\nT6\tquote 13 21;22 27\t“We will win.”\n"), "{ann}");
    assert!(ann.contains("R1\tspeaker Arg1:T6 Arg2:T5\n"), "{ann}");
    assert!(ann.contains("\tConfidence_level T5 very high\n"), "{ann}");
    assert!(ann.contains("\tspeaker T6\tMs Lee\n"), "{ann}");
    assert!(ann.contains("\tAnnotatorNotes T6\ttwo\n") && ann.contains("\tAnnotatorNotes T6\tlines\n"), "{ann}");

    let back = brat::read(&as_input(&out), &LabelSet::builtin()).expect("reads back");
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let doc = &back.documents[0];
    assert_eq!(doc.title, "Lee___win_");
    let q = span(doc, "T6");
    assert_eq!((q.label, q.pieces()), (Label::Quote, vec![(13, 21), (22, 27)]));
    assert_eq!(q.attributes.speaker.as_deref(), Some("Ms Lee"));
    assert_eq!(q.attributes.note.as_deref(), Some("two\nlines"));
    assert_eq!(back.labels.name(span(doc, "T5").label), "news_source");
    assert_eq!(doc.relations[0].kind.as_ref(), "speaker");
    assert_eq!(back.documents.len(), 3);
    assert!(brat::write(&[], &labels).is_empty());
}
