//! Three-way merges of what two tabs made of one workspace: an article, and the article order.
//!
//! Each tab knows a *base* (what it last read from or wrote to storage), its own version
//! (*mine*) and, when it reads storage again, *theirs* (what another tab wrote meanwhile). A part
//! this tab changed since the base keeps its version; a part it left alone takes theirs. Spans
//! and relations are merged one by one, by id, so two tabs editing different spans of one article
//! both keep their edits, and when both changed the same span the merge that runs later (the
//! later save) wins.
//!
//! Owns: those rules. Must never: invent content (every span or relation of a merge is one of
//! the three versions'), or keep a relation whose span is gone.

use std::rc::Rc;

use crate::article::{Article, ArticleId};
use crate::relation::{Relation, Relations};
use crate::span::{Span, Spans};

/// One article merged from its three versions; `None` for an article that is gone (absent from
/// a version means deleted, or not yet made).
pub fn merge_article(base: Option<&Article>, mine: Option<&Article>, theirs: Option<&Article>) -> Option<Article> {
    if mine == base {
        return theirs.cloned();
    }
    if theirs == base {
        return mine.cloned();
    }
    // Both changed it. Deleting it here wins over their edits (this tab's person chose to);
    // their delete does not undo this tab's edits (the article comes back with them).
    let mine = mine?;
    let Some(theirs) = theirs else { return Some(mine.clone()) };
    let title = if base.is_some_and(|b| b.title == mine.title) { theirs.title.clone() } else { mine.title.clone() };
    let spans = merge_by_id(base.map(|b| b.spans.as_slice()), mine.spans.as_slice(), theirs.spans.as_slice(), |s: &Span| &s.id);
    let spans = Spans::from_unsorted(spans);
    let relations =
        merge_by_id(base.map(|b| b.relations.as_slice()), mine.relations.as_slice(), theirs.relations.as_slice(), |r: &Relation| &r.id);
    let relations = relations.into_iter().filter(|r| spans.get(&r.from).is_some() && spans.get(&r.to).is_some()).collect();
    Some(Article {
        id: mine.id.clone(),
        title,
        text: mine.text.clone(),
        spans,
        next_span: mine.next_span.max(theirs.next_span),
        relations: Relations::new(relations),
        next_relation: mine.next_relation.max(theirs.next_relation),
    })
}

/// Items merged by id: theirs, in their order, with each item this tab changed, added or removed
/// since the base taking this tab's version; then the items only this tab has, in its order.
fn merge_by_id<T: Clone + PartialEq, Id: PartialEq>(base: Option<&[T]>, mine: &[T], theirs: &[T], id: impl Fn(&T) -> &Id) -> Vec<T> {
    let find = |list: &[T], key: &Id| list.iter().position(|x| id(x) == key);
    let in_base = |key: &Id| base.and_then(|b| find(b, key).map(|i| &b[i]));
    let mine_of = |key: &Id| find(mine, key).map(|i| &mine[i]);
    let changed_here = |key: &Id| mine_of(key) != in_base(key);
    let mut out: Vec<T> = Vec::with_capacity(theirs.len().max(mine.len()));
    for item in theirs {
        let key = id(item);
        if !changed_here(key) {
            out.push(item.clone());
        } else if let Some(own) = mine_of(key) {
            out.push(own.clone());
        }
        // Changed here and absent here: this tab deleted it, so it stays deleted.
    }
    for item in mine {
        let key = id(item);
        if find(theirs, key).is_none() && changed_here(key) {
            out.push(item.clone());
        }
        // Unchanged here and absent from theirs: the other tab deleted it.
    }
    out
}

/// The article order merged: theirs, less the articles this tab deleted since the base, with the
/// articles this tab added each placed after the one before it here. Ids the merged order names but `known` says this
/// tab does not hold are dropped, so the order only ever names articles there are.
pub fn merge_order(base: &[ArticleId], mine: &[ArticleId], theirs: &[ArticleId], known: impl Fn(&ArticleId) -> bool) -> Vec<ArticleId> {
    let deleted_here = |id: &ArticleId| base.contains(id) && !mine.contains(id);
    let mut out: Vec<ArticleId> = theirs.iter().filter(|id| !deleted_here(id)).cloned().collect();
    // Each article added here (or brought back by undo) goes right after the article before it
    // here, so it keeps its place.
    for (at, id) in mine.iter().enumerate() {
        if out.contains(id) || base.contains(id) {
            continue;
        }
        let after = mine[..at].iter().rev().find_map(|before| out.iter().position(|o| o == before));
        out.insert(after.map_or(0, |i| i + 1), id.clone());
    }
    out.retain(known);
    out
}

