//! The article surface: one article's text on the page, with its spans, suggestions and
//! relations painted over it, as one object that owns its nodes, its listeners and its reads of
//! the layout. A component creates it in an empty host element and drives it with `update`;
//! what the person does in it comes back as `SurfaceEvent`s.
//!
//! Owns: the host's children (the overlay of line boxes, the text container that
//! `article_text` fills, the SVG of arrows), rendering a long article by slices, the selection,
//! click and caret-key listeners, scrolling and resizing, measuring the painted window, painting
//! (`highlight::Painter`) and drawing arrows, and bringing a span into view. Several surfaces can
//! live on one page: each paints only its own ranges and reports only selections in its own
//! text. Must never: let anything but `article_text` write inside the text container, or hold a
//! borrow of its state while it reports an event (the report may update it again).

mod view;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use newsmark_core::{ArticleText, CpRange};
use web_sys::{Document, Element, KeyboardEvent};

use super::selection;
use view::Inner;
pub use view::{Edited, SurfaceView};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// What the person did in a surface.
#[derive(Debug, Clone, PartialEq)]
pub enum SurfaceEvent {
    /// The page's selection in this article changed (`None`: it left the article).
    Select(Option<CpRange>),
    /// A click at a code point of the article.
    ClickAt(usize),
}

/// Where a surface's events go.
pub type OnEvent = Rc<dyn Fn(SurfaceEvent)>;

pub struct ArticleSurface {
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<EventListener>,
}

impl ArticleSurface {
    /// Builds the surface's nodes inside `host` (which must be empty and stay empty of anything
    /// else) and starts listening. The text comes with the first `update`.
    pub fn new(host: &Element, on_event: OnEvent) -> Option<ArticleSurface> {
        let document = host.owner_document()?;
        let overlay = element(&document, "div", &[("class", "overlay"), ("aria-hidden", "true")])?;
        let container = element(&document, "div", &[("class", "article-text"), ("role", "article"), ("tabindex", "0")])?;
        let svg = document.create_element_ns(Some(SVG_NS), "svg").ok()?;
        svg.set_attribute("class", "relations").ok()?;
        svg.set_attribute("aria-hidden", "true").ok()?;
        for child in [&overlay, &container, &svg] {
            host.append_child(child).ok()?;
        }
        let pane = container.closest(".reader").ok().flatten();
        let inner = Rc::new(RefCell::new(Inner::new(container.clone(), overlay, svg, pane.clone())));
        let mut listeners = vec![
            selection_listener(&document, Rc::downgrade(&inner), on_event.clone()),
            click_listener(&container, Rc::downgrade(&inner), on_event),
            caret_listener(&container, Rc::downgrade(&inner)),
            resize_listener(Rc::downgrade(&inner))?,
        ];
        if let Some(pane) = pane {
            listeners.push(scroll_listener(&pane, Rc::downgrade(&inner)));
        }
        Some(ArticleSurface { inner, _listeners: listeners })
    }

    /// Shows `view`: renders another article's text, brings the chosen span into view, and
    /// repaints what differs from the last view (`SurfaceView::edited` narrows a repaint to
    /// the ranges one edit changed).
    pub fn update(&self, view: SurfaceView) {
        Inner::update(&self.inner, view);
    }

    /// How many highlight ranges and line boxes the last paint added or removed.
    pub fn touched(&self) -> usize {
        self.inner.borrow().painter.touched()
    }

    /// The text container, for tests and for placing the keyboard focus.
    pub fn container(&self) -> Element {
        self.inner.borrow().container.clone()
    }
}

fn element(document: &Document, name: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let el = document.create_element(name).ok()?;
    for (key, value) in attrs {
        el.set_attribute(key, value).ok()?;
    }
    Some(el)
}

/// The container and text of a surface that is still there and has an article.
fn current(inner: &Weak<RefCell<Inner>>) -> Option<(Element, Rc<ArticleText>)> {
    let inner = inner.upgrade()?;
    let inner = inner.borrow();
    Some((inner.container.clone(), inner.text()?))
}

/// Reports the page's selection when it lies in this article, and once when it leaves it, so a
/// selection in another surface is never reported as this one's.
fn selection_listener(document: &Document, inner: Weak<RefCell<Inner>>, on_event: OnEvent) -> EventListener {
    EventListener::new(document, "selectionchange", move |_| {
        let Some((container, text)) = current(&inner) else { return };
        let range = selection::selected_cp(&container, &text);
        let Some(shared) = inner.upgrade() else { return };
        let changed = {
            let mut state = shared.borrow_mut();
            let report = range.is_some() || state.reported_selection.is_some();
            state.reported_selection = range;
            report
        };
        if changed {
            on_event(SurfaceEvent::Select(range));
        }
    })
}

fn click_listener(container: &Element, inner: Weak<RefCell<Inner>>, on_event: OnEvent) -> EventListener {
    EventListener::new(container, "click", move |_| {
        let Some((container, text)) = current(&inner) else { return };
        if let Some(cp) = selection::caret_cp(&container, &text) {
            on_event(SurfaceEvent::ClickAt(cp));
        }
    })
}

/// Caret keys move or extend the selection inside the article, where browsers offer no caret.
fn caret_listener(container: &Element, inner: Weak<RefCell<Inner>>) -> EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(container, "keydown", options, move |event| {
        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event) else { return };
        let Some((container, text)) = current(&inner) else { return };
        let by_word = e.ctrl_key() || e.alt_key();
        if selection::keyboard_select(&container, &text, &e.key(), e.shift_key(), by_word) {
            e.prevent_default();
        }
    })
}

/// A resize reflows the text: line boxes and arrows are placed again.
fn resize_listener(inner: Weak<RefCell<Inner>>) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "resize", move |_| {
        if let Some(inner) = inner.upgrade() {
            inner.borrow_mut().resized();
        }
    }))
}

/// Scrolling far enough paints the window around the new position.
fn scroll_listener(pane: &Element, inner: Weak<RefCell<Inner>>) -> EventListener {
    EventListener::new(pane, "scroll", move |_| {
        if let Some(inner) = inner.upgrade() {
            inner.borrow_mut().scrolled();
        }
    })
}
