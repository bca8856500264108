//! Files into JSON values: a whole file, or the records of a JSON Lines file, and the names
//! messages give files.
//!
//! Owns: dropping a byte order mark, refusing an empty file, wording serde_json's error with
//! our line, and reading a record-per-line file that is instead one array or one pretty-printed
//! record. Must never: return the records before a line that fails unless the whole file reads
//! another way.

use serde_json::Value;

use newsmark_core::format::JsonSyntax;

use super::At;
use crate::{FormatError, InputFile};

/// What an import's messages call the files read: the name, or "3 files".
pub(crate) fn source_name(files: &[InputFile]) -> String {
    match files {
        [one] => one.name.clone(),
        many => format!("{} files", many.len()),
    }
}

/// The file's name without folders and extension, for titles ("news" for "export/news.jsonl").
pub(crate) fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(0) | None => base,
        Some(dot) => &base[..dot],
    }
}

/// The text without a leading UTF-8 byte order mark, which is an encoding marker, not content.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses a whole file as one JSON value.
pub(crate) fn parse_json(file: &InputFile) -> Result<Value, FormatError> {
    let text = without_bom(&file.text);
    if text.trim().is_empty() {
        return Err(FormatError::new(&file.name, None, None, "the file is empty"));
    }
    serde_json::from_str(text).map_err(|e| not_json(&file.name, text, 1, &e))
}

/// serde_json's error `e` from parsing `json`, which starts on line `first_line` of the file,
/// with the one position [`JsonSyntax`] finds: the line as the error's own, the column in the
/// problem.
pub(crate) fn not_json(file: &str, json: &str, first_line: usize, e: &serde_json::Error) -> FormatError {
    let JsonSyntax { line, column, reason } = JsonSyntax::of(json, e);
    syntax_error(file, first_line + line - 1, column, &reason)
}

/// The error for text that is not JSON at `line` and `column` of `file`.
pub(crate) fn syntax_error(file: &str, line: usize, column: usize, reason: &str) -> FormatError {
    FormatError::new(file, Some(line), None, format!("not valid JSON: {reason} (column {column})"))
}

/// One record of a record-per-line file and where it is.
#[derive(Debug)]
pub(crate) struct Record<'s> {
    pub value: Value,
    pub at: At<'s>,
}

/// Splits a JSON Lines file into its records, one per non-blank line. A file that is instead a
/// JSON array of records (some tools offer "JSON" beside "JSONL") or a single pretty-printed
/// record is read too; `is_record` says what a record looks like, to tell a one-line array of
/// records from one record that is itself an array.
pub(crate) fn records<'s>(file: &'s InputFile, is_record: fn(&Value) -> bool) -> Result<Vec<Record<'s>>, FormatError> {
    let text = without_bom(&file.text);
    if text.trim().is_empty() {
        return Err(FormatError::new(&file.name, None, None, "the file is empty"));
    }
    let mut lines = Vec::new();
    let mut first_error = None;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => lines.push(Record { value, at: At::root(&file.name, line, i + 1) }),
            Err(e) => {
                // A first record that does not parse alone is most likely one value over several
                // lines, whose error is the whole file's (below); a later one is that line's.
                first_error = Some((lines.is_empty(), not_json(&file.name, line, i + 1, &e)));
                break;
            }
        }
    }
    let whole = || serde_json::from_str::<Value>(text).ok();
    let as_array = |items: Vec<Value>| {
        let places = At::root(&file.name, text, 1).items(items.len());
        items.into_iter().zip(places).map(|(value, at)| Record { value, at }).collect()
    };
    match first_error {
        None => {
            if let [only] = lines.as_slice() {
                if let Value::Array(items) = &only.value {
                    if !items.is_empty() && items.iter().all(is_record) {
                        let Some(Value::Array(items)) = whole() else { unreachable!("one line parsed") };
                        return Ok(as_array(items));
                    }
                }
            }
            Ok(lines)
        }
        Some((first, err)) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(items)) => Ok(as_array(items)),
            Ok(value @ Value::Object(_)) => Ok(vec![Record { value, at: At::root(&file.name, text, 1) }]),
            Err(whole) if first => Err(not_json(&file.name, text, 1, &whole)),
            _ => Err(err),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_arrays_of_records_and_pretty_records() {
        let file = InputFile::new("a.jsonl", "[{\"text\": \"x\"}, {\"text\": \"y\"}]");
        let r = records(&file, Value::is_object).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].at.field().as_deref(), Some("[1]"));
        let file = InputFile::new("a.json", "{\n  \"text\": \"x\"\n}\n");
        assert_eq!(records(&file, Value::is_object).unwrap().len(), 1);
        let file = InputFile::new("a.jsonl", "{\"text\": \"x\"}\r\n\r\n{\"text\": \n");
        let err = records(&file, Value::is_object).unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}
