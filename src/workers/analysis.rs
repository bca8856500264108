//! The analysis in a Web Worker: the messages between the page and the worker, and the worker's
//! side, which runs `newsmark_analysis::suggest` on an article's text, and
//! `newsmark_analysis::summary::summarize` on an article with its spans.
//!
//! Owns: the wire shape of a job and its result (inside `service`'s envelope) and the
//! conversion of suggestions to and from it. Must never: touch the DOM or the app state (a
//! worker has neither), or be called on the page's thread: the page only spawns it
//! (`effects::analysis`), so the app's own wasm never contains the analysis.
//!
//! The core's `Suggestion` derives no serde (model types never define a wire or file format),
//! so the result travels as `Found`, which this module alone converts.

use newsmark_analysis::summary::Summary;
use newsmark_core::{AttributeKey, Attributes, Confidence, Label, Provenance, Suggestion};
use serde::{Deserialize, Serialize};

use super::service::{self, Service};

/// Where trunk puts the worker's loader script (index.html, `data-loader-shim`), relative to the
/// page, so the worker is always loaded from the page's own origin.
pub const WORKER_URL: &str = "./newsmark-worker_loader.js";

/// What the page asks of the analysis worker (it knows which article and job it asked for).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Suggestions for an article's text.
    Suggest { text: String },
    /// The summary of an article: its text, its spans and relations as browser storage keeps
    /// them (`annotations_to_json`) and the label set (`labels_to_json`), so that the page needs
    /// no encoder of its own for them.
    Summarize { text: String, annotations: String, labels: String },
}

/// The worker's answer to a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Batch(Batch),
    Summary(Summary),
}

/// Suggestions per message: a long article's results come in several, so that taking in each
/// is a short task on the page.
pub const BATCH: usize = 1000;

/// One part of a job's suggestions (in text order); a long article's come in several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    /// Which part this is (0 first).
    pub batch: usize,
    pub found: Vec<Found>,
}

/// A job's answer as the page takes it in: a batch of the suggestions, or why the analysis
/// stopped, with whether it is the job's last.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub job: u64,
    pub article: String,
    pub result: Result<Vec<Found>, String>,
    pub batch: usize,
    pub last: bool,
}

/// A suggestion on the wire: offsets in code points, the label and attributes by their ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found {
    pub label: String,
    pub start: u64,
    pub end: u64,
    pub attributes: Vec<(String, String)>,
    pub confidence: u16,
    pub reason: String,
}

impl From<&Suggestion> for Found {
    fn from(s: &Suggestion) -> Self {
        let attributes =
            AttributeKey::ALL.into_iter().filter_map(|k| s.attributes.get(k).map(|v| (k.id().to_string(), v.to_string()))).collect();
        Found {
            label: s.label.builtin_id().unwrap_or_default().to_string(),
            start: s.start as u64,
            end: s.end as u64,
            attributes,
            confidence: s.provenance.confidence.permille(),
            reason: s.provenance.reason.to_string(),
        }
    }
}

impl Found {
    /// Back to the core's type; `None` for a label this build does not know (a worker script
    /// newer than the page, say).
    pub fn into_suggestion(self) -> Option<Suggestion> {
        let label = Label::builtin_from_id(&self.label)?;
        let mut attributes = Attributes::default();
        for (name, value) in &self.attributes {
            if let Some(key) = AttributeKey::ALL.into_iter().find(|k| k.id() == name) {
                attributes.set(key, value);
            }
        }
        Some(Suggestion {
            label,
            start: usize::try_from(self.start).ok()?,
            end: usize::try_from(self.end).ok()?,
            attributes,
            provenance: Provenance { confidence: Confidence::from_permille(self.confidence), reason: self.reason.into() },
        })
    }
}

/// The analysis as a worker's service.
pub struct Analysis;

impl Service for Analysis {
    type Request = Job;
    type Answer = Answer;

    fn answer(job: Job, answer: &mut dyn FnMut(Answer, bool)) {
        match job {
            Job::Suggest { text } => {
                #[cfg(feature = "fault-trigger")]
                crate::fault_trigger::in_worker(&text);
                let found = newsmark_analysis::suggest(&text);
                let batches = found.len().div_ceil(BATCH).max(1);
                for batch in 0..batches {
                    let part = &found[(batch * BATCH).min(found.len())..((batch + 1) * BATCH).min(found.len())];
                    answer(Answer::Batch(Batch { batch, found: part.iter().map(Found::from).collect() }), batch + 1 == batches);
                }
            }
            Job::Summarize { text, annotations, labels } => answer(Answer::Summary(summary_of(&text, &annotations, &labels)), true),
        }
    }
}

/// The summary of the article the page sent. What the page sent it wrote itself, from an
/// article it holds, so it reads back; if it ever did not, the summary is empty rather than the
/// worker stopping.
fn summary_of(text: &str, annotations: &str, labels: &str) -> Summary {
    use newsmark_core::format::{article_from_parts, labels_from_json};
    let Ok(mut labels) = labels_from_json(labels) else { return Summary::default() };
    let Ok(doc) = article_from_parts(text, annotations, &mut labels) else { return Summary::default() };
    let article = newsmark_core::Article::with_spans(
        newsmark_core::ArticleId::new("summary"),
        doc.title,
        std::rc::Rc::new(newsmark_core::ArticleText::new(text)),
        doc.spans,
    )
    .with_relations(doc.relations);
    newsmark_analysis::summary::summarize(&article, &str::to_lowercase)
}

/// Runs in the worker: answers jobs until the page goes away.
pub fn register() {
    service::register::<Analysis>("the analysis");
}
