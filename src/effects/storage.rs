//! Saves the workspace in IndexedDB after every change and reads it back on start.
//!
//! Owns: the storage layout: database `newsmark`, store `articles` (one labelled-JSON document
//! per article, keyed by article id, as UTF-8 bytes; workspaces saved before held JS strings,
//! which are still read) and store `meta` (key `workspace`: article order, the open
//! article, settings, the label set). Articles name their spans' labels, so a change to the
//! label set rewrites every article. A save writes only the articles that changed since the last save, and
//! the meta record, in one transaction, so a crash leaves either the old or the new workspace.
//! Must never: write before the stored workspace has been read (that would overwrite it).

use std::collections::HashMap;
use std::rc::Rc;

use newsmark_core::format::{article_from_json, article_to_json, labels_from_json, labels_to_json};
use newsmark_core::{Article, ArticleId, LabelSet, State, StoredWorkspace};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::IdbDatabase;

use super::idb;

const DB_NAME: &str = "newsmark";
const DB_VERSION: u32 = 1;
const ARTICLES: &str = "articles";
const META: &str = "meta";
const META_KEY: &str = "workspace";
const STORES: &[&str] = &[ARTICLES, META];

#[derive(Serialize, Deserialize)]
struct Meta {
    version: u32,
    order: Vec<String>,
    open: Option<String>,
    snap_to_words: bool,
    next_article: u64,
    /// The label set as labelled JSON's `labels` array; absent in workspaces saved before
    /// labels could be edited, which had the built-in ones only.
    #[serde(default)]
    labels: Option<String>,
}

/// The open database and what it holds, so that saves write only what changed.
pub struct Storage {
    db: IdbDatabase,
    saved: HashMap<ArticleId, Rc<Article>>,
    saved_labels: LabelSet,
}

/// Opens storage and reads the workspace (`None` on a first visit).
pub async fn load() -> Result<(Storage, Option<StoredWorkspace>), String> {
    let db = idb::open(DB_NAME, DB_VERSION, STORES).await?;
    let meta = idb::read_all(&db, META).await?;
    let Some(meta) = meta.into_iter().find(|(k, _)| k.as_string().as_deref() == Some(META_KEY)).and_then(|(_, v)| v.as_string()) else {
        return Ok((Storage { db, saved: HashMap::new(), saved_labels: LabelSet::builtin() }, None));
    };
    let meta: Meta = serde_json::from_str(&meta).map_err(|e| format!("the workspace record is damaged ({e})"))?;
    let mut labels = match &meta.labels {
        Some(json) => labels_from_json(json).map_err(|e| format!("the label set is damaged: {e}"))?,
        None => LabelSet::builtin(),
    };
    let mut stored: HashMap<String, String> = HashMap::new();
    for (key, value) in idb::read_all(&db, ARTICLES).await? {
        let Some(k) = key.as_string() else { continue };
        let v = match value.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| format!("article {k} is damaged: it is not UTF-8"))?,
            Err(value) => match value.as_string() {
                Some(v) => v,
                None => continue,
            },
        };
        stored.insert(k, v);
    }
    let mut articles = Vec::with_capacity(meta.order.len());
    for id in &meta.order {
        let json = stored.get(id).ok_or_else(|| format!("article {id} is missing from storage"))?;
        let doc = article_from_json(json, &mut labels).map_err(|e| format!("article {id} is damaged: {e}"))?;
        articles.push(Article::with_spans(ArticleId::new(id.as_str()), doc.title, doc.text, doc.spans).with_relations(doc.relations));
    }
    let saved = articles.iter().map(|a| (a.id.clone(), Rc::new(a.clone()))).collect();
    let workspace = StoredWorkspace {
        articles,
        open: meta.open.map(ArticleId::new),
        snap_to_words: meta.snap_to_words,
        next_article: meta.next_article,
        labels: labels.clone(),
    };
    Ok((Storage { db, saved, saved_labels: labels }, Some(workspace)))
}

impl Storage {
    /// Starts writing everything that changed; the returned future resolves when it is on disk.
    pub fn save(&mut self, state: &State) -> impl std::future::Future<Output = Result<(), String>> {
        let result = self.begin(state);
        async move { idb::committed(&result?).await }
    }

    /// Forgets what was saved, so the next save writes every article again (after a failed
    /// write, storage may hold less than `saved` says).
    pub fn invalidate(&mut self) {
        self.saved.clear();
    }

    fn begin(&mut self, state: &State) -> Result<web_sys::IdbTransaction, String> {
        let tx = idb::write(&self.db, STORES)?;
        let articles = idb::store(&tx, ARTICLES)?;
        let labels_changed = self.saved_labels != state.document.labels;
        for article in &state.document.articles {
            let unchanged = !labels_changed && self.saved.get(&article.id).is_some_and(|saved| Rc::ptr_eq(saved, article));
            if !unchanged {
                let json = article_to_json(article, &state.document.labels);
                // Bytes are copied as they are; a string would be decoded from UTF-8 first, which
                // for a long article costs more than writing it.
                articles
                    .put_with_key(&js_sys::Uint8Array::from(json.as_bytes()), &JsValue::from_str(article.id.as_str()))
                    .map_err(|e| idb::describe(&e))?;
            }
        }
        let gone: Vec<ArticleId> = self.saved.keys().filter(|id| state.article(id).is_none()).cloned().collect();
        for id in &gone {
            articles.delete(&JsValue::from_str(id.as_str())).map_err(|e| idb::describe(&e))?;
        }
        let meta = Meta {
            version: 1,
            order: state.document.articles.iter().map(|a| a.id.as_str().to_string()).collect(),
            open: state.view.open.as_ref().map(|id| id.as_str().to_string()),
            snap_to_words: state.view.snap_to_words,
            next_article: state.document.next_article,
            labels: Some(labels_to_json(&state.document.labels)),
        };
        let meta = serde_json::to_string(&meta).map_err(|e| e.to_string())?;
        idb::store(&tx, META)?.put_with_key(&JsValue::from_str(&meta), &JsValue::from_str(META_KEY)).map_err(|e| idb::describe(&e))?;
        self.saved = state.document.articles.iter().map(|a| (a.id.clone(), a.clone())).collect();
        self.saved_labels = state.document.labels.clone();
        Ok(tx)
    }
}
