//! The stored layout (database version 2): which record holds what, and how each is written and
//! read back.
//!
//! Owns: store names, keys and value encodings. Every article is two records keyed by its id: its
//! text, written once when the article is added, and its annotations (title, spans, relations,
//! id counters), rewritten by an edit; the workspace's own facts are small records of their own.
//! Must never: read a stored article without the core's labelled JSON checks (a damaged record
//! must be refused, never half read), or know when to write (see `changes`).
//!
//! | store | key | value |
//! | --- | --- | --- |
//! | `texts` | article id | the text as UTF-8 bytes (`Uint8Array`) |
//! | `annotations` | article id | `{document, next_span, next_relation}`: `document` is the labelled JSON document with an empty `text` and no UTF-16 or UTF-8 offsets (`annotations_to_json`), as UTF-8 bytes; the counters are numbers |
//! | `workspace` | `order` | JSON string: the article ids in order |
//! | `workspace` | `labels` | JSON string: the label set as labelled JSON's `labels` array |
//! | `workspace` | `counters` | JSON string: `{"next_article": n}` |
//! | `workspace` | `settings` | JSON string: `{"open": id or null, "snap_to_words": bool}` |

use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array};
use newsmark_core::format::{annotations_to_json, article_from_parts, labels_from_json, labels_to_json};
use newsmark_core::{Article, ArticleId, LabelSet};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "newsmark";
/// Version 1 kept whole articles in `articles` and everything else in one `meta` record
/// (`legacy`); version 2 is this layout. Opening at 2 upgrades, and closes older tabs' connections.
pub const DB_VERSION: u32 = 2;
pub const TEXTS: &str = "texts";
pub const ANNOTATIONS: &str = "annotations";
pub const WORKSPACE: &str = "workspace";
pub const STORES: &[&str] = &[TEXTS, ANNOTATIONS, WORKSPACE];

/// The keys of the `workspace` store.
pub const ORDER: &str = "order";
pub const LABELS: &str = "labels";
pub const COUNTERS: &str = "counters";
pub const SETTINGS: &str = "settings";

const DOCUMENT: &str = "document";
const NEXT_SPAN: &str = "next_span";
const NEXT_RELATION: &str = "next_relation";

/// The `counters` record: ids handed out to new articles only ever grow.
#[derive(Debug, Clone, PartialEq)]
pub struct Counters {
    pub next_article: u64,
}

/// The `settings` record: how the workspace was left.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub open: Option<String>,
    pub snap_to_words: bool,
}

// The records are read and written through `serde_json::Value`, which the page holds anyway for
// labelled JSON, rather than with serde derives, each of which would add code to the page.

impl Counters {
    pub fn to_json(&self) -> Value {
        json!({ "next_article": self.next_article })
    }

    fn from_json(value: &Value) -> Option<Self> {
        Some(Counters { next_article: value.get("next_article")?.as_u64()? })
    }
}

impl Settings {
    pub fn to_json(&self) -> Value {
        json!({ "open": self.open, "snap_to_words": self.snap_to_words })
    }

    fn from_json(value: &Value) -> Option<Self> {
        let open = match value.get("open")? {
            Value::Null => None,
            open => Some(open.as_str()?.to_string()),
        };
        Some(Settings { open, snap_to_words: value.get("snap_to_words")?.as_bool()? })
    }
}

/// The `order` record.
pub fn order_json(ids: impl Iterator<Item = String>) -> Value {
    Value::Array(ids.map(Value::String).collect())
}

/// An article's text record: its bytes are copied as they are, where a string would be converted
/// from UTF-8 first, which for a long article costs more than writing it.
pub fn text_value(article: &Article) -> JsValue {
    Uint8Array::from(article.text.as_str().as_bytes()).into()
}

/// An article's annotations record.
pub fn annotations_value(article: &Article, labels: &LabelSet) -> Result<JsValue, String> {
    let record = Object::new();
    let document = Uint8Array::from(annotations_to_json(article, labels).as_bytes());
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&record, &JsValue::from_str(key), value).map(|_| ()).map_err(|e| super::idb::describe(&e))
    };
    set(DOCUMENT, &document)?;
    set(NEXT_SPAN, &JsValue::from_f64(article.next_span as f64))?;
    set(NEXT_RELATION, &JsValue::from_f64(article.next_relation as f64))?;
    Ok(record.into())
}

/// A `workspace` record's value.
pub fn json_value(value: Value) -> JsValue {
    JsValue::from_str(&value.to_string())
}

