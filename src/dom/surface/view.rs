//! What a surface shows (`SurfaceView`) and how it gets from one view to the next (`Inner`):
//! which parts of the page to redo, in the order that lays the page out once.
//!
//! Owns: the decision between a full repaint (another article, another label set, a new
//! painted window, a resize) and a repaint of the ranges one edit changed; the painted window and
//! what it was measured for; the slices of a long article still to come. Must never: read the
//! layout after writing to the page within one update, except where a step says why.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use newsmark_core::shown::shown_name;
use newsmark_core::state::Linking;
use newsmark_core::{Article, ArticleSuggestions, ArticleText, CpRange, Label, RelationId, SpanId, SuggestionId};
use web_sys::Element;

use crate::dom::frame::next_frame;
use crate::dom::highlight::{Paint, Painter, Scope};
use crate::dom::relations::{self as arrows, Drawing};
use crate::dom::{article_text, selection};

/// The most ranges an edit may have changed for a repaint to look near each of them; past that
/// (Accept all on a long article), comparing the whole window once is cheaper.
const NEAR_LIMIT: usize = 32;

/// Everything a surface shows, as the app's state has it.
#[derive(Clone)]
pub struct SurfaceView {
    pub article: Rc<Article>,
    /// The workspace's labels, so that the highlights of every label are kept up to date.
    pub labels: Vec<Label>,
    pub selected: Option<SpanId>,
    /// The person's selection, not yet tagged.
    pub selection: Option<CpRange>,
    pub suggestions: Option<ArticleSuggestions>,
    pub selected_suggestion: Option<SuggestionId>,
    /// The relation drawn emphasised.
    pub selected_relation: Option<RelationId>,
    /// A relation being drawn: its ends are marked, and j / k move its end into view.
    pub linking: Option<Linking>,
    /// Changes when the selected span or suggestion should be brought into view again.
    pub reveal: u64,
    /// The last edit of the workspace, if known: a repaint after exactly one more edit looks
    /// only at the ranges it changed.
    pub edited: Option<Edited>,
}

/// One edit of the workspace: its number (one more for each edit applied) and the ranges it
/// changed in this surface's article (none when it changed another).
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub seq: u64,
    pub ranges: Vec<CpRange>,
}

pub(super) struct Inner {
    pub container: Element,
    overlay: Element,
    svg: Element,
    /// The element that scrolls the article, if any: the painted window follows it.
    pane: Option<Element>,
    view: Option<SurfaceView>,
    pub painter: Painter,
    /// The painted window (`None`: the whole text), and the text, scroll step and resize step
    /// it was measured for. Edits reuse it: measuring forces a layout, and an edit moves no text.
    window: Option<CpRange>,
    measured: Option<(*const ArticleText, u32, u32)>,
    scroll_step: u32,
    resize_step: u32,
    /// Set to stop putting in the slices of a text no longer shown.
    stop_slices: Rc<Cell<bool>>,
    /// The selection last reported, so that leaving the article is reported once.
    pub reported_selection: Option<CpRange>,
}

impl Inner {
    pub fn new(container: Element, overlay: Element, svg: Element, pane: Option<Element>) -> Self {
        Inner {
            container,
            overlay,
            svg,
            pane,
            view: None,
            painter: Painter::new(),
            window: None,
            measured: None,
            scroll_step: 0,
            resize_step: 0,
            stop_slices: Rc::new(Cell::new(false)),
            reported_selection: None,
        }
    }

    pub fn text(&self) -> Option<Rc<ArticleText>> {
        self.view.as_ref().map(|v| v.article.text.clone())
    }

