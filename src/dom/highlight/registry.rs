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

/// A batch of changes to the registry: each name is looked up once.
pub struct Edit {
    registry: HighlightRegistry,
    current: Option<(String, Highlight)>,
}

impl Edit {
    pub fn new() -> Self {
        Edit { registry: registry(), current: None }
    }

    fn highlight(&mut self, name: &str) -> Option<&Highlight> {
        if self.current.as_ref().is_none_or(|(n, _)| n != name) {
            self.current = named(&self.registry, name).map(|h| (name.to_string(), h));
        }
        self.current.as_ref().map(|(_, h)| h)
    }

    /// Makes sure a highlight called `name` is registered, even with no range yet, so the page
    /// always has every highlight of the workspace's labels.
    pub fn ensure(&mut self, name: &str) {
        self.highlight(name);
    }

    pub fn add(&mut self, name: &str, range: &AbstractRange) {
        if let Some(highlight) = self.highlight(name) {
            highlight.add(range);
        }
    }

    pub fn delete(&mut self, name: &str, range: &AbstractRange) {
        if let Some(highlight) = self.highlight(name) {
            highlight.delete(range);
        }
    }

    /// Unregisters a custom label's highlight that no surface paints with any more: a removed
    /// label's would otherwise stay registered, unstyled, until the page is left.
    pub fn drop_if_unused(&mut self, name: &str) {
        if names::is_custom(name) && self.registry.get(name).is_some_and(|h| h.size() == 0) {
            self.registry.delete(name);
            self.current = None;
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
