//! Which format a file is in, from its name and, for JSON, the shape of its content.
//!
//! Owns: the detection rules and the file extensions each format uses. Must never: read a file
//! as a format (the readers do, and report the file's own mistakes), or guess between two
//! formats a file could equally be in: such a file has no detected format.

use newsmark_core::format::JsonSyntax;
use serde_json::{Map, Value};

use crate::{Format, InputFile};

/// How many lines of a JSON Lines file are looked at before giving up: enough to pass lines
/// that any format could hold (a record with only a text), few enough to stay quick.
const MAX_SNIFFED_LINES: usize = 1000;

/// The format `file` is in, or `None` when neither its name nor its content says.
///
/// - `.ann` and `.txt` are brat (a `.txt` without an `.ann` is an article with no spans), and
///   `.conll`, `.iob` and `.bio` are CoNLL;
/// - a JSON object with `"format": "newsmark-labelled-json"` is newsmark's own;
/// - W3C Web Annotation JSON-LD has an `@context` naming `anno.jsonld`, or `type` Annotation,
///   AnnotationCollection or AnnotationPage;
/// - Label Studio tasks have `data` with `annotations` or `predictions` (one task, or an array);
/// - a record with a `text` and `spans` is spaCy's, and one with `label` or `entities` is
///   doccano's (JSON Lines, or one record, or an array of records).
pub fn detect(file: &InputFile) -> Option<Format> {
    match extension(&file.name).as_str() {
        "ann" | "txt" => Some(Format::Brat),
        "conll" | "iob" | "iob2" | "bio" => Some(Format::Conll),
        "jsonl" | "ndjson" => sniff_lines(&file.text),
        _ => sniff_json(&file.text),
    }
}

/// The extensions files of `format` have, lower case, without the dot.
pub fn extensions(format: Format) -> &'static [&'static str] {
    match format {
        Format::Newsmark | Format::LabelStudio => &["json"],
        Format::W3c => &["json", "jsonld"],
        Format::Doccano | Format::Spacy => &["jsonl", "ndjson", "json"],
        Format::Brat => &["txt", "ann"],
        Format::Conll => &["conll", "iob", "iob2", "bio"],
    }
}

/// Whether `name` has an extension of some format newsmark knows: a file found in a folder or
/// zip without one (a README.md, a licence, brat's `annotation.conf`) holds no annotations.
pub fn has_known_extension(name: &str) -> bool {
    let ext = extension(name);
    Format::ALL.into_iter().any(|f| extensions(f).contains(&ext.as_str()))
}

/// The lower-case extension of the last path component, or "".
pub(crate) fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Why `text` is not JSON or JSON Lines, for a message about a file no format was found for.
pub(crate) fn json_problem(text: &str) -> Option<String> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return None;
    }
    let whole = serde_json::from_str::<Value>(text).err()?;
    // A JSON Lines file is not one JSON value; it is only broken if one of its lines is. A first
    // line that fails is most likely the start of one value over several lines, whose error is
    // the whole text's.
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    for (nth, (i, line)) in lines.enumerate() {
        if let Err(e) = serde_json::from_str::<Value>(line) {
            return Some(if nth == 0 {
                let JsonSyntax { line, column, reason } = JsonSyntax::of(text, &whole);
                format!("it is not valid JSON (line {line}, column {column}: {reason})")
            } else {
                let JsonSyntax { column, reason, .. } = JsonSyntax::of(line, &e);
                format!("line {} is not valid JSON (column {column}: {reason})", i + 1)
            });
        }
    }
    None
}

fn sniff_json(text: &str) -> Option<Format> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return None;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(value) => of_value(&value),
        // Several values, one a line: JSON Lines under another name.
        Err(_) => sniff_lines(text),
    }
}

fn sniff_lines(text: &str) -> Option<Format> {
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(MAX_SNIFFED_LINES) {
        let value: Value = serde_json::from_str(line).ok()?;
        if let Some(format) = of_value(&value) {
            return Some(format);
        }
    }
    None
}

fn of_value(value: &Value) -> Option<Format> {
    match value {
        Value::Object(obj) => of_object(obj),
        // An array is judged by its first object: files are one kind of record throughout.
        Value::Array(items) => items.iter().find_map(Value::as_object).and_then(of_object),
        _ => None,
    }
}

fn of_object(obj: &Map<String, Value>) -> Option<Format> {
    if obj.get("format").and_then(Value::as_str) == Some(newsmark_core::format::FORMAT_NAME) {
        Some(Format::Newsmark)
    } else if is_w3c(obj) {
        Some(Format::W3c)
    } else if obj.get("data").is_some_and(Value::is_object) && (obj.contains_key("annotations") || obj.contains_key("predictions")) {
        Some(Format::LabelStudio)
    } else if !obj.contains_key("text") {
        None
    } else if obj.contains_key("spans") {
        Some(Format::Spacy)
    } else if obj.contains_key("label") || obj.contains_key("entities") {
        Some(Format::Doccano)
    } else {
        None
    }
}

fn is_w3c(obj: &Map<String, Value>) -> bool {
    let names_anno = |v: &Value| v.as_str().is_some_and(|s| s.contains("anno.jsonld"));
    let context = match obj.get("@context") {
        Some(Value::Array(items)) => items.iter().any(names_anno),
        Some(v) => names_anno(v),
        None => false,
    };
    let is_type = |v: &Value| matches!(v.as_str(), Some("Annotation" | "AnnotationCollection" | "AnnotationPage"));
    let typed = match obj.get("type") {
        Some(Value::Array(items)) => items.iter().any(is_type),
        Some(v) => is_type(v),
        None => false,
    };
    context || typed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str, text: &str) -> Option<Format> {
        detect(&InputFile::new(name, text))
    }

    #[test]
    fn json_shapes() {
        assert_eq!(of("x.json", r#"{"format":"newsmark-labelled-json","version":1}"#), Some(Format::Newsmark));
        assert_eq!(of("x.json", r#"[{"data":{"text":"a"},"annotations":[]}]"#), Some(Format::LabelStudio));
        assert_eq!(of("x.json", r#"{"@context":["http://www.w3.org/ns/anno.jsonld"],"id":"a"}"#), Some(Format::W3c));
        assert_eq!(of("x.json", r#"[{"type":"Annotation"}]"#), Some(Format::W3c));
        // Records that say nothing about their format are passed until one does.
        assert_eq!(of("x.jsonl", "{\"text\":\"a\"}\n\n{\"text\":\"b\",\"spans\":[]}\n"), Some(Format::Spacy));
        assert_eq!(of("x.jsonl", "{\"text\":\"a\"}\n"), None);
        assert_eq!(of("x", "{\"text\":\"a\",\"label\":[]}\n{\"text\":\"b\",\"label\":[]}"), Some(Format::Doccano));
        assert_eq!(of("x.json", "not json"), None);
    }

    #[test]
    fn problems_are_located() {
        assert!(json_problem("{\"a\": }").unwrap().contains("line 1"));
        assert!(json_problem("{\"a\":1}\n{\"b\":}\n").unwrap().contains("line 2"));
        assert_eq!(json_problem("{\"a\":1}\n{\"b\":2}\n"), None);
        assert!(has_known_extension("dev/text/a.TXT") && !has_known_extension("annotation.conf"));
    }
}
