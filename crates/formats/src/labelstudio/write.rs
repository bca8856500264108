//! Writing Label Studio tasks.
//!
//! Owns: the result objects written for a span (its region, then one text area per attribute) and
//! for a relation. Must never: change a span's id (a region's id is its span's id, so exports
//! stay comparable), or leave out a region's `value.text`.

use std::cmp::Reverse;
use std::collections::HashSet;

use newsmark_core::{Article, LabelSet, Span};
use serde::Serialize;

use crate::json_fields::unique_id;

#[derive(Serialize)]
struct Task<'a> {
    id: usize,
    data: Data<'a>,
    annotations: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Data<'a> {
    text: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<ResultOut<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ResultOut<'a> {
    Region(Region<'a>),
    Answer(Answer<'a>),
    Relation(RelationOut<'a>),
}

/// The names of the controls in [`super::config`]'s labelling configuration.
pub(super) const LABELS: &str = "label";
pub(super) const TEXT: &str = "text";

#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<Meta<'a>>,
    value: RegionValue<'a>,
}

#[derive(Serialize)]
struct RegionValue<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    labels: [String; 1],
}

#[derive(Serialize)]
struct Meta<'a> {
    text: [&'a str; 1],
}

/// A per-region text area's answer: one attribute of a span.
#[derive(Serialize)]
struct Answer<'a> {
    id: String,
    from_name: &'a str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    origin: &'static str,
    value: AnswerValue<'a>,
}

#[derive(Serialize)]
struct AnswerValue<'a> {
    start: usize,
    end: usize,
    text: [&'a str; 1],
}

#[derive(Serialize)]
struct RelationOut<'a> {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: [&'a str; 1],
}

pub(super) fn tasks(articles: &[&Article], labels: &LabelSet) -> String {
    let tasks: Vec<Task> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Task {
            id: i + 1,
            data: Data { text: a.text.as_str(), title: &a.title },
            annotations: vec![Annotation { result: result(a, labels) }],
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&tasks).expect("plain data serialises");
    out.push('\n');
    out
}

/// The attributes of a span written as per-region answers, in the span form's order; the note
/// is the region's `meta.text` instead, as Label Studio keeps region notes there.
pub(super) fn answers(span: &Span) -> Vec<(&str, &str)> {
    let a = &span.attributes;
    let named = [&a.speaker, &a.source, &a.by, &a.to, &a.holder];
    let ids = ["speaker", "source", "by", "to", "holder"];
    let mut out: Vec<(&str, &str)> = ids.iter().zip(named).filter_map(|(id, v)| v.as_deref().map(|v| (*id, v))).collect();
    out.extend(a.other.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    out
}

/// Where a region goes among the results: start, longer first, then id.
type RegionOrder = (usize, Reverse<usize>, String);

fn result<'a>(article: &'a Article, labels: &LabelSet) -> Vec<ResultOut<'a>> {
    let mut taken: HashSet<String> = article.spans.iter().map(|s| s.id.as_str().to_string()).collect();
    // Each region with its answers, put in text order below.
    let mut regions: Vec<(RegionOrder, Vec<ResultOut<'a>>)> = Vec::new();
    for span in article.spans.iter() {
        let origin = if span.origin.is_suggested() { "prediction" } else { "manual" };
        // A discontinuous span becomes a region per fragment: Label Studio regions are one range.
        for (k, (start, end)) in span.pieces().into_iter().enumerate() {
            let id = if k == 0 { span.id.as_str().to_string() } else { unique_id(&format!("{}-{}", span.id.as_str(), k + 1), &mut taken) };
            let mut group = vec![ResultOut::Region(Region {
                id: id.clone(),
                from_name: LABELS,
                to_name: TEXT,
                kind: "labels",
                origin,
                score: span.origin.provenance().map(|p| f64::from(p.confidence.permille()) / 1000.0),
                meta: span.attributes.note.as_deref().map(|n| Meta { text: [n] }),
                value: RegionValue { start, end, text: article.text.slice(start, end), labels: [labels.name(span.label)] },
            })];
            if k == 0 {
                for (name, text) in answers(span) {
                    group.push(ResultOut::Answer(Answer {
                        id: id.clone(),
                        from_name: name,
                        to_name: TEXT,
                        kind: "textarea",
                        origin,
                        value: AnswerValue { start, end, text: [text] },
                    }));
                }
            }
            regions.push(((start, Reverse(end), id), group));
        }
    }
    // In the order the regions will have once read back as spans (text order, longer first, then
    // by id), a later fragment where its text is (found by fuzzing: writing what was read
    // reordered the results). Ids are unique, so the order is total.
    regions.sort_by(|(a, _), (b, _)| a.cmp(b));
    let mut out: Vec<ResultOut<'a>> = regions.into_iter().flat_map(|(_, group)| group).collect();
    for r in article.relations.iter() {
        out.push(ResultOut::Relation(RelationOut {
            from_id: r.from.as_str().to_string(),
            to_id: r.to.as_str().to_string(),
            kind: "relation",
            direction: "right",
            labels: [&r.kind],
        }));
    }
    out
}
