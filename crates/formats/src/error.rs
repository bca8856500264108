//! Why a file of another tool's format could not be read, naming the file, line and field.
//!
//! Owns: the wording of those errors. Must never: hold partial results, or quote unbounded
//! file content.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// The file's name, as the person chose it.
    pub file: String,
    /// 1-based line, where the format is line-based (JSONL, brat `.ann`, JSON with a position).
    pub line: Option<usize>,
    /// The field or column at fault, e.g. `label[1][0]`, `value.start`, `offsets`.
    pub field: Option<String>,
    pub problem: String,
}

impl FormatError {
    pub fn new(file: &str, line: Option<usize>, field: Option<&str>, problem: impl Into<String>) -> Self {
        FormatError { file: file.to_string(), line, field: field.map(str::to_string), problem: problem.into() }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field {field}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for FormatError {}

/// Text from a file for a message: at most 60 characters, control characters escaped.
pub fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(60).flat_map(char::escape_debug).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    format!("“{out}”")
}
