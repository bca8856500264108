//! Saves the workspace in IndexedDB after every change and reads it back on start.
//!
//! Owns: the save effect (`use_storage`), reading the stored workspace (moving one kept in the
//! first layout to the current one, `legacy`), writing in one transaction only the records that
//! changed (`changes`, in the layout `layout` describes), and the database's version: when
//! another tab opens a newer version, this tab's connection closes and it saves nothing more, so
//! it can never write an older layout over a newer one. Also the wording of what storage tells the
//! person. Must never: write before the stored workspace has been read (that would overwrite it),
//! or write after the connection was closed for an upgrade.

mod changes;
mod layout;
mod legacy;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use newsmark_core::state::Message;
use newsmark_core::{Action, ArticleId, Notice, Persistence, State, StoredWorkspace};
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransaction};
use yew::prelude::*;

pub use changes::{Saved, Workspace, Write};

use super::idb;
use crate::dom::frame::after_paint;
use crate::store::{Dispatch, Store};
use layout::{Counters, Records, Settings, WorkspaceRecords, ANNOTATIONS, DB_NAME, DB_VERSION, STORES, TEXTS, WORKSPACE};

/// Shown while the upgrade to this version waits for a tab of an older version to let go.
const WAITING_FOR_OLDER_TAB: &str =
    "Another tab runs an older version of newsmark, which keeps your workspace open. Close or reload that tab, and your workspace opens here.";
/// Why a tab stopped saving: another tab opened a newer version of the database.
pub const CLOSED_BY_UPGRADE: &str = "newsmark was updated in another tab; reload this tab to go on saving";

/// The open database, what it holds, and whether it was closed for an upgrade.
pub struct Storage {
    db: IdbDatabase,
    saved: Saved,
    closed: Rc<Cell<bool>>,
}

/// Reads the stored workspace when the app starts, then saves every change after the frame that
/// shows it (writing a long article's records must not delay its repaint); changes made meanwhile
/// go in the same save.
#[hook]
pub fn use_storage(store: &UseReducerHandle<Store>, latest: Rc<RefCell<UseReducerHandle<Store>>>, dispatch: Dispatch) {
    let storage: Rc<RefCell<Option<Storage>>> = use_mut_ref(|| None);
    {
        let (dispatch, storage) = (dispatch.clone(), storage.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match load(dispatch.clone()).await {
                    Ok((opened, workspace)) => {
                        *storage.borrow_mut() = Some(opened);
                        dispatch.dispatch(Action::Restore(workspace));
                    }
                    Err(why) => dispatch.dispatch(Action::RestoreFailed(why)),
                }
            });
        });
    }
    let scheduled = use_mut_ref(|| false);
    use_effect_with(store.0.document.revision, move |_| {
        if !*scheduled.borrow() {
            *scheduled.borrow_mut() = true;
            after_paint(move || {
                *scheduled.borrow_mut() = false;
                save(&latest.borrow().0, &storage, dispatch);
            });
        }
    });
}

/// Writes what changed since the last save, unless storage is not ready or nothing did.
fn save(state: &State, storage_ref: &Rc<RefCell<Option<Storage>>>, dispatch: Dispatch) {
    let Persistence::Ready { saved_revision, .. } = state.persistence else { return };
    let revision = state.document.revision;
    if saved_revision >= revision {
        return;
    }
    let Some(written) = storage_ref.borrow_mut().as_mut().map(|s| s.save(state)) else { return };
    let storage_ref = storage_ref.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match written.await {
            Ok(()) => dispatch.dispatch(Action::Saved(revision)),
            Err(why) => {
                if let Some(storage) = storage_ref.borrow_mut().as_mut() {
                    storage.invalidate();
                }
                dispatch.dispatch(Action::SaveFailed(why));
            }
        }
    });
}

