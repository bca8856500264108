//! The summary of the open article: counts per label as a chart, speakers with their quotes and
//! roles, sources by kind, claims without a source, who demands what from whom, opinion holders
//! and opinion density by paragraph. Every entry jumps to its span.
//!
//! The summary is made in the analysis worker (`effects::analysis::summarize`); only the counts
//! per label are made here. Must never: ask for the summary during a render or right after an
//! edit (it is asked for when the person pauses, so an edit is never slowed by it); put a whole long list into the
//! page (each list shows its first entries and a "Show all" button: a 10,000-span article would
//! otherwise add tens of thousands of buttons, and every edit would re-render them).

use std::collections::HashSet;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use newsmark_analysis::summary::{label_counts, Entry, Source, Summary};
use newsmark_core::decimal::fixed;
use newsmark_core::{Action, Article, Label, LabelSet, SpanId};
use yew::prelude::*;

use super::use_dispatch;
use crate::dom::frame::after_paint;
use crate::effects::analysis;
use crate::words::plural;

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

/// A summary, or why the worker could not make one.
type Made = Result<Rc<Summary>, String>;

/// The summary of `key`'s article: asked of the worker after the frame that shows a newly opened
/// article, and `PAUSE_MS` after an edit to it. Until it comes the summary of the article's
/// previous value is shown; an answer for a value that is no longer the newest is dropped.
#[hook]
fn use_summary(key: ArticleKey) -> Option<Made> {
    let computed = use_state(|| None::<(ArticleKey, Option<Made>)>);
    let wanted = use_mut_ref(|| key.clone());
    *wanted.borrow_mut() = key.clone();
    {
        let computed = computed.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            // Another article is shown at once; edits to the same one are summarised once the
            // person pauses, so a run of quick edits never waits for the summary.
            let same_article = computed.as_ref().is_some_and(|(before, _)| same_article(before, &key));
            let compute = move || {
                // A newer article value is on its way to its own summary: skip this one.
                if *wanted.borrow() != key {
                    return;
                }
                let Some(article) = key.0.clone() else { return computed.set(Some((key, None))) };
                let counts = label_counts(&article);
                analysis::summarize(&article, move |made| {
                    if *wanted.borrow() == key {
                        let made = made.map(|summary| Rc::new(Summary { counts, ..summary }));
                        computed.set(Some((key, Some(made))));
                    }
                });
            };
            if same_article {
                Timeout::new(PAUSE_MS, compute).forget();
            } else {
                after_paint(compute);
            }
        });
    }
    match &*computed {
        // Another article's summary is never shown, not even for a frame.
        Some((before, made)) if same_article(before, &key) => made.clone(),
        _ => None,
    }
}

/// How long after an edit to the open article its summary is brought up to date.
const PAUSE_MS: u32 = 250;

fn same_article(a: &ArticleKey, b: &ArticleKey) -> bool {
    matches!((&a.0, &b.0), (Some(a), Some(b)) if a.id == b.id)
}

/// Entries of one list (a speaker's quotes, a source's claims, unsourced claims) shown before
/// its "Show all" button.
pub const ENTRIES_SHOWN: usize = 10;
/// Groups of one section (speakers, sources of a kind, demand rows) shown before "Show all".
pub const GROUPS_SHOWN: usize = 20;

/// Which lists the person opened in full, by a key naming the list; and how to open or close one.
#[derive(Clone)]
struct Lists {
    open: Rc<HashSet<String>>,
    toggle: Callback<String>,
}

impl Lists {
    /// How many of `len` items list `key` shows.
    fn shown(&self, key: &str, len: usize, limit: usize) -> usize {
        if self.open.contains(key) {
            len
        } else {
            len.min(limit)
        }
    }

    /// The button that opens list `key` in full, or closes it again; nothing for a short list.
    fn toggle(&self, key: &str, len: usize, limit: usize, what: &str) -> Html {
        if len <= limit {
            return html! {};
        }
        let open = self.open.contains(key);
        let label = if open { format!("Show fewer {what}") } else { format!("Show all {len} {what}") };
        let (toggle, key) = (self.toggle.clone(), key.to_string());
        html! {
            <button class="show-all" aria-expanded={if open { "true" } else { "false" }} onclick={move |_| toggle.emit(key.clone())}>{ label }</button>
        }
    }
}

