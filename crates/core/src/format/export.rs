//! Writing articles as labelled JSON.
//!
//! Owns: the mapping from model types to the serialised records, including the UTF-16 and UTF-8
//! offsets that are written for other tools' convenience. Must never: write anything the import
//! would refuse (the round-trip tests hold it to that), or read the clock (the caller passes
//! `exported_at`).

use super::labelled_json::{
    AttributesRecord, Document, LabelledJson, OffsetPair, OriginRecord, SpanRecord, FORMAT_NAME,
    FORMAT_VERSION,
};
use crate::article::Article;
use crate::span::{Attributes, Origin, Span};

/// A whole labelled JSON file: pretty-printed with two-space indents and a final newline, so
/// exports diff well under version control.
pub fn export_json(articles: &[&Article], exported_at: &str) -> String {
    let file = LabelledJson {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        exported_at,
        documents: articles.iter().map(|a| document(a)).collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect(SERIALISE_CANNOT_FAIL);
    out.push('\n');
    out
}

/// One document object on a single line, the form newsmark keeps in browser storage; read it
/// back with [`super::article_from_json`].
pub fn article_to_json(article: &Article) -> String {
    serde_json::to_string(&document(article)).expect(SERIALISE_CANNOT_FAIL)
}

// The records hold only strings, integers and string-keyed structs, which always serialise.
const SERIALISE_CANNOT_FAIL: &str = "labelled JSON records always serialise";

pub(super) fn document(article: &Article) -> Document<'_> {
    Document {
        id: Some(article.id.as_str()),
        title: &article.title,
        text: article.text.as_str(),
        spans: article.spans.iter().map(|s| span(article, s)).collect(),
    }
}

fn span<'a>(article: &'a Article, span: &'a Span) -> SpanRecord<'a> {
    let text = &article.text;
    SpanRecord {
        id: span.id.as_str(),
        label: span.label,
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
        utf16: Some(OffsetPair { start: text.utf16_of(span.start), end: text.utf16_of(span.end) }),
        utf8: Some(OffsetPair { start: text.byte_of(span.start), end: text.byte_of(span.end) }),
    }
}

fn attributes(a: &Attributes) -> AttributesRecord<'_> {
    AttributesRecord {
        speaker: set(&a.speaker),
        source: set(&a.source),
        by: set(&a.by),
        to: set(&a.to),
        holder: set(&a.holder),
        note: set(&a.note),
    }
}

// The model never stores an empty value, but the file promises none, so filter anyway.
fn set(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|v| !v.is_empty())
}
