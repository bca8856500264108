//! The reducer's part for work another tab saved: storage's versions of articles, the order, the
//! labels and the article counter, merged into this tab's state (`crate::merge`).
//!
//! Owns: the meaning of `Synced`. Must never: record an undo step (undo undoes only this tab's
//! own actions), or drop an edit this tab made since its base.

use crate::action::Synced;
use crate::article::ArticleId;
use crate::history::Change;
use crate::merge::{merge_order, merged_rc};
use crate::state::State;

pub(super) fn take_in(s: &mut State, synced: Synced) {
    let document = &mut s.document;
    let mut changed = false;
    for (id, (base, theirs)) in synced.articles {
        let at = document.article_index(&id);
        let mine = at.map(|i| &document.articles[i]);
        let merged = merged_rc(base.as_ref(), mine, theirs.as_ref());
        match (at, merged) {
            (Some(i), Some(m)) if !std::rc::Rc::ptr_eq(&m, &document.articles[i]) => document.articles[i] = m,
            (Some(i), None) => {
                document.articles.remove(i);
            }
            (None, Some(m)) => document.articles.push(m),
            _ => continue,
        }
        changed = true;
    }
    if let Some((base, theirs)) = synced.order {
        let mine: Vec<ArticleId> = document.articles.iter().map(|a| a.id.clone()).collect();
        let order = merge_order(&base, &mine, &theirs, |id| mine.contains(id));
        if !order.iter().eq(mine.iter()) {
            // Articles the merged order leaves out (none, when storage is whole) keep their
            // place at the end rather than vanish.
            let mut rest = std::mem::take(&mut document.articles);
            for id in &order {
                if let Some(i) = rest.iter().position(|a| &a.id == id) {
                    document.articles.push(rest.remove(i));
                }
            }
            document.articles.append(&mut rest);
            changed = true;
        }
    }
    if let Some(labels) = synced.labels.filter(|l| *l != document.labels) {
        document.labels = labels;
        changed = true;
    }
    if let Some(n) = synced.next_article {
        document.next_article = document.next_article.max(n);
    }
    if !changed {
        return;
    }
    // Storage compares what it holds with the state on every new revision, so this is saved only
    // where the merge differs from what the other tab wrote.
    document.revision += 1;
    if s.view.open.as_ref().is_none_or(|id| document.article(id).is_none()) {
        s.view.open = document.articles.first().map(|a| a.id.clone());
        s.view.selection = None;
    }
    s.view.after_change(&Change::Batch(Vec::new()), &s.document, &s.jobs);
}
