//! Paints spans over the article's text without touching its DOM.
//!
//! Owns: how spans become visible: with the CSS Custom Highlight API (one `Highlight` per label
//! and nesting level, one per label for pending suggestions, plus the selected span or
//! suggestion and the pending selection) for their backgrounds, and each label's underline as
//! a line box drawn behind the text from the ranges' client rects; or, where that API is
//! missing, with boxes for both. Highlights carry no `text-decoration`: with one, Chromium
//! marks every highlighted text node's overflow dirty on any change to the page, which doubled
//! the cost of every frame of a long article.
//! Must never: insert anything into the article container or change its text nodes, or let a
//! suggestion cover a span (suggestions are painted beneath every span).

use std::collections::BTreeMap;

use newsmark_core::decimal::fixed;
use newsmark_core::span::nesting_levels;
use newsmark_core::{ArticleText, Label, Pending, Span, SpanId, SuggestionId};
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, Element, HtmlElement};

use super::selection::{cp_to_range, dom_point};

/// Nesting levels painted apart per label; deeper spans share the last level.
pub const LEVELS: usize = 3;
pub const SELECTED: &str = "nm-selected";
pub const PENDING: &str = "nm-pending";

/// The highlight name of spans of `label` at nesting `level`.
pub fn highlight_name(label: Label, level: usize) -> String {
    format!("nm-{}-{}", label.css_key(), level.min(LEVELS - 1))
}

/// The highlight name of pending suggestions of `label`.
pub fn suggested_name(label: Label) -> String {
    format!("nm-suggested-{}", label.css_key())
}

/// What to paint.
#[derive(Default)]
pub struct Paint<'a> {
    pub spans: &'a [Span],
    /// Every label of the workspace, so that highlights of a label no span has any more are
    /// cleared too.
    pub labels: &'a [Label],
    pub selected: Option<&'a SpanId>,
    pub pending: Option<(usize, usize)>,
    /// Suggestions waiting for review, and the one selected (painted like a selected span).
    pub suggestions: &'a [Pending],
    pub selected_suggestion: Option<SuggestionId>,
    /// Only ranges meeting this code-point window are painted (`None`: all). Painting what is
    /// near the screen keeps a repaint cheap however many spans a long article has.
    pub window: Option<(usize, usize)>,
}

pub fn highlight_api_supported() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .is_ok_and(|h| !h.is_undefined())
}

/// Groups the ranges to paint by highlight name, leaving out those outside the window.
fn groups<'a>(paint: &Paint<'a>) -> BTreeMap<String, Vec<(usize, usize)>> {
    let Some((from, to)) = paint.window else { return all_groups(paint, paint.spans) };
    let meets = |start: usize, end: usize| start < to && end > from;
    // A span's nesting level counts the earlier spans covering its start, which all end after
    // the earliest start among the spans in the window: only those need to be looked at.
    let earliest = paint.spans.iter().filter(|s| meets(s.start, s.end)).map(|s| s.start).min().unwrap_or(to);
    let near: Vec<Span> = paint.spans.iter().take_while(|s| s.start < to).filter(|s| s.end > earliest).cloned().collect();
    let mut by_name = all_groups(paint, &near);
    for ranges in by_name.values_mut() {
        ranges.retain(|&(start, end)| meets(start, end));
    }
    by_name
}