pub fn labels_value(labels: &LabelSet) -> JsValue {
    JsValue::from_str(&labels_to_json(labels))
}

/// Stored records by key, as read from one store. Looked up one by one in a list: a workspace
/// has hundreds of articles at most, and a map of another type would add its own code to the page.
pub struct Records(Vec<(String, JsValue)>);

impl Records {
    pub fn new(entries: Vec<(JsValue, JsValue)>) -> Self {
        Records(entries.into_iter().filter_map(|(k, v)| Some((k.as_string()?, v))).collect())
    }

    pub fn get(&self, key: &str) -> Option<&JsValue> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// The `workspace` store's records by key.
pub struct WorkspaceRecords(pub Records);

impl WorkspaceRecords {
    /// Whether a workspace was ever saved (the order is written with the first save).
    pub fn is_empty(&self) -> bool {
        self.0.get(ORDER).is_none()
    }

    fn json(&self, key: &str) -> Option<String> {
        self.0.get(key)?.as_string()
    }

    fn get<T>(&self, key: &str, read: impl Fn(&Value) -> Option<T>) -> Result<T, String> {
        let damaged = |why: &str| format!("the workspace record is damaged ({key}: {why})");
        let json = self.json(key).ok_or_else(|| damaged("missing"))?;
        let value: Value = serde_json::from_str(&json).map_err(|e| damaged(&e.to_string()))?;
        read(&value).ok_or_else(|| damaged("not in the expected shape"))
    }

    pub fn order(&self) -> Result<Vec<String>, String> {
        self.get(ORDER, |v| v.as_array()?.iter().map(|id| Some(id.as_str()?.to_string())).collect())
    }

    pub fn counters(&self) -> Result<Counters, String> {
        self.get(COUNTERS, Counters::from_json)
    }

    pub fn settings(&self) -> Result<Settings, String> {
        self.get(SETTINGS, Settings::from_json)
    }

    /// The label set, checked like a file's.
    pub fn labels(&self) -> Result<LabelSet, String> {
        let json = self.json(LABELS).ok_or("the workspace record is damaged (labels: missing)")?;
        labels_from_json(&json).map_err(|e| format!("the label set is damaged: {e}"))
    }
}

/// An article from its two records, with the same checks as an import: a text that is not UTF-8,
/// spans that do not fit it or a damaged document are refused with the article's id. Labels the
/// set lacks are added to it, so an article is never lost to a damaged label list.
pub fn read_article(id: &str, text: &JsValue, annotations: &JsValue, labels: &mut LabelSet) -> Result<Article, String> {
    let damaged = |why: &str| format!("article {id} is damaged: {why}");
    let text = utf8(text).ok_or_else(|| damaged("its text is not UTF-8 bytes"))?;
    let field = |key: &str| Reflect::get(annotations, &JsValue::from_str(key)).ok().filter(|_| annotations.is_object());
    let document = field(DOCUMENT).as_ref().and_then(utf8).ok_or_else(|| damaged("its annotations are not UTF-8 bytes"))?;
    let counter = |key: &str| field(key).and_then(|v| v.as_f64()).filter(|n| n.fract() == 0.0 && *n >= 1.0).map(|n| n as u64);
    let (Some(next_span), Some(next_relation)) = (counter(NEXT_SPAN), counter(NEXT_RELATION)) else {
        return Err(damaged("its id counters are missing"));
    };
    let doc = article_from_parts(&text, &document, labels).map_err(|e| damaged(&e.to_string()))?;
    let mut article = Article::with_spans(ArticleId::new(id), doc.title, doc.text, doc.spans).with_relations(doc.relations);
    // Counters only grow: an id handed out before, even to a span deleted since, is never reused.
    article.next_span = article.next_span.max(next_span);
    article.next_relation = article.next_relation.max(next_relation);
    Ok(article)
}

fn utf8(value: &JsValue) -> Option<String> {
    String::from_utf8(value.dyn_ref::<Uint8Array>()?.to_vec()).ok()
}

/// The articles named by `order`, each from its two records.
pub fn read_articles(order: &[String], texts: &Records, annotations: &Records, labels: &mut LabelSet) -> Result<Vec<Rc<Article>>, String> {
    order
        .iter()
        .map(|id| {
            let missing = || format!("article {id} is missing from storage");
            let text = texts.get(id).ok_or_else(missing)?;
            let annotations = annotations.get(id).ok_or_else(missing)?;
            read_article(id, text, annotations, labels).map(Rc::new)
        })
        .collect()
}
