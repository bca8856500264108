//! brat standoff, both ways: a document's text in `NAME.txt`, its annotations in `NAME.ann`
//! (several `.ann` files may share one text, one per annotator: `NAME_ANNOTATOR.ann`).
//!
//! Owns: which `.ann` belongs to which `.txt`, the names newsmark gives the files it writes, and
//! the conventions that let brat's annotations round-trip through newsmark's model (the
//! `other` attribute names below). The line syntax is in `ann.rs`, the mapping to newsmark in
//! `build.rs`, offset counting in `offsets.rs`, writing in `emit.rs` and `conf.rs`.
//! Must never: return part of an import, change a text, or panic on any input.
//!
//! Offsets are code points, end exclusive, as in newsmark, except that brat counts a CRLF as one
//! character and a byte-order mark as one (see `offsets.rs`). The mapping, with its policies, is
//! described in `docs/formats/brat-and-conll.md`.

mod ann;
mod build;
mod conf;
mod emit;
mod offsets;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use newsmark_core::format::ImportedDocument;
use newsmark_core::{Article, ArticleText, LabelSet};

use crate::{FormatError, ImportBatch, InputFile, OutputFile};

/// The `other` attribute that keeps an event without arguments on its trigger span; its value is
/// the event's id. (brat attribute names hold no spaces, so this name cannot clash with one.)
pub const EVENT_MARK: &str = "brat event";
/// Prefix of the `other` attribute that keeps a `#` comment of a type newsmark has no field for
/// (`note: STATUS`). `AnnotatorNotes` is the span's note.
pub const NOTE_PREFIX: &str = "note: ";
/// Prefix of the `other` attribute that keeps an `N` line (`normalization: Reference`, value
/// `Wikipedia:534366 Barack Obama`).
pub const NORMALIZATION_PREFIX: &str = "normalization: ";

/// Reads `.txt` and `.ann` files (in any folders) as one batch: one document per `.ann`, titled
/// by its file name, and one without spans for each `.txt` no `.ann` belongs to. brat's
/// configuration files (`*.conf`) are ignored; other files are skipped with a warning.
pub fn read(files: &[InputFile], workspace: &LabelSet) -> Result<ImportBatch, FormatError> {
    let source = match files {
        [one] => one.name.clone(),
        _ => format!("{} files", files.len()),
    };
    let mut batch = ImportBatch::new(source, workspace.clone());
    let names: Vec<FileName> = files.iter().map(|f| FileName::of(&f.name)).collect();
    let mut texts: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut any = false;
    for (i, (file, name)) in files.iter().zip(&names).enumerate() {
        match name.kind() {
            Some(FileKind::Text) => texts.entry(name.stem).or_default().push(i),
            Some(FileKind::Ann) => {}
            Some(FileKind::Conf) => continue,
            None => {
                batch.warnings.push(format!("{} was skipped: brat documents are NAME.txt files with NAME.ann beside them.", file.name));
                continue;
            }
        }
        any = true;
    }
    if !any {
        return Err(FormatError::new(
            files.first().map_or("", |f| &f.name),
            None,
            None,
            "there is no .txt or .ann file to read; brat documents are NAME.txt files with NAME.ann beside them",
        ));
    }

    // Pair first, so that a missing text is reported before any work, and so that documents
    // come out in the order the files were given.
    let mut text_of: HashMap<usize, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if name.kind() == Some(FileKind::Ann) {
            text_of.insert(i, text_for(&files[i].name, name, &texts, &names, files)?);
        }
    }
    let paired: HashSet<usize> = text_of.values().copied().collect();
    let mut loaded: HashMap<usize, (Rc<ArticleText>, bool)> = HashMap::new();
    let mut load = |t: usize| {
        loaded
            .entry(t)
            .or_insert_with(|| {
                let raw = files[t].text.as_str();
                let text = raw.strip_prefix('\u{feff}');
                (Rc::new(ArticleText::new(text.unwrap_or(raw))), text.is_some())
            })
            .clone()
    };

    for (i, (file, name)) in files.iter().zip(&names).enumerate() {
        match name.kind() {
            Some(FileKind::Text) if !paired.contains(&i) => {
                let (text, _) = load(i);
                batch.documents.push(ImportedDocument {
                    id: None,
                    title: name.stem.to_string(),
                    text,
                    spans: Vec::new(),
                    relations: Vec::new(),
                });
            }
            Some(FileKind::Ann) => {
                let (text, had_bom) = load(text_of[&i]);
                let src = build::Source { file: &file.name, title: name.stem.to_string(), text, had_bom };
                let records = ann::parse(&file.name, &file.text)?;
                let doc = build::build(&src, &records, &mut batch.labels, &mut batch.warnings)?;
                batch.documents.push(doc);
            }
            _ => {}
        }
    }
    Ok(batch)
}

