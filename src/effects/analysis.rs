//! Runs the analysis of an article in the Web Worker and reports the result as an action.
//!
//! Owns: the analysis worker's client (spawned on the first Suggest, replaced after it failed)
//! and the translation of its answers into `Action::SetSuggestions` / `SuggestionsFailed`.
//! Must never: decide whether a result still applies (the reducer drops stale ones), or run the
//! analysis on the page's thread.

use newsmark_core::{Action, Analysis, ArticleId};

use super::worker_client::Client;
use crate::store::Dispatch;
use crate::workers::analysis::{self, Done, Job, WORKER_URL};

/// The page's end of the worker.
pub struct Analyser(Client<analysis::Analysis>);

impl Default for Analyser {
    fn default() -> Self {
        Analyser(Client::new(WORKER_URL))
    }
}

impl Analyser {
    /// Sends the article's text to the worker; the answer arrives later as actions.
    pub fn start(&mut self, analysis: &Analysis, text: &str, dispatch: &Dispatch) {
        let (job, article, dispatch) = (analysis.job, analysis.article.as_str().to_string(), dispatch.clone());
        self.0.call(Job { text: text.to_string() }, move |answer, last| {
            let done = match answer {
                Ok(part) => Done { job, article: article.clone(), result: Ok(part.found), batch: part.batch, last },
                Err(why) => Done { job, article: article.clone(), result: Err(why), batch: 0, last },
            };
            dispatch.dispatch(action(done));
        });
    }
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
