//! Sets of files: zips, the workspace bundle, and reading files whose format is not given.
//!
//! Owns: turning what a person hands in (a zip, a file of unknown format, a mix of both) into
//! [`InputFile`]s and one [`ImportBatch`]; and the workspace bundle the app's "Export workspace
//! as zip" and the command line's `.zip` output write. Must never: touch the file system (the
//! app and the command line read and write bytes), read a format itself (it dispatches to
//! [`crate::read`]), or return part of an import.
//!
//! Zips are expanded before formats are detected: [`open_file`] takes any file's bytes and gives
//! its text, or a zip's text files, so callers have one path for both.

mod detect;
mod workspace;
mod zip;

pub use detect::{detect, extensions, has_known_extension};
pub use workspace::export_workspace;
pub use zip::{is_junk, read_zip, write_zip, write_zip_at, MAX_UNZIPPED_BYTES};

use newsmark_core::LabelSet;

use crate::{Format, FormatError, ImportBatch, InputFile};

/// The text files in one file a person opened: a zip's files (see [`read_zip`]), or the file
/// itself as text (UTF-8, or UTF-16 with a byte-order mark). A file is taken as a zip when its
/// name ends in `.zip` or its bytes start like one.
pub fn open_file(name: &str, bytes: Vec<u8>) -> Result<Vec<InputFile>, FormatError> {
    if is_zip(name, &bytes) {
        read_zip(name, &bytes)
    } else {
        Ok(vec![InputFile::new(name, zip::text_of(name, bytes)?)])
    }
}

fn is_zip(name: &str, bytes: &[u8]) -> bool {
    detect::extension(name) == "zip" || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads files whose formats are not given: each file's format is detected ([`detect`]), files
/// are read in groups of one format (brat's `.txt` and `.ann` files together, so they pair up),
/// in the order each format first appears, and the batches are joined. Each group is read with
/// the labels the groups before it brought, so a label two formats share becomes one label.
///
/// A workspace bundle among the files is read from its `newsmark.json` alone, with a warning
/// saying so; brat's configuration files (`annotation.conf`, `visual.conf`, …) are passed over.
/// A file no format is detected for is an error naming it.
pub fn read_any(files: Vec<InputFile>, workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let count = files.len();
    let source = match files.as_slice() {
        [one] => one.name.clone(),
        _ => format!("{count} files"),
    };
    let mut warnings = Vec::new();
    let files = workspace::keep_lossless_copies(files, &mut warnings);
    let mut groups: Vec<(Format, Vec<InputFile>)> = Vec::new();
    for file in files {
        if detect::extension(&file.name) == "conf" {
            continue;
        }
        let Some(format) = detect(&file) else {
            return Err(undetected(&file));
        };
        match groups.iter_mut().find(|(f, _)| *f == format) {
            Some((_, group)) => group.push(file),
            None => groups.push((format, vec![file])),
        }
    }
    if groups.is_empty() {
        return Err(FormatError::new(&source, None, None, "there are no files of annotations to read here"));
    }
    let mut batch = ImportBatch::new(source, workspace.clone());
    for (format, group) in groups {
        let read = crate::read(format, &group, &batch.labels)?;
        batch.labels = read.labels;
        batch.documents.extend(read.documents);
        batch.warnings.extend(read.warnings);
    }
    batch.warnings.extend(warnings);
    Ok(batch)
}

fn undetected(file: &InputFile) -> FormatError {
    let known = "newsmark reads newsmark labelled JSON, brat (.txt and .ann), doccano and spaCy JSON Lines, Label Studio JSON and W3C Web Annotation JSON-LD";
    let problem = match detect::json_problem(&file.text) {
        Some(why) => format!("{why}; newsmark cannot tell which format it is in"),
        None => format!("newsmark cannot tell which format this file is in; {known}"),
    };
    FormatError::new(&file.name, None, None, problem)
}
