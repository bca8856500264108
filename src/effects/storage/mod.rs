//! Saves the workspace in IndexedDB after every change, reads it back on start, and keeps this
//! tab in step with the other tabs open on it.
//!
//! Owns: the storage effect (`use_storage`) and its one queue of work (`pump`): a save of what
//! changed (`save`: each article merged with what storage holds, in a transaction of its own) or
//! a read of what another tab said it saved (`tabs`), never two at once; reading the stored
//! workspace (moving one kept in the first layout to the current one, `legacy`; setting aside
//! what cannot be read, `layout`); and the database's version: when another tab opens a newer
//! version, this tab's connection closes and it saves nothing more, so it can never write an
//! older layout over a newer one. Also the wording of what storage tells the person. Must never:
//! write before the stored workspace has been read (that would overwrite it), write after the
//! connection was closed for an upgrade, or retry a failed save in a loop.

mod changes;
mod layout;
mod legacy;
mod save;
mod tabs;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use newsmark_core::state::Message;
use newsmark_core::{Action, ArticleId, LabelSet, Notice, Persistence, State, StoredWorkspace};
use web_sys::IdbDatabase;
use yew::prelude::*;

pub use changes::{Saved, Workspace, Write};

use super::idb;
use crate::dom::frame::after_paint;
use crate::store::{Dispatch, Store};
use layout::{Records, Settings, Unreadable, WorkspaceRecords, ANNOTATIONS, DB_NAME, DB_VERSION, STORES, TEXTS, WORKSPACE};
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

/// Shown while the upgrade to this version waits for a tab of an older version to let go.
const WAITING_FOR_OLDER_TAB: &str =
    "Another tab runs an older version of newsmark, which keeps your workspace open. Close or reload that tab, and your workspace opens here.";
/// Why a tab stopped saving: another tab opened a newer version of the database.
pub const CLOSED_BY_UPGRADE: &str = "newsmark was updated in another tab; reload this tab to go on saving";
/// Why a save failed when the browser refused it for lack of space.
pub const STORAGE_FULL: &str = "this browser's storage for newsmark is full";
/// How long after a failed save it is tried again (an edit tries at once).
const RETRY_MS: u32 = 5_000;

/// The open database, what it holds, and this tab's queue of storage work.
pub struct Storage {
    db: IdbDatabase,
    saved: Rc<RefCell<Saved>>,
    closed: Rc<Cell<bool>>,
    channel: Option<tabs::Channel>,
    /// A save or a read is under way.
    busy: bool,
    /// What other tabs said they saved, not read yet: article ids, and the workspace's records.
    heard: (Vec<ArticleId>, bool),
    /// The revision whose save failed: not tried again until a new edit or the retry timer.
    failed_at: Option<u64>,
    retry: Option<Timeout>,
    /// The state's count of applied changes when storage last looked: a new edit clears `failed_at`.
    edits_seen: u64,
    /// Stored articles that could not be read, kept for download.
    unreadable: Rc<Vec<Unreadable>>,
}

type Shared = Rc<RefCell<Option<Storage>>>;
type LatestStore = Rc<RefCell<UseReducerHandle<Store>>>;

/// What the storage effect tells the page beyond the state: whether the browser keeps the
/// workspace under storage pressure, and how to download stored records that could not be read.
#[derive(Clone, PartialEq)]
pub struct StorageFacts {
    pub kept: Option<bool>,
    pub unreadable: usize,
    pub download_unreadable: Callback<()>,
}

