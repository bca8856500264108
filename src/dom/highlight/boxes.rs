//! Boxes drawn behind the article's text, in an overlay beside its container: each label's line
//! under the ranges painted with the Highlight API, or, where that API is missing, a box with
//! background and line for every range.
//!
//! Owns: placing boxes from the ranges' client rects, and keeping the boxes of ranges that did
//! not change, so an edit places only its own. Must never: write into the article container, or
//! read the layout after its first write (a read after a write lays the page out again, once per
//! range).

use std::collections::{BTreeMap, HashSet};

use newsmark_core::decimal::fixed;
use newsmark_core::{ArticleText, CpRange};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{in_scope, split_key, Wanted};
use crate::dom::names;
use crate::dom::selection::cp_to_range;

/// The ranges to paint, by highlight name.
pub type Groups = BTreeMap<String, Vec<CpRange>>;

/// The attribute naming the range a box was drawn for, by its key (`super::key`).
const BOX_RANGE: &str = "data-r";

/// Makes `overlay` hold a box of class `kind` plus the group's name for every client rect of
/// every range of every group not named in `skip`, and, among boxes whose range meets `scope`
/// (all when `None`), nothing else. Boxes already there for the same range are kept; whoever
/// moves the text (another article, a reflow) empties the overlay first. Suggestions lie beneath
/// spans: their boxes go first. Returns how many boxes were added and removed.
pub fn draw(
    container: &Element,
    overlay: &Element,
    text: &ArticleText,
    wanted: &[Wanted],
    skip: &[&str],
    kind: &str,
    scope: Option<&[CpRange]>,
) -> usize {
    if scope.is_some_and(<[CpRange]>::is_empty) {
        // Nothing is in scope (only the selection changed, which has no line): the boxes are
        // not even read, which would cost a DOM call per box on every selection change.
        return 0;
    }
    let Some(document) = overlay.owner_document() else { return 0 };
    let wanted: Vec<&Wanted> = wanted.iter().filter(|(_, name, _)| !skip.contains(name)).collect();
    let boxes = overlay.children();
    let drawn: Vec<(Element, String)> = (0..boxes.length())
        .filter_map(|i| boxes.item(i))
        .map(|el| {
            let key = el.get_attribute(BOX_RANGE).unwrap_or_default();
            (el, key)
        })
        .filter(|(_, key)| split_key(key).is_none_or(|(name, r)| in_scope(scope, name, r)))
        .collect();
    let wanted_keys: HashSet<&str> = wanted.iter().map(|(k, _, _)| k.as_str()).collect();
    let mut stale = Vec::new();
    let mut present: HashSet<&str> = HashSet::new();
    for (el, k) in &drawn {
        // A range over several lines has a box per line, all with its key.
        if wanted_keys.contains(k.as_str()) {
            present.insert(k);
        } else {
            stale.push(el);
        }
    }
    let missing: Vec<&Wanted> = wanted.into_iter().filter(|(k, _, _)| !present.contains(k.as_str())).collect();
    // Every rect is read before anything is added or removed.
    let origin = if missing.is_empty() { None } else { Some(overlay.get_bounding_client_rect()) };
    let mut rects = Vec::new();
    for (k, name, r) in missing {
        let (k, name, r) = (k, *name, *r);
        let Some(list) = cp_to_range(container, text, r.start, r.end).and_then(|r| r.get_client_rects()) else { continue };
        rects.extend((0..list.length()).filter_map(|i| list.item(i)).map(|rect| (k, name, rect)));
    }
    let touched = stale.len() + rects.len();
    for el in stale {
        el.remove();
    }
    let Some(origin) = origin else { return touched };
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
        let _ = if names::is_suggested(name) { &beneath } else { &above }.append_child(&mark);
    }
    let _ = overlay.insert_before(&beneath, overlay.first_child().as_ref());
    let _ = overlay.append_child(&above);
    touched
}
