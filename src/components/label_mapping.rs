//! The mapping step of an import (`Dialog::MapLabels`): each label the files use that the
//! workspace lacks, with how many spans have it, and a choice of what it becomes: a new label of
//! its own (the default) or one of the workspace's labels.
//!
//! Owns: showing the batch's new labels and sending the person's choices. Must never: hold the
//! mapping itself (the dialog's state in the core does, through `MapLabel`), or add anything
//! before "Import" (`ConfirmImport`); Cancel leaves the workspace as it was.

use newsmark_core::format::ImportBatch;
use newsmark_core::{Action, Label, LabelSet};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::modal::{use_focus, Modal};
use super::use_dispatch;
use crate::words::plural;

/// The drop-down value meaning "keep it as a new label".
const KEEP: &str = "new";

#[derive(Properties, PartialEq)]
pub struct LabelMappingProps {
    pub batch: Box<ImportBatch>,
    pub mapping: Vec<(Label, Option<Label>)>,
    /// The workspace's labels: what an imported label can become.
    pub labels: LabelSet,
    pub close: Callback<MouseEvent>,
}

#[function_component(LabelMapping)]
pub fn label_mapping(props: &LabelMappingProps) -> Html {
    let dispatch = use_dispatch();
    let first = use_node_ref();
    use_focus(first.clone());
    let batch = &props.batch;
    let count = |label: Label| batch.documents.iter().flat_map(|d| d.spans.iter()).filter(|s| s.label == label).count();
    let confirm = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ConfirmImport))
    };
    let source = if batch.source.is_empty() { String::from("The files") } else { batch.source.clone() };
    html! {
        <Modal title="Map imported labels" id="map-labels">
            <p>{ format!(
                "{source} hold {} with {}. These labels are new to your workspace: keep each as a new label, or import its spans as one of your labels.",
                plural(batch.documents.len(), "article", "articles"),
                plural(batch.span_count(), "span", "spans"),
            ) }</p>
            <table class="label-table mapping">
                <thead>
                    <tr><th scope="col">{ "Imported label" }</th><th scope="col">{ "Spans" }</th><th scope="col">{ "Import as" }</th></tr>
                </thead>
                <tbody>
                    { for props.mapping.iter().enumerate().map(|(i, &(label, target))| {
                        let name = batch.labels.title(label);
                        let onchange = {
                            let (dispatch, labels) = (dispatch.clone(), props.labels.clone());
                            Callback::from(move |e: Event| {
                                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                let target = labels.labels().find(|l| l.css_key() == value);
                                dispatch.dispatch(Action::MapLabel { label, target });
                            })
                        };
                        let node = if i == 0 { first.clone() } else { NodeRef::default() };
                        html! {
                            <tr key={label.css_key()}>
                                <th scope="row">
                                    { name.clone() }
                                </th>
                                <td class="count">{ count(label) }</td>
                                <td>
                                    <select ref={node} aria-label={format!("Import “{name}” as")} {onchange}>
                                        <option value={KEEP} selected={target.is_none()}>{ format!("Keep as new label “{name}”") }</option>
                                        { for props.labels.iter().map(|d| html! {
                                            <option value={d.label.css_key()} selected={target == Some(d.label)}>{ props.labels.title(d.label) }</option>
                                        }) }
                                    </select>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="actions">
                <button onclick={props.close.clone()}>{ "Cancel" }</button>
                <button class="primary" onclick={confirm}>{ "Import" }</button>
            </div>
        </Modal>
    }
}
