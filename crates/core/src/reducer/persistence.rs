//! The reducer's part for storage: the workspace read back (or found unreadable) when the app
//! starts.
//!
//! Owns: the meaning of `Restore` and `RestoreFailed`. Must never: restore over a workspace that
//! is already loaded, or let a tab whose storage could not be read save anything.

use std::rc::Rc;

use crate::action::StoredWorkspace;
use crate::sample;
use crate::state::{Message, Notice, Persistence, State};

pub(super) fn restore(s: &mut State, stored: Option<StoredWorkspace>) {
    if !matches!(s.persistence, Persistence::Loading) {
        return;
    }
    let document = &mut s.document;
    match stored {
        Some(w) => {
            document.articles = w.articles.into_iter().map(Rc::new).collect();
            document.next_article = w.next_article;
            document.labels = w.labels;
            s.view.open = w.open.filter(|id| document.article(id).is_some()).or_else(|| document.articles.first().map(|a| a.id.clone()));
            s.view.snap_to_words = w.snap_to_words;
            s.persistence = Persistence::ready(document.revision);
        }
        None => {
            // First visit: the sample article, not yet saved, so the storage effect writes it.
            let id = document.fresh_article_id();
            document.articles = vec![Rc::new(sample::article(id.clone()))];
            s.view.open = Some(id);
            s.persistence = Persistence::ready(document.revision);
            document.revision += 1;
        }
    }
}

pub(super) fn restore_failed(s: &mut State, why: String) {
    if s.persistence.unavailable(why.clone()) {
        s.view.notice = Some(Notice::error(Message::RestoreFailed { why }));
    }
}
