//! The save indicator and the notice bar: what the app tells the person about itself.

use newsmark_core::{Action, Notice, NoticeKind, Persistence};
use yew::prelude::*;

use super::use_dispatch;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct SaveIndicatorProps {
    pub saved: bool,
    pub persistence: Persistence,
    pub kept: Option<bool>,
}

#[function_component(SaveIndicator)]
pub fn save_indicator(props: &SaveIndicatorProps) -> Html {
    let (class, text) = match &props.persistence {
        Persistence::Loading => ("save loading", "Loading…".to_string()),
        Persistence::Ready { error: Some(why), .. } => ("save failed", format!("Not saved: {why}")),
        Persistence::Unavailable(_) => ("save failed", "Not saved: storage could not be read".to_string()),
        Persistence::Ready { .. } if props.saved => ("save saved", "All changes saved".to_string()),
        Persistence::Ready { .. } => ("save saving", "Saving…".to_string()),
    };
    // Whether the browser may clear the workspace when space runs low, in the indicator's title.
    let kept = match props.kept {
        Some(true) => "Saved in this browser, which keeps it until you delete it",
        Some(false) => "Saved in this browser, which may clear it when space runs low: export important work",
        None => "Saved in this browser",
    };
    html! { <span class={class} role="status" aria-label="Save status" title={kept} data-kept={props.kept.map(|k| k.to_string())}>{ text }</span> }
}

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
}

#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let dispatch = use_dispatch();
    let Some(notice) = &props.notice else { return html! {} };
    #[cfg(feature = "fault-trigger")]
    crate::fault_trigger::on_render(notice);
    let (class, role) = match notice.kind {
        NoticeKind::Info => ("notice info", "status"),
        NoticeKind::Error => ("notice error", "alert"),
    };
    let dismiss = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotice));
    html! {
        <div class={class} role={role}>
            <span class="notice-text">{ words::notice(&notice.message) }</span>
            <button class="dismiss" onclick={dismiss} aria-label="Dismiss message">{ "×" }</button>
        </div>
    }
}
