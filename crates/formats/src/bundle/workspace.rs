//! The "Export workspace as zip" bundle: every article in every format newsmark writes, with a
//! README saying what each file is; and recognising such a bundle when it is read back.
//!
//! Owns: the bundle's layout (`README.txt`, `newsmark.json`, a folder per other format) and its README's wording. Must never: write a format itself (it calls
//! [`crate::write`]), or read a bundle's articles more than once.

use newsmark_core::{Article, LabelSet};

use crate::{Format, InputFile, OutputFile};

/// The README's first line, which is also how a bundle is recognised when it is read back.
const README_FIRST_LINE: &str = "newsmark workspace export";
const README_NAME: &str = "README.txt";
const LOSSLESS_NAME: &str = "newsmark.json";

/// Every format after the lossless one, in the order the bundle and its README list them.
const OTHER_FORMATS: [Format; 6] = [Format::Brat, Format::Doccano, Format::LabelStudio, Format::W3c, Format::Spacy, Format::Conll];

/// The files of a workspace bundle, ready for [`super::write_zip_at`]: `README.txt`,
/// `newsmark.json` (everything: labels, spans, attributes, relations), and a folder per other
/// format holding what its writer writes (`brat/`, `doccano/`, `labelstudio/`, `w3c/`, `spacy/`,
/// `conll/`).
pub fn export_workspace(articles: &[&Article], labels: &LabelSet, exported_at: &str) -> Vec<OutputFile> {
    let mut body = Vec::new();
    let mut listed = Vec::new();
    for file in crate::write(Format::Newsmark, articles, labels, exported_at) {
        listed.push((LOSSLESS_NAME.to_string(), Format::Newsmark));
        body.push(OutputFile { name: LOSSLESS_NAME.into(), ..file });
    }
    for format in OTHER_FORMATS {
        let files = crate::write(format, articles, labels, exported_at);
        let folder = format!("{}/", format.name());
        if !files.is_empty() {
            listed.push((folder.clone(), format));
        }
        for file in files {
            // Writers name their files inside their own folder already; any that does not is put there.
            let name = if file.name.starts_with(&folder) { file.name } else { format!("{folder}{}", file.name) };
            body.push(OutputFile { name, text: file.text });
        }
    }
    let mut out = vec![OutputFile { name: README_NAME.into(), text: readme(articles, exported_at, &listed) }];
    out.extend(body);
    out
}

fn readme(articles: &[&Article], exported_at: &str, listed: &[(String, Format)]) -> String {
    let spans: usize = articles.iter().map(|a| a.spans.len()).sum();
    let relations: usize = articles.iter().map(|a| a.relations.len()).sum();
    let width = listed.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0) + 2;
    let mut out = format!(
        "{README_FIRST_LINE}\n\nExported {exported_at}: {} articles, {spans} spans, {relations} relations.\n\n\
         Each file below holds the same articles, in another tool's format. Only newsmark.json keeps\n\
         everything (labels with their colours, attributes, notes, relations, where suggestions came\n\
         from); the others keep what their format can say. To get this workspace back, import\n\
         newsmark.json, or this whole zip, into newsmark.\n\n",
        articles.len()
    );
    for (name, format) in listed {
        out.push_str(&format!("{name:width$}{}\n", describe(*format)));
    }
    out.push_str(
        "\nOffsets count Unicode code points, end exclusive (in Python, text[start:end] is the span),\n\
         except in doccano's files, which count UTF-16 code units as doccano does, and brat's, which\n\
         count a Windows line break (CRLF) as one character as brat does.\n",
    );
    out
}

fn describe(format: Format) -> &'static str {
    match format {
        Format::Newsmark => "newsmark labelled JSON: the complete copy.",
        Format::Brat => "brat standoff: each article's text (.txt) beside its annotations (.ann).",
        Format::Doccano => "doccano sequence labelling, JSON Lines: one article a line.",
        Format::LabelStudio => "Label Studio: the tasks, each article with its spans as an annotation.",
        Format::W3c => "W3C Web Annotation (JSON-LD): one annotation per span, the texts included.",
        Format::Spacy => "spaCy-style JSON Lines: each article's text and its spans.",
        Format::Conll => "CoNLL IOB2: one token a line with its label, for training taggers.",
    }
}

/// Removes from `files` the copies inside each workspace bundle, keeping its `newsmark.json`,
/// which holds everything the copies hold and more. Says what it did, one sentence a bundle.
pub(crate) fn keep_lossless_copies(files: Vec<InputFile>, warnings: &mut Vec<String>) -> Vec<InputFile> {
    let roots: Vec<String> = files
        .iter()
        .filter(|f| f.text.lines().next().map(str::trim) == Some(README_FIRST_LINE))
        .filter_map(|f| f.name.strip_suffix(README_NAME).map(str::to_string))
        .filter(|root| root.is_empty() || root.ends_with('/'))
        .filter(|root| files.iter().any(|f| f.name == format!("{root}{LOSSLESS_NAME}")))
        .collect();
    for root in &roots {
        let shown = if root.is_empty() { "The files".to_string() } else { format!("“{}”", root.trim_end_matches('/')) };
        warnings.push(format!(
            "{shown} are a newsmark workspace export: only its newsmark.json was read, since the other files are copies of the same articles."
        ));
    }
    files
        .into_iter()
        .filter(|f| {
            let bundled = roots.iter().find(|root| f.name.starts_with(root.as_str()));
            bundled.is_none_or(|root| f.name == format!("{root}{LOSSLESS_NAME}"))
        })
        .collect()
}
