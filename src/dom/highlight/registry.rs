//! The page's one CSS highlight registry, shared by every article surface on the page.
//!
//! Owns: creating each named `Highlight` once, with its painting order (`names::priority`), and
//! adding and removing single ranges in it, so a surface changes only the ranges it owns and two
//! surfaces never replace each other's. Must never: hold ranges of its own: every range belongs
//! to one `Painter`, which removes what it added.

use std::cell::Cell;

use web_sys::{AbstractRange, Highlight, HighlightRegistry};

use crate::dom::names;

thread_local! {
    /// Grows when every highlight is cleared at once, so painters know their ranges are gone.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Whether the browser has the CSS Custom Highlight API.
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .is_ok_and(|h| !h.is_undefined())
}

fn registry() -> HighlightRegistry {
    web_sys::css::JsNamespaceCss::highlights()
}

/// The number of times every highlight was cleared.
pub fn generation() -> u64 {
    GENERATION.with(Cell::get)
}

/// The highlight called `name`, registered with its priority the first time.
fn named(registry: &HighlightRegistry, name: &str) -> Option<Highlight> {
    if let Some(highlight) = registry.get(name) {
        return Some(highlight);
    }
    let highlight = Highlight::new(&[]).ok()?;
    highlight.set_priority(names::priority(name));
    registry.set(name, &highlight);
    Some(highlight)
}

/// Changes to the registry, one range at a time.
pub struct Edit {
    registry: HighlightRegistry,
}

impl Edit {
    pub fn new() -> Self {
        Edit { registry: registry() }
    }

    /// Makes sure a highlight called `name` is registered, even with no range yet, so the page
    /// always has every highlight of the workspace's labels.
    pub fn ensure(&self, name: &str) {
        named(&self.registry, name);
    }

    pub fn add(&self, name: &str, range: &AbstractRange) {
        if let Some(highlight) = named(&self.registry, name) {
            highlight.add(range);
        }
    }

    pub fn delete(&self, name: &str, range: &AbstractRange) {
        if let Some(highlight) = self.registry.get(name) {
            highlight.delete(range);
        }
    }

    /// Unregisters a custom label's highlight that no surface paints with any more: a removed
    /// label's would otherwise stay registered, unstyled, until the page is left.
    pub fn drop_if_unused(&self, name: &str) {
        if names::is_custom(name) && self.registry.get(name).is_some_and(|h| h.size() == 0) {
            self.registry.delete(name);
        }
    }
}

impl Default for Edit {
    fn default() -> Self {
        Edit::new()
    }
}

/// Removes every highlight from the page, whoever painted it.
pub fn clear() {
    if supported() {
        registry().clear();
        GENERATION.with(|g| g.set(g.get() + 1));
    }
}
