//! Other tools' formats in a Web Worker: the messages between the page and the worker, and the
//! worker's side, which reads imports and writes exports with `newsmark_formats`.
//!
//! Owns: the wire shape of a request and its answer (inside `service`'s envelope), the wording
//! of a refused import, and carrying articles across as labelled JSON. Must never: touch the DOM or
//! the app state (a worker has neither), or be called on the page's thread: the page only spawns
//! it (`effects::formats`), so the app's own wasm never contains the readers, the writers or the
//! zip code.
//!
//! Articles and import batches travel in one serialised shape, the labelled JSON document the
//! core reads and writes (`export_json` / `import_json`), with the label set beside it as
//! `labels_to_json` writes it, so that the labels arrive exactly as they left.

use newsmark_core::format::{export_json, import_json, labels_from_json, labels_to_json, ImportBatch};
use newsmark_core::{Article, ArticleId, LabelSet};
use newsmark_formats::{bundle, Format, FormatError};
use serde::{Deserialize, Serialize};

use super::service::{self, Service};

/// Where trunk puts the worker's loader script (index.html, `data-loader-shim`), relative to the
/// page, so the worker is always loaded from the page's own origin.
pub const WORKER_URL: &str = "./newsmark-formats-worker_loader.js";

/// The `exported_at` of documents that only cross to the worker and back.
const IN_TRANSIT: &str = "1970-01-01T00:00:00Z";

/// Articles with their label set, as labelled JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Articles {
    /// `labels_to_json` of the label set.
    pub labels: String,
    /// `export_json` of the articles.
    pub document: String,
}

impl Articles {
    pub fn new(articles: &[&Article], labels: &LabelSet) -> Self {
        Articles { labels: labels_to_json(labels), document: export_json(articles, labels, IN_TRANSIT) }
    }

    /// The label set and the documents, read back with the core's strict import.
    fn read(&self) -> Result<ImportBatch, String> {
        let labels = labels_from_json(&self.labels).map_err(|e| e.to_string())?;
        let mut batch = import_json(&self.document, &labels).map_err(|e| e.to_string())?;
        batch.labels = labels;
        Ok(batch)
    }
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Read files chosen together into one import: each file's name and bytes (zips are
    /// expanded here). `source` names them in messages.
    Read { files: Vec<(String, Vec<u8>)>, source: String },
    /// Write articles in the format named `format` (`Format::name`).
    Write { format: String, articles: Articles, exported_at: String },
    /// Write the workspace bundle (every article in every format) as one zip.
    Workspace { articles: Articles, exported_at: String },
}

/// An import as it comes back: the batch as labelled JSON, the documents' own ids (the JSON
/// carries stand-ins, since a format may give none), and the batch's warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub articles: Articles,
    pub ids: Vec<Option<String>>,
    pub warnings: Vec<String>,
}

impl Imported {
    /// The batch the worker read, named after `source`.
    pub fn into_batch(self, source: String) -> Result<ImportBatch, String> {
        let mut batch = self.articles.read().map_err(|why| format!("the import could not be taken in: {why}"))?;
        for (doc, id) in batch.documents.iter_mut().zip(self.ids) {
            doc.id = id;
        }
        Ok(ImportBatch { source, warnings: self.warnings, ..batch })
    }
}

/// Written files: one file's name and text, or several already zipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Written {
    Files(Vec<(String, String)>),
    Zip(Vec<u8>),
}

/// The answer to a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Read(Result<Imported, String>),
    Written(Result<Written, String>),
    /// Never sent: the page's end (`effects::formats`) gives it to the caller when the worker
    /// stopped (a panic) before it answered.
    Failed(String),
}

/// Other tools' formats as a worker's service.
pub struct Formats;

impl Service for Formats {
    type Request = Request;
    type Answer = Answer;

    fn answer(request: Request, answer: &mut dyn FnMut(Answer, bool)) {
        let answered = match request {
            Request::Read { files, source } => Answer::Read(read(files, &source)),
            Request::Write { format, articles, exported_at } => Answer::Written(write(&format, &articles, &exported_at)),
            Request::Workspace { articles, exported_at } => Answer::Written(workspace(&articles, &exported_at)),
        };
        answer(answered, true);
    }
}

