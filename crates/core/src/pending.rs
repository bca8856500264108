//! The suggestions waiting for review in an article, and the analysis that produces them.
//!
//! Owns: identity of a pending suggestion (`SuggestionId`, from a counter in the state), the
//! text order of an article's pending suggestions, which text they were computed for, and
//! cleaning what the analysis returns (offsets snapped to character clusters and trimmed,
//! duplicates and suggestions that already are spans dropped). Must never: change or hide a
//! person's spans (accepting makes a new span; nothing here touches `Spans`), or run the
//! analysis (the app does, off the main thread).
//!
//! Pending suggestions are not saved: they are derived from the article's text, which never
//! changes, so pressing Suggest again recomputes them (with the analysis of the newest version),
//! and storage keeps only what a person decided.

use std::collections::HashSet;
use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::label::Label;
use crate::snap::snap_selection;
use crate::span::Span;
use crate::suggestion::Suggestion;
use crate::text::ArticleText;

/// A pending suggestion's identity, unique in the workspace for the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SuggestionId(pub u64);

/// A suggestion waiting for a person to accept or reject it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub id: SuggestionId,
    pub suggestion: Suggestion,
}

impl Pending {
    fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, Label, SuggestionId) {
        let s = &self.suggestion;
        (s.start, std::cmp::Reverse(s.end), s.label, self.id)
    }

    fn same_place(&self, other: &Suggestion) -> bool {
        let s = &self.suggestion;
        (s.label, s.start, s.end) == (other.label, other.start, other.end)
    }

    pub fn contains(&self, cp: usize) -> bool {
        self.suggestion.start <= cp && cp < self.suggestion.end
    }
}

/// An article's pending suggestions in text order (by start, longer first, label, id), with the
/// text they were computed for. Cloning is cheap; edits copy on write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSuggestions {
    text: Rc<ArticleText>,
    items: Rc<Vec<Pending>>,
}

impl ArticleSuggestions {
    /// Adds a later batch of the same analysis, keeping text order and dropping suggestions that
    /// have the same place as one already listed.
    pub(crate) fn merge(&mut self, more: ArticleSuggestions) {
        let mut items = Rc::unwrap_or_clone(std::mem::take(&mut self.items));
        items.extend(more.items.iter().cloned());
        let mut items = in_text_order(items);
        items.dedup_by(|later, earlier| earlier.same_place(&later.suggestion));
        self.items = Rc::new(items);
    }

    pub fn empty(text: Rc<ArticleText>) -> Self {
        ArticleSuggestions { text, items: Rc::default() }
    }

    /// Whether these suggestions were computed for `article`'s text (an article id freed by a
    /// deletion may later name an imported article with another text).
    pub fn fits(&self, article: &Article) -> bool {
        Rc::ptr_eq(&self.text, &article.text)
    }

    pub fn as_slice(&self) -> &[Pending] {
        &self.items
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Pending> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: SuggestionId) -> Option<&Pending> {
        self.items.iter().find(|p| p.id == id)
    }

    pub fn position(&self, id: SuggestionId) -> Option<usize> {
        self.items.iter().position(|p| p.id == id)
    }

    /// Suggestions covering code point `cp`, in text order.
    pub fn covering(&self, cp: usize) -> impl Iterator<Item = &Pending> {
        let upto = self.items.partition_point(|p| p.suggestion.start <= cp);
        self.items[..upto].iter().filter(move |p| p.contains(cp))
    }

    /// Removes the suggestions with these ids (`sorted`, so accepting thousands stays fast; see
    /// [`sorted_ids`]).
    pub(crate) fn remove(&mut self, sorted: &[SuggestionId]) {
        if self.items.iter().any(|p| sorted.binary_search(&p.id).is_ok()) {
            Rc::make_mut(&mut self.items).retain(|p| sorted.binary_search(&p.id).is_err());
        }
    }

