//! Files as the formats see them: a name and UTF-8 text, read and written by the caller.
//!
//! Owns: the in-memory file shape shared by readers and writers. Must never: do I/O.

/// A file to read. `name` is how the person knows it (a path inside a zip, a file name) and is
/// what error messages name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub text: String,
}

/// A file a writer produced. `name` may hold `/` for a folder inside a zip (`brat/a1.ann`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub name: String,
    pub text: String,
}

impl InputFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        InputFile { name: name.into(), text: text.into() }
    }
}
