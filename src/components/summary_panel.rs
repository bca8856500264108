//! The summary of the open article: counts per label as a chart, speakers with their quotes and
//! roles, sources by kind, claims without a source, who demands what from whom, and opinion
//! density by paragraph. Every entry jumps to its span.
//!
//! Must never: compute the summary on every render; it is recomputed only when the article's
//! spans change.

use std::rc::Rc;

use newsmark_analysis::summary::{summarize, Entry, Source, Summary};
use newsmark_core::{Action, Article, Label, LabelSet, SpanId};
use yew::prelude::*;

use super::use_dispatch;

#[derive(Properties)]
pub struct SummaryPanelProps {
    pub article: Option<Rc<Article>>,
    pub labels: LabelSet,
}

impl PartialEq for SummaryPanelProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.article, &other.article) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) && self.labels == other.labels,
            (None, None) => true,
            _ => false,
        }
    }
}

/// Compared by pointer, so the memo recomputes only for a new article value.
#[derive(Clone)]
struct ArticleKey(Option<Rc<Article>>);

impl PartialEq for ArticleKey {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[function_component(SummaryPanel)]
pub fn summary_panel(props: &SummaryPanelProps) -> Html {
    let dispatch = use_dispatch();
    let summary = use_memo(ArticleKey(props.article.clone()), |key| key.0.as_deref().map(summarize));
    let Some(summary) = summary.as_ref() else { return html! {} };
    let jump = Callback::from(move |id: SpanId| dispatch.dispatch(Action::SelectSpan(Some(id))));

    html! {
        <section class="summary" aria-label="Summary">
            <h2>{ "Summary" }</h2>
            { counts(summary, &props.labels) }
            <h3>{ "Speakers" }</h3>
            if summary.speakers.is_empty() {
                <p class="none">{ "No quotes yet." }</p>
            }
            <ul class="groups">
                { for summary.speakers.iter().map(|s| html! {
                    <li key={s.name.clone()}>
                        <span class="group-name">{ &s.name }</span>
                        if !s.roles.is_empty() {
                            <span class="role">{ format!(", {}", s.roles.join("; ")) }</span>
                        }
                        { entries(&s.quotes, &jump) }
                    </li>
                }) }
            </ul>
            <h3>{ "Sources" }</h3>
            { sources("Named", &summary.named_sources, &jump) }
            { sources("Documents", &summary.documents, &jump) }
            { sources("Anonymous", &summary.anonymous_sources, &jump) }
            <h3>{ format!("Claims with no source ({})", summary.unsourced_claims.len()) }</h3>
            { entries(&summary.unsourced_claims, &jump) }
            <h3>{ "Who demands what from whom" }</h3>
            if summary.demands.is_empty() {
                <p class="none">{ "No demands yet." }</p>
            } else {
                <table class="demands">
                    <thead><tr><th scope="col">{ "By" }</th><th scope="col">{ "Demand" }</th><th scope="col">{ "Addressed to" }</th></tr></thead>
                    <tbody>
                        { for summary.demands.iter().map(|row| html! {
                            <tr key={row.demand.id.as_str()}>
                                <td>{ row.by.clone().unwrap_or_else(|| "—".into()) }</td>
                                <td>{ link(&row.demand, &jump) }</td>
                                <td>{ row.to.clone().unwrap_or_else(|| "—".into()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            { density(summary, &jump) }
        </section>
    }
}

fn counts(summary: &Summary, labels: &LabelSet) -> Html {
    let max = summary.counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    html! {
        <figure class="chart">
            <figcaption>{ "Spans per label" }</figcaption>
            <ul class="bars">
                { for summary.counts.iter().map(|(label, n)| html! {
                    <li class={format!("label-{}", label.css_key())} aria-label={format!("{}: {n}", labels.title(*label))}>
                        <span class="bar-label" aria-hidden="true">{ labels.title(*label) }</span>
                        <span class="bar" aria-hidden="true" style={format!("width: {}%", n * 100 / max)}></span>
                        <span class="bar-value" aria-hidden="true">{ n }</span>
                    </li>
                }) }
            </ul>
        </figure>
    }
}

fn sources(kind: &str, list: &[Source], jump: &Callback<SpanId>) -> Html {
    html! {
        <div class="source-kind">
            <h4>{ format!("{kind} ({})", list.len()) }</h4>
            <ul class="groups">
                { for list.iter().map(|s| html! {
                    <li key={s.name.clone()}><span class="group-name">{ &s.name }</span>{ entries(&s.claims, jump) }</li>
                }) }
            </ul>
        </div>
    }
}

fn entries(list: &[Entry], jump: &Callback<SpanId>) -> Html {
    html! {
        <ul class="entries">
            { for list.iter().map(|e| html! { <li key={e.id.as_str()}>{ link(e, jump) }</li> }) }
        </ul>
    }
}

fn link(e: &Entry, jump: &Callback<SpanId>) -> Html {
    let (jump, id) = (jump.clone(), e.id.clone());
    html! { <button class="link" onclick={move |_| jump.emit(id.clone())}>{ &e.text }</button> }
}

fn density(summary: &Summary, jump: &Callback<SpanId>) -> Html {
    let max = summary.opinion_density.iter().map(|p| p.per_100_words).fold(0.0f32, f32::max);
    let total: usize = summary.opinion_density.iter().map(|p| p.opinions).sum();
    html! {
        <figure class="chart density">
            <figcaption>{ format!("Opinion density by paragraph ({} opinion{})", total, if total == 1 { "" } else { "s" }) }</figcaption>
            <ol class="bars">
                { for summary.opinion_density.iter().filter(|p| p.opinions > 0 || max == 0.0).take(200).map(|p| html! {
                    <li key={p.number} class={format!("label-{}", Label::Opinion.css_key())}
                        aria-label={format!("Paragraph {}: {} opinion{} in {} words", p.number, p.opinions, if p.opinions == 1 { "" } else { "s" }, p.words)}>
                        <span class="bar-label" aria-hidden="true">{ format!("¶{}", p.number) }</span>
                        <span class="bar" aria-hidden="true" style={format!("width: {}%", if max > 0.0 { (p.per_100_words / max * 100.0) as u32 } else { 0 })}></span>
                        <span class="bar-value" aria-hidden="true">{ format!("{:.1}", p.per_100_words) }</span>
                        if let Some(id) = p.first_opinion.clone() {
                            <button class="link jump" onclick={let jump = jump.clone(); move |_| jump.emit(id.clone())}
                                aria-label={format!("Go to paragraph {}", p.number)}>{ "→" }</button>
                        }
                    </li>
                }) }
            </ol>
        </figure>
    }
}
