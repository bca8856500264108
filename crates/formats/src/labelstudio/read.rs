//! Reading Label Studio tasks: which field holds the text, and which documents a task gives.
//!
//! Owns: one document per annotation and per prediction (a task with neither gives one document
//! without spans), their titles, and the JSON-MIN export's region lists. Must never: take a text
//! from a field other than `data.text` without saying so in a warning.

use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{ArticleText, LabelSet};
use serde_json::Value;

use super::results::{min_regions, results, Found, Kind, Tally};
use crate::json_fields::{get, object, opt_array, opt_string, parse_json, source_name, stem, without_bom, At, Notes, Object};
use crate::{FormatError, ImportBatch, InputFile};

/// Task fields that are never the text, for tasks written without a `data` object.
const TASK_FIELDS: &[&str] = &[
    "id",
    "annotations",
    "predictions",
    "meta",
    "created_at",
    "updated_at",
    "file_upload",
    "drafts",
    "project",
    "inner_id",
    "annotator",
    "annotation_id",
    "lead_time",
];

pub(super) fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let mut batch = ImportBatch::new(source_name(files), workspace.clone());
    for file in files {
        let value = parse_json(file)?;
        let root = At::root(&file.name, without_bom(&file.text), 1);
        let mut tally = Tally::new(&file.name);
        match &value {
            Value::Array(tasks) if tasks.is_empty() => return Err(root.error("the file holds no tasks")),
            Value::Array(tasks) => {
                for (i, (t, at)) in tasks.iter().zip(root.items(tasks.len())).enumerate() {
                    task(t, &at, i + 1, stem(&file.name), &mut batch, &mut tally)?;
                }
            }
            Value::Object(_) => task(&value, &root, 1, stem(&file.name), &mut batch, &mut tally)?,
            other => return Err(root.wrong("a task or an array of tasks", other)),
        }
        batch.warnings.extend(tally.warnings(&file.name));
    }
    Ok(batch)
}

fn task(v: &Value, at: &At, number: usize, stem: &str, batch: &mut ImportBatch, tally: &mut Tally) -> Result<(), FormatError> {
    let map = object(v, at)?;
    // Label Studio's import format lets a task be its data, without a `data` object.
    let (data, data_at, flat) = match get(map, "data") {
        Some(d) => (object(d, &at.key("data"))?, at.key("data"), false),
        None => (map, at.clone(), true),
    };
    let annotations = opt_array(map, "annotations", at)?;
    let predictions = opt_array(map, "predictions", at)?;
    let text_key = text_key(data, &data_at, flat, to_name(annotations, predictions)).ok_or_else(|| {
        let why = "newsmark reads Text tasks, whose text is a string field such as data.text";
        if flat {
            at.key("data").error(format!("missing; {why}"))
        } else {
            data_at.error(format!("holds no text: {why}"))
        }
    })?;
    if text_key != "text" {
        let field = if flat { text_key.clone() } else { format!("data.{text_key}") };
        tally.text_from.entry(field).or_insert_with(|| (0, at.line())).0 += 1;
    }
    let text = Rc::new(ArticleText::new(data.get(&text_key).and_then(Value::as_str).unwrap_or_default()));
    let title = match opt_string(data, "title", &data_at)? {
        Some(t) if text_key != "title" => t.to_string(),
        _ => match get(map, "id") {
            Some(Value::Number(n)) => format!("{stem} task {n}"),
            Some(Value::String(s)) => format!("{stem} task {s}"),
            _ => format!("{stem} task {number}"),
        },
    };

    let mut docs = Vec::new();
    for (i, (a, a_at)) in annotations.iter().zip(at.key("annotations").items(annotations.len())).enumerate() {
        let a = object(a, &a_at)?;
        if get(a, "was_cancelled") == Some(&Value::Bool(true)) {
            tally.cancelled += 1;
            continue;
        }
        let (spans, relations) = results(opt_array(a, "result", &a_at)?, &a_at.key("result"), &text, &Kind::Annotation, batch, tally)?;
        let mut name = match get(a, "id") {
            Some(id @ (Value::Number(_) | Value::String(_))) => format!("annotation {}", plain(id)),
            _ => format!("annotation {}", i + 1),
        };
        match get(a, "completed_by") {
            Some(Value::Object(who)) => {
                if let Some(Value::String(email)) = get(who, "email") {
                    name.push_str(&format!(" by {email}"));
                }
            }
            Some(who @ (Value::Number(_) | Value::String(_))) => name.push_str(&format!(" by annotator {}", plain(who))),
            _ => {}
        }
        docs.push((name, spans, relations));
    }
    for (i, (p, p_at)) in predictions.iter().zip(at.key("predictions").items(predictions.len())).enumerate() {
        let p = object(p, &p_at)?;
        let model = opt_string(p, "model_version", &p_at)?.filter(|m| !m.is_empty());
        let score = get(p, "score").and_then(Value::as_f64);
        let reason: Rc<str> = match model {
            Some(m) => format!("Label Studio prediction ({m})").into(),
            None => "Label Studio prediction".into(),
        };
        let kind = Kind::Prediction { score, reason };
        let (spans, relations) = results(opt_array(p, "result", &p_at)?, &p_at.key("result"), &text, &kind, batch, tally)?;
        let name = match model {
            Some(m) => format!("prediction {m}"),
            None => format!("prediction {}", i + 1),
        };
        docs.push((name, spans, relations));
    }
    if flat && docs.is_empty() {
        if let Some((spans, relations)) = json_min_regions(data, at, &text_key, &text, batch, &mut tally.notes)? {
            docs.push(("annotation".into(), spans, relations));
        }
    }
    if docs.is_empty() {
        docs.push((String::new(), Vec::new(), Vec::new()));
    }
    let several = docs.len() > 1;
    for (name, spans, relations) in docs {
        let title = if several { format!("{title} ({name})") } else { title.clone() };
        batch.documents.push(ImportedDocument { id: None, title, text: text.clone(), spans, relations });
    }
    Ok(())
}

