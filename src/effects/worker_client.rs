//! The page's end of a worker (`workers::service`): spawned on the first call, calls numbered
//! and their answers handed to the caller that made them, and a fresh worker after one stopped.
//!
//! Owns: a worker's lifetime and matching answers to calls. Must never: decide what an answer
//! means (the callers do), or wait for a worker on the page's thread.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};

use crate::workers::service::{Call, Reply, Served, Service};

/// Where an answer goes: called with each answer to its call, or with why the worker stopped, and
/// whether it is the call's last.
type Answered<S> = Box<dyn FnMut(Result<<S as Service>::Answer, String>, bool)>;

/// The calls not yet fully answered, by number: a handful at most, so a list.
type Waiting<S> = Rc<RefCell<Vec<(u64, Answered<S>)>>>;

/// The page's end of one worker.
pub struct Client<S: Service> {
    /// Where trunk puts the worker's loader script (index.html, `data-loader-shim`), relative to
    /// the page, so the worker is always loaded from the page's own origin.
    url: &'static str,
    bridge: Option<WorkerBridge<Served<S>>>,
    /// Cleared when the worker stopped: its wasm may be in any state, so the next call goes to
    /// a fresh worker.
    healthy: Rc<Cell<bool>>,
    waiting: Waiting<S>,
    next: u64,
}

impl<S: Service> Client<S> {
    pub fn new(url: &'static str) -> Self {
        Client { url, bridge: None, healthy: Rc::new(Cell::new(true)), waiting: Rc::default(), next: 0 }
    }

    /// Sends `request`; `answer` runs later, on the page, with each answer to it (a service may
    /// answer in parts) or once with why the worker stopped, and whether that was the last.
    pub fn call(&mut self, request: S::Request, answer: impl FnMut(Result<S::Answer, String>, bool) + 'static) {
        if !self.healthy.get() {
            self.bridge = None;
        }
        let mut stale = Vec::new();
        if self.bridge.is_none() {
            // Calls a stopped worker never answered will not be answered now.
            stale = self.waiting.borrow_mut().drain(..).map(|(_, answer)| answer).collect();
            self.healthy = Rc::new(Cell::new(true));
            self.bridge = Some(self.spawn());
        }
        self.next += 1;
        self.waiting.borrow_mut().push((self.next, Box::new(answer)));
        if let Some(bridge) = &self.bridge {
            bridge.send(Call { id: self.next, request });
        }
        for mut answer in stale {
            answer(Err("the worker stopped".into()), true);
        }
    }

    fn spawn(&self) -> WorkerBridge<Served<S>> {
        let (waiting, healthy) = (self.waiting.clone(), self.healthy.clone());
        Served::<S>::spawner()
            .callback(move |reply: Reply<S::Answer>| {
                if reply.answer.is_err() {
                    healthy.set(false);
                }
                // Taken out while it runs, so that it may make calls of its own.
                let position = waiting.borrow().iter().position(|(id, _)| *id == reply.id);
                if let Some((id, mut answer)) = position.map(|i| waiting.borrow_mut().swap_remove(i)) {
                    answer(reply.answer, reply.last);
                    if !reply.last {
                        waiting.borrow_mut().push((id, answer));
                    }
                }
            })
            // trunk writes the loader script itself (no blob: URL, which the page's CSP refuses)
            // and builds the worker for classic, non-module workers.
            .with_loader(true)
            .as_module(false)
            .spawn(self.url)
    }
}
