//! A labelled JSON file to break: two articles exported by newsmark, and the message an import
//! of a broken copy gives. Shared by the import error tests.
//!
//! Owns: the base file. Must never: import a broken file successfully (`error` panics then).

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::rc::Rc;

use newsmark_core::format::{export_json, import_json};
use newsmark_core::{Article, ArticleId, ArticleText, Label, LabelSet, Span, SpanId};
use serde_json::Value;

pub const BRIDGE: &str = "The mayor said: “We will fix the bridge 🚧 by June.”\r\nResidents demand that the council publish the costs.";

pub fn span(id: &str, label: Label, start: usize, end: usize) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// Two documents; the second, "Strike vote", is exactly 500 code points long.
pub fn articles() -> Vec<Article> {
    let bridge = Article::with_spans(
        ArticleId::new("a1"),
        "Bridge repairs 🌉".into(),
        Rc::new(ArticleText::new(BRIDGE)),
        vec![span("s1", Label::Quote, 16, 51), span("s2", Label::Demand, 75, 104)],
    );
    let strike_text = format!("Union: “Strike!” 😀{}", "x".repeat(482));
    assert_eq!(strike_text.chars().count(), 500);
    let strike = Article::with_spans(
        ArticleId::new("a2"),
        "Strike vote".into(),
        Rc::new(ArticleText::new(strike_text)),
        vec![span("s1", Label::Claim, 0, 5), span("s2", Label::Quote, 7, 16), span("s3", Label::Opinion, 17, 30)],
    );
    vec![bridge, strike]
}

pub fn base() -> Value {
    let articles = articles();
    let refs: Vec<&Article> = articles.iter().collect();
    serde_json::from_str(&export_json(&refs, &LabelSet::builtin(), "2026-11-21T10:00:00.000Z")).unwrap()
}

pub fn error(file: &Value) -> String {
    error_of(&file.to_string())
}

pub fn error_of(input: &str) -> String {
    match import_json(input, &LabelSet::builtin()) {
        Ok(docs) => panic!("imported {} documents from a bad file", docs.documents.len()),
        Err(e) => e.to_string(),
    }
}

/// The base file with one field of one span replaced.
pub fn with_span_field(doc: usize, span: usize, field: &str, value: Value) -> Value {
    let mut file = base();
    file["documents"][doc]["spans"][span][field] = value;
    file
}
