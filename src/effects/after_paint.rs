//! Runs work once the browser has painted what the current change shows.
//!
//! Owns: the scheduling of work that must follow an edit but must not delay its repaint (saving,
//! the summary). Must never: be used for anything the person waits to see.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long to wait for a frame at most: a hidden tab paints none, and its work must still run.
const NO_FRAME_MS: u32 = 100;

/// Work shared by the frame path and the fallback; whichever runs first takes it.
type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Calls `work` in a task of its own after the next frame is painted, or after `NO_FRAME_MS`
/// if no frame comes (a hidden tab), whichever is first.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let work: Pending = Rc::new(RefCell::new(Some(Box::new(work))));
    let run = {
        let work = work.clone();
        move || {
            if let Some(work) = work.borrow_mut().take() {
                work();
            }
        }
    };
    let fallback = run.clone();
    Timeout::new(NO_FRAME_MS, fallback).forget();
    let Some(window) = web_sys::window() else { return };
    // A task queued from the frame's callback runs after that frame's style, layout and paint.
    let in_frame = Closure::once_into_js(move || Timeout::new(0, run).forget());
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
}
