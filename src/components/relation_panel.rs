//! The side panel's relations: every relation of the open article as `from —kind→ to`, in the
//! order they were made; clicking one selects it, and the selected one gets a small editor
//! (its kind, with the usual kinds offered; going to either end; deleting it).
//!
//! Must never: change a relation itself; every control sends an action and the reducer decides.

use std::rc::Rc;

use newsmark_core::shown::shown_name;
use newsmark_core::{Action, Article, Relation, RelationId, SpanId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::use_dispatch;
use crate::words;

/// Entries rendered at first; more on request, as in the span list.
const PAGE: usize = 200;

/// The kinds offered for any relation, besides those the article already uses.
pub const USUAL_KINDS: [&str; 6] = ["speaker", "source", "actor", "addressee", "holder", "related"];

#[derive(Properties, PartialEq)]
pub struct RelationPanelProps {
    pub article: Rc<Article>,
    pub selected: Option<RelationId>,
}

#[function_component(RelationPanel)]
pub fn relation_panel(props: &RelationPanelProps) -> Html {
    let dispatch = use_dispatch();
    let shown_count = use_state(|| PAGE);
    let list = use_node_ref();
    {
        // Keep the selected entry in view, also when it was just made in the text.
        let list = list.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            let entry = selected.as_ref().and_then(|id| {
                let selector = format!("[data-relation=\"{}\"]", css_string(id.as_str()));
                list.cast::<web_sys::Element>()?.query_selector(&selector).ok()?
            });
            if let Some(entry) = entry {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                entry.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let article = &props.article;
    let relations = article.relations.as_slice();
    // The selected entry is always rendered, even beyond the first page.
    let limit = match props.selected.as_ref().and_then(|id| relations.iter().position(|r| &r.id == id)) {
        Some(at) => (*shown_count).max(at + 1),
        None => *shown_count,
    };
    let kinds = offered_kinds(relations);
    let more = {
        let shown_count = shown_count.clone();
        Callback::from(move |_: MouseEvent| shown_count.set(*shown_count + PAGE))
    };

    html! {
        <section class="relations" aria-label="Relations">
            <h2>{ format!("Relations ({})", relations.len()) }</h2>
            if relations.is_empty() {
                <p class="hint">{ "Select a span, press l (or Link to…), then click the span it points to." }</p>
            }
            <datalist id="relation-kinds">
                { for kinds.iter().map(|k| html! { <option value={k.to_string()} /> }) }
            </datalist>
            <ol ref={list} class="relation-list" aria-label="Relations between spans">
                { for relations.iter().take(limit).map(|r| {
                    let current = props.selected.as_ref() == Some(&r.id);
                    let select = {
                        let (dispatch, id) = (dispatch.clone(), r.id.clone());
                        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SelectRelation(Some(id.clone()))))
                    };
                    html! {
                        <li key={r.id.as_str()} class={classes!(current.then_some("current"))}>
                            <button class="pick" data-relation={r.id.as_str().to_string()} aria-current={current.then_some("true")} onclick={select}>
                                <span class="end">{ end_text(article, &r.from) }</span>
                                <span class="kind">{ format!(" —{}→ ", shown_name(&r.kind)) }</span>
                                <span class="end">{ end_text(article, &r.to) }</span>
                            </button>
                            if current {
                                <RelationEditor relation={r.clone()} />
                            }
                        </li>
                    }
                }) }
            </ol>
            if relations.len() > limit {
                <button class="more" onclick={more}>{ format!("Show more ({} not shown)", relations.len() - limit) }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RelationEditorProps {
    relation: Relation,
}

/// The selected relation's kind, its two ends and its removal.
#[function_component(RelationEditor)]
fn relation_editor(props: &RelationEditorProps) -> Html {
    let dispatch = use_dispatch();
    let r = &props.relation;
    // A kind is committed when the field is left or Enter is pressed, so a word typed is one
    // undo step, not one per letter.
    let commit = {
        let (dispatch, id, kind) = (dispatch.clone(), r.id.clone(), r.kind.clone());
        move |input: HtmlInputElement| {
            let value = input.value();
            if value.trim().is_empty() {
                // The reducer keeps the old kind; show it again rather than an empty field.
                input.set_value(&kind);
            } else {
                dispatch.dispatch(Action::SetRelationKind(id.clone(), value));
            }
        }
    };
    let onchange = {
        let commit = commit.clone();
        Callback::from(move |e: Event| commit(e.target_unchecked_into()))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            commit(e.target_unchecked_into());
        }
    });
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    html! {
        <div class="relation-editor" role="group" aria-label="Selected relation">
            <div class="field">
                <label for="relation-kind">{ "Kind" }</label>
                <input id="relation-kind" type="text" list="relation-kinds" value={r.kind.to_string()} {onchange} {onkeydown} />
            </div>
            <div class="relation-actions">
                <button onclick={act(Action::SelectSpan(Some(r.from.clone())))} title="Select and show the span the relation starts at">{ "Go to from-span" }</button>
                <button onclick={act(Action::SelectSpan(Some(r.to.clone())))} title="Select and show the span the relation points to">{ "Go to to-span" }</button>
                <button class="danger" onclick={act(Action::DeleteRelation(r.id.clone()))}>{ "Delete relation" }</button>
            </div>
        </div>
    }
}

/// A relation's end as a short excerpt (a discontinuous span's pieces joined by "…").
pub(crate) fn end_text(article: &Article, id: &SpanId) -> String {
    const MAX: usize = 48;
    let Some(span) = article.spans.get(id) else { return format!("[{}]", id.as_str()) };
    let text = article.pieces_text(span, " … ");
    words::shorten(&text.split_whitespace().collect::<Vec<_>>().join(" "), MAX)
}

/// `s` made safe inside a double-quoted CSS string.
fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The kinds the editor offers: the usual ones and every kind `relations` use, sorted, each once.
/// Kept sorted by hand: collecting them into a set would add a sort to the page's wasm.
fn offered_kinds(relations: &[Relation]) -> Vec<&str> {
    let mut kinds: Vec<&str> = Vec::new();
    for kind in USUAL_KINDS.into_iter().chain(relations.iter().map(|r| &*r.kind)) {
        if let Err(at) = kinds.binary_search(&kind) {
            kinds.insert(at, kind);
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use newsmark_core::{Relation, RelationId, SpanId};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::offered_kinds;

    #[wasm_bindgen_test]
    fn the_usual_kinds_and_the_articles_own_are_offered_sorted_each_once() {
        let relation = |kind: &str| Relation {
            id: RelationId::new("r"),
            kind: kind.into(),
            from: SpanId::new("a"),
            to: SpanId::new("b"),
            event: None,
        };
        let relations = [relation("target"), relation("speaker"), relation("Agent"), relation("target")];
        assert_eq!(offered_kinds(&relations), ["Agent", "actor", "addressee", "holder", "related", "source", "speaker", "target"]);
        assert_eq!(offered_kinds(&[]), ["actor", "addressee", "holder", "related", "source", "speaker"]);
    }
}
