//! Modal dialogs: whichever the state names (`Dialog`), and those of their own here: new
//! article, rename, keyboard help, choosing among overlapping spans. The label editor and the
//! import's label mapping have files of their own; all share the frame in `modal`.

use std::rc::Rc;

use newsmark_core::commands::action_for;
use newsmark_core::keymap::HELP;
use newsmark_core::{Action, Article, ArticleId, Dialog, LabelSet, SpanId, TextRefusal};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::label_editor::LabelEditor;
use super::label_mapping::LabelMapping;
use super::modal::{use_focus, use_initial_value, Modal};
use super::use_dispatch;
use crate::store::Latest;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct DialogsProps {
    pub dialog: Option<Dialog>,
    pub article: Option<Rc<Article>>,
    pub articles: Vec<Rc<Article>>,
    pub labels: LabelSet,
    /// The newest state, for the help's "available now".
    pub latest: Latest,
}

#[function_component(Dialogs)]
pub fn dialogs(props: &DialogsProps) -> Html {
    let dispatch = use_dispatch();
    let close = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseDialog));
    match &props.dialog {
        None => html! {},
        Some(Dialog::NewArticle { title, text, error }) => html! {
            <NewArticle title={title.clone()} text={text.clone()} error={*error} {close} />
        },
        Some(Dialog::Rename { article }) => {
            let title = props.articles.iter().find(|a| &a.id == article).map(|a| a.title.clone()).unwrap_or_default();
            html! { <Rename article={article.clone()} {title} {close} /> }
        }
        Some(Dialog::Help) => html! { <Help labels={props.labels.clone()} latest={props.latest.clone()} {close} /> },
        Some(Dialog::ChooseSpan { candidates }) => html! {
            <ChooseSpan candidates={candidates.clone()} article={props.article.clone()} labels={props.labels.clone()} {close} />
        },
        Some(Dialog::Labels { error }) => html! {
            <LabelEditor labels={props.labels.clone()} error={error.clone()} articles={props.articles.clone()} {close} />
        },
        Some(Dialog::MapLabels { batch, mapping }) => html! {
            <LabelMapping batch={batch.clone()} mapping={mapping.clone()} labels={props.labels.clone()} {close} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct NewArticleProps {
    title: String,
    text: String,
    error: Option<TextRefusal>,
    close: Callback<MouseEvent>,
}

#[function_component(NewArticle)]
fn new_article(props: &NewArticleProps) -> Html {
    let dispatch = use_dispatch();
    let title = use_node_ref();
    let text = use_node_ref();
    use_initial_value(title.clone(), props.title.clone());
    use_focus(if props.text.is_empty() { title.clone() } else { text.clone() });
    // A textarea reports every line break as "\n", so text pasted with CRLF or CR line ends
    // would lose them. The raw pasted texts are kept and put back on submit.
    let pasted = use_mut_ref(|| vec![props.text.clone()]);
    let onpaste = {
        let pasted = pasted.clone();
        Callback::from(move |e: Event| {
            let e: &web_sys::ClipboardEvent = e.unchecked_ref();
            if let Some(raw) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) {
                pasted.borrow_mut().push(raw);
            }
        })
    };
    let onsubmit = {
        let (title, text) = (title.clone(), text.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = title.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let value = text.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            let text = restore_line_breaks(value, &pasted.borrow());
            dispatch.dispatch(Action::AddArticle { title, text });
        })
    };
    html! {
        <Modal title="New article" id="new-article">
            <form {onsubmit}>
                <div class="field">
                    <label for="new-title">{ "Title" }</label>
                    <input id="new-title" ref={title} type="text" placeholder="Taken from the first line if left empty" />
                </div>
                <div class="field">
                    <label for="new-text">{ "Article text" }</label>
                    <textarea id="new-text" ref={text} rows="14" defaultvalue={props.text.clone()} spellcheck="false" {onpaste} />
                </div>
                if let Some(error) = &props.error {
                    <p class="form-error" role="alert">{ words::text_refusal(error) }</p>
                }
                <div class="actions">
                    <button type="button" onclick={props.close.clone()}>{ "Cancel" }</button>
                    <button type="submit" class="primary">{ "Add article" }</button>
                </div>
            </form>
        </Modal>
    }
}

