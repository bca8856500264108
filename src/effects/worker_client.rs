//! The page's end of a worker (`workers::service`): spawned on the first call, calls numbered
//! and their answers handed to the caller that made them, and a fresh worker after one stopped.
//!
//! Owns: a worker's lifetime, holding calls until it is ready, and matching answers to calls.
//! Must never: decide what an answer means (the callers do), or wait for a worker on the page's
//! thread.

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::workers::service::{decode, encode, is_ready, Call, Reply, Service};

/// Where an answer goes: called with each answer to its call (the whole `Reply` message, still
/// encoded), or with why the worker stopped, and whether it is the call's last. Not generic, so
/// the page holds the client's code once for all its workers.
type Answered = Box<dyn FnMut(Result<JsValue, String>, bool)>;

/// The calls not yet fully answered, by number: a handful at most, so a list.
type Waiting = Rc<RefCell<Vec<(u64, Answered)>>>;

/// A running worker.
struct Running {
    worker: Worker,
    /// Calls made before the worker said it is ready, encoded; `None` once it is.
    held: Rc<RefCell<Option<Vec<JsValue>>>>,
    _listener: Closure<dyn FnMut(MessageEvent)>,
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
    pub fn new(url: &'static str) -> Self {
        Client {
            raw: RawClient { url, running: None, healthy: Rc::new(Cell::new(true)), waiting: Rc::default(), next: 0 },
            service: PhantomData,
        }
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
        let mut stale = Vec::new();
        if self.running.is_none() {
            // Calls a stopped worker never answered will not be answered now.
            stale = self.waiting.borrow_mut().drain(..).map(|(_, answer)| answer).collect();
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
            // No worker could be started: this call is answered at once.
            None => stale.extend(self.waiting.borrow_mut().pop().map(|(_, answer)| answer)),
        }
        for mut answer in stale {
            answer(Err("the worker stopped".into()), true);
        }
    }

    fn spawn(&self) -> Option<Running> {
        // trunk's loader script starts the worker's wasm; a classic worker, as trunk builds it.
        let worker = Worker::new(self.url).ok()?;
        let held: Rc<RefCell<Option<Vec<JsValue>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let (waiting, healthy, ready, sender) = (self.waiting.clone(), self.healthy.clone(), held.clone(), worker.clone());
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let data = message.data();
            if is_ready(&data) {
                for call in ready.borrow_mut().take().unwrap_or_default() {
                    let _ = sender.post_message(&call);
                }
                return;
            }
            let Some(head) = ReplyHead::of(&data) else { return };
            if head.failed {
                healthy.set(false);
            }
            // Taken out while it runs, so that it may make calls of its own.
            let position = waiting.borrow().iter().position(|(id, _)| *id == head.id);
            if let Some((id, mut answer)) = position.map(|i| waiting.borrow_mut().swap_remove(i)) {
                answer(Ok(data), head.last);
                if !head.last {
                    waiting.borrow_mut().push((id, answer));
                }
            }
        });
        worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Running { worker, held, _listener: listener })
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
