//! The reducer's part for the workspace's articles: adding one from text, renaming and deleting
//! one, each as an undo step.
//!
//! Owns: the meaning of `AddArticle`, `RenameArticle` and `DeleteArticle`. Must never: add a
//! text that cannot be an article (`refuse_text`), or give an article an empty title.

use std::rc::Rc;

use super::commit;
use crate::article::{Article, ArticleId};
use crate::history::Change;
use crate::state::{refuse_text, title_from_text, Dialog, Message, Notice, NoticeKind, State};

pub(super) fn add(s: &mut State, title: String, text: String) {
    if let Some(why) = refuse_text(&text) {
        match &mut s.view.dialog {
            Some(Dialog::NewArticle { error, .. }) => *error = Some(why),
            _ => s.view.notice = Some(Notice::error(Message::TextRefused(why))),
        }
        return;
    }
    let title = match title.trim() {
        "" => title_from_text(&text),
        t => t.to_string(),
    };
    let id = s.document.fresh_article_id();
    let article = Rc::new(Article::new(id, title, &text));
    let index = s.document.articles.len();
    commit(s, Change::ArticleAdded { index, article }, None);
    s.view.dialog = None;
    // An "Opening…" message has done its job; errors stay until dismissed.
    if s.view.notice.as_ref().is_some_and(|n| n.kind == NoticeKind::Info) {
        s.view.notice = None;
    }
}

pub(super) fn rename(s: &mut State, id: ArticleId, title: String) {
    let title = title.trim().to_string();
    match s.document.article(&id) {
        Some(a) if !title.is_empty() && a.title != title => {
            let before = a.title.clone();
            commit(s, Change::ArticleRenamed { article: id, before, after: title }, None);
            s.view.dialog = None;
        }
        Some(_) if title.is_empty() => s.view.notice = Some(Notice::error(Message::EmptyTitle)),
        _ => s.view.dialog = None,
    }
}

pub(super) fn delete(s: &mut State, id: &ArticleId) {
    if let Some(index) = s.document.article_index(id) {
        let article = s.document.articles[index].clone();
        let title = article.title.clone();
        commit(s, Change::ArticleRemoved { index, article }, None);
        s.view.notice = Some(Notice::info(Message::ArticleDeleted { article: id.clone(), title }));
    }
}
