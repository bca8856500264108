//! Reading labelled JSON, checking every field before anything is returned.
//!
//! Owns: what an import accepts: whatever the v1 schema accepts that is also consistent with
//! its text (offsets inside it, span text equal to the text at the offsets, agreeing UTF-16 and
//! UTF-8 offsets, unique ids). Must never: return part of a file, repair or guess (a wrong
//! offset is an error, not a search for the text), or panic on any input.
//!
//! The walk is over `serde_json::Value` rather than a derived `Deserialize`, because serde's
//! messages name neither the document nor the span, and the person fixing a file needs both.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

use super::batch::{ImportBatch, ImportedDocument};
use super::error::{describe, label_problem, quoted, ImportError};
use super::fields::{optional_pair, optional_string, reject_unknown, required_array, required_offset, required_string, Object, Place};
use super::labelled_json::{FORMAT_NAME, FORMAT_VERSION};
use super::span_check::{check_pair, check_range};
use crate::label::{AttributeKey, Label, LabelDef, LabelSet};
use crate::relation::{Relation, RelationId};
use crate::span::{fragments_problem, Attributes, Origin, Span, SpanId};
use crate::suggestion::{Confidence, Provenance};
use crate::text::ArticleText;

const FILE_FIELDS: &[&str] = &["format", "version", "exported_at", "labels", "documents"];
const LABEL_FIELDS: &[&str] = &["name", "colour", "hotkey", "description"];
const DOCUMENT_FIELDS: &[&str] = &["id", "title", "text", "spans", "relations"];
const SPAN_FIELDS: &[&str] =
    &["id", "label", "start", "end", "text", "attributes", "origin", "confidence", "reason", "fragments", "utf16", "utf8"];
const RELATION_FIELDS: &[&str] = &["id", "kind", "from", "to", "event"];

/// Reads a whole labelled JSON file: all of its documents, or the first problem found.
/// `workspace` is the set the import will join: the batch's labels are it plus the file's own.
pub fn import_json(input: &str, workspace: &LabelSet) -> Result<ImportBatch, ImportError> {
    let mut root = match parse(input)? {
        Value::Object(map) => map,
        other => {
            let found = describe(&other);
            return Err(not_ours(format!("it holds {found}, not an object with a \"format\" field")));
        }
    };
    match root.remove("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => return Err(not_ours(format!("its format is {}", json_excerpt(&other)))),
        None => return Err(not_ours("it has no \"format\" field".into())),
    }
    let top = Place::default();
    // The version is read before any other field: a newer file may have fields this build has
    // never heard of, and "too new" is the useful thing to say about it.
    let ours = u64::from(FORMAT_VERSION);
    match root.remove("version") {
        None => return Err(top.at("version", format!("missing; this newsmark reads version {ours}"))),
        Some(v) => match v.as_u64() {
            Some(n) if n == ours => {}
            Some(n) if n > ours => return Err(ImportError::UnsupportedVersion { found: n }),
            _ => return Err(top.wrong("version", &ours.to_string(), &v)),
        },
    }
    required_string(&mut root, "exported_at", &top)?;
    let declared = match root.remove("labels") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => label_defs(items)?,
        Some(other) => return Err(top.wrong("labels", "an array", &other)),
    };
    let documents = required_array(&mut root, "documents", &top)?;
    reject_unknown(&root, FILE_FIELDS, "", &top)?;
    if documents.is_empty() {
        return Err(ImportError::NoDocuments);
    }
    let mut labels = workspace.clone();
    let mut known: Vec<String> = Label::BUILTIN.iter().filter_map(|l| l.builtin_id()).map(String::from).collect();
    for def in declared {
        known.push(def.name.clone());
        if Label::builtin_from_id(&def.name).is_some() || labels.by_name(&def.name).is_some() {
            // The workspace's look of a label it already has wins over the file's.
            continue;
        }
        let hotkey = def.hotkey.filter(|k| labels.by_hotkey(&k.to_string()).is_none());
        labels.add(LabelDef { hotkey, ..def }).map_err(|why| top.at("labels", label_problem(&why)))?;
    }
    let mut resolve = |name: &str| known.iter().any(|k| k == name).then(|| labels.by_name(name)).flatten();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(documents.len());
    for (i, value) in documents.into_iter().enumerate() {
        let doc = document(value, Some(i + 1), &mut resolve)?;
        if let Some(id) = &doc.id {
            if let Some(first) = ids.insert(id.clone(), i + 1) {
                let problem = format!("{} is also the id of document {first}; document ids must be unique", quoted(id));
                return Err(Place::document(Some(i + 1), Some(&doc.title)).at("id", problem));
            }
        }
        out.push(doc);
    }
    Ok(ImportBatch { source: String::new(), labels, documents: out, warnings: Vec::new() })
}

