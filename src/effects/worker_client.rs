//! The page's end of a worker (`workers::service`): spawned on the first call, calls numbered
//! and their answers handed to the caller that made them, and a fresh worker after one stopped.
//!
//! Owns: a worker's lifetime, holding calls until it is ready, matching answers to calls, and
//! noticing a worker that could not start or died: its files did not load (the network gone, a
//! failed fetch), it threw, or its wasm trapped (a panic aborts). Every call it had not answered
//! is then answered with why, at once, so no job waits forever, and the next call starts a fresh
//! worker. Must never: decide what an answer means (the callers do), or wait for a worker on the
//! page's thread.
//!
//! A worker whose scripts fail to load, or that throws, fires `error` on the page; one whose wasm
//! alone fails to load only rejects a promise inside the worker, which the page never sees, so a
//! worker that has not said it is ready within `START_LIMIT_MS` counts as one that could not start.
//! (A worker that closed itself would go unnoticed; newsmark's never do.)

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker};

use crate::workers::service::{decode, encode, is_ready, Call, Reply, Service};

/// Where an answer goes: called with each answer to its call (the whole `Reply` message, still
/// encoded), or with why the worker stopped, and whether it is the call's last. Not generic, so
/// the page holds the client's code once for all its workers.
type Answered = Box<dyn FnMut(Result<JsValue, String>, bool)>;

/// The calls not yet fully answered, by number: a handful at most, so a list.
type Waiting = Rc<RefCell<Vec<(u64, Answered)>>>;

/// How long a worker may take to say it is ready (loading and compiling its wasm takes well under
/// a second here) before it counts as one that could not start.
const START_LIMIT_MS: u32 = 30_000;

/// A running worker.
struct Running {
    worker: Worker,
    /// Calls made before the worker said it is ready, encoded; `None` once it is.
    held: Rc<RefCell<Option<Vec<JsValue>>>>,
    _listener: Closure<dyn FnMut(MessageEvent)>,
    _failed: Closure<dyn FnMut(Event)>,
    /// Cancelled when the worker goes (dropped with it).
    _start_limit: Timeout,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The page's end of one worker, for the requests and answers of service `S`.
pub struct Client<S: Service> {
    raw: RawClient,
    service: PhantomData<S>,
}

impl<S: Service> Client<S> {
    /// The client of the worker whose loader script is at `url`.
    pub fn new(url: &'static str) -> Self {
        Client {
            raw: RawClient {
                url,
                start_limit: START_LIMIT_MS,
                running: None,
                healthy: Rc::new(Cell::new(true)),
                waiting: Rc::default(),
                next: 0,
            },
            service: PhantomData,
        }
    }

    /// Sets how long a worker may take to say it is ready (tests shorten it).
    pub fn with_start_limit(mut self, ms: u32) -> Self {
        self.raw.start_limit = ms;
        self
    }

    /// Sends `request`; `answer` runs later, on the page, with each answer to it (a service may
    /// answer in parts) or once with why the worker stopped, and whether that was the last.
    pub fn call(&mut self, request: S::Request, mut answer: impl FnMut(Result<S::Answer, String>, bool) + 'static) {
        self.raw.next += 1;
        let id = self.raw.next;
        self.raw.call(
            id,
            encode(&Call { id, request }),
            Box::new(move |reply, last| match reply {
                Ok(message) => answer(decode::<Reply<S::Answer>>(message).answer, last),
                Err(why) => answer(Err(why), last),
            }),
        );
    }
}

/// The part of a client that does not depend on the service.
struct RawClient {
    /// Where trunk puts the worker's loader script (index.html, `data-loader-shim`), relative to
    /// the page, so the worker is always loaded from the page's own origin.
    url: &'static str,
    start_limit: u32,
    running: Option<Running>,
    /// Cleared when the worker stopped: its wasm may be in any state, so the next call goes to
    /// a fresh worker.
    healthy: Rc<Cell<bool>>,
    waiting: Waiting,
    next: u64,
}

impl RawClient {
    /// Sends call `id`, encoded as `call`.
    fn call(&mut self, id: u64, call: JsValue, answer: Answered) {
        if !self.healthy.get() {
            self.running = None;
        }
        if self.running.is_none() {
            self.healthy = Rc::new(Cell::new(true));
            self.running = self.spawn();
        }
        self.waiting.borrow_mut().push((id, answer));
        match &self.running {
            Some(running) => match running.held.borrow_mut().as_mut() {
                Some(held) => held.push(call),
                None => {
                    let _ = running.worker.post_message(&call);
                }
            },
            // No worker could be made: the call is answered at once.
            None => fail(&self.waiting, false),
        }
    }

