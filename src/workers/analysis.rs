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
use newsmark_core::{
    Article, ArticleId, ArticleText, AttributeKey, Attributes, Confidence, Label, Origin, Provenance, Relation, RelationId, Span, SpanId,
    Suggestion,
};
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
    /// The summary of an article: its text, and its spans and relations as the summary reads
    /// them (built-in labels, ranges and attributes; no span's text, which the text gives).
    Summarize { text: String, spans: Vec<SpanPart>, relations: Vec<RelationPart> },
}

/// A span as the summary job carries it: the page writes these straight from its article (no
/// JSON), so asking for a summary of 10,000 spans stays a short task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanPart {
    pub id: String,
    /// A built-in label's id; empty for the person's own labels, which the summary leaves to the
    /// page (it counts them there).
    pub label: String,
    pub start: u64,
    pub end: u64,
    /// A discontinuous span's pieces; empty for an ordinary span.
    pub fragments: Vec<(u64, u64)>,
    /// The built-in attributes by their ids.
    pub attributes: Vec<(String, String)>,
    pub other: Vec<(String, String)>,
}

/// A relation as the summary job carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationPart {
    pub from: String,
    pub to: String,
    pub kind: String,
}

impl SpanPart {
    pub fn of(span: &Span) -> Self {
        let a = &span.attributes;
        SpanPart {
            id: span.id.as_str().to_string(),
            label: span.label.builtin_id().unwrap_or_default().to_string(),
            start: span.start as u64,
            end: span.end as u64,
            fragments: span.fragments.iter().flat_map(|f| f.iter()).map(|&(a, b)| (a as u64, b as u64)).collect(),
            attributes: AttributeKey::ALL.into_iter().filter_map(|k| a.get(k).map(|v| (k.id().to_string(), v.to_string()))).collect(),
            other: a.other.clone(),
        }
    }

    /// Back to a span of the core (a person's own label becomes some custom label: the summary
    /// does not look at them).
    fn into_span(self) -> Span {
        let mut attributes = Attributes { other: self.other, ..Attributes::default() };
        for (name, value) in &self.attributes {
            if let Some(key) = AttributeKey::ALL.into_iter().find(|k| k.id() == name) {
                attributes.set(key, value);
            }
        }
        let fragments: Vec<(usize, usize)> = self.fragments.iter().map(|&(a, b)| (a as usize, b as usize)).collect();
        Span {
            id: SpanId::new(self.id),
            label: Label::builtin_from_id(&self.label).unwrap_or(Label::Custom(0)),
            start: self.start as usize,
            end: self.end as usize,
            attributes,
            origin: Origin::Manual,
            fragments: (!fragments.is_empty()).then(|| fragments.into()),
        }
    }
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
            Job::Summarize { text, spans, relations } => answer(Answer::Summary(summary_of(&text, spans, relations)), true),
        }
    }
}

/// The summary of the article the page sent.
fn summary_of(text: &str, spans: Vec<SpanPart>, relations: Vec<RelationPart>) -> Summary {
    let relations = relations
        .into_iter()
        .enumerate()
        .map(|(i, r)| Relation {
            id: RelationId::new(i.to_string()),
            kind: r.kind.into(),
            from: SpanId::new(r.from),
            to: SpanId::new(r.to),
            event: None,
        })
        .collect();
    let article = Article::with_spans(
        ArticleId::new("summary"),
        String::new(),
        std::rc::Rc::new(ArticleText::new(text)),
        spans.into_iter().map(SpanPart::into_span).collect(),
    )
    .with_relations(relations);
    newsmark_analysis::summary::summarize(&article, &str::to_lowercase)
}

/// Runs in the worker: answers jobs until the page goes away.
pub fn register() {
    service::register::<Analysis>("the analysis");
}

#[cfg(test)]
mod tests {
    use newsmark_core::{sample, Relation, RelationId};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn the_summary_job_carries_everything_the_summary_reads() {
        let article = sample::article(ArticleId::new("a1"));
        let ids: Vec<SpanId> = article.spans.iter().map(|s| s.id.clone()).collect();
        let link = Relation { id: RelationId::new("r1"), kind: "speaker".into(), from: ids[0].clone(), to: ids[1].clone(), event: None };
        let mut article = article.with_relations(vec![link]);
        // A discontinuous span and a kept kind travel too.
        let mut span = article.spans.as_slice()[1].clone();
        span.fragments = Some(vec![(span.start, span.start + 3), (span.start + 5, span.end)].into());
        span.attributes.other.push(("source_kind".into(), "document".into()));
        article.spans = newsmark_core::Spans::from_unsorted(
            article.spans.iter().map(|s| if s.id == span.id { span.clone() } else { s.clone() }).collect(),
        );
        let spans = article.spans.iter().map(SpanPart::of).collect();
        let relations = article
            .relations
            .iter()
            .map(|r| RelationPart { from: r.from.as_str().into(), to: r.to.as_str().into(), kind: r.kind.to_string() })
            .collect();
        let made = summary_of(article.text.as_str(), spans, relations);
        assert_eq!(made, newsmark_analysis::summary::summarize(&article, &str::to_lowercase));
        assert!(!made.speakers.is_empty() && !made.documents.is_empty() && !made.holders.is_empty());
    }
}
