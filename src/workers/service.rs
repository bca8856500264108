//! The one shape of the app's workers: a `Service` answers requests, and `register` runs it in a
//! Web Worker that numbers each answer with its call and, if the service panics, still answers
//! that call with why.
//!
//! Owns: the messages between the page and a worker (`wire`'s bytes, as `Uint8Array`s), telling the page
//! the worker is ready, and the workers' one panic hook. Must never: know what a service computes,
//! or run on the page's thread (the page's end is `effects::worker_client`).
//!
//! Written on `web_sys` rather than with gloo-worker's bridge: the page needs only this much, and
//! the bridge's code was a tenth of what the page's storage and workers cost in download size.

use std::cell::RefCell;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::wire;

/// What a worker does: answers each request once, or in several parts, the last marked so.
pub trait Service: 'static {
    type Request: Serialize + DeserializeOwned;
    type Answer: Serialize + DeserializeOwned;
    /// Answers `request` by calling `answer(part, last)` one or more times, `last` true once.
    fn answer(request: Self::Request, answer: &mut dyn FnMut(Self::Answer, bool));
}

/// A request with the number its answers come back with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call<R> {
    pub id: u64,
    pub request: R,
}

/// One answer to call `id`, or why the worker stopped before it could answer (a panic: its wasm
/// may be in any state, so the page sends the next call to a fresh worker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply<A> {
    pub id: u64,
    pub answer: Result<A, String>,
    /// Whether this is the call's last answer.
    pub last: bool,
}

/// The message a worker posts once it listens: calls posted before would find no listener.
pub fn is_ready(message: &JsValue) -> bool {
    message.is_null()
}

/// Encodes a message for `postMessage`.
pub fn encode<T: Serialize>(message: &T) -> JsValue {
    let bytes = wire::to_bytes(message).unwrap_or_else(|_| panic!("a worker message could not be encoded"));
    js_sys::Uint8Array::from(bytes.as_slice()).into()
}

/// Decodes a message `encode` made.
pub fn decode<T: DeserializeOwned>(message: JsValue) -> T {
    let bytes = js_sys::Uint8Array::new(&message).to_vec();
    wire::from_bytes(&bytes).unwrap_or_else(|_| panic!("a worker message could not be decoded"))
}

/// Answers the running call with why the worker stopped.
type Stop = Box<dyn FnOnce(String)>;

thread_local! {
    /// Set while a call runs, so that the panic hook can still answer it (see `register`).
    static STOPPED: RefCell<Option<Stop>> = const { RefCell::new(None) };
}

/// Runs in the worker: answers calls, one at a time in the order they arrive, until the page
/// goes away. The release build aborts on a panic, which would leave the page waiting for an
/// answer forever; the hook first answers the call with `what` and the panic's message ("the
/// analysis stopped: …"), so the page can say so.
pub fn register<S: Service>(what: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        if let Some(stopped) = STOPPED.with(|s| s.borrow_mut().take()) {
            stopped(format!("{what} stopped: {info}"));
        }
    }));
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = {
        let scope = scope.clone();
        move |reply: Reply<S::Answer>| {
            let _ = scope.post_message(&encode(&reply));
        }
    };
    let received = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
        let call: Call<S::Request> = decode(message.data());
        let id = call.id;
        let stopped = reply.clone();
        STOPPED.with(|s| *s.borrow_mut() = Some(Box::new(move |why| stopped(Reply { id, answer: Err(why), last: true }))));
        S::answer(call.request, &mut |answer, last| reply(Reply { id, answer: Ok(answer), last }));
        STOPPED.with(|s| s.borrow_mut().take());
    });
    scope.set_onmessage(Some(received.as_ref().unchecked_ref()));
    // The worker listens for as long as it lives.
    received.forget();
    let _ = scope.post_message(&JsValue::NULL);
}
