//! What storage needs the person to know and do: the browser's storage is full (their work is
//! safe in this tab; export it), or part of the stored workspace could not be read (download it).
//!
//! Must never: hide a problem while it lasts; the save indicator says the short version.

use newsmark_core::format::export_json;
use newsmark_core::{Action, Article, Persistence};
use yew::prelude::*;

use super::toolbar::exported;
use super::use_dispatch;
use crate::effects::storage::StorageFacts;
use crate::effects::{download, now_iso};
use crate::store::Latest;

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    pub persistence: Persistence,
    pub facts: StorageFacts,
    pub latest: Latest,
}

#[function_component(StorageNotice)]
pub fn storage_notice(props: &StorageNoticeProps) -> Html {
    let dispatch = use_dispatch();
    let full = matches!(props.persistence, Persistence::Ready { full: true, .. });
    if !full && props.facts.unreadable == 0 {
        return html! {};
    }
    let export = {
        let latest = props.latest.clone();
        Callback::from(move |_: MouseEvent| {
            let store = latest.state();
            let state = &store.0;
            let articles: Vec<&Article> = state.document.articles.iter().map(|a| a.as_ref()).collect();
            let json = export_json(&articles, &state.document.labels, &now_iso());
            let result = download::offer("newsmark-workspace.json", "application/json", &json);
            dispatch.dispatch(Action::Notify(exported(result.map(|()| articles.len()))));
        })
    };
    let download = props.facts.download_unreadable.reform(|_: MouseEvent| ());
    html! {
        <div class="storage-notice" role="alert">
            if full {
                <p>
                    { "Your latest changes are not saved: this browser's storage for newsmark is full. " }
                    { "They are kept in this tab while it stays open, and everything saved before is still saved. " }
                    { "Export your work now, or free space (delete articles you no longer need, or other sites' data); saving goes on by itself when there is room." }
                </p>
                <button onclick={export}>{ "Export your work" }</button>
            }
            if props.facts.unreadable > 0 {
                <p>{ format!("{} stored article(s) could not be read. They are kept in this browser as they were.", props.facts.unreadable) }</p>
                <button onclick={download}>{ "Download unreadable records" }</button>
            }
        </div>
    }
}
