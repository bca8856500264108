//! What this tab shares with the other tabs open on the workspace: its number among them, the
//! channel on which each tells the others what it saved, and the reading of what they saved.
//!
//! Owns: the tab number (held as a Web Lock named `newsmark-tab-<n>` until the tab closes or
//! crashes, so the number is free again then), the message format (an object `{articles: [ids],
//! workspace: bool}` on the BroadcastChannel `newsmark`), and turning stored records into a
//! `Synced` for the reducer. Must never: write to storage (the save does), or read a message's
//! content as anything but ids to look up.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use newsmark_core::format::labels_from_json;
use newsmark_core::{ArticleId, State, Synced};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{BroadcastChannel, IdbDatabase, MessageEvent};

use super::super::idb;
use super::changes::Saved;
use super::layout::{self, ANNOTATIONS, COUNTERS, LABELS, ORDER, TEXTS, WORKSPACE};

const CHANNEL: &str = "newsmark";
/// Tabs are numbered up to this; a tab past it shares the last number (ids may then collide
/// only between those tabs, hundreds of tabs in).
const MAX_TABS: u32 = 256;

/// This tab's number: the smallest no open tab holds. 1 where Web Locks are missing.
pub async fn number() -> u32 {
    let Some(locks) = navigator().and_then(|n| Reflect::get(&n, &"locks".into()).ok()).filter(|l| l.is_object()) else {
        return 1;
    };
    let Ok(request) = Reflect::get(&locks, &"request".into()).and_then(|f| f.dyn_into::<Function>()) else { return 1 };
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    for n in 1..=MAX_TABS {
        let got = Promise::new(&mut |resolve, _| {
            let hold = Closure::once_into_js(move |lock: JsValue| -> JsValue {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(!lock.is_null()));
                // Returning a promise that never settles keeps the lock for the tab's lifetime.
                if lock.is_null() {
                    JsValue::UNDEFINED
                } else {
                    Promise::new(&mut |_, _| {}).into()
                }
            });
            let _ = request.call3(&locks, &format!("newsmark-tab-{n}").into(), &options, &hold);
        });
        if JsFuture::from(got).await.is_ok_and(|held| held.is_truthy()) {
            return n;
        }
    }
    MAX_TABS
}

fn navigator() -> Option<JsValue> {
    Reflect::get(&web_sys::window()?.into(), &"navigator".into()).ok()
}

/// Asks the browser to keep the workspace under storage pressure. `Some(granted)`, or `None`
/// where the browser cannot be asked.
pub async fn keep_stored() -> Option<bool> {
    let storage = navigator().and_then(|n| Reflect::get(&n, &"storage".into()).ok()).filter(|s| s.is_object())?;
    let persist: Function = Reflect::get(&storage, &"persist".into()).ok()?.dyn_into().ok()?;
    let promise: Promise = persist.call0(&storage).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok().map(|v| v.is_truthy())
}

/// The channel to the other tabs, with `on_message` called with each message's ids and whether
/// it names the workspace's records.
pub struct Channel {
    channel: BroadcastChannel,
    _listener: Closure<dyn FnMut(MessageEvent)>,
}

impl Channel {
    pub fn open(mut on_message: impl FnMut(Vec<ArticleId>, bool) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let field = |key: &str| Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
            let Ok(ids) = field("articles").dyn_into::<Array>() else { return };
            on_message(ids.iter().filter_map(|id| id.as_string()).map(ArticleId::new).collect(), field("workspace").is_truthy());
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Channel { channel, _listener: listener })
    }

    /// Tells the other tabs what this one just wrote.
    pub fn tell(&self, articles: &[ArticleId], workspace: bool) {
        let message = Object::new();
        let ids: Array = articles.iter().map(|a| JsValue::from_str(a.as_str())).collect();
        let _ = Reflect::set(&message, &"articles".into(), &ids);
        let _ = Reflect::set(&message, &"workspace".into(), &JsValue::from_bool(workspace));
        let _ = self.channel.post_message(&message);
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// Reads what storage holds for `ids` (and the workspace's records if `workspace`), and returns
/// it beside what this tab last knew, recording in `saved` that storage holds it.
pub async fn read(
    db: &IdbDatabase,
    saved: &Rc<RefCell<Saved>>,
    state: &State,
    ids: Vec<ArticleId>,
    workspace: bool,
) -> Result<Synced, String> {
    let tx = idb::read(db, &[TEXTS, ANNOTATIONS, WORKSPACE])?;
    let mut requests = Vec::new();
    for id in &ids {
        // A text never changes: only an article this tab does not hold needs its text read.
        let text = match state.document.article(id) {
            Some(_) => None,
            None => Some(idb::get(&tx, TEXTS, id.as_str())?),
        };
        requests.push((id.clone(), text, idb::get(&tx, ANNOTATIONS, id.as_str())?));
    }
    let records = if workspace {
        Some((idb::get(&tx, WORKSPACE, ORDER)?, idb::get(&tx, WORKSPACE, LABELS)?, idb::get(&tx, WORKSPACE, COUNTERS)?))
    } else {
        None
    };
    let mut labels = state.document.labels.clone();
    let mut synced = Synced::default();
    if let Some((order, stored_labels, counters)) = records {
        let (order, stored_labels, counters) = (idb::value(&order).await?, idb::value(&stored_labels).await?, idb::value(&counters).await?);
        let values = layout::WorkspaceValues::read(order, stored_labels, counters, JsValue::UNDEFINED);
        if let Some(theirs) = values.labels.as_deref().and_then(|json| labels_from_json(json).ok()) {
            layout::take_labels(&mut labels, saved.borrow().labels(), &theirs);
        }
        if let Some(order) = values.order {
            synced.order = Some((saved.borrow().order().to_vec(), order));
        }
        synced.next_article = values.next_article;
    }
    for (id, text, annotations) in requests {
        let annotations = idb::value(&annotations).await?;
        let theirs = match (state.document.article(&id), text) {
            _ if annotations.is_undefined() => None,
            (Some(mine), _) => layout::read_annotations(id.as_str(), &mine.text, &annotations, &mut labels).ok(),
            (None, Some(text)) => layout::read_article(id.as_str(), &idb::value(&text).await?, &annotations, &mut labels).ok(),
            (None, None) => None,
        }
        .map(Rc::new);
        let base = saved.borrow().article(&id).cloned();
        saved.borrow_mut().set_article(&id, theirs.clone());
        saved.borrow_mut().set_stamp(&id, theirs.as_ref().and(layout::stamp_of(&annotations)));
        synced.articles.push((id, (base, theirs)));
    }
    if let Some((_, order)) = &synced.order {
        saved.borrow_mut().set_order(order.clone());
    }
    if workspace {
        saved.borrow_mut().set_labels(&labels);
    }
    if labels != state.document.labels {
        synced.labels = Some(labels);
    }
    Ok(synced)
}