/// Reads several labelled JSON files as one batch, each file's labels joining those of the
/// files before it; on the first refused file, its name and why.
pub fn import_json_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    workspace: &LabelSet,
) -> Result<ImportBatch, (&'a str, ImportError)> {
    let mut batch = ImportBatch::new(String::new(), workspace.clone());
    for (name, text) in files {
        let read = import_json(text, &batch.labels).map_err(|e| (name, e))?;
        batch.labels = read.labels;
        batch.documents.extend(read.documents);
    }
    Ok(batch)
}

/// Reads one document object, as [`super::article_to_json`] writes it, with the same checks as
/// a file import. Labels are looked up in `labels`; a name it lacks becomes a new custom label
/// there, so a stored article is never lost to a damaged label list.
pub fn article_from_json(input: &str, labels: &mut LabelSet) -> Result<ImportedDocument, ImportError> {
    document(parse(input)?, None, &mut |name| labels.intern(name))
}

/// Reads an article kept in two parts, its text and [`super::annotations_to_json`]'s document,
/// with the same checks as [`article_from_json`]: the spans must fit this text.
pub fn article_from_parts(text: &str, annotations: &str, labels: &mut LabelSet) -> Result<ImportedDocument, ImportError> {
    let mut value = parse(annotations)?;
    if let Value::Object(map) = &mut value {
        map.insert("text".into(), Value::String(text.to_owned()));
    }
    document(value, None, &mut |name| labels.intern(name))
}

/// Reads a label set as [`super::labels_to_json`] writes it.
pub fn labels_from_json(input: &str) -> Result<LabelSet, ImportError> {
    let items = match parse(input)? {
        Value::Array(items) => items,
        other => return Err(Place::default().wrong("labels", "an array", &other)),
    };
    LabelSet::from_defs(label_defs(items)?).map_err(|why| Place::default().at("labels", label_problem(&why)))
}

fn label_defs(items: Vec<Value>) -> Result<Vec<LabelDef>, ImportError> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let place = Place { document: format!("label {}", i + 1), span: None };
            let mut map = match item {
                Value::Object(map) => map,
                other => return Err(place.wrong("", "an object", &other)),
            };
            let name = required_string(&mut map, "name", &place)?;
            let place = Place { document: format!("label {} ({})", i + 1, quoted(&name)), span: None };
            let colour = required_string(&mut map, "colour", &place)?;
            let hotkey = match optional_string(&mut map, "hotkey", &place)? {
                None => None,
                Some(k) => {
                    let mut chars = k.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_ascii_digit() => Some(c),
                        _ => return Err(place.at("hotkey", format!("{} is not a digit from 0 to 9", quoted(&k)))),
                    }
                }
            };
            let description = optional_string(&mut map, "description", &place)?.unwrap_or_default();
            reject_unknown(&map, LABEL_FIELDS, "", &place)?;
            if !crate::label::is_colour(&colour) {
                return Err(place.at("colour", format!("{} is not a colour written as #rrggbb", quoted(&colour))));
            }
            let def = LabelDef { label: Label::Custom(0), name, colour: colour.to_ascii_lowercase(), hotkey, description };
            // Hotkeys are checked when the labels join a set: a file may give 1 to its own label.
            LabelSet::builtin().check(&LabelDef { hotkey: None, ..def.clone() }).or_else(|why| {
                // A built-in label's own definition is fine; `check` refuses it only as a custom name.
                if Label::builtin_from_id(&def.name).is_some() {
                    Ok(())
                } else {
                    Err(place.at("name", label_problem(&why)))
                }
            })?;
            Ok(def)
        })
        .collect()
}