/// Opens storage and reads the workspace (`None` on a first visit), moving a workspace kept in
/// the first layout to the current one on the way.
pub async fn load(dispatch: Dispatch) -> Result<(Storage, Option<StoredWorkspace>), String> {
    let waited = Rc::new(Cell::new(false));
    let (d, w) = (dispatch.clone(), waited.clone());
    let db = idb::open(DB_NAME, DB_VERSION, STORES, move || {
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
    let (saved, workspace) = match migrate(&db).await? {
        Some(moved) => moved,
        None => read(&db).await?,
    };
    Ok((Storage { db, saved, closed }, workspace))
}

/// Reads the current layout.
async fn read(db: &IdbDatabase) -> Result<(Saved, Option<StoredWorkspace>), String> {
    let tx = idb::read(db, STORES)?;
    // All three are requested before any is awaited, so they are read in parallel.
    let (records, texts, annotations) =
        (idb::read_store(&tx, WORKSPACE)?, idb::read_store(&tx, TEXTS)?, idb::read_store(&tx, ANNOTATIONS)?);
    let records = WorkspaceRecords(Records::new(records.entries().await?));
    let (texts, annotations) = (Records::new(texts.entries().await?), Records::new(annotations.entries().await?));
    if records.is_empty() {
        return Ok((Saved::default(), None));
    }
    let order = records.order()?;
    let Counters { next_article } = records.counters()?;
    let Settings { open, snap_to_words } = records.settings()?;
    let mut labels = records.labels()?;
    let articles = layout::read_articles(&order, &texts, &annotations, &mut labels)?;
    let open = open.map(ArticleId::new);
    let workspace = Workspace { articles: &articles, labels: &labels, open: open.as_ref(), snap_to_words, next_article };
    Ok((Saved::of(workspace), Some(stored(workspace))))
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

impl Storage {
    /// Starts writing everything that changed; the returned future resolves when it is on disk.
    pub fn save(&mut self, state: &State) -> impl std::future::Future<Output = Result<(), String>> {
        let started = self.begin(Workspace::of(state));
        let closed = self.closed.clone();
        async move {
            if let Some(tx) = started? {
                idb::committed(&tx).await?;
            }
            // A save that was under way when another tab upgraded still reports why this tab
            // saves nothing more.
            if closed.get() {
                return Err(CLOSED_BY_UPGRADE.to_string());
            }
            Ok(())
        }
    }

    /// Forgets what was saved, so the next save writes every record again (after a failed
    /// write, storage may hold less than `saved` says).
    pub fn invalidate(&mut self) {
        self.saved = Saved::default();
    }

    fn begin(&mut self, now: Workspace<'_>) -> Result<Option<IdbTransaction>, String> {
        if self.closed.get() {
            return Err(CLOSED_BY_UPGRADE.to_string());
        }
        let writes = self.saved.changes(now);
        if writes.is_empty() {
            return Ok(None);
        }
        // Only the stores written are locked, so a save of annotations never waits for another.
        let stores: Vec<&str> = STORES.iter().copied().filter(|store| writes.iter().any(|w| stores_of(w).contains(store))).collect();
        let tx = idb::write(&self.db, &stores)?;
        put(&tx, &writes, now)?;
        self.saved.record(now);
        Ok(Some(tx))
    }
}

/// The stores a write touches.
fn stores_of(write: &Write<'_>) -> &'static [&'static str] {
    match write {
        Write::Text(_) => &[TEXTS],
        Write::Annotations(_) => &[ANNOTATIONS],
        Write::Forget(_) => &[TEXTS, ANNOTATIONS],
        Write::Order | Write::Labels | Write::Counters | Write::Settings => &[WORKSPACE],
    }
}

/// Issues `writes` in `tx`, with the values `now` gives them.
fn put(tx: &IdbTransaction, writes: &[Write<'_>], now: Workspace<'_>) -> Result<(), String> {
    let failed = |e: JsValue| idb::describe(&e);
    for write in writes {
        let (store, key, value) = match write {
            Write::Text(article) => (TEXTS, article.id.as_str(), layout::text_value(article)),
            Write::Annotations(article) => (ANNOTATIONS, article.id.as_str(), layout::annotations_value(article, now.labels)?),
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
