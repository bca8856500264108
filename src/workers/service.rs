//! The one shape of the app's workers: a `Service` answers requests, and `Served` runs it as a
//! gloo worker that numbers each answer with its call and, if the service panics, still answers
//! that call with why.
//!
//! Owns: the envelope of calls and replies (bincode, through gloo-worker) and the workers' one
//! panic hook. Must never: know what a service computes, or run on the page's thread (the page's
//! end is `effects::worker_client`).

use std::cell::RefCell;
use std::marker::PhantomData;

use gloo::worker::{HandlerId, Registrable, Worker, WorkerScope};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

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

/// A service as a gloo worker: one call at a time, in the order they arrive.
pub struct Served<S>(PhantomData<S>);

/// Answers the running call with why the worker stopped.
type Stop = Box<dyn FnOnce(String)>;

thread_local! {
    /// Answers the call being worked on with why the worker stopped; set while a call runs, so
    /// that the panic hook can still answer it (see `register`).
    static STOPPED: RefCell<Option<Stop>> = const { RefCell::new(None) };
}

impl<S: Service> Worker for Served<S> {
    type Message = ();
    type Input = Call<S::Request>;
    type Output = Reply<S::Answer>;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Served(PhantomData)
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, call: Self::Input, handler: HandlerId) {
        let id = call.id;
        let stopped = scope.clone();
        STOPPED.with(|s| *s.borrow_mut() = Some(Box::new(move |why| stopped.respond(handler, Reply { id, answer: Err(why), last: true }))));
        S::answer(call.request, &mut |answer, last| scope.respond(handler, Reply { id, answer: Ok(answer), last }));
        STOPPED.with(|s| s.borrow_mut().take());
    }
}

/// Runs in the worker: answers calls until the page goes away. The release build aborts on a
/// panic, which would leave the page waiting for an answer forever; the hook first answers the
/// call with `what` and the panic's message ("the analysis stopped: …"), so the page can say so.
pub fn register<S: Service>(what: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        if let Some(stopped) = STOPPED.with(|s| s.borrow_mut().take()) {
            stopped(format!("{what} stopped: {info}"));
        }
    }));
    Served::<S>::registrar().register();
}
