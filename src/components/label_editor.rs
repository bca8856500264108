//! The label set editor (`Dialog::Labels`): every label of the workspace with its colour, key and
//! description, custom labels' names, adding a label, and removing one after a confirm step.
//!
//! Owns: the dialog's form drafts (the new label's fields, which label is being confirmed for
//! removal). Must never: change a label itself: every edit is an `AddLabel`, `UpdateLabel` or
//! `RemoveLabel` action, so it is checked by the core, undoable, and saved at once; a refused
//! edit comes back as the dialog's `error`.

use std::collections::HashMap;
use std::rc::Rc;

use newsmark_core::{Action, Article, Label, LabelDef, LabelError, LabelSet};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::modal::{use_focus, Modal};
use super::use_dispatch;
use crate::words::{self, plural};

/// The keys a label can have, in keyboard order.
const KEYS: [char; 10] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/// Colours offered to a new label, the first one no label uses yet: the rest of the Okabe–Ito
/// palette, then darker tones that stay readable behind text.
const NEW_COLOURS: [&str; 8] = ["#e69f00", "#56b4e9", "#7f3c8d", "#11a579", "#3969ac", "#e73f74", "#f0e442", "#000000"];

#[derive(Properties, PartialEq)]
pub struct LabelEditorProps {
    pub labels: LabelSet,
    pub error: Option<LabelError>,
    /// Every article, to say how many spans a label has (and would lose).
    pub articles: Vec<Rc<Article>>,
    pub close: Callback<MouseEvent>,
}

/// Spans and articles per label, over the whole workspace.
fn usage(articles: &[Rc<Article>]) -> HashMap<Label, (usize, usize)> {
    let mut out: HashMap<Label, (usize, usize)> = HashMap::new();
    for article in articles {
        let mut seen = Vec::new();
        for span in article.spans.iter() {
            let entry = out.entry(span.label).or_default();
            entry.0 += 1;
            if !seen.contains(&span.label) {
                seen.push(span.label);
                entry.1 += 1;
            }
        }
    }
    out
}

