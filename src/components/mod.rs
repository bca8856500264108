//! Yew components. Each renders one part of the state and sends actions through the
//! `Dispatch` context. Must never: hold state of their own that the core state should hold
//! (form drafts and open/closed menus are the only local state).

pub mod article_list;
pub mod article_view;
pub mod dialogs;
pub mod label_editor;
pub mod label_mapping;
pub mod modal;
pub mod relation_panel;
pub mod side_panel;
pub mod span_editor;
pub mod status;
pub mod storage_notice;
pub mod suggestion_panel;
pub mod summary_panel;
pub mod toolbar;

use yew::prelude::*;

use crate::store::Dispatch;

/// The dispatcher provided by the app shell.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside the app's ContextProvider")
}
