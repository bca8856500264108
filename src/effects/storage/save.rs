//! One save: every record that differs from what storage holds, each article in a transaction of
//! its own, each merged with what another tab may have written since this tab last looked.
//!
//! Owns: the order of a save's writes and what they report. An article's records are read and
//! written in one transaction, so no other tab's write can slip between the read and the write;
//! one article that does not fit (the quota) fails alone (and is tried after the others next
//! time), and the workspace's records then leave it out of the order, so what storage holds
//! always opens. Must never: write an article record without reading the stored one first, or
//! tell the reducer the state is saved when a part failed.

use std::cell::RefCell;
use std::rc::Rc;

use newsmark_core::format::{labels_from_json, labels_to_json};
use newsmark_core::merge::{merge_order, merged_rc};
use newsmark_core::{Article, ArticleId, LabelSet, Synced};
use wasm_bindgen::prelude::*;
use web_sys::IdbDatabase;

use super::super::idb;
use super::changes::{Saved, Workspace, Write};
use super::layout::{self, Counters, ANNOTATIONS, COUNTERS, LABELS, ORDER, SETTINGS, TEXTS, WORKSPACE};

/// What a save did.
#[derive(Default)]
pub struct Outcome {
    /// Articles whose records were written or deleted, for the other tabs to read.
    pub articles: Vec<ArticleId>,
    /// Whether the workspace's records were written.
    pub workspace: bool,
    /// What this tab must take in: parts where storage held another tab's work.
    pub synced: Synced,
    /// The first failure, and whether any was for lack of space.
    pub failed: Option<String>,
    pub full: bool,
}

/// One article's part of a save: its id and the state's version (`None`: deleted here).
struct ArticleWrite {
    id: ArticleId,
    mine: Option<Rc<Article>>,
}

/// Writes what differs between `saved` and `now`, and records in `saved` what storage holds after.
pub async fn save(db: &IdbDatabase, saved: &Rc<RefCell<Saved>>, now: Workspace<'_>) -> Outcome {
    let mut outcome = Outcome::default();
    let writes = saved.borrow().changes(now);
    let mut jobs: Vec<ArticleWrite> = Vec::new();
    let mut workspace: Vec<&Write<'_>> = Vec::new();
    for write in &writes {
        let id = match write {
            Write::Text(a) | Write::Annotations(a) => a.id.clone(),
            Write::Forget(id) => id.clone(),
            other => {
                workspace.push(other);
                continue;
            }
        };
        if !jobs.iter().any(|j| j.id == id) {
            let mine = now.articles.iter().find(|a| a.id == id).cloned();
            jobs.push(ArticleWrite { mine, id });
        }
    }
    // One article at a time, each in its own transaction, and those that last failed for lack of
    // space after the others: a write that does not fit can then never take the room, or the
    // turn, of one that does.
    let (later, first): (Vec<_>, Vec<_>) = jobs.into_iter().partition(|j| saved.borrow().too_big(&j.id));
    for job in first.into_iter().chain(later) {
        let base = saved.borrow().article(&job.id).cloned();
        // The stored record names labels as the label set storage holds does (a label renamed
        // here is still under its old name there), so it is read with that set.
        let stored_labels = saved.borrow().labels().unwrap_or(now.labels).clone();
        let known = saved.borrow().stamp(&job.id);
        match write_article(db, &job.id, job.mine.clone(), base, (stored_labels, now.labels), known).await {
            Ok((merged, stamp)) => {
                saved.borrow_mut().set_stamp(&job.id, stamp);
                if merged.as_deref() != job.mine.as_deref() {
                    outcome.synced.articles.push((job.id.clone(), (job.mine.clone(), merged.clone())));
                }
                saved.borrow_mut().set_article(&job.id, merged);
                outcome.articles.push(job.id);
            }
            Err(why) => {
                let full = idb::is_quota(&why);
                outcome.full |= full;
                saved.borrow_mut().failed(&job.id, full);
                outcome.failed.get_or_insert(why);
            }
        }
    }
    if !workspace.is_empty() {
        match write_workspace(db, saved, now, &workspace).await {
            Ok((order, labels, next_article)) => {
                outcome.workspace = true;
                let mine = now.order();
                if order != mine {
                    outcome.synced.order = Some((mine, order));
                }
                outcome.synced.labels = labels;
                outcome.synced.next_article = next_article;
            }
            Err(why) => {
                outcome.full |= idb::is_quota(&why);
                outcome.failed.get_or_insert(why);
            }
        }
    }
    outcome
}

