//! Paints spans over the article's text without touching its DOM.
//!
//! Owns: how spans become visible: with the CSS Custom Highlight API (one `Highlight` per label
//! and nesting level, one per label for pending suggestions, plus the selected span or
//! suggestion and the pending selection) for their backgrounds, and each label's underline as
//! a line box drawn behind the text from the ranges' client rects (`boxes`); or, where that API
//! is missing, with boxes for both. A `Painter` belongs to one article surface and adds and
//! removes only its own ranges in the page's shared highlights (`registry`), and only the ranges
//! that differ from what it painted before, so an edit touches the ranges it changed and two
//! surfaces on one page never disturb each other. Highlights carry no `text-decoration`: with
//! one, Chromium marks every highlighted text node's overflow dirty on any change to the page,
//! which doubled the cost of every frame of a long article.
//! Must never: insert anything into the article container or change its text nodes, or let a
//! suggestion cover a span (suggestions are painted beneath every span).

mod boxes;
pub mod registry;

use std::collections::{BTreeMap, HashMap, HashSet};

use newsmark_core::span::nesting_levels;
use newsmark_core::{ArticleText, CpRange, Label, Pending, Span, SpanId, SuggestionId};
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, Element};

pub use self::boxes::Groups;
pub use self::registry::{clear as clear_highlights, supported as highlight_api_supported};
use super::names::{self, LEVELS, PENDING, SELECTED};
use super::selection::dom_point;

/// What to paint.
#[derive(Default)]
pub struct Paint<'a> {
    pub spans: &'a [Span],
    /// Every label of the workspace, so that highlights of a label no span has any more are
    /// cleared too.
    pub labels: &'a [Label],
    pub selected: Option<&'a SpanId>,
    pub pending: Option<CpRange>,
    /// Suggestions waiting for review, and the one selected (painted like a selected span).
    pub suggestions: &'a [Pending],
    pub selected_suggestion: Option<SuggestionId>,
    /// Only ranges meeting this code-point window are painted (`None`: all). Painting what is
    /// near the screen keeps a repaint cheap however many spans a long article has.
    pub window: Option<CpRange>,
}

/// Which ranges a repaint looks at: all of the window, or only those meeting the ranges an
/// edit changed (the selection and the pending range are always looked at).
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    All,
    Near(&'a [CpRange]),
}

/// Groups the ranges to paint by highlight name, leaving out those outside `window`.
fn groups(paint: &Paint, window: Option<CpRange>) -> Groups {
    let Some(w) = window else { return all_groups(paint, paint.spans) };
    // A span's nesting level counts the earlier spans covering its start, which all end after
    // the earliest start among the spans in the window: only those need to be looked at.
    let earliest = paint.spans.iter().filter(|s| w.overlaps(CpRange::new(s.start, s.end))).map(|s| s.start).min().unwrap_or(w.end);
    let near: Vec<Span> = paint.spans.iter().take_while(|s| s.start < w.end).filter(|s| s.end > earliest).cloned().collect();
    let mut by_name = all_groups(paint, &near);
    for ranges in by_name.values_mut() {
        ranges.retain(|r| w.overlaps(*r));
    }
    by_name
}

fn all_groups(paint: &Paint, spans: &[Span]) -> Groups {
    let mut by_name: Groups = BTreeMap::new();
    let mut span_groups: BTreeMap<(Label, usize), Vec<CpRange>> = BTreeMap::new();
    for label in Label::BUILTIN.into_iter().chain(paint.labels.iter().copied()) {
        for level in 0..LEVELS {
            span_groups.insert((label, level), Vec::new());
        }
        by_name.insert(names::suggested_highlight(label), Vec::new());
    }
    for p in paint.suggestions {
        let s = &p.suggestion;
        by_name.entry(names::suggested_highlight(s.label)).or_default().push(CpRange::new(s.start, s.end));
    }
    for (span, level) in spans.iter().zip(nesting_levels(spans)) {
        // A discontinuous span paints only its fragments, not the gaps between them.
        span_groups.entry((span.label, level.min(LEVELS - 1))).or_default().extend(span.pieces().into_iter().map(CpRange::from));
    }
    by_name.extend(span_groups.into_iter().map(|((label, level), ranges)| (names::span_highlight(label, level), ranges)));
    by_name.extend(selection_groups(paint));
    by_name
}