/// Reads the stored workspace when the app starts, then saves every change after the frame that
/// shows it (writing a long article's records must not delay its repaint); changes made meanwhile
/// go in the same save.
#[hook]
pub fn use_storage(store: &UseReducerHandle<Store>, latest: LatestStore, dispatch: Dispatch) -> StorageFacts {
    let storage: Shared = use_mut_ref(|| None);
    let kept = use_state_eq(|| None::<bool>);
    let unreadable = use_state_eq(|| 0usize);
    {
        let (dispatch, storage, latest, kept, unreadable) =
            (dispatch.clone(), storage.clone(), latest.clone(), kept.setter(), unreadable.setter());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(Action::TabNumber(tabs::number().await));
                match load(dispatch.clone()).await {
                    Ok((mut opened, workspace, problems)) => {
                        let (s, l, d) = (storage.clone(), latest.clone(), dispatch.clone());
                        opened.channel = tabs::Channel::open(move |ids, workspace| {
                            if let Some(st) = s.borrow_mut().as_mut() {
                                st.heard.0.extend(ids);
                                st.heard.1 |= workspace;
                            }
                            pump(&s, &l, &d);
                        });
                        unreadable.set(opened.unreadable.len());
                        *storage.borrow_mut() = Some(opened);
                        dispatch.dispatch(Action::Restore(workspace));
                        if !problems.is_empty() {
                            dispatch.dispatch(Action::Notify(Notice::error(Message::Worded(damaged_words(&problems)))));
                        }
                    }
                    Err(why) => dispatch.dispatch(Action::RestoreFailed(why)),
                }
                kept.set(tabs::keep_stored().await);
            });
        });
    }
    let scheduled = use_mut_ref(|| false);
    {
        let (storage, latest, dispatch) = (storage.clone(), latest.clone(), dispatch.clone());
        let edits = store.0.changes_applied();
        use_effect_with(store.0.document.revision, move |_| {
            if let Some(st) = storage.borrow_mut().as_mut() {
                // A new edit (not another tab's work taken in) is worth another try at once.
                if st.edits_seen != edits {
                    st.edits_seen = edits;
                    st.failed_at = None;
                }
            }
            if !*scheduled.borrow() {
                *scheduled.borrow_mut() = true;
                after_paint(move || {
                    *scheduled.borrow_mut() = false;
                    pump(&storage, &latest, &dispatch);
                });
            }
        });
    }
    let download_unreadable = {
        let storage = storage.clone();
        Callback::from(move |()| {
            if let Some(st) = storage.borrow().as_ref() {
                let _ = crate::effects::download::offer(
                    "newsmark-unreadable-records.json",
                    "application/json",
                    &layout::unreadable_json(&st.unreadable),
                );
            }
        })
    };
    StorageFacts { kept: *kept, unreadable: *unreadable, download_unreadable }
}

/// What the person reads when part of the stored workspace could not be read.
fn damaged_words(problems: &[String]) -> String {
    format!(
        "Part of your stored workspace could not be read: {}. Everything readable is open; what could not be read is kept in this browser as it was.",
        problems.join("; ")
    )
}

/// Starts the next piece of storage work, if there is one and none is under way: first a read of
/// what other tabs saved, then a save of what changed here.
fn pump(shared: &Shared, latest: &LatestStore, dispatch: &Dispatch) {
    let mut guard = shared.borrow_mut();
    let Some(st) = guard.as_mut() else { return };
    if st.busy || st.closed.get() {
        return;
    }
    let heard = !st.heard.0.is_empty() || st.heard.1;
    // Called after every paint that follows an edit: decide from the state in place, and copy it
    // only when there is work to do.
    let (revision, saved_revision) = match latest.borrow().0 {
        State { persistence: Persistence::Ready { saved_revision, .. }, ref document, .. } => (document.revision, saved_revision),
        _ => return,
    };
    if !heard && (saved_revision >= revision || st.failed_at == Some(revision)) {
        return;
    }
    let state: State = latest.borrow().0.clone();
    let (db, saved) = (st.db.clone(), st.saved.clone());
    let (shared, latest, dispatch) = (shared.clone(), latest.clone(), dispatch.clone());
    if heard {
        let (ids, workspace) = std::mem::take(&mut st.heard);
        st.busy = true;
        drop(guard);
        wasm_bindgen_futures::spawn_local(async move {
            let read = tabs::read(&db, &saved, &state, ids, workspace).await;
            finish(&shared);
            if let Ok(synced) = read {
                dispatch.dispatch(Action::Synced(Box::new(synced)));
            }
            pump(&shared, &latest, &dispatch);
        });
        return;
    }
    st.busy = true;
    drop(guard);
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = save::save(&db, &saved, Workspace::of(&state)).await;
        let closed = finish(&shared);
        if let Some(st) = shared.borrow().as_ref() {
            if let Some(channel) = st.channel.as_ref().filter(|_| !outcome.articles.is_empty() || outcome.workspace) {
                channel.tell(&outcome.articles, outcome.workspace);
            }
        }
        let synced = outcome.synced;
        if !synced.articles.is_empty() || synced.order.is_some() || synced.labels.is_some() {
            dispatch.dispatch(Action::Synced(Box::new(synced)));
        }
        match (closed, outcome.failed) {
            (true, _) => dispatch.dispatch(Action::SaveFailed(CLOSED_BY_UPGRADE.to_string())),
            (false, None) => dispatch.dispatch(Action::Saved(revision)),
            (false, Some(why)) => {
                let why = if outcome.full { STORAGE_FULL.to_string() } else { why };
                failed(&shared, revision, &latest, &dispatch);
                dispatch.dispatch(if outcome.full { Action::StorageFull(why) } else { Action::SaveFailed(why) });
            }
        }
        pump(&shared, &latest, &dispatch);
    });
}