/// A number or string id as written, without quotes.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The `to_name` of the first labels result: the name of the Text tag the regions are on, which
/// is usually also the data field holding the text.
fn to_name(annotations: &[Value], predictions: &[Value]) -> Option<String> {
    annotations
        .iter()
        .chain(predictions)
        .filter_map(|a| a.get("result")?.as_array())
        .flatten()
        .filter(|r| r.get("type").and_then(Value::as_str) == Some("labels"))
        .find_map(|r| r.get("to_name")?.as_str().map(str::to_string))
}

/// Which data field holds the text: `text`, else the field the regions' `to_name` names, else
/// the first string field in the file's order (a title only as the last resort).
fn text_key(data: &Object, at: &At, flat: bool, to_name: Option<String>) -> Option<String> {
    let is_text = |k: &str| data.get(k).is_some_and(Value::is_string) && !(flat && TASK_FIELDS.contains(&k));
    if is_text("text") {
        return Some("text".into());
    }
    if let Some(name) = to_name.filter(|n| is_text(n)) {
        return Some(name);
    }
    let keys = at.keys_in_file_order();
    keys.iter().find(|k| *k != "title" && is_text(k)).or_else(|| keys.iter().find(|k| is_text(k))).cloned()
}

/// Label Studio's JSON-MIN export flattens a task: its data fields, and for each labels control
/// a list of `{"start", "end", "text", "labels"}` under the control's name.
fn json_min_regions(
    data: &Object,
    at: &At,
    text_key: &str,
    text: &ArticleText,
    batch: &mut ImportBatch,
    notes: &mut Notes,
) -> Result<Option<Found>, FormatError> {
    let mut regions = Vec::new();
    for (key, v) in data {
        let Value::Array(items) = v else { continue };
        let looks_like_regions = !items.is_empty() && items.iter().all(|i| i.get("labels").is_some() && i.get("start").is_some());
        if !looks_like_regions || key == text_key {
            continue;
        }
        for (item, item_at) in items.iter().zip(at.key(key).items(items.len())) {
            regions.push((object(item, &item_at)?, item_at));
        }
    }
    if regions.is_empty() {
        return Ok(None);
    }
    min_regions(regions, text, batch, notes).map(Some)
}
