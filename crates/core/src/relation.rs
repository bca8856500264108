//! Relations: a typed, directed link between two spans of one article (a quote to its speaker, a
//! claim to its source, a demand to its actor and addressee).
//!
//! Owns: the relation record and an article's relations in a stable order.
//! Must never: point at a span of another article, or outlive either of its spans (the reducer
//! removes a span's relations in the same undo step as the span).

use std::rc::Rc;

use crate::span::SpanId;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelationId(pub Rc<str>);

impl RelationId {
    pub fn new(id: impl Into<Rc<str>>) -> Self {
        RelationId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub id: RelationId,
    /// What the link means, read from `from` to `to`: "speaker", "source", "actor", or any name
    /// a person or an imported file gives.
    pub kind: Rc<str>,
    pub from: SpanId,
    pub to: SpanId,
    /// Relations read from one brat event (`E` line) share the event's id, so the event can be
    /// written back whole; `from` is then the event's trigger and `kind` the argument's role.
    pub event: Option<Rc<str>>,
}

impl Relation {
    pub fn touches(&self, span: &SpanId) -> bool {
        &self.from == span || &self.to == span
    }
}

/// An article's relations in the order they were made. Cloning is cheap; edits copy on write.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Relations(Rc<Vec<Relation>>);

impl Relations {
    pub fn new(relations: Vec<Relation>) -> Self {
        Relations(Rc::new(relations))
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Relation> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[Relation] {
        &self.0
    }

    pub fn get(&self, id: &RelationId) -> Option<&Relation> {
        self.0.iter().find(|r| &r.id == id)
    }

    /// The relations that start or end at `span`.
    pub fn of_span<'a>(&'a self, span: &'a SpanId) -> impl Iterator<Item = &'a Relation> + 'a {
        self.0.iter().filter(move |r| r.touches(span))
    }

    /// Inserts at `index` (clamped), so undoing a removal puts a relation back where it was.
    pub(crate) fn insert(&mut self, index: usize, relation: Relation) {
        let v = Rc::make_mut(&mut self.0);
        v.insert(index.min(v.len()), relation);
    }

    pub(crate) fn remove(&mut self, id: &RelationId) -> Option<(usize, Relation)> {
        let at = self.0.iter().position(|r| &r.id == id)?;
        Some((at, Rc::make_mut(&mut self.0).remove(at)))
    }

    pub(crate) fn position(&self, id: &RelationId) -> Option<usize> {
        self.0.iter().position(|r| &r.id == id)
    }
}

impl<'a> IntoIterator for &'a Relations {
    type Item = &'a Relation;
    type IntoIter = std::slice::Iter<'a, Relation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
