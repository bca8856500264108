//! Paints spans over the article's text without touching its DOM.
//!
//! Owns: how spans become visible: with the CSS Custom Highlight API (one `Highlight` per label
//! and nesting level, plus the selected span and the pending selection), or, where that API is
//! missing, with boxes drawn behind the text from the ranges' client rects.
//! Must never: insert anything into the article container or change its text nodes.

use std::collections::BTreeMap;

use newsmark_core::span::nesting_levels;
use newsmark_core::{ArticleText, Label, Span, SpanId};
use wasm_bindgen::JsCast;
use web_sys::{AbstractRange, Element, HtmlElement};

use super::selection::{cp_to_range, dom_point};

/// Nesting levels painted apart per label; deeper spans share the last level.
pub const LEVELS: usize = 3;
pub const SELECTED: &str = "nm-selected";
pub const PENDING: &str = "nm-pending";

/// The highlight name of spans of `label` at nesting `level`.
pub fn highlight_name(label: Label, level: usize) -> String {
    format!("nm-{}-{}", label.id(), level.min(LEVELS - 1))
}

/// What to paint.
pub struct Paint<'a> {
    pub spans: &'a [Span],
    pub selected: Option<&'a SpanId>,
    pub pending: Option<(usize, usize)>,
}

pub fn highlight_api_supported() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .is_ok_and(|h| !h.is_undefined())
}

/// Groups the ranges to paint by highlight name.
fn groups<'a>(paint: &Paint<'a>) -> BTreeMap<String, Vec<(usize, usize)>> {
    let mut by_name: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for label in Label::ALL {
        for level in 0..LEVELS {
            by_name.insert(highlight_name(label, level), Vec::new());
        }
    }
    for (span, level) in paint.spans.iter().zip(nesting_levels(paint.spans)) {
        by_name.entry(highlight_name(span.label, level)).or_default().push((span.start, span.end));
    }
    let selected = paint.selected.and_then(|id| paint.spans.iter().find(|s| &s.id == id));
    by_name.insert(SELECTED.into(), selected.map(|s| (s.start, s.end)).into_iter().collect());
    by_name.insert(PENDING.into(), paint.pending.into_iter().collect());
    by_name
}

/// Paints with the Highlight API, replacing everything painted before.
pub fn paint_highlights(container: &Element, text: &ArticleText, paint: &Paint) {
    let registry = web_sys::css::JsNamespaceCss::highlights();
    for (priority, (name, ranges)) in groups(paint).into_iter().enumerate() {
        let ranges: Vec<AbstractRange> = ranges.into_iter().filter_map(|(a, b)| static_range(container, text, a, b)).collect();
        if let Ok(highlight) = web_sys::Highlight::new(&ranges) {
            let boost = if name == SELECTED || name == PENDING { 100 } else { 0 };
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
    overlay.set_text_content(None);
    let Some(document) = overlay.owner_document() else { return };
    let origin = overlay.get_bounding_client_rect();
    for (name, ranges) in groups(paint) {
        for (start, end) in ranges {
            let Some(range) = cp_to_range(container, text, start, end) else { continue };
            let Some(rects) = range.get_client_rects() else { continue };
            for i in 0..rects.length() {
                let Some(rect) = rects.item(i) else { continue };
                let Ok(mark) = document.create_element("div") else { continue };
                mark.set_class_name(&format!("nm-box {name}"));
                let style = mark.unchecked_ref::<HtmlElement>().style();
                let _ = style.set_property("left", &format!("{}px", rect.left() - origin.left()));
                let _ = style.set_property("top", &format!("{}px", rect.top() - origin.top()));
                let _ = style.set_property("width", &format!("{}px", rect.width()));
                let _ = style.set_property("height", &format!("{}px", rect.height()));
                let _ = overlay.append_child(&mark);
            }
        }
    }
}

/// Removes everything painted by `paint_highlights`.
pub fn clear_highlights() {
    if highlight_api_supported() {
        web_sys::css::JsNamespaceCss::highlights().clear();
    }
}

/// Paints with the best method the browser has.
pub fn paint(container: &Element, overlay: &Element, text: &ArticleText, paint: &Paint) {
    if highlight_api_supported() {
        paint_highlights(container, text, paint);
    } else {
        paint_overlay(container, overlay, text, paint);
    }
}