#[function_component(SummaryPanel)]
pub fn summary_panel(props: &SummaryPanelProps) -> Html {
    match use_summary(ArticleKey(props.article.clone())) {
        Some(Ok(summary)) => html! { <SummaryView {summary} labels={props.labels.clone()} /> },
        Some(Err(why)) => html! {
            <section class="summary" aria-label="Summary"><h2>{ "Summary" }</h2><p class="none" role="status">{ format!("The summary could not be made: {why}") }</p></section>
        },
        None => html! {},
    }
}

#[derive(Properties)]
struct SummaryViewProps {
    summary: Rc<Summary>,
    labels: LabelSet,
}

/// By pointer: an edit re-renders the panel, but the summary shown stays the same value until it
/// is recomputed, and then the view is not rendered again.
impl PartialEq for SummaryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.summary, &other.summary) && self.labels == other.labels
    }
}

#[function_component(SummaryView)]
fn summary_view(props: &SummaryViewProps) -> Html {
    let dispatch = use_dispatch();
    let open = use_state(|| Rc::new(HashSet::<String>::new()));
    let toggle = {
        let open = open.clone();
        Callback::from(move |key: String| {
            let mut next = (**open).clone();
            if !next.remove(&key) {
                next.insert(key);
            }
            open.set(Rc::new(next));
        })
    };
    let lists = Lists { open: (*open).clone(), toggle };
    let summary = &*props.summary;
    let jump = Callback::from(move |id: SpanId| dispatch.dispatch(Action::SelectSpan(Some(id))));
    let speakers_shown = lists.shown("speakers", summary.speakers.len(), GROUPS_SHOWN);
    let demands_shown = lists.shown("demands", summary.demands.len(), GROUPS_SHOWN);

    html! {
        <section class="summary" aria-label="Summary">
            <h2>{ "Summary" }</h2>
            { counts(summary, &props.labels) }
            <h3>{ "Speakers" }</h3>
            if summary.speakers.is_empty() {
                <p class="none">{ "No quotes yet." }</p>
            }
            <ul class="groups">
                { for summary.speakers.iter().take(speakers_shown).map(|s| html! {
                    <li key={s.name.clone()}>
                        <span class="group-name">{ &s.name }</span>
                        if !s.roles.is_empty() {
                            <span class="role">{ format!(", {}", s.roles.join("; ")) }</span>
                        }
                        { entries(&s.quotes, &format!("speaker:{}", s.name), "quotes", &lists, &jump) }
                    </li>
                }) }
            </ul>
            { lists.toggle("speakers", summary.speakers.len(), GROUPS_SHOWN, "speakers") }
            <h3>{ "Sources" }</h3>
            { sources("Named", &summary.named_sources, &lists, &jump) }
            { sources("Documents", &summary.documents, &lists, &jump) }
            { sources("Anonymous", &summary.anonymous_sources, &lists, &jump) }
            <h3>{ format!("Claims with no source ({})", summary.unsourced_claims.len()) }</h3>
            { entries(&summary.unsourced_claims, "unsourced", "claims", &lists, &jump) }
            <h3>{ "Who demands what from whom" }</h3>
            if summary.demands.is_empty() {
                <p class="none">{ "No demands yet." }</p>
            } else {
                <table class="demands">
                    <thead><tr><th scope="col">{ "By" }</th><th scope="col">{ "Demand" }</th><th scope="col">{ "Addressed to" }</th></tr></thead>
                    <tbody>
                        { for summary.demands.iter().take(demands_shown).map(|row| html! {
                            <tr key={row.demand.id.clone()}>
                                <td>{ row.by.clone().unwrap_or_else(|| "—".into()) }</td>
                                <td>{ link(&row.demand, &jump) }</td>
                                <td>{ row.to.clone().unwrap_or_else(|| "—".into()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                { lists.toggle("demands", summary.demands.len(), GROUPS_SHOWN, "demands") }
            }
            <h3>{ format!("Opinion holders ({})", summary.holders.len()) }</h3>
            { groups("holders", &summary.holders, "holders", "opinions", &lists, &jump) }
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
                        <progress class="bar" aria-hidden="true" max="100" value={(n * 100 / max).to_string()}></progress>
                        <span class="bar-value" aria-hidden="true">{ n }</span>
                    </li>
                }) }
            </ul>
        </figure>
    }
}

fn sources(kind: &str, list: &[Source], lists: &Lists, jump: &Callback<SpanId>) -> Html {
    html! {
        <div class="source-kind">
            <h4>{ format!("{kind} ({})", list.len()) }</h4>
            { groups(&format!("sources:{kind}"), list, "sources", "claims", lists, jump) }
        </div>
    }
}

/// Named groups (sources with their claims, holders with their opinions) as list `key`.
fn groups(key: &str, list: &[Source], what: &str, entries_what: &str, lists: &Lists, jump: &Callback<SpanId>) -> Html {
    html! {
        <>
            <ul class="groups">
                { for list.iter().take(lists.shown(key, list.len(), GROUPS_SHOWN)).map(|s| html! {
                    <li key={s.name.clone()}>
                        <span class="group-name">{ &s.name }</span>
                        { entries(&s.claims, &format!("{key}:{}", s.name), entries_what, lists, jump) }
                    </li>
                }) }
            </ul>
            { lists.toggle(key, list.len(), GROUPS_SHOWN, what) }
        </>
    }
}

/// The entries of list `key`, the first `ENTRIES_SHOWN` unless the person opened it in full.
fn entries(list: &[Entry], key: &str, what: &str, lists: &Lists, jump: &Callback<SpanId>) -> Html {
    html! {
        <>
            <ul class="entries">
                { for list.iter().take(lists.shown(key, list.len(), ENTRIES_SHOWN)).map(|e| html! { <li key={e.id.clone()}>{ link(e, jump) }</li> }) }
            </ul>
            { lists.toggle(key, list.len(), ENTRIES_SHOWN, what) }
        </>
    }
}

fn link(e: &Entry, jump: &Callback<SpanId>) -> Html {
    let (jump, id) = (jump.clone(), SpanId::new(e.id.as_str()));
    html! { <button class="link" onclick={move |_| jump.emit(id.clone())}>{ &e.text }</button> }
}

fn density(summary: &Summary, jump: &Callback<SpanId>) -> Html {
    let max = summary.opinion_density.iter().map(|p| p.per_100_words).fold(0.0f32, f32::max);
    let total: usize = summary.opinion_density.iter().map(|p| p.opinions).sum();
    html! {
        <figure class="chart density">
            <figcaption>{ format!("Opinion density by paragraph ({})", plural(total, "opinion", "opinions")) }</figcaption>
            <ol class="bars">
                { for summary.opinion_density.iter().filter(|p| p.opinions > 0 || max == 0.0).take(200).map(|p| html! {
                    <li key={p.number} class={format!("label-{}", Label::Opinion.css_key())}
                        aria-label={format!("Paragraph {}: {} in {} words", p.number, plural(p.opinions, "opinion", "opinions"), p.words)}>
                        <span class="bar-label" aria-hidden="true">{ format!("¶{}", p.number) }</span>
                        <progress class="bar" aria-hidden="true" max="100" value={(if max > 0.0 { (p.per_100_words / max * 100.0) as u32 } else { 0 }).to_string()}></progress>
                        <span class="bar-value" aria-hidden="true">{ fixed(f64::from(p.per_100_words), 1) }</span>
                        if let Some(id) = p.first_opinion.as_deref().map(SpanId::new) {
                            <button class="link jump" onclick={let jump = jump.clone(); move |_| jump.emit(id.clone())}
                                aria-label={format!("Go to paragraph {}", p.number)}>{ "→" }</button>
                        }
                    </li>
                }) }
            </ol>
        </figure>
    }
}
