//! The open article: its text, rendered once (a long one a slice per frame after the first),
//! with spans and pending suggestions painted over it and relations drawn as arrows beside it;
//! mouse and keyboard selection, clicks on spans and suggestions, and the mode in which a click
//! ends a relation being drawn.
//!
//! Must never: let Yew render children into the article container; `dom::article_text` owns
//! them, and annotating never changes them. The arrows live in an SVG next to the container.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use newsmark_core::state::Linking;
use newsmark_core::{Action, Article, ArticleSuggestions, ArticleText, CpRange, Label, RelationId, Relations, SpanId, Spans, SuggestionId};
use web_sys::Element;
use yew::prelude::*;

use super::use_dispatch;
use crate::dom::highlight::{self, Paint};
use crate::dom::relations::{self as arrows, Drawing};
use crate::dom::{article_text, selection};

#[derive(Properties)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    pub selected: Option<SpanId>,
    pub selection: Option<(usize, usize)>,
    pub suggestions: Option<ArticleSuggestions>,
    pub selected_suggestion: Option<SuggestionId>,
    /// Changes when the selected span or suggestion should be scrolled into view again.
    pub reveal: u64,
    /// The workspace's labels, so that the highlights of every label are kept up to date.
    pub labels: Vec<Label>,
    /// The relation drawn emphasised.
    #[prop_or_default]
    pub selected_relation: Option<RelationId>,
    /// A relation being drawn: the article shows the mode, and a click on a span ends it.
    #[prop_or_default]
    pub linking: Option<Linking>,
}

impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        // Suggestion lists compare by pointer first (their items are `Eq`), so this stays cheap.
        Rc::ptr_eq(&self.article, &other.article)
            && self.reveal == other.reveal
            && self.selected == other.selected
            && self.selection == other.selection
            && self.suggestions == other.suggestions
            && self.selected_suggestion == other.selected_suggestion
            && self.labels == other.labels
            && self.selected_relation == other.selected_relation
            && self.linking == other.linking
    }
}

/// An `Rc` compared by pointer, for effect dependencies that must not compare whole texts.
struct Same<T>(Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq)]
struct SpansKey(Spans);

/// The last painting window measured, and for which text, scroll step and size of the window.
/// Edits reuse it: measuring the blocks' boxes forces a layout of the whole page, and an edit
/// moves no text. Scrolling far enough or resizing gives a new key, so a new measurement. The
/// key holds the text itself, so another article's text can never pass for it.
#[derive(Default)]
struct MeasuredWindow {
    key: Option<WindowKey>,
    window: Option<(usize, usize)>,
}

/// The text, the scroll step and the resize step a window was measured for.
type WindowKey = (Same<ArticleText>, u32, u32);

impl MeasuredWindow {
    fn get(&mut self, key: WindowKey, measure: impl FnOnce() -> Option<(usize, usize)>) -> Option<(usize, usize)> {
        if self.key.as_ref() != Some(&key) {
            self.window = measure();
            self.key = Some(key);
        }
        self.window
    }
}