fn parse(input: &str) -> Result<Value, ImportError> {
    // Editors on Windows like to start UTF-8 files with a byte order mark; it is not content.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::NotJson { line: 1, column: 1, reason: "it is empty".into() });
    }
    serde_json::from_str(input).map_err(|e| ImportError::not_json(input, &e))
}

fn not_ours(reason: String) -> ImportError {
    ImportError::NotLabelledJson { reason }
}

/// A value as JSON text, cut short: the wrong `format` is shown as the file spells it.
fn json_excerpt(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
}

fn document(value: Value, number: Option<usize>, resolve: &mut dyn FnMut(&str) -> Option<Label>) -> Result<ImportedDocument, ImportError> {
    let mut place = Place::document(number, None);
    let mut map = match value {
        Value::Object(map) => map,
        other => return Err(place.wrong("", "an object", &other)),
    };
    let title = required_string(&mut map, "title", &place)?;
    place = Place::document(number, Some(&title));
    let id = optional_string(&mut map, "id", &place)?;
    if id.as_deref() == Some("") {
        return Err(place.at("id", "is empty; leave the field out to let newsmark choose an id"));
    }
    let text = required_string(&mut map, "text", &place)?;
    let spans = required_array(&mut map, "spans", &place)?;
    let relations = match map.remove("relations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(place.wrong("relations", "an array", &other)),
    };
    reject_unknown(&map, DOCUMENT_FIELDS, "", &place)?;
    let text = Rc::new(ArticleText::new(text));
    let mut ids = HashMap::new();
    let spans =
        spans.into_iter().enumerate().map(|(i, v)| span(v, i + 1, &text, &place, &mut ids, resolve)).collect::<Result<Vec<_>, _>>()?;
    let mut relation_ids = HashMap::new();
    let relations = relations
        .into_iter()
        .enumerate()
        .map(|(i, v)| relation(v, i + 1, &ids, &place, &mut relation_ids))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImportedDocument { id, title, text, spans, relations })
}

fn relation(
    value: Value,
    number: usize,
    spans: &HashMap<String, usize>,
    doc: &Place,
    ids: &mut HashMap<String, usize>,
) -> Result<Relation, ImportError> {
    let mut place = Place { span: Some(format!("relation {number}")), ..doc.clone() };
    let mut map = match value {
        Value::Object(map) => map,
        other => return Err(place.wrong("", "an object", &other)),
    };
    let id = required_string(&mut map, "id", &place)?;
    if id.is_empty() {
        return Err(place.at("id", "is empty; every relation needs an id"));
    }
    place.span = Some(format!("relation {}", quoted(&id)));
    if let Some(first) = ids.insert(id.clone(), number) {
        return Err(place.at("id", format!("{} is also the id of relation {first}; relation ids must be unique", quoted(&id))));
    }
    let kind = required_string(&mut map, "kind", &place)?;
    if kind.trim().is_empty() {
        return Err(place.at("kind", "is empty; say what the relation means, e.g. \"speaker\""));
    }
    let mut end = |field: &str| -> Result<SpanId, ImportError> {
        let span = required_string(&mut map, field, &place)?;
        if spans.contains_key(&span) {
            Ok(SpanId::new(span))
        } else {
            Err(place.at(field, format!("{} is not the id of a span in this document", quoted(&span))))
        }
    };
    let from = end("from")?;
    let to = end("to")?;
    let event = optional_string(&mut map, "event", &place)?.filter(|e| !e.is_empty());
    reject_unknown(&map, RELATION_FIELDS, "", &place)?;
    if from == to {
        return Err(place.at("to", "is the span the relation starts at; a relation links two different spans"));
    }
    Ok(Relation { id: RelationId::new(id), kind: kind.into(), from, to, event: event.map(Into::into) })
}

