//! The serialised shape of newsmark labelled JSON, version 1.
//!
//! Owns: the field names, field order and JSON Schema descriptions of the file format. These are
//! the only types that derive `Serialize` for it; the model types (`Span`, `Attributes`, ...)
//! stay free of serde so that a refactor of the model cannot silently change the files people
//! keep. Must never: be used as the app's model, or change shape without a new `FORMAT_VERSION`
//! (and a regenerated schema file, which a test compares against).
//!
//! The doc comments below are the schema's descriptions, so they speak to readers of the file.

use std::collections::BTreeMap;

use serde::Serialize;

pub const FORMAT_NAME: &str = "newsmark-labelled-json";
pub const FORMAT_VERSION: u32 = 1;

/// Articles and their labelled spans, exported by newsmark. Offsets `start` and `end` count
/// Unicode code points, end exclusive (Python's `text[start:end]`); `utf16` and `utf8` give the
/// same positions in UTF-16 code units and UTF-8 bytes.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "newsmark labelled JSON, version 1", deny_unknown_fields))]
pub struct LabelledJson<'a> {
    /// Always "newsmark-labelled-json".
    #[cfg_attr(feature = "schema", schemars(extend("const" = FORMAT_NAME)))]
    pub format: &'a str,
    /// The format version. A file with a higher version than a reader knows must be refused,
    /// not guessed at.
    #[cfg_attr(feature = "schema", schemars(extend("const" = FORMAT_VERSION)))]
    pub version: u32,
    /// When the file was written, as an RFC 3339 UTC timestamp, e.g. "2026-11-21T10:00:00.000Z".
    pub exported_at: &'a str,
    /// The workspace's labels: how each looks and is used. Every span's `label` is one of the
    /// built-in four or is defined here. Optional on import.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub labels: Vec<LabelRecord<'a>>,
    /// The exported articles, at least one.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub documents: Vec<Document<'a>>,
}

/// A label's definition: the built-in "claim", "demand", "quote" and "opinion", or a label of
/// the person's own.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Label", deny_unknown_fields))]
pub struct LabelRecord<'a> {
    /// The label's name, as spans give it in `label`; unique in the file. Built-in names are
    /// lower case.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 40)))]
    pub name: &'a str,
    /// The colour the label is drawn in, as `#rrggbb`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^#[0-9a-fA-F]{6}$")))]
    pub colour: &'a str,
    /// The digit key that applies the label, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]$")))]
    pub hotkey: Option<String>,
    /// What the label is for, shown as guidance.
    #[serde(skip_serializing_if = "str::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub description: &'a str,
}

/// One article: its exact text and the spans labelled in it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Document<'a> {
    /// The article's identifier in newsmark. Optional on import: newsmark assigns one if absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The article's title; may be empty.
    pub title: &'a str,
    /// The article's text, exactly as annotated: line breaks (`\n`, `\r\n` or a lone `\r`) and
    /// all other characters are kept, because every offset counts them.
    pub text: &'a str,
    /// The spans, in text order: by start, then longer first, then by id. Readers must not rely
    /// on the order; newsmark accepts any order on import.
    pub spans: Vec<SpanRecord<'a>>,
    /// Directed links between spans of this document. Optional on import.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub relations: Vec<RelationRecord<'a>>,
}

/// A directed, typed link from one span to another in the same document, such as a quote to
/// its speaker.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Relation", deny_unknown_fields))]
pub struct RelationRecord<'a> {
    /// The relation's identifier, unique among the document's relations.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: &'a str,
    /// What the link means, read from `from` to `to`: "speaker", "source", "actor",
    /// "addressee", "holder", or another name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub kind: &'a str,
    /// The id of the span the relation starts at.
    pub from: &'a str,
    /// The id of the span the relation points to.
    pub to: &'a str,
    /// For relations read from one brat event: the event's id, shared by its relations (the
    /// event's trigger is `from`, and `kind` is the argument's role).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'a str>,
}

/// A labelled range of the document's text.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Span", deny_unknown_fields))]
// A confidence or a reason (not null) needs origin "suggested" and the other one of the pair.
#[cfg_attr(feature = "schema", schemars(extend("allOf" = [
    {
        "if": { "properties": { "confidence": { "type": "number" } }, "required": ["confidence"] },
        "then": {
            "properties": { "origin": { "const": "suggested" }, "reason": { "type": "string" } },
            "required": ["origin", "reason"]
        }
    },
    {
        "if": { "properties": { "reason": { "type": "string" } }, "required": ["reason"] },
        "then": {
            "properties": { "origin": { "const": "suggested" }, "confidence": { "type": "number" } },
            "required": ["origin", "confidence"]
        }
    }
])))]
pub struct SpanRecord<'a> {
    /// The span's identifier, unique within its document and stable across exports.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub id: &'a str,
    /// What the span is: "claim", "demand", "quote", "opinion", or the name of a label defined in
    /// the file's `labels`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub label: &'a str,
    /// First code point of the span (0-based).
    pub start: usize,
    /// Code point just after the span (end exclusive); greater than `start`.
    pub end: usize,
    /// The span's text, equal to the document text between `start` and `end`. Importers check
    /// it, which catches offsets counted in another unit.
    pub text: &'a str,
    /// The span's attributes; only those set are present.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub attributes: AttributesRecord<'a>,
    /// Whether a person marked the span or accepted a suggestion.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub origin: OriginRecord,
    /// For an accepted suggestion: how confident newsmark's analysis was, from 0 to 1, written
    /// with at most three decimals. Only with origin "suggested", and only together with
    /// `reason`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 1)))]
    pub confidence: Option<f64>,
    /// For an accepted suggestion: why it was suggested, in words a person can check, e.g.
    /// "closing quote followed by 'said' and a name". Only with origin "suggested", and only
    /// together with `confidence`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub reason: Option<&'a str>,
    /// For a discontinuous span, its pieces (at least two, none empty, no two sharing a code
    /// point), in the order they were given; the smallest start is `start`, the largest end is
    /// `end`, and `text` is still the whole text from `start` to `end`. Absent for an ordinary
    /// span.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(length(min = 2)))]
    pub fragments: Option<Vec<OffsetPair>>,
    /// `start` and `end` in UTF-16 code units (JavaScript string indices). Written on export;
    /// optional on import, checked against `start` and `end` when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf16: Option<OffsetPair>,
    /// `start` and `end` in UTF-8 bytes (Rust string indices). Written on export; optional on
    /// import, checked against `start` and `end` when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utf8: Option<OffsetPair>,
}

/// Free-text attributes of a span. Each applies to certain labels, but a span may keep any of
/// them (relabelling keeps what was entered). Empty values are never written.
#[derive(Debug, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Attributes", deny_unknown_fields))]
pub struct AttributesRecord<'a> {
    /// Who is quoted (for quotes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<&'a str>,
    /// Who or what the claim is attributed to (for claims).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Who makes the demand (for demands).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
    /// To whom the demand is addressed (for demands).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<&'a str>,
    /// Whose opinion it is (for opinions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<&'a str>,
    /// A free note (for any label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Attributes from other tools that have no field above (brat `A` lines, for example), by
    /// name. An empty value is a flag that is set.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub other: BTreeMap<&'a str, &'a str>,
}

/// Where a span came from.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Origin"))]
#[serde(rename_all = "lowercase")]
pub enum OriginRecord {
    /// Marked by a person.
    #[default]
    Manual,
    /// Proposed by newsmark's suggestions and accepted by a person.
    Suggested,
}

/// The same span boundaries in another unit, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct OffsetPair {
    pub start: usize,
    pub end: usize,
}
