//! The `newsmark convert` command, run as a person runs it, on a fixture written here: a news
//! text with an emoji, CRLF line ends, a combining accent, a discontinuous span and a relation,
//! as newsmark labelled JSON and as brat standoff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;

use newsmark_core::format::{export_json, import_json, ImportBatch};
use newsmark_core::{Article, ArticleId, ArticleText, Label, LabelSet, Relation, RelationId, Span, SpanId};

const TEXT: &str = "The mayor said: “We will fix the bridge 🚧 by June.”\r\nResidents demand that the council publish the costs.\r\nNoe\u{301}l Ruiz called the plan “late”.\r\n";
const QUOTE: &str = "“We will fix the bridge 🚧 by June.”";
const OPINION: &str = "“late”";

fn newsmark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmark")).args(args).output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh, empty folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmark-convert-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Code-point range of `needle` in `text`.
fn cp(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap_or_else(|| panic!("{needle} is in the text"));
    let start = text[..b].chars().count();
    (start, start + needle.chars().count())
}

fn span(id: &str, label: Label, (start, end): (usize, usize)) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// The fixture article: a quote with its speaker (a custom "Source" label, linked by a
/// relation), a demand in two pieces around " that ", and an opinion after a combining accent.
fn fixture() -> (Article, LabelSet) {
    let mut labels = LabelSet::builtin();
    let source = labels.intern("Source").unwrap();
    let (a, _) = cp(TEXT, "Residents demand");
    let (gap_start, gap_end) = cp(TEXT, " that ");
    let (_, b) = cp(TEXT, "the council publish the costs");
    let spans = vec![
        span("s1", Label::Quote, cp(TEXT, QUOTE)),
        span("s2", source, cp(TEXT, "The mayor")),
        Span { fragments: Some(Rc::from(vec![(a, gap_start), (gap_end, b)])), ..span("s3", Label::Demand, (a, b)) },
        span("s4", Label::Opinion, cp(TEXT, OPINION)),
    ];
    let relation =
        Relation { id: RelationId::new("r1"), kind: "speaker".into(), from: SpanId::new("s1"), to: SpanId::new("s2"), event: None };
    let article = Article::with_spans(ArticleId::new("bridge"), "Bridge 🌉".into(), Rc::new(ArticleText::new(TEXT)), spans)
        .with_relations(vec![relation]);
    (article, labels)
}

fn write_newsmark_fixture(dir: &Path) -> PathBuf {
    let (article, labels) = fixture();
    let path = dir.join("bridge.json");
    std::fs::write(&path, export_json(&[&article], &labels, "2026-11-21T10:00:00.000Z")).unwrap();
    path
}

/// The same article as brat writes it: offsets count each CRLF as one character, as brat does.
fn write_brat_fixture(dir: &Path) -> PathBuf {
    let folder = dir.join("brat");
    std::fs::create_dir_all(&folder).unwrap();
    let brat = |needle: &str| {
        let (start, end) = cp(TEXT, needle);
        let crlfs_before = |cp: usize| TEXT.chars().take(cp).collect::<String>().matches("\r\n").count();
        (start - crlfs_before(start), end - crlfs_before(end))
    };
    let (q, m, r, c, o) = (brat(QUOTE), brat("The mayor"), brat("Residents demand"), brat("the council publish the costs"), brat(OPINION));
    let ann = format!(
        "T1\tQuote {} {}\t{QUOTE}\nT2\tSource {} {}\tThe mayor\nT3\tDemand {} {};{} {}\tResidents demand the council publish the costs\nT4\tOpinion {} {}\t{OPINION}\nR1\tspeaker Arg1:T1 Arg2:T2\n",
        q.0, q.1, m.0, m.1, r.0, r.1, c.0, c.1, o.0, o.1
    );
    std::fs::write(folder.join("bridge.txt"), TEXT).unwrap();
    std::fs::write(folder.join("bridge.ann"), ann).unwrap();
    folder
}

