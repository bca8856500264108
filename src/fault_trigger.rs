//! Test-only faults, compiled only with the cargo feature `fault-trigger` (off by default): the
//! end-to-end tests build the app with it into `dist-faults/` and make the page and the analysis
//! worker panic on purpose. The release never holds it: a test reads the release's files for
//! `TRIGGER` (tests/e2e/panic.spec.js).
//!
//! Owns: what sets each fault off. Must never: be compiled into the release, or be reached by
//! anything a person does with an ordinary article.

use gloo::events::EventListener;
use newsmark_core::{Action, Message, Notice};

use crate::store::Dispatch;

/// The window event that makes the page panic, and the text that makes the analysis panic.
pub const TRIGGER: &str = "newsmark-fault-trigger";

/// Listens for `TRIGGER` on the window: it shows a notice that the notice bar panics on while it
/// renders, so the panic happens inside Yew's scheduler, as an app bug's would.
pub fn listen(dispatch: Dispatch) {
    let window = web_sys::window().expect("window");
    EventListener::new(&window, TRIGGER, move |_| dispatch.dispatch(Action::Notify(Notice::error(Message::Worded(TRIGGER.into())))))
        .forget();
}

/// Called by the notice bar as it renders `notice`.
pub fn on_render(notice: &Notice) {
    if notice.message == Message::Worded(TRIGGER.into()) {
        panic!("{TRIGGER}: a test-only panic while the page renders");
    }
}

/// Called by the analysis worker with an article's text.
pub fn in_worker(text: &str) {
    if text.contains(TRIGGER) {
        panic!("{TRIGGER}: a test-only panic in the analysis");
    }
}