/// Puts back the original line breaks of pasted texts that the textarea turned into "\n".
fn restore_line_breaks(mut value: String, pasted: &[String]) -> String {
    for raw in pasted.iter().filter(|raw| raw.contains('\r')) {
        let shown = raw.replace("\r\n", "\n").replace('\r', "\n");
        if let Some(at) = value.find(&shown) {
            value.replace_range(at..at + shown.len(), raw);
        }
    }
    value
}

#[derive(Properties, PartialEq)]
struct RenameProps {
    article: ArticleId,
    title: String,
    close: Callback<MouseEvent>,
}

#[function_component(Rename)]
fn rename(props: &RenameProps) -> Html {
    let dispatch = use_dispatch();
    let input = use_node_ref();
    use_initial_value(input.clone(), props.title.clone());
    use_focus(input.clone());
    let onsubmit = {
        let (input, id) = (input.clone(), props.article.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let title = input.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            dispatch.dispatch(Action::RenameArticle(id.clone(), title));
        })
    };
    html! {
        <Modal title="Rename article" id="rename-article">
            <form {onsubmit}>
                <div class="field">
                    <label for="rename-title">{ "Title" }</label>
                    <input id="rename-title" ref={input} type="text" />
                </div>
                <div class="actions">
                    <button type="button" onclick={props.close.clone()}>{ "Cancel" }</button>
                    <button type="submit" class="primary">{ "Rename" }</button>
                </div>
            </form>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
struct HelpProps {
    labels: LabelSet,
    latest: Latest,
    close: Callback<MouseEvent>,
}

/// The keyboard shortcuts: the label keys from the label set, then the keymap's rows. A row
/// whose commands the command table does not offer now (no span selected, no suggestions) is
/// marked as such.
#[function_component(Help)]
fn help(props: &HelpProps) -> Html {
    let button = use_node_ref();
    use_focus(button.clone());
    let store = props.latest.state();
    let state = &store.0;
    let row = |keys: String, what: String, now: bool| {
        html! {
            <tr class={classes!((!now).then_some("unavailable"))}><th scope="row"><kbd>{ keys }</kbd></th><td>{ what }</td></tr>
        }
    };
    html! {
        <Modal title="Keyboard shortcuts" id="help">
            <table class="shortcuts">
                <tbody>
                    // The label keys first, as the workspace's label set gives them.
                    { for props.labels.iter().filter_map(|d| {
                        let key = d.hotkey?;
                        let now = action_for(newsmark_core::commands::Command::Tag(d.label), state).is_some();
                        Some(row(key.to_string(), words::label_shortcut(&props.labels.title(d.label)), now))
                    }) }
                    { for HELP.iter().filter_map(|commands| {
                        let (keys, what) = words::shortcut(commands[0])?;
                        let now = commands.iter().any(|&c| action_for(c, state).is_some());
                        Some(row(keys.to_string(), what.to_string(), now))
                    }) }
                </tbody>
            </table>
            <p>{ "Mouse: drag, double-click a word or triple-click a paragraph to select; click a span to select it. Paste an article, or drop .txt and .md articles or annotated files (newsmark JSON, brat .txt with .ann, doccano, spaCy, Label Studio, W3C, or a .zip of them) anywhere on the page." }</p>
            <div class="actions"><button ref={button} onclick={props.close.clone()}>{ "Close" }</button></div>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
struct ChooseSpanProps {
    candidates: Vec<SpanId>,
    article: Option<Rc<Article>>,
    labels: LabelSet,
    close: Callback<MouseEvent>,
}

#[function_component(ChooseSpan)]
fn choose_span(props: &ChooseSpanProps) -> Html {
    let dispatch = use_dispatch();
    let list = use_node_ref();
    let first = use_node_ref();
    use_focus(first.clone());
    let Some(article) = &props.article else { return html! {} };
    html! {
        <Modal title="Which span?" id="choose-span">
            <p>{ "Several spans overlap here. Choose one:" }</p>
            <ul class="choices" ref={list}>
                { for props.candidates.iter().filter_map(|id| article.spans.get(id)).enumerate().map(|(i, span)| {
                    let dispatch = dispatch.clone();
                    let id = span.id.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SelectSpan(Some(id.clone()))));
                    let node = if i == 0 { first.clone() } else { NodeRef::default() };
                    html! {
                        <li key={span.id.as_str()} class={format!("label-{}", span.label.css_key())}>
                            <button ref={node} {onclick}>{ format!("{}: {}", props.labels.title(span.label), article.span_text(span)) }</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="actions"><button onclick={props.close.clone()}>{ "Cancel" }</button></div>
        </Modal>
    }
}
