//! The page's end of the formats worker: spawning it on the first import or export that needs
//! another tool's format or a zip, sending requests, and handing each answer to its caller.
//!
//! Owns: the formats worker's client, one for the page. Must never: read or write a format on
//! the page's thread (the worker does, so the app's wasm holds none of it), or decide what an
//! answer means (the callers do).

use std::cell::RefCell;

use super::worker_client::Client;
use crate::workers::formats::{Answer, Formats, Request, WORKER_URL};

thread_local! {
    static WORKER: RefCell<Client<Formats>> = RefCell::new(Client::new(WORKER_URL));
}

/// Sends `request` to the worker; `answer` runs with its answer, later, on the page
/// (`Answer::Failed` if the worker stopped first).
pub fn call(request: Request, answer: impl FnOnce(Answer) + 'static) {
    let mut answer = Some(answer);
    WORKER.with(|w| {
        w.borrow_mut().call(request, move |answered, _last| {
            if let Some(answer) = answer.take() {
                answer(answered.unwrap_or_else(Answer::Failed));
            }
        })
    });
}
