//! Runs the analysis of an article in the Web Worker: suggestions, reported as actions, and the
//! summary, handed to the summary panel.
//!
//! Owns: the page's one analysis worker client (spawned on the first job, replaced after it
//! failed), shared by Suggest and the summary panel, and the translation of its answers into
//! `Action::SetSuggestions` / `SuggestionsFailed`. Must never: decide whether a result still
//! applies (the reducer drops stale suggestions; the panel drops a stale summary), or run the
//! analysis on the page's thread.

use std::cell::RefCell;

use newsmark_analysis::summary::Summary;
use newsmark_core::{Action, Analysis, Article, ArticleId};

use super::worker_client::Client;
use crate::store::Dispatch;
use crate::workers::analysis::{self, Answer, Done, Job, RelationPart, SpanPart, WORKER_URL};

thread_local! {
    /// The page's end of the worker, one for the page so that suggestions and summaries share it.
    static ANALYSER: RefCell<Client<analysis::Analysis>> = RefCell::new(Client::new(WORKER_URL));
}

/// Sends the article's text to the worker; the answer arrives later as actions.
pub fn start(analysis: &Analysis, text: &str, dispatch: &Dispatch) {
    let (job, article, dispatch) = (analysis.job, analysis.article.as_str().to_string(), dispatch.clone());
    let call = Job::Suggest { text: text.to_string() };
    ANALYSER.with(|client| {
        client.borrow_mut().call(call, move |answer, last| {
            let result = match answer {
                Ok(Answer::Batch(part)) => Ok((part.found, part.batch)),
                Ok(Answer::Summary(_)) => Err("the analysis answered with a summary".to_string()),
                Err(why) => Err(why),
            };
            let done = match result {
                Ok((found, batch)) => Done { job, article: article.clone(), result: Ok(found), batch, last },
                Err(why) => Done { job, article: article.clone(), result: Err(why), batch: 0, last },
            };
            dispatch.dispatch(action(done));
        })
    });
}

/// Asks the worker for `article`'s summary; `done` gets it, or why there is none.
pub fn summarize(article: &Article, done: impl FnOnce(Result<Summary, String>) + 'static) {
    let call = Job::Summarize {
        text: article.text.as_str().to_string(),
        spans: article.spans.iter().map(SpanPart::of).collect(),
        relations: article
            .relations
            .iter()
            .map(|r| RelationPart { from: r.from.as_str().to_string(), to: r.to.as_str().to_string(), kind: r.kind.to_string() })
            .collect(),
    };
    let mut done = Some(done);
    ANALYSER.with(|client| {
        client.borrow_mut().call(call, move |answer, _| {
            let Some(done) = done.take() else { return };
            done(match answer {
                Ok(Answer::Summary(summary)) => Ok(summary),
                Ok(Answer::Batch(_)) => Err("the analysis answered with suggestions".to_string()),
                Err(why) => Err(why),
            });
        })
    });
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
