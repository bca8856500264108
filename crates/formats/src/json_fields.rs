//! What the readers of JSON-based formats (doccano, Label Studio, W3C, spaCy) share: where a value
//! is in its file, typed fields whose errors say so, JSON Lines records, and turning a span's
//! offsets in the file's unit into code points.
//!
//! Owns: the path of a value (`annotations[0].result[3].value.start`) and the line it starts on,
//! the "must be …, not …" wording, splitting a file into records, the offset-unit conversion and
//! the re-anchoring of spans whose text disagrees with their offsets. Must never: decide what a
//! field means (each format does), or round an offset that falls inside a character.

use std::collections::HashSet;

use newsmark_core::format::ImportBatch;
use newsmark_core::{ArticleText, Label};
use serde_json::{Map, Value};

use crate::error::excerpt;
use crate::{anchor, Anchored, FormatError, InputFile};

pub(crate) type Object = Map<String, Value>;

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

// ---- typed fields ------------------------------------------------------------------------

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

// ---- files and records ---------------------------------------------------------------------

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
    serde_json::from_str(text).map_err(|e| not_json(&file.name, e.line(), &e))
}

fn not_json(file: &str, line: usize, e: &serde_json::Error) -> FormatError {
    // serde_json ends its message with " at line L column C"; the line is ours to say.
    let full = e.to_string();
    let reason = full.rfind(" at line ").map_or(full.as_str(), |at| &full[..at]);
    FormatError::new(file, Some(line), None, format!("not valid JSON: {reason} (column {})", e.column()))
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
                first_error = Some(not_json(&file.name, i + 1, &e));
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
        Some(err) => match whole() {
            Some(Value::Array(items)) => Ok(as_array(items)),
            Some(value @ Value::Object(_)) => Ok(vec![Record { value, at: At::root(&file.name, text, 1) }]),
            _ => Err(err),
        },
    }
}

// ---- spans ---------------------------------------------------------------------------------

/// The unit a format counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    CodePoints,
    Utf16,
}

/// A span's offsets and claimed text as a file gives them, with where each is.
pub(crate) struct RawSpan<'a, 's> {
    pub start: u64,
    pub start_at: At<'s>,
    pub end: u64,
    pub end_at: At<'s>,
    pub claimed: Option<(&'a str, At<'s>)>,
}

/// How many spans placed by their text a file's warnings tell one by one; the rest are counted.
/// A file whose offsets are all off by the same mistake would otherwise bury every other warning.
const MOVED_TOLD: usize = 5;

/// The warnings of one file, in the order they arose, with spans placed by their text told up to
/// [`MOVED_TOLD`] times and then counted.
pub(crate) struct Notes {
    file: String,
    moved: usize,
    warnings: Vec<String>,
}

impl Notes {
    pub fn new(file: &str) -> Self {
        Notes { file: file.to_string(), moved: 0, warnings: Vec::new() }
    }

    pub fn push(&mut self, warning: String) {
        self.warnings.push(warning);
    }

    /// A span placed by its text; `sentence` is only made if it will be shown.
    pub fn moved(&mut self, sentence: impl FnOnce() -> String) {
        if self.moved < MOVED_TOLD {
            self.warnings.push(sentence());
        }
        self.moved += 1;
    }

    pub fn into_warnings(mut self) -> Vec<String> {
        if self.moved > MOVED_TOLD {
            let more = self.moved - MOVED_TOLD;
            self.warnings.push(format!(
                "{}: {more} more span{} moved to where {} text is, as above.",
                self.file,
                if more == 1 { " was" } else { "s were" },
                if more == 1 { "its" } else { "their" },
            ));
        }
        self.warnings
    }
}

