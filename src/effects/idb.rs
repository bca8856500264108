//! A minimal promise-based wrapper over IndexedDB: open (with the `blocked` and `versionchange`
//! events), read whole stores, and write in one transaction. Written here because the app needs
//! only these few operations; a general IndexedDB crate would add more to the bundle than this
//! file.
//!
//! Must never: know what is stored (see `storage`).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbRequestReadyState, IdbTransaction, IdbTransactionMode};

/// A human-readable message from whatever a failed browser call threw.
pub fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

/// Resolves when `request` succeeds, with its result (at once if it is already done: several
/// requests may be awaited in any order).
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    if request.ready_state() == IdbRequestReadyState::Done {
        return match request.error() {
            Ok(Some(e)) => Err(format!("{}: {}", e.name(), e.message())),
            _ => request.result().map_err(|e| describe(&e)),
        };
    }
    let promise = Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let req = request.clone();
        let fail = Closure::once_into_js(move || {
            let why = req.error().ok().flatten().map(|e| format!("{}: {}", e.name(), e.message())).unwrap_or_default();
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Resolves when `tx` commits.
pub async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let fail = Closure::once_into_js(move || {
            let why = t.error().map(|e| format!("{}: {}", e.name(), e.message())).unwrap_or_else(|| "the write was aborted".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(fail.unchecked_ref()));
        tx.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| describe(&e))
}

/// Opens (creating on first use) database `name` with the given object stores, creating any that
/// are missing when `version` is newer than the stored one. `blocked` runs if the upgrade must wait
/// for another tab's connection to the older version to close; the open then goes on by itself.
pub async fn open(
    name: &str,
    version: u32,
    stores: &'static [&'static str],
    index: (&'static str, &'static str),
    blocked: impl FnOnce() + 'static,
) -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser offers no IndexedDB storage (private mode may disable it)")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version).map_err(|e| describe(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |event: web_sys::IdbVersionChangeEvent| {
        let Some(request) = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else { return };
        let Some(db) = request.result().ok().and_then(|r| r.dyn_into::<IdbDatabase>().ok()) else { return };
        let existing = db.object_store_names();
        for store in stores {
            if !existing.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
        // The index `index.1` on the field of that name of store `index.0`.
        if let Some(store) = request.transaction().and_then(|tx| tx.object_store(index.0).ok()) {
            if !store.index_names().contains(index.1) {
                let _ = store.create_index_with_str(index.1, index.1);
            }
        }
    });
    let blocked = Closure::once(blocked);
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    request.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
    let result = done(&request).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    drop((upgrade, blocked));
    result?.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB returned no database".to_string())
}

/// Calls `closed` once another tab asks to upgrade or delete the database, after closing this
/// connection so that the other tab is not kept waiting. Nothing can be written through `db`
/// after that.
pub fn on_version_change(db: &IdbDatabase, closed: impl FnOnce() + 'static) {
    let connection = db.clone();
    let handler = Closure::once_into_js(move || {
        connection.close();
        closed();
    });
    db.set_onversionchange(Some(handler.unchecked_ref()));
}

/// Whether the database has a store called `name` (stores of an older layout may be absent).
pub fn has_store(db: &IdbDatabase, name: &str) -> bool {
    db.object_store_names().contains(name)
}

/// A read-only transaction over `stores`.
pub fn read(db: &IdbDatabase, stores: &[&str]) -> Result<IdbTransaction, String> {
    transaction(db, stores, IdbTransactionMode::Readonly)
}

/// The requests for every key and value of a store, sent at once so that several stores are read
/// in parallel within one transaction; `entries` awaits them.
pub struct Reading(IdbRequest, IdbRequest);

/// Starts reading every (key, value) in `store`.
pub fn read_store(tx: &IdbTransaction, store: &str) -> Result<Reading, String> {
    let object_store = tx.object_store(store).map_err(|e| describe(&e))?;
    let keys = object_store.get_all_keys().map_err(|e| describe(&e))?;
    let values = object_store.get_all().map_err(|e| describe(&e))?;
    Ok(Reading(keys, values))
}

impl Reading {
    /// Every (key, value) read, in key order.
    pub async fn entries(self) -> Result<Vec<(JsValue, JsValue)>, String> {
        let keys: Array = done(&self.0).await?.into();
        let values: Array = done(&self.1).await?.into();
        Ok(keys.iter().zip(values.iter()).collect())
    }
}

/// A read-write transaction over `stores`.
pub fn write(db: &IdbDatabase, stores: &[&str]) -> Result<IdbTransaction, String> {
    transaction(db, stores, IdbTransactionMode::Readwrite)
}

fn transaction(db: &IdbDatabase, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(|e| describe(&e))
}

pub fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, String> {
    tx.object_store(name).map_err(|e| describe(&e))
}

/// A request for one record: `value` awaits it (`undefined` when there is none). Several may be
/// sent before any is awaited.
pub fn get(tx: &IdbTransaction, name: &str, key: &str) -> Result<IdbRequest, String> {
    store(tx, name)?.get(&JsValue::from_str(key)).map_err(|e| describe(&e))
}

/// The result of a request sent earlier.
pub async fn value(request: &IdbRequest) -> Result<JsValue, String> {
    done(request).await
}

/// A request for the key of the record whose field `index` (an index of `store`) is `value`.
pub fn key_by(tx: &IdbTransaction, store_name: &str, index: &str, value: &JsValue) -> Result<IdbRequest, String> {
    store(tx, store_name)?.index(index).and_then(|i| i.get_key(value)).map_err(|e| describe(&e))
}

/// Whether a failure (as `describe` or `committed` words it) is the browser refusing a write for
/// lack of space.
pub fn is_quota(why: &str) -> bool {
    why.starts_with("QuotaExceededError")
}
