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
//! | `annotations` | article id | `{document, next_span, next_relation, stamp}`: `document` is the labelled JSON document with an empty `text` and no UTF-16 or UTF-8 offsets (`annotations_to_json`), as UTF-8 bytes; the counters are numbers; `stamp` a random number drawn for each write |
//! | `workspace` | `order` | JSON string: the article ids in order |
//! | `workspace` | `labels` | JSON string: the label set as labelled JSON's `labels` array |
//! | `workspace` | `counters` | JSON string: `{"next_article": n}` |
//! | `workspace` | `settings` | JSON string: `{"open": id or null, "snap_to_words": bool}` |

use std::rc::Rc;

use js_sys::{Object, Reflect, Uint8Array};
use newsmark_core::format::{annotations_to_json, article_from_parts, labels_from_json, labels_to_json};
use newsmark_core::{Article, ArticleId, ArticleText, LabelDef, LabelSet};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

pub const DB_NAME: &str = "newsmark";
/// Version 1 kept whole articles in `articles` and everything else in one `meta` record
/// (`legacy`); version 2 is this layout. Version 3 keeps it, but its tabs merge what they write
/// with what other tabs wrote: opening at 3 closes the connections of version 2's tabs, which
/// would write whole records over the other tabs' work. Version 4 adds the index `stamp` on
/// `annotations`, so a save finds out whether a record is as it left it without reading it.
pub const DB_VERSION: u32 = 4;
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
/// A number drawn afresh for each write of an annotations record: a tab that finds the number it
/// last wrote or read knows the record is unchanged, and need not read it again.
pub const STAMP: &str = "stamp";

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
pub fn annotations_value(article: &Article, labels: &LabelSet, stamp: f64) -> Result<JsValue, String> {
    let record = Object::new();
    let document = Uint8Array::from(annotations_to_json(article, labels).as_bytes());
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&record, &JsValue::from_str(key), value).map(|_| ()).map_err(|e| super::idb::describe(&e))
    };
    set(DOCUMENT, &document)?;
    set(NEXT_SPAN, &JsValue::from_f64(article.next_span as f64))?;
    set(NEXT_RELATION, &JsValue::from_f64(article.next_relation as f64))?;
    set(STAMP, &JsValue::from_f64(stamp))?;
    Ok(record.into())
}

/// The stamp of a stored annotations record (`None` for one written before stamps, or none).
pub fn stamp_of(annotations: &JsValue) -> Option<f64> {
    Reflect::get(annotations, &JsValue::from_str(STAMP)).ok()?.as_f64()
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
pub struct Records(pub Vec<(String, JsValue)>);

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
    let text = utf8(text).ok_or_else(|| damaged(id, "its text is not UTF-8 bytes"))?;
    read_annotations(id, &Rc::new(ArticleText::new(text.as_str())), annotations, labels)
}

fn damaged(id: &str, why: &str) -> String {
    format!("article {id} is damaged: {why}")
}

/// An article from its annotations record, with its text already known (`text` is shared, not
/// copied: a text never changes, and the view tells a new text from an old one by pointer).
pub fn read_annotations(id: &str, text: &Rc<ArticleText>, annotations: &JsValue, labels: &mut LabelSet) -> Result<Article, String> {
    let field = |key: &str| Reflect::get(annotations, &JsValue::from_str(key)).ok().filter(|_| annotations.is_object());
    let document = field(DOCUMENT).as_ref().and_then(utf8).ok_or_else(|| damaged(id, "its annotations are not UTF-8 bytes"))?;
    let counter = |key: &str| field(key).and_then(|v| v.as_f64()).filter(|n| n.fract() == 0.0 && *n >= 1.0).map(|n| n as u64);
    let (Some(next_span), Some(next_relation)) = (counter(NEXT_SPAN), counter(NEXT_RELATION)) else {
        return Err(damaged(id, "its id counters are missing"));
    };
    let doc = article_from_parts(text.as_str(), &document, labels).map_err(|e| damaged(id, &e.to_string()))?;
    let mut article = Article::with_spans(ArticleId::new(id), doc.title, text.clone(), doc.spans).with_relations(doc.relations);
    // Counters only grow: an id handed out before, even to a span deleted since, is never reused.
    article.next_span = article.next_span.max(next_span);
    article.next_relation = article.next_relation.max(next_relation);
    Ok(article)
}

fn utf8(value: &JsValue) -> Option<String> {
    String::from_utf8(value.dyn_ref::<Uint8Array>()?.to_vec()).ok()
}

/// A stored article that could not be read: kept in storage as it is, and offered for download.
pub struct Unreadable {
    pub id: String,
    pub why: String,
    pub text: Option<JsValue>,
    pub annotations: Option<JsValue>,
}