/// Converts an offset in `unit` to code points, exactly.
fn to_code_point(text: &ArticleText, unit: Unit, raw: u64) -> Result<usize, String> {
    let (len, what) = match unit {
        Unit::CodePoints => (text.len(), if text.len() == 1 { "character" } else { "characters" }),
        Unit::Utf16 => (text.utf16_len(), if text.utf16_len() == 1 { "UTF-16 code unit" } else { "UTF-16 code units" }),
    };
    if raw > len as u64 {
        return Err(format!("{raw} is past the end of the text ({len} {what})"));
    }
    let raw = raw as usize;
    match unit {
        Unit::CodePoints => Ok(raw),
        Unit::Utf16 => {
            let cp = text.cp_of_utf16(raw);
            if text.utf16_of(cp) == raw {
                return Ok(cp);
            }
            // cp_of_utf16 rounds down to the character whose surrogate pair holds `raw`.
            let c = text.char_at(cp).unwrap_or('\u{fffd}');
            Err(format!(
                "{raw} falls between the two UTF-16 code units of {} (units {}–{}); an offset must fall between characters",
                excerpt(&c.to_string()),
                raw - 1,
                raw + 1
            ))
        }
    }
}

/// Places a span read from a file: converts its offsets, checks them against its claimed text,
/// and re-anchors it by that text where the text occurs exactly once (telling `notes`). Gives
/// code points.
pub(crate) fn place(
    text: &ArticleText,
    unit: Unit,
    raw: &RawSpan,
    span_name: &str,
    notes: &mut Notes,
) -> Result<(usize, usize), FormatError> {
    let start = to_code_point(text, unit, raw.start);
    let end = to_code_point(text, unit, raw.end);
    let Some((claimed, claimed_at)) = &raw.claimed else {
        let start = start.map_err(|p| raw.start_at.error(p))?;
        let end = end.map_err(|p| raw.end_at.error(p))?;
        return match order_problem(start, end, raw) {
            Some(err) => Err(err),
            None => Ok((start, end)),
        };
    };
    if claimed.is_empty() {
        return Err(claimed_at.error("is empty; a span covers at least one character"));
    }
    let (s, e) = (start.clone().unwrap_or(usize::MAX), end.clone().unwrap_or(usize::MAX));
    if unit == Unit::CodePoints && !(s < e && e <= text.len() && text.slice(s, e) == *claimed) {
        if let Some((ns, ne)) = as_utf16(text, raw.start, raw.end, claimed) {
            notes.moved(|| {
                format!(
                    "{}, {span_name}: its offsets {}–{} hold its text {} when counted in UTF-16 code units, as JavaScript counts, rather than in characters; they were read so, as {ns}–{ne}.",
                    raw.start_at.place(),
                    raw.start,
                    raw.end,
                    excerpt(claimed)
                )
            });
            return Ok((ns, ne));
        }
    }
    match anchor(text, s, e, Some(claimed)) {
        Anchored::Exact => Ok((s, e)),
        Anchored::Moved { start: ns, end: ne } => {
            notes.moved(|| {
                format!(
                    "{}, {span_name}: its offsets {}–{} did not hold its text {}, which occurs once in the document, at {ns}–{ne}; the span was placed there.",
                    raw.start_at.place(),
                    raw.start,
                    raw.end,
                    excerpt(claimed)
                )
            });
            Ok((ns, ne))
        }
        Anchored::Failed(_) => {
            let occurs = match text.as_str().match_indices(*claimed).take(2).count() {
                0 => "does not occur in the document",
                _ => "occurs more than once, so the span cannot be placed by its text",
            };
            let quoted = excerpt(claimed);
            match (start, end) {
                (Err(p), _) => Err(raw.start_at.error(format!("{p}; the span's text {quoted} {occurs}"))),
                (_, Err(p)) => Err(raw.end_at.error(format!("{p}; the span's text {quoted} {occurs}"))),
                (Ok(s), Ok(e)) => Err(order_problem(s, e, raw).unwrap_or_else(|| {
                    let actual = excerpt(text.slice(s, e));
                    claimed_at.error(format!("{quoted} is not the text at {s}–{e}, which is {actual}, and it {occurs}"))
                })),
            }
        }
    }
}

