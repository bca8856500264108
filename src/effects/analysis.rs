//! Runs the analysis of an article in the Web Worker and reports the result as an action.
//!
//! Owns: the worker's lifetime (spawned on the first Suggest, replaced after it failed) and
//! the translation of its answers into `Action::SetSuggestions` / `SuggestionsFailed`.
//! Must never: decide whether a result still applies (the reducer drops stale ones), or run the
//! analysis on the page's thread.

use std::cell::Cell;
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};
use newsmark_core::{Action, Analysis, ArticleId};

use crate::store::Dispatch;
use crate::workers::analysis::{Done, Job, SuggestWorker, WORKER_URL};

/// The page's end of the worker.
#[derive(Default)]
pub struct Analyser {
    bridge: Option<WorkerBridge<SuggestWorker>>,
    /// Cleared when the worker reported a failure: its wasm may be in any state, so the next job
    /// goes to a fresh worker.
    healthy: Rc<Cell<bool>>,
}

impl Analyser {
    /// Sends the article's text to the worker; the answer arrives later as an action.
    pub fn start(&mut self, analysis: &Analysis, text: &str, dispatch: &Dispatch) {
        if !self.healthy.get() {
            self.bridge = None;
        }
        let bridge = match &mut self.bridge {
            Some(bridge) => bridge,
            none => {
                self.healthy = Rc::new(Cell::new(true));
                none.insert(spawn(dispatch.clone(), self.healthy.clone()))
            }
        };
        bridge.send(Job { job: analysis.job, article: analysis.article.as_str().to_string(), text: text.to_string() });
    }
}

fn spawn(dispatch: Dispatch, healthy: Rc<Cell<bool>>) -> WorkerBridge<SuggestWorker> {
    SuggestWorker::spawner()
        .callback(move |done: Done| {
            if done.result.is_err() {
                healthy.set(false);
            }
            dispatch.dispatch(action(done));
        })
        // trunk writes the loader script itself (no blob: URL, which the page's CSP refuses) and
        // builds the worker for classic, non-module workers.
        .with_loader(true)
        .as_module(false)
        .spawn(WORKER_URL)
}

/// The action for a worker's answer.
pub fn action(done: Done) -> Action {
    let article = ArticleId::new(done.article);
    match done.result {
        Ok(found) => {
            let suggestions = found.into_iter().filter_map(|f| f.into_suggestion()).collect();
            Action::SetSuggestions { article, job: done.job, suggestions, batch: done.batch, last: done.last }
        }
        Err(why) => Action::SuggestionsFailed { article, job: done.job, why },
    }
}
