//! The workspace's articles: switch, rename, delete.

use std::rc::Rc;

use newsmark_core::shown::shown_name;
use newsmark_core::{Action, Article, ArticleId, Dialog};
use yew::prelude::*;

use super::use_dispatch;
use crate::words::plural;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub articles: Vec<Rc<Article>>,
    pub open: Option<ArticleId>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let dispatch = use_dispatch();
    let act = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    html! {
        <nav class="articles" aria-label="Articles">
            <h2>{ format!("Articles ({})", props.articles.len()) }</h2>
            <ul>
                { for props.articles.iter().map(|article| {
                    let title = shown_name(&article.title);
                    let current = props.open.as_ref() == Some(&article.id);
                    html! {
                        <li key={article.id.as_str()} class={classes!(current.then_some("current"))}>
                            <button class="open" aria-current={current.then_some("true")} onclick={act(Action::OpenArticle(article.id.clone()))}>
                                <span class="title">{ title.clone() }</span>
                                <span class="count" aria-label={plural(article.spans.len(), "span", "spans")}>{ article.spans.len() }</span>
                            </button>
                            <button class="icon" aria-label={format!("Rename “{title}”")} title="Rename"
                                onclick={act(Action::OpenDialog(Dialog::Rename { article: article.id.clone() }))}>{ "✎" }</button>
                            <button class="icon" aria-label={format!("Delete “{title}”")} title="Delete (undo with Ctrl+Z)"
                                onclick={act(Action::DeleteArticle(article.id.clone()))}>{ "✕" }</button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