/// Ends the work under way; whether the connection was closed meanwhile.
fn finish(shared: &Shared) -> bool {
    shared.borrow_mut().as_mut().map(|st| {
        st.busy = false;
        st.closed.get()
    }) == Some(true)
}

/// Notes a failed save of `revision`, and tries again after a while (space may have been freed).
fn failed(shared: &Shared, revision: u64, latest: &LatestStore, dispatch: &Dispatch) {
    let (s, l, d) = (shared.clone(), latest.clone(), dispatch.clone());
    if let Some(st) = shared.borrow_mut().as_mut() {
        st.failed_at = Some(revision);
        st.retry = Some(Timeout::new(RETRY_MS, move || {
            if let Some(st) = s.borrow_mut().as_mut() {
                st.failed_at = None;
            }
            pump(&s, &l, &d);
        }));
    }
}

/// Opens storage and reads the workspace (`None` on a first visit), moving a workspace kept in
/// the first layout to the current one on the way. Parts that cannot be read are set aside and
/// described in the third value.
pub async fn load(dispatch: Dispatch) -> Result<(Storage, Option<StoredWorkspace>, Vec<String>), String> {
    let waited = Rc::new(Cell::new(false));
    let (d, w) = (dispatch.clone(), waited.clone());
    let db = idb::open(DB_NAME, DB_VERSION, STORES, (ANNOTATIONS, layout::STAMP), move || {
        w.set(true);
        d.dispatch(Action::Notify(Notice::info(Message::Worded(WAITING_FOR_OLDER_TAB.to_string()))));
    })
    .await?;
    if waited.get() {
        dispatch.dispatch(Action::DismissNotice);
    }
    let closed = Rc::new(Cell::new(false));
    let c = closed.clone();
    idb::on_version_change(&db, move || {
        c.set(true);
        dispatch.dispatch(Action::SaveFailed(CLOSED_BY_UPGRADE.to_string()));
    });
    let (saved, workspace, unreadable, problems) = match migrate(&db).await? {
        Some((saved, workspace)) => (saved, workspace, Vec::new(), Vec::new()),
        None => read(&db).await?,
    };
    let storage = Storage {
        db,
        saved: Rc::new(RefCell::new(saved)),
        closed,
        channel: None,
        busy: false,
        heard: (Vec::new(), false),
        failed_at: None,
        retry: None,
        edits_seen: 0,
        unreadable: Rc::new(unreadable),
    };
    Ok((storage, workspace, problems))
}

/// Reads the current layout. A damaged workspace record is replaced by what the articles say
/// (their order, the labels they use, a counter past their ids); a damaged article is set aside.
async fn read(db: &IdbDatabase) -> Result<(Saved, Option<StoredWorkspace>, Vec<Unreadable>, Vec<String>), String> {
    let tx = idb::read(db, STORES)?;
    // All three are requested before any is awaited, so they are read in parallel.
    let (records, texts, annotations) =
        (idb::read_store(&tx, WORKSPACE)?, idb::read_store(&tx, TEXTS)?, idb::read_store(&tx, ANNOTATIONS)?);
    let records = WorkspaceRecords(Records::new(records.entries().await?));
    let (texts, annotations) = (Records::new(texts.entries().await?), Records::new(annotations.entries().await?));
    if records.is_empty() && texts.0.is_empty() && annotations.0.is_empty() {
        return Ok((Saved::default(), None, Vec::new(), Vec::new()));
    }
    let mut problems = Vec::new();
    let order = or_noted(records.order(), Vec::new(), &mut problems);
    let next_article = or_noted(records.counters().map(|c| c.next_article), 1, &mut problems);
    let Settings { open, snap_to_words } = or_noted(records.settings(), Settings { open: None, snap_to_words: true }, &mut problems);
    let mut labels = or_noted(records.labels(), LabelSet::builtin(), &mut problems);
    let (articles, unreadable) = layout::read_articles(&order, &texts, &annotations, &mut labels);
    problems.extend(unreadable.iter().map(|u| u.why.clone()));
    // No new article may take the id of one that is stored, readable or not.
    let next_article = texts.0.iter().filter_map(|(id, _)| layout::article_number(id)).fold(next_article, |n, k| n.max(k + 1));
    let open = open.map(ArticleId::new);
    let workspace = Workspace { articles: &articles, labels: &labels, open: open.as_ref(), snap_to_words, next_article };
    Ok((Saved::of(workspace), Some(stored(workspace)), unreadable, problems))
}

