//! Reading doccano JSONL: one document per non-blank line.
//!
//! Owns: telling the `label` shape from the `entities` shape, doccano's ids, and which of a
//! line's other fields are worth a warning. Must never: accept a span or relation it cannot
//! place exactly.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{ArticleText, LabelSet, Relation, RelationId, Span, SpanId};
use serde_json::Value;

use crate::json_fields::{
    get, label, object, offset, offset_field, opt_array, opt_string, place, records, source_name, stem, string, unique_id, At, Notes,
    Object, RawSpan, Unit,
};
use crate::{FormatError, ImportBatch, InputFile};

/// Fields newsmark reads, or skips knowing what they are (doccano's database id).
const READ: &[&str] = &["text", "title", "label", "labels", "entities", "relations", "id"];

pub(super) fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let mut batch = ImportBatch::new(source_name(files), workspace.clone());
    for file in files {
        // Fields seen that newsmark has no place for, and the first line each was on.
        let mut skipped: Vec<(String, usize)> = Vec::new();
        let mut notes = Notes::new(&file.name);
        for record in records(file, Value::is_object)? {
            let doc = document(&record.value, &record.at, stem(&file.name), &mut batch, &mut skipped, &mut notes)?;
            batch.documents.push(doc);
        }
        if !skipped.is_empty() {
            let names: Vec<String> = skipped.iter().map(|(k, _)| format!("“{k}”")).collect();
            notes.push(format!(
                "{}: the field{} {} (first on line {}) {} not imported; newsmark has no place for {}.",
                file.name,
                if names.len() == 1 { "" } else { "s" },
                names.join(", "),
                skipped[0].1,
                if names.len() == 1 { "was" } else { "were" },
                if names.len() == 1 { "it" } else { "them" },
            ));
        }
        batch.warnings.extend(notes.into_warnings());
    }
    Ok(batch)
}

fn document(
    value: &Value,
    at: &At,
    stem: &str,
    batch: &mut ImportBatch,
    skipped: &mut Vec<(String, usize)>,
    notes: &mut Notes,
) -> Result<ImportedDocument, FormatError> {
    let map = object(value, at)?;
    let text = Rc::new(ArticleText::new(string(map, "text", at)?));
    let title = match opt_string(map, "title", at)? {
        Some(t) => t.to_string(),
        None => format!("{stem} line {}", at.line()),
    };
    for (key, v) in map {
        let empty = match v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            _ => false,
        };
        if !empty && !READ.contains(&key.as_str()) && !skipped.iter().any(|(k, _)| k == key) {
            skipped.push((key.clone(), at.line()));
        }
    }
    let label_key = ["label", "labels"].into_iter().find(|k| get(map, k).is_some());
    let labelled = match label_key {
        Some(key) => opt_array(map, key, at)?,
        None => &[],
    };
    let linked = !opt_array(map, "entities", at)?.is_empty() || !opt_array(map, "relations", at)?.is_empty();
    let (spans, relations) = match label_key {
        Some(key) if !labelled.is_empty() && linked => {
            return Err(at.key(key).error("is given beside entities and relations; a doccano line has one or the other"));
        }
        Some(key) if !labelled.is_empty() => (label_spans(labelled, &at.key(key), &text, batch, notes)?, Vec::new()),
        _ => entities(map, at, &text, batch, notes)?,
    };
    Ok(ImportedDocument { id: None, title, text, spans, relations })
}

fn span(id: String, label: newsmark_core::Label, start: usize, end: usize) -> Span {
    Span::manual(SpanId::new(id), label, start, end)
}

/// `"label": [[start, end, "LABEL"], ...]`.
fn label_spans(items: &[Value], at: &At, text: &ArticleText, batch: &mut ImportBatch, notes: &mut Notes) -> Result<Vec<Span>, FormatError> {
    let mut spans = Vec::with_capacity(items.len());
    for (i, (item, item_at)) in items.iter().zip(at.items(items.len())).enumerate() {
        let triple = match item {
            Value::Array(t) if t.len() == 3 => t,
            Value::String(s) => {
                return Err(item_at.error(format!(
                    "is a category ({}), as doccano writes for text classification; newsmark reads sequence labelling, where each label is [start, end, \"LABEL\"]",
                    crate::error::excerpt(s)
                )))
            }
            other => return Err(item_at.wrong("[start, end, \"LABEL\"]", other)),
        };
        let raw = RawSpan {
            start: offset(&triple[0], &item_at.index(0))?,
            start_at: item_at.index(0),
            end: offset(&triple[1], &item_at.index(1))?,
            end_at: item_at.index(1),
            claimed: None,
        };
        let label = label(batch, &triple[2], &item_at.index(2))?;
        let (start, end) = place(text, Unit::Utf16, &raw, &format!("span {}", i + 1), notes)?;
        spans.push(span(format!("s{}", i + 1), label, start, end));
    }
    Ok(spans)
}