    pub fn update(shared: &Rc<RefCell<Inner>>, view: SurfaceView) {
        let weak = Rc::downgrade(shared);
        let mut s = shared.borrow_mut();
        let prev = s.view.take();
        let new_text = prev.as_ref().is_none_or(|p| !Rc::ptr_eq(&p.article.text, &view.article.text));
        if new_text {
            s.start_text(weak, &view.article.text);
        }
        if prev.as_ref().is_none_or(|p| p.article.title != view.article.title) {
            let _ = s.container.set_attribute("aria-label", &shown_name(&view.article.title));
        }
        // Bringing a span into view comes first: its read of the layout is the first after the
        // render and pays for laying it out; the paint then reads before it writes.
        s.reveal(prev.as_ref(), &view, new_text);
        let moved = s.measure(&view.article.text);
        let near = now_ranges(&view);
        let scope = match &prev {
            _ if new_text || moved => Scope::All,
            Some(p) if p.labels != view.labels => Scope::All,
            Some(p) if !Rc::ptr_eq(&p.article, &view.article) || p.suggestions != view.suggestions => match (&p.edited, &view.edited) {
                (Some(before), Some(now)) if now.seq == before.seq + 1 && now.ranges.len() <= NEAR_LIMIT => Scope::Near(&near),
                _ => Scope::All,
            },
            _ => Scope::Near(&[]),
        };
        s.paint(&view, scope);
        let arrows_changed = prev.as_ref().is_none_or(|p| {
            !Rc::ptr_eq(&p.article, &view.article) || p.selected_relation != view.selected_relation || p.linking != view.linking
        });
        if new_text || moved || arrows_changed {
            s.draw_arrows(&view);
        }
        s.view = Some(view);
    }

    /// Puts a new text in: the first slice now, the rest a slice per frame.
    fn start_text(&mut self, weak: Weak<RefCell<Inner>>, text: &Rc<ArticleText>) {
        self.stop_slices.set(true);
        self.painter.forget();
        self.overlay.set_text_content(None);
        self.svg.set_text_content(None);
        self.window = None;
        self.measured = None;
        if !article_text::render_start(&self.container, text) {
            let stop = Rc::new(Cell::new(false));
            self.stop_slices = stop.clone();
            wasm_bindgen_futures::spawn_local(render_rest(weak, text.clone(), stop));
        }
    }

    /// Brings the chosen span or suggestion (or, while a relation is drawn, its end) into view
    /// when the choice changed, unless it is on screen; the same for a chosen relation.
    fn reveal(&self, prev: Option<&SurfaceView>, view: &SurfaceView, new_text: bool) {
        let target = |v: &SurfaceView| v.linking.as_ref().and_then(|l| l.target.clone());
        let key = |v: &SurfaceView| (v.selected.clone(), v.selected_suggestion, v.reveal, target(v));
        let text = &view.article.text;
        if new_text || prev.is_none_or(|p| key(p) != key(view)) {
            let shown = target(view).or_else(|| view.selected.clone());
            let span = shown.and_then(|id| view.article.spans.get(&id)).map(|s| s.start);
            let suggestion = view.selected_suggestion.and_then(|id| view.suggestions.as_ref()?.get(id)).map(|p| p.suggestion.start);
            if let Some(start) = span.or(suggestion) {
                if !self.in_view(text, start) {
                    selection::scroll_to(&self.container, text, start);
                }
            }
        }
        if new_text || prev.is_none_or(|p| p.selected_relation != view.selected_relation) {
            let article = &view.article;
            let ends = view.selected_relation.as_ref().and_then(|id| article.relations.get(id)).and_then(|r| {
                let start = |id| article.spans.get(id).map(|s| s.start);
                Some((start(&r.from)?, start(&r.to)?))
            });
            if let Some((from, to)) = ends {
                if !self.in_view(text, from) && !self.in_view(text, to) {
                    selection::scroll_to(&self.container, text, from);
                }
            }
        }
    }

