//! The selected span's editor: label, attributes, note, edges, its relations, drawing a new
//! relation from it, delete.

use newsmark_core::snap::Edge;
use newsmark_core::{Action, AttributeKey, LabelSet, Origin, RelationId, Span};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::use_dispatch;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct SpanEditorProps {
    pub span: Span,
    pub text: String,
    pub labels: LabelSet,
    /// The relations that start or end at the span, each with how it reads
    /// ("this span —speaker→ “Mara Lindqvist”").
    #[prop_or_default]
    pub relations: Vec<(RelationId, String)>,
    /// Whether a relation is being drawn from this span.
    #[prop_or_default]
    pub linking: bool,
}

#[function_component(SpanEditor)]
pub fn span_editor(props: &SpanEditorProps) -> Html {
    let dispatch = use_dispatch();
    let span = &props.span;
    let relabel = {
        let (dispatch, id, labels) = (dispatch.clone(), span.id.clone(), props.labels.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let chosen = labels.labels().find(|l| l.css_key() == select.value());
            if let Some(label) = chosen {
                dispatch.dispatch(Action::Relabel(id.clone(), label));
            }
        })
    };
    let field = |key: AttributeKey| {
        let (dispatch, id) = (dispatch.clone(), span.id.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            // Both <input> and <textarea> carry their text in `value`.
            let target = e.target().map(wasm_bindgen::JsValue::from).unwrap_or_default();
            let value = js_sys::Reflect::get(&target, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            dispatch.dispatch(Action::SetAttribute { span: id.clone(), key, value });
        });
        let input_id = format!("attr-{}", key.id());
        let value = span.attributes.get(key).unwrap_or_default().to_string();
        html! {
            <div class="field">
                <label for={input_id.clone()}>{ words::attribute(key) }</label>
                // A note is free text that may run to several lines; the other attributes are names.
                if key == AttributeKey::Note {
                    <textarea id={input_id} rows="3" {value} {oninput} />
                } else {
                    <input id={input_id} type="text" {value} {oninput} />
                }
            </div>
        }
    };
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let edge = |edge: Edge, forward: bool| Action::MoveEdge { edge, forward, by_word: false };

    html! {
        <section class={classes!("span-editor", format!("label-{}", span.label.css_key()))} aria-label="Selected span">
            <h2>{ "Selected span" }</h2>
            <blockquote class="span-quote">{ &props.text }</blockquote>
            <p class="offsets">{ format!("Characters {}–{} · {}", span.start, span.end, origin(&span.origin)) }</p>
            <div class="field">
                <label for="span-label">{ "Label" }</label>
                <select id="span-label" onchange={relabel}>
                    { for props.labels.iter().map(|d| {
                        let name = props.labels.title(d.label);
                        let text = match d.hotkey { Some(k) => format!("{name} ({k})"), None => name };
                        html! { <option value={d.label.css_key()} selected={d.label == span.label}>{ text }</option> }
                    }) }
                </select>
            </div>
            { for span.label.attributes().iter().map(|&key| field(key)) }
            { field(AttributeKey::Note) }
            <div class="edges" role="group" aria-label="Span edges">
                <button onclick={act(edge(Edge::Start, false))} aria-label="Move start left" title="Move start left ([)">{ "⇤ start" }</button>
                <button onclick={act(edge(Edge::Start, true))} aria-label="Move start right" title="Move start right (])">{ "start ⇥" }</button>
                <button onclick={act(edge(Edge::End, false))} aria-label="Move end left" title="Move end left ({)">{ "⇤ end" }</button>
                <button onclick={act(edge(Edge::End, true))} aria-label="Move end right" title="Move end right (})">{ "end ⇥" }</button>
            </div>
            <div class="span-relations">
                <h3>{ "Relations" }</h3>
                if props.relations.is_empty() {
                    <p class="hint">{ "No relations yet." }</p>
                } else {
                    <ul aria-label="Relations of this span">
                        { for props.relations.iter().map(|(id, text)| html! {
                            <li key={id.as_str()}>
                                <button class="link" onclick={act(Action::SelectRelation(Some(id.clone())))}>{ text }</button>
                                <button class="icon danger" onclick={act(Action::DeleteRelation(id.clone()))}
                                    aria-label={format!("Delete relation {text}")} title="Delete this relation">{ "×" }</button>
                            </li>
                        }) }
                    </ul>
                }
                if props.linking {
                    <button onclick={act(Action::CancelRelation)} aria-keyshortcuts="Escape" title="Stop drawing the relation (Esc)">{ "Cancel link" }</button>
                } else {
                    <button onclick={act(Action::StartRelation)} aria-keyshortcuts="l"
                        title="Link this span to another: click the span it points to, or choose it with j / k and press Enter (l)">{ "Link to…" }</button>
                }
            </div>
            <button class="danger" onclick={act(Action::DeleteSpan(span.id.clone()))} aria-keyshortcuts="Delete Backspace">{ "Delete span" }</button>
        </section>
    }
}

/// Where the span came from, with why it was suggested when it was.
fn origin(origin: &Origin) -> String {
    match origin {
        Origin::Manual => "manual".to_string(),
        Origin::Suggested(None) => "suggested".to_string(),
        Origin::Suggested(Some(p)) => {
            format!("suggested ({}%: {})", (u32::from(p.confidence.permille()) + 5) / 10, p.reason)
        }
    }
}
