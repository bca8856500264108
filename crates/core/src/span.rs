//! Spans: a labelled range of an article, and the ordered set of an article's spans.
//!
//! Owns: the span invariants (`start < end <= text length`, code points, end exclusive, never
//! starting or ending inside a character) and the text order of spans.
//! Must never: hold offsets in any unit but code points.

use std::rc::Rc;

use crate::label::{AttributeKey, Label};
use crate::suggestion::Provenance;

/// A span's identity within its article; stable across edits, undo and export.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpanId(pub Rc<str>);

impl SpanId {
    pub fn new(id: impl Into<Rc<str>>) -> Self {
        SpanId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a span came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Manual,
    /// An accepted suggestion. It keeps why it was suggested; `None` only for files from other
    /// tools that say "suggested" without a confidence and reason.
    Suggested(Option<Provenance>),
}

impl Origin {
    pub fn is_suggested(&self) -> bool {
        matches!(self, Origin::Suggested(_))
    }

    pub fn provenance(&self) -> Option<&Provenance> {
        match self {
            Origin::Suggested(p) => p.as_ref(),
            Origin::Manual => None,
        }
    }
}

/// Free-text attributes of a span. Only those that apply to the span's label are shown, but
/// relabelling keeps the others so that relabelling back loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attributes {
    pub speaker: Option<String>,
    pub source: Option<String>,
    pub by: Option<String>,
    pub to: Option<String>,
    pub holder: Option<String>,
    pub note: Option<String>,
    /// Attributes from other tools that newsmark has no field for (brat `A` lines, for
    /// example), by name, in the order read. An empty value is a flag that is set.
    pub other: Vec<(String, String)>,
}

impl Attributes {
    pub fn get(&self, key: AttributeKey) -> Option<&str> {
        self.slot(key).as_deref()
    }

    fn slot(&self, key: AttributeKey) -> &Option<String> {
        match key {
            AttributeKey::Speaker => &self.speaker,
            AttributeKey::Source => &self.source,
            AttributeKey::By => &self.by,
            AttributeKey::To => &self.to,
            AttributeKey::Holder => &self.holder,
            AttributeKey::Note => &self.note,
        }
    }

    /// Sets an attribute; an empty value removes it.
    pub fn set(&mut self, key: AttributeKey, value: &str) {
        let slot = match key {
            AttributeKey::Speaker => &mut self.speaker,
            AttributeKey::Source => &mut self.source,
            AttributeKey::By => &mut self.by,
            AttributeKey::To => &mut self.to,
            AttributeKey::Holder => &mut self.holder,
            AttributeKey::Note => &mut self.note,
        };
        *slot = if value.is_empty() { None } else { Some(value.to_string()) };
    }