/// doccano's ids are integers; a string id (from other tools' "doccano" files) is kept as is.
fn id_key(v: &Value, at: &At) -> Result<String, FormatError> {
    match v {
        Value::Number(n) if n.is_u64() || n.is_i64() => Ok(n.to_string()),
        Value::String(s) if !s.is_empty() => Ok(s.clone()),
        other => Err(at.wrong("a whole number or a non-empty string", other)),
    }
}

/// `"entities": [...], "relations": [...]`.
fn entities(
    map: &Object,
    at: &At,
    text: &ArticleText,
    batch: &mut ImportBatch,
    notes: &mut Notes,
) -> Result<(Vec<Span>, Vec<Relation>), FormatError> {
    let items = opt_array(map, "entities", at)?;
    let places = at.key("entities").items(items.len());
    // doccano id as written -> span id, and the index of the entity that first used it.
    let mut by_key: HashMap<String, (SpanId, usize)> = HashMap::new();
    let mut taken = HashSet::new();
    let mut pending = Vec::with_capacity(items.len());
    for (i, (item, e_at)) in items.iter().zip(places).enumerate() {
        let e = object(item, &e_at)?;
        let key = match get(e, "id") {
            Some(v) => Some(id_key(v, &e_at.key("id"))?),
            None => None,
        };
        let raw = RawSpan {
            start: offset_field(e, "start_offset", &e_at)?,
            start_at: e_at.key("start_offset"),
            end: offset_field(e, "end_offset", &e_at)?,
            end_at: e_at.key("end_offset"),
            claimed: None,
        };
        let label = match get(e, "label") {
            Some(v) => label(batch, v, &e_at.key("label"))?,
            None => return Err(e_at.key("label").error("missing")),
        };
        let placed = place(text, Unit::Utf16, &raw, &format!("entity {}", i + 1), notes)?;
        let id = match &key {
            Some(k) => {
                if let Some((_, first)) = by_key.get(k) {
                    return Err(e_at.key("id").error(format!("{k} is also the id of entities[{first}]; entity ids must be unique")));
                }
                // Numbers become newsmark's own `s<n>` ids, so writing back gives the same numbers.
                let id = if k.bytes().all(|b| b.is_ascii_digit()) { format!("s{k}") } else { k.clone() };
                taken.insert(id.clone());
                by_key.insert(k.clone(), (SpanId::new(id.as_str()), i));
                Some(id)
            }
            None => None,
        };
        pending.push((id, label, placed));
    }
    let mut spans = Vec::with_capacity(pending.len());
    for (i, (id, label, placed)) in pending.into_iter().enumerate() {
        let id = id.unwrap_or_else(|| unique_id(&format!("s{}", i + 1), &mut taken));
        spans.push(span(id, label, placed.0, placed.1));
    }
    let relations = relations(map, at, &by_key)?;
    Ok((spans, relations))
}

fn relations(map: &Object, at: &At, spans: &HashMap<String, (SpanId, usize)>) -> Result<Vec<Relation>, FormatError> {
    let items = opt_array(map, "relations", at)?;
    let places = at.key("relations").items(items.len());
    let mut taken = HashSet::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<(Option<String>, Relation)> = Vec::with_capacity(items.len());
    for (i, (item, r_at)) in items.iter().zip(places).enumerate() {
        let r = object(item, &r_at)?;
        let key = match get(r, "id") {
            Some(v) => Some(id_key(v, &r_at.key("id"))?),
            None => None,
        };
        let end = |field: &str| -> Result<SpanId, FormatError> {
            let f_at = r_at.key(field);
            let v = get(r, field).ok_or_else(|| f_at.error("missing"))?;
            let k = id_key(v, &f_at)?;
            spans.get(&k).map(|(id, _)| id.clone()).ok_or_else(|| f_at.error(format!("{k} is not the id of an entity on this line")))
        };
        let from = end("from_id")?;
        let to = end("to_id")?;
        if from == to {
            return Err(r_at.key("to_id").error("is the entity the relation starts at; a relation links two different spans"));
        }
        let kind = string(r, "type", &r_at)?.trim();
        if kind.is_empty() {
            return Err(r_at.key("type").error("is empty; say what the relation means"));
        }
        let id = match key {
            Some(k) => {
                if let Some(first) = seen.insert(k.clone(), i) {
                    return Err(r_at.key("id").error(format!("{k} is also the id of relations[{first}]; relation ids must be unique")));
                }
                let id = if k.bytes().all(|b| b.is_ascii_digit()) { format!("r{k}") } else { k };
                taken.insert(id.clone());
                Some(id)
            }
            None => None,
        };
        let relation = Relation { id: RelationId::new(""), kind: kind.into(), from, to, event: None };
        out.push((id, relation));
    }
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(i, (id, r))| {
            let id = id.unwrap_or_else(|| unique_id(&format!("r{}", i + 1), &mut taken));
            Relation { id: RelationId::new(id), ..r }
        })
        .collect())
}
