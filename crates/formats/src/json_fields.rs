//! What the readers of JSON-based formats (doccano, Label Studio, W3C, spaCy) share: where a value
//! is in its file, typed fields whose errors say so, JSON Lines records, and turning a span's
//! offsets in the file's unit into code points.
//!
//! Owns: the path of a value (`annotations[0].result[3].value.start`) and the line it starts on,
//! the "must be …, not …" wording, splitting a file into records, the offset-unit conversion and
//! the re-anchoring of spans whose text disagrees with their offsets. Must never: decide what a
//! field means (each format does), or round an offset that falls inside a character.
//!
//! The parts: `at` (where a value is, and the messages made from that) with `scan` (finding a
//! value's position in the text), `typed` (typed fields), `records` (files into JSON values and
//! JSON Lines records) and `spans` (placing a span's offsets as code points).

mod at;
mod records;
mod scan;
mod spans;
mod typed;

pub(crate) use at::At;
pub(crate) use records::{parse_json, records, source_name, stem, syntax_error, without_bom};
pub(crate) use spans::{place, unique_id, Notes, RawSpan, Unit};
pub(crate) use typed::{array, get, label, object, offset, offset_field, opt_array, opt_string, string, Object};
