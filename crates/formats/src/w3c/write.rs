//! Writing the AnnotationCollection.
//!
//! Owns: the JSON shape of each annotation newsmark writes. Must never: write a position in any
//! unit but code points, or a quote that differs from the text at that position.

use newsmark_core::{Article, ArticleText, LabelSet, Relation, Span};
use serde::Serialize;

use super::{iri, CONTEXT, NM};

/// How much text before and after a quote the TextQuoteSelector gives, in characters.
const CONTEXT_CHARS: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: (&'static str, Namespace),
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'static str,
    total: usize,
    first: Page<'a>,
    #[serde(rename = "nm:sources")]
    sources: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct Namespace {
    nm: &'static str,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    items: Vec<Item<'a>>,
}

/// An article's text, so the collection is complete without the articles' own files.
#[derive(Serialize)]
struct Source<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    format: &'static str,
    label: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Span(SpanAnnotation<'a>),
    Link(LinkAnnotation<'a>),
}

#[derive(Serialize)]
struct SpanAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    body: Vec<Body<'a>>,
    target: Targets<'a>,
    #[serde(rename = "nm:origin", skip_serializing_if = "Option::is_none")]
    origin: Option<&'static str>,
    #[serde(rename = "nm:confidence", skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(rename = "nm:reason", skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    #[serde(rename = "nm:attribute", skip_serializing_if = "Option::is_none")]
    attribute: Option<&'a str>,
    value: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Targets<'a> {
    One(Target<'a>),
    Fragments(Vec<Target<'a>>),
}

#[derive(Serialize)]
struct Target<'a> {
    source: String,
    selector: (QuoteSelector<'a>, PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    prefix: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LinkAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Body<'a>,
    target: [String; 2],
    #[serde(rename = "nm:event", skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
}

pub(super) fn collection(articles: &[&Article], labels: &LabelSet) -> String {
    let label_names: Vec<Vec<String>> = articles.iter().map(|a| a.spans.iter().map(|s| labels.name(s.label)).collect()).collect();
    let mut items = Vec::new();
    for (article, names) in articles.iter().zip(&label_names) {
        for (span, name) in article.spans.iter().zip(names) {
            items.push(Item::Span(span_annotation(article, span, name)));
        }
        for r in article.relations.iter() {
            items.push(Item::Link(link(article, r)));
        }
    }
    let sources = articles
        .iter()
        .map(|a| Source { id: iri::article(a.id.as_str()), kind: "Text", format: "text/plain", label: &a.title, value: a.text.as_str() })
        .collect();
    let collection = Collection {
        context: (CONTEXT, Namespace { nm: NM }),
        id: "urn:newsmark:export",
        kind: "AnnotationCollection",
        label: "newsmark export",
        total: items.len(),
        first: Page { kind: "AnnotationPage", items },
        sources,
    };
    let mut out = serde_json::to_string_pretty(&collection).expect("plain data serialises");
    out.push('\n');
    out
}

fn textual<'a>(purpose: &'static str, attribute: Option<&'a str>, value: &'a str) -> Body<'a> {
    Body { kind: "TextualBody", purpose, attribute, value }
}

fn span_annotation<'a>(article: &'a Article, span: &'a Span, label: &'a str) -> SpanAnnotation<'a> {
    let a = &span.attributes;
    let mut body = vec![textual("tagging", None, label)];
    let named = [("speaker", &a.speaker), ("source", &a.source), ("by", &a.by), ("to", &a.to), ("holder", &a.holder)];
    for (name, value) in named {
        if let Some(v) = value {
            body.push(textual("describing", Some(name), v));
        }
    }
    for (name, value) in &a.other {
        body.push(textual("describing", Some(name), value));
    }
    if let Some(note) = &a.note {
        body.push(textual("commenting", None, note));
    }
    let source = iri::article(article.id.as_str());
    let mut targets: Vec<Target> = span.pieces().into_iter().map(|(s, e)| target(&article.text, &source, s, e)).collect();
    let provenance = span.origin.provenance();
    SpanAnnotation {
        id: iri::span(article.id.as_str(), span.id.as_str()),
        kind: "Annotation",
        body,
        target: if targets.len() == 1 { Targets::One(targets.remove(0)) } else { Targets::Fragments(targets) },
        origin: span.origin.is_suggested().then_some("suggested"),
        confidence: provenance.map(|p| f64::from(p.confidence.permille()) / 1000.0),
        reason: provenance.map(|p| &*p.reason),
    }
}

fn target<'a>(text: &'a ArticleText, source: &str, start: usize, end: usize) -> Target<'a> {
    let quote = QuoteSelector {
        kind: "TextQuoteSelector",
        exact: text.slice(start, end),
        prefix: text.slice(start.saturating_sub(CONTEXT_CHARS), start),
        suffix: text.slice(end, end + CONTEXT_CHARS),
    };
    Target { source: source.to_string(), selector: (quote, PositionSelector { kind: "TextPositionSelector", start, end }) }
}

fn link<'a>(article: &'a Article, r: &'a Relation) -> LinkAnnotation<'a> {
    let a = article.id.as_str();
    LinkAnnotation {
        id: iri::relation(a, r.id.as_str()),
        kind: "Annotation",
        motivation: "linking",
        body: textual("tagging", None, &r.kind),
        target: [iri::span(a, r.from.as_str()), iri::span(a, r.to.as_str())],
        event: r.event.as_deref(),
    }
}
