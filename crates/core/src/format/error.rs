//! Why an import failed, worded for the person who chose the file.
//!
//! Owns: the wording of import errors and the quoting of file content inside them.
//! Must never: hold partial import results (an import either returns every document or one of
//! these), or print unbounded file content (excerpts are truncated, control characters escaped).

use std::fmt;

use super::labelled_json::FORMAT_VERSION;
use crate::label::{LabelError, MAX_LABEL_NAME};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The input could not be parsed as JSON; `line` and `column` are 1-based, in characters, as
    /// [`JsonSyntax`] finds them.
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// JSON, but not a newsmark labelled JSON file; `reason` says what was found instead.
    NotLabelledJson {
        reason: String,
    },
    /// A version newer than this build reads. (A `version` that is no version at all, such as 0 or
    /// "1", is `Invalid`.)
    UnsupportedVersion {
        found: u64,
    },
    NoDocuments,
    /// A field is missing or wrong. `place` names the document, span and field, e.g.
    /// `document 2 (“Title”), span “s3”, field end`.
    Invalid {
        place: String,
        problem: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, reason } => {
                write!(f, "this file is not valid JSON: {reason} (line {line}, column {column})")
            }
            ImportError::NotLabelledJson { reason } => {
                write!(f, "this file is not newsmark labelled JSON: {reason}")
            }
            ImportError::UnsupportedVersion { found } => {
                write!(f, "version {found} is newer than this newsmark reads ({FORMAT_VERSION})")
            }
            ImportError::NoDocuments => f.write_str("the file holds no documents"),
            ImportError::Invalid { place, problem } if place.is_empty() => f.write_str(problem),
            ImportError::Invalid { place, problem } => write!(f, "{place}: {problem}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    pub(super) fn not_json(text: &str, err: &serde_json::Error) -> Self {
        let JsonSyntax { line, column, reason } = JsonSyntax::of(text, err);
        ImportError::NotJson { line, column, reason }
    }
}

/// Why a text is not JSON, and where, as an editor shows the place: every importer of a JSON
/// format words its syntax errors from this, so a message gives one position, and the same one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSyntax {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters (serde_json counts bytes); for a text that ends too early,
    /// the column just after its last character, where the missing part would go.
    pub column: usize,
    /// serde_json's words without its own " at line L column C", so the position is said once.
    pub reason: String,
}

impl JsonSyntax {
    /// Where `err`, from parsing exactly `text`, is in `text`.
    pub fn of(text: &str, err: &serde_json::Error) -> Self {
        let full = err.to_string();
        let reason = match full.rfind(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        // The byte the parser stopped at: the end for a truncated text, else the byte it names
        // (serde_json's column is 1-based and counts the bytes of its line).
        let at = if err.is_eof() {
            text.len()
        } else {
            let line_start = text.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum::<usize>();
            // Column 0: the parser had just read the line break before this line (a raw line
            // break inside a string), which is where the fault is.
            match err.column() {
                0 => line_start.saturating_sub(1),
                column => (line_start + column - 1).min(text.len()),
            }
        };
        let mut at = at;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonSyntax { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1, reason }
    }
}

/// Longest excerpt of file content shown in a message, in characters.
const EXCERPT: usize = 48;

/// `s` in curly quotes, escaped and truncated so a message stays on one readable line.
pub(super) fn quoted(s: &str) -> String {
    quoted_from(s, 0)
}

/// Like [`quoted`], but starting near code point `from` when the string is too long to show
/// whole, so that the part that matters (say, where two strings differ) stays visible.
pub(super) fn quoted_from(s: &str, from: usize) -> String {
    let total = s.chars().count();
    let skip = if total <= EXCERPT { 0 } else { from.saturating_sub(8).min(total - EXCERPT) };
    let mut out = String::from("“");
    if skip > 0 {
        out.push('…');
    }
    for c in s.chars().skip(skip).take(EXCERPT) {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if skip + EXCERPT < total {
        out.push('…');
    }
    out.push('”');
    out
}

/// A JSON value as a message shows it: scalars as written, containers by kind.
pub(super) fn describe(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string {}", quoted(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A label list's problem, worded: in an import error here, and in the app's label editor, which
/// shows the same words (one wording, since the page holds this one for its imports anyway).
pub fn label_problem(e: &LabelError) -> String {
    match e {
        LabelError::Gone => "That label no longer exists.".into(),
        LabelError::BuiltinRenamed { name } => format!("The built-in label “{name}” cannot be renamed."),
        LabelError::BuiltinRemoved => "Built-in labels cannot be removed.".into(),
        LabelError::NoName => "A label needs a name.".into(),
        LabelError::OuterSpace { name } => format!("The label name “{name}” starts or ends with a space."),
        LabelError::TooLong { name } => format!("The label name “{name}” is longer than {MAX_LABEL_NAME} characters."),
        LabelError::ControlCharacter => "A label name cannot hold line breaks or tabs.".into(),
        LabelError::BuiltinName { name } => format!("“{name}” is the name of a built-in label."),
        LabelError::NameTaken { name } => format!("There is already a label called “{name}”."),
        LabelError::NotAColour { colour } => format!("“{colour}” is not a colour; write it as #rrggbb."),
        LabelError::NotADigit { key } => format!("“{key}” cannot be a label's key; use a digit from 0 to 9."),
        LabelError::HotkeyTaken { key, owner } => format!("The key {key} already applies “{owner}”."),
    }
}