    /// Puts suggestions back (undo), in text order, skipping any whose place (label and range)
    /// a newer run of the analysis already fills.
    pub(crate) fn restore(&mut self, items: &[Pending]) {
        let v = Rc::make_mut(&mut self.items);
        for item in items {
            if v.iter().any(|p| p.id == item.id || p.same_place(&item.suggestion)) {
                continue;
            }
            let at = v.partition_point(|p| p.order_key() < item.order_key());
            v.insert(at, item.clone());
        }
    }
}

/// Where a span or suggestion of `label` over `start..end` sits once the characters at either
/// end that are not letters or digits are left out: two of one label cover the same words when
/// these are equal ("the union." and "the union", "“No.”" and "No").
pub(crate) fn words(text: &ArticleText, label: Label, start: usize, end: usize) -> (Label, usize, usize) {
    let outer = |c: char| !c.is_alphanumeric();
    let s = text.slice(start, end);
    let inner = s.trim_start_matches(outer);
    let lead = s[..s.len() - inner.len()].chars().count();
    let trail = inner.len() - inner.trim_end_matches(outer).len();
    (label, start + lead, end - inner[inner.len() - trail..].chars().count())
}

/// The words each of `article`'s spans covers, as a set so that thousands of suggestions
/// against thousands of spans stay fast.
pub(crate) fn words_of_spans(article: &Article) -> HashSet<(Label, usize, usize)> {
    article.spans.iter().map(|sp: &Span| words(&article.text, sp.label, sp.start, sp.end)).collect()
}

/// Turns what the analysis returned for `article` into pending suggestions: each range snapped
/// to whole character clusters without outer whitespace (as a person's selection is), dropped
/// if nothing is left or it lies outside the text, dropped if a span of the same label already
/// covers the same words (accepted before, or marked by the person; see [`words`]) or an earlier
/// suggestion has the same place. Ids are taken from `next_id`.
pub fn prepare(article: &Article, suggestions: Vec<Suggestion>, next_id: &mut u64) -> ArticleSuggestions {
    let text = &article.text;
    let spans = words_of_spans(article);
    let taken = |s: &Suggestion| spans.contains(&words(text, s.label, s.start, s.end));
    let mut items: Vec<Pending> = Vec::with_capacity(suggestions.len());
    for mut suggestion in suggestions {
        if suggestion.start >= suggestion.end || suggestion.end > text.len() {
            continue;
        }
        let Some((start, end)) = snap_selection(text, suggestion.start, suggestion.end, false) else { continue };
        suggestion.start = start;
        suggestion.end = end;
        if taken(&suggestion) {
            continue;
        }
        items.push(Pending { id: SuggestionId(0), suggestion });
    }
    let mut items = in_text_order(items);
    items.dedup_by(|later, earlier| earlier.same_place(&later.suggestion));
    for item in &mut items {
        item.id = SuggestionId(*next_id);
        *next_id += 1;
    }
    ArticleSuggestions { text: text.clone(), items: Rc::new(items) }
}

/// The analysis of one article that the app is running, if any. `job` tells its result from
/// the result of an earlier run, which is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub article: ArticleId,
    pub job: u64,
}

/// `items` sorted by `Pending::order_key`, stably (through `order`, so that the page holds no
/// sort of suggestions of its own).
fn in_text_order(items: Vec<Pending>) -> Vec<Pending> {
    crate::order::refine(items, |p| (p.suggestion.start, usize::MAX - p.suggestion.end), |a, b| a.order_key() < b.order_key())
}

