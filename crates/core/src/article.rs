//! An article: its identity, title, immutable text and spans.
//!
//! Owns: the rule that a span belongs to exactly one article and lies inside its text, and the
//! generation of span ids. Must never: change `text` once the article exists.

use std::rc::Rc;

use crate::relation::{Relation, RelationId, Relations};
use crate::span::{Span, SpanId, Spans};
use crate::text::ArticleText;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub Rc<str>);

impl ArticleId {
    pub fn new(id: impl Into<Rc<str>>) -> Self {
        ArticleId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Equality is by value, and `Rc<Article>` compares by pointer first, so unchanged articles
/// compare in O(1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub text: Rc<ArticleText>,
    pub spans: Spans,
    /// The number in the next generated span id (`s<n>`); only ever grows, so an id deleted and
    /// undone never collides with a newer span.
    pub next_span: u64,
    /// Links between this article's spans.
    pub relations: Relations,
    /// The number in the next generated relation id (`r<n>`); only ever grows.
    pub next_relation: u64,
}

impl Article {
    pub fn new(id: ArticleId, title: String, text: &str) -> Self {
        Article {
            id,
            title,
            text: Rc::new(ArticleText::new(text)),
            spans: Spans::default(),
            next_span: 1,
            relations: Relations::default(),
            next_relation: 1,
        }
    }

    /// Builds an article from spans made elsewhere (storage, import), which must already be
    /// valid for `text`. The id counter starts past every `s<n>` id in use.
    pub fn with_spans(id: ArticleId, title: String, text: Rc<ArticleText>, spans: Vec<Span>) -> Self {
        let next_span = spans.iter().filter_map(|s| s.id.as_str().strip_prefix('s')?.parse::<u64>().ok()).max().map_or(1, |n| n + 1);
        Article { id, title, text, spans: Spans::from_unsorted(spans), next_span, relations: Relations::default(), next_relation: 1 }
    }

    /// Adds relations made elsewhere (storage, import), whose spans must be in the article.
    /// The id counter starts past every `r<n>` id in use.
    pub fn with_relations(mut self, relations: Vec<Relation>) -> Self {
        self.next_relation =
            relations.iter().filter_map(|r| r.id.as_str().strip_prefix('r')?.parse::<u64>().ok()).max().map_or(1, |n| n + 1);
        self.relations = Relations::new(relations);
        self
    }

    /// A relation id not used in the article; `suffix` marks ids made in a second tab (see
    /// `Document::id_suffix`).
    pub(crate) fn fresh_relation_id(&mut self, suffix: &str) -> RelationId {
        loop {
            let id = RelationId::new(format!("r{}{suffix}", self.next_relation));
            self.next_relation += 1;
            if self.relations.get(&id).is_none() {
                return id;
            }
        }
    }

    /// A span id not used in the article; `suffix` as for relations.
    pub(crate) fn fresh_span_id(&mut self, suffix: &str) -> SpanId {
        loop {
            let id = SpanId::new(format!("s{}{suffix}", self.next_span));
            self.next_span += 1;
            if self.spans.get(&id).is_none() {
                return id;
            }
        }
    }

    /// The span's text, exactly as in the article.
    pub fn span_text(&self, span: &Span) -> &str {
        self.text.slice(span.start, span.end)
    }

    /// A discontinuous span's fragments' texts joined by `sep` (brat joins them by a space);
    /// an ordinary span's text.
    pub fn pieces_text(&self, span: &Span, sep: &str) -> String {
        span.pieces().iter().map(|&(s, e)| self.text.slice(s, e)).collect::<Vec<_>>().join(sep)
    }
}
