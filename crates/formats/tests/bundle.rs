//! Zips, the workspace bundle, format detection and reading files of unknown format.

use std::io::Write;
use std::rc::Rc;

use newsmark_core::{Article, ArticleId, ArticleText, Label, LabelSet, Relation, RelationId, Span, SpanId};
use newsmark_formats::bundle::{self, MAX_UNZIPPED_BYTES};
use newsmark_formats::{detect, export_workspace, read_any, read_zip, write_zip, write_zip_at, Format, InputFile, OutputFile};
use rawzip::{CompressionMethod, DataDescriptorOutput, ZipArchiveWriter};

const TEXT: &str = "The mayor said: “We will fix the bridge 🚧 by June.”\r\nResidents demand that the council publish the costs.\r\nNoe\u{301}l Ruiz, an engineer, called it “late”.";

fn cp(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("the needle is in the text");
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn span(id: &str, label: Label, (start, end): (usize, usize)) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// One article with an emoji, CRLF, a combining accent, a discontinuous span and a relation.
fn article() -> Article {
    article_with("a1", Label::Custom(1))
}

/// [`article`] with another id, and `source` for the label of the quote's speaker.
fn article_with(id: &str, source: Label) -> Article {
    let quote = span("s1", Label::Quote, cp(TEXT, "“We will fix the bridge 🚧 by June.”"));
    let speaker = span("s2", source, cp(TEXT, "The mayor"));
    let (a, _) = cp(TEXT, "Residents demand");
    let (_, b) = cp(TEXT, "the council publish the costs");
    let (gap_start, gap_end) = cp(TEXT, " that ");
    let demand = Span { fragments: Some(Rc::from(vec![(a, gap_start), (gap_end, b)])), ..span("s3", Label::Demand, (a, b)) };
    let relation =
        Relation { id: RelationId::new("r1"), kind: "speaker".into(), from: SpanId::new("s1"), to: SpanId::new("s2"), event: None };
    Article::with_spans(ArticleId::new(id), "Bridge 🌉".into(), Rc::new(ArticleText::new(TEXT)), vec![quote, speaker, demand])
        .with_relations(vec![relation])
}

fn labels() -> LabelSet {
    let mut labels = LabelSet::builtin();
    assert_eq!(labels.intern("Source"), Some(Label::Custom(1)));
    labels
}

fn out(name: &str, text: &str) -> OutputFile {
    OutputFile { name: name.into(), text: text.into() }
}

/// A zip written entry by entry with rawzip, to make archives newsmark itself never writes.
fn raw_zip(entries: &[(&str, &[u8], CompressionMethod, bool)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut archive = ZipArchiveWriter::new(&mut bytes);
    for &(name, data, method, encrypted) in entries {
        let (mut entry, _) = archive.new_file(name).compression_method(method).encrypted(encrypted).start().unwrap();
        entry.write_all(data).unwrap();
        entry.finish(DataDescriptorOutput::new(rawzip::crc32(data), data.len() as u64)).unwrap();
    }
    archive.finish().unwrap();
    bytes
}

fn refused(entries: &[(&str, &[u8], CompressionMethod, bool)]) -> String {
    read_zip("bad.zip", &raw_zip(entries)).expect_err("the zip is refused").to_string()
}

#[test]
fn zips_round_trip_every_byte_and_name() {
    let long = "The council will vote on the budget.\r\n".repeat(2000);
    let files = vec![
        out("README.txt", "short"),
        out("brat/café 🚧.txt", TEXT),
        out("brat/café 🚧.ann", "T1\tQuote 16 51\t“We will fix the bridge 🚧 by June.”\n"),
        out("long.txt", &long),
        out("empty.txt", ""),
    ];
    let zip = write_zip(&files);
    // The long file is deflated: the zip is far smaller than its contents.
    assert!(zip.len() < long.len() / 10, "{} bytes", zip.len());
    let read = read_zip("export.zip", &zip).unwrap();
    let expected: Vec<InputFile> = files.iter().map(|f| InputFile::new(format!("export.zip/{}", f.name), f.text.clone())).collect();
    assert_eq!(read, expected);
    // The same files always give the same bytes, and a date changes only the dates.
    assert_eq!(write_zip(&files), zip);
    let dated = write_zip_at(&files, "2026-11-21T10:00:00.000Z");
    assert_ne!(dated, zip);
    assert_eq!(read_zip("export.zip", &dated).unwrap(), expected);
}

#[test]
fn a_zip_made_by_info_zip_opens_without_its_folders_and_junk() {
    // Made with `zip -r -X` (Info-ZIP 3.0) from a folder holding corpus/brat/café.txt and .ann
    // (CRLF, emoji), a deflated corpus/long.txt, corpus/.DS_Store and __MACOSX/corpus/._x.
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/made-by-info-zip.zip")).unwrap();
    let files = read_zip("corpus.zip", &bytes).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["corpus.zip/corpus/long.txt", "corpus.zip/corpus/brat/café.txt", "corpus.zip/corpus/brat/café.ann"]);
    assert_eq!(files[1].text, "The mayor said: “We will fix it 🚧.”\r\nResidents cheered.\r\n");
    assert!(files[0].text.starts_with("Line 0: the council") && files[0].text.lines().count() == 200);
    assert_eq!(detect(&files[2]), Some(Format::Brat));
}

#[test]
fn bad_entries_are_refused_by_name() {
    let store = CompressionMethod::STORE;
    let ok: (&str, &[u8], CompressionMethod, bool) = ("fine.txt", b"fine", store, false);
    let e = refused(&[ok, ("notes/latin1.txt", b"caf\xe9", store, false)]);
    assert!(e.starts_with("bad.zip/notes/latin1.txt: not UTF-8 text (byte 3"), "{e}");
    // rawzip would normalise these names when writing, so they are written verbatim.
    let evil = raw_zip_verbatim("a/../../evil.txt");
    let e = read_zip("bad.zip", &evil).unwrap_err().to_string();
    assert!(e.contains("evil.txt") && e.contains("“..”"), "{e}");
    let e = read_zip("bad.zip", &raw_zip_verbatim("/etc/evil.txt")).unwrap_err().to_string();
    assert!(e.contains("/etc/evil.txt: the entry has an absolute path"), "{e}");
    let e = refused(&[ok, ("secret.txt", b"xxxx", store, true)]);
    assert!(e.contains("secret.txt: the entry is encrypted"), "{e}");
    let e = refused(&[("packed.txt", b"not really bzip2", CompressionMethod::BZIP2, false)]);
    assert!(e.contains("packed.txt: the entry is compressed with BZIP2"), "{e}");
    let e = refused(&[ok, ok]);
    assert!(e.contains("fine.txt: the zip holds two entries of this name"), "{e}");
    let e = read_zip("plain.zip", b"this is not a zip").unwrap_err().to_string();
    assert!(e.starts_with("plain.zip: not a zip archive"), "{e}");
    // A BOM is an encoding marker, dropped like in any opened file.
    let bom = raw_zip(&[("bom.txt", "\u{feff}text".as_bytes(), store, false)]);
    assert_eq!(read_zip("b.zip", &bom).unwrap()[0].text, "text");
    assert_eq!(MAX_UNZIPPED_BYTES, 200 * 1024 * 1024);
}

/// A one-entry stored zip whose entry name is written exactly as given (rawzip's writer would
/// normalise `..` and leading slashes away; other tools do not).
fn raw_zip_verbatim(name: &str) -> Vec<u8> {
    // Written with a placeholder of the same length, then the name's bytes are put in place in
    // both the local and the central header (the only places it appears).
    let placeholder = "x".repeat(name.len());
    let mut bytes = raw_zip(&[(placeholder.as_str(), b"boom", CompressionMethod::STORE, false)]);
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(name.len()).position(|w| w == placeholder.as_bytes()) {
        let start = at + found;
        bytes[start..start + name.len()].copy_from_slice(name.as_bytes());
        at = start + name.len();
    }
    bytes
}

#[test]
fn open_file_takes_zips_and_text_alike() {
    let zip = write_zip(&[out("a.txt", "A")]);
    assert_eq!(bundle::open_file("in.zip", zip.clone()).unwrap(), [InputFile::new("in.zip/a.txt", "A")]);
    // A zip is known by its bytes too, whatever its name.
    assert_eq!(bundle::open_file("download", zip).unwrap(), [InputFile::new("download/a.txt", "A")]);
    assert_eq!(bundle::open_file("a.txt", "\u{feff}A\r\n".into()).unwrap(), [InputFile::new("a.txt", "A\r\n")]);
    let e = bundle::open_file("latin1.txt", b"caf\xe9".to_vec()).unwrap_err().to_string();
    assert!(e.starts_with("latin1.txt: not UTF-8 text"), "{e}");
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_read() {
    let utf16le = |text: &str| [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect::<Vec<u8>>();
    let text = "Zoë said “yes” 😀\r\n";
    assert_eq!(bundle::open_file("a.txt", utf16le(text)).unwrap(), [InputFile::new("a.txt", text)]);
    // 2 bytes of mark and 19 code units: the byte after them is half a unit.
    let mut odd = utf16le(text);
    odd.push(0);
    let e = bundle::open_file("odd.txt", odd).unwrap_err().to_string();
    assert_eq!(e, "odd.txt: UTF-16 text that ends in half a character (byte 40); save it as UTF-8");
}

#[test]
fn detection_for_each_format() {
    let f = |name: &str, text: &str| detect(&InputFile::new(name, text));
    let a = article();
    let newsmark = newsmark_core::format::export_json(&[&a], &labels(), "2026-11-21T10:00:00.000Z");
    assert_eq!(f("export.json", &newsmark), Some(Format::Newsmark));
    assert_eq!(f("x/a1.ann", "T1\tQuote 16 51\t…\n"), Some(Format::Brat));
    assert_eq!(f("x/a1.txt", TEXT), Some(Format::Brat));
    assert_eq!(f("d.jsonl", "{\"text\": \"ab\", \"label\": [[0, 1, \"PER\"]]}\n"), Some(Format::Doccano));
    assert_eq!(
        f("d.jsonl", "{\"text\": \"ab\", \"entities\": [{\"id\": 1, \"label\": \"PER\", \"start_offset\": 0, \"end_offset\": 1}], \"relations\": []}\n"),
        Some(Format::Doccano)
    );
    assert_eq!(f("s.jsonl", "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PER\"}]}\n"), Some(Format::Spacy));
    let ls = r#"[{"id": 1, "data": {"text": "ab"}, "annotations": [{"result": []}]}]"#;
    assert_eq!(f("ls.json", ls), Some(Format::LabelStudio));
    assert_eq!(f("ls.json", r#"{"data": {"text": "ab"}, "predictions": []}"#), Some(Format::LabelStudio));
    let w3c = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": []}"#;
    assert_eq!(f("w.jsonld", w3c), Some(Format::W3c));
    assert_eq!(f("w.json", r#"[{"type": "Annotation", "body": [], "target": {}}]"#), Some(Format::W3c));
    assert_eq!(f("tokens.conll", "The O\nmayor O\n"), Some(Format::Conll));
    assert_eq!(f("notes.md", "# notes"), None);
    assert_eq!(f("other.json", r#"{"rows": []}"#), None);
    assert!(bundle::has_known_extension("a/B.JSONL") && !bundle::has_known_extension("annotation.conf"));
}

#[test]
fn read_any_joins_batches_and_carries_labels() {
    let a = article();
    let mut other = LabelSet::builtin();
    other.intern("Cue");
    // The second file knows "Source" as its second custom label: it must still join the first's.
    let b = article_with("b1", other.intern("Source").unwrap());
    let one = newsmark_core::format::export_json(&[&a], &labels(), "2026-11-21T10:00:00.000Z");
    let two = newsmark_core::format::export_json(&[&b], &other, "2026-11-21T10:00:00.000Z");
    let files = vec![InputFile::new("one.json", one), InputFile::new("two.json", two), InputFile::new("annotation.conf", "[entities]\n")];
    let batch = read_any(files, &LabelSet::builtin()).unwrap();
    assert_eq!(batch.source, "3 files");
    assert_eq!(batch.documents.len(), 2);
    let names: Vec<&str> = batch.labels.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["claim", "demand", "quote", "opinion", "Source", "Cue"]);
    let source = batch.labels.by_name("Source").unwrap();
    assert!(batch.documents.iter().all(|d| d.spans.iter().any(|s| s.label == source && s.id.as_str() == "s2")));
    assert_eq!(batch.documents[0].relations.len(), 1);
    assert_eq!(batch.documents[0].spans.iter().find(|s| s.id.as_str() == "s3").unwrap().fragments.as_deref().map(<[_]>::len), Some(2));
}

#[test]
fn read_any_names_what_it_cannot_read() {
    let e = read_any(vec![InputFile::new("notes.md", "# notes")], &LabelSet::builtin()).unwrap_err();
    assert_eq!(e.file, "notes.md");
    assert!(e.problem.contains("cannot tell which format"), "{e}");
    let e = read_any(vec![InputFile::new("broken.json", "{\n  \"text\": \"a\",\n  \"label\": [\n}\n")], &LabelSet::builtin()).unwrap_err();
    assert!(e.to_string().starts_with("broken.json: it is not valid JSON (line 4"), "{e}");
    let e = read_any(vec![InputFile::new("tokens.conll", "The O\n")], &LabelSet::builtin()).unwrap_err();
    assert!(e.problem.contains("CoNLL files are written, not read"), "{e}");
    assert!(read_any(Vec::new(), &LabelSet::builtin()).is_err());
}

#[test]
fn a_workspace_zip_reads_back_once_from_its_newsmark_json() {
    let a = article();
    let files = export_workspace(&[&a], &labels(), "2026-11-21T10:00:00.000Z");
    assert_eq!(files[0].name, "README.txt");
    assert_eq!(files[1].name, "newsmark.json");
    let readme = &files[0].text;
    assert!(readme.starts_with("newsmark workspace export\n") && readme.contains("1 articles, 3 spans, 1 relations"), "{readme}");
    for file in &files[1..] {
        let top = file.name.split('/').next().unwrap();
        assert!(readme.contains(&format!("\n{top}")), "the README lists {top}:\n{readme}");
    }
    let zip = write_zip_at(&files, "2026-11-21T10:00:00.000Z");
    let batch = read_any(read_zip("workspace.zip", &zip).unwrap(), &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents.len(), 1, "the copies in other formats are not read again");
    assert_eq!(batch.documents[0].text.as_str(), TEXT);
    assert!(batch.warnings.iter().any(|w| w.contains("“workspace.zip” are a newsmark workspace export")), "{:?}", batch.warnings);
}

#[test]
fn every_format_is_in_the_workspace_bundle() {
    // Waits on the format writers.
    let a = article();
    let files = export_workspace(&[&a], &labels(), "2026-11-21T10:00:00.000Z");
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for format in ["brat/", "doccano", "labelstudio", "w3c", "spacy", "conll"] {
        assert!(names.iter().any(|n| n.starts_with(format)), "no {format} file in the bundle: {names:?}");
    }
    // Every copy but CoNLL (which is written, not read) is detected as its own format; brat's
    // annotation.conf and Label Studio's config.xml are settings, not annotations.
    for file in files.iter().filter(|f| bundle::has_known_extension(&f.name)) {
        let top = file.name.split(['/', '.']).next().unwrap();
        if let Some(format) = Format::from_name(top) {
            if format != Format::Conll {
                assert_eq!(detect(&InputFile::new(file.name.clone(), file.text.clone())), Some(format), "{}", file.name);
            }
        }
    }
}

#[test]
fn a_lone_txt_file_is_an_article_without_spans() {
    // Waits on the brat reader.
    let batch = read_any(vec![InputFile::new("notes/plain.txt", TEXT)], &LabelSet::builtin()).unwrap();
    assert_eq!(batch.documents.len(), 1);
    assert_eq!(batch.documents[0].text.as_str(), TEXT);
    assert!(batch.documents[0].spans.is_empty());
}