#[function_component(LabelEditor)]
pub fn label_editor(props: &LabelEditorProps) -> Html {
    let confirming = use_state(|| None::<Label>);
    let usage = usage(&props.articles);
    let done = use_node_ref();
    use_focus(done.clone());
    html! {
        <Modal title="Labels" id="labels">
            <p class="hint">{ "Labels apply to every article in this workspace. Each change is saved at once, and Undo (Ctrl+Z) takes it back. The description is the guidance shown when pointing at a label's button." }</p>
            <table class="label-table">
                <thead>
                    <tr><th scope="col">{ "Label" }</th><th scope="col">{ "Colour" }</th><th scope="col">{ "Key" }</th><th scope="col">{ "Description" }</th><th scope="col">{ "Spans" }</th><th scope="col"><span class="visually-hidden">{ "Remove" }</span></th></tr>
                </thead>
                <tbody>
                    { for props.labels.iter().map(|def| {
                        let (spans, articles) = usage.get(&def.label).copied().unwrap_or_default();
                        let confirm = {
                            let confirming = confirming.clone();
                            Callback::from(move |l: Option<Label>| confirming.set(l))
                        };
                        html! {
                            <LabelRow key={def.label.css_key()} def={def.clone()} labels={props.labels.clone()}
                                {spans} {articles} confirming={*confirming == Some(def.label)} {confirm} />
                        }
                    }) }
                </tbody>
            </table>
            if let Some(error) = &props.error {
                <p class="form-error" role="alert">{ words::label_error(error) }</p>
            }
            <NewLabel labels={props.labels.clone()} />
            <div class="actions"><button ref={done} onclick={props.close.clone()}>{ "Done" }</button></div>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
struct LabelRowProps {
    def: LabelDef,
    labels: LabelSet,
    spans: usize,
    articles: usize,
    confirming: bool,
    confirm: Callback<Option<Label>>,
}

/// Puts `value` into a text input whenever it changes in the state (after an edit, an undo or a
/// refused edit's correction elsewhere), but not on other re-renders, so typing is never wiped.
#[hook]
fn use_synced_value(node: NodeRef, value: String) {
    use_effect_with(value, move |value| {
        if let Some(input) = node.cast::<HtmlInputElement>() {
            if input.value() != *value {
                input.set_value(value);
            }
        }
    });
}

/// The same for a drop-down: once a person has chosen in it, its options' `selected` attributes
/// no longer move the choice, so an undo must set it.
#[hook]
fn use_synced_choice(node: NodeRef, value: String) {
    use_effect_with(value, move |value| {
        if let Some(select) = node.cast::<HtmlSelectElement>() {
            if select.value() != *value {
                select.set_value(value);
            }
        }
    });
}

#[function_component(LabelRow)]
fn label_row(props: &LabelRowProps) -> Html {
    let dispatch = use_dispatch();
    let name_ref = use_node_ref();
    let description_ref = use_node_ref();
    let key_ref = use_node_ref();
    use_synced_value(name_ref.clone(), props.def.name.clone());
    use_synced_value(description_ref.clone(), props.def.description.clone());
    use_synced_choice(key_ref.clone(), props.def.hotkey.map(String::from).unwrap_or_default());

    let def = &props.def;
    let title = props.labels.title(def.label);
    // Each edit sends the whole definition with one field changed.
    let update = |change: fn(&mut LabelDef, String)| {
        let (dispatch, def) = (dispatch.clone(), def.clone());
        Callback::from(move |value: String| {
            let mut next = def.clone();
            change(&mut next, value);
            if next != def {
                dispatch.dispatch(Action::UpdateLabel(next));
            }
        })
    };
    let input_value = |cb: Callback<String>| Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_name = input_value(update(|d, v| d.name = v.trim().to_string()));
    // The picker and the typed code edit the same colour. A code that is not #rrggbb is refused by
    // the core, which leaves the label as it was and says why (`error`); the field keeps what was
    // typed, so it can be corrected.
    let on_colour = input_value(update(|d, v| d.colour = v.trim().to_ascii_lowercase()));
    let on_description = input_value(update(|d, v| d.description = v.trim().to_string()));
    let on_key = {
        let cb = update(|d, v| d.hotkey = v.chars().next());
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let owner =
        |key: char| props.labels.iter().find(|d| d.hotkey == Some(key) && d.label != def.label).map(|d| props.labels.title(d.label));
    let ask = {
        let (confirm, label) = (props.confirm.clone(), def.label);
        Callback::from(move |_: MouseEvent| confirm.emit(Some(label)))
    };
    let keep = {
        let confirm = props.confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.emit(None))
    };
    let remove = {
        let (dispatch, confirm, label) = (dispatch.clone(), props.confirm.clone(), def.label);
        Callback::from(move |_: MouseEvent| {
            confirm.emit(None);
            dispatch.dispatch(Action::RemoveLabel(label));
        })
    };
    let class = format!("label-{}", def.label.css_key());
    html! {
        <>
            <tr class={classes!("label-row", class.clone())}>
                <th scope="row">
                    <span class="swatch" aria-hidden="true"></span>
                    if def.label.is_custom() {
                        <input ref={name_ref} type="text" class="label-name" aria-label={format!("Name of {title}")} maxlength="40" onchange={on_name} />
                    } else {
                        <span class="builtin-name" title="Built-in labels keep their names">{ title.clone() }</span>
                    }
                </th>
                <td class="colour">
                    <input type="color" value={def.colour.clone()} aria-label={format!("Colour of {title}")} onchange={on_colour.clone()} />
                    <input type="text" class="code" value={def.colour.clone()} aria-label={format!("Colour code of {title}")} spellcheck="false" onchange={on_colour} />
                </td>
                <td>
                    <select ref={key_ref} aria-label={format!("Key of {title}")} onchange={on_key}>
                        <option value="" selected={def.hotkey.is_none()}>{ "none" }</option>
                        { for KEYS.iter().map(|&k| {
                            let taken = owner(k);
                            let text = match &taken { Some(other) => format!("{k} ({other})"), None => k.to_string() };
                            html! { <option value={k.to_string()} selected={def.hotkey == Some(k)} disabled={taken.is_some()}>{ text }</option> }
                        }) }
                    </select>
                </td>
                <td><input ref={description_ref} type="text" class="label-description" aria-label={format!("Description of {title}")} onchange={on_description} /></td>
                <td class="count">{ props.spans }</td>
                <td>
                    if def.label.is_custom() {
                        <button class="danger" aria-label={format!("Remove {title}")} aria-expanded={props.confirming.to_string()} onclick={ask}>{ "Remove" }</button>
                    }
                </td>
            </tr>
            if props.confirming {
                <tr class={classes!("confirm-row", class)}>
                    <td colspan="6">
                        <div class="confirm" role="group" aria-label={format!("Remove {title}?")}>
                            <p>{
                                if props.spans == 0 {
                                    format!("Remove the label “{title}”? No span uses it.")
                                } else {
                                    format!(
                                        "Remove the label “{title}”? Its {} in {} will be removed too. Undo (Ctrl+Z) brings the label and its spans back.",
                                        plural(props.spans, "span", "spans"),
                                        plural(props.articles, "article", "articles")
                                    )
                                }
                            }</p>
                            <button class="danger" onclick={remove}>{ if props.spans == 0 { "Remove label".to_string() } else { format!("Remove label and {}", plural(props.spans, "span", "spans")) } }</button>
                            <button onclick={keep}>{ "Keep it" }</button>
                        </div>
                    </td>
                </tr>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NewLabelProps {
    labels: LabelSet,
}

/// The form that adds a custom label. Its fields are drafts until "Add label".
#[function_component(NewLabel)]
fn new_label(props: &NewLabelProps) -> Html {
    let dispatch = use_dispatch();
    let (name, colour, key, description) = (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let free_colour = NEW_COLOURS.iter().find(|c| !props.labels.iter().any(|d| d.colour == **c)).unwrap_or(&NEW_COLOURS[0]).to_string();
    {
        // A label was added (or the dialog opened): start a fresh draft.
        let (name, colour, key, description, free_colour) =
            (name.clone(), colour.clone(), key.clone(), description.clone(), free_colour.clone());
        use_effect_with(props.labels.len(), move |_| {
            for node in [&name, &description] {
                if let Some(input) = node.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
            if let Some(input) = colour.cast::<HtmlInputElement>() {
                input.set_value(&free_colour);
            }
            if let Some(select) = key.cast::<HtmlSelectElement>() {
                select.set_value("");
            }
        });
    }
    let onsubmit = {
        let (name, colour, key, description) = (name.clone(), colour.clone(), key.clone(), description.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |n: &NodeRef| n.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let hotkey = key.cast::<HtmlSelectElement>().and_then(|s| s.value().chars().next());
            dispatch.dispatch(Action::AddLabel(LabelDef {
                // The set gives the label its number.
                label: Label::Custom(0),
                name: value(&name).trim().to_string(),
                colour: value(&colour).to_ascii_lowercase(),
                hotkey,
                description: value(&description).trim().to_string(),
            }));
        })
    };
    let taken = |k: char| props.labels.by_hotkey(&k.to_string()).is_some();
    html! {
        <form class="new-label" {onsubmit} aria-labelledby="new-label-title">
            <h3 id="new-label-title">{ "New label" }</h3>
            <div class="new-label-fields">
                <div class="field">
                    <label for="new-label-name">{ "Name" }</label>
                    <input id="new-label-name" ref={name} type="text" maxlength="40" placeholder="e.g. Source" />
                </div>
                <div class="field">
                    <label for="new-label-colour">{ "Colour" }</label>
                    <input id="new-label-colour" ref={colour} type="color" />
                </div>
                <div class="field">
                    <label for="new-label-key">{ "Key" }</label>
                    <select id="new-label-key" ref={key}>
                        // Yew inserts options last first, so the default must be marked.
                        <option value="" selected=true>{ "none" }</option>
                        { for KEYS.iter().filter(|&&k| !taken(k)).map(|k| html! { <option value={k.to_string()}>{ k.to_string() }</option> }) }
                    </select>
                </div>
                <div class="field grow">
                    <label for="new-label-description">{ "Description" }</label>
                    <input id="new-label-description" ref={description} type="text" placeholder="What the label is for" />
                </div>
            </div>
            <div class="actions"><button type="submit">{ "Add label" }</button></div>
        </form>
    }
}