/// Reads every file, then all of them as one batch. Any problem refuses the whole set.
fn read(files: Vec<(String, Vec<u8>)>, source: &str) -> Result<Imported, String> {
    let mut inputs = Vec::new();
    for (name, bytes) in files {
        inputs.extend(bundle::open_file(&name, bytes).map_err(|e| refused(&e))?);
    }
    // The batch is resolved against the workspace's labels by name when it is added, so the
    // built-in set is the right starting point here.
    let batch = bundle::read_any(inputs, &LabelSet::builtin()).map_err(|e| refused(&e))?;
    if batch.documents.is_empty() {
        return Err(format!("Nothing was imported from {source}: it holds no articles."));
    }
    let ids = batch.documents.iter().map(|d| d.id.clone()).collect();
    let articles: Vec<Article> = batch
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| Article::with_spans(ArticleId::new(format!("d{}", i + 1)), d.title, d.text, d.spans).with_relations(d.relations))
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    Ok(Imported { articles: Articles::new(&refs, &batch.labels), ids, warnings: batch.warnings })
}

/// The articles as the core's model, with their label set.
fn articles(articles: &Articles) -> Result<(Vec<Article>, LabelSet), String> {
    let batch = articles.read()?;
    let list = batch
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let id = ArticleId::new(d.id.unwrap_or_else(|| format!("d{}", i + 1)));
            Article::with_spans(id, d.title, d.text, d.spans).with_relations(d.relations)
        })
        .collect();
    Ok((list, batch.labels))
}

fn write(format: &str, from: &Articles, exported_at: &str) -> Result<Written, String> {
    let format = Format::from_name(format).ok_or_else(|| format!("newsmark does not write “{format}”"))?;
    let (list, labels) = articles(from)?;
    let refs: Vec<&Article> = list.iter().collect();
    let files = newsmark_formats::write(format, &refs, &labels, exported_at);
    Ok(match files.as_slice() {
        [] | [_] => Written::Files(files.into_iter().map(|f| (f.name, f.text)).collect()),
        many => Written::Zip(bundle::write_zip_at(many, exported_at)),
    })
}

fn workspace(from: &Articles, exported_at: &str) -> Result<Written, String> {
    let (list, labels) = articles(from)?;
    let refs: Vec<&Article> = list.iter().collect();
    Ok(Written::Zip(bundle::write_zip_at(&bundle::export_workspace(&refs, &labels, exported_at), exported_at)))
}

/// The message for a refused import: the file, then the line and field where the format has
/// them, then the problem.
pub fn refused(e: &FormatError) -> String {
    let mut place = String::new();
    if let Some(line) = e.line {
        place.push_str(&format!("line {line}"));
    }
    if let Some(field) = &e.field {
        if !place.is_empty() {
            place.push_str(", ");
        }
        place.push_str(&format!("field {field}"));
    }
    if !place.is_empty() {
        place.push_str(": ");
    }
    format!("“{}” was not imported, and nothing was changed: {place}{}", e.file, e.problem)
}

/// Runs in the worker: answers requests until the page goes away.
pub fn register() {
    service::register::<Formats>("the worker");
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn a_refused_import_names_file_line_and_field() {
        let e = FormatError::new("d.jsonl", Some(2), Some("label[0][1]"), "“x” is not a number");
        assert_eq!(refused(&e), "“d.jsonl” was not imported, and nothing was changed: line 2, field label[0][1]: “x” is not a number");
        let e = FormatError::new("n.json", None, None, "no documents");
        assert_eq!(refused(&e), "“n.json” was not imported, and nothing was changed: no documents");
    }

    #[wasm_bindgen_test]
    fn an_import_crosses_as_labelled_json_and_keeps_its_labels_and_ids() {
        let jsonl = "{\"text\": \"Sen. Smith said taxes rose.\", \"label\": [[0, 10, \"speaker\"]]}\n";
        let imported = read(vec![("d.jsonl".into(), jsonl.as_bytes().to_vec())], "“d.jsonl”").unwrap();
        let batch = imported.into_batch("“d.jsonl”".into()).unwrap();
        assert_eq!(batch.documents.len(), 1);
        assert_eq!(batch.source, "“d.jsonl”");
        assert!(batch.labels.by_name("speaker").is_some());
        assert_eq!(batch.documents[0].spans.len(), 1);
    }
}
