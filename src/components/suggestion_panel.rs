//! The open article's pending suggestions: each with its label, text, attributes, confidence
//! and reason and its own Accept and Reject buttons; Accept all and Reject all, for every label
//! and per label.
//!
//! Must never: change a span itself; every button sends an action and the reducer decides.

use std::rc::Rc;

use newsmark_core::{Action, Article, ArticleSuggestions, Label, LabelSet, Pending, SuggestionId};
use yew::prelude::*;

use super::use_dispatch;
use crate::words;

/// Entries rendered at first; more on request. Each entry is a dozen elements, and styling and
/// laying out 200 of them at once took over 50 ms when a long article's suggestions arrived.
const PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct SuggestionPanelProps {
    pub article: Rc<Article>,
    pub suggestions: ArticleSuggestions,
    pub selected: Option<SuggestionId>,
    pub labels: LabelSet,
}

#[function_component(SuggestionPanel)]
pub fn suggestion_panel(props: &SuggestionPanelProps) -> Html {
    let dispatch = use_dispatch();
    let shown_count = use_state(|| PAGE);
    let list = use_node_ref();
    {
        // Keep the selected entry in view when n / p or a click in the text selects it.
        let list = list.clone();
        use_effect_with(props.selected, move |selected| {
            let entry =
                selected.and_then(|id| list.cast::<web_sys::Element>()?.query_selector(&format!("[data-suggestion=\"{}\"]", id.0)).ok()?);
            if let Some(entry) = entry {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                entry.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let items = props.suggestions.as_slice();
    if items.is_empty() {
        return html! {};
    }
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let count = |label: Label| items.iter().filter(|p| p.suggestion.label == label).count();
    // The selected entry is always rendered, even beyond the first page.
    let limit = match props.selected.and_then(|id| items.iter().position(|p| p.id == id)) {
        Some(at) => (*shown_count).max(at + 1),
        None => *shown_count,
    };
    let more = {
        let shown_count = shown_count.clone();
        Callback::from(move |_: MouseEvent| shown_count.set(*shown_count + PAGE))
    };

    html! {
        <section class="suggestions" aria-label="Suggestions">
            <h2>{ format!("Suggestions ({})", items.len()) }</h2>
            <div class="bulk">
                <button onclick={act(Action::AcceptAll(None))} aria-keyshortcuts="Shift+A" title="Accept every suggestion (Shift+A)">{ "Accept all" }</button>
                <button onclick={act(Action::RejectAll(None))} title="Reject every suggestion">{ "Reject all" }</button>
            </div>
            <ul class="per-label" aria-label="Suggestions per label">
                { for props.labels.labels().filter(|&l| count(l) > 0).map(|label| html! {
                    <li key={label.css_key()} class={format!("label-{}", label.css_key())}>
                        <span class="swatch" aria-hidden="true"></span>
                        <span class="name">{ props.labels.title(label) }</span>
                        <span class="count">{ count(label) }</span>
                        <button onclick={act(Action::AcceptAll(Some(label)))} aria-label={format!("Accept all {} suggestions", props.labels.title(label))}>{ "Accept all" }</button>
                        <button onclick={act(Action::RejectAll(Some(label)))} aria-label={format!("Reject all {} suggestions", props.labels.title(label))}>{ "Reject all" }</button>
                    </li>
                }) }
            </ul>
            <ol class="suggestion-list" aria-label="Suggestions in text order" ref={list}>
                { for items.iter().take(limit).map(|p| entry(&props.article, &props.labels, p, props.selected == Some(p.id), &act)) }
            </ol>
            if items.len() > limit {
                <button class="more" onclick={more}>{ format!("Show more ({} not shown)", items.len() - limit) }</button>
            }
        </section>
    }
}

fn entry(article: &Article, labels: &LabelSet, p: &Pending, current: bool, act: &impl Fn(Action) -> Callback<MouseEvent>) -> Html {
    let s = &p.suggestion;
    let attrs: Vec<String> = s.attributes.shown_for(s.label).map(|(k, v)| format!("{}: {}", words::attribute(k), v)).collect();
    let confidence = format!("{}%", (u32::from(s.provenance.confidence.permille()) + 5) / 10);
    html! {
        <li key={p.id.0.to_string()} data-suggestion={p.id.0.to_string()}
            class={classes!("suggestion", format!("label-{}", s.label.css_key()), current.then_some("current"))}>
            <button class="pick" aria-current={current.then_some("true")} onclick={act(Action::SelectSuggestion(Some(p.id)))}>
                <span class="label-name">{ format!("{}:", labels.title(s.label)) }</span>
                { " " }
                <span class="span-text">{ words::excerpt(article.text.slice(s.start, s.end)) }</span>
                if !attrs.is_empty() {
                    <span class="attrs">{ attrs.join(" · ") }</span>
                }
                <span class="why">
                    <span class="confidence" title="How confident the analysis is">{ confidence }</span>
                    { " · " }
                    <span class="reason">{ &*s.provenance.reason }</span>
                </span>
            </button>
            <div class="decide">
                <button class="accept" onclick={act(Action::AcceptSuggestion(p.id))} aria-keyshortcuts="a" title="Accept: make it a span (a)">{ "Accept" }</button>
                <button class="reject" onclick={act(Action::RejectSuggestion(p.id))} aria-keyshortcuts="r x" title="Reject (r)">{ "Reject" }</button>
            </div>
        </li>
    }
}
