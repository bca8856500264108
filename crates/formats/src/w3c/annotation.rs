//! What one W3C annotation says: its label, attributes and origin (from its bodies and newsmark's
//! `nm:` terms), and which text its targets select.
//!
//! Owns: bodies → label, note and attributes; targets → source and selectors. Must never: invent
//! a position for a target that has none (a target without selectors is a whole resource, and is
//! reported as such).

use newsmark_core::{AttributeKey, Attributes, Confidence, Origin, Provenance};
use serde_json::Value;

use super::iri;
use super::quote::{Position, Quote};
use crate::json_fields::{get, object, offset_field, opt_string, string, At, Object};
use crate::FormatError;

/// An annotation's bodies, read.
pub(super) struct Meaning {
    /// Its tags; when it has none, its motivation (or "annotation"), and `untagged` is set.
    pub labels: Vec<String>,
    pub untagged: bool,
    pub attributes: Attributes,
}

/// The first string of a value that may be a string or an array of strings (JSON-LD allows
/// both for `type`, `motivation` and `purpose`).
pub(super) fn first_string(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// Every string of such a value.
pub(super) fn strings(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// `type` (or JSON-LD's `@type`) as a list.
pub(super) fn types(o: &Object) -> Vec<&str> {
    strings(get(o, "type").or_else(|| get(o, "@type")))
}

/// `id` (or `@id`).
pub(super) fn id(o: &Object) -> Option<&str> {
    get(o, "id").or_else(|| get(o, "@id")).and_then(Value::as_str)
}

/// The bodies as a list with their places.
fn bodies<'v, 's>(ann: &'v Object, at: &At<'s>) -> Vec<(&'v Value, At<'s>)> {
    match get(ann, "body") {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().enumerate().map(|(i, b)| (b, at.key("body").index(i))).collect(),
        Some(b) => vec![(b, at.key("body"))],
    }
}

pub(super) fn meaning(ann: &Object, at: &At) -> Result<Meaning, FormatError> {
    let motivation = first_string(get(ann, "motivation"));
    let mut labels = Vec::new();
    let mut attributes = Attributes::default();
    if let Some(text) = opt_string(ann, "bodyValue", at)? {
        note(&mut attributes, text);
    }
    for (body, b_at) in bodies(ann, at) {
        let b = match body {
            Value::String(iri) => {
                attributes.other.push(("body".into(), iri.clone()));
                continue;
            }
            Value::Object(b) => b,
            other => return Err(b_at.wrong("a body (an object or an IRI)", other)),
        };
        let purpose = match get(b, "purpose") {
            None => None,
            Some(p) => Some(first_string(Some(p)).ok_or_else(|| b_at.key("purpose").wrong("a purpose such as \"tagging\"", p))?),
        };
        match get(b, "value") {
            Some(Value::String(value)) => match (purpose, motivation) {
                (Some("tagging"), _) | (None, Some("tagging")) => labels.push(value.clone()),
                (Some("commenting") | None, _) => note(&mut attributes, value),
                (Some("describing"), _) => match opt_string(b, "nm:attribute", &b_at)? {
                    Some(name) => match AttributeKey::ALL.into_iter().find(|k| k.id() == name) {
                        Some(key) => attributes.set(key, value),
                        None => attributes.other.push((name.to_string(), value.clone())),
                    },
                    None => attributes.other.push(("describing".into(), value.clone())),
                },
                (Some(p), _) => attributes.other.push((p.to_string(), value.clone())),
            },
            Some(other) => return Err(b_at.key("value").wrong("a string", other)),
            // A resource as body: a semantic tag (its last segment names the label) or a link.
            None => {
                let iri = id(b).or_else(|| get(b, "source").and_then(Value::as_str));
                match (iri, purpose) {
                    (Some(iri), Some("tagging" | "classifying" | "identifying")) => labels.push(iri::last_segment(iri)),
                    (Some(iri), p) => attributes.other.push((p.unwrap_or("body").to_string(), iri.to_string())),
                    (None, _) => return Err(b_at.error("has neither a value nor an id")),
                }
            }
        }
    }
    let untagged = labels.iter().all(|l| l.trim().is_empty());
    if untagged {
        labels = vec![motivation.unwrap_or("annotation").to_string()];
    }
    Ok(Meaning { labels, untagged, attributes })
}

/// Adds a comment to the note; several comments are kept as lines of one note.
fn note(attributes: &mut Attributes, text: &str) {
    attributes.note = Some(match attributes.note.take() {
        Some(before) => format!("{before}\n{text}"),
        None => text.to_string(),
    });
}

/// newsmark's own record of where a span came from: `nm:origin`, `nm:confidence`, `nm:reason`.
pub(super) fn origin(ann: &Object, at: &At) -> Result<Origin, FormatError> {
    if opt_string(ann, "nm:origin", at)? != Some("suggested") {
        return Ok(Origin::Manual);
    }
    let confidence = match get(ann, "nm:confidence") {
        None => None,
        Some(v) => match v.as_f64() {
            Some(p) if (0.0..=1.0).contains(&p) => Some(p),
            _ => return Err(at.key("nm:confidence").wrong("a number from 0 to 1", v)),
        },
    };
    let reason = opt_string(ann, "nm:reason", at)?.filter(|r| !r.is_empty());
    Ok(Origin::Suggested(match (confidence, reason) {
        (Some(p), Some(r)) => Some(Provenance { confidence: Confidence::from_permille((p * 1000.0).round() as u16), reason: r.into() }),
        _ => None,
    }))
}

/// One target that selects text.
pub(super) struct Selected<'v, 's> {
    pub source: &'v Value,
    pub source_at: At<'s>,
    pub position: Option<Position<'s>>,
    pub quote: Option<Quote<'v, 's>>,
}

/// The targets as a list with their places.
pub(super) fn target_list<'v, 's>(ann: &'v Object, at: &At<'s>) -> Result<Vec<(&'v Value, At<'s>)>, FormatError> {
    match get(ann, "target") {
        None => Err(at.key("target").error("missing; an annotation says what it annotates")),
        Some(Value::Array(items)) if items.is_empty() => Err(at.key("target").error("is empty; an annotation says what it annotates")),
        Some(Value::Array(items)) => Ok(items.iter().enumerate().map(|(i, t)| (t, at.key("target").index(i))).collect()),
        Some(t) => Ok(vec![(t, at.key("target"))]),
    }
}

/// The text each target selects; `None` if a target is a whole resource (an IRI, or a source
/// without selectors), which no span can stand for.
pub(super) fn selections<'v, 's>(ann: &'v Object, at: &At<'s>) -> Result<Option<Vec<Selected<'v, 's>>>, FormatError> {
    let mut out = Vec::new();
    for (t, t_at) in target_list(ann, at)? {
        let t = match t {
            Value::Object(t) if get(t, "selector").is_some() => t,
            Value::Object(_) | Value::String(_) => return Ok(None),
            other => return Err(t_at.wrong("a target (an object with source and selector, or an IRI)", other)),
        };
        let source = get(t, "source").ok_or_else(|| t_at.key("source").error("missing; a selector needs the text it selects in"))?;
        let (mut position, mut quote, mut others) = (None, None, Vec::new());
        let selectors: Vec<(&Value, At)> = match get(t, "selector") {
            Some(Value::Array(items)) => items.iter().enumerate().map(|(i, s)| (s, t_at.key("selector").index(i))).collect(),
            Some(s) => vec![(s, t_at.key("selector"))],
            None => unreachable!("checked above"),
        };
        for (s, s_at) in selectors {
            let s = object(s, &s_at)?;
            let kind = types(s).first().copied().unwrap_or_default();
            match kind {
                "TextPositionSelector" if position.is_none() => {
                    let start = offset_field(s, "start", &s_at)?;
                    let end = offset_field(s, "end", &s_at)?;
                    position = Some(Position { start, end, at: s_at });
                }
                "TextQuoteSelector" if quote.is_none() => {
                    quote = Some(Quote {
                        exact: string(s, "exact", &s_at)?,
                        prefix: opt_string(s, "prefix", &s_at)?.unwrap_or_default(),
                        suffix: opt_string(s, "suffix", &s_at)?.unwrap_or_default(),
                        at: s_at,
                    });
                }
                other => others.push(if other.is_empty() { "a selector without a type".to_string() } else { other.to_string() }),
            }
        }
        if position.is_none() && quote.is_none() {
            let found = if others.is_empty() { "none at all".to_string() } else { format!("only {}", others.join(", ")) };
            return Err(t_at
                .key("selector")
                .error(format!("has no TextPositionSelector or TextQuoteSelector ({found}); newsmark places text by those")));
        }
        out.push(Selected { source, source_at: t_at.key("source"), position, quote });
    }
    Ok(Some(out))
}

/// A linking annotation's kind: its first tag (or any textual body), else "related".
pub(super) fn link_kind(ann: &Object, at: &At) -> String {
    bodies(ann, at)
        .into_iter()
        .filter_map(|(b, _)| b.as_object())
        .filter_map(|b| Some((first_string(get(b, "purpose")), get(b, "value")?.as_str()?)))
        .min_by_key(|(purpose, _)| *purpose != Some("tagging"))
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "related".into())
}