/// The ids of `items`, sorted for [`ArticleSuggestions::remove`].
///
/// Sorted as `(usize, usize, usize)` tuples (an id's high and low 32 bits), the one sort the
/// page's wasm holds (`order`): sorting the ids themselves would add a sort, 1.4 KB of gzip, to
/// the page's download.
pub(crate) fn sorted_ids(items: &[Pending]) -> Vec<SuggestionId> {
    let mut halves: Vec<(usize, usize, usize)> =
        items.iter().map(|p| ((p.id.0 >> 32) as usize, (p.id.0 & 0xFFFF_FFFF) as usize, 0)).collect();
    halves.sort_unstable();
    halves.into_iter().map(|(high, low, _)| SuggestionId((high as u64) << 32 | low as u64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Attributes, Origin, SpanId, Spans};
    use crate::suggestion::{Confidence, Provenance};

    fn suggestion(label: Label, start: usize, end: usize) -> Suggestion {
        Suggestion {
            label,
            start,
            end,
            attributes: Attributes::default(),
            provenance: Provenance { confidence: Confidence::from_permille(900), reason: "test".into() },
        }
    }

    fn article(text: &str, spans: Vec<Span>) -> Article {
        let mut a = Article::new(ArticleId::new("a1"), "T".into(), text);
        a.spans = Spans::from_unsorted(spans);
        a
    }

    fn places(s: &ArticleSuggestions) -> Vec<(Label, usize, usize, u64)> {
        s.iter().map(|p| (p.suggestion.label, p.suggestion.start, p.suggestion.end, p.id.0)).collect()
    }

    #[test]
    fn prepare_snaps_orders_and_numbers() {
        let a = article("Say “hi” now.  e\u{301}", vec![]);
        let mut next = 7;
        let raw = vec![
            suggestion(Label::Quote, 4, 8),
            // Outer whitespace is trimmed; a range ending inside "e" + accent takes the accent.
            suggestion(Label::Opinion, 13, 16),
            suggestion(Label::Claim, 0, 13),
        ];
        let s = prepare(&a, raw, &mut next);
        assert_eq!(places(&s), vec![(Label::Claim, 0, 13, 7), (Label::Quote, 4, 8, 8), (Label::Opinion, 15, 17, 9)]);
        assert_eq!(next, 10);
        assert!(s.fits(&a));
    }

    #[test]
    fn prepare_drops_empty_outside_duplicate_and_already_tagged() {
        let span = Span {
            id: SpanId::new("s1"),
            label: Label::Quote,
            start: 0,
            end: 3,
            attributes: Attributes::default(),
            origin: Origin::Manual,
            fragments: None,
        };
        let a = article("abc def", vec![span]);
        let mut next = 1;
        let raw = vec![
            suggestion(Label::Quote, 0, 3),
            suggestion(Label::Claim, 0, 3),
            suggestion(Label::Claim, 0, 3),
            suggestion(Label::Claim, 3, 4),
            suggestion(Label::Claim, 5, 5),
            suggestion(Label::Claim, 4, 99),
        ];
        let s = prepare(&a, raw, &mut next);
        assert_eq!(places(&s), vec![(Label::Claim, 0, 3, 1)]);
    }

    #[test]
    fn sorted_ids_orders_whole_ids_past_32_bits() {
        let a = article("one two three", vec![]);
        let mut next = 1;
        let mut items =
            prepare(&a, vec![suggestion(Label::Claim, 0, 3), suggestion(Label::Claim, 4, 7), suggestion(Label::Claim, 8, 13)], &mut next)
                .as_slice()
                .to_vec();
        for (item, id) in items.iter_mut().zip([(1u64 << 32) + 1, 7, 1 << 32]) {
            item.id = SuggestionId(id);
        }
        assert_eq!(sorted_ids(&items), vec![SuggestionId(7), SuggestionId(1 << 32), SuggestionId((1 << 32) + 1)]);
    }

    #[test]
    fn remove_and_restore_keep_text_order() {
        let a = article("one two three", vec![]);
        let mut next = 1;
        let mut s =
            prepare(&a, vec![suggestion(Label::Claim, 0, 3), suggestion(Label::Claim, 4, 7), suggestion(Label::Claim, 8, 13)], &mut next);
        let middle = s.as_slice()[1].clone();
        s.remove(&[middle.id]);
        assert_eq!(s.len(), 2);
        s.restore(std::slice::from_ref(&middle));
        assert_eq!(places(&s), vec![(Label::Claim, 0, 3, 1), (Label::Claim, 4, 7, 2), (Label::Claim, 8, 13, 3)]);
        // Restoring what is already there (or its place) adds nothing.
        s.restore(std::slice::from_ref(&middle));
        assert_eq!(s.len(), 3);
        assert_eq!(s.covering(5).map(|p| p.id.0).collect::<Vec<_>>(), vec![2]);
    }
}