    fn spawn(&self) -> Option<Running> {
        // trunk's loader script starts the worker's wasm; a classic worker, as trunk builds it.
        let worker = Worker::new(self.url).ok()?;
        let held: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let stop = Stop { worker: worker.clone(), held: held.clone(), healthy: self.healthy.clone(), waiting: self.waiting.clone() };
        let on_message = stop.clone();
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let Stop { worker, held, waiting, .. } = &on_message;
            let data = message.data();
            if is_ready(&data) {
                for call in held.borrow_mut().take().unwrap_or_default() {
                    let _ = worker.post_message(&call);
                }
                return;
            }
            let Some(head) = ReplyHead::of(&data) else { return };
            // Taken out while it runs, so that it may make calls of its own.
            let position = waiting.borrow().iter().position(|(id, _)| *id == head.id);
            if let Some((id, mut answer)) = position.map(|i| waiting.borrow_mut().swap_remove(i)) {
                answer(Ok(data), head.last);
                if !head.last {
                    waiting.borrow_mut().push((id, answer));
                }
            }
            // The worker answered that it stopped (a panic): the calls it holds will not be.
            if head.failed {
                on_message.stop();
            }
        });
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        let on_error = stop.clone();
        let failed = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            // Handled here: the page's console need not report it as uncaught.
            event.prevent_default();
            on_error.stop();
        });
        worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
        let start_limit = Timeout::new(self.start_limit, move || {
            if stop.held.borrow().is_some() {
                stop.stop();
            }
        });
        Some(Running { worker, held, _listener: listener, _failed: failed, _start_limit: start_limit })
    }
}

/// A running worker's parts that its `error` event, a failed reply and its start limit need to
/// end it.
#[derive(Clone)]
struct Stop {
    worker: Worker,
    /// `Some` until the worker said it is ready.
    held: Rc<RefCell<Option<Vec<JsValue>>>>,
    healthy: Rc<Cell<bool>>,
    waiting: Waiting,
}

impl Stop {
    /// Ends the worker and answers every call it had not answered; the next call goes to a fresh
    /// worker. A worker that never said it was ready could not load or start its code.
    fn stop(&self) {
        self.worker.terminate();
        self.healthy.set(false);
        let started = self.held.borrow_mut().take().is_none();
        fail(&self.waiting, started);
    }
}

/// Answers every waiting call with why: the worker stopped, or never `started`. (The caller's
/// message says which worker: "The analysis could not finish: …".)
fn fail(waiting: &Waiting, started: bool) {
    let why = match started {
        true => "the worker stopped unexpectedly. Trying again starts it afresh.",
        false => "the worker could not start because its files did not load. Check the connection, then try again.",
    };
    let stale = std::mem::take(&mut *waiting.borrow_mut());
    for (_, mut answer) in stale {
        answer(Err(why.into()), true);
    }
}

/// What the page needs of a `Reply` before it knows the answer's type, read from its encoding
/// (bincode, fixed width, fields in order): the call's number (the first 8 bytes, little-endian),
/// whether the worker stopped (the `Result`'s tag, the next 4) and whether it is the last (the
/// final byte).
struct ReplyHead {
    id: u64,
    failed: bool,
    last: bool,
}

impl ReplyHead {
    fn of(message: &JsValue) -> Option<ReplyHead> {
        // Only these bytes are read: an answer may be megabytes long.
        let bytes = js_sys::Uint8Array::new(message);
        let len = bytes.length();
        if len < 13 {
            return None;
        }
        let le = |from: u32, n: u32| (0..n).rev().fold(0u64, |v, i| v << 8 | u64::from(bytes.get_index(from + i)));
        Some(ReplyHead { id: le(0, 8), failed: le(8, 4) == 1, last: bytes.get_index(len - 1) == 1 })
    }
}