fn all_groups<'a>(paint: &Paint<'a>, spans: &[Span]) -> BTreeMap<String, Vec<(usize, usize)>> {
    let mut by_name: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut span_groups: BTreeMap<(Label, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for label in Label::BUILTIN.into_iter().chain(paint.labels.iter().copied()) {
        for level in 0..LEVELS {
            span_groups.insert((label, level), Vec::new());
        }
        by_name.insert(suggested_name(label), Vec::new());
    }
    for p in paint.suggestions {
        let s = &p.suggestion;
        by_name.entry(suggested_name(s.label)).or_default().push((s.start, s.end));
    }
    for (span, level) in spans.iter().zip(nesting_levels(spans)) {
        // A discontinuous span paints only its fragments, not the gaps between them.
        span_groups.entry((span.label, level.min(LEVELS - 1))).or_default().extend(span.pieces());
    }
    by_name.extend(span_groups.into_iter().map(|((label, level), ranges)| (highlight_name(label, level), ranges)));
    let selected = paint.selected.and_then(|id| paint.spans.iter().find(|s| &s.id == id)).map(|s| s.pieces()).unwrap_or_default();
    let suggestion = paint
        .selected_suggestion
        .and_then(|id| paint.suggestions.iter().find(|p| p.id == id))
        .map(|p| (p.suggestion.start, p.suggestion.end));
    by_name.insert(SELECTED.into(), selected.into_iter().chain(suggestion).collect());
    by_name.insert(PENDING.into(), paint.pending.into_iter().collect());
    by_name
}

/// Paints backgrounds with the Highlight API, replacing everything painted before.
fn paint_highlights(container: &Element, text: &ArticleText, groups: BTreeMap<String, Vec<(usize, usize)>>) {
    let registry = web_sys::css::JsNamespaceCss::highlights();
    // A removed custom label is no longer among `paint.labels`, so its highlights would stay
    // registered (unstyled, but holding ranges) until the page is left: drop them.
    let stale: Vec<String> = registry
        .keys()
        .into_iter()
        .filter_map(|key| key.ok()?.as_string())
        .filter(|name| (name.starts_with("nm-custom-") || name.starts_with("nm-suggested-custom-")) && !groups.contains_key(name))
        .collect();
    for name in stale {
        registry.delete(&name);
    }
    for (priority, (name, ranges)) in groups.into_iter().enumerate() {
        let ranges: Vec<AbstractRange> = ranges.into_iter().filter_map(|(a, b)| static_range(container, text, a, b)).collect();
        if let Ok(highlight) = web_sys::Highlight::new(&ranges) {
            // Higher priorities paint over lower ones: suggestions beneath every span, the
            // selection above everything.
            let boost = match name.as_str() {
                SELECTED | PENDING => 100,
                n if n.starts_with("nm-suggested-") => -100,
                _ => 0,
            };
            highlight.set_priority(priority as i32 + boost);
            registry.set(&name, &highlight);
        }
    }
}

fn static_range(container: &Element, text: &ArticleText, start: usize, end: usize) -> Option<AbstractRange> {
    let (start_node, start_offset) = dom_point(container, text, start)?;
    let (end_node, end_offset) = dom_point(container, text, end)?;
    let init = web_sys::StaticRangeInit::new(&end_node, end_offset, &start_node, start_offset);
    web_sys::StaticRange::new(&init).ok().map(JsCast::unchecked_into)
}

/// Paints boxes into `overlay` (positioned over the same box as `container`), for browsers
/// without the Highlight API.
pub fn paint_overlay(container: &Element, overlay: &Element, text: &ArticleText, paint: &Paint) {
    draw_boxes(container, overlay, text, &groups(paint), &[], "nm-box");
}

/// The attribute naming the range a box was drawn for: highlight name, start and end.
const BOX_RANGE: &str = "data-r";

/// Makes `overlay` hold a box of class `kind` plus the group's name for every client rect of
/// every range of every group not named in `skip`, and nothing else. Boxes already there for
/// the same range are kept, so an edit places only the boxes of the ranges it changed; whoever
/// moves the text (another article, a reflow) empties the overlay first. Suggestions lie
/// beneath spans: their boxes go first.
fn draw_boxes(
    container: &Element,
    overlay: &Element,
    text: &ArticleText,
    groups: &BTreeMap<String, Vec<(usize, usize)>>,
    skip: &[&str],
    kind: &str,
) {
    let Some(document) = overlay.owner_document() else { return };
    let wanted: Vec<(String, &String, (usize, usize))> = groups
        .iter()
        .filter(|(name, _)| !skip.contains(&name.as_str()))
        .flat_map(|(name, ranges)| ranges.iter().map(move |&(a, b)| (format!("{name} {a} {b}"), name, (a, b))))
        .collect();
    let boxes = overlay.children();
    let drawn: Vec<(Element, String)> = (0..boxes.length())
        .filter_map(|i| boxes.item(i))
        .map(|el| {
            let key = el.get_attribute(BOX_RANGE).unwrap_or_default();
            (el, key)
        })
        .collect();
    // Matching is quadratic, which is nothing for the few hundred ranges of a painting window;
    // past that (a short article with thousands of spans), everything is drawn afresh.
    let fresh = drawn.len().saturating_mul(wanted.len()) > 1_000_000;
    let mut stale = Vec::new();
    let mut present: Vec<&str> = Vec::new();
    for (el, k) in &drawn {
        if !fresh && wanted.iter().any(|(w, _, _)| w == k) {
            present.push(k);
        } else {
            stale.push(el);
        }
    }
    let missing: Vec<(&String, &String, (usize, usize))> =
        wanted.iter().filter(|(k, _, _)| !present.contains(&k.as_str())).map(|(k, name, r)| (k, *name, *r)).collect();
    // Every rect is read before anything is added or removed: a read after a write would lay
    // the page out again, once per range.
    let origin = if missing.is_empty() { None } else { Some(overlay.get_bounding_client_rect()) };
    let mut rects = Vec::new();
    for (k, name, (start, end)) in missing {
        let Some(list) = cp_to_range(container, text, start, end).and_then(|r| r.get_client_rects()) else { continue };
        rects.extend((0..list.length()).filter_map(|i| list.item(i)).map(|rect| (k, name, rect)));
    }
    for el in stale {
        el.remove();
    }
    let Some(origin) = origin else { return };
    let (beneath, above) = (document.create_document_fragment(), document.create_document_fragment());
    for (k, name, rect) in rects {
        let Ok(mark) = document.create_element("div") else { continue };
        mark.set_class_name(&format!("{kind} {name}"));
        let _ = mark.set_attribute(BOX_RANGE, k);
        let style = mark.unchecked_ref::<HtmlElement>().style();
        // Layout positions are multiples of 1/64 px: three decimals are within 0.001 px of them.
        let px = |v: f64| format!("{}px", fixed(v, 3));
        let _ = style.set_property("left", &px(rect.left() - origin.left()));
        let _ = style.set_property("top", &px(rect.top() - origin.top()));
        let _ = style.set_property("width", &px(rect.width()));
        let _ = style.set_property("height", &px(rect.height()));
        let _ = if name.starts_with("nm-suggested-") { &beneath } else { &above }.append_child(&mark);
    }
    let _ = overlay.insert_before(&beneath, overlay.first_child().as_ref());
    let _ = overlay.append_child(&above);
}

/// Removes everything painted by `paint_highlights`.
pub fn clear_highlights() {
    if highlight_api_supported() {
        web_sys::css::JsNamespaceCss::highlights().clear();
    }
}

/// Paints with the best method the browser has: backgrounds as highlights and underlines as
/// line boxes in `overlay`, or boxes for both.
pub fn paint(container: &Element, overlay: &Element, text: &ArticleText, paint: &Paint) {
    if highlight_api_supported() {
        let groups = groups(paint);
        // The selection and the pending range have a background only.
        draw_boxes(container, overlay, text, &groups, &[SELECTED, PENDING], "nm-line");
        paint_highlights(container, text, groups);
    } else {
        paint_overlay(container, overlay, text, paint);
    }
}
