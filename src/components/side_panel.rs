//! The side panel: the selected span's editor, the pending suggestions, the relations, counts per
//! label, a label filter, the list of spans in text order, and the article's summary.

use std::rc::Rc;

use newsmark_core::shown::shown_name;
use newsmark_core::state::Linking;
use newsmark_core::{Action, Article, ArticleSuggestions, Label, LabelSet, RelationId, SpanId, SuggestionId};
use yew::prelude::*;

use super::relation_panel::{end_text, RelationPanel};
use super::span_editor::SpanEditor;
use super::suggestion_panel::SuggestionPanel;
use super::summary_panel::SummaryPanel;
use super::use_dispatch;
use crate::words;

/// List entries rendered at first; more on request, so huge articles do not stall the panel.
const PAGE: usize = 200;

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub article: Option<Rc<Article>>,
    pub selected: Option<SpanId>,
    pub hidden: Vec<Label>,
    pub labels: LabelSet,
    /// The open article's pending suggestions, if the analysis ran.
    pub suggestions: Option<ArticleSuggestions>,
    pub selected_suggestion: Option<SuggestionId>,
    #[prop_or_default]
    pub selected_relation: Option<RelationId>,
    /// A relation being drawn, if any.
    #[prop_or_default]
    pub linking: Option<Linking>,
}

#[function_component(SidePanel)]
pub fn side_panel(props: &SidePanelProps) -> Html {
    let dispatch = use_dispatch();
    let shown_count = use_state(|| PAGE);
    let Some(article) = &props.article else {
        return html! { <aside class="spans" aria-label="Spans"><h2>{ "Spans" }</h2></aside> };
    };
    let count = |label: Label| article.spans.iter().filter(|s| s.label == label).count();
    let visible: Vec<_> = article.spans.iter().filter(|s| !props.hidden.contains(&s.label)).collect();
    let selected = props.selected.as_ref().and_then(|id| article.spans.get(id));
    let rows: Vec<SpanRow> = visible
        .iter()
        .take(*shown_count)
        .map(|span| SpanRow {
            id: span.id.clone(),
            class: format!("label-{}", span.label.css_key()),
            label: props.labels.title(span.label),
            excerpt: words::excerpt(article.span_text(span)),
            attrs: span
                .attributes
                .shown_for(span.label)
                .map(|(k, v)| format!("{}: {}", words::attribute(k), v))
                .collect::<Vec<_>>()
                .join(" · "),
            current: props.selected.as_ref() == Some(&span.id),
        })
        .collect();
    let more = {
        let shown_count = shown_count.clone();
        Callback::from(move |_: MouseEvent| shown_count.set(*shown_count + PAGE))
    };

    html! {
        <aside class="spans" aria-label="Spans">
            if let Some(span) = selected {
                <SpanEditor
                    span={span.clone()}
                    text={article.span_text(span).to_string()}
                    labels={props.labels.clone()}
                    relations={span_relations(article, &span.id)}
                    linking={props.linking.as_ref().is_some_and(|l| l.from == span.id)}
                />
            }
            if let Some(suggestions) = &props.suggestions {
                <SuggestionPanel article={article.clone()} suggestions={suggestions.clone()} selected={props.selected_suggestion} labels={props.labels.clone()} />
            }
            <RelationPanel article={article.clone()} selected={props.selected_relation.clone()} />
            <h2>{ format!("Spans ({})", article.spans.len()) }</h2>
            <fieldset class="filters">
                <legend>{ "Show labels" }</legend>
                { for props.labels.labels().map(|label| {
                    let dispatch = dispatch.clone();
                    let onchange = Callback::from(move |_: Event| dispatch.dispatch(Action::ToggleLabelShown(label)));
                    html! {
                        <label class={classes!("filter", format!("label-{}", label.css_key()))}
                            title={props.labels.get(label).map(|d| d.description.clone())}>
                            <input type="checkbox" checked={!props.hidden.contains(&label)} {onchange}
                                aria-label={format!("Show {}", props.labels.title(label))} />
                            <span class="swatch" aria-hidden="true"></span>
                            { props.labels.title(label) }
                            <span class="count">{ count(label) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <SpanList rows={rows} />
            if visible.len() > *shown_count {
                <button class="more" onclick={more}>{ format!("Show more ({} not shown)", visible.len() - *shown_count) }</button>
            }
            <SummaryPanel article={props.article.clone()} labels={props.labels.clone()} />
        </aside>
    }
}

/// One entry of the list of spans, as shown.
#[derive(Clone, PartialEq)]
struct SpanRow {
    id: SpanId,
    /// The label's class, which gives the entry its colour.
    class: String,
    label: String,
    excerpt: String,
    /// The attributes shown for the label, joined.
    attrs: String,
    current: bool,
}

#[derive(Properties, PartialEq)]
struct SpanListProps {
    rows: Vec<SpanRow>,
}

/// The list of spans in text order. Its own component, compared by the rows it shows, so that
/// an edit outside the first entries does not render the list again.
#[function_component(SpanList)]
fn span_list(props: &SpanListProps) -> Html {
    let dispatch = use_dispatch();
    html! {
        <ol class="span-list" aria-label="Spans in text order">
            { for props.rows.iter().map(|row| {
                let dispatch = dispatch.clone();
                let id = row.id.clone();
                let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SelectSpan(Some(id.clone()))));
                html! {
                    <li key={row.id.as_str()} class={classes!(row.class.clone(), row.current.then_some("current"))}>
                        <button aria-current={row.current.then_some("true")} {onclick}>
                            <span class="label-name">{ format!("{}:", row.label) }</span>
                            { " " }
                            <span class="span-text">{ &row.excerpt }</span>
                            if !row.attrs.is_empty() {
                                <span class="attrs">{ &row.attrs }</span>
                            }
                        </button>
                    </li>
                }
            }) }
        </ol>
    }
}

/// The relations of span `id`, each as it reads from the span's side ("this span —kind→ …").
fn span_relations(article: &Article, id: &SpanId) -> Vec<(RelationId, String)> {
    let end = |end: &SpanId| if end == id { "this span".to_string() } else { format!("“{}”", end_text(article, end)) };
    article.relations.of_span(id).map(|r| (r.id.clone(), format!("{} —{}→ {}", end(&r.from), shown_name(&r.kind), end(&r.to)))).collect()
}