/// The stored articles: those `order` names first, in its order, then any other stored article
/// (one an interrupted save left out of the order), each from its two records. An article that
/// cannot be read is set aside, never the reason the others are lost.
pub fn read_articles(
    order: &[String],
    texts: &Records,
    annotations: &Records,
    labels: &mut LabelSet,
) -> (Vec<Rc<Article>>, Vec<Unreadable>) {
    let others = texts.0.iter().map(|(k, _)| k).filter(|k| !order.contains(k));
    let (mut articles, mut unreadable) = (Vec::new(), Vec::new());
    for id in order.iter().chain(others) {
        let (text, notes) = (texts.get(id), annotations.get(id));
        let read = match (text, notes) {
            (Some(text), Some(notes)) => read_article(id, text, notes, labels),
            // The order may name an article whose records never reached the disk.
            (None, None) => continue,
            _ => Err(damaged(id, "one of its two records is missing")),
        };
        match read {
            Ok(article) => articles.push(Rc::new(article)),
            Err(why) => unreadable.push(Unreadable { id: id.clone(), why, text: text.cloned(), annotations: notes.cloned() }),
        }
    }
    (articles, unreadable)
}

/// Another tab's label set taken into this one, by name: a label this tab did not change since
/// `base` takes their colour, description and key; a label new there is added; one this tab
/// changed, added or removed since `base` stays as it is here.
pub fn take_labels(mine: &mut LabelSet, base: Option<&LabelSet>, theirs: &LabelSet) {
    let in_base = |name: &str| base.and_then(|b| b.by_name(name).and_then(|l| b.get(l)));
    for def in theirs.iter() {
        let result = match mine.by_name(&def.name) {
            Some(label) => {
                let here = mine.get(label);
                let unchanged = match (here, in_base(&def.name)) {
                    (Some(h), Some(b)) => LabelDef { label, ..b.clone() } == *h,
                    _ => base.is_none(),
                };
                if unchanged && here != Some(&LabelDef { label, ..def.clone() }) {
                    mine.update(LabelDef { label, ..def.clone() })
                } else {
                    Ok(())
                }
            }
            None if in_base(&def.name).is_some() => Ok(()),
            None => mine.add(def.clone()).map(|_| ()),
        };
        // A clash (a key another label already has here) leaves this tab's label as it is.
        let _ = result;
    }
}

/// The workspace store's records a save reads back, and the keys of the stored texts.
pub struct WorkspaceValues {
    pub order: Option<Vec<ArticleId>>,
    pub labels: Option<String>,
    pub next_article: Option<u64>,
    pub ids: Vec<ArticleId>,
}

impl WorkspaceValues {
    pub fn read(order: JsValue, labels: JsValue, counters: JsValue, ids: JsValue) -> Self {
        let json = |v: &JsValue| v.as_string().and_then(|s| serde_json::from_str::<Value>(&s).ok());
        let order = json(&order).and_then(|v| v.as_array()?.iter().map(|id| Some(ArticleId::new(id.as_str()?))).collect());
        let ids = ids
            .dyn_into::<js_sys::Array>()
            .map(|ids| ids.iter().filter_map(|k| k.as_string()).map(ArticleId::new).collect())
            .unwrap_or_default();
        WorkspaceValues {
            order,
            labels: labels.as_string(),
            next_article: json(&counters).as_ref().and_then(Counters::from_json).map(|c| c.next_article),
            ids,
        }
    }
}

/// The number in an article id (`a12`, or `a12-2` from a second tab).
pub fn article_number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix('a')?;
    digits.split('-').next()?.parse().ok()
}

/// The unreadable records as a JSON file a person can keep: each with its id, why it could not
/// be read, and its two records as far as they are text.
pub fn unreadable_json(unreadable: &[Unreadable]) -> String {
    let text = |v: &Option<JsValue>| -> Value {
        let Some(v) = v else { return Value::Null };
        // Bytes that are UTF-8 become text; others are kept as the numbers of their bytes.
        let bytes = |b: &Uint8Array| String::from_utf8(b.to_vec()).map(Value::String).unwrap_or_else(|e| Value::from(e.into_bytes()));
        if let Some(b) = v.dyn_ref::<Uint8Array>() {
            return bytes(b);
        }
        if let Some(s) = v.as_string() {
            return Value::String(s);
        }
        let document = Reflect::get(v, &JsValue::from_str(DOCUMENT)).ok().and_then(|d| d.dyn_into::<Uint8Array>().ok());
        document.as_ref().map_or(Value::Null, bytes)
    };
    let items: Vec<Value> = unreadable
        .iter()
        .map(|u| json!({ "id": u.id, "why": u.why, "text": text(&u.text), "annotations": text(&u.annotations) }))
        .collect();
    serde_json::to_string(&json!({ "newsmark_unreadable_records": items })).unwrap_or_default()
}