/// Writes each article as `brat/NAME.txt` and `brat/NAME.ann`, plus `brat/annotation.conf`
/// declaring the types used, so that brat can show them.
pub fn write(articles: &[&Article], labels: &LabelSet) -> Vec<OutputFile> {
    emit::write(articles, labels)
}

/// A file's name split into folder, stem and extension (`brat/x.y.txt` → `brat`, `x.y`, `txt`).
struct FileName<'a> {
    folder: &'a str,
    stem: &'a str,
    ext: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Text,
    Ann,
    /// brat's configuration (`annotation.conf`, `visual.conf`, …), which newsmark writes too.
    Conf,
}

impl<'a> FileName<'a> {
    fn of(name: &'a str) -> Self {
        let (folder, base) = name.rsplit_once(['/', '\\']).unwrap_or(("", name));
        let (stem, ext) = base.rsplit_once('.').unwrap_or((base, ""));
        FileName { folder, stem, ext }
    }

    fn kind(&self) -> Option<FileKind> {
        match self.ext.to_ascii_lowercase().as_str() {
            "txt" => Some(FileKind::Text),
            "ann" => Some(FileKind::Ann),
            "conf" => Some(FileKind::Conf),
            _ => None,
        }
    }
}

/// The `.txt` an `.ann` belongs to (an index into `files`): the one whose stem is the `.ann`'s
/// stem, or the longest that is a prefix of it followed by `_` (`NAME_ANNOTATOR.ann` →
/// `NAME.txt`). Between texts of one stem in different folders, the `.ann`'s own folder wins.
fn text_for(
    ann_file: &str,
    ann: &FileName,
    texts: &HashMap<&str, Vec<usize>>,
    names: &[FileName],
    files: &[InputFile],
) -> Result<usize, FormatError> {
    // The stem itself, then each prefix that ends before a `_`, longest first.
    let prefixes = std::iter::once(ann.stem).chain(ann.stem.rmatch_indices('_').map(|(at, _)| &ann.stem[..at]));
    let Some(found) = prefixes.filter_map(|p| texts.get(p)).next() else {
        return Err(FormatError::new(
            ann_file,
            None,
            None,
            format!(
                "there is no {}.txt for it; brat keeps a document's text in NAME.txt beside NAME.ann \
             (or NAME_ANNOTATOR.ann)",
                ann.stem
            ),
        ));
    };
    let same_folder: Vec<usize> = found.iter().copied().filter(|&t| names[t].folder == ann.folder).collect();
    match (&found[..], &same_folder[..]) {
        ([t], _) | (_, [t]) => Ok(*t),
        _ => {
            let names: Vec<&str> = found.iter().map(|&t| files[t].name.as_str()).collect();
            Err(FormatError::new(
                ann_file,
                None,
                None,
                format!("it could belong to any of {}; give the texts different names or keep each beside its .ann", names.join(", ")),
            ))
        }
    }
}

/// A name as brat can write it in a type, role or attribute position: no whitespace (each
/// whitespace character becomes `_`), never empty.
pub(crate) fn brat_name(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    if s.is_empty() {
        "_".into()
    } else {
        s
    }
}