/// Offsets that should count characters read as UTF-16 code units instead, if so read they are
/// exact and hold `claimed`: older Label Studio and other JavaScript tools counted so, which
/// shifts every offset after an emoji. Exact, so no search and no choice between occurrences.
fn as_utf16(text: &ArticleText, start: u64, end: u64, claimed: &str) -> Option<(usize, usize)> {
    if start >= end || end > text.utf16_len() as u64 {
        return None;
    }
    let (s, e) = (to_code_point(text, Unit::Utf16, start).ok()?, to_code_point(text, Unit::Utf16, end).ok()?);
    (text.slice(s, e) == claimed).then_some((s, e))
}

/// Why `start..end` (in code points) is no span, if it is not.
fn order_problem(start: usize, end: usize, raw: &RawSpan) -> Option<FormatError> {
    if start == end {
        Some(raw.end_at.error(format!("the span is empty (start and end are both {})", raw.start)))
    } else if start > end {
        Some(raw.end_at.error(format!("{} is before the start, {}", raw.end, raw.start)))
    } else {
        None
    }
}

/// `base` if no span has that id yet, else `base-2`, `base-3`, …; the id is then taken.
pub(crate) fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

// ---- finding a value's position ------------------------------------------------------------

/// The byte offset at which the value at `path` starts in `json` (which parsed as JSON), or
/// where the deepest part of the path that exists starts.
fn locate(json: &str, path: &[Seg]) -> usize {
    let b = json.as_bytes();
    let mut at = skip_ws(b, 0);
    for seg in path {
        let next = match seg {
            Seg::Key(key) => {
                // serde_json keeps the last of repeated keys, so the last match is the one read.
                let mut found = None;
                let _ = each_key(json, at, |name, value| {
                    if &name == key {
                        found = Some(value);
                    }
                    false
                });
                found
            }
            Seg::Index(n) => nth_item(b, at, *n),
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// Calls `f(key, value_start)` for each key of the object starting at `at`, until it returns
/// true. `None` if there is no object there.
fn each_key(json: &str, at: usize, mut f: impl FnMut(String, usize) -> bool) -> Option<()> {
    let b = json.as_bytes();
    if b.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = skip_ws(b, at + 1);
    while b.get(i) == Some(&b'"') {
        let end = skip_string(b, i)?;
        let name: String = serde_json::from_str(&json[i..end]).ok()?;
        i = skip_ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if f(name, i) {
            return Some(());
        }
        i = skip_ws(b, skip_value(b, i)?);
        if b.get(i) != Some(&b',') {
            break;
        }
        i = skip_ws(b, i + 1);
    }
    Some(())
}

fn nth_item(b: &[u8], at: usize, n: usize) -> Option<usize> {
    if b.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(b, at + 1);
    for _ in 0..n {
        i = skip_ws(b, skip_value(b, i)?);
        if b.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, i + 1);
    }
    (b.get(i).is_some_and(|&c| c != b']')).then_some(i)
}

fn newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Past the string starting at `i` (its opening quote).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Past the value starting at `i`. Containers are skipped by counting brackets outside strings,
/// without recursion, so deep nesting cannot overflow the stack.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            loop {
                match b.get(j)? {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while b.get(j).is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                j += 1;
            }
            Some(j)
        }
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

    #[test]
    fn utf16_offsets_inside_a_pair_are_refused() {
        let t = ArticleText::new("a😀b");
        assert_eq!(to_code_point(&t, Unit::Utf16, 3), Ok(2));
        let err = to_code_point(&t, Unit::Utf16, 2).unwrap_err();
        assert!(err.contains("between the two UTF-16 code units"), "{err}");
        assert!(to_code_point(&t, Unit::Utf16, 5).unwrap_err().contains("past the end of the text (4 UTF-16 code units)"));
        assert!(to_code_point(&t, Unit::CodePoints, 4).unwrap_err().contains("(3 characters)"));
    }

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