/// The selected span or suggestion, and the pending range.
fn selection_groups(paint: &Paint) -> [(String, Vec<CpRange>); 2] {
    let selected = paint.selected.and_then(|id| paint.spans.iter().find(|s| &s.id == id)).map(|s| s.pieces()).unwrap_or_default();
    let suggestion = paint
        .selected_suggestion
        .and_then(|id| paint.suggestions.iter().find(|p| p.id == id))
        .map(|p| CpRange::new(p.suggestion.start, p.suggestion.end));
    [
        (SELECTED.into(), selected.into_iter().map(CpRange::from).chain(suggestion).collect()),
        (PENDING.into(), paint.pending.into_iter().collect()),
    ]
}

/// The groups a repaint of `scope` compares with what was painted: for `Near`, the spans and
/// suggestions near each changed range (nesting needs no others) that meet the window, and the
/// selection.
fn scoped_groups(paint: &Paint, scope: Scope) -> Groups {
    let Scope::Near(changed) = scope else { return groups(paint, paint.window) };
    let meets_window = |r: &CpRange| paint.window.is_none_or(|w| w.overlaps(*r));
    let mut out = Groups::new();
    for r in changed {
        for (name, ranges) in groups(paint, Some(*r)) {
            // Changed ranges overlap (a span before and after an edit): a range near two of them
            // is listed once, or it would get two line boxes.
            let listed = out.entry(name).or_default();
            for range in ranges.into_iter().filter(meets_window) {
                if !listed.contains(&range) {
                    listed.push(range);
                }
            }
        }
    }
    for (name, ranges) in selection_groups(paint) {
        out.insert(name, ranges.into_iter().filter(meets_window).collect());
    }
    out
}

/// The key of a painted range: its highlight name and its ends ("nm-claim-0 12 30"). Names hold
/// no space, so a key reads back unambiguously.
fn key(name: &str, r: CpRange) -> String {
    format!("{name} {} {}", r.start, r.end)
}

/// The highlight name and the range of a key.
fn split_key(key: &str) -> Option<(&str, CpRange)> {
    let (name, ends) = key.split_once(' ')?;
    let (start, end) = ends.split_once(' ')?;
    Some((name, CpRange { start: start.parse().ok()?, end: end.parse().ok()? }))
}

/// A range to paint: its key, its highlight name and the range.
type Wanted<'a> = (String, &'a str, CpRange);

/// The ranges of `groups` a repaint of `near` looks at, with their keys.
fn wanted<'a>(groups: &'a Groups, near: Option<&[CpRange]>) -> Vec<Wanted<'a>> {
    groups
        .iter()
        .flat_map(|(name, ranges)| ranges.iter().map(move |&r| (key(name, r), name.as_str(), r)))
        .filter(|(_, name, r)| in_scope(near, name, *r))
        .collect()
}

/// Whether a repaint of `near` (everything when `None`) looks at range `r` of highlight `name`:
/// the selection and the pending range are always looked at.
fn in_scope(near: Option<&[CpRange]>, name: &str, r: CpRange) -> bool {
    name == SELECTED || name == PENDING || near.is_none_or(|ranges| ranges.iter().any(|s| s.overlaps(r) || *s == r))
}

/// One article surface's paint: the ranges it put into the page's highlights, so that the next
/// paint adds and removes only what differs, and dropping it takes them all away.
pub struct Painter {
    /// By key (`key`), the range objects this painter added to the page's highlights.
    painted: HashMap<String, AbstractRange>,
    generation: u64,
    touched: usize,
}

impl Painter {
    pub fn new() -> Self {
        Painter { painted: HashMap::new(), generation: registry::generation(), touched: 0 }
    }

    /// How many highlight ranges and line boxes the last paint added or removed.
    pub fn touched(&self) -> usize {
        self.touched
    }

