//! PolNeAR's development split through the brat reader and writer: the proof that newsmark reads
//! real brat data exactly and writes it back unchanged.
//!
//! The data is read from `../shared/data/polnear/dev` beside the project (never copied into the
//! repository). Without that folder the test says so and passes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use newsmark_core::{Article, ArticleId, LabelSet};
use newsmark_formats::{brat, InputFile};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear/dev");

/// `folder/*.ext` under `DIR`, named `folder/FILE` as a person would drop them, sorted.
fn files(folder: &str, ext: &str) -> Vec<InputFile> {
    let mut out: Vec<InputFile> = fs::read_dir(Path::new(DIR).join(folder))
        .expect("PolNeAR folder")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            let name = format!("{folder}/{}", p.file_name().and_then(|n| n.to_str()).expect("file name"));
            InputFile::new(name, fs::read_to_string(&p).expect("UTF-8 file"))
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A `.ann` file's lines as the gold standard: the `T` lines (id → type, offsets, text) and the
/// number of lines of each kind.
struct Gold {
    t: BTreeMap<String, (String, String, String)>,
    lines: BTreeMap<char, usize>,
    events: BTreeSet<String>,
}

fn gold(ann: &str) -> Gold {
    let mut g = Gold { t: BTreeMap::new(), lines: BTreeMap::new(), events: BTreeSet::new() };
    for line in ann.lines().filter(|l| !l.trim().is_empty()) {
        let kind = line.chars().next().expect("non-empty line");
        *g.lines.entry(kind).or_default() += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        match kind {
            'T' => {
                let (ty, offsets) = cols[1].split_once(' ').expect("type and offsets");
                g.t.insert(cols[0].into(), (ty.into(), offsets.into(), cols[2].into()));
            }
            'E' => {
                g.events.insert(line.trim_end().to_string());
            }
            _ => {}
        }
    }
    g
}

fn offsets(pieces: &[(usize, usize)]) -> String {
    pieces.iter().map(|(s, e)| format!("{s} {e}")).collect::<Vec<_>>().join(";")
}

#[test]
fn polnear_dev_reads_exactly_and_writes_back_unchanged() {
    if !Path::new(DIR).is_dir() {
        println!("skipped: {DIR} is missing (PolNeAR is read from ../shared/data, never copied)");
        return;
    }
    let texts = files("text", "txt");
    let anns = files("attributions", "ann");
    let mut input = texts.clone();
    input.extend(anns.iter().cloned());
    let batch = brat::read(&input, &LabelSet::builtin()).expect("PolNeAR reads");

    assert_eq!(texts.len(), 84, "the data README says 84 texts");
    assert_eq!(anns.len(), 94, "the data README says 94 .ann files");
    // One document per .ann; every text has at least one, so no text-only documents.
    assert_eq!(batch.documents.len(), 94);
    assert!(batch.warnings.is_empty(), "no re-anchoring or other warnings: {:?}", batch.warnings);

    let (mut spans, mut discontinuous, mut fragments, mut relations, mut events, mut arg_less) = (0, 0, 0, 0, 0, 0);
    let mut articles = Vec::new();
    for (doc, ann) in batch.documents.iter().zip(&anns) {
        let stem = ann.name.trim_start_matches("attributions/").trim_end_matches(".ann");
        assert_eq!(doc.title, stem);
        let g = gold(&ann.text);
        assert_eq!(doc.spans.len(), g.t.len(), "{stem}: one span per T line");
        let article = Article::with_spans(ArticleId::new(stem), doc.title.clone(), doc.text.clone(), doc.spans.clone())
            .with_relations(doc.relations.clone());
        for span in &doc.spans {
            let (ty, offs, text) = &g.t[span.id.as_str()];
            assert_eq!(&batch.labels.name(span.label), ty, "{stem} {}", span.id.as_str());
            assert_eq!(&offsets(&span.pieces()), offs, "{stem} {}: fragments as written", span.id.as_str());
            assert_eq!(&article.pieces_text(span, " "), text, "{stem} {}: text", span.id.as_str());
            if let Some(f) = &span.fragments {
                discontinuous += 1;
                fragments += f.len();
            }
        }
        let doc_events: BTreeSet<&str> = doc.relations.iter().filter_map(|r| r.event.as_deref()).collect();
        let marks = doc.spans.iter().flat_map(|s| &s.attributes.other).filter(|(n, _)| n == brat::EVENT_MARK).count();
        assert_eq!(doc_events.len() + marks, g.lines.get(&'E').copied().unwrap_or(0), "{stem}: E lines");
        assert_eq!(doc.relations.iter().filter(|r| r.event.is_none()).count(), g.lines.get(&'R').copied().unwrap_or(0));
        let attributes = doc.spans.iter().flat_map(|s| &s.attributes.other).filter(|(n, _)| n != brat::EVENT_MARK).count();
        assert_eq!(attributes, g.lines.get(&'A').copied().unwrap_or(0));
        spans += doc.spans.len();
        relations += doc.relations.len();
        events += doc_events.len() + marks;
        arg_less += marks;
        articles.push(article);
    }

    // Writing back: the same T lines (id, type, offsets, text) and the same E lines.
    let refs: Vec<&Article> = articles.iter().collect();
    let written = brat::write(&refs, &batch.labels);
    assert_eq!(written.len(), 94 * 2 + 1, "a .txt and an .ann per document, and annotation.conf");
    let mut identical = 0;
    for (ann, article) in anns.iter().zip(&articles) {
        let name = format!("brat/{}.ann", article.title);
        let out = written.iter().find(|f| f.name == name).expect("written .ann");
        let txt = written.iter().find(|f| f.name == format!("brat/{}.txt", article.title)).expect("written .txt");
        assert_eq!(txt.text, article.text.as_str());
        let (before, after) = (gold(&ann.text), gold(&out.text));
        assert_eq!(after.t, before.t, "{name}: T lines");
        assert_eq!(after.events, before.events, "{name}: E lines");
        assert_eq!(after.lines, before.lines, "{name}: number of lines of each kind");
        identical += 1;
    }
    // And the written files read back to the same spans.
    let written: Vec<InputFile> = written.into_iter().map(|f| InputFile::new(f.name, f.text)).collect();
    let again = brat::read(&written, &LabelSet::builtin()).expect("written files read back");
    assert!(again.warnings.is_empty());
    for (a, b) in again.documents.iter().zip(&batch.documents) {
        assert_eq!(a.title, b.title);
        // The writer puts T lines in id order, which the file did not always follow.
        let by_id = |d: &newsmark_core::format::ImportedDocument| {
            let mut spans = d.spans.clone();
            spans.sort_by(|x, y| x.id.cmp(&y.id));
            let mut relations = d.relations.clone();
            relations.sort_by(|x, y| x.id.cmp(&y.id));
            (spans, relations)
        };
        assert!(by_id(a) == by_id(b), "{}: spans and relations read back the same", a.title);
    }

    println!(
        "PolNeAR dev: {} documents ({} texts), {spans} spans ({discontinuous} discontinuous, {fragments} fragments), \
         {relations} relations from {events} events ({arg_less} without arguments); \
         {identical} of {} .ann files written back with identical T and E lines",
        batch.documents.len(),
        texts.len(),
        anns.len()
    );
}
