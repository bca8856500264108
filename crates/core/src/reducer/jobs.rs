//! The jobs part's reducer: starting the analysis of the open article, taking in its results
//! batch by batch, and its failure.
//!
//! Owns: the meaning of `RequestSuggestions`, `SetSuggestions` and `SuggestionsFailed`, and
//! what the view is told about them (`JobEvent`). Must never: store a result the state is not
//! waiting for (an older job's, or one for an article no longer open), or touch the view
//! itself (`reducer::view::after_job` reacts to the events).

use crate::action::Action;
use crate::article::ArticleId;
use crate::pending::{self, Analysis};
use crate::state::{Document, Jobs};

/// What the view needs to know about a step of a job.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum JobEvent {
    /// The open article's list of suggestions was replaced by a new run's.
    ListReplaced,
    /// The analysis of `article` ended with `count` suggestions to review.
    Finished {
        article: ArticleId,
        count: usize,
    },
    Failed {
        why: String,
    },
}

pub(super) fn reduce(jobs: &mut Jobs, document: &Document, open: Option<&ArticleId>, action: Action) -> Vec<JobEvent> {
    match action {
        Action::RequestSuggestions => {
            // A second press while the open article's analysis runs is ignored.
            if let (Some(article), false) = (open, jobs.analysing(open)) {
                jobs.analysing = Some(Analysis { article: article.clone(), job: jobs.next_job });
                jobs.next_job += 1;
            }
            Vec::new()
        }
        Action::SetSuggestions { article, job, suggestions, batch, last } => {
            if jobs.analysing != Some(Analysis { article: article.clone(), job }) {
                return Vec::new();
            }
            if last {
                jobs.analysing = None;
            }
            let Some(text) = document.article(&article).filter(|_| open == Some(&article)) else { return Vec::new() };
            let prepared = pending::prepare(text, suggestions, &mut jobs.next_suggestion);
            let mut events = Vec::new();
            match jobs.suggestions.get_mut(&article).filter(|_| batch > 0) {
                Some(list) => list.merge(prepared),
                None => {
                    jobs.suggestions.insert(article.clone(), prepared);
                    events.push(JobEvent::ListReplaced);
                }
            }
            if last {
                let count = jobs.suggestions.get(&article).map_or(0, |l| l.len());
                events.push(JobEvent::Finished { article, count });
            }
            events
        }
        Action::SuggestionsFailed { article, job, why } => {
            if jobs.analysing != Some(Analysis { article, job }) {
                return Vec::new();
            }
            jobs.analysing = None;
            vec![JobEvent::Failed { why }]
        }
        _ => Vec::new(),
    }
}
