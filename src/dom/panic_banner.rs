//! The banner a panic in the page's wasm shows: it says newsmark may not respond any more, and
//! offers to export the work saved in this browser (`effects::rescue`) before a reload.
//!
//! Owns: the banner, built with plain DOM calls when the app is mounted and hidden until a panic,
//! and the panic hook that shows it (added to Yew's, which logs the panic to the console). Must
//! never: use Yew or the app's state (a release build aborts on a panic, so the panic may have
//! left Yew's scheduler, and any `RefCell` borrowed at the time, locked for good; the banner and
//! its button use neither).
//!
//! The hook runs before the abort, while the wasm is still sound, and only unhides the banner, so
//! it needs nothing that the panic may have broken. The button's handler runs later, as a fresh
//! call from the browser. A panic before the app is mounted is only logged.

use wasm_bindgen::prelude::*;

use crate::effects::rescue;
use crate::store::Dispatch;

/// The banner, written whole: its words are fixed, so no person's text goes into this HTML.
const BANNER: &str = "<div id=nm-panic role=alert hidden><p>newsmark ran into an internal error and may not respond any more. \
What it saved is kept: export it, then reload the page.</p><button>Export your work</button><p role=status></p></div>";

/// Adds the hidden banner to the page and the hook that shows it; called once the app is
/// mounted. Exporting reads storage through `dispatch` (`effects::storage::load`).
pub fn arm(dispatch: Dispatch) {
    #[cfg(feature = "fault-trigger")]
    crate::fault_trigger::listen(dispatch.clone());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let _ = body.insert_adjacent_html("beforeend", BANNER);
    let find = |selector| document.query_selector(selector).ok().flatten();
    let (Some(button), Some(said)) = (find("#nm-panic button"), find("#nm-panic [role=status]")) else { return };
    let click = Closure::<dyn FnMut()>::new(move || {
        let said = said.clone();
        rescue::export_saved(dispatch.clone(), move |words| said.set_text_content(Some(&words)));
    });
    let _ = button.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    // The banner stays for as long as the page.
    click.forget();
    let logged = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        logged(info);
        if let Some(banner) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("nm-panic")) {
            let _ = banner.remove_attribute("hidden");
        }
    }));
}
