//! Writing `convert`'s output: files into a folder, or one zip.
//!
//! Owns: where output files land and how. Must never: write outside OUT (a file name from a
//! writer is checked, since writers may name files after ids read from the inputs), or leave a
//! half-written zip (it is written beside OUT and renamed into place).

use std::path::{Path, PathBuf};

use newsmark_formats::{write_zip_at, OutputFile};

/// Whether OUT names a zip rather than a folder.
pub fn is_zip(out: &str) -> bool {
    out.to_ascii_lowercase().ends_with(".zip")
}

/// The files without the folder named after their format that writers put them in
/// (`spacy/spans.jsonl`): OUT is already the place the person chose for them.
pub fn without_format_folder(folder: &str, files: Vec<OutputFile>) -> Vec<OutputFile> {
    let prefix = format!("{folder}/");
    if !files.iter().all(|f| f.name.starts_with(&prefix)) {
        return files;
    }
    files.into_iter().map(|f| OutputFile { name: f.name[prefix.len()..].to_string(), text: f.text }).collect()
}

/// Checks every name first, so a bad one stops the command before anything is written.
pub fn check_names(files: &[OutputFile]) -> Result<(), String> {
    for file in files {
        let name = file.name.replace('\\', "/");
        let escapes = name.starts_with('/') || name.split('/').any(|part| part == ".." || part.is_empty() || part.contains(':'));
        if escapes {
            return Err(format!("an output file would be named “{}”, which is not a plain path inside the output", file.name));
        }
    }
    Ok(())
}

/// Writes `files` under `out`, or into the zip `out`, dated `exported_at`.
pub fn write(out: &str, files: &[OutputFile], exported_at: &str) -> Result<(), String> {
    if is_zip(out) {
        let path = Path::new(out);
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let partial = PathBuf::from(format!("{out}.partial"));
        std::fs::write(&partial, write_zip_at(files, exported_at)).map_err(|e| format!("{}: {e}", partial.display()))?;
        std::fs::rename(&partial, path).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            format!("{out}: {e}")
        })
    } else {
        let root = Path::new(out);
        if root.exists() && !root.is_dir() {
            return Err(format!("{out}: exists and is not a folder; give a folder, or a file name ending in .zip"));
        }
        for file in files {
            let path = root.join(&file.name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&path, &file.text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_stay_inside() {
        let f = |name: &str| vec![OutputFile { name: name.into(), text: String::new() }];
        assert!(check_names(&f("brat/a1.ann")).is_ok());
        for bad in ["../a.txt", "/etc/a", "a//b", "C:/a", "a\\..\\b"] {
            assert!(check_names(&f(bad)).is_err(), "{bad}");
        }
        assert!(is_zip("out/EXPORT.ZIP") && !is_zip("out/zip"));
        let files = without_format_folder("spacy", f("spacy/spans.jsonl"));
        assert_eq!(files[0].name, "spans.jsonl");
        assert_eq!(without_format_folder("spacy", f("newsmark.json"))[0].name, "newsmark.json");
    }
}
