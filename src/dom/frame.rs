//! Frame timing, for the whole app: waiting for the next frame, and running work once the
//! browser has painted what the current change shows.
//!
//! Owns: the only uses of `requestAnimationFrame`, and the fallback timer for a hidden tab, which
//! paints no frames but must still finish its work. Must never: be used to delay anything the
//! person waits to see.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long to wait for a frame at most: a hidden tab paints none, and its work must still run.
const NO_FRAME_MS: u32 = 100;

/// Work shared by the frame path and the fallback; whichever runs first takes it.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Calls `in_frame` from the next frame's animation callbacks, or after `NO_FRAME_MS` if no
/// frame comes, whichever is first; only once.
fn on_next_frame(in_frame: impl FnOnce() + 'static) {
    let work: Pending = Rc::new(RefCell::new(Some(Box::new(in_frame))));
    let run = move || {
        if let Some(work) = work.borrow_mut().take() {
            work();
        }
    };
    Timeout::new(NO_FRAME_MS, run.clone()).forget();
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(run);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Resumes in the next frame's animation callbacks, so what is added then is laid out and
/// painted in that frame; or after `NO_FRAME_MS` in a tab that paints no frames.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        on_next_frame(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `work` in a task of its own after the next frame is painted, or after `NO_FRAME_MS`
/// if no frame comes (a hidden tab), whichever is first.
pub fn after_paint(work: impl FnOnce() + 'static) {
    // A task queued from the frame's callback runs after that frame's style, layout and paint.
    on_next_frame(move || {
        Timeout::new(0, work).forget();
    });
}
