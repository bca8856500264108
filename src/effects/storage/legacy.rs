//! Reading a workspace stored by newsmark's first layout (database version 1), to move it to the
//! current one.
//!
//! Owns: the first layout, kept only to read it: store `articles` (one labelled JSON document per
//! article, with its text, keyed by article id, as UTF-8 bytes; older saves held JS strings) and
//! store `meta` (key `workspace`: JSON with the article order, the open article, settings, the id
//! counter and the label set). Must never: write that layout, or accept a record the core's
//! labelled JSON import would refuse.

use newsmark_core::format::{article_from_json, labels_from_json};
use newsmark_core::{Article, ArticleId, LabelSet};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use super::layout::by_id;

pub const ARTICLES: &str = "articles";
pub const META: &str = "meta";
pub const META_KEY: &str = "workspace";

/// The `meta` record.
#[derive(Deserialize)]
struct Meta {
    order: Vec<String>,
    open: Option<String>,
    snap_to_words: bool,
    next_article: u64,
    /// The label set as labelled JSON's `labels` array; absent in workspaces saved before labels
    /// could be edited, which had the built-in ones only.
    #[serde(default)]
    labels: Option<String>,
}

/// A workspace as the first layout held it.
pub struct Legacy {
    pub articles: Vec<Article>,
    pub open: Option<String>,
    pub snap_to_words: bool,
    pub next_article: u64,
    pub labels: LabelSet,
}

/// Reads the first layout's records; `None` if `meta` holds no workspace (nothing to move).
pub fn read(meta: Vec<(JsValue, JsValue)>, articles: Vec<(JsValue, JsValue)>) -> Result<Option<Legacy>, String> {
    let Some(meta) = by_id(meta).remove(META_KEY) else { return Ok(None) };
    let meta = meta.as_string().ok_or("the workspace record is damaged (it is not text)")?;
    let meta: Meta = serde_json::from_str(&meta).map_err(|e| format!("the workspace record is damaged ({e})"))?;
    let mut labels = match &meta.labels {
        Some(json) => labels_from_json(json).map_err(|e| format!("the label set is damaged: {e}"))?,
        None => LabelSet::builtin(),
    };
    let mut stored = by_id(articles);
    let mut read = Vec::with_capacity(meta.order.len());
    for id in &meta.order {
        let value = stored.remove(id).ok_or_else(|| format!("article {id} is missing from storage"))?;
        let json = match value.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| format!("article {id} is damaged: it is not UTF-8"))?,
            Err(value) => value.as_string().ok_or_else(|| format!("article {id} is damaged: it is neither bytes nor text"))?,
        };
        let doc = article_from_json(&json, &mut labels).map_err(|e| format!("article {id} is damaged: {e}"))?;
        read.push(Article::with_spans(ArticleId::new(id.as_str()), doc.title, doc.text, doc.spans).with_relations(doc.relations));
    }
    Ok(Some(Legacy { articles: read, open: meta.open, snap_to_words: meta.snap_to_words, next_article: meta.next_article, labels }))
}
