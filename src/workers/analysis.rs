//! The analysis in a Web Worker: the messages between the page and the worker, and the worker's
//! side, which runs `newsmark_analysis::suggest` on an article's text.
//!
//! Owns: the wire shape of a job and its result (bincode, through gloo-worker) and the
//! conversion of suggestions to and from it. Must never: touch the DOM or the app state (a
//! worker has neither), or be called on the page's thread: the page only spawns it
//! (`effects::analysis`), so the app's own wasm never contains the analysis.
//!
//! The core's `Suggestion` derives no serde (model types never define a wire or file format),
//! so the result travels as `Found`, which this module alone converts.

use std::cell::RefCell;

use gloo::worker::{HandlerId, Registrable, Worker, WorkerScope};
use newsmark_core::{AttributeKey, Attributes, Confidence, Label, Provenance, Suggestion};
use serde::{Deserialize, Serialize};

/// Where trunk puts the worker's loader script (index.html, `data-loader-shim`), relative to the
/// page, so the worker is always loaded from the page's own origin.
pub const WORKER_URL: &str = "./newsmark-worker_loader.js";

/// Analyse `text`, the text of article `article`; `job` comes back with the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub job: u64,
    pub article: String,
    pub text: String,
}

/// Suggestions per message: a long article's results come in several, so that taking in each
/// is a short task on the page.
pub const BATCH: usize = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Done {
    pub job: u64,
    pub article: String,
    /// A batch of the suggestions (in text order), or why the analysis stopped.
    pub result: Result<Vec<Found>, String>,
    /// Which batch this is (0 first), and whether it is the job's last.
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

/// The worker: one job at a time, in the order they arrive.
pub struct SuggestWorker;

/// The job being analysed: where to answer, the job number and the article.
type Current = (WorkerScope<SuggestWorker>, HandlerId, u64, String);

thread_local! {
    /// The job being analysed, so that a panic can still answer it (see `register`).
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

impl Worker for SuggestWorker {
    type Message = ();
    type Input = Job;
    type Output = Done;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        SuggestWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
        CURRENT.with(|c| *c.borrow_mut() = Some((scope.clone(), id, job.job, job.article.clone())));
        let found = newsmark_analysis::suggest(&job.text);
        CURRENT.with(|c| c.borrow_mut().take());
        let batches = found.len().div_ceil(BATCH).max(1);
        for batch in 0..batches {
            let part = &found[(batch * BATCH).min(found.len())..((batch + 1) * BATCH).min(found.len())];
            let result = Ok(part.iter().map(Found::from).collect());
            let last = batch + 1 == batches;
            scope.respond(id, Done { job: job.job, article: job.article.clone(), result, batch, last });
        }
    }
}

/// Runs in the worker: answers jobs until the page goes away. The release build aborts on a
/// panic, which would leave the page waiting for an answer forever; the hook answers the job
/// with the panic's message first, so the page can say so and start a fresh worker.
pub fn register() {
    std::panic::set_hook(Box::new(|info| {
        if let Some((scope, id, job, article)) = CURRENT.with(|c| c.borrow_mut().take()) {
            scope.respond(id, Done { job, article, result: Err(format!("the analysis stopped: {info}")), batch: 0, last: true });
        }
    }));
    SuggestWorker::registrar().register();
}
