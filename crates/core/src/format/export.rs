//! Writing articles as labelled JSON.
//!
//! Owns: the mapping from model types to the serialised records, including the UTF-16 and UTF-8
//! offsets that are written for other tools' convenience. Must never: write anything the import
//! would refuse (the round-trip tests hold it to that), or read the clock (the caller passes
//! `exported_at`).

use std::collections::BTreeMap;

use super::labelled_json::{
    AttributesRecord, Document, LabelRecord, LabelledJson, OffsetPair, OriginRecord, RelationRecord, SpanRecord, FORMAT_NAME,
    FORMAT_VERSION,
};
use crate::article::Article;
use crate::label::{LabelDef, LabelSet};
use crate::relation::Relation;
use crate::span::{Attributes, Origin, Span};

/// A whole labelled JSON file: pretty-printed with two-space indents and a final newline, so
/// exports diff well under version control.
pub fn export_json(articles: &[&Article], labels: &LabelSet, exported_at: &str) -> String {
    let file = LabelledJson {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        exported_at,
        labels: written_labels(labels),
        documents: articles.iter().map(|a| document(a, labels)).collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect(SERIALISE_CANNOT_FAIL);
    out.push('\n');
    out
}

/// One document object on a single line, the form newsmark keeps in browser storage; read it
/// back with [`super::article_from_json`].
pub fn article_to_json(article: &Article, labels: &LabelSet) -> String {
    serde_json::to_string(&document(article, labels)).expect(SERIALISE_CANNOT_FAIL)
}

/// An article's annotations (title, spans, relations) as [`article_to_json`] writes the article,
/// but with an empty `text` and without the spans' UTF-16 and UTF-8 offsets: browser storage
/// keeps the text in a record of its own, written once, so an edit rewrites only this, and the
/// other units derive from the text (each span's own text still checks its offsets). Read both
/// back with [`super::article_from_parts`].
pub fn annotations_to_json(article: &Article, labels: &LabelSet) -> String {
    let mut doc = Document { text: "", ..document(article, labels) };
    for span in &mut doc.spans {
        (span.utf16, span.utf8) = (None, None);
    }
    serde_json::to_string(&doc).expect(SERIALISE_CANNOT_FAIL)
}

/// The label set as the JSON array a file's `labels` field holds; read it back with
/// [`super::labels_from_json`]. Browser storage keeps it beside the articles.
pub fn labels_to_json(labels: &LabelSet) -> String {
    serde_json::to_string(&written_labels(labels)).expect(SERIALISE_CANNOT_FAIL)
}

/// The person's own labels, and the built-in ones whose look they changed: a built-in label as
/// it comes needs no definition, so files of people who never touched labels stay short.
fn written_labels(labels: &LabelSet) -> Vec<LabelRecord<'_>> {
    let builtin = LabelSet::builtin();
    labels.iter().filter(|d| d.label.is_custom() || builtin.get(d.label) != Some(*d)).map(label).collect()
}

fn label(def: &LabelDef) -> LabelRecord<'_> {
    LabelRecord { name: &def.name, colour: &def.colour, hotkey: def.hotkey.map(String::from), description: &def.description }
}

// The records hold only strings, integers and string-keyed structs, which always serialise.
const SERIALISE_CANNOT_FAIL: &str = "labelled JSON records always serialise";

pub(super) fn document<'a>(article: &'a Article, labels: &'a LabelSet) -> Document<'a> {
    Document {
        id: Some(article.id.as_str()),
        title: &article.title,
        text: article.text.as_str(),
        spans: article.spans.iter().map(|s| span(article, labels, s)).collect(),
        relations: article.relations.iter().map(relation).collect(),
    }
}

fn relation(r: &Relation) -> RelationRecord<'_> {
    RelationRecord { id: r.id.as_str(), kind: &r.kind, from: r.from.as_str(), to: r.to.as_str(), event: r.event.as_deref() }
}

fn span<'a>(article: &'a Article, labels: &'a LabelSet, span: &'a Span) -> SpanRecord<'a> {
    let text = &article.text;
    SpanRecord {
        id: span.id.as_str(),
        label: label_name(labels, span),
        start: span.start,
        end: span.end,
        text: article.span_text(span),
        attributes: attributes(&span.attributes),
        origin: match span.origin {
            Origin::Manual => OriginRecord::Manual,
            Origin::Suggested(_) => OriginRecord::Suggested,
        },
        // Thousandths as a decimal: 857 is written 0.857, never 0.8570000000000001.
        confidence: span.origin.provenance().map(|p| f64::from(p.confidence.permille()) / 1000.0),
        reason: span.origin.provenance().map(|p| &*p.reason),
        fragments: span.fragments.as_ref().map(|f| f.iter().map(|&(start, end)| OffsetPair { start, end }).collect()),
        utf16: Some(OffsetPair { start: text.utf16_of(span.start), end: text.utf16_of(span.end) }),
        utf8: Some(OffsetPair { start: text.byte_of(span.start), end: text.byte_of(span.end) }),
    }
}

fn attributes(a: &Attributes) -> AttributesRecord<'_> {
    // Inserted one by one (a later value of the same name wins, as it would in `collect`):
    // collecting would add a sort of pairs to the page's wasm.
    let mut other = BTreeMap::new();
    for (name, value) in &a.other {
        other.insert(name.as_str(), value.as_str());
    }
    AttributesRecord {
        speaker: set(&a.speaker),
        source: set(&a.source),
        by: set(&a.by),
        to: set(&a.to),
        holder: set(&a.holder),
        note: set(&a.note),
        other,
    }
}

/// The name a file gives the span's label. The reducer never leaves a span whose label is not
/// in the set, so the fallback (the built-in id, else "custom-N") is for defence only.
fn label_name<'a>(labels: &'a LabelSet, span: &Span) -> &'a str {
    match labels.get(span.label) {
        Some(def) => &def.name,
        None => span.label.builtin_id().unwrap_or("custom"),
    }
}

// The model never stores an empty value, but the file promises none, so filter anyway.
fn set(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|v| !v.is_empty())
}
