//! Reading spaCy-style JSONL: one document per non-blank line.
//!
//! Owns: which keys hold spans (`spans` as a list or as span groups, `ents`, the training pair's
//! `entities`) and merging them. Must never: place a span its offsets and text disagree on unless
//! the text occurs exactly once.

use std::collections::HashSet;
use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{ArticleText, Label, LabelSet, Span, SpanId};
use serde_json::Value;

use crate::json_fields::{
    get, label, object, offset, offset_field, opt_string, place, records, source_name, stem, string, At, Notes, Object, RawSpan, Unit,
};
use crate::{FormatError, ImportBatch, InputFile};

pub(super) fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let mut batch = ImportBatch::new(source_name(files), workspace.clone());
    for file in files {
        let mut relations_seen = None;
        let mut notes = Notes::new(&file.name);
        for record in records(file, |v| v.is_object() || is_pair(v))? {
            let doc = document(&record.value, &record.at, stem(&file.name), &mut batch, &mut notes, &mut relations_seen)?;
            batch.documents.push(doc);
        }
        if let Some(line) = relations_seen {
            notes.push(format!(
                "{}: the relations (first on line {line}) were not imported; they point at tokens, and newsmark keeps no tokens.",
                file.name
            ));
        }
        batch.warnings.extend(notes.into_warnings());
    }
    Ok(batch)
}

/// spaCy 2's training example: `["text", {"entities": [...]}]`.
fn is_pair(v: &Value) -> bool {
    matches!(v, Value::Array(a) if a.len() == 2 && a[0].is_string() && a[1].is_object())
}

/// A span as read, before it gets its id.
struct Found {
    label: Label,
    start: usize,
    end: usize,
}

fn document(
    value: &Value,
    at: &At,
    stem: &str,
    batch: &mut ImportBatch,
    notes: &mut Notes,
    relations_seen: &mut Option<usize>,
) -> Result<ImportedDocument, FormatError> {
    let default_title = || format!("{stem} line {}", at.line());
    let mut found = Vec::new();
    let (text, title) = if is_pair(value) {
        let Value::Array(pair) = value else { unreachable!("is_pair checked") };
        let text = Rc::new(ArticleText::new(pair[0].as_str().unwrap_or_default()));
        let ann_at = at.index(1);
        let ann = object(&pair[1], &ann_at)?;
        if let Some(v) = get(ann, "entities") {
            list(v, &ann_at.key("entities"), &text, batch, notes, &mut HashSet::new(), &mut found)?;
        }
        (text, default_title())
    } else {
        let map = object(value, at)?;
        let text = Rc::new(ArticleText::new(string(map, "text", at)?));
        let title = title(map, at)?.unwrap_or_else(default_title);
        // Spans listed under both `spans` and `ents` (spaCy's Doc.to_json can give both) are one
        // span; within one list, repeats are kept, since they were written on purpose.
        let mut earlier = HashSet::new();
        match get(map, "spans") {
            Some(Value::Object(groups)) => {
                for (group, v) in groups {
                    list(v, &at.key("spans").key(group), &text, batch, notes, &mut earlier, &mut found)?;
                }
            }
            Some(v) => list(v, &at.key("spans"), &text, batch, notes, &mut earlier, &mut found)?,
            None => {}
        }
        if let Some(v) = get(map, "ents") {
            list(v, &at.key("ents"), &text, batch, notes, &mut earlier, &mut found)?;
        }
        if matches!(get(map, "relations"), Some(Value::Array(r)) if !r.is_empty()) && relations_seen.is_none() {
            *relations_seen = Some(at.line());
        }
        (text, title)
    };
    let spans =
        found.into_iter().enumerate().map(|(i, f)| Span::manual(SpanId::new(format!("s{}", i + 1)), f.label, f.start, f.end)).collect();
    Ok(ImportedDocument { id: None, title, text, spans, relations: Vec::new() })
}

/// `title`, or Prodigy's `meta.title`.
fn title(map: &Object, at: &At) -> Result<Option<String>, FormatError> {
    if let Some(t) = opt_string(map, "title", at)? {
        return Ok(Some(t.to_string()));
    }
    match get(map, "meta") {
        Some(Value::Object(meta)) => Ok(opt_string(meta, "title", &at.key("meta"))?.map(str::to_string)),
        _ => Ok(None),
    }
}

/// One list of spans. `earlier` holds the spans of the lists read before this one.
fn list(
    v: &Value,
    at: &At,
    text: &ArticleText,
    batch: &mut ImportBatch,
    notes: &mut Notes,
    earlier: &mut HashSet<(usize, usize, Label)>,
    found: &mut Vec<Found>,
) -> Result<(), FormatError> {
    let Value::Array(items) = v else { return Err(at.wrong("an array of spans", v)) };
    let mut this_list = Vec::new();
    for (item, item_at) in items.iter().zip(at.items(items.len())) {
        let span_name = format!("span {}", item_at.field().unwrap_or_default());
        let (raw, label_value, label_at) = match item {
            // [start, end, "LABEL"], as in spaCy 2's training data.
            Value::Array(t) if t.len() == 3 => (
                RawSpan {
                    start: offset(&t[0], &item_at.index(0))?,
                    start_at: item_at.index(0),
                    end: offset(&t[1], &item_at.index(1))?,
                    end_at: item_at.index(1),
                    claimed: None,
                },
                &t[2],
                item_at.index(2),
            ),
            Value::Object(s) => {
                let claimed = opt_string(s, "text", &item_at)?.map(|t| (t, item_at.key("text")));
                let raw = RawSpan {
                    start: offset_field(s, "start", &item_at)?,
                    start_at: item_at.key("start"),
                    end: offset_field(s, "end", &item_at)?,
                    end_at: item_at.key("end"),
                    claimed,
                };
                let label_value = get(s, "label").ok_or_else(|| item_at.key("label").error("missing"))?;
                (raw, label_value, item_at.key("label"))
            }
            other => return Err(item_at.wrong("a span: {\"start\", \"end\", \"label\"} or [start, end, \"LABEL\"]", other)),
        };
        let label = label(batch, label_value, &label_at)?;
        let (start, end) = place(text, Unit::CodePoints, &raw, &span_name, notes)?;
        let key = (start, end, label);
        if earlier.contains(&key) {
            continue;
        }
        this_list.push(key);
        found.push(Found { label, start, end });
    }
    earlier.extend(this_list);
    Ok(())
}