/// The value read, or `default` with why it could not be read noted.
fn or_noted<T>(read: Result<T, String>, default: T, problems: &mut Vec<String>) -> T {
    read.unwrap_or_else(|why| {
        problems.push(why);
        default
    })
}

/// Moves a workspace kept in the first layout to the current one, in one transaction that also
/// empties the first layout's stores, so it is moved once and never read again. `None` if there
/// is none.
async fn migrate(db: &IdbDatabase) -> Result<Option<(Saved, Option<StoredWorkspace>)>, String> {
    if !idb::has_store(db, legacy::META) || !idb::has_store(db, legacy::ARTICLES) {
        return Ok(None);
    }
    let mut stores = vec![legacy::META, legacy::ARTICLES];
    stores.extend(STORES);
    let tx = idb::write(db, &stores)?;
    let (meta, articles) = (idb::read_store(&tx, legacy::META)?, idb::read_store(&tx, legacy::ARTICLES)?);
    let (meta, articles) = (meta.entries().await?, articles.entries().await?);
    // A damaged workspace is refused here, before anything is written, and stays as it was.
    let Some(old) = legacy::read(meta, articles)? else { return Ok(None) };
    let articles: Vec<_> = old.articles.into_iter().map(Rc::new).collect();
    let open = old.open.map(ArticleId::new);
    let workspace = Workspace {
        articles: &articles,
        labels: &old.labels,
        open: open.as_ref(),
        snap_to_words: old.snap_to_words,
        next_article: old.next_article,
    };
    put(&tx, &Saved::default().changes(workspace), workspace)?;
    for store in [legacy::META, legacy::ARTICLES] {
        idb::store(&tx, store)?.clear().map_err(|e| idb::describe(&e))?;
    }
    idb::committed(&tx).await?;
    Ok(Some((Saved::of(workspace), Some(stored(workspace)))))
}

fn stored(workspace: Workspace<'_>) -> StoredWorkspace {
    StoredWorkspace {
        articles: workspace.articles.iter().map(|a| (**a).clone()).collect(),
        open: workspace.open.cloned(),
        snap_to_words: workspace.snap_to_words,
        next_article: workspace.next_article,
        labels: workspace.labels.clone(),
    }
}

/// Issues `writes` in `tx`, with the values `now` gives them.
fn put(tx: &IdbTransaction, writes: &[Write<'_>], now: Workspace<'_>) -> Result<(), String> {
    let failed = |e: JsValue| idb::describe(&e);
    for write in writes {
        let (store, key, value) = match write {
            Write::Text(article) => (TEXTS, article.id.as_str(), layout::text_value(article)),
            Write::Annotations(article) => {
                (ANNOTATIONS, article.id.as_str(), layout::annotations_value(article, now.labels, js_sys::Math::random())?)
            }
            Write::Forget(id) => {
                for store in [TEXTS, ANNOTATIONS] {
                    idb::store(tx, store)?.delete(&JsValue::from_str(id.as_str())).map_err(failed)?;
                }
                continue;
            }
            Write::Order => {
                let order = layout::order_json(now.articles.iter().map(|a| a.id.as_str().to_string()));
                (WORKSPACE, layout::ORDER, layout::json_value(order))
            }
            Write::Labels => (WORKSPACE, layout::LABELS, layout::labels_value(now.labels)),
            Write::Counters => (WORKSPACE, layout::COUNTERS, layout::json_value(now.counters().to_json())),
            Write::Settings => (WORKSPACE, layout::SETTINGS, layout::json_value(now.settings().to_json())),
        };
        idb::store(tx, store)?.put_with_key(&value, &JsValue::from_str(key)).map_err(failed)?;
    }
    Ok(())
}
