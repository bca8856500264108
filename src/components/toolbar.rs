//! The toolbar: articles in (open, import with its progress) and out (export in any format, the
//! workspace as a zip), undo and redo, the label buttons and the label editor, Suggest with the
//! analysis status, and the save indicator.
//!
//! Owns: the export menu's open/closed state and its draft choices. Must never: read or write a
//! format itself (newsmark-core writes labelled JSON; the formats worker, `effects::formats`,
//! every other format and the zips), hold the import's progress (the app shell does), or guard a
//! command itself (a button is enabled and acts as `commands::action_for` says).

use newsmark_core::commands::{action_for, Command};
use newsmark_core::format::export_json;
use newsmark_core::{Action, Article, LabelSet, Message, Notice, Persistence};
// Only the formats' names and titles, for the menu: reading and writing them is the worker's.
use newsmark_formats::Format;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::status::SaveIndicator;
use super::use_dispatch;
use crate::dom::selection::clear_selection;
use crate::effects::files::{self, Progress};
use crate::effects::{download, file_kinds, formats, now_iso};
use crate::store::{Dispatch, Latest};
use crate::workers::formats::{Answer, Articles, Request, Written};

/// Which of the toolbar's commands are available now, from `commands::action_for` (and
/// `commands::can_export`), so that the toolbar re-renders only when one of them changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Available {
    pub undo: bool,
    pub redo: bool,
    /// Tagging with any label (they share one guard).
    pub tag: bool,
    pub suggest: bool,
    pub export: bool,
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub available: Available,
    pub snap_to_words: bool,
    /// The open article's analysis is running.
    pub analysing: bool,
    pub saved: bool,
    pub persistence: Persistence,
    /// Whether the browser keeps the workspace under storage pressure (`None`: not known).
    pub kept: Option<bool>,
    pub latest: Latest,
    pub labels: LabelSet,
    /// How far reading an import's files has come, while it runs.
    pub importing: Option<Progress>,
    pub on_importing: UseStateSetter<Option<Progress>>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let dispatch = use_dispatch();
    let open_input = use_node_ref();
    let import_input = use_node_ref();

    let click = |input: NodeRef| {
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_files = {
        let (dispatch, progress) = (dispatch.clone(), props.on_importing.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            files::open(dispatch.clone(), files::files_of(input.files()), progress.clone());
            // Clearing lets the same file be chosen again later.
            input.set_value("");
        })
    };
    let cancel_import = {
        let (dispatch, progress) = (dispatch.clone(), props.on_importing.clone());
        Callback::from(move |_: MouseEvent| files::cancel_imports(&dispatch, &progress))
    };
    let export_json_open = {
        let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
        Callback::from(move |_: MouseEvent| {
            let store = latest.state();
            let state = &store.0;
            let Some(article) = state.open_article() else { return };
            let json = export_json(&[article.as_ref()], &state.document.labels, &now_iso());
            let result = download::offer(&format!("newsmark-{}.json", download::file_stem(&article.title)), "application/json", &json);
            dispatch.dispatch(Action::Notify(exported(result.map(|()| 1))));
        })
    };
    let export_zip = {
        let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
        Callback::from(move |_: MouseEvent| {
            let store = latest.state();
            let state = &store.0;
            let articles: Vec<&Article> = state.document.articles.iter().map(|a| a.as_ref()).collect();
            if articles.is_empty() {
                return;
            }
            let request = Request::Workspace { articles: Articles::new(&articles, &state.document.labels), exported_at: now_iso() };
            offer_written(dispatch.clone(), request, "newsmark-workspace".into(), "newsmark-workspace.zip".into(), articles.len());
        })
    };
    let act = |command: Command| {
        let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
        Callback::from(move |_: MouseEvent| perform(command, &dispatch, &latest))
    };
    // Pressing a label button must not take the text selection away before the click lands.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let snap = {
        let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            perform(Command::SnapToWords(input.checked()), &dispatch, &latest);
        })
    };
    let available = props.available;

    html! {
        <header class="toolbar" role="toolbar" aria-label="Tools">
            <span class="brand" aria-hidden="true">{ "newsmark" }</span>
            <div class="group">
                <button onclick={act(Command::NewArticle)}>{ "New article" }</button>
                <button onclick={click(open_input.clone())}>{ "Open file" }</button>
                <input ref={open_input} type="file" class="hidden-input" accept={file_kinds::ARTICLE_ACCEPT} multiple=true onchange={on_files.clone()} tabindex="-1" aria-hidden="true" />
                <button onclick={click(import_input.clone())}
                    title="Import annotated files: newsmark JSON, brat (.txt with .ann), doccano or spaCy JSON Lines, Label Studio JSON, W3C Web Annotation, or a .zip of them">{ "Import" }</button>
                <input ref={import_input} type="file" class="hidden-input" accept={file_kinds::IMPORT_ACCEPT} multiple=true onchange={on_files} tabindex="-1" aria-hidden="true" />
                // Always in the page, so that screen readers announce when reading starts and ends.
                <span class="import-status" role="status" aria-label="Import status">
                    if let Some(p) = props.importing {
                        <progress max={p.total.to_string()} value={p.done.to_string()} aria-label="Files read"></progress>
                        { format!("Reading {} of {} files…", p.done, p.total) }
                    }
                </span>
                if props.importing.is_some() {
                    <button onclick={cancel_import}>{ "Cancel import" }</button>
                }
                <button onclick={export_json_open} disabled={!available.export} title="Download the open article as newsmark labelled JSON">{ "Export JSON" }</button>
                <ExportMenu available={available.export} latest={props.latest.clone()} />
                <button onclick={export_zip} disabled={!available.export}
                    title="Download every article in every format as one zip: newsmark JSON, a brat folder, and one file per other format">{ "Export workspace (zip)" }</button>
            </div>
            <div class="group">
                <button onclick={act(Command::Undo)} disabled={!available.undo} aria-keyshortcuts="Control+Z Meta+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
                <button onclick={act(Command::Redo)} disabled={!available.redo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">{ "Redo" }</button>
            </div>
            <div class="group labels" role="group" aria-label="Labels">
                { for props.labels.iter().map(|def| {
                    let label = def.label;
                    let name = props.labels.title(label);
                    let key = def.hotkey.map(|k| k.to_string());
                    let (dispatch, latest) = (dispatch.clone(), props.latest.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        clear_selection();
                        perform(Command::Tag(label), &dispatch, &latest);
                    });
                    html! {
                        <button
                            class={classes!("tag", format!("label-{}", label.css_key()))}
                            aria-label={name.clone()}
                            aria-keyshortcuts={key.clone()}
                            title={match &key { Some(k) => format!("{name} ({k}): {}", def.description), None => format!("{name}: {}", def.description) }}
                            disabled={!available.tag}
                            onmousedown={keep_selection.clone()}
                            {onclick}
                        >
                            if let Some(k) = key.clone() { <kbd aria-hidden="true">{ k }</kbd> }{ name.clone() }
                        </button>
                    }
                }) }
                <button class="edit-labels" onclick={act(Command::EditLabels)}
                    title="Add labels, or change their colours, keys and descriptions">{ "Labels" }</button>
            </div>
            <div class="group suggest">
                <button onclick={act(Command::Suggest)} disabled={!available.suggest} aria-busy={props.analysing.then_some("true")}
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
                <button onclick={act(Command::Help)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">{ "Help" }</button>
            </div>
            <SaveIndicator saved={props.saved} kept={props.kept} persistence={props.persistence.clone()} />
        </header>
    }
}