fn read_newsmark(path: &Path) -> ImportBatch {
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    import_json(&json, &LabelSet::builtin()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The spans of a document as (start, end, label name), sorted, for comparing conversions.
fn ranges(batch: &ImportBatch, doc: usize) -> Vec<(usize, usize, String)> {
    let mut v: Vec<_> = batch.documents[doc].spans.iter().map(|s| (s.start, s.end, batch.labels.name(s.label))).collect();
    v.sort();
    v
}

#[test]
fn newsmark_to_newsmark_keeps_everything() {
    let dir = temp_dir("roundtrip");
    let input = write_newsmark_fixture(&dir);
    let out = dir.join("out");
    let run = newsmark(&["convert", "--to", "newsmark", s(&input), "-o", s(&out)]);
    assert!(run.status.success(), "{}", stderr(&run));
    let batch = read_newsmark(&out.join("newsmark.json"));
    let doc = &batch.documents[0];
    assert_eq!(doc.text.as_str(), TEXT, "CRLF, emoji and the combining accent are kept byte for byte");
    assert_eq!(doc.id.as_deref(), Some("bridge"));
    assert_eq!(doc.title, "Bridge 🌉");
    let (article, _) = fixture();
    let expected: Vec<_> = article.spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
    let mut got: Vec<_> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
    got.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(got, expected);
    assert_eq!(doc.spans.iter().find(|s| s.id.as_str() == "s3").unwrap().fragments.as_deref().map(<[_]>::len), Some(2));
    assert_eq!(doc.relations.len(), 1);
    assert!(batch.labels.by_name("Source").is_some());
    let summary = stderr(&run);
    assert!(summary.contains("converted 1 document, 4 spans, 1 relation, 0 warnings from detected formats to newsmark"), "{summary}");
    assert_eq!(summary.lines().count(), 1, "one summary line: {summary}");
}

#[test]
fn zip_output_opens_and_folders_are_read() {
    let dir = temp_dir("zip");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    write_newsmark_fixture(&dir.join("in"));
    std::fs::write(dir.join("in/README.md"), "# notes, in no format").unwrap();
    let zip = dir.join("out/export.zip");
    let run = newsmark(&["convert", "--from", "newsmark", "--to", "newsmark", s(&dir.join("in")), "-o", s(&zip)]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stderr(&run).contains("passed over 1 file inside folders or zips"), "{}", stderr(&run));
    let files = newsmark_formats::read_zip("export.zip", &std::fs::read(&zip).unwrap()).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].name, "export.zip/newsmark.json");
    assert_eq!(import_json(&files[0].text, &LabelSet::builtin()).unwrap().documents[0].text.as_str(), TEXT);
    assert!(!dir.join("out/export.zip.partial").exists());
    // A zip is an input too: the zip just written converts again.
    let again = dir.join("again");
    let run = newsmark(&["convert", "--to", "newsmark", s(&zip), "-o", s(&again)]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(read_newsmark(&again.join("newsmark.json")).documents.len(), 1);
}

#[test]
fn map_renames_labels_and_keeps_the_rest() {
    let dir = temp_dir("map");
    let input = write_newsmark_fixture(&dir);
    let out = dir.join("out");
    let run = newsmark(&["convert", "--to", "newsmark", "--map", "Source=speaker", "--map", "opinion=claim", s(&input), "-o", s(&out)]);
    assert!(run.status.success(), "{}", stderr(&run));
    let batch = read_newsmark(&out.join("newsmark.json"));
    let names: Vec<String> = ranges(&batch, 0).into_iter().map(|(_, _, l)| l).collect();
    assert!(names.contains(&"speaker".to_string()) && !names.contains(&"Source".to_string()), "{names:?}");
    assert!(names.contains(&"claim".to_string()) && !names.contains(&"opinion".to_string()), "{names:?}");
    assert!(names.contains(&"quote".to_string()) && names.contains(&"demand".to_string()), "{names:?}");

    // A map for a label no input has is a mistake, and nothing is written.
    let out = dir.join("typo");
    let run = newsmark(&["convert", "--to", "newsmark", "--map", "Sauce=speaker", s(&input), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(err.contains("no input has a label “Sauce”") && err.contains("“Source”"), "{err}");
    assert!(!out.exists());
}

#[test]
fn bad_input_is_named_and_leaves_no_output() {
    let dir = temp_dir("bad");
    let good = write_newsmark_fixture(&dir);
    let json = std::fs::read_to_string(&good).unwrap();
    // Shift the opinion's end by one: its text no longer matches its offsets.
    let (_, end) = cp(TEXT, OPINION);
    let broken = json.replacen(&format!("\"end\": {end},"), &format!("\"end\": {},", end + 1), 1);
    assert_ne!(broken, json);
    let bad = dir.join("broken.json");
    std::fs::write(&bad, broken).unwrap();
    let out = dir.join("out");
    // The good file comes first: nothing of it may be written either.
    let run = newsmark(&["convert", "--to", "newsmark", s(&good), s(&bad), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("broken.json") && err.contains("span “s4”") && err.contains("field"), "{err}");
    assert!(!out.exists(), "nothing is written");

    for (name, bytes) in [("latin1.json", &b"{\"caf\xe9\": 1}"[..]), ("notes.md", &b"# notes"[..])] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let run = newsmark(&["convert", "--to", "newsmark", s(&path), "-o", s(&out)]);
        assert_eq!(run.status.code(), Some(1), "{name}: {}", stderr(&run));
        assert!(stderr(&run).contains(name), "{}", stderr(&run));
        assert!(!out.exists());
    }
    let run = newsmark(&["convert", "--to", "newsmark", "/no/such/input.json", "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("/no/such/input.json"));
}

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in [
        &["convert"][..],
        &["convert", "--to", "brat", "x.json"],
        &["convert", "--to", "excel", "x.json", "-o", "out"],
        &["convert", "--from", "conll", "--to", "brat", "x", "-o", "out"],
        &["convert", "--to", "brat", "--bogus", "x", "-o", "out"],
        &["frobnicate"],
    ] {
        let run = newsmark(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(stderr(&run).contains("usage: newsmark suggest FILE..."), "{args:?}: {}", stderr(&run));
        assert!(stderr(&run).contains("newsmark convert [--from FORMAT] --to FORMAT"), "{args:?}");
    }
    let help = newsmark(&["convert", "--help"]);
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("--map A=B"));
}

#[test]
fn brat_fixture_reads_with_its_discontinuous_span_and_relation() {
    let dir = temp_dir("brat");
    let folder = write_brat_fixture(&dir);
    let out = dir.join("out");
    let run = newsmark(&["convert", "--from", "brat", "--to", "newsmark", s(&folder), "-o", s(&out)]);
    assert!(run.status.success(), "the brat reader failed: {}", stderr(&run));
    let batch = read_newsmark(&out.join("newsmark.json"));
    assert_eq!(batch.documents.len(), 1);
    assert_eq!(batch.documents[0].text.as_str(), TEXT);
    let (article, labels) = fixture();
    let mut expected: Vec<_> = article.spans.iter().map(|s| (s.start, s.end, labels.name(s.label))).collect();
    expected.sort();
    assert_eq!(ranges(&batch, 0), expected);
    let demand = batch.documents[0].spans.iter().find(|s| s.label == Label::Demand).unwrap();
    assert_eq!(demand.fragments.as_deref(), article.spans.iter().find(|s| s.label == Label::Demand).unwrap().fragments.as_deref());
    assert_eq!(batch.documents[0].relations.len(), 1);
}

#[test]
fn every_format_round_trips_the_fixture() {
    let dir = temp_dir("every");
    let input = write_newsmark_fixture(&dir);
    let (article, labels) = fixture();
    for to in ["brat", "doccano", "labelstudio", "w3c", "spacy", "conll"] {
        let out = dir.join(to);
        let run = newsmark(&["convert", "--to", to, s(&input), "-o", s(&out)]);
        assert!(run.status.success(), "the {to} writer failed: {}", stderr(&run));
        if to == "conll" {
            continue; // written only: tokens cannot rebuild the text
        }
        // Back, with the format detected.
        let back = dir.join(format!("{to}-back"));
        let run = newsmark(&["convert", "--to", "newsmark", s(&out), "-o", s(&back)]);
        assert!(run.status.success(), "the {to} reader failed: {}", stderr(&run));
        let batch = read_newsmark(&back.join("newsmark.json"));
        assert_eq!(batch.documents.len(), 1, "{to}");
        assert_eq!(batch.documents[0].text.as_str(), TEXT, "{to} keeps the text byte for byte");
        // Every continuous span comes back where it was, with its label; how a discontinuous span
        // is kept is each format's business.
        let got = ranges(&batch, 0);
        for span in article.spans.iter().filter(|s| s.fragments.is_none()) {
            let want = (span.start, span.end, labels.name(span.label));
            assert!(got.contains(&want), "{to}: {want:?} not in {got:?}");
        }
    }
}

#[test]
fn polnear_dev_converts_from_brat() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear/dev");
    if !dev.join("attributions").is_dir() {
        eprintln!("skipped: {} is missing (PolNeAR is read from ../shared/data, never copied)", dev.display());
        return;
    }
    let count = |sub: &str, ext: &str| {
        std::fs::read_dir(dev.join(sub)).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == ext)).count()
    };
    let (texts, anns) = (count("text", "txt"), count("attributions", "ann"));
    assert_eq!((texts, anns), (84, 94), "the dev split as ../shared/data/README.md describes it");
    let out = temp_dir("polnear").join("polnear.json.d");
    let run = newsmark(&["convert", "--from", "brat", "--to", "newsmark", s(&dev), "-o", s(&out)]);
    assert!(run.status.success(), "the brat reader failed: {}", stderr(&run));
    // One document per .ann file (10 articles have two annotators); every text has an .ann.
    let batch = read_newsmark(&out.join("newsmark.json"));
    assert_eq!(batch.documents.len(), anns);
    assert!(batch.documents.iter().all(|d| !d.spans.is_empty()));
    for name in ["Source", "Cue", "Content"] {
        assert!(batch.labels.by_name(name).is_some(), "PolNeAR's {name} label is kept");
    }
    assert!(stderr(&run).contains(&format!("converted {anns} documents")), "{}", stderr(&run));
}
