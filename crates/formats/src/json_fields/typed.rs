//! Typed access to a JSON object's fields, with errors that name the field.
//!
//! Owns: `null` read as absent, and each kind of field — object, string, array, offset, label —
//! or the "missing" or "must be …, not …" error at its place. Must never: decide what a field
//! means (each format does), or accept an offset that is not a whole number.

use newsmark_core::format::ImportBatch;
use newsmark_core::Label;
use serde_json::{Map, Value};

use super::At;
use crate::FormatError;

pub(crate) type Object = Map<String, Value>;

pub(crate) fn object<'v>(v: &'v Value, at: &At) -> Result<&'v Object, FormatError> {
    v.as_object().ok_or_else(|| at.wrong("an object", v))
}

/// A field's value; `null` counts as absent, as most tools write it for "not given".
pub(crate) fn get<'v>(map: &'v Object, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

pub(crate) fn string<'v>(map: &'v Object, key: &str, at: &At) -> Result<&'v str, FormatError> {
    match get(map, key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(at.key(key).wrong("a string", other)),
        None => Err(at.key(key).error("missing")),
    }
}

pub(crate) fn opt_string<'v>(map: &'v Object, key: &str, at: &At) -> Result<Option<&'v str>, FormatError> {
    match get(map, key) {
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(at.key(key).wrong("a string", other)),
        None => Ok(None),
    }
}

pub(crate) fn array<'v>(map: &'v Object, key: &str, at: &At) -> Result<&'v [Value], FormatError> {
    match get(map, key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(at.key(key).wrong("an array", other)),
        None => Err(at.key(key).error("missing")),
    }
}

pub(crate) fn opt_array<'v>(map: &'v Object, key: &str, at: &At) -> Result<&'v [Value], FormatError> {
    match get(map, key) {
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(at.key(key).wrong("an array", other)),
        None => Ok(&[]),
    }
}

/// An offset: a whole number, 0 or more. `v` is at `at`.
pub(crate) fn offset(v: &Value, at: &At) -> Result<u64, FormatError> {
    match v.as_u64() {
        Some(n) => Ok(n),
        // 12.0 is what some tools write for 12; anything else is not an offset.
        None => match v.as_f64() {
            Some(f) if f >= 0.0 && f.fract() == 0.0 && f < 9e15 => Ok(f as u64),
            _ => Err(at.wrong("a whole number, 0 or more", v)),
        },
    }
}

pub(crate) fn offset_field(map: &Object, key: &str, at: &At) -> Result<u64, FormatError> {
    match get(map, key) {
        Some(v) => offset(v, &at.key(key)),
        None => Err(at.key(key).error("missing")),
    }
}

/// A span's label: a name interned in the batch's labels (built-in names in any case).
pub(crate) fn label(batch: &mut ImportBatch, v: &Value, at: &At) -> Result<Label, FormatError> {
    let Value::String(name) = v else { return Err(at.wrong("a label name", v)) };
    batch.labels.intern(name).ok_or_else(|| at.error("is empty; a span needs a label"))
}
