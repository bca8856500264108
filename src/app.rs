//! The app shell: owns the one state (through `use_reducer`), runs the app-wide effects
//! (storage, the analysis worker, global keys, paste, file drops) and lays out the components.
//!
//! Must never: compute anything the core can; it wires events to actions and actions to effects.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use newsmark_core::commands::{action_for, can_export, Command};
use newsmark_core::keymap::{command, KeyPress};
use newsmark_core::{Action, Dialog, Persistence};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{
    article_list::ArticleList,
    article_view::ArticleView,
    dialogs::Dialogs,
    side_panel::SidePanel,
    status::NoticeBar,
    storage_notice::StorageNotice,
    toolbar::{Available, Toolbar},
};
use crate::dom::selection::clear_selection;
use crate::dom::surface::Edited;
use crate::dom::{label_styles, panic_banner};
use crate::effects::analysis;
use crate::effects::{files, paste, storage};
use crate::store::{Dispatch, Latest, Store};

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(Store::default);
    let dispatch = store.dispatcher();
    // Event listeners live for the app's lifetime but must see the newest state.
    let latest = use_mut_ref(|| store.clone());
    *latest.borrow_mut() = store.clone();

    let storage_facts = storage::use_storage(&store, latest.clone(), dispatch.clone());
    {
        // Suggest asked for an analysis: send the article's text to the worker, once per job.
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        use_effect_with(store.0.jobs.analysing.clone(), move |analysing| {
            let state = &latest.borrow().0;
            if let Some((job, article)) = analysing.as_ref().and_then(|a| Some((a, state.article(&a.article)?))) {
                analysis::start(job, article.text.as_str(), &dispatch);
            }
        });
    }
    // The labels' colours live in a stylesheet generated from the label set.
    use_effect_with(store.0.document.labels.clone(), label_styles::apply);
    // How far an import's files have been read, for the toolbar's progress bar.
    let importing = use_state_eq(|| None::<files::Progress>);
    use_global_listeners(dispatch.clone(), latest.clone(), importing.setter());

    let state = &store.0;
    let (document, view) = (&state.document, &state.view);
    let available = |command: Command| action_for(command, state).is_some();
    let toolbar = Available {
        undo: available(Command::Undo),
        redo: available(Command::Redo),
        tag: document.labels.labels().any(|label| available(Command::Tag(label))),
        suggest: available(Command::Suggest),
        export: can_export(state),
    };
    html! {
        <ContextProvider<Dispatch> context={dispatch.clone()}>
            <div class="app">
                <Toolbar
                    available={toolbar}
                    snap_to_words={view.snap_to_words}
                    analysing={state.analysing_open()}
                    saved={state.is_saved()}
                    kept={storage_facts.kept}
                    persistence={state.persistence.clone()}
                    labels={document.labels.clone()}
                    latest={Latest(latest.clone())}
                    importing={*importing}
                    on_importing={importing.setter()}
                />
                <StorageNotice persistence={state.persistence.clone()} facts={storage_facts.clone()} latest={Latest(latest.clone())} />
                <div class="panes">
                    <ArticleList articles={document.articles.clone()} open={view.open.clone()} />
                    <main class="reader">
                        {
                            match state.open_article() {
                                Some(article) => html! {
                                    <ArticleView
                                        article={article.clone()}
                                        selected={view.selected_span.clone()}
                                        selection={view.selection}
                                        reveal={view.reveal}
                                        suggestions={state.suggestions_of(article).cloned()}
                                        selected_suggestion={view.selected_suggestion}
                                        labels={document.labels.labels().collect::<Vec<_>>()}
                                        selected_relation={view.selected_relation.clone()}
                                        linking={view.linking.clone()}
                                        edited={Edited {
                                            seq: state.changes_applied(),
                                            ranges: state.last_change().map(|c| c.ranges_in(&article.id)).unwrap_or_default(),
                                        }}
                                    />
                                },
                                None if matches!(state.persistence, Persistence::Loading) => html! { <p class="empty">{ "Loading your workspace…" }</p> },
                                None => html! {
                                    <div class="empty">
                                        <p>{ "No article is open. Paste an article anywhere on this page, drop .txt or .md files here, or use New article or Open file." }</p>
                                    </div>
                                },
                            }
                        }
                    </main>
                    <SidePanel
                        article={state.open_article().cloned()}
                        selected={view.selected_span.clone()}
                        hidden={view.hidden_labels.clone()}
                        suggestions={state.open_article().and_then(|a| state.suggestions_of(a)).cloned()}
                        selected_suggestion={view.selected_suggestion}
                        labels={document.labels.clone()}
                        selected_relation={view.selected_relation.clone()}
                        linking={view.linking.clone()}
                    />
                </div>
                <NoticeBar notice={view.notice.clone()} />
                <Dialogs dialog={view.dialog.clone()} article={state.open_article().cloned()} articles={document.articles.clone()} labels={document.labels.clone()} latest={Latest(latest.clone())} />
            </div>
        </ContextProvider<Dispatch>>
    }
}

