//! The page's end of the formats worker: spawning it on the first import or export that needs
//! another tool's format or a zip, sending calls, and handing each answer to its caller.
//!
//! Owns: the worker's lifetime (spawned once, replaced after it failed) and matching answers to
//! calls. Must never: read or write a format on the page's thread (the worker does, so the app's
//! wasm holds none of it), or decide what an answer means (the callers do).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};

use crate::workers::formats::{Answer, Call, FormatsWorker, Reply, Request, WORKER_URL};

type Waiting = HashMap<u64, Box<dyn FnOnce(Answer)>>;

#[derive(Default)]
struct Worker {
    bridge: Option<WorkerBridge<FormatsWorker>>,
    /// Cleared when the worker reported a failure: its wasm may be in any state, so the next
    /// call goes to a fresh worker.
    healthy: Rc<Cell<bool>>,
    waiting: Rc<RefCell<Waiting>>,
    next: u64,
}

thread_local! {
    static WORKER: RefCell<Worker> = RefCell::new(Worker::default());
}

/// Sends `request` to the worker; `answer` runs with its answer, later, on the page.
pub fn call(request: Request, answer: impl FnOnce(Answer) + 'static) {
    let stale = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let mut stale = Vec::new();
        if !w.healthy.get() {
            w.bridge = None;
        }
        if w.bridge.is_none() {
            // Calls a failed worker never answered will not be answered now.
            stale = w.waiting.borrow_mut().drain().map(|(_, answer)| answer).collect();
            w.healthy = Rc::new(Cell::new(true));
            w.bridge = Some(spawn(w.waiting.clone(), w.healthy.clone()));
        }
        w.next += 1;
        let id = w.next;
        w.waiting.borrow_mut().insert(id, Box::new(answer));
        if let Some(bridge) = &w.bridge {
            bridge.send(Call { id, request });
        }
        stale
    });
    for answer in stale {
        answer(Answer::Failed("the worker stopped".into()));
    }
}

fn spawn(waiting: Rc<RefCell<Waiting>>, healthy: Rc<Cell<bool>>) -> WorkerBridge<FormatsWorker> {
    FormatsWorker::spawner()
        .callback(move |reply: Reply| {
            if matches!(reply.answer, Answer::Failed(_)) {
                healthy.set(false);
            }
            let answer = waiting.borrow_mut().remove(&reply.id);
            if let Some(answer) = answer {
                answer(reply.answer);
            }
        })
        // As for the analysis worker: trunk writes the loader script (no blob: URL, which the
        // page's CSP refuses) and builds the worker for classic, non-module workers.
        .with_loader(true)
        .as_module(false)
        .spawn(WORKER_URL)
}
