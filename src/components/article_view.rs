//! The open article: its title, the banner shown while a relation is drawn, and an article
//! surface (`dom::surface`) that shows the text with its spans, suggestions and relations and
//! reports selections and clicks, which become actions here.
//!
//! Must never: render children into the surface's host element (the surface owns them), or do
//! DOM work itself.

use std::rc::Rc;

use newsmark_core::shown::shown_name;
use newsmark_core::state::Linking;
use newsmark_core::{Action, Article, ArticleSuggestions, CpRange, Label, RelationId, SpanId, SuggestionId};
use web_sys::Element;
use yew::prelude::*;

use super::use_dispatch;
use crate::dom::surface::{ArticleSurface, Edited, SurfaceEvent, SurfaceView};
use crate::words::shorten;

#[derive(Properties)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    pub selected: Option<SpanId>,
    pub selection: Option<CpRange>,
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
    /// The workspace's last edit, so the surface repaints only what it changed.
    #[prop_or_default]
    pub edited: Option<Edited>,
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
            // Only the edit's number: after an action that applied no change the state has no
            // last change, and its empty ranges must not re-render the article (a save, a dialog).
            && self.edited.as_ref().map(|e| e.seq) == other.edited.as_ref().map(|e| e.seq)
    }
}

impl ArticleViewProps {
    fn view(&self) -> SurfaceView {
        SurfaceView {
            article: self.article.clone(),
            labels: self.labels.clone(),
            selected: self.selected.clone(),
            selection: self.selection,
            suggestions: self.suggestions.clone(),
            selected_suggestion: self.selected_suggestion,
            selected_relation: self.selected_relation.clone(),
            linking: self.linking.clone(),
            reveal: self.reveal,
            edited: self.edited.clone(),
        }
    }
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let dispatch = use_dispatch();
    let host = use_node_ref();
    let surface = use_mut_ref(|| None::<ArticleSurface>);
    {
        let (host, surface, dispatch) = (host.clone(), surface.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let on_event = Rc::new(move |event| {
                dispatch.dispatch(match event {
                    SurfaceEvent::Select(range) => Action::Select(range),
                    SurfaceEvent::ClickAt(cp) => Action::ClickAt(cp),
                })
            });
            *surface.borrow_mut() = host.cast::<Element>().and_then(|el| ArticleSurface::new(&el, on_event));
            move || drop(surface.borrow_mut().take())
        });
    }
    {
        // Runs after every render, which happens only when the props changed.
        let (surface, view) = (surface.clone(), props.view());
        use_effect(move || {
            if let Some(surface) = surface.borrow().as_ref() {
                surface.update(view);
            }
        });
    }
    html! {
        <div class="article-frame">
            if let Some(linking) = &props.linking {
                { linking_banner(&props.article, linking, dispatch.clone()) }
            }
            <h1 class="article-title">{ shown_name(&props.article.title) }</h1>
            <div ref={host} class={classes!("article-body", props.linking.is_some().then_some("linking"))}></div>
        </div>
    }
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

/// A span's text shortened for the banner, its whitespace collapsed.
fn short(text: &str) -> String {
    shorten(&text.split_whitespace().collect::<Vec<_>>().join(" "), 40)
}