/// Keys, paste, file drops and the unsaved-changes guard, on the window for the app's lifetime.
#[hook]
fn use_global_listeners(
    dispatch: Dispatch,
    latest: Rc<RefCell<UseReducerHandle<Store>>>,
    importing: UseStateSetter<Option<files::Progress>>,
) {
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("window");
        let document = window.document().expect("document");
        let mut listeners = Vec::new();
        // A panic from now on shows a banner offering to export the saved work.
        panic_banner::arm(dispatch.clone());
        // gloo's listeners are passive unless asked; these handlers may call preventDefault.
        let options = EventListenerOptions::enable_prevent_default();

        let (d, l) = (dispatch.clone(), latest.clone());
        listeners.push(EventListener::new_with_options(&window, "keydown", options, move |e| {
            let e = e.unchecked_ref::<web_sys::KeyboardEvent>();
            on_key(e, &d, &l.borrow().0);
        }));

        let (d, l) = (dispatch.clone(), latest.clone());
        listeners.push(EventListener::new_with_options(&document, "paste", options, move |e| {
            let e = e.unchecked_ref::<web_sys::ClipboardEvent>();
            if in_text_field(e.target()) {
                return;
            }
            // A paste too big for an article is refused before it is copied.
            let Some(text) = paste::text(e) else { return };
            e.prevent_default();
            let text = match text {
                Ok(text) => text,
                Err(refused) => return d.dispatch(refused),
            };
            let state = &l.borrow().0;
            if state.document.articles.is_empty() {
                d.dispatch(Action::AddArticle { title: String::new(), text });
            } else if state.view.dialog.is_none() {
                d.dispatch(Action::OpenDialog(Dialog::NewArticle { title: String::new(), text, error: None }));
            }
        }));

        listeners.push(EventListener::new_with_options(&window, "dragover", options, |e| e.prevent_default()));
        let d = dispatch.clone();
        listeners.push(EventListener::new_with_options(&window, "drop", options, move |e| {
            e.prevent_default();
            let e = e.unchecked_ref::<web_sys::DragEvent>();
            let list = e.data_transfer().and_then(|t| t.files());
            files::open(d.clone(), files::files_of(list), importing.clone());
        }));

        let l = latest.clone();
        listeners.push(EventListener::new_with_options(&window, "beforeunload", options, move |e| {
            // Saves finish within milliseconds; warn only if one is still on its way.
            if !l.borrow().0.is_saved() && !matches!(l.borrow().0.persistence, Persistence::Loading) {
                e.prevent_default();
            }
        }));
        move || drop(listeners)
    });
}

/// Whether keys typed at `target` belong to it (text entry, a drop-down), not to the shortcuts.
fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.unchecked_ref::<web_sys::HtmlInputElement>().type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        _ => el.is_content_editable(),
    }
}

/// A key press: the keymap names its command, and the command table says what it does now.
fn on_key(e: &web_sys::KeyboardEvent, dispatch: &Dispatch, state: &newsmark_core::State) {
    let key = e.key();
    let press = KeyPress { key: &key, ctrl: e.ctrl_key(), shift: e.shift_key(), alt: e.alt_key(), meta: e.meta_key() };
    let Some(cmd) = command(press, &state.document.labels) else { return };
    let dialog = state.view.dialog.is_some();
    if in_text_field(e.target()) {
        // Keys typed into a field are the field's; only Escape also closes the dialog it is in.
        if cmd == Command::Escape && dialog {
            dispatch.dispatch(Action::CloseDialog);
        }
        return;
    }
    // Behind a dialog, keys do nothing but close it.
    if dialog && cmd != Command::Escape {
        return;
    }
    // Caret keys, and commands not available now, are left to the browser.
    let Some(action) = action_for(cmd, state) else { return };
    // Tagging takes the page's selection, and deselecting clears it.
    if matches!(action, Action::Tag(_) | Action::SelectSpan(None)) {
        clear_selection();
    }
    e.prevent_default();
    dispatch.dispatch(action);
}