    /// Paints with the best method the browser has: backgrounds as highlights and underlines
    /// as line boxes in `overlay`, or boxes for both. Only what differs from the last paint,
    /// within `scope`, is added or removed.
    pub fn paint(&mut self, container: &Element, overlay: &Element, text: &ArticleText, paint: &Paint, scope: Scope) {
        if !highlight_api_supported() {
            let groups = groups(paint, paint.window);
            self.touched = boxes::draw(container, overlay, text, &wanted(&groups, None), &[], names::BOX, None);
            return;
        }
        let groups = scoped_groups(paint, scope);
        let near = match scope {
            Scope::All => None,
            Scope::Near(ranges) => Some(ranges),
        };
        let wanted = wanted(&groups, near);
        // The selection and the pending range have a background only.
        let lines = boxes::draw(container, overlay, text, &wanted, &[SELECTED, PENDING], names::LINE, near);
        self.touched = lines + self.update(container, text, &groups, wanted, near);
    }

    /// Makes this painter's ranges in the page's highlights equal `groups`, among ranges that
    /// meet `near` (all when `None`; the selection and the pending range always). Returns how
    /// many ranges were added or removed.
    fn update(&mut self, container: &Element, text: &ArticleText, groups: &Groups, wanted: Vec<Wanted>, near: Option<&[CpRange]>) -> usize {
        if self.generation != registry::generation() {
            // Everything was cleared from the page: nothing of ours is painted any more.
            self.painted.clear();
            self.generation = registry::generation();
        }
        let edit = registry::Edit::new();
        for name in groups.keys() {
            edit.ensure(name);
        }
        let wanted_keys: HashSet<&str> = wanted.iter().map(|(k, _, _)| k.as_str()).collect();
        let gone: Vec<String> = self
            .painted
            .keys()
            .filter(|k| !wanted_keys.contains(k.as_str()) && split_key(k).is_some_and(|(name, r)| in_scope(near, name, r)))
            .cloned()
            .collect();
        let mut touched = 0;
        for k in gone {
            let (Some(range), Some((name, _))) = (self.painted.remove(&k), split_key(&k)) else { continue };
            edit.delete(name, &range);
            if !groups.contains_key(name) {
                edit.drop_if_unused(name);
            }
            touched += 1;
        }
        for (k, name, r) in wanted {
            if self.painted.contains_key(&k) {
                continue;
            }
            if let Some(range) = static_range(container, text, r) {
                edit.add(name, &range);
                self.painted.insert(k, range);
                touched += 1;
            }
        }
        touched
    }

    /// Takes every range of this painter out of the page's highlights (another article's text
    /// is coming, or the surface goes). The line boxes go with the overlay, which the surface
    /// empties.
    pub fn forget(&mut self) {
        let painted = std::mem::take(&mut self.painted);
        if self.generation == registry::generation() {
            let edit = registry::Edit::new();
            for (k, range) in &painted {
                if let Some((name, _)) = split_key(k) {
                    edit.delete(name, range);
                    edit.drop_if_unused(name);
                }
            }
        }
        self.generation = registry::generation();
    }
}

impl Default for Painter {
    fn default() -> Self {
        Painter::new()
    }
}

impl Drop for Painter {
    fn drop(&mut self) {
        if highlight_api_supported() {
            self.forget();
        }
    }
}

fn static_range(container: &Element, text: &ArticleText, r: CpRange) -> Option<AbstractRange> {
    let (start_node, start_offset) = dom_point(container, text, r.start)?;
    let (end_node, end_offset) = dom_point(container, text, r.end)?;
    let init = web_sys::StaticRangeInit::new(&end_node, end_offset, &start_node, start_offset);
    web_sys::StaticRange::new(&init).ok().map(JsCast::unchecked_into)
}

/// Paints boxes into `overlay` (positioned over the same box as `container`), as browsers
/// without the Highlight API get them.
pub fn paint_overlay(container: &Element, overlay: &Element, text: &ArticleText, paint: &Paint) {
    boxes::draw(container, overlay, text, &wanted(&groups(paint, paint.window), None), &[], names::BOX, None);
}