    /// Measures the painted window again if the text, the scroll step or the size changed since
    /// it was measured. Returns whether it moved.
    fn measure(&mut self, text: &Rc<ArticleText>) -> bool {
        let key = (Rc::as_ptr(text), self.scroll_step, self.resize_step);
        if self.measured == Some(key) {
            return false;
        }
        let window = self.pane.as_ref().and_then(|pane| selection::visible_window(&self.container, pane, text));
        let first = self.measured.is_none();
        self.measured = Some(key);
        let moved = first || window != self.window;
        self.window = window;
        moved
    }

    fn paint(&mut self, view: &SurfaceView, scope: Scope) {
        let paint = Paint {
            spans: view.article.spans.as_slice(),
            labels: &view.labels,
            selected: view.selected.as_ref(),
            pending: view.selection,
            suggestions: view.suggestions.as_ref().map_or(&[], |s| s.as_slice()),
            selected_suggestion: view.selected_suggestion,
            window: self.window,
        };
        self.painter.paint(&self.container, &self.overlay, &view.article.text, &paint, scope);
    }

    fn draw_arrows(&self, view: &SurfaceView) {
        let article = &view.article;
        let drawing = Drawing {
            spans: article.spans.as_slice(),
            relations: article.relations.as_slice(),
            selected: view.selected_relation.as_ref(),
            linking: view.linking.as_ref(),
            window: self.window,
        };
        arrows::draw(&self.container, &self.svg, &article.text, &drawing);
    }

    /// Measures, paints and draws everything in the window again (after a scroll, a resize or a
    /// slice that reached the window).
    fn repaint_window(&mut self) {
        let Some(view) = self.view.take() else { return };
        self.measure(&view.article.text);
        self.paint(&view, Scope::All);
        self.draw_arrows(&view);
        self.view = Some(view);
    }

    /// The pane scrolled: a window that no longer covers the screen with room to spare is
    /// measured and painted anew.
    pub fn scrolled(&mut self) {
        let (Some(pane), Some(text)) = (self.pane.as_ref(), self.text()) else { return };
        let visible = selection::visible_window(&self.container, pane, &text);
        if !selection::window_still_good(self.window, visible) {
            self.scroll_step += 1;
            self.repaint_window();
        }
    }

    /// The window was resized: the text reflowed, so every line box and arrow is placed again.
    pub fn resized(&mut self) {
        self.resize_step += 1;
        self.overlay.set_text_content(None);
        self.repaint_window();
    }

    /// Whether code point `cp` is on screen within the article's scrolling pane.
    fn in_view(&self, text: &ArticleText, cp: usize) -> bool {
        let Some(range) = selection::cp_to_range(&self.container, text, cp, (cp + 1).min(text.len())) else { return true };
        let Some(pane) = &self.pane else { return true };
        let (rect, bounds) = (range.get_bounding_client_rect(), pane.get_bounding_client_rect());
        rect.top() >= bounds.top() && rect.bottom() <= bounds.bottom()
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.stop_slices.set(true);
    }
}

/// The ranges of the view's last edit.
fn now_ranges(view: &SurfaceView) -> Vec<CpRange> {
    view.edited.as_ref().map(|e| e.ranges.clone()).unwrap_or_default()
}

/// Puts the rest of a long article into the page, a slice per frame, until every block is in
/// or `stop` is set (the surface moved to another text or went). A window that ended where the
/// text in the page ended is measured and painted again once more text is in.
async fn render_rest(inner: Weak<RefCell<Inner>>, text: Rc<ArticleText>, stop: Rc<Cell<bool>>) {
    loop {
        next_frame().await;
        let Some(shared) = inner.upgrade().filter(|_| !stop.get()) else { return };
        let mut s = shared.borrow_mut();
        let before = article_text::rendered(&s.container).checked_sub(1).and_then(|i| text.blocks().get(i)).map_or(0, |b| b.end);
        let done = article_text::render_more(&s.container, &text);
        if s.window.is_some_and(|w| w.end >= before) {
            s.scroll_step += 1;
            s.repaint_window();
        }
        if done {
            return;
        }
    }
}
