//! Reading what `convert` is given: files, folders with their subfolders, and zips.
//!
//! Owns: naming each file as the person would (the path as typed, then the path inside a folder
//! or zip), the order files are read in (sorted, so output does not depend on the file system),
//! and which files found inside folders and zips are passed over. Must never: pass over a file
//! the person named (a file they named that cannot be read is an error), or follow a link to a
//! folder (a link back up would never end).

use std::path::{Path, PathBuf};

use newsmark_formats::{bundle, Format, InputFile};

/// The files to convert, and what was passed over inside folders and zips.
pub struct Inputs {
    pub files: Vec<InputFile>,
    pub skipped: Vec<String>,
}

/// Reads every input. Inside folders and zips, hidden and system files are skipped (as the zip
/// reader skips them), and so are files in no format `from` reads: with `--from FORMAT` files
/// without its extensions, with `auto` files without any format's extension (a README.md, brat's
/// annotation.conf). Every file named on the command line is read.
pub fn read(paths: &[String], from: Option<Format>) -> Result<Inputs, String> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
        if meta.is_dir() {
            walk(Path::new(path), &display(path), &mut found)?;
        } else {
            found.push(Found { path: PathBuf::from(path), name: path.clone(), named: true });
        }
    }
    let mut inputs = Inputs { files: Vec::new(), skipped: Vec::new() };
    for Found { path, name, named } in found {
        let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
        let files = bundle::open_file(&name, bytes).map_err(|e| e.to_string())?;
        let zipped = files.len() != 1 || files[0].name != name;
        for file in files {
            if (named && !zipped) || fits(&file.name, from) {
                inputs.files.push(file);
            } else {
                inputs.skipped.push(file.name);
            }
        }
    }
    Ok(inputs)
}

/// A file to read: where it is, how messages name it, and whether the person named it.
struct Found {
    path: PathBuf,
    name: String,
    named: bool,
}

fn fits(name: &str, from: Option<Format>) -> bool {
    match from {
        None => bundle::has_known_extension(name),
        Some(format) => {
            let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
            bundle::extensions(format).contains(&ext.as_str())
        }
    }
}

/// Adds the files under `dir`, sorted by name at each level, skipping hidden and system files.
fn walk(dir: &Path, shown: &str, found: &mut Vec<Found>) -> Result<(), String> {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).map_err(|e| format!("{shown}: {e}"))?.collect::<Result<_, _>>().map_err(|e| format!("{shown}: {e}"))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = if shown.ends_with('/') { format!("{shown}{name}") } else { format!("{shown}/{name}") };
        if bundle::is_junk(&name) {
            continue;
        }
        let kind = entry.file_type().map_err(|e| format!("{shown}: {e}"))?;
        if kind.is_dir() {
            walk(&entry.path(), &shown, found)?;
        } else if kind.is_file() || (kind.is_symlink() && entry.path().is_file()) {
            found.push(Found { path: entry.path(), name: shown, named: false });
        }
    }
    Ok(())
}

/// The folder as typed, without a trailing slash, so its files read `dir/a.txt`.
fn display(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        trimmed.to_string()
    }
}
