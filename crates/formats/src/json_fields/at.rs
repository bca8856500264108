//! Where a JSON value is: its file, its path and the line it starts on, and the messages made
//! from them.
//!
//! Owns: the path as people read it (`annotations[0].result[3].value.start`), the line a value
//! starts on (found in the text by `scan`, only when a message needs it), and the "must be …,
//! not …" wording. Must never: walk a file's text once per item of an array (`At::items` gives
//! each item its own slice in one pass), or decide what a field means.

use serde_json::Value;

use super::scan::{each_key, locate, newlines, skip_value, skip_ws};
use crate::error::excerpt;
use crate::FormatError;

/// One step of a path into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Where a value is: its file, the JSON text its path starts from (a whole file, one line of a
/// JSON Lines file, or one item of an array, see [`At::items`]) and the path. Errors and warnings
/// are made from it, so every message names the file, the line and the field.
#[derive(Debug, Clone)]
pub(crate) struct At<'s> {
    file: &'s str,
    json: &'s str,
    /// The line of the file on which `json` starts.
    first_line: usize,
    /// The path from the file's top value to `json`, only for showing.
    prefix: Vec<Seg>,
    /// The path inside `json`.
    path: Vec<Seg>,
}

impl<'s> At<'s> {
    pub fn root(file: &'s str, json: &'s str, first_line: usize) -> Self {
        At { file, json, first_line, prefix: Vec::new(), path: Vec::new() }
    }

    pub fn key(&self, key: &str) -> Self {
        let mut at = self.clone();
        at.path.push(Seg::Key(key.to_string()));
        at
    }

    pub fn index(&self, i: usize) -> Self {
        let mut at = self.clone();
        at.path.push(Seg::Index(i));
        at
    }

    /// Where each of the `n` items of the array here is, each with its own slice of the text, so
    /// that finding a line inside one item never walks the items before it: one pass over the
    /// array instead of one walk from the file's start per message.
    pub fn items(&self, n: usize) -> Vec<At<'s>> {
        let b = self.json.as_bytes();
        let start = locate(self.json, &self.path);
        let mut shown = self.prefix.clone();
        shown.extend(self.path.iter().cloned());
        let mut out = Vec::with_capacity(n);
        if b.get(start) == Some(&b'[') {
            let mut line = self.first_line + newlines(&b[..start]);
            let mut i = start + 1;
            while out.len() < n {
                let next = skip_ws(b, i);
                line += newlines(&b[i..next]);
                i = next;
                let Some(end) = b.get(i).filter(|&&c| c != b']').and_then(|_| skip_value(b, i)) else { break };
                let mut prefix = shown.clone();
                prefix.push(Seg::Index(out.len()));
                out.push(At { file: self.file, json: &self.json[i..end], first_line: line, prefix, path: Vec::new() });
                line += newlines(&b[i..end]);
                let next = skip_ws(b, end);
                line += newlines(&b[end..next]);
                if b.get(next) != Some(&b',') {
                    break;
                }
                i = next + 1;
            }
        }
        // Only if the scan and the parser disagreed, which valid JSON never makes them do.
        while out.len() < n {
            out.push(self.index(out.len()));
        }
        out
    }

    /// The path as people read it: `annotations[0].result[3].value.start`; `None` at the root.
    pub fn field(&self) -> Option<String> {
        let mut out = String::new();
        for seg in self.prefix.iter().chain(&self.path) {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The 1-based line on which the value starts (or, if it is missing, the nearest enclosing
    /// value that exists). Only computed for messages; it walks the text before the value within
    /// `json`.
    pub fn line(&self) -> usize {
        self.first_line + newlines(&self.json.as_bytes()[..locate(self.json, &self.path)])
    }

    pub fn error(&self, problem: impl Into<String>) -> FormatError {
        FormatError::new(self.file, Some(self.line()), self.field().as_deref(), problem)
    }

    /// "must be {wanted}, not {what was found}".
    pub fn wrong(&self, wanted: &str, found: &Value) -> FormatError {
        self.error(format!("must be {wanted}, not {}", describe(found)))
    }

    /// "file, line N" for a warning sentence.
    pub fn place(&self) -> String {
        format!("{}, line {}", self.file, self.line())
    }

    /// The object keys at this value in the order the file writes them (serde_json's map sorts
    /// them), for the few places where "the first one" must mean the file's first.
    pub fn keys_in_file_order(&self) -> Vec<String> {
        let mut keys = Vec::new();
        let _ = each_key(self.json, locate(self.json, &self.path), |name, _| {
            keys.push(name);
            false
        });
        keys
    }
}

/// A value as a message shows it: scalars as written, containers by kind.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string {}", excerpt(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(json: &str, path: &[Seg]) -> usize {
        let mut at = At::root("f", json, 1);
        for seg in path {
            at = match seg {
                Seg::Key(k) => at.key(k),
                Seg::Index(i) => at.index(*i),
            };
        }
        at.line()
    }

    #[test]
    fn lines_of_nested_values() {
        let json = "[\n {\"a\": 1},\n {\"a\": \"x]\\\"\",\n  \"b\": [\n   1,\n   {\"c\": 2}\n  ]}\n]";
        let k = |s: &str| Seg::Key(s.into());
        assert_eq!(line_of(json, &[]), 1);
        assert_eq!(line_of(json, &[Seg::Index(0)]), 2);
        assert_eq!(line_of(json, &[Seg::Index(1), k("b"), Seg::Index(1), k("c")]), 6);
        assert_eq!(line_of(json, &[Seg::Index(1), k("b"), Seg::Index(0)]), 5);
        // A missing key points at the object that lacks it.
        assert_eq!(line_of(json, &[Seg::Index(1), k("zzz")]), 3);
        assert_eq!(line_of(json, &[Seg::Index(7)]), 1);
    }

    #[test]
    fn field_paths_read_like_jq() {
        let at = At::root("f", "{}", 1).key("annotations").index(0).key("result").index(3).key("value").key("start");
        assert_eq!(at.field().as_deref(), Some("annotations[0].result[3].value.start"));
        assert_eq!(At::root("f", "[]", 1).index(2).key("text").field().as_deref(), Some("[2].text"));
    }
}
