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

use super::error::{describe, quoted, ImportError};
use super::fields::{
    optional_pair, optional_string, reject_unknown, required_array, required_offset, required_string, Object,
    Place,
};
use super::labelled_json::{FORMAT_NAME, FORMAT_VERSION};
use super::span_check::{check_pair, check_range};
use crate::label::{AttributeKey, Label};
use crate::span::{Attributes, Origin, Span, SpanId};
use crate::suggestion::{Confidence, Provenance};
use crate::text::ArticleText;

/// One document read from a file, ready for `Article::with_spans`.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    /// The id the file gave, if any; the caller decides what to do about clashes with articles
    /// it already has.
    pub id: Option<String>,
    pub title: String,
    pub text: Rc<ArticleText>,
    /// In the file's order, which need not be text order.
    pub spans: Vec<Span>,
}

const FILE_FIELDS: &[&str] = &["format", "version", "exported_at", "documents"];
const DOCUMENT_FIELDS: &[&str] = &["id", "title", "text", "spans"];
const SPAN_FIELDS: &[&str] =
    &["id", "label", "start", "end", "text", "attributes", "origin", "confidence", "reason", "utf16", "utf8"];

/// Reads a whole labelled JSON file: all of its documents, or the first problem found.
pub fn import_json(input: &str) -> Result<Vec<ImportedDocument>, ImportError> {
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
    let documents = required_array(&mut root, "documents", &top)?;
    reject_unknown(&root, FILE_FIELDS, "", &top)?;
    if documents.is_empty() {
        return Err(ImportError::NoDocuments);
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(documents.len());
    for (i, value) in documents.into_iter().enumerate() {
        let doc = document(value, Some(i + 1))?;
        if let Some(id) = &doc.id {
            if let Some(first) = ids.insert(id.clone(), i + 1) {
                let problem =
                    format!("{} is also the id of document {first}; document ids must be unique", quoted(id));
                return Err(Place::document(Some(i + 1), Some(&doc.title)).at("id", problem));
            }
        }
        out.push(doc);
    }
    Ok(out)
}

/// Reads one document object, as [`super::article_to_json`] writes it, with the same checks as
/// a file import.
pub fn article_from_json(input: &str) -> Result<ImportedDocument, ImportError> {
    document(parse(input)?, None)
}

fn parse(input: &str) -> Result<Value, ImportError> {
    // Editors on Windows like to start UTF-8 files with a byte order mark; it is not content.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::NotJson { line: 1, column: 1, reason: "it is empty".into() });
    }
    serde_json::from_str(input).map_err(|e| ImportError::not_json(&e))
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

fn document(value: Value, number: Option<usize>) -> Result<ImportedDocument, ImportError> {
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
    reject_unknown(&map, DOCUMENT_FIELDS, "", &place)?;
    let text = Rc::new(ArticleText::new(text));
    let mut ids = HashMap::new();
    let spans = spans
        .into_iter()
        .enumerate()
        .map(|(i, v)| span(v, i + 1, &text, &place, &mut ids))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImportedDocument { id, title, text, spans })
}

fn span(
    value: Value,
    number: usize,
    text: &ArticleText,
    doc: &Place,
    ids: &mut HashMap<String, usize>,
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
        let problem = format!(
            "{} is also the id of span {first} in this document; span ids must be unique within a document",
            quoted(&id)
        );
        return Err(place.at("id", problem));
    }
    let label = label(&mut map, &place)?;
    let start = required_offset(&mut map, "start", "start", &place)?;
    let end = required_offset(&mut map, "end", "end", &place)?;
    let claimed = required_string(&mut map, "text", &place)?;
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
    Ok(Span { id: SpanId::new(id), label, start: cps.0, end: cps.1, attributes, origin })
}

fn label(map: &mut Object, place: &Place) -> Result<Label, ImportError> {
    let names = Label::ALL.map(Label::id).join(", ");
    match map.remove("label") {
        None => Err(place.at("label", "missing")),
        Some(Value::String(s)) => Label::from_id(&s).ok_or_else(|| {
            place.at("label", format!("{} is not a label; the labels are {names}", quoted(&s)))
        }),
        Some(other) => Err(place.wrong("label", &format!("one of {names}"), &other)),
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
        let Some(key) = AttributeKey::ALL.into_iter().find(|k| k.id() == name) else {
            let names = AttributeKey::ALL.map(AttributeKey::id).join(", ");
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