#[derive(Clone, PartialEq)]
struct RelationsKey(Relations);

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let dispatch = use_dispatch();
    let container = use_node_ref();
    let overlay = use_node_ref();
    let arrows_svg = use_node_ref();
    let text = props.article.text.clone();
    // Listeners outlive renders; they read the current text from here.
    let current_text = use_mut_ref(|| text.clone());
    *current_text.borrow_mut() = text.clone();

    // Only the part of the article near the screen is painted. Scrolling far enough bumps
    // `scrolled`, which repaints for the new position.
    let painted_window = use_mut_ref(|| None::<(usize, usize)>);
    let scrolled = use_mut_ref(|| 0u32);
    // Grows when the window is resized: the text reflows, so the arrows are drawn again.
    let resized = use_mut_ref(|| 0u32);
    let force_update = use_force_update();
    {
        let (container, painted_window, scrolled, force_update) =
            (container.clone(), painted_window.clone(), scrolled.clone(), force_update.clone());
        use_effect_with(Same(text.clone()), move |Same(text)| {
            let stop = Rc::new(Cell::new(false));
            if let Some(el) = container.cast::<Element>() {
                if !article_text::render_start(&el, text) {
                    // A window that ended where the text in the page ended is measured and
                    // painted again once more text is in.
                    let grown = move |before: usize| {
                        if painted_window.borrow().is_some_and(|(_, end)| end >= before) {
                            *scrolled.borrow_mut() += 1;
                            force_update.force_update();
                        }
                    };
                    wasm_bindgen_futures::spawn_local(render_rest(el, text.clone(), stop.clone(), grown));
                }
            }
            move || stop.set(true)
        });
    }
    let suggestions = props.suggestions.clone();
    let measured = use_mut_ref(MeasuredWindow::default);
    let window_key = (Same(text.clone()), *scrolled.borrow(), *resized.borrow());
    {
        // Bring a span or suggestion chosen from a list or by keyboard into view, unless it
        // already is. This comes before the paint below: its read of the layout is the first
        // after the render and pays for laying it out, and the paint's reads come before any
        // write, so the page is laid out once; after the paint, which adds boxes, it would be
        // laid out a second time.
        let container = container.clone();
        // While a relation is drawn, j / k move its end, which is what must come into view.
        let target = props.linking.as_ref().and_then(|l| l.target.clone());
        let deps = (props.selected.clone(), props.selected_suggestion, props.reveal, Same(text.clone()), target.clone());
        let shown = target.as_ref().or(props.selected.as_ref());
        let span = shown.and_then(|id| props.article.spans.get(id)).map(|s| s.start);
        let suggestion = props.selected_suggestion.and_then(|id| suggestions.as_ref()?.get(id)).map(|p| p.suggestion.start);
        let span = span.or(suggestion);
        use_effect_with(deps, move |(_, _, _, Same(text), _)| {
            if let (Some(start), Some(c)) = (span, container.cast::<Element>()) {
                if !in_view(&c, text, start) {
                    selection::scroll_to(&c, text, start);
                }
            }
        });
    }
    {
        // The boxes behind the text are placed in pixels for one text and one layout. They are
        // kept from one paint to the next (an edit places only its own), so another article or
        // a resize starts them afresh, before the paint below.
        let overlay = overlay.clone();
        use_effect_with((Same(text.clone()), *resized.borrow()), move |_| {
            if let Some(o) = overlay.cast::<Element>() {
                o.set_text_content(None);
            }
        });
    }
    {
        let (container, overlay, painted_window, measured, window_key) =
            (container.clone(), overlay.clone(), painted_window.clone(), measured.clone(), window_key.clone());
        let deps = (
            Same(text.clone()),
            SpansKey(props.article.spans.clone()),
            props.selected.clone(),
            props.selection,
            suggestions.clone(),
            props.selected_suggestion,
            *scrolled.borrow(),
            // The lines behind the text (and the fallback's boxes) are placed in pixels, so a
            // resize, which reflows the text, paints them again.
            *resized.borrow(),
            props.labels.clone(),
        );
        use_effect_with(deps, move |(Same(text), SpansKey(spans), selected, pending, suggestions, selected_suggestion, _, _, labels)| {
            if let (Some(c), Some(o)) = (container.cast::<Element>(), overlay.cast::<Element>()) {
                let window =
                    measured.borrow_mut().get(window_key, || reader_pane(&c).and_then(|pane| selection::visible_window(&c, &pane, text)));
                *painted_window.borrow_mut() = window;
                let paint = Paint {
                    spans: spans.as_slice(),
                    labels: labels.as_slice(),
                    selected: selected.as_ref(),
                    pending: *pending,
                    suggestions: suggestions.as_ref().map_or(&[], |s| s.as_slice()),
                    selected_suggestion: *selected_suggestion,
                    window,
                };
                highlight::paint(&c, &o, text, &paint);
            }
        });
    }
    {
        // Arrows for the relations, drawn on the same occasions as the highlights are painted
        // (and after the text was rendered, since this effect comes later), plus a resize.
        let (container, svg, measured, window_key) = (container.clone(), arrows_svg.clone(), measured.clone(), window_key.clone());
        let deps = (
            Same(text.clone()),
            SpansKey(props.article.spans.clone()),
            RelationsKey(props.article.relations.clone()),
            props.selected_relation.clone(),
            props.linking.clone(),
            *scrolled.borrow(),
            *resized.borrow(),
        );
        use_effect_with(deps, move |(Same(text), SpansKey(spans), RelationsKey(relations), selected, linking, _, _)| {
            if let (Some(c), Some(svg)) = (container.cast::<Element>(), svg.cast::<Element>()) {
                let window =
                    measured.borrow_mut().get(window_key, || reader_pane(&c).and_then(|pane| selection::visible_window(&c, &pane, text)));
                let drawing = Drawing {
                    spans: spans.as_slice(),
                    relations: relations.as_slice(),
                    selected: selected.as_ref(),
                    linking: linking.as_ref(),
                    window,
                };
                arrows::draw(&c, &svg, text, &drawing);
            }
        });
    }
    {
        let (resized, force_update) = (resized.clone(), force_update.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("window");
            let listener = EventListener::new(&window, "resize", move |_| {
                *resized.borrow_mut() += 1;
                force_update.force_update();
            });
            move || drop(listener)
        });
    }
    {
        let (container, current_text, painted_window, scrolled) =
            (container.clone(), current_text.clone(), painted_window.clone(), scrolled.clone());
        use_effect_with((), move |_| {
            let listener = container.cast::<Element>().and_then(|c| reader_pane(&c)).map(|pane| {
                let target = pane.clone();
                EventListener::new(&target, "scroll", move |_| {
                    let Some(c) = container.cast::<Element>() else { return };
                    let visible = selection::visible_window(&c, &pane, &current_text.borrow());
                    if !selection::window_still_good(*painted_window.borrow(), visible) {
                        *scrolled.borrow_mut() += 1;
                        force_update.force_update();
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        // A relation chosen in the side panel comes into view at its start, unless one of its
        // ends is on screen already (as when it was just drawn there).
        let container = container.clone();
        let ends = props.selected_relation.as_ref().and_then(|id| props.article.relations.get(id)).and_then(|r| {
            let start = |id| props.article.spans.get(id).map(|s| s.start);
            Some((start(&r.from)?, start(&r.to)?))
        });
        use_effect_with((props.selected_relation.clone(), Same(text.clone())), move |(_, Same(text))| {
            if let (Some((from, to)), Some(c)) = (ends, container.cast::<Element>()) {
                if !in_view(&c, text, from) && !in_view(&c, text, to) {
                    selection::scroll_to(&c, text, from);
                }
            }
        });
    }
    {
        let (container, dispatch, current_text) = (container.clone(), dispatch.clone(), current_text.clone());
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document()).expect("document");
            let listener = EventListener::new(&document, "selectionchange", move |_| {
                if let Some(c) = container.cast::<Element>() {
                    let range = selection::selected_cp(&c, &current_text.borrow());
                    dispatch.dispatch(Action::Select(range.map(CpRange::from)));
                }
            });
            move || drop(listener)
        });
    }
    let onclick = {
        let (container, dispatch, text) = (container.clone(), dispatch.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = container.cast::<Element>() {
                if let Some(cp) = selection::caret_cp(&c, &text) {
                    dispatch.dispatch(Action::ClickAt(cp));
                }
            }
        })
    };
    let onkeydown = {
        let (container, text) = (container.clone(), text.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(c) = container.cast::<Element>() else { return };
            let by_word = e.ctrl_key() || e.alt_key();
            if selection::keyboard_select(&c, &text, &e.key(), e.shift_key(), by_word) {
                e.prevent_default();
            }
        })
    };

    html! {
        <div class="article-frame">
            if let Some(linking) = &props.linking {
                { linking_banner(&props.article, linking, dispatch.clone()) }
            }
            <h1 class="article-title">{ &props.article.title }</h1>
            <div class={classes!("article-body", props.linking.is_some().then_some("linking"))}>
                <div ref={overlay} class="overlay" aria-hidden="true"></div>
                <div
                    ref={container}
                    class="article-text"
                    role="article"
                    aria-label={props.article.title.clone()}
                    tabindex="0"
                    {onclick}
                    {onkeydown}
                ></div>
                <svg ref={arrows_svg} class="relations" aria-hidden="true"></svg>
            </div>
        </div>
    }
}

/// Puts the rest of a long article into the page, a slice per frame, until every block is in
/// or `stop` is set (the view moved to another article). `grown` is told where the text in the
/// page ended before each slice.
async fn render_rest(container: Element, text: Rc<ArticleText>, stop: Rc<Cell<bool>>, grown: impl Fn(usize)) {
    loop {
        next_frame().await;
        if stop.get() {
            return;
        }
        let before = article_text::rendered(&container).checked_sub(1).and_then(|i| text.blocks().get(i)).map_or(0, |b| b.end);
        let done = article_text::render_more(&container, &text);
        grown(before);
        if done {
            return;
        }
    }
}

/// How long to wait for a frame at most: a hidden tab paints none.
const NO_FRAME_MS: i32 = 100;

/// Resumes in the next frame's animation callbacks, so what is added then is laid out and
/// painted in that frame; or after `NO_FRAME_MS` in a tab that paints no frames.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, NO_FRAME_MS);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What to do while a relation is being drawn, kept at the top of the reader while it scrolls.
/// One line, over the title rather than the text, so it never covers the span to click.
fn linking_banner(article: &Article, linking: &Linking, dispatch: crate::store::Dispatch) -> Html {
    let Some(from) = article.spans.get(&linking.from) else { return html! {} };
    // Custom labels' names live in the label set; "span" reads well for any of them.
    let what = from.label.builtin_id().unwrap_or("span");
    let message = match linking.target.as_ref().and_then(|id| article.spans.get(id)) {
        Some(target) => format!("Enter links to “{}” (j / k: another span) — Esc to cancel", short(article.span_text(target))),
        None => format!("Click the span this {what} points to (or j / k, then Enter) — Esc to cancel"),
    };
    let cancel = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CancelRelation));
    html! {
        <div class="linking-banner">
            <div class="linking-message" role="status" aria-label="Drawing a relation">
                <span class="linking-text" title={message.clone()}>{ message }</span>
                <button onclick={cancel} aria-keyshortcuts="Escape">{ "Cancel" }</button>
            </div>
        </div>
    }
}

/// A span's text shortened for the banner.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        text
    } else {
        format!("{}…", text.chars().take(MAX - 1).collect::<String>().trim_end())
    }
}

/// The pane that scrolls the article.
fn reader_pane(container: &Element) -> Option<Element> {
    container.closest(".reader").ok().flatten()
}

/// Whether code point `cp` is on screen within the article's scrolling pane.
fn in_view(container: &Element, text: &ArticleText, cp: usize) -> bool {
    let Some(range) = selection::cp_to_range(container, text, cp, (cp + 1).min(text.len())) else { return true };
    let rect = range.get_bounding_client_rect();
    let Some(pane) = reader_pane(container) else { return true };
    let bounds = pane.get_bounding_client_rect();
    rect.top() >= bounds.top() && rect.bottom() <= bounds.bottom()
}