/// Shared articles for a merge's inputs.
pub fn merged_rc(base: Option<&Rc<Article>>, mine: Option<&Rc<Article>>, theirs: Option<&Rc<Article>>) -> Option<Rc<Article>> {
    // Unchanged sides are returned as they are, so pointers (and storage's cheap compare) survive.
    if mine.map(|m| &**m) == base.map(|b| &**b) {
        return theirs.cloned();
    }
    if theirs.map(|t| &**t) == base.map(|b| &**b) {
        return mine.cloned();
    }
    merge_article(base.map(|b| &**b), mine.map(|m| &**m), theirs.map(|t| &**t)).map(Rc::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::relation::RelationId;
    use crate::span::SpanId;

    fn article(spans: &[(&str, Label, usize, usize)]) -> Article {
        let spans = spans.iter().map(|&(id, label, s, e)| Span::manual(SpanId::new(id), label, s, e)).collect();
        Article::with_spans(
            ArticleId::new("a1"),
            "Title".into(),
            Rc::new(crate::ArticleText::new("The mayor said the bridge is safe.")),
            spans,
        )
    }

    fn ids(a: &Article) -> Vec<(&str, Label)> {
        a.spans.iter().map(|s| (s.id.as_str(), s.label)).collect()
    }

    #[test]
    fn edits_to_different_spans_in_two_tabs_both_survive() {
        let base = article(&[("s1", Label::Claim, 0, 9), ("s2", Label::Quote, 15, 33)]);
        let mine = article(&[("s1", Label::Opinion, 0, 9), ("s2", Label::Quote, 15, 33), ("s3", Label::Demand, 10, 14)]);
        let theirs = article(&[("s1", Label::Claim, 0, 9), ("s3-2", Label::Claim, 4, 9)]);
        let merged = merge_article(Some(&base), Some(&mine), Some(&theirs)).unwrap();
        // s1 relabelled here, s2 deleted there, s3 added here, s3-2 added there.
        assert_eq!(ids(&merged), [("s1", Label::Opinion), ("s3-2", Label::Claim), ("s3", Label::Demand)]);
    }

    #[test]
    fn the_later_merge_wins_a_span_both_tabs_changed() {
        let base = article(&[("s1", Label::Claim, 0, 9)]);
        let mine = article(&[("s1", Label::Demand, 0, 9)]);
        let theirs = article(&[("s1", Label::Quote, 0, 9)]);
        // This tab saves later: its relabel wins over theirs in storage.
        let stored = merge_article(Some(&base), Some(&mine), Some(&theirs)).unwrap();
        assert_eq!(ids(&stored), [("s1", Label::Demand)]);
        // The other tab, whose base is what it saved and which changed nothing since, shows it.
        let shown = merge_article(Some(&theirs), Some(&theirs), Some(&stored)).unwrap();
        assert_eq!(ids(&shown), [("s1", Label::Demand)]);
    }

    #[test]
    fn a_span_deleted_here_stays_deleted_and_one_deleted_there_goes() {
        let base = article(&[("s1", Label::Claim, 0, 9), ("s2", Label::Quote, 15, 33)]);
        let mine = article(&[("s2", Label::Quote, 15, 33), ("s3", Label::Demand, 10, 14)]);
        let theirs = article(&[("s1", Label::Claim, 0, 9), ("s4-2", Label::Claim, 4, 9)]);
        let merged = merge_article(Some(&base), Some(&mine), Some(&theirs)).unwrap();
        assert_eq!(ids(&merged), [("s4-2", Label::Claim), ("s3", Label::Demand)]);
    }

    #[test]
    fn titles_counters_and_relations_merge_and_a_relation_never_outlives_its_span() {
        let base = article(&[("s1", Label::Claim, 0, 9), ("s2", Label::Quote, 15, 33)]);
        let mut mine = base.clone();
        mine.title = "Renamed here".into();
        mine.next_span = 9;
        let link =
            Relation { id: RelationId::new("r1"), kind: "speaker".into(), from: SpanId::new("s2"), to: SpanId::new("s1"), event: None };
        mine.relations = Relations::new(vec![link]);
        let mut theirs = article(&[("s1", Label::Claim, 0, 9)]);
        theirs.next_span = 12;
        let merged = merge_article(Some(&base), Some(&mine), Some(&theirs)).unwrap();
        assert_eq!(merged.title, "Renamed here");
        assert_eq!(merged.next_span, 12);
        assert!(merged.relations.is_empty(), "s2 was deleted there, so the link to it goes too");
    }

    #[test]
    fn whole_articles_added_deleted_and_untouched() {
        let a = article(&[("s1", Label::Claim, 0, 9)]);
        assert_eq!(merge_article(None, None, Some(&a)), Some(a.clone()), "added there");
        assert_eq!(merge_article(Some(&a), Some(&a), None), None, "deleted there, untouched here");
        assert_eq!(merge_article(Some(&a), None, Some(&a)), None, "deleted here");
        let edited = article(&[("s1", Label::Quote, 0, 9)]);
        assert_eq!(merge_article(Some(&a), Some(&edited), None), Some(edited.clone()), "edited here outlives a delete there");
        let (rc_a, rc_e) = (Rc::new(a.clone()), Rc::new(edited));
        assert!(Rc::ptr_eq(&merged_rc(Some(&rc_a), Some(&rc_a), Some(&rc_e)).unwrap(), &rc_e), "an untouched side shares theirs");
    }

    #[test]
    fn the_order_keeps_both_tabs_additions_and_deletions() {
        let id = |s: &str| ArticleId::new(s);
        let base = [id("a1"), id("a2"), id("a3")];
        let mine = [id("a1"), id("a3"), id("a4")];
        let theirs = [id("a1"), id("a2"), id("a3"), id("a4-2")];
        let merged = merge_order(&base, &mine, &theirs, |_| true);
        // a2 deleted here; a4 added here, after a3 as here; a4-2 added there.
        assert_eq!(merged, [id("a1"), id("a3"), id("a4"), id("a4-2")]);
        let known = merge_order(&base, &mine, &theirs, |a| a.as_str() != "a4-2");
        assert_eq!(known, [id("a1"), id("a3"), id("a4")]);
    }

    #[test]
    fn an_article_brought_back_by_undo_keeps_its_place() {
        let id = |s: &str| ArticleId::new(s);
        // Storage holds the order after the delete; this tab undid it.
        let (base, mine) = ([id("a2")], [id("a1"), id("a2")]);
        assert_eq!(merge_order(&base, &mine, &base, |_| true), [id("a1"), id("a2")]);
        // And when another tab added one meanwhile, both are kept, each in its place.
        assert_eq!(merge_order(&base, &mine, &[id("a2"), id("a3-2")], |_| true), [id("a1"), id("a2"), id("a3-2")]);
    }
}