    /// The attributes that are set and apply to `label`, in form order, note last.
    pub fn shown_for(&self, label: Label) -> impl Iterator<Item = (AttributeKey, &str)> {
        label.attributes().iter().copied().chain(std::iter::once(AttributeKey::Note)).filter_map(|k| self.get(k).map(|v| (k, v)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub id: SpanId,
    pub label: Label,
    /// The first code point of the span, or of its first fragment.
    pub start: usize,
    /// The code point after the span, or after its last fragment.
    pub end: usize,
    pub attributes: Attributes,
    pub origin: Origin,
    /// A discontinuous span's pieces (brat's `T1 Quote 315 448;463 553`): at least two, none
    /// empty, no two sharing a code point, in the order the person or file gave them (PolNeAR
    /// lists some out of text order, and a round trip must keep that); the smallest start is
    /// `start` and the largest end is `end`. `None` for an ordinary span, one piece from
    /// `start` to `end`.
    pub fragments: Option<Rc<[(usize, usize)]>>,
}

impl Span {
    /// A span a person marked: no attributes yet, one piece.
    pub fn manual(id: SpanId, label: Label, start: usize, end: usize) -> Span {
        Span { id, label, start, end, attributes: Attributes::default(), origin: Origin::Manual, fragments: None }
    }

    fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &SpanId) {
        (self.start, std::cmp::Reverse(self.end), &self.id)
    }

    pub fn contains(&self, cp: usize) -> bool {
        self.start <= cp && cp < self.end
    }

    /// The ranges the span covers: its fragments (in the span's own order), or its one range.
    pub fn pieces(&self) -> Vec<(usize, usize)> {
        match &self.fragments {
            Some(f) => f.to_vec(),
            None => vec![(self.start, self.end)],
        }
    }
}

/// Why `fragments` cannot be a discontinuous span's pieces, if they cannot: fewer than two, an
/// empty one, or two that share a code point. Order does not matter, and touching pieces are
/// allowed: both occur in real brat files, which must read and write back unchanged.
pub fn fragments_problem(fragments: &[(usize, usize)]) -> Option<String> {
    if fragments.len() < 2 {
        return Some("a discontinuous span needs at least two fragments".into());
    }
    for (i, &(start, end)) in fragments.iter().enumerate() {
        if start >= end {
            return Some(format!("fragment {} is empty or reversed ({start}–{end})", i + 1));
        }
    }
    let mut sorted: Vec<(usize, usize, usize)> = fragments.iter().enumerate().map(|(i, &(s, e))| (s, e, i)).collect();
    sorted.sort_unstable();
    for pair in sorted.windows(2) {
        let ((_, end, a), (start, _, b)) = (pair[0], pair[1]);
        if start < end {
            let (first, second) = (a.min(b) + 1, a.max(b) + 1);
            return Some(format!("fragments {first} and {second} overlap"));
        }
    }
    None
}

/// The range a discontinuous span's fragments cover: the smallest start and the largest end.
pub fn fragments_hull(fragments: &[(usize, usize)]) -> Option<(usize, usize)> {
    let start = fragments.iter().map(|f| f.0).min()?;
    let end = fragments.iter().map(|f| f.1).max()?;
    Some((start, end))
}

/// An article's spans in text order: by start, then longer first (so an enclosing span comes
/// before the spans nested in it), then by id. Cloning is cheap; edits copy on write.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spans(Rc<Vec<Span>>);

impl Spans {
    pub fn from_unsorted(spans: Vec<Span>) -> Self {
        Spans(Rc::new(crate::order::refine(spans, |s| (s.start, usize::MAX - s.end), |a, b| a.order_key() < b.order_key())))
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Span> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[Span] {
        &self.0
    }

    pub fn ptr_eq(&self, other: &Spans) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    pub fn position(&self, id: &SpanId) -> Option<usize> {
        self.0.iter().position(|s| &s.id == id)
    }

    pub fn get(&self, id: &SpanId) -> Option<&Span> {
        self.0.iter().find(|s| &s.id == id)
    }

    /// Spans that cover code point `cp`, outermost first.
    pub fn covering(&self, cp: usize) -> impl Iterator<Item = &Span> {
        let upto = self.0.partition_point(|s| s.start <= cp);
        self.0[..upto].iter().filter(move |s| s.contains(cp))
    }

    pub(crate) fn insert(&mut self, span: Span) {
        let v = Rc::make_mut(&mut self.0);
        let at = v.partition_point(|s| s.order_key() < span.order_key());
        v.insert(at, span);
    }

    pub(crate) fn remove(&mut self, id: &SpanId) -> Option<Span> {
        let at = self.position(id)?;
        Some(Rc::make_mut(&mut self.0).remove(at))
    }

    /// Replaces the span with the same id, keeping text order.
    pub(crate) fn replace(&mut self, span: Span) -> Option<Span> {
        let old = self.remove(&span.id)?;
        self.insert(span);
        Some(old)
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The nesting level of each span among the spans of its own label: how many earlier spans of
/// that label still cover its start. Painting uses it so that nested spans of one label stay
/// visible. `spans` must be in text order.
pub fn nesting_levels(spans: &[Span]) -> Vec<usize> {
    let mut open: std::collections::BTreeMap<Label, Vec<usize>> = std::collections::BTreeMap::new();
    spans
        .iter()
        .map(|span| {
            let ends = open.entry(span.label).or_default();
            ends.retain(|&end| end > span.start);
            let level = ends.len();
            ends.push(span.end);
            level
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: Label, start: usize, end: usize) -> Span {
        Span {
            id: SpanId::new(format!("{start}-{end}")),
            label,
            start,
            end,
            attributes: Attributes::default(),
            origin: Origin::Manual,
            fragments: None,
        }
    }

    #[test]
    fn nested_spans_of_one_label_get_deeper_levels() {
        let spans = [
            span(Label::Claim, 0, 10),
            span(Label::Quote, 1, 3),
            span(Label::Claim, 2, 5),
            span(Label::Claim, 6, 8),
            span(Label::Claim, 12, 14),
        ];
        assert_eq!(nesting_levels(&spans), vec![0, 0, 1, 1, 0]);
    }

    #[test]
    fn unsorted_spans_take_text_order_with_equal_ranges_by_id() {
        let with_id = |id: &str, start, end| Span { id: SpanId::new(id), ..span(Label::Claim, start, end) };
        let spans = Spans::from_unsorted(vec![
            with_id("T9", 4, 8),
            with_id("T2", 4, 6),
            with_id("T10", 4, 8),
            with_id("T1", 0, 8),
            with_id("T3", 4, 8),
        ]);
        let ids: Vec<&str> = spans.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["T1", "T10", "T3", "T9", "T2"], "by start, the longer first, then by id");
    }

    #[test]
    fn spans_stay_in_text_order_through_edits() {
        let mut spans = Spans::default();
        spans.insert(span(Label::Claim, 5, 9));
        spans.insert(span(Label::Quote, 0, 20));
        spans.insert(span(Label::Demand, 5, 12));
        let order: Vec<_> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(order, vec![(0, 20), (5, 12), (5, 9)]);
        let moved = Span { start: 1, ..spans.get(&SpanId::new("5-9")).unwrap().clone() };
        spans.replace(moved);
        assert_eq!(spans.as_slice()[1].start, 1);
        assert_eq!(spans.covering(6).count(), 3);
        assert_eq!(spans.covering(15).count(), 1);
    }
}
