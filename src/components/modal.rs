//! The frame every dialog shares (`Modal`: a backdrop, the dialog role and its heading), and
//! the hooks dialogs use to prefill and focus their fields once they are shown.
//!
//! Must never: know which dialogs exist (`dialogs` picks the one the state names).

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub title: AttrValue,
    pub id: AttrValue,
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(props: &ModalProps) -> Html {
    let heading = format!("{}-title", props.id);
    html! {
        <div class="backdrop">
            <div class="dialog" id={props.id.clone()} role="dialog" aria-modal="true" aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ &props.title }</h2>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// Gives an uncontrolled input its first value once, when it is shown. (A `value` attribute
/// would put the initial value back on every re-render, wiping what the person typed.)
#[hook]
pub fn use_initial_value(node: NodeRef, value: String) {
    use_effect_with((), move |_| {
        if let Some(input) = node.cast::<HtmlInputElement>() {
            input.set_value(&value);
        }
    });
}

/// Puts keyboard focus on the element once it is shown.
#[hook]
pub fn use_focus(node: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}