fn span(
    value: Value,
    number: usize,
    text: &ArticleText,
    doc: &Place,
    ids: &mut HashMap<String, usize>,
    resolve: &mut dyn FnMut(&str) -> Option<Label>,
) -> Result<Span, ImportError> {
    let mut place = Place { span: Some(format!("span {number}")), ..doc.clone() };
    let mut map = match value {
        Value::Object(map) => map,
        other => return Err(place.wrong("", "an object", &other)),
    };
    let id = required_string(&mut map, "id", &place)?;
    if id.is_empty() {
        return Err(place.at("id", "is empty; every span needs an id"));
    }
    place.span = Some(format!("span {}", quoted(&id)));
    if let Some(first) = ids.insert(id.clone(), number) {
        let problem = format!("{} is also the id of span {first} in this document; span ids must be unique within a document", quoted(&id));
        return Err(place.at("id", problem));
    }
    let label = label(&mut map, &place, resolve)?;
    let start = required_offset(&mut map, "start", "start", &place)?;
    let end = required_offset(&mut map, "end", "end", &place)?;
    let claimed = required_string(&mut map, "text", &place)?;
    let fragments = fragments(&mut map, &place)?;
    let utf16 = optional_pair(&mut map, "utf16", &place)?;
    let utf8 = optional_pair(&mut map, "utf8", &place)?;
    let attributes = attributes(&mut map, &place)?;
    let origin = origin(&mut map, &place)?;
    let origin = provenance(&mut map, origin, &place)?;
    reject_unknown(&map, SPAN_FIELDS, "", &place)?;

    check_range(text, start, end, &claimed, &place)?;
    // Both are within the text's length now, so they fit in usize.
    let cps = (start as usize, end as usize);
    if let Some(found) = utf16 {
        let expected = (text.utf16_of(cps.0), text.utf16_of(cps.1));
        check_pair("utf16", "UTF-16 offset", found, cps, expected, &place)?;
    }
    if let Some(found) = utf8 {
        let expected = (text.byte_of(cps.0), text.byte_of(cps.1));
        check_pair("utf8", "UTF-8 byte offset", found, cps, expected, &place)?;
    }
    if let Some(pieces) = &fragments {
        if let Some(problem) = fragments_problem(pieces) {
            return Err(place.at("fragments", problem));
        }
        let (first, last) = crate::span::fragments_hull(pieces).expect("checked: at least two");
        if first != cps.0 || last != cps.1 {
            return Err(place.at("fragments", format!(
                "run from {first} to {last}, but the span runs from {} to {}; the fragments' smallest start is start and their largest end is end",
                cps.0, cps.1
            )));
        }
    }
    Ok(Span { id: SpanId::new(id), label, start: cps.0, end: cps.1, attributes, origin, fragments: fragments.map(Into::into) })
}