/// Gives a button's command: the command table decides, with the newest state, what it does.
fn perform(command: Command, dispatch: &Dispatch, latest: &Latest) {
    let action = action_for(command, &latest.state().0);
    if let Some(action) = action {
        dispatch.dispatch(action);
    }
}

/// The files the formats worker wrote, or why it could not.
fn written(answer: Answer) -> Result<Written, String> {
    match answer {
        Answer::Written(result) => result,
        Answer::Read(_) => Err("the formats worker answered something else".into()),
        Answer::Failed(why) => Err(why),
    }
}

/// Offers what the formats worker wrote, then says how it went.
fn offer_written(dispatch: Dispatch, request: Request, single: String, zip: String, count: usize) {
    formats::call(request, move |answer| {
        let result = written(answer).and_then(|w| download::offer_files(&single, &zip, &w));
        dispatch.dispatch(Action::Notify(exported(result.map(|_| count))));
    });
}

/// The notice after an export: how many articles, or why the download could not be offered.
pub(crate) fn exported(result: Result<usize, String>) -> Notice {
    match result {
        Ok(count) => Notice::info(Message::Exported { count }),
        Err(why) => Notice::error(Message::ExportFailed { why }),
    }
}

#[derive(Properties, PartialEq)]
struct ExportMenuProps {
    /// Whether exporting is available now (`commands::can_export`).
    available: bool,
    latest: Latest,
}