/// One article's transaction: reads its stored annotations, merges them with this tab's version
/// and writes the merge (and its text, when storage may lack it); deletes both records when
/// the merge says the article is gone. Resolves with what storage holds after.
async fn write_article(
    db: &IdbDatabase,
    id: &ArticleId,
    mine: Option<Rc<Article>>,
    base: Option<Rc<Article>>,
    (mut stored_labels, labels): (LabelSet, &LabelSet),
    known: Option<f64>,
) -> Result<(Option<Rc<Article>>, Option<f64>), String> {
    let tx = idb::write(db, &[TEXTS, ANNOTATIONS])?;
    let key = JsValue::from_str(id.as_str());
    let put_text = |article: &Article| {
        idb::store(&tx, TEXTS)?.put_with_key(&layout::text_value(article), &key).map(|_| ()).map_err(|e| idb::describe(&e))
    };
    // A text is written once, when the article is new to storage (at once: it is the largest
    // record, and does not depend on what the read finds).
    if let (None, Some(mine)) = (&base, &mine) {
        put_text(mine)?;
    }
    // The record this tab last wrote or read, still there, is found by its stamp through the
    // index, which reads no record: for an article of 10,000 spans, reading it takes longer than
    // writing it.
    let unchanged = match known {
        Some(stamp) => {
            let key = idb::value(&idb::key_by(&tx, ANNOTATIONS, layout::STAMP, &JsValue::from_f64(stamp))?).await?;
            key.as_string().as_deref() == Some(id.as_str())
        }
        None => false,
    };
    let theirs = if unchanged && mine.is_some() {
        base.clone()
    } else {
        let stored = idb::value(&idb::get(&tx, ANNOTATIONS, id.as_str())?).await?;
        match (&mine, stored.is_undefined()) {
            (Some(mine), false) => layout::read_annotations(id.as_str(), &mine.text, &stored, &mut stored_labels).ok().map(Rc::new),
            _ => None,
        }
    };
    let mut stamp = None;
    let merged = merged_rc(base.as_ref(), mine.as_ref(), theirs.as_ref());
    match &merged {
        Some(article) => {
            // An article another tab deleted meanwhile comes back with this tab's edits, and its text.
            if theirs.is_none() && base.is_some() {
                put_text(article)?;
            }
            stamp = Some(js_sys::Math::random());
            let value = layout::annotations_value(article, labels, stamp.unwrap_or_default())?;
            idb::store(&tx, ANNOTATIONS)?.put_with_key(&value, &key).map_err(|e| idb::describe(&e))?;
        }
        None => {
            for store in [TEXTS, ANNOTATIONS] {
                idb::store(&tx, store)?.delete(&key).map_err(|e| idb::describe(&e))?;
            }
        }
    }
    idb::committed(&tx).await?;
    Ok((merged, stamp))
}

/// The workspace's records, merged with storage's: the order (leaving out articles that are not
/// stored), the labels (another tab's new labels kept), the counter (the larger), the settings
/// (this tab's). Resolves with the merged order (with this tab's unstored articles), the label
/// set when it differs from this tab's, and the stored counter.
async fn write_workspace(
    db: &IdbDatabase,
    saved: &Rc<RefCell<Saved>>,
    now: Workspace<'_>,
    writes: &[&Write<'_>],
) -> Result<(Vec<ArticleId>, Option<LabelSet>, Option<u64>), String> {
    let tx = idb::write(db, &[TEXTS, WORKSPACE])?;
    let (order, labels, counters, stored_ids) = (
        idb::get(&tx, WORKSPACE, ORDER)?,
        idb::get(&tx, WORKSPACE, LABELS)?,
        idb::get(&tx, WORKSPACE, COUNTERS)?,
        idb::store(&tx, TEXTS)?.get_all_keys().map_err(|e| idb::describe(&e))?,
    );
    let stored = layout::WorkspaceValues::read(
        idb::value(&order).await?,
        idb::value(&labels).await?,
        idb::value(&counters).await?,
        idb::value(&stored_ids).await?,
    );
    let base = saved.borrow().order().to_vec();
    let theirs = stored.order.clone().unwrap_or_else(|| base.clone());
    // The state keeps every article; storage's order names only those whose text it holds.
    let merged = merge_order(&base, &now.order(), &theirs, |_| true);
    let order: Vec<ArticleId> = merged.iter().filter(|id| stored.ids.contains(id)).cloned().collect();
    let mut merged_labels = now.labels.clone();
    if let Some(theirs) = stored.labels.as_deref().and_then(|json| labels_from_json(json).ok()) {
        layout::take_labels(&mut merged_labels, saved.borrow().labels(), &theirs);
    }
    let next_article = now.next_article.max(stored.next_article.unwrap_or(0));
    let counters = Counters { next_article };
    let settings = now.settings();
    let put = |key: &str, value: JsValue| {
        idb::store(&tx, WORKSPACE)?.put_with_key(&value, &JsValue::from_str(key)).map(|_| ()).map_err(|e| idb::describe(&e))
    };
    // Only the records that differ are written; the merged order also when it differs from
    // the stored one (an article that failed to save is left out of it).
    let asked = |kind: &Write<'_>| writes.iter().any(|w| std::mem::discriminant(*w) == std::mem::discriminant(kind));
    if asked(&Write::Order) || stored.order.as_ref() != Some(&order) {
        put(ORDER, layout::json_value(layout::order_json(order.iter().map(|id| id.as_str().to_string()))))?;
    }
    if asked(&Write::Labels) {
        put(LABELS, JsValue::from_str(&labels_to_json(&merged_labels)))?;
    }
    if asked(&Write::Counters) && stored.next_article != Some(next_article) {
        put(COUNTERS, layout::json_value(counters.to_json()))?;
    }
    if asked(&Write::Settings) {
        put(SETTINGS, layout::json_value(settings.to_json()))?;
    }
    idb::committed(&tx).await?;
    saved.borrow_mut().set_workspace(order, &merged_labels, counters, Some(settings));
    let labels = (merged_labels != *now.labels).then_some(merged_labels);
    Ok((merged, labels, stored.next_article))
}