fn fragments(map: &mut Object, place: &Place) -> Result<Option<Vec<(usize, usize)>>, ImportError> {
    let items = match map.remove("fragments") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(place.wrong("fragments", "an array of {\"start\", \"end\"} objects", &other)),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("fragments[{i}]");
            let mut pair = match item {
                Value::Object(pair) => pair,
                other => return Err(place.wrong(&field, "an object with start and end", &other)),
            };
            let start = required_offset(&mut pair, "start", &format!("{field}.start"), place)?;
            let end = required_offset(&mut pair, "end", &format!("{field}.end"), place)?;
            reject_unknown(&pair, &["start", "end"], &format!("{field}."), place)?;
            // Inside the span's own range, which is already checked against the text, so these fit.
            Ok((start.min(usize::MAX as u64) as usize, end.min(usize::MAX as u64) as usize))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn label(map: &mut Object, place: &Place, resolve: &mut dyn FnMut(&str) -> Option<Label>) -> Result<Label, ImportError> {
    let names = "claim, demand, quote, opinion";
    match map.remove("label") {
        None => Err(place.at("label", "missing")),
        Some(Value::String(s)) => resolve(&s).ok_or_else(|| {
            place.at("label", format!("{} is not a label: it is not built in ({names}) and the file's labels do not define it", quoted(&s)))
        }),
        Some(other) => Err(place.wrong("label", &format!("one of {names}, or a label the file defines"), &other)),
    }
}

fn origin(map: &mut Object, place: &Place) -> Result<Origin, ImportError> {
    match map.remove("origin") {
        None | Some(Value::Null) => Ok(Origin::Manual),
        Some(Value::String(s)) if s == "manual" => Ok(Origin::Manual),
        Some(Value::String(s)) if s == "suggested" => Ok(Origin::Suggested(None)),
        Some(other) => Err(place.wrong("origin", "\"manual\" or \"suggested\"", &other)),
    }
}

/// Adds an accepted suggestion's `confidence` and `reason`, which come as a pair and only with
/// origin "suggested".
fn provenance(map: &mut Object, origin: Origin, place: &Place) -> Result<Origin, ImportError> {
    let confidence = match map.remove("confidence") {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_f64() {
            Some(p) if (0.0..=1.0).contains(&p) => Some(p),
            Some(_) => return Err(place.at("confidence", format!("{v} is not between 0 and 1"))),
            None => return Err(place.wrong("confidence", "a number from 0 to 1", &v)),
        },
    };
    let reason = optional_string(map, "reason", place)?;
    if reason.as_deref() == Some("") {
        return Err(place.at("reason", "is empty; say why the span was suggested, or leave the field out"));
    }
    match (confidence, reason) {
        (None, None) => Ok(origin),
        (Some(_), _) | (_, Some(_)) if !origin.is_suggested() => {
            let field = if confidence.is_some() { "confidence" } else { "reason" };
            Err(place.at(field, format!("only a span with origin \"suggested\" has a {field}")))
        }
        (Some(_), None) => Err(place.at("reason", "missing; a span with a confidence also needs a reason")),
        (None, Some(_)) => Err(place.at("confidence", "missing; a span with a reason also needs a confidence")),
        // Thousandths are what newsmark keeps and writes; finer digits from other tools round.
        (Some(p), Some(reason)) => Ok(Origin::Suggested(Some(Provenance {
            confidence: Confidence::from_permille((p * 1000.0).round() as u16),
            reason: reason.into(),
        }))),
    }
}

fn attributes(map: &mut Object, place: &Place) -> Result<Attributes, ImportError> {
    let mut attributes = Attributes::default();
    let entries = match map.remove("attributes") {
        None | Some(Value::Null) => return Ok(attributes),
        Some(Value::Object(entries)) => entries,
        Some(other) => return Err(place.wrong("attributes", "an object", &other)),
    };
    for (name, value) in entries {
        let field = format!("attributes.{name}");
        if name == "other" {
            let Value::Object(others) = value else {
                return Err(place.wrong(&field, "an object of strings", &value));
            };
            for (key, value) in others {
                match value {
                    Value::String(v) => attributes.other.push((key, v)),
                    other => return Err(place.wrong(&format!("{field}.{key}"), "a string", &other)),
                }
            }
            continue;
        }
        let Some(key) = AttributeKey::ALL.into_iter().find(|k| k.id() == name) else {
            let names = AttributeKey::ALL.map(AttributeKey::id).join(", ") + ", other";
            return Err(place.at(&field, format!("unknown attribute; the attributes are {names}")));
        };
        match value {
            // Absent, null and empty all mean "not set", as in the app's form.
            Value::Null => {}
            Value::String(s) => attributes.set(key, &s),
            other => return Err(place.wrong(&field, "a string", &other)),
        }
    }
    Ok(attributes)
}