/// "Export…": a small panel to choose a format and which articles, then download them. The
/// choices are kept while the page is open, so a second export of the same kind is one click.
#[function_component(ExportMenu)]
fn export_menu(props: &ExportMenuProps) -> Html {
    let dispatch = use_dispatch();
    let open = use_state(|| false);
    let format = use_state(|| Format::Newsmark);
    let every = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // The menu is not a dialog: Escape closes it without deselecting anything.
                e.stop_propagation();
                open.set(false);
            }
        })
    };
    let choose_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(f) = Format::from_name(&value) {
                format.set(f);
            }
        })
    };
    let scope = |value: bool| {
        let every = every.clone();
        Callback::from(move |_: Event| every.set(value))
    };
    let download = {
        let (open, latest, format, every) = (open.clone(), props.latest.clone(), *format, *every);
        Callback::from(move |_: MouseEvent| {
            let store = latest.state();
            let state = &store.0;
            let (articles, stem): (Vec<&Article>, String) = if every {
                (state.document.articles.iter().map(|a| a.as_ref()).collect(), "workspace".into())
            } else {
                match state.open_article() {
                    Some(a) => (vec![a.as_ref()], download::file_stem(&a.title)),
                    None => return,
                }
            };
            if articles.is_empty() {
                return;
            }
            let now = now_iso();
            open.set(false);
            if format == Format::Newsmark {
                // newsmark's own format keeps the name "Export JSON" gives it, and needs no worker.
                let json = export_json(&articles, &state.document.labels, &now);
                let result = download::offer(&format!("newsmark-{stem}.json"), "application/json", &json);
                dispatch.dispatch(Action::Notify(exported(result.map(|()| articles.len()))));
                return;
            }
            let single = format!("newsmark-{stem}-{}", format.name());
            let zip = format!("newsmark-{stem}-{}.zip", format.name());
            let request = Request::Write {
                format: format.name().to_string(),
                articles: Articles::new(&articles, &state.document.labels),
                exported_at: now,
            };
            offer_written(dispatch.clone(), request, single, zip, articles.len());
        })
    };
    html! {
        <div class="menu-anchor" {onkeydown}>
            <button onclick={toggle} disabled={!props.available} aria-expanded={open.to_string()} aria-controls="export-menu"
                title="Download in another tool's format">{ "Export…" }</button>
            if *open {
                <div id="export-menu" class="popover" role="group" aria-label="Export">
                    <div class="field">
                        <label for="export-format">{ "Format" }</label>
                        <select id="export-format" onchange={choose_format}>
                            { for Format::ALL.iter().map(|f| html! {
                                <option value={f.name()} selected={*f == *format}>
                                    { format!("{}{}", f.title(), if *f == Format::Brat { " (zip)" } else { "" }) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <fieldset class="scope">
                        <legend>{ "Articles" }</legend>
                        <label><input type="radio" name="export-scope" checked={!*every} onchange={scope(false)} />{ "The open article" }</label>
                        <label><input type="radio" name="export-scope" checked={*every} onchange={scope(true)} />{ "Every article" }</label>
                    </fieldset>
                    <div class="actions">
                        <button onclick={close}>{ "Cancel" }</button>
                        <button class="primary" onclick={download}>{ "Download" }</button>
                    </div>
                </div>
            }
        </div>
    }
}
