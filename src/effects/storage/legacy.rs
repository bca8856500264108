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
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use super::layout::Records;

pub const ARTICLES: &str = "articles";
pub const META: &str = "meta";
pub const META_KEY: &str = "workspace";

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
    let Some(meta) = Records::new(meta).get(META_KEY).cloned() else { return Ok(None) };
    let meta = meta.as_string().ok_or("the workspace record is damaged (it is not text)")?;
    // Read through `serde_json::Value`, which the page holds anyway, rather than a serde derive.
    let meta: Value = serde_json::from_str(&meta).map_err(|e| format!("the workspace record is damaged ({e})"))?;
    let damaged = |key: &str| format!("the workspace record is damaged ({key} is missing or wrong)");
    let order: Vec<&str> = meta
        .get("order")
        .and_then(Value::as_array)
        .and_then(|ids| ids.iter().map(Value::as_str).collect())
        .ok_or_else(|| damaged("order"))?;
    let open = meta.get("open").and_then(Value::as_str).map(str::to_string);
    let snap_to_words = meta.get("snap_to_words").and_then(Value::as_bool).ok_or_else(|| damaged("snap_to_words"))?;
    let next_article = meta.get("next_article").and_then(Value::as_u64).ok_or_else(|| damaged("next_article"))?;
    // Absent in workspaces saved before labels could be edited, which had the built-in ones only.
    let mut labels = match meta.get("labels").and_then(Value::as_str) {
        Some(json) => labels_from_json(json).map_err(|e| format!("the label set is damaged: {e}"))?,
        None => LabelSet::builtin(),
    };
    let stored = Records::new(articles);
    let mut read = Vec::with_capacity(order.len());
    for id in order {
        let value = stored.get(id).ok_or_else(|| format!("article {id} is missing from storage"))?;
        let json = match value.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| format!("article {id} is damaged: it is not UTF-8"))?,
            None => value.as_string().ok_or_else(|| format!("article {id} is damaged: it is neither bytes nor text"))?,
        };
        let doc = article_from_json(&json, &mut labels).map_err(|e| format!("article {id} is damaged: {e}"))?;
        read.push(Article::with_spans(ArticleId::new(id), doc.title, doc.text, doc.spans).with_relations(doc.relations));
    }
    Ok(Some(Legacy { articles: read, open, snap_to_words, next_article, labels }))
}
