//! The app shell: owns the one state (through `use_reducer`), runs the app-wide effects
//! (storage, the analysis worker, global keys, paste, file drops) and lays out the components.
//!
//! Must never: compute anything the core can; it wires events to actions and actions to effects.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use newsmark_core::keymap::{command, Command, KeyPress};
use newsmark_core::{Action, Dialog, Persistence};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{
    article_list::ArticleList, article_view::ArticleView, dialogs::Dialogs, side_panel::SidePanel, status::NoticeBar, toolbar::Toolbar,
};
use crate::dom::label_styles;
use crate::dom::selection::clear_selection;
use crate::effects::analysis::Analyser;
use crate::effects::{files, storage};
use crate::store::{Dispatch, Latest, Store};

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(Store::default);
    let dispatch = store.dispatcher();
    // Event listeners live for the app's lifetime but must see the newest state.
    let latest = use_mut_ref(|| store.clone());
    *latest.borrow_mut() = store.clone();

    storage::use_storage(&store, latest.clone(), dispatch.clone());
    {
        // Suggest asked for an analysis: send the article's text to the worker, once per job.
        let (dispatch, latest) = (dispatch.clone(), latest.clone());
        let analyser = use_mut_ref(Analyser::default);
        use_effect_with(store.0.analysing.clone(), move |analysing| {
            let state = &latest.borrow().0;
            if let Some((analysis, article)) = analysing.as_ref().and_then(|a| Some((a, state.article(&a.article)?))) {
                analyser.borrow_mut().start(analysis, article.text.as_str(), &dispatch);
            }
        });
    }
    // The labels' colours live in a stylesheet generated from the label set.
    use_effect_with(store.0.labels.clone(), label_styles::apply);
    // How far an import's files have been read, for the toolbar's progress bar.
    let importing = use_state_eq(|| None::<files::Progress>);
    use_global_listeners(dispatch.clone(), latest.clone(), importing.setter());

    let state = &store.0;
    html! {
        <ContextProvider<Dispatch> context={dispatch.clone()}>
            <div class="app">
                <Toolbar
                    has_article={state.open.is_some()}
                    can_undo={state.history.can_undo()}
                    can_redo={state.history.can_redo()}
                    can_tag={state.selection.is_some() || state.selected_span.is_some()}
                    snap_to_words={state.snap_to_words}
                    analysing={state.analysing_open()}
                    saved={state.is_saved()}
                    persistence={state.persistence.clone()}
                    labels={state.labels.clone()}
                    latest={Latest(latest.clone())}
                    importing={*importing}
                    on_importing={importing.setter()}
                />
                <div class="panes">
                    <ArticleList articles={state.articles.clone()} open={state.open.clone()} />
                    <main class="reader">
                        {
                            match state.open_article() {
                                Some(article) => html! {
                                    <ArticleView
                                        article={article.clone()}
                                        selected={state.selected_span.clone()}
                                        selection={state.selection}
                                        reveal={state.reveal}
                                        suggestions={state.suggestions_of(article).cloned()}
                                        selected_suggestion={state.selected_suggestion}
                                        labels={state.labels.labels().collect::<Vec<_>>()}
                                        selected_relation={state.selected_relation.clone()}
                                        linking={state.linking.clone()}
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
                        selected={state.selected_span.clone()}
                        hidden={state.hidden_labels.clone()}
                        suggestions={state.open_article().and_then(|a| state.suggestions_of(a)).cloned()}
                        selected_suggestion={state.selected_suggestion}
                        labels={state.labels.clone()}
                        selected_relation={state.selected_relation.clone()}
                        linking={state.linking.clone()}
                    />
                </div>
                <NoticeBar notice={state.notice.clone()} />
                <Dialogs dialog={state.dialog.clone()} article={state.open_article().cloned()} articles={state.articles.clone()} labels={state.labels.clone()} />
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
            let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
            e.prevent_default();
            let state = &l.borrow().0;
            if state.articles.is_empty() {
                d.dispatch(Action::AddArticle { title: String::new(), text });
            } else if state.dialog.is_none() {
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

fn on_key(e: &web_sys::KeyboardEvent, dispatch: &Dispatch, state: &newsmark_core::State) {
    let key = e.key();
    let press = KeyPress { key: &key, ctrl: e.ctrl_key(), shift: e.shift_key(), alt: e.alt_key(), meta: e.meta_key() };
    let Some(cmd) = command(press, &state.labels) else { return };
    if in_text_field(e.target()) {
        if cmd == Command::Escape && state.dialog.is_some() {
            dispatch.dispatch(Action::CloseDialog);
        }
        return;
    }
    if state.dialog.is_some() {
        if cmd == Command::Escape {
            e.prevent_default();
            dispatch.dispatch(Action::CloseDialog);
        }
        return;
    }
    let action = match cmd {
        Command::Tag(label) if state.selection.is_some() || state.selected_span.is_some() => {
            clear_selection();
            Action::Tag(label)
        }
        Command::Tag(_) => return,
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::NextSpan => Action::StepSpan { forward: true },
        Command::PreviousSpan => Action::StepSpan { forward: false },
        Command::DeleteSpan => match state.selected_span.clone() {
            Some(id) => Action::DeleteSpan(id),
            None => return,
        },
        Command::NextSuggestion | Command::PreviousSuggestion if state.open_suggestions().is_empty() => return,
        Command::NextSuggestion => Action::StepSuggestion { forward: true },
        Command::PreviousSuggestion => Action::StepSuggestion { forward: false },
        Command::AcceptSuggestion | Command::RejectSuggestion if state.selected_suggestion.is_none() => return,
        Command::AcceptSuggestion => Action::AcceptSuggestion(state.selected_suggestion.expect("checked above")),
        Command::RejectSuggestion => Action::RejectSuggestion(state.selected_suggestion.expect("checked above")),
        Command::AcceptAllSuggestions if state.open_suggestions().is_empty() => return,
        Command::AcceptAllSuggestions => Action::AcceptAll(None),
        Command::MoveEdge { edge, forward, by_word } if state.selected_span.is_some() => Action::MoveEdge { edge, forward, by_word },
        Command::MoveEdge { .. } => return,
        Command::Help => Action::OpenDialog(Dialog::Help),
        Command::StartRelation if state.selected_span.is_some() && state.linking.is_none() => Action::StartRelation,
        Command::StartRelation => return,
        Command::CompleteRelation if state.linking.as_ref().is_some_and(|l| l.target.is_some()) => Action::CompleteRelation,
        Command::CompleteRelation => return,
        Command::Escape if state.linking.is_some() => Action::CancelRelation,
        Command::Escape => {
            clear_selection();
            Action::SelectSpan(None)
        }
        // The article view handles caret keys while it has focus.
        Command::Caret => return,
    };
    e.prevent_default();
    dispatch.dispatch(action);
}
