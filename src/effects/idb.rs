//! A minimal promise-based wrapper over IndexedDB: open, read a whole store, and write in one
//! transaction. Written here because the app needs only these four operations; a general
//! IndexedDB crate would add more to the bundle than this file.
//!
//! Must never: know what is stored (see `storage`).

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

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

/// Resolves when `request` succeeds, with its result.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
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

/// Opens (creating on first use) database `name` with the given object stores.
pub async fn open(name: &str, version: u32, stores: &'static [&'static str]) -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser offers no IndexedDB storage (private mode may disable it)")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version).map_err(|e| describe(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |event: web_sys::IdbVersionChangeEvent| {
        let Some(db) = event
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        else {
            return;
        };
        let existing = db.object_store_names();
        for store in stores {
            if !existing.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>().map_err(|_| "IndexedDB returned no database".to_string())
}

/// Every (key, value) in `store`.
pub async fn read_all(db: &IdbDatabase, store: &str) -> Result<Vec<(JsValue, JsValue)>, String> {
    let tx = db.transaction_with_str(store).map_err(|e| describe(&e))?;
    let object_store = tx.object_store(store).map_err(|e| describe(&e))?;
    let keys: Array = done(&object_store.get_all_keys().map_err(|e| describe(&e))?).await?.into();
    let values: Array = done(&object_store.get_all().map_err(|e| describe(&e))?).await?.into();
    Ok(keys.iter().zip(values.iter()).collect())
}

/// A read-write transaction over `stores`.
pub fn write(db: &IdbDatabase, stores: &[&str]) -> Result<IdbTransaction, String> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, IdbTransactionMode::Readwrite).map_err(|e| describe(&e))
}

pub fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, String> {
    tx.object_store(name).map_err(|e| describe(&e))
}
