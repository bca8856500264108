//! The toolbar: articles in and out, undo and redo, the label buttons, Suggest with the
//! analysis status, and the save indicator.

use newsmark_core::format::export_json;
use newsmark_core::{Action, Dialog, LabelSet, Notice, Persistence};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::status::SaveIndicator;
use super::use_dispatch;
use crate::app::open_files;
use crate::dom::selection::clear_selection;
use crate::effects::{download, files, now_iso};
use crate::store::Latest;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub has_article: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub can_tag: bool,
    pub snap_to_words: bool,
    /// The open article's analysis is running.
    pub analysing: bool,
    pub saved: bool,
    pub persistence: Persistence,
    pub latest: Latest,
    pub labels: LabelSet,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let dispatch = use_dispatch();
    let open_input = use_node_ref();
    let import_input = use_node_ref();

    let click = |input: NodeRef| Callback::from(move |_: MouseEvent| {
        if let Some(input) = input.cast::<HtmlInputElement>() {
            input.click();
        }
    });
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            open_files(dispatch.clone(), files::files_of(input.files()));
            // Clearing lets the same file be chosen again later.
            input.set_value("");
        })
    };
    let export = |whole: bool| {
        let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
        Callback::from(move |_: MouseEvent| {
            let store = latest.state();
            let state = &store.0;
            let (articles, stem) = if whole {
                (state.articles.iter().map(|a| a.as_ref()).collect::<Vec<_>>(), "workspace".to_string())
            } else {
                match state.open_article() {
                    Some(a) => (vec![a.as_ref()], download::file_stem(&a.title)),
                    None => return,
                }
            };
            if articles.is_empty() {
                return;
            }
            let json = export_json(&articles, &state.labels, &now_iso());
            let result = download::offer(&format!("newsmark-{stem}.json"), "application/json", &json);
            let count = articles.len();
            dispatch.dispatch(Action::Notify(match result {
                Ok(()) => Notice::info(format!("Exported {count} article{}.", if count == 1 { "" } else { "s" })),
                Err(why) => Notice::error(format!("The export could not be offered as a download: {why}")),
            }));
        })
    };
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    // Pressing a label button must not take the text selection away before the click lands.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let snap = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetSnapToWords(input.checked()));
        })
    };

    html! {
        <header class="toolbar" role="toolbar" aria-label="Tools">
            <span class="brand" aria-hidden="true">{ "newsmark" }</span>
            <div class="group">
                <button onclick={act(Action::OpenDialog(Dialog::NewArticle { title: String::new(), text: String::new(), error: None }))}>{ "New article" }</button>
                <button onclick={click(open_input.clone())}>{ "Open file" }</button>
                <input ref={open_input} type="file" class="hidden-input" accept=".txt,.md,.markdown,.text,text/plain,text/markdown" multiple=true onchange={on_files.clone()} tabindex="-1" aria-hidden="true" />
                <button onclick={click(import_input.clone())}>{ "Import JSON" }</button>
                <input ref={import_input} type="file" class="hidden-input" accept=".json,application/json" multiple=true onchange={on_files} tabindex="-1" aria-hidden="true" />
                <button onclick={export(false)} disabled={!props.has_article} title="Download the open article as labelled JSON">{ "Export JSON" }</button>
                <button onclick={export(true)} disabled={!props.has_article} title="Download every article as labelled JSON">{ "Export workspace" }</button>
            </div>
            <div class="group">
                <button onclick={act(Action::Undo)} disabled={!props.can_undo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button onclick={act(Action::Redo)} disabled={!props.can_redo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            </div>
            <div class="group labels" role="group" aria-label="Labels">
                { for props.labels.iter().map(|def| {
                    let label = def.label;
                    let name = props.labels.title(label);
                    let key = def.hotkey.map(|k| k.to_string());
                    let dispatch = dispatch.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        clear_selection();
                        dispatch.dispatch(Action::Tag(label));
                    });
                    html! {
                        <button
                            class={classes!("tag", format!("label-{}", label.css_key()))}
                            aria-label={name.clone()}
                            aria-keyshortcuts={key.clone()}
                            title={match &key { Some(k) => format!("{name} ({k}): {}", def.description), None => format!("{name}: {}", def.description) }}
                            disabled={!props.can_tag}
                            onmousedown={keep_selection.clone()}
                            {onclick}
                        >
                            if let Some(k) = key.clone() { <kbd aria-hidden="true">{ k }</kbd> }{ name.clone() }
                        </button>
                    }
                }) }
            </div>
            <div class="group suggest">
                <button onclick={act(Action::RequestSuggestions)} disabled={!props.has_article} aria-busy={props.analysing.then_some("true")}
                    title="Suggest quotes, claims, demands and opinions to accept or reject (the analysis runs in your browser)">{ "Suggest" }</button>
                // Always in the page, so that screen readers announce when it starts and ends.
                <span class="analysis" role="status" aria-label="Analysis status">
                    if props.analysing {
                        <progress aria-hidden="true"></progress>{ "Analysing…" }
                    }
                </span>
            </div>
            <div class="group">
                <label class="toggle"><input type="checkbox" checked={props.snap_to_words} onchange={snap} />{ "Snap to words" }</label>
                <button onclick={act(Action::OpenDialog(Dialog::Help))} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">{ "Help" }</button>
            </div>
            <SaveIndicator saved={props.saved} persistence={props.persistence.clone()} />
        </header>
    }
}
