//! Typed fields out of JSON objects, with errors that say where in the file they are.
//!
//! Owns: the `Place` of a problem (document, span, field) and the "missing" / "must be a ..."
//! wording shared by every field. Must never: decide what a field means (the import does).

use serde_json::{Map, Value};

use super::error::{describe, quoted, ImportError};

pub(super) type Object = Map<String, Value>;

/// Which document and span a problem is in; the field is named per error.
#[derive(Debug, Clone, Default)]
pub(super) struct Place {
    pub document: String,
    pub span: Option<String>,
}

impl Place {
    /// `number` is the 1-based position in the file, or `None` for a lone stored document.
    pub fn document(number: Option<usize>, title: Option<&str>) -> Place {
        let base = number.map_or_else(|| "the document".to_string(), |n| format!("document {n}"));
        let document = match title {
            Some(t) if !t.is_empty() => format!("{base} ({})", quoted(t)),
            _ => base,
        };
        Place { document, span: None }
    }

    pub fn at(&self, field: &str, problem: impl Into<String>) -> ImportError {
        let mut parts: Vec<String> = Vec::new();
        if !self.document.is_empty() {
            parts.push(self.document.clone());
        }
        parts.extend(self.span.clone());
        if !field.is_empty() {
            parts.push(format!("field {field}"));
        }
        ImportError::Invalid { place: parts.join(", "), problem: problem.into() }
    }

    pub fn wrong(&self, field: &str, wanted: &str, found: &Value) -> ImportError {
        self.at(field, format!("must be {wanted}, not {}", describe(found)))
    }
}

pub(super) fn required_string(map: &mut Object, field: &str, place: &Place) -> Result<String, ImportError> {
    match map.remove(field) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(place.wrong(field, "a string", &other)),
        None => Err(place.at(field, "missing")),
    }
}

/// Absent and `null` both mean "not given", since the schema allows either.
pub(super) fn optional_string(map: &mut Object, field: &str, place: &Place) -> Result<Option<String>, ImportError> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(place.wrong(field, "a string", &other)),
    }
}

pub(super) fn required_array(map: &mut Object, field: &str, place: &Place) -> Result<Vec<Value>, ImportError> {
    match map.remove(field) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(place.wrong(field, "an array", &other)),
        None => Err(place.at(field, "missing")),
    }
}

/// A non-negative integer taken from `map[key]`, reported as `path` (which differs from `key`
/// inside nested objects such as `utf16`).
pub(super) fn required_offset(map: &mut Object, key: &str, path: &str, place: &Place) -> Result<u64, ImportError> {
    match map.remove(key) {
        Some(v) => v.as_u64().ok_or_else(|| place.wrong(path, "a whole number, 0 or more", &v)),
        None => Err(place.at(path, "missing")),
    }
}

/// An optional `{"start": .., "end": ..}` object such as `utf16`.
pub(super) fn optional_pair(map: &mut Object, field: &str, place: &Place) -> Result<Option<(u64, u64)>, ImportError> {
    let mut pair = match map.remove(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(pair)) => pair,
        Some(other) => return Err(place.wrong(field, "an object with start and end", &other)),
    };
    let start = required_offset(&mut pair, "start", &format!("{field}.start"), place)?;
    let end = required_offset(&mut pair, "end", &format!("{field}.end"), place)?;
    reject_unknown(&pair, &["start", "end"], &format!("{field}."), place)?;
    Ok(Some((start, end)))
}

/// Refuses whatever is left in `map` once the known fields were taken out: a field newsmark
/// does not know would otherwise be dropped without a word. `prefix` qualifies nested names.
pub(super) fn reject_unknown(map: &Object, allowed: &[&str], prefix: &str, place: &Place) -> Result<(), ImportError> {
    match map.keys().next() {
        Some(name) => Err(place.at(&format!("{prefix}{name}"), format!("unknown field; here version 1 has only {}", allowed.join(", ")))),
        None => Ok(()),
    }
}
