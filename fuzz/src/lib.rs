//! What the fuzz targets check, shared by all of them: an import either fails with an error that
//! names one of its files and a line inside it, or gives a batch that keeps the core's promises
//! (spans inside their text, relations between spans of their own document, labels in the batch's
//! set); and what a writer makes of an import, its reader reads back and the writer writes again
//! unchanged (a fixed point after one trip).
//!
//! Owns: those properties, as panics libFuzzer reports as crashes. Must never: hide an input it
//! could not use behind a pass (a target returns early only for input that means nothing to it,
//! such as bytes that are not UTF-8 for a reader of text).

use std::collections::HashSet;

use newsmark_core::format::ImportBatch;
use newsmark_core::span::fragments_problem;
use newsmark_core::{Article, ArticleId, LabelSet};
use newsmark_formats::{bundle, read, write, Format, FormatError, InputFile, OutputFile};

/// The time the writers stamp on their files, fixed so two writes can be compared.
pub const EXPORTED_AT: &str = "2026-01-01T00:00:00Z";

/// Reads `files` in `format` and checks whatever comes back; for a batch, also that writing it
/// in the same format is a fixed point.
pub fn read_and_check(format: Format, files: &[InputFile]) {
    match read(format, files, &LabelSet::builtin()) {
        Ok(batch) => {
            check_batch(&batch);
            check_fixed_point(format, &batch);
        }
        Err(e) => check_error(&e, files),
    }
}

/// A refusal names one of the files read (or, for several, how many), and a line that exists.
pub fn check_error(e: &FormatError, files: &[InputFile]) {
    assert!(!e.problem.is_empty(), "an error without a problem: {e:?}");
    let file = files.iter().find(|f| f.name == e.file);
    assert!(file.is_some() || e.file == format!("{} files", files.len()), "an error naming no file read: {e}");
    if let (Some(line), Some(file)) = (e.line, file) {
        let lines = file.text.split('\n').count();
        assert!((1..=lines).contains(&line), "line {line} of a file of {lines} lines: {e}");
    }
    let message = e.to_string();
    assert!(!message.contains(" at line "), "serde_json's own position repeated: {message}");
}

/// Every span lies inside its text (`start <= end <= len` in code points, and non-empty), ids
/// are unique, fragments are ordered and inside the span, relations join two different spans of
/// their own document, and every label is in the batch's set.
pub fn check_batch(batch: &ImportBatch) {
    for doc in &batch.documents {
        let len = doc.text.len();
        assert_eq!(len, doc.text.as_str().chars().count(), "the text's length in code points");
        let mut ids = HashSet::new();
        for s in &doc.spans {
            assert!(s.start < s.end && s.end <= len, "span {s:?} outside a text of {len} code points");
            assert!(ids.insert(s.id.clone()), "span id {:?} twice", s.id);
            assert!(batch.labels.contains(s.label), "span {s:?} with a label not in the batch");
            if let Some(f) = &s.fragments {
                assert!(fragments_problem(f).is_none(), "fragments {f:?}");
                assert_eq!((f[0].0, f[f.len() - 1].1), (s.start, s.end), "fragments {f:?} of span {s:?}");
            }
        }
        for r in &doc.relations {
            assert!(ids.contains(&r.from) && ids.contains(&r.to) && r.from != r.to, "relation {r:?}");
        }
    }
}

/// The batch's documents as the reducer would make them into articles (ids `a1`, … where the
/// file gave none).
pub fn articles(batch: &ImportBatch) -> Vec<Article> {
    let mut taken = HashSet::new();
    batch
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // The reducer gives a taken id a new one; so does this, so ids stay unique.
            let id = d.id.clone().filter(|id| taken.insert(id.clone())).unwrap_or_else(|| format!("#{}", i + 1));
            Article::with_spans(ArticleId::new(id), d.title.clone(), d.text.clone(), d.spans.clone()).with_relations(d.relations.clone())
        })
        .collect()
}

/// Writes `articles` in `format` and reads back what a person would import again: the format's
/// own files, not a configuration beside them (Label Studio's config.xml, brat's
/// annotation.conf, which its reader passes over anyway). Reading them must succeed.
pub fn write_and_read(format: Format, articles: &[Article], labels: &LabelSet) -> (Vec<InputFile>, ImportBatch) {
    let files = written(format, articles, labels);
    match read(format, &files, &LabelSet::builtin()) {
        Ok(batch) => {
            check_batch(&batch);
            (files, batch)
        }
        Err(e) => panic!("{} refused what it wrote: {e}\n{files:#?}", format.name()),
    }
}

/// The files `format` writes for `articles` that its reader reads.
pub fn written(format: Format, articles: &[Article], labels: &LabelSet) -> Vec<InputFile> {
    let refs: Vec<&Article> = articles.iter().collect();
    let is_read = |f: &OutputFile| bundle::extensions(format).iter().any(|e| f.name.ends_with(&format!(".{e}")));
    write(format, &refs, labels, EXPORTED_AT).into_iter().filter(is_read).map(|f| InputFile::new(f.name, f.text)).collect()
}

/// Writing `first` and reading it back, then writing what was read, gives the same files; and
/// the articles' texts survive the trip. Returns the articles read back and their labels.
pub fn check_trip(format: Format, first: &[Article], labels: &LabelSet) -> (Vec<Article>, LabelSet) {
    let (files, again) = write_and_read(format, first, labels);
    let second = articles(&again);
    let texts = |a: &[Article]| a.iter().map(|a| a.text.as_str().to_string()).collect::<Vec<_>>();
    assert_eq!(texts(first), texts(&second), "{} changed a text", format.name());
    assert_eq!(files, written(format, &second, &again.labels), "{} is not a fixed point after one trip", format.name());
    (second, again.labels)
}

/// [`check_trip`] for what an import read: its writer and reader agree on it.
pub fn check_fixed_point(format: Format, batch: &ImportBatch) {
    // Nothing to write: an empty array of records reads as no documents, and no export of no
    // articles is ever offered.
    if !batch.documents.is_empty() {
        check_trip(format, &articles(batch), &batch.labels);
    }
}

/// Input bytes as UTF-8 text, for the readers of text; `None` for other bytes (the decoder has
/// its own target).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// A target that reads its input as one UTF-8 file named `$name` in `$format` and checks the
/// outcome with [`read_and_check`].
#[macro_export]
macro_rules! one_file_reader {
    ($format:expr, $name:expr) => {
        libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            if let Some(text) = $crate::text(data) {
                $crate::read_and_check($format, &[newsmark_formats::InputFile::new($name, text)]);
            }
        });
    };
}
